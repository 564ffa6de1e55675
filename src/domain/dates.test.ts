/**
 * Unit tests for calendar dates (src/domain/dates.ts).
 *
 * SPEC §2 "Phases and milestones": each milestone has a baseline, forecast and actual *date*; the
 * delay tolerance is in months (design: 3, serious > 12). SPEC §2 "Project": jaarschijven are per year.
 * Seed `001 § Afspraak 3B`: milestones are updated every quarter, so dates must be real calendar days.
 */
import { describe, expect, it } from 'vitest';
import { addMonths, format, parseISO } from 'date-fns';
import { addMonthsIso, daysBetween, isIsoDate, isoDateByDateFns, parseIsoDate, yearOf } from './dates.ts';

// SPEC §2 "Phases and milestones": dates are entered as YYYY-MM-DD and must exist in the calendar.
describe('SPEC §2 "Phases and milestones": a valid ISO calendar date', () => {
  it.each([
    { value: '2025-01-01', valid: true, why: 'an ordinary date' },
    { value: '2025-12-31', valid: true, why: 'the last day of the year' },
    { value: '2024-02-29', valid: true, why: 'a leap day in a leap year' },
    { value: '2025-02-28', valid: true, why: 'the last day of February in a common year' },
    { value: '2025-02-29', valid: false, why: 'a leap day in a common year' },
    { value: '2025-02-30', valid: false, why: 'the 30th of February' },
    { value: '2025-04-31', valid: false, why: 'the 31st of April' },
    { value: '2025-13-01', valid: false, why: 'month 13' },
    { value: '2025-00-10', valid: false, why: 'month 0' },
    { value: '2025-01-00', valid: false, why: 'day 0' },
    { value: 'abc', valid: false, why: 'not a date at all' },
    { value: '', valid: false, why: 'the empty string' },
    { value: '2025-1-01', valid: false, why: 'a month without a leading zero' },
    { value: '01-02-2025', valid: false, why: 'a Dutch day-month-year notation' },
    { value: '2025/01/02', valid: false, why: 'slashes instead of hyphens' },
    { value: '2025-01-01T00:00', valid: false, why: 'a date with a time' },
    { value: ' 2025-01-01', valid: false, why: 'a date with leading whitespace' },
  ])('$value is $valid: $why', ({ value, valid }) => {
    expect(isIsoDate(value)).toBe(valid);
  });
});

// SPEC §2 "Phases and milestones": the tolerance (design: 3 months, serious > 12) is added in calendar months.
describe('SPEC §2 "Phases and milestones": adding calendar months for the delay tolerance', () => {
  it.each([
    { date: '2025-01-15', months: 3, expected: '2025-04-15', why: 'the same day three months later' },
    { date: '2025-01-15', months: 12, expected: '2026-01-15', why: 'the same day a year later' },
    { date: '2025-11-30', months: 3, expected: '2026-02-28', why: 'crosses the year and clamps to the end of February' },
    { date: '2025-01-31', months: 1, expected: '2025-02-28', why: 'clamps to the last day of a shorter month' },
    { date: '2024-01-31', months: 1, expected: '2024-02-29', why: 'clamps to the leap day in a leap year' },
    { date: '2024-02-29', months: 12, expected: '2025-02-28', why: 'moves a leap day to 28 February in a common year' },
    { date: '2025-05-31', months: -3, expected: '2025-02-28', why: 'goes back with negative months' },
    { date: '2025-06-01', months: 0, expected: '2025-06-01', why: 'keeps the date with zero months' },
  ])('$date plus $months months is $expected: $why', ({ date, months, expected }) => {
    expect(addMonthsIso(date, months)).toBe(expected);
  });
});

// SPEC §2 "Phases and milestones": the whole-number arithmetic on every milestone gives what date-fns gives.
describe('SPEC §2 "Phases and milestones": adding months and reading dates agree with date-fns', () => {
  const days: string[] = [];
  for (let t = Date.UTC(1998, 0, 1); t <= Date.UTC(2032, 11, 31); t += 86_400_000 * 3) days.push(new Date(t).toISOString().slice(0, 10));
  days.push('2024-02-29', '2000-02-29', '2025-01-31', '2025-12-31');

  it('addMonthsIso equals date-fns addMonths for every third day 1998–2032 and -30…30 months', () => {
    for (const date of days) {
      for (const months of [-30, -13, -12, -3, -1, 0, 1, 2, 3, 11, 12, 13, 24, 30]) {
        expect(addMonthsIso(date, months), `${date} + ${months}`).toBe(format(addMonths(parseISO(date), months), 'yyyy-MM-dd'));
      }
    }
  });

  it('isIsoDate equals the date-fns check for every day of 1899–1901, 1999–2001, 2023–2025 and 2099–2101, and for days and months that do not exist', () => {
    const candidates: string[] = ['0999-02-29', '0400-02-29', '1000-02-29', '2025-1-01', '2025-01-1', '20250101', '2025-01-01T00:00', ''];
    for (const y of [1899, 1900, 1901, 1999, 2000, 2001, 2023, 2024, 2025, 2099, 2100, 2101]) {
      for (let m = 0; m <= 13; m++) {
        for (let d = 0; d <= 32; d++) candidates.push(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
      }
    }
    let valid = 0;
    for (const value of candidates) {
      expect(isIsoDate(value), value).toBe(isoDateByDateFns(value));
      if (isIsoDate(value)) valid++;
    }
    // 12 years of which 2 leap years (1900 and 2100 are not), and 0400-02-29 (a leap year before 1000).
    expect(valid).toBe(12 * 365 + 2 + 1);
  });

  it('parseIsoDate equals date-fns parseISO, also for dates that do not exist', () => {
    for (const date of [...days, '2025-02-29', '2025-04-31', '2025-13-01', '2025-00-10', 'abc', '']) {
      const ours = parseIsoDate(date);
      const theirs = parseISO(date);
      expect(Number.isNaN(ours.getTime()), date).toBe(Number.isNaN(theirs.getTime()));
      if (!Number.isNaN(theirs.getTime())) expect(ours.getTime(), date).toBe(theirs.getTime());
    }
  });
});

// SPEC §2 "Phases and milestones": lead times between milestones in calendar days.
describe('SPEC §2 "Phases and milestones": days between two dates', () => {
  it.each([
    { a: '2025-01-01', b: '2025-01-01', days: 0, why: 'the same day is 0 days' },
    { a: '2025-01-01', b: '2025-01-31', days: 30, why: 'is positive when the second date is later' },
    { a: '2025-01-31', b: '2025-01-01', days: -30, why: 'is negative when the second date is earlier' },
    { a: '2024-02-28', b: '2024-03-01', days: 2, why: 'counts the leap day' },
    { a: '2025-03-29', b: '2025-03-31', days: 2, why: 'is not disturbed by the change to summer time' },
    { a: '2025-10-25', b: '2025-10-27', days: 2, why: 'is not disturbed by the change to winter time' },
    { a: '2025-01-01', b: '2026-01-01', days: 365, why: 'a common year has 365 days' },
  ])('from $a to $b is $days: $why', ({ a, b, days }) => {
    expect(daysBetween(a, b)).toBe(days);
  });
});

// SPEC §2 "Project": jaarschijven (year slices, 001 § Afspraak 3A) are keyed by year.
describe('SPEC §2 "Project" (001 § 3A): the year of a date', () => {
  it.each([
    { date: '2025-01-01', year: 2025 },
    { date: '2029-12-31', year: 2029 },
    { date: '2031-06-15', year: 2031 },
  ])('the year of $date is $year', ({ date, year }) => {
    expect(yearOf(date)).toBe(year);
  });
});
