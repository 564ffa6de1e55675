/** Delay of one milestone in words ("Vertraagd", "4 maanden later"), with colour and an icon as extra cues. */
import type { DelaySeverity } from '../api/types.ts';
import { formatMonths, SEVERITY_LABELS, type StatusColour } from '../labels.ts';
import { StatusIcon } from './StatusIcon.tsx';
import { VisuallyHidden } from './VisuallyHidden.tsx';

const COLOUR: Record<DelaySeverity, StatusColour> = { geen: 'groen', vertraagd: 'oranje', ernstig: 'rood' };

export interface DelayBadgeProps {
  /** Severity as computed by the API. */
  severity: DelaySeverity;
  /** Months later (positive) or earlier (negative) than the baseline. */
  months: number;
  /** False when the milestone has no baseline or no date: nothing to compare. */
  hasComparison: boolean;
}

export function DelayBadge({ severity, months, hasComparison }: DelayBadgeProps) {
  if (!hasComparison) return <span className="wbm-muted">Niet te bepalen</span>;
  const detail = months > 0 ? `${formatMonths(months)} later` : months < 0 ? `${formatMonths(-months)} eerder` : null;
  return (
    <>
      <span className={`wbm-status wbm-status--${COLOUR[severity]}`}>
        <StatusIcon status={COLOUR[severity]} />
        <span>{SEVERITY_LABELS[severity]}</span>
      </span>
      {detail && (
        <span className="wbm-status-detail">
          <VisuallyHidden>, </VisuallyHidden>
          {detail}
        </span>
      )}
    </>
  );
}
