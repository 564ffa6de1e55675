/** Project status colour. SPEC §2 ("Project status green / amber / red follows from its milestones and open knelpunten"). */
import type { StatusColour } from './codes.ts';
import { DEFAULT_TOLERANCE, milestoneDelay, type DelayTolerance } from './delay.ts';
import type { Knelpunt, Milestone } from './project.ts';

export interface StatusResult {
  status: StatusColour;
  /** Largest delay in months over milestones not yet achieved. */
  maxDelayMonths: number;
  reasons: string[];
}

/**
 * (design) Only milestones still to come count: a milestone achieved late is history, its effect shows
 * in the milestones after it.
 * - rood: a pending milestone seriously delayed, or an open knelpunt escalated to the table;
 * - oranje: a pending milestone delayed beyond tolerance, or any open knelpunt;
 * - groen: otherwise.
 */
export function projectStatus(
  milestones: readonly Milestone[],
  knelpunten: readonly Pick<Knelpunt, 'escalated' | 'resolvedDate'>[],
  tolerance: DelayTolerance = DEFAULT_TOLERANCE,
): StatusResult {
  const reasons: string[] = [];
  let red = false;
  let amber = false;
  let maxDelayMonths = 0;
  for (const m of milestones) {
    if (m.actualDate) continue;
    const delay = milestoneDelay(m, tolerance);
    if (delay.severity !== 'geen') maxDelayMonths = Math.max(maxDelayMonths, delay.months);
    if (delay.severity === 'ernstig') {
      red = true;
      reasons.push(`${m.code} ${delay.months} maanden later dan gepland`);
    } else if (delay.severity === 'vertraagd') {
      amber = true;
      reasons.push(`${m.code} ${delay.months} maanden later dan gepland`);
    }
  }
  const open = knelpunten.filter((k) => !k.resolvedDate);
  if (open.some((k) => k.escalated)) {
    red = true;
    reasons.push('knelpunt geëscaleerd naar de versnellingstafel');
  }
  if (open.length > 0) {
    amber = true;
    reasons.push(`${open.length} open knelpunt(en)`);
  }
  return { status: red ? 'rood' : amber ? 'oranje' : 'groen', maxDelayMonths, reasons };
}
