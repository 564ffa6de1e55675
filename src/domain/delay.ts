/** Milestone delay against the baseline. SPEC §2 "Phases and milestones" (tolerance: design). */
import { differenceInMonths } from 'date-fns';
import { addMonthsIso, parseIsoDate } from './dates.ts';
import type { Milestone } from './project.ts';
import { POLICY } from './policy.ts';

export type DelaySeverity = 'geen' | 'vertraagd' | 'ernstig';

export interface DelayTolerance {
  toleranceMonths: number;
  seriousMonths: number;
}

export const DEFAULT_TOLERANCE: DelayTolerance = POLICY.delay;

export interface MilestoneDelay {
  /** Whole months the actual (or else forecast) date lies after the baseline; negative when early. */
  months: number;
  severity: DelaySeverity;
}

/** The date that counts for progress: the actual date once achieved, otherwise the forecast. */
export function effectiveDate(m: Pick<Milestone, 'actualDate' | 'forecastDate'>): string | null {
  return m.actualDate ?? m.forecastDate;
}

/**
 * Delay of one milestone. Delayed when the effective date is later than baseline + tolerance;
 * serious when later than baseline + serious threshold. No baseline or no date: no delay.
 */
export function milestoneDelay(
  m: Pick<Milestone, 'baselineDate' | 'actualDate' | 'forecastDate'>,
  tolerance: DelayTolerance = DEFAULT_TOLERANCE,
): MilestoneDelay {
  const date = effectiveDate(m);
  if (!m.baselineDate || !date) return { months: 0, severity: 'geen' };
  const months = differenceInMonths(parseIsoDate(date), parseIsoDate(m.baselineDate));
  let severity: DelaySeverity = 'geen';
  if (date > addMonthsIso(m.baselineDate, tolerance.seriousMonths)) severity = 'ernstig';
  else if (date > addMonthsIso(m.baselineDate, tolerance.toleranceMonths)) severity = 'vertraagd';
  return { months, severity };
}
