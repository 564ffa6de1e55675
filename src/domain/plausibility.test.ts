/**
 * Unit tests for plausible dates (src/domain/plausibility.ts), issue 8.
 *
 * SPEC §2 "Phases and milestones": each milestone has a baseline date (the agreed plan), a forecast
 * date and an actual date. An actual date records what happened, so it cannot lie after today (an
 * M12 oplevering "gehaald" in 2030 would count homes as delivered that are not). Planned dates lie
 * within POLICY.plausibleDates (1990–2075, design): the register follows the housing task to 2030 and
 * the programming 2031–2035 (`001 § Afspraak 3A`); year 9999 is a typo that breaks every time axis.
 * SPEC §2 "Knelpunt": raised date and resolution date also happened, so not after today.
 */
import { describe, expect, it } from 'vitest';
import { checkOpenRound } from './round.ts';
import { planRebaseline } from './baseline.ts';
import {
  checkKnelpuntDates,
  checkMilestoneDates,
  checkPlausibleDate,
  dateForAxis,
  dateInNetherlands,
  implausibility,
  plausibleRange,
} from './plausibility.ts';
import { POLICY } from './policy.ts';
import type { Milestone } from './project.ts';
import { completionDelay, knownCompletionDelay } from './simulation.ts';

const TODAY = '2026-12-01';

function m(code: Milestone['code'], dates: Partial<Pick<Milestone, 'baselineDate' | 'forecastDate' | 'actualDate'>>): Milestone {
  return { code, ownerSide: 'privaat', baselineDate: null, forecastDate: null, actualDate: null, homes: null, ...dates };
}

describe('SPEC §2 "Phases and milestones": the plausible window is dated policy with its reason', () => {
  it('is 1990-01-01 to 2075-12-31 for planned dates, and up to today for what happened', () => {
    expect(POLICY.plausibleDates).toMatchObject({ earliest: '1990-01-01', latestPlanned: '2075-12-31' });
    expect(plausibleRange('planned', TODAY)).toEqual({ from: '1990-01-01', to: '2075-12-31' });
    expect(plausibleRange('happened', TODAY)).toEqual({ from: '1990-01-01', to: TODAY });
  });

  it.each([
    { value: '2026-12-01', kind: 'happened', expected: null, why: 'an actual date of today has happened' },
    { value: '2026-12-02', kind: 'happened', expected: 'date_in_future', why: 'an actual date tomorrow has not happened yet' },
    { value: '2030-06-01', kind: 'happened', expected: 'date_in_future', why: 'M12 "gehaald" in 2030 (the issue)' },
    { value: '9999-12-31', kind: 'happened', expected: 'date_in_future', why: 'the last date of the calendar as actual date' },
    { value: '9999-12-31', kind: 'planned', expected: 'date_too_late', why: 'a forecast in year 9999 (the issue)' },
    { value: '2075-12-31', kind: 'planned', expected: null, why: 'the last plausible planned date' },
    { value: '2076-01-01', kind: 'planned', expected: 'date_too_late', why: 'one day after the window' },
    { value: '1990-01-01', kind: 'planned', expected: null, why: 'the first plausible date' },
    { value: '1989-12-31', kind: 'happened', expected: 'date_too_early', why: 'before any plan in the register' },
    { value: '0201-05-01', kind: 'planned', expected: 'date_too_early', why: 'a three-digit year typo' },
  ] as const)('$value as $kind: $expected ($why)', ({ value, kind, expected }) => {
    expect(implausibility(value, kind, TODAY)).toBe(expected);
  });

  it('names the field and the reason in Dutch', () => {
    const issue = checkPlausibleDate('milestones[11].actualDate', 'De werkelijke datum van Oplevering (M12)', '2030-06-01', 'happened', TODAY);
    expect(issue).toEqual({
      path: 'milestones[11].actualDate',
      code: 'date_in_future',
      message: expect.stringContaining('De werkelijke datum van Oplevering (M12) (1 juni 2030) ligt na vandaag (1 december 2026)'),
    });
    expect(checkPlausibleDate('x', 'De prognosedatum', '9999-12-31', 'planned', TODAY)?.message).toContain('Controleer het jaartal');
    expect(checkPlausibleDate('x', 'De prognosedatum', null, 'planned', TODAY)).toBeNull();
  });
});

