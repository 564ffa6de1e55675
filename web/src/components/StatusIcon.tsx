/** Small round icon per status: a check, an exclamation mark or a cross, so the shape differs too. */
import type { StatusColour } from '../labels.ts';

const PATHS: Record<StatusColour, string> = {
  groen: 'M4.5 8.5 7 11l4.5-5.5',
  oranje: 'M8 4.2v4.6M8 11.2v.6',
  rood: 'M5.2 5.2l5.6 5.6M10.8 5.2l-5.6 5.6',
};

export function StatusIcon({ status }: { status: StatusColour }) {
  return (
    <svg className={`wbm-status-icon wbm-status-icon--${status}`} viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <circle cx="8" cy="8" r="8" />
      <path d={PATHS[status]} fill="none" stroke="#fff" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
