/**
 * A form's error summary: "Controleer het formulier" with, per wrong field, a link with the field's label (following
 * it puts the focus in the field) and the message. Nothing when there is nothing wrong.
 */
import { ErrorSummaryList } from './ErrorSummaryList.tsx';
import { Alert } from './Feedback.tsx';

export function FormErrorSummary({
  fields,
  testId,
}: {
  fields: ReadonlyArray<{ id: string; label: string; message: string | undefined }>;
  testId?: string;
}) {
  const wrong = fields.filter((f): f is { id: string; label: string; message: string } => Boolean(f.message));
  if (wrong.length === 0) return null;
  return (
    <Alert type="error" title="Controleer het formulier" urgent>
      <ErrorSummaryList fields={wrong.map((f) => ({ ...f, focus: () => document.getElementById(f.id)?.focus() }))} other={[]} testId={testId} />
    </Alert>
  );
}
