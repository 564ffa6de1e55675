/**
 * Quarters as a value type `'YYYY-Qn'` (e.g. `'2026-Q4'`). The PPM "wordt elk kwartaal geüpdatet"
 * (`001 § Afspraak 3B`); SPEC §2 "Quarterly round". Strings sort chronologically, so they can be
 * compared with `<` and stored as text.
 */
import { format, parseISO } from 'date-fns';
import type { IsoDate } from './dates.ts';

export type QuarterNumber = 1 | 2 | 3 | 4;

/** A quarter, `'YYYY-Qn'`. */
export type Kwartaal = `${number}-Q${QuarterNumber}`;

export interface KwartaalParts {
  year: number;
  quarter: QuarterNumber;
}

export const KWARTAAL_PATTERN = /^(\d{4})-Q([1-4])$/;

/** True for a well-formed quarter such as `'2026-Q4'`. */
export function isKwartaal(value: string): value is Kwartaal {
  return KWARTAAL_PATTERN.test(value);
}

/** Split `'2026-Q4'` into `{ year: 2026, quarter: 4 }`; null when the text is not a quarter. */
export function parseKwartaal(value: string): KwartaalParts | null {
  const match = KWARTAAL_PATTERN.exec(value);
  if (!match) return null;
  return { year: Number(match[1]), quarter: Number(match[2]) as QuarterNumber };
}

/** Like `parseKwartaal`, but throws on text that is not a quarter (for values already validated at the edge). */
export function toKwartaalParts(value: string): KwartaalParts {
  const parts = parseKwartaal(value);
  if (!parts) throw new Error(`'${value}' is not a quarter (YYYY-Qn)`);
  return parts;
}

export function formatKwartaal(year: number, quarter: QuarterNumber): Kwartaal {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new Error(`year ${year} out of range`);
  return `${year}-Q${quarter}` as Kwartaal;
}

/** The quarter `n` quarters later (negative: earlier). */
export function addKwartalen(k: Kwartaal, n: number): Kwartaal {
  const { year, quarter } = toKwartaalParts(k);
  const index = year * 4 + (quarter - 1) + n;
  return formatKwartaal(Math.floor(index / 4), ((index % 4) + 1) as QuarterNumber);
}

export function nextKwartaal(k: Kwartaal): Kwartaal {
  return addKwartalen(k, 1);
}

export function previousKwartaal(k: Kwartaal): Kwartaal {
  return addKwartalen(k, -1);
}

/** Negative when `a` comes before `b`, 0 when equal, positive after (for `Array.sort`). */
export function compareKwartaal(a: Kwartaal, b: Kwartaal): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The quarter a calendar date falls in. */
export function quarterOf(date: IsoDate): Kwartaal {
  const d = parseISO(date);
  return formatKwartaal(d.getFullYear(), (Math.floor(d.getMonth() / 3) + 1) as QuarterNumber);
}

/** First day of the quarter (`2026-Q4` → `2026-10-01`). */
export function kwartaalStart(k: Kwartaal): IsoDate {
  const { year, quarter } = toKwartaalParts(k);
  return `${year}-${String((quarter - 1) * 3 + 1).padStart(2, '0')}-01`;
}

/** Last day of the quarter (`2026-Q4` → `2026-12-31`). */
export function kwartaalEnd(k: Kwartaal): IsoDate {
  const { year, quarter } = toKwartaalParts(k);
  const lastMonth = quarter * 3;
  // Day 0 of the next month is the last day of this month.
  return format(new Date(year, lastMonth, 0), 'yyyy-MM-dd');
}

/** Plain-Dutch label: `2026-Q4` → `4e kwartaal 2026`. */
export function kwartaalLabel(k: Kwartaal): string {
  const { year, quarter } = toKwartaalParts(k);
  return `${quarter}e kwartaal ${year}`;
}