describe('SPEC §2 "Phases and milestones": milestone dates in a save', () => {
  it('refuses a future actual date and a year-9999 forecast, naming milestones[i].field', () => {
    const next = [m('M11', { forecastDate: '9999-12-31' }), m('M12', { actualDate: '9999-12-31' })];
    expect(checkMilestoneDates(next, TODAY).map((i) => [i.path, i.code])).toEqual([
      ['milestones[0].forecastDate', 'date_too_late'],
      ['milestones[1].actualDate', 'date_in_future'],
    ]);
  });

  it('accepts ordinary dates: actual up to today, forecasts and baselines in the coming decades', () => {
    const next = [
      m('M11', { baselineDate: '2026-01-01', actualDate: '2026-12-01' }),
      m('M12', { baselineDate: '2028-01-01', forecastDate: '2040-01-01' }),
    ];
    expect(checkMilestoneDates(next, TODAY)).toEqual([]);
  });

  it('checks only dates that are new or changed: an odd date stored earlier does not block an unrelated edit', () => {
    const stored = [m('M11', { forecastDate: '2027-01-01' }), m('M12', { actualDate: '2030-06-01' })];
    const next = [m('M11', { forecastDate: '2027-03-01' }), m('M12', { actualDate: '2030-06-01' })];
    expect(checkMilestoneDates(next, TODAY, stored)).toEqual([]);
    const moved = [m('M11', { forecastDate: '2027-03-01' }), m('M12', { actualDate: '2030-07-01' })];
    expect(checkMilestoneDates(moved, TODAY, stored)).toEqual([
      expect.objectContaining({ path: 'milestones[1].actualDate', code: 'date_in_future' }),
    ]);
  });

  it('refuses a re-baseline to an implausible year (SPEC §2: re-baselining sets a new agreed plan)', () => {
    const plan = planRebaseline([m('M12', { baselineDate: '2028-01-01' })], {
      reason: 'Besluit tafel: later door bezwaar.',
      milestones: [{ code: 'M12', baselineDate: '9999-01-01' }],
    });
    expect(plan.issues).toEqual([expect.objectContaining({ path: 'milestones[0].baselineDate', code: 'date_too_late' })]);
  });
});

describe('SPEC §2 "Knelpunt" and "Quarterly round": other dates', () => {
  it('refuses a knelpunt raised or resolved after today; unchanged dates are not checked again', () => {
    expect(checkKnelpuntDates({ raisedDate: '2027-01-01', resolvedDate: null }, TODAY).map((i) => i.path)).toEqual(['raisedDate']);
    expect(checkKnelpuntDates({ raisedDate: '2026-01-01', resolvedDate: '2026-12-02' }, TODAY).map((i) => i.path)).toEqual(['resolvedDate']);
    expect(checkKnelpuntDates({ raisedDate: '2027-01-01', resolvedDate: null }, TODAY, { raisedDate: '2027-01-01', resolvedDate: null })).toEqual([]);
  });

  it('refuses a round for a quarter or with a deadline outside the window', () => {
    const table = { kind: 'versnellingstafel' as const, name: 'Tafel' };
    expect(checkOpenRound({ quarter: '9999-Q4', deadline: '9999-12-31' }, table, [])).toEqual([expect.objectContaining({ path: 'quarter' })]);
    expect(checkOpenRound({ quarter: '2075-Q4', deadline: '2076-01-15' }, table, [])).toEqual([
      expect.objectContaining({ path: 'deadline', code: 'date_too_late' }),
    ]);
    expect(checkOpenRound({ quarter: '2026-Q4', deadline: '2026-12-15' }, table, [])).toEqual([]);
  });
});

describe('Charts: a stored odd date is drawn inside the window, never NaN', () => {
  it.each([
    { value: '9999-12-31', expected: { date: '2075-12-31', clamped: true } },
    { value: '1900-01-01', expected: { date: '1990-01-01', clamped: true } },
    { value: '2028-05-01', expected: { date: '2028-05-01', clamped: false } },
    { value: '2027-02-31', expected: null },
    { value: '', expected: null },
    { value: null, expected: null },
  ])('$value → $expected', ({ value, expected }) => {
    expect(dateForAxis(value)).toEqual(expected);
  });
});

describe('today is the calendar date in the Netherlands', () => {
  it('is already the next day at 23:30 UTC in winter', () => {
    expect(dateInNetherlands(new Date('2026-12-01T23:30:00Z'))).toBe('2026-12-02');
    expect(dateInNetherlands(new Date('2026-12-01T12:00:00Z'))).toBe('2026-12-01');
  });
});

describe('the national forecast does not learn from an odd stored date', () => {
  it('ignores a year-9999 forecast as a delay observation and as a known delay', () => {
    const odd = { baselineDate: '2028-01-01', forecastDate: '9999-12-31', actualDate: null };
    expect(completionDelay(odd, null)).toBeNull();
    expect(knownCompletionDelay(odd)).toBe(0);
    expect(completionDelay({ ...odd, forecastDate: '2028-07-01' }, null)).toBe(6);
    expect(knownCompletionDelay({ ...odd, forecastDate: '2028-07-01' })).toBe(6);
  });
});
