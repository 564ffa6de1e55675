/**
 * Why a project has its status, in plain Dutch. Mirrors the rule of src/domain/status.ts (pending
 * milestones delayed beyond tolerance, open and escalated knelpunten) using the delays the API
 * computed, so the tolerance is never duplicated here.
 */
import type { ProjectDetail } from '../../api/types.ts';
import { formatMonths, milestoneLabel, SEVERITY_LABELS } from '../../labels.ts';

export function statusReasons(project: Pick<ProjectDetail, 'milestones' | 'knelpunten'>): string[] {
  const reasons: string[] = [];
  for (const m of project.milestones) {
    if (m.actualDate || m.delay.severity === 'geen') continue;
    reasons.push(
      `${m.code} ${milestoneLabel(m.code)}: ${formatMonths(m.delay.months)} later dan gepland (${SEVERITY_LABELS[m.delay.severity].toLowerCase()}).`,
    );
  }
  const open = project.knelpunten.filter((k) => !k.resolvedDate);
  const escalated = open.filter((k) => k.escalated).length;
  if (escalated > 0) reasons.push(`${escalated} ${escalated === 1 ? 'knelpunt is' : 'knelpunten zijn'} geëscaleerd naar de versnellingstafel.`);
  if (open.length > 0) reasons.push(`${open.length} open ${open.length === 1 ? 'knelpunt' : 'knelpunten'}.`);
  return reasons;
}
