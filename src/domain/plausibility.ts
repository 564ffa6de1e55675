/**
 * Plausible dates (issue 8). SPEC §2 "Phases and milestones": each milestone has a baseline date (the
 * agreed plan), a forecast date and an actual date; SPEC §2 "Knelpunt": raised date and resolution.
 * An actual date records something that happened, so it cannot lie after today; planned dates must
 * lie within the window of POLICY.plausibleDates (reasons there). Pure: the caller passes `today`.
 *
 * Only dates that are new or changed are checked (see checkMilestoneDates): a date stored before this
 * rule existed must not block an unrelated edit by someone who may not even change that milestone.
 */
import type { MilestoneCode } from './codes.ts';
import { isIsoDate, type IsoDate } from './dates.ts';
import type { Issue } from './errors.ts';
import { formatDatum, milestoneName } from './format-nl.ts';
import { POLICY } from './policy.ts';
import type { Knelpunt, Milestone } from './project.ts';

/** planned: a baseline, forecast or deadline; happened: an actual date (gehaald op, gemeld, opgelost). */
export type DateKind = 'planned' | 'happened';

export interface DateRange {
  from: IsoDate;
  to: IsoDate;
}

/** The window in which a date of this kind is accepted, given today (YYYY-MM-DD). */
export function plausibleRange(kind: DateKind, today: IsoDate): DateRange {
  const { earliest, latestPlanned } = POLICY.plausibleDates;
  return { from: earliest, to: kind === 'happened' ? (today < latestPlanned ? today : latestPlanned) : latestPlanned };
}

export type Implausibility = 'date_too_early' | 'date_in_future' | 'date_too_late';

/** Why a (well-formed) date is implausible, or null when it is fine. Malformed dates are left to isIsoDate. */
export function implausibility(value: IsoDate, kind: DateKind, today: IsoDate): Implausibility | null {
  if (!isIsoDate(value)) return null;
  const range = plausibleRange(kind, today);
  if (value < range.from) return 'date_too_early';
  if (value > range.to) return kind === 'happened' && value > today ? 'date_in_future' : 'date_too_late';
  return null;
}

/**
 * One date checked: an Issue naming the field (`what`, Dutch, e.g. "De prognosedatum van Start bouw
 * (M11)") with the reason, or null.
 */
export function checkPlausibleDate(path: string, what: string, value: IsoDate | null | undefined, kind: DateKind, today: IsoDate): Issue | null {
  if (!value) return null;
  const problem = implausibility(value, kind, today);
  if (!problem) return null;
  const { earliest, latestPlanned } = POLICY.plausibleDates;
  const messages: Record<Implausibility, string> = {
    date_in_future: `${what} (${formatDatum(value)}) ligt na vandaag (${formatDatum(today)}). Een werkelijke datum is de dag waarop het is gebeurd; een verwachte datum hoort bij de prognose.`,
    date_too_late: `${what} (${formatDatum(value)}) ligt na ${formatDatum(latestPlanned)}, de laatste datum die de monitor aanneemt. Controleer het jaartal.`,
    date_too_early: `${what} (${formatDatum(value)}) ligt vóór ${formatDatum(earliest)}, de eerste datum die de monitor aanneemt. Controleer het jaartal.`,
  };
  return { path, code: problem, message: messages[problem] };
}

const MILESTONE_DATE_FIELDS = [
  { field: 'baselineDate', kind: 'planned', what: 'De basisplanning' },
  { field: 'forecastDate', kind: 'planned', what: 'De prognosedatum' },
  { field: 'actualDate', kind: 'happened', what: 'De werkelijke datum (gehaald op)' },
] as const satisfies ReadonlyArray<{ field: keyof Milestone; kind: DateKind; what: string }>;

/**
 * The milestone dates of `next` that are new or changed compared with `current` (same code) and lie
 * outside the plausible window. Paths are `milestones[i].field`, `i` being the index in `next`.
 */
export function checkMilestoneDates(
  next: readonly Pick<Milestone, 'code' | 'baselineDate' | 'forecastDate' | 'actualDate'>[],
  today: IsoDate,
  current: readonly Pick<Milestone, 'code' | 'baselineDate' | 'forecastDate' | 'actualDate'>[] = [],
): Issue[] {
  const issues: Issue[] = [];
  next.forEach((m, i) => {
    const before = current.find((c) => c.code === m.code);
    for (const { field, kind, what } of MILESTONE_DATE_FIELDS) {
      if (before && before[field] === m[field]) continue;
      const issue = checkPlausibleDate(`milestones[${i}].${field}`, `${what} van ${milestoneName(m.code as MilestoneCode)}`, m[field], kind, today);
      if (issue) issues.push(issue);
    }
  });
  return issues;
}

/** Raised and resolved dates of a knelpunt happened: not after today, not before the window. New or changed only. */
export function checkKnelpuntDates(
  next: Pick<Knelpunt, 'raisedDate' | 'resolvedDate'>,
  today: IsoDate,
  current?: Pick<Knelpunt, 'raisedDate' | 'resolvedDate'>,
): Issue[] {
  const issues: Issue[] = [];
  if (next.raisedDate !== current?.raisedDate) {
    const issue = checkPlausibleDate('raisedDate', 'De datum waarop het knelpunt is gemeld', next.raisedDate, 'happened', today);
    if (issue) issues.push(issue);
  }
  if (next.resolvedDate !== current?.resolvedDate) {
    const issue = checkPlausibleDate('resolvedDate', 'De datum waarop het knelpunt is opgelost', next.resolvedDate, 'happened', today);
    if (issue) issues.push(issue);
  }
  return issues;
}

/**
 * A date to draw on a time axis, kept inside the plausible window so that one odd date stored before
 * this rule (year 9999) cannot stretch the axis; null for anything that is not a calendar date.
 */
export function dateForAxis(value: string | null | undefined): { date: IsoDate; clamped: boolean } | null {
  if (!value || !isIsoDate(value)) return null;
  const { earliest, latestPlanned } = POLICY.plausibleDates;
  if (value < earliest) return { date: earliest, clamped: true };
  if (value > latestPlanned) return { date: latestPlanned, clamped: true };
  return { date: value, clamped: false };
}

/** The calendar date in the Netherlands at `instant` (the "today" of the rules above). */
export function dateInNetherlands(instant: Date): IsoDate {
  return DUTCH_ISO_DATE.format(instant);
}

/** Made once: a DateTimeFormat costs far more to make than to use. */
const DUTCH_ISO_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });
