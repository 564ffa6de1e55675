/** Kwartaalronde: the outcome of an action, next to the table where it was taken. */
import { ApiError } from '../../api/client.ts';
import { Alert } from '../../components/Feedback.tsx';
import type { ActionMessage } from './roundTypes.ts';
import { Paragraph } from '../../components/Paragraph.tsx';

/** The message of a failed action, in Dutch. */
export function failure(err: unknown): string {
  if (err instanceof ApiError)
    return [err.problem?.title, err.problem?.detail, ...(err.problem?.errors ?? []).map((e) => e.message)].filter(Boolean).join(' ');
  return err instanceof Error ? err.message : 'Onbekende fout.';
}

/** The outcome of a confirmation: a status line (announced), or an error. */
export function ActionStatus({ message }: { message: ActionMessage | null }) {
  return (
    <>
      <Paragraph className="wbm-action-status" role="status" aria-live="polite" data-testid="round-message">
        {message?.type === 'ok' && message.text}
      </Paragraph>
      {message?.type === 'error' && (
        <Alert type="error" title="Dat is niet gelukt" urgent>
          <Paragraph>{message.text}</Paragraph>
        </Alert>
      )}
    </>
  );
}
