/**
 * Why a date moved (issue 12 item 4): when a milestone's forecast moves past the delay tolerance, the person who
 * moves it says why — a knelpunt category with a short text, or a knelpunt of the project. SPEC §2 "Phases and
 * milestones" (delayed: later than the baseline by more than the tolerance, design: 3 months) and "Knelpunt"
 * (the categories); `001 § Afspraak 3B`: on delay the table looks for alternatives, so it needs to know why.
 */
import { KNELPUNT_CATEGORIES, LABELS, type KnelpuntCategory, type MilestoneCode } from './codes.ts';
import { addMonthsIso, type IsoDate } from './dates.ts';
import { DEFAULT_TOLERANCE, type DelayTolerance } from './delay.ts';
import type { Issue } from './errors.ts';
import { formatDatum, milestoneName } from './format-nl.ts';
import { POLICY } from './policy.ts';
import type { Knelpunt, Milestone } from './project.ts';
import type { ProjectChange } from './project-diff.ts';

/** The reason as given: a category and a short text, or a knelpunt of the project. */
export type DelayReasonInput = { category: KnelpuntCategory; text: string } | { knelpuntId: string };

/** The reason as kept (a linked knelpunt's category and description are copied in). */
export interface DelayReason {
  category: KnelpuntCategory;
  text: string;
  knelpuntId: string | null;
}

/**
 * Does moving this milestone's forecast to `nextForecast` need a reason? Only when the new forecast lies later than
 * the baseline by more than the tolerance AND it moved later than it was (a first forecast counts from the baseline).
 * An achieved milestone (actual date) or one without a baseline never needs one.
 */
export function needsDelayReason(
  before: Pick<Milestone, 'baselineDate' | 'forecastDate' | 'actualDate'> | undefined,
  nextForecast: IsoDate | null | undefined,
  tolerance: DelayTolerance = DEFAULT_TOLERANCE,
): boolean {
  if (!before?.baselineDate || !nextForecast || before.actualDate) return false;
  const beyondTolerance = nextForecast > addMonthsIso(before.baselineDate, tolerance.toleranceMonths);
  const movedLater = nextForecast > (before.forecastDate ?? before.baselineDate);
  return beyondTolerance && movedLater;
}

/** The 422 message when the reason is needed and missing, naming the milestone, the new date and the baseline. */
export function delayReasonRequired(code: MilestoneCode, baselineDate: IsoDate, nextForecast: IsoDate, tolerance = DEFAULT_TOLERANCE): Issue {
  return {
    path: 'delayReason',
    code: 'delay_reason_required',
    message:
      `De prognose van ${milestoneName(code)} schuift naar ${formatDatum(nextForecast)}: meer dan ${tolerance.toleranceMonths} maanden na ` +
      `de basisplanning (${formatDatum(baselineDate)}). Geef aan waarom deze datum schuift: kies een soort knelpunt met een toelichting, of een bestaand knelpunt.`,
  };
}

/**
 * Check a given reason against the project's knelpunten and turn it into what is kept. A linked knelpunt must be
 * one of this project; a text must say something.
 */
export function resolveDelayReason(input: DelayReasonInput, knelpunten: readonly Knelpunt[]): { reason: DelayReason } | { issues: Issue[] } {
  if ('knelpuntId' in input) {
    const k = knelpunten.find((x) => x.id === input.knelpuntId);
    if (!k) {
      return {
        issues: [{ path: 'delayReason.knelpuntId', code: 'unknown_knelpunt', message: 'Kies een knelpunt van dit project.' }],
      };
    }
    return { reason: { category: k.category, text: k.description, knelpuntId: k.id } };
  }
  const issues: Issue[] = [];
  if (!(KNELPUNT_CATEGORIES as readonly string[]).includes(input.category)) {
    issues.push({ path: 'delayReason.category', code: 'required', message: 'Kies de soort knelpunt waardoor de datum schuift.' });
  }
  const text = input.text.trim();
  if (!text) issues.push({ path: 'delayReason.text', code: 'required', message: 'Licht kort toe waarom de datum schuift.' });
  else if (text.length > POLICY.knelpunten.maxReasonLength) {
    issues.push({
      path: 'delayReason.text',
      code: 'too_long',
      message: `De toelichting is te lang: hooguit ${POLICY.knelpunten.maxReasonLength} tekens.`,
    });
  }
  return issues.length > 0 ? { issues } : { reason: { category: input.category, text, knelpuntId: null } };
}

/** A kept reason in plain Dutch: "Netcongestie: geen aansluiting voor 2029" (or "knelpunt Netcongestie: …" when linked). */
export function describeDelayReason(r: Pick<DelayReason, 'category' | 'text' | 'knelpuntId'>): string {
  const category = LABELS[r.category] ?? r.category;
  return r.knelpuntId ? `knelpunt ${category.toLowerCase()}: ${r.text}` : `${category}: ${r.text}`;
}

/** A kept reason with the milestone and when it was given (what attachDelayReasons reads). */
export interface RecordedDelayReason extends DelayReason {
  milestoneCode: MilestoneCode;
  oldForecast: IsoDate | null;
  newForecast: IsoDate;
  recordedAt: string;
}

/**
 * Give each forecast move in "wat is er veranderd" the reason given for it: the latest reason recorded for that
 * milestone (`reasons` are those recorded since the quarter compared with).
 */
export function attachDelayReasons(changes: readonly ProjectChange[], reasons: readonly RecordedDelayReason[]): ProjectChange[] {
  const latestFirst = [...reasons].sort((x, y) => (x.recordedAt < y.recordedAt ? 1 : x.recordedAt > y.recordedAt ? -1 : 0));
  return changes.map((c) => {
    if (!c.milestoneCode || !['milestone_moved', 'forecast_set'].includes(c.kind)) return c;
    const entry = latestFirst.find((r) => r.milestoneCode === c.milestoneCode);
    if (!entry) return c;
    const reason = describeDelayReason(entry);
    return { ...c, reason, message: `${c.message} Reden: ${reason}` };
  });
}
