/** Project status as colour + shape + text: the text carries the meaning (WCAG 1.4.1), colour only helps. */
import type { StatusColour } from '../labels.ts';
import { statusLabel } from '../labels.ts';
import { StatusIcon } from './StatusIcon.tsx';

export interface StatusBadgeProps {
  /** Status colour code of the project. */
  status: StatusColour;
}

export function StatusBadge({ status }: StatusBadgeProps) {
  return (
    <span className={`wbm-status wbm-status--${status}`}>
      <StatusIcon status={status} />
      <span>{statusLabel(status)}</span>
    </span>
  );
}
