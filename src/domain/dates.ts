/**
 * Calendar dates as ISO strings `YYYY-MM-DD`; arithmetic goes through date-fns, except adding months and
 * reading a date, which are on every milestone of every project (derived status, delays) and are done here
 * with whole numbers: the same results as date-fns `addMonths` / `parseISO` (dates.test.ts compares them).
 */
import { addMonths, differenceInCalendarDays, format, isValid, parseISO } from 'date-fns';

export type IsoDate = string;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * A date of the form YYYY-MM-DD that exists in the calendar. Checked with whole numbers (it runs on every milestone
 * date of the national dataset: four per project, 400,000 projects); years before 1000 go through date-fns, as before.
 * dates.test.ts compares both.
 */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const y = Number(value.slice(0, 4));
  if (y < 1000) return isoDateByDateFns(value);
  const m = Number(value.slice(5, 7));
  const d = Number(value.slice(8, 10));
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= (m === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[m - 1]!); // 1 ≤ m ≤ 12
}

/** isIsoDate through date-fns: parsed, valid, and printed back the same. */
export function isoDateByDateFns(value: string): boolean {
  return ISO_DATE.test(value) && isValid(parseISO(value)) && format(parseISO(value), 'yyyy-MM-dd') === value;
}
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** Year, month (1–12) and day of an ISO date, or null when `date` does not have the form YYYY-MM-DD. */
function parts(date: IsoDate): [number, number, number] | null {
  if (date.length !== 10 || date[4] !== '-' || date[7] !== '-') return null;
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  return Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) && m >= 1 && m <= 12 && d >= 1 ? [y, m, d] : null;
}

/** The date `months` calendar months later (earlier when negative), the day clamped to the month's last (as date-fns addMonths). */
export function addMonthsIso(date: IsoDate, months: number): IsoDate {
  const p = parts(date);
  if (!p || !Number.isInteger(months) || p[0] < 1000) return format(addMonths(parseISO(date), months), 'yyyy-MM-dd');
  const index = p[0] * 12 + (p[1] - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  if (y < 1000) return format(addMonths(parseISO(date), months), 'yyyy-MM-dd');
  const last = m === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[m - 1]!; // 1 ≤ m ≤ 12
  const day = Math.min(p[2], last);
  return `${y}-${pad2(m)}-${pad2(day)}`;
}

/** The local midnight of an ISO date, as date-fns parseISO gives it (an Invalid Date for anything else). */
export function parseIsoDate(date: IsoDate): Date {
  const p = parts(date);
  if (!p || p[0] < 1000) return parseISO(date);
  const result = new Date(p[0], p[1] - 1, p[2]);
  // Day 31 of a 30-day month and the like: date-fns gives an Invalid Date, so must we.
  return result.getDate() === p[2] ? result : new Date(NaN);
}

/** Days from `a` to `b` (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return differenceInCalendarDays(parseISO(b), parseISO(a));
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}
