/** All derived figures of a project in one place, so storage and API never compute them differently. */
import type { DelayTolerance } from './delay.ts';
import { DEFAULT_TOLERANCE } from './delay.ts';
import { derivePhase } from './phase.ts';
import { programmeTotals } from './programme.ts';
import type { Knelpunt, ProjectDerived, ProjectInput } from './project.ts';
import { projectStatus } from './status.ts';

export function deriveProject(
  input: Pick<ProjectInput, 'programme' | 'milestones'>,
  knelpunten: readonly Pick<Knelpunt, 'escalated' | 'resolvedDate'>[],
  tolerance: DelayTolerance = DEFAULT_TOLERANCE,
): ProjectDerived {
  const totals = programmeTotals(input.programme);
  const status = projectStatus(input.milestones, knelpunten, tolerance);
  return {
    phase: derivePhase(input.milestones, totals.totalHomes),
    status: status.status,
    totalHomes: totals.totalHomes,
    affordableHomes: totals.affordableHomes,
    socialHomes: totals.socialHomes,
    maxDelayMonths: status.maxDelayMonths,
  };
}
