/**
 * Mijn kwartaalronde: the one action per project — confirm it unchanged for one's own side (POST
 * /rounds/{roundId}/confirmations with this project). Afterwards the cell says so and takes the focus; a
 * refusal (an expired forecast) is shown next to the button, which keeps the focus.
 */
import { useEffect, useId, useRef } from 'react';
import { Button } from '../../components/Button.tsx';
import { VisuallyHidden } from '../../components/VisuallyHidden.tsx';

export type ConfirmStatus = { kind: 'busy' } | { kind: 'done' } | { kind: 'error'; message: string };

export function ConfirmAction({
  projectName,
  canConfirm,
  status,
  onConfirm,
}: {
  projectName: string;
  /** The side is still to do. */
  canConfirm: boolean;
  status: ConfirmStatus | undefined;
  onConfirm: () => void;
}) {
  const id = useId();
  const done = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (status?.kind === 'done') done.current?.focus();
  }, [status?.kind]);

  if (status?.kind === 'done') {
    return (
      <span ref={done} tabIndex={-1} className="wbm-my-round__done" data-testid="confirmed">
        Ongewijzigd bevestigd<VisuallyHidden>: {projectName}</VisuallyHidden>
      </span>
    );
  }
  if (!canConfirm) return null;
  const error = status?.kind === 'error' ? status.message : null;
  return (
    <div className="wbm-my-round__action">
      <Button
        appearance="secondary-action"
        small
        // Not `disabled`: a disabled button would drop the keyboard focus while the request runs.
        aria-disabled={status?.kind === 'busy' || undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onClick={() => {
          if (status?.kind !== 'busy') onConfirm();
        }}
        // The visible words first, then which project (WCAG 2.5.3 label in name): one exact name per row.
        aria-label={`${status?.kind === 'busy' ? 'Bezig met bevestigen' : 'Ongewijzigd bevestigen'}: ${projectName}`}
        data-testid="confirm-unchanged"
      >
        {status?.kind === 'busy' ? 'Bezig…' : 'Ongewijzigd bevestigen'}
      </Button>
      {error && (
        <p id={`${id}-error`} className="utrecht-form-field-error-message wbm-my-round__error" role="alert" data-testid="confirm-error">
          {error}
        </p>
      )}
    </div>
  );
}
