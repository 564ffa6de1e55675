/**
 * Baselines of milestones. SPEC §2 "Phases and milestones": each milestone has a baseline date (the
 * agreed plan); "Re-baselining is an explicit act of the table, with a reason, kept in history."
 * Delay is measured against the baseline (delay.ts), so an ordinary edit that moves the baseline would
 * silently hide a delay: only the explicit re-baseline act may change or clear one.
 */
import type { MilestoneCode } from './codes.ts';
import { isIsoDate, type IsoDate } from './dates.ts';
import type { Issue } from './errors.ts';
import { formatDatum, milestoneName } from './format-nl.ts';
import { checkPlausibleDate } from './plausibility.ts';
import { POLICY } from './policy.ts';
import type { Milestone } from './project.ts';

/** One baseline moved by a re-baseline: `from` → `to` (null: none). */
export interface BaselineChange {
  code: MilestoneCode;
  from: IsoDate | null;
  to: IsoDate | null;
}

/** One re-baseline act as kept in `baseline_history`. */
export interface BaselineHistoryEntry {
  id: string;
  projectId: string;
  changedAt: string;
  /** Project version after the re-baseline. */
  projectVersion: number;
  reason: string;
  changes: BaselineChange[];
}

/** (design) A reason must say something: at least this many characters after trimming. */
export const MIN_REASON_LENGTH = 10;

const USE_REBASELINE = 'Een baseline wijzigen of wissen kan alleen via ‘opnieuw baselinen’, met een reden.';

/**
 * The rule for an ordinary edit (PATCH project, PUT milestones, PATCH milestone): a baseline that was
 * empty may be set, an existing baseline may not be changed, cleared, or dropped with its milestone.
 * Issues name `milestones[i].baselineDate`, `i` being the index in `next`.
 */
export function checkBaselineEdit(
  current: readonly Pick<Milestone, 'code' | 'baselineDate'>[],
  next: readonly Pick<Milestone, 'code' | 'baselineDate'>[],
): Issue[] {
  const issues: Issue[] = [];
  const nextCodes = new Set(next.map((m) => m.code));
  next.forEach((m, i) => {
    const before = current.find((c) => c.code === m.code);
    if (!before?.baselineDate || before.baselineDate === m.baselineDate) return;
    issues.push({
      path: `milestones[${i}].baselineDate`,
      code: 'baseline_locked',
      message: m.baselineDate
        ? `De baseline van ${milestoneName(m.code)} staat vast op ${formatDatum(before.baselineDate)} en kan niet zomaar naar ${formatDatum(m.baselineDate)}. ${USE_REBASELINE}`
        : `De baseline van ${milestoneName(m.code)} (${formatDatum(before.baselineDate)}) kan niet worden gewist. ${USE_REBASELINE}`,
    });
  });
  for (const before of current) {
    if (before.baselineDate && !nextCodes.has(before.code)) {
      issues.push({
        path: 'milestones',
        code: 'baseline_locked',
        message: `${milestoneName(before.code)} heeft een baseline (${formatDatum(before.baselineDate)}) en kan daarom niet uit de planning. ${USE_REBASELINE}`,
      });
    }
  }
  return issues;
}

export interface RebaselineRequest {
  reason: string;
  milestones: ReadonlyArray<{ code: MilestoneCode; baselineDate: IsoDate | null }>;
}

export interface RebaselinePlan {
  /** The project's milestones with the new baselines applied (same order as before). */
  milestones: Milestone[];
  /** Only the baselines that actually change. */
  changes: BaselineChange[];
  issues: Issue[];
}

/**
 * Work out a re-baseline: the reason is required, each milestone named once and present in the
 * project, and at least one baseline must actually change. Entries that leave a baseline as it is
 * are ignored (not an error), so a client may send the whole list.
 */
export function planRebaseline(current: readonly Milestone[], request: RebaselineRequest): RebaselinePlan {
  const issues: Issue[] = [];
  if (request.reason.trim().length < MIN_REASON_LENGTH) {
    issues.push({
      path: 'reason',
      code: 'reason_required',
      message: `Geef een reden voor het opnieuw baselinen (minstens ${MIN_REASON_LENGTH} tekens): de tafel moet later kunnen nagaan waarom de planning is bijgesteld.`,
    });
  }
  if (request.milestones.length === 0) {
    issues.push({ path: 'milestones', code: 'required', message: 'Noem minstens één mijlpaal met de nieuwe baseline.' });
  }
  const seen = new Set<MilestoneCode>();
  const newBaselines = new Map<MilestoneCode, IsoDate | null>();
  request.milestones.forEach((m, i) => {
    if (seen.has(m.code)) {
      issues.push({ path: `milestones[${i}].code`, code: 'duplicate', message: `Mijlpaal ${m.code} staat er twee keer in.` });
      return;
    }
    seen.add(m.code);
    if (!current.some((c) => c.code === m.code)) {
      issues.push({
        path: `milestones[${i}].code`,
        code: 'unknown_milestone',
        message: `${milestoneName(m.code)} staat niet in de planning van dit project. Voeg de mijlpaal eerst toe; een nieuwe baseline invullen mag gewoon.`,
      });
      return;
    }
    if (m.baselineDate !== null && !isIsoDate(m.baselineDate)) {
      issues.push({
        path: `milestones[${i}].baselineDate`,
        code: 'invalid_date',
        message: `'${m.baselineDate}' is geen geldige datum (JJJJ-MM-DD).`,
      });
      return;
    }
    // Issue 8: a baseline is a planned date, within the plausible window (POLICY.plausibleDates).
    const implausible = checkPlausibleDate(
      `milestones[${i}].baselineDate`,
      `De nieuwe basisplanning van ${milestoneName(m.code)}`,
      m.baselineDate,
      'planned',
      POLICY.plausibleDates.validFrom,
    );
    if (implausible) {
      issues.push(implausible);
      return;
    }
    newBaselines.set(m.code, m.baselineDate);
  });
  const changes: BaselineChange[] = [];
  const milestones = current.map((m) => {
    if (!newBaselines.has(m.code)) return { ...m };
    const to = newBaselines.get(m.code)!;
    if (to !== m.baselineDate) changes.push({ code: m.code, from: m.baselineDate, to });
    return { ...m, baselineDate: to };
  });
  if (issues.length === 0 && changes.length === 0) {
    issues.push({ path: 'milestones', code: 'no_change', message: 'Geen van de genoemde baselines verandert; er is niets opnieuw te baselinen.' });
  }
  return { milestones, changes, issues };
}
