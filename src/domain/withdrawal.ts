/**
 * Ending a plan (issue 12 item 2): withdrawing a plan that will not be built ("vervallen"), making it active
 * again, and merging two records of the same plan ("samengevoegd"). Pure rules; the caller passes `today`.
 *
 * A withdrawn plan is kept with its history and its earlier quarter snapshots and is counted as
 * **planuitval** — plans that drop out, which is why the plancapaciteit target exceeds the need ("Met meer
 * dan 100% plancapaciteit kan vertraging van plannen en planuitval opgevangen worden", `002 § 1`; SPEC §3).
 * A merged duplicate is no plan of its own: it is not planuitval and counts nowhere.
 *
 * What a withdrawn or merged project still counts for — the one place this is decided (the SQL predicate
 * that applies it is src/storage/lifecycle.repository.ts `countedSql`):
 *
 * | figure (query)                                                    | vervallen                         | samengevoegd |
 * | ----------------------------------------------------------------- | --------------------------------- | ------------ |
 * | project list and its sums (project.repository filterSql)          | only with the filter "Vervallen"  | never        |
 * | Tafeloverzicht: totals, pipeline, jaarschijven, delays, knelpunten, map (dashboard.repository loadProjects) | no | no |
 * | alternatives for a delayed project (same load)                    | no                                | no           |
 * | the table's agenda: its projects and escalated knelpunten (dashboard load, agenda.repository) | no | no           |
 * | projects a gemeente may name in a proposal (proposal.repository projectChoices) | no                  | no           |
 * | planuitval on the Tafeloverzicht and Plancapaciteit (planuitval)  | yes                               | no           |
 * | plancapaciteit and its drill-down (national.repository capacityRows, capacityProjectIds) | no  | no           |
 * | national forecast, simulation, special targets (national.repository projectDataset) | no      | no           |
 * | PPM use per region (national.repository ppmCounts)                | no                                | no           |
 * | public aggregates (public-stats.repository)                       | no                                | no           |
 * | quarterly round: who must deliver, edits, the snapshot at closing (round.repository) | no: parties need not deliver for it | no |
 * | projects per gemeente in the reference list (geography.repository) | no                               | no           |
 * | exports and the table report (they read the list and the dashboard) | as the list / dashboard         | as the list  |
 * | the project's own page, audit trail, earlier quarter snapshots    | yes (with a notice)               | yes (with a notice) |
 */
import type { IsoDate } from './dates.ts';
import { isIsoDate, yearOf } from './dates.ts';
import type { Issue } from './errors.ts';
import { formatDatum } from './format-nl.ts';
import { checkPlausibleDate } from './plausibility.ts';
import type { Knelpunt, Party } from './project.ts';

export const LIFECYCLE_STATES = ['actief', 'vervallen', 'samengevoegd'] as const;
export type LifecycleState = (typeof LIFECYCLE_STATES)[number];

/** Where a project stands in its life as a record: an active plan, withdrawn, or merged into another record. */
export interface ProjectLifecycle {
  state: LifecycleState;
  /** Vervallen: the date the plan was withdrawn (the decision, not when it was entered). */
  withdrawnDate: IsoDate | null;
  withdrawnReason: string | null;
  /** Samengevoegd: the record that stays (null when that record was later deleted). */
  mergedIntoId: string | null;
  mergedIntoName: string | null;
  mergedAt: string | null;
}

export const ACTIVE: ProjectLifecycle = {
  state: 'actief',
  withdrawnDate: null,
  withdrawnReason: null,
  mergedIntoId: null,
  mergedIntoName: null,
  mergedAt: null,
};

/** The state from the stored columns: a merge closes the record for good, whatever else it carried. */
export function lifecycleState(stored: { withdrawnDate: IsoDate | null; mergedAt: string | null }): LifecycleState {
  if (stored.mergedAt !== null) return 'samengevoegd';
  return stored.withdrawnDate !== null ? 'vervallen' : 'actief';
}

/** Does the project count in the figures of the pipeline, plancapaciteit, forecasts, alternatives and round (table above)? */
export function countsInFigures(lifecycle: Pick<ProjectLifecycle, 'state'>): boolean {
  return lifecycle.state === 'actief';
}

/** Is the project planuitval (a withdrawn plan; a merged duplicate is not)? */
export function isPlanuitval(lifecycle: Pick<ProjectLifecycle, 'state'>): boolean {
  return lifecycle.state === 'vervallen';
}

export const MAX_REASON_LENGTH = 2000;

function checkReason(reason: string | undefined, what: string): Issue[] {
  const text = reason?.trim() ?? '';
  if (text === '') return [{ path: 'reason', code: 'required', message: `Vul de reden in waarom ${what}.` }];
  if (text.length > MAX_REASON_LENGTH) {
    return [{ path: 'reason', code: 'too_long', message: `De reden is te lang: gebruik ten hoogste ${MAX_REASON_LENGTH} tekens.` }];
  }
  return [];
}

function notMerged(lifecycle: ProjectLifecycle): Issue[] {
  return lifecycle.state === 'samengevoegd'
    ? [{ path: 'version', code: 'merged', message: 'Dit project is samengevoegd met een ander project en kan niet meer worden gewijzigd.' }]
    : [];
}

/**
 * Withdrawing a plan: an active plan, a reason, and the date of the decision — a day that has happened
 * (not after today, not before the monitor's first date; src/domain/plausibility.ts).
 */
