/**
 * Alternatives when a region falls behind: candidate projects in the same region that could be
 * brought forward or enlarged, ranked by readiness, each with its reasons. SPEC §1: on delay the
 * table first looks for alternatives within the woondeal locations (bring projects forward, change a
 * programme so more homes are built) — `001 § Afspraak 3B`. Scoring weights are *(design)*.
 */
import { LABELS, type Phase, type PlanStatus } from './codes.ts';
import type { DashboardProject } from './dashboard.ts';
import { DEFAULT_TOLERANCE, milestoneDelay, type DelayTolerance } from './delay.ts';

/** (design) Readiness points per plan status: a harder plan can be accelerated sooner. */
const PLAN_STATUS_POINTS: Record<PlanStatus, number> = { onherroepelijk: 4, vastgesteld: 3, in_voorbereiding: 1, visie: 0, onbekend: 0 };
/** (design) Readiness points per phase. */
const PHASE_POINTS: Record<Phase, number> = {
  initiatief: 0,
  haalbaarheid: 0,
  planvorming: 1,
  planologische_procedure: 2,
  vergunning: 3,
  realisatie: 2,
  opgeleverd: 0,
};

export type AlternativeKind = 'naar_voren_halen' | 'programma_uitbreiden';

export interface Alternative {
  projectId: string;
  projectName: string;
  gemeenteCode: string;
  kind: AlternativeKind;
  score: number;
  /** Homes planned after the year in question that could come earlier. */
  homesLater: number;
  reasons: string[];
}

/** Readiness of a project: higher is more ready to accelerate; reasons in plain Dutch. */
export function readiness(p: DashboardProject, tolerance: DelayTolerance = DEFAULT_TOLERANCE): { score: number; reasons: string[] } {
  const reasons: string[] = [];
  let score = PLAN_STATUS_POINTS[p.planStatus] + PHASE_POINTS[p.phase];
  reasons.push(`Plan ${LABELS[p.planStatus].toLowerCase()}`, `Fase: ${LABELS[p.phase].toLowerCase()}`);
  const open = p.knelpunten.filter((k) => !k.resolvedDate);
  if (open.length === 0) {
    score += 1;
    reasons.push('Geen open knelpunten');
  } else {
    score -= open.length + open.filter((k) => k.escalated).length;
    reasons.push(`${open.length} open knelpunt(en)`);
  }
  const delayed = p.milestones.filter((m) => !m.actualDate && milestoneDelay(m, tolerance).severity !== 'geen').length;
  if (delayed > 0) {
    score -= delayed;
    reasons.push(`${delayed} mijlpaal/mijlpalen vertraagd`);
  }
  return { score, reasons };
}

/**
 * Candidates for a shortfall in `year`: projects not yet completed, not red, that either plan homes
 * after `year` (bring forward) or have a hard plan early enough to change the programme (enlarge).
 * `excludeProjectId` leaves out the delayed project itself.
 */
export function proposeAlternatives(
  projects: readonly DashboardProject[],
  options: { year: number; excludeProjectId?: string; limit?: number; tolerance?: DelayTolerance },
): Alternative[] {
  const result: Alternative[] = [];
  for (const p of projects) {
    if (p.id === options.excludeProjectId || p.phase === 'opgeleverd' || p.status === 'rood') continue;
    const homesLater = p.jaarschijven.filter((s) => s.year > options.year).reduce((n, s) => n + s.homes, 0);
    const { score, reasons } = readiness(p, options.tolerance);
    let kind: AlternativeKind | null = null;
    if (homesLater > 0 && ['planologische_procedure', 'vergunning', 'realisatie'].includes(p.phase)) {
      kind = 'naar_voren_halen';
      reasons.unshift(`${homesLater} woningen gepland na ${options.year}: naar voren halen?`);
    } else if (
      ['onherroepelijk', 'vastgesteld'].includes(p.planStatus) &&
      ['planvorming', 'planologische_procedure', 'vergunning'].includes(p.phase)
    ) {
      kind = 'programma_uitbreiden';
      reasons.unshift('Hard plan vóór start bouw: programma uitbreiden?');
    }
    if (!kind) continue;
    result.push({ projectId: p.id, projectName: p.name, gemeenteCode: p.gemeenteCode, kind, score, homesLater, reasons });
  }
  result.sort((a, b) => b.score - a.score || b.homesLater - a.homesLater || a.projectName.localeCompare(b.projectName));
  return result.slice(0, options.limit ?? 20);
}
