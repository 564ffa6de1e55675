/** Loading and error messages, announced to screen readers. */
import type { ReactNode } from 'react';
import { ApiError } from '../api/client.ts';
import { Button } from './Button.tsx';
import { Paragraph } from './Paragraph.tsx';

export function Loading({ children = 'Bezig met laden…' }: { children?: ReactNode }) {
  return (
    <Paragraph className="wbm-loading" role="status">
      {children}
    </Paragraph>
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
          {title && <Paragraph className="wbm-alert__title">{title}</Paragraph>}
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

/** Parts of a page address that name what the page shows (`/projecten/:id`, `/kwartaalronde/:roundId`, `/tafels/:regionId`). */
const ADDRESS_PARAMS = new Set(['id', 'roundId', 'regionId']);
const NOT_FOUND_TEXT = 'Wat u zoekt bestaat niet (meer). Misschien is het adres verkeerd getypt, of is het verwijderd.';

/**
 * Not found: a 404, or a 400 only because the id in the page address is malformed (a mistyped or cut-off
 * link): for the user both mean that this page does not exist.
 */
export function isNotFound(error: Error): boolean {
  if (!(error instanceof ApiError)) return false;
  if (error.status === 404) return true;
  const issues = error.problem?.errors ?? [];
  return error.status === 400 && issues.length > 0 && issues.every((i) => ADDRESS_PARAMS.has(i.path));
}

/** Shows why a request failed, in Dutch. A retry button only where trying again can help. */
export function ErrorMessage({ error, retry }: { error: Error; retry?: () => void }) {
  const problem = error instanceof ApiError ? error.problem : null;
  const status = error instanceof ApiError ? error.status : null;
  const notFound = isNotFound(error);
  const title = notFound ? 'Niet gevonden' : status === 403 ? 'Geen toegang' : (problem?.title ?? 'Er ging iets mis');
  return (
    <Alert type="error" title={title} urgent>
      {/* Not the server's text here: it repeats the id from the address ("Project '…' bestaat niet", "Ongeldige id (verwacht een UUID)"). */}
      <Paragraph>{notFound ? NOT_FOUND_TEXT : (problem?.detail ?? error.message)}</Paragraph>
      {status === 403 && (
        <Paragraph>
          Opnieuw proberen helpt niet: deze gegevens zijn niet voor uw account. Denkt u dat u wel toegang moet hebben? Vraag het de beheerder van de
          monitor.
        </Paragraph>
      )}
      {retry && canRetry(error) && (
        <Button appearance="secondary-action" onClick={retry}>
          Probeer opnieuw
        </Button>
      )}
    </Alert>
  );
}
