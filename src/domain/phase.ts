/** Phase derived from the milestones achieved. SPEC §2 "Phases and milestones" (design mapping). */
import type { MilestoneCode, Phase } from './codes.ts';
import type { Milestone } from './project.ts';

/**
 * The phase a project enters once a milestone has an actual date, latest first.
 * NOTE: M10 (start verkoop) does not change the phase; M01 keeps the project in initiatief.
 */
const PHASE_AFTER: ReadonlyArray<[MilestoneCode, Phase]> = [
  ['M12', 'opgeleverd'],
  ['M11', 'realisatie'],
  ['M09', 'vergunning'],
  ['M08', 'vergunning'],
  ['M07', 'vergunning'],
  ['M06', 'planologische_procedure'],
  ['M05', 'planologische_procedure'],
  ['M04', 'planvorming'],
  ['M03', 'planvorming'],
  ['M02', 'haalbaarheid'],
];

/**
 * Derive the phase. A partial oplevering (M12 achieved with fewer homes than the programme)
 * keeps the project in realisatie.
 */
export function derivePhase(milestones: readonly Milestone[], totalHomes: number): Phase {
  const achieved = new Map(milestones.filter((m) => m.actualDate).map((m) => [m.code, m]));
  for (const [code, phase] of PHASE_AFTER) {
    const m = achieved.get(code);
    if (!m) continue;
    if (code === 'M12' && m.homes !== null && m.homes < totalHomes) return 'realisatie';
    return phase;
  }
  return 'initiatief';
}
