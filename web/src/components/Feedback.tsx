/** Loading and error messages, announced to screen readers. */
import type { ReactNode } from 'react';
import { ApiError } from '../api/client.ts';

export function Loading({ children = 'Bezig met laden…' }: { children?: ReactNode }) {
  return (
    <p className="utrecht-paragraph wbm-loading" role="status">
      {children}
    </p>
  );
}

export interface AlertProps {
  type: 'info' | 'ok' | 'warning' | 'error';
  /** Heading text of the message, if any. */
  title?: string;
  children?: ReactNode;
  /** role="alert" interrupts the screen reader: only for messages caused by the user's own action. */
  urgent?: boolean;
}

export function Alert({ type, title, children, urgent = false }: AlertProps) {
  return (
    <div className={`utrecht-alert utrecht-alert--${type} wbm-alert`} role={urgent ? 'alert' : undefined}>
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          {title && <p className="utrecht-paragraph wbm-alert__title">{title}</p>}
          {children}
        </div>
      </div>
    </div>
  );
}

/**
 * Can trying again help? Not when the answer is "no access", "not found" or a refused request: those give the
 * same answer again. Only for network trouble, busy servers and server errors.
 */
export function canRetry(error: Error): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.status >= 500 || error.status === 408 || error.status === 429 || error.status === 0;
}

/** Shows why a request failed, in Dutch. A retry button only where trying again can help. */
export function ErrorMessage({ error, retry }: { error: Error; retry?: () => void }) {
  const problem = error instanceof ApiError ? error.problem : null;
  const status = error instanceof ApiError ? error.status : null;
  const title = status === 404 ? 'Niet gevonden' : status === 403 ? 'Geen toegang' : (problem?.title ?? 'Er ging iets mis');
  return (
    <Alert type="error" title={title} urgent>
      <p className="utrecht-paragraph">{problem?.detail ?? error.message}</p>
      {status === 403 && (
        <p className="utrecht-paragraph">
          Opnieuw proberen helpt niet: deze gegevens zijn niet voor uw account. Denkt u dat u wel toegang moet hebben? Vraag het de beheerder van de
          monitor.
        </p>
      )}
      {retry && canRetry(error) && (
        <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={retry}>
          Probeer opnieuw
        </button>
      )}
    </Alert>
  );
}
