/**
 * What became of the last action on a page or section: a status line read out by screen readers ("Het token is
 * ingetrokken.") and, when it failed, an error with the reason. The status line is always there (empty when
 * there is nothing to say), so a screen reader notices when its text changes.
 */
import { Alert } from './Feedback.tsx';
import { Paragraph } from './Paragraph.tsx';

export function ActionFeedback({ status, problem, testId }: { status: string | null; problem: string | null; testId?: string }) {
  return (
    <>
      <Paragraph className="wbm-save-status" role="status" data-testid={testId}>
        {status}
      </Paragraph>
      {problem && (
        <Alert type="error" title="Dat is niet gelukt" urgent>
          <Paragraph>{problem}</Paragraph>
        </Alert>
      )}
    </>
  );
}
