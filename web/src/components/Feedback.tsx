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

/** Shows why a request failed, in Dutch. */
export function ErrorMessage({ error, retry }: { error: Error; retry?: () => void }) {
  const problem = error instanceof ApiError ? error.problem : null;
  const title = error instanceof ApiError && error.status === 404 ? 'Niet gevonden' : (problem?.title ?? 'Er ging iets mis');
  return (
    <Alert type="error" title={title} urgent>
      <p className="utrecht-paragraph">{problem?.detail ?? error.message}</p>
      {retry && (
        <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={retry}>
          Probeer opnieuw
        </button>
      )}
    </Alert>
  );
}