export function checkWithdrawal(current: ProjectLifecycle, request: { reason?: string; date?: IsoDate }, today: IsoDate): Issue[] {
  const merged = notMerged(current);
  if (merged.length > 0) return merged;
  if (current.state === 'vervallen') {
    return [{ path: 'version', code: 'already_withdrawn', message: `Dit plan is al vervallen (op ${formatDatum(current.withdrawnDate ?? '')}).` }];
  }
  const issues = checkReason(request.reason, 'het plan vervalt');
  if (!request.date || !isIsoDate(request.date)) {
    issues.push({ path: 'date', code: 'required', message: 'Vul de datum in waarop het plan is vervallen (dd-mm-jjjj).' });
  } else {
    const implausible = checkPlausibleDate('date', 'De datum waarop het plan is vervallen', request.date, 'happened', today);
    if (implausible) issues.push(implausible);
  }
  return issues;
}

/** Making a withdrawn plan active again ("Weer actief maken"): its own act, with a reason. */
export function checkReinstatement(current: ProjectLifecycle, request: { reason?: string }): Issue[] {
  const merged = notMerged(current);
  if (merged.length > 0) return merged;
  if (current.state !== 'vervallen') return [{ path: 'version', code: 'not_withdrawn', message: 'Dit plan is niet vervallen; het is al actief.' }];
  return checkReason(request.reason, 'het plan weer actief wordt');
}

/** The two records of a merge, as the rule needs them. */
export interface MergeSide {
  id: string;
  gemeenteCode: string;
  lifecycle: ProjectLifecycle;
}

/**
 * Merging a duplicate into the record that stays: two different records of the same gemeente (one plan
 * lies in one gemeente, SPEC §2), neither merged already, and the record that stays an active plan (a
 * withdrawn one is made active again first, so no plan disappears into planuitval by a merge).
 */
export function checkMerge(duplicate: MergeSide, into: MergeSide): Issue[] {
  if (duplicate.id === into.id) {
    return [
      { path: 'intoProjectId', code: 'same_project', message: 'Kies een ander project: een project kan niet met zichzelf worden samengevoegd.' },
    ];
  }
  const issues: Issue[] = [];
  if (duplicate.lifecycle.state === 'samengevoegd') {
    issues.push({ path: 'version', code: 'merged', message: 'Dit project is al samengevoegd met een ander project.' });
  }
  if (into.gemeenteCode !== duplicate.gemeenteCode) {
    issues.push({
      path: 'intoProjectId',
      code: 'other_gemeente',
      message: 'Kies een project in dezelfde gemeente: alleen twee records van hetzelfde plan worden samengevoegd.',
    });
  }
  if (into.lifecycle.state === 'samengevoegd') {
    issues.push({
      path: 'intoProjectId',
      code: 'merged',
      message: 'Het gekozen project is zelf al samengevoegd met een ander project. Kies het project dat blijft.',
    });
  } else if (into.lifecycle.state === 'vervallen') {
    issues.push({
      path: 'intoProjectId',
      code: 'withdrawn',
      message: 'Het gekozen project is vervallen. Maak het eerst weer actief, of kies een ander project.',
    });
  }
  return issues;
}

/** What moves from the duplicate to the record that stays. */
export interface MergePlan {
  /** All its knelpunten (open and resolved: their history belongs to the plan). */
  knelpuntIds: string[];
  /** Its parties (organisation + role) the record that stays does not have yet. */
  parties: Party[];
}

/** Which knelpunten and parties of the duplicate move to the record that stays (issue 12 item 2). */
export function planMerge(
  duplicate: { parties: readonly Party[]; knelpunten: readonly Pick<Knelpunt, 'id'>[] },
  into: { parties: readonly Party[] },
): MergePlan {
  const present = new Set(into.parties.map((p) => `${p.organisationId}|${p.role}`));
  return {
    knelpuntIds: duplicate.knelpunten.map((k) => k.id),
    parties: duplicate.parties.filter((p) => !present.has(`${p.organisationId}|${p.role}`)),
  };
}

/** Planuitval of an area: the withdrawn plans (not merged duplicates), in total and per year of withdrawal. */
export interface Planuitval {
  projects: number;
  homes: number;
  perYear: Array<{ year: number; projects: number; homes: number }>;
}

/** Sum withdrawn plans (each with its withdrawal date and programme total) into planuitval per year, oldest year first. */
export function summarisePlanuitval(withdrawn: ReadonlyArray<{ withdrawnDate: IsoDate; totalHomes: number }>): Planuitval {
  const byYear = new Map<number, { projects: number; homes: number }>();
  for (const w of withdrawn) {
    const year = yearOf(w.withdrawnDate);
    const entry = byYear.get(year) ?? { projects: 0, homes: 0 };
    entry.projects += 1;
    entry.homes += w.totalHomes;
    byYear.set(year, entry);
  }
  const perYear = [...byYear.entries()].sort(([a], [b]) => a - b).map(([year, v]) => ({ year, ...v }));
  return {
    projects: withdrawn.length,
    homes: withdrawn.reduce((sum, w) => sum + w.totalHomes, 0),
    perYear,
  };
}

/**
 * A merged record is closed for good: what it held now lives in the record that stays, so a change to it would be
 * lost from every figure and list. Returns why a change is refused, or null for an active or withdrawn plan (a
 * withdrawn plan may still be corrected; making it active again is its own act).
 */
export function closedRecordProblem(lifecycle: Pick<ProjectLifecycle, 'state' | 'mergedIntoName'>): string | null {
  if (lifecycle.state !== 'samengevoegd') return null;
  const into = lifecycle.mergedIntoName ? `'${lifecycle.mergedIntoName}'` : 'een ander project';
  return `Dit project is samengevoegd met ${into} en kan niet meer worden gewijzigd. Werk het project bij dat blijft.`;
}
