/**
 * Unit tests for milestone delay (src/domain/delay.ts).
 *
 * SPEC §2 "Phases and milestones": "A milestone is delayed when its forecast (or actual) date is later
 * than its baseline by more than a configurable tolerance (design: default 3 months; 'serious' beyond
 * 12)". Seed: `001 § Afspraak 3B` ("Bij vertraging worden alternatieve mogelijkheden en alternatieve
 * projecten aangedragen") — the PPM tracks agreed public and private milestones and acts on delay.
 */
import { describe, expect, it } from 'vitest';
import { milestone } from '../../test/helpers/builders.ts';
import { DEFAULT_TOLERANCE, effectiveDate, milestoneDelay, type DelaySeverity, type DelayTolerance } from './delay.ts';
import { POLICY } from './policy.ts';

// SPEC §2 "Phases and milestones": the tolerance is a configurable design default (3 months, serious > 12),
// kept in dated configuration (policy.ts), never hard-coded elsewhere.
describe('SPEC §2 "Phases and milestones": the default delay tolerance', () => {
  it('equals POLICY.delay, the dated configuration of the design default', () => {
    expect(DEFAULT_TOLERANCE).toEqual(POLICY.delay);
  });

  it('is 3 months for "delayed" and 12 months for "serious" as the SPEC design default states', () => {
    expect(POLICY.delay).toEqual({ toleranceMonths: 3, seriousMonths: 12 });
  });
});

// SPEC §2 "Phases and milestones": "delayed when its forecast (or actual) date is later than its baseline".
describe('SPEC §2 "Phases and milestones" (001 § 3B): the date that counts for progress', () => {
  it.each([
    { case: 'the actual date when the milestone is achieved', actualDate: '2025-09-01', forecastDate: '2025-06-01', expected: '2025-09-01' },
    { case: 'the forecast date when the milestone is not achieved', actualDate: null, forecastDate: '2025-06-01', expected: '2025-06-01' },
    { case: 'nothing when neither date is known', actualDate: null, forecastDate: null, expected: null },
  ])('is $case', ({ actualDate, forecastDate, expected }) => {
    expect(effectiveDate({ actualDate, forecastDate })).toBe(expected);
  });
});

// SPEC §2 "Phases and milestones": delayed beyond a configurable tolerance (design: 3 months, serious > 12).
describe('SPEC §2 "Phases and milestones" (001 § 3B): delay severity against the baseline with the default tolerance', () => {
  const table: Array<{
    case: string;
    baselineDate: string | null;
    forecastDate: string | null;
    actualDate: string | null;
    months: number;
    severity: DelaySeverity;
  }> = [
    {
      case: 'a forecast on the baseline date is not delayed',
      baselineDate: '2025-01-15',
      forecastDate: '2025-01-15',
      actualDate: null,
      months: 0,
      severity: 'geen',
    },
    {
      case: 'a forecast exactly 3 months after the baseline is not delayed',
      baselineDate: '2025-01-15',
      forecastDate: '2025-04-15',
      actualDate: null,
      months: 3,
      severity: 'geen',
    },
    {
      case: 'a forecast 3 months and one day after the baseline is delayed',
      baselineDate: '2025-01-15',
      forecastDate: '2025-04-16',
      actualDate: null,
      months: 3,
      severity: 'vertraagd',
    },
    {
      case: 'a forecast exactly 12 months after the baseline is delayed but not serious',
      baselineDate: '2025-01-15',
      forecastDate: '2026-01-15',
      actualDate: null,
      months: 12,
      severity: 'vertraagd',
    },
    {
      case: 'a forecast 12 months and one day after the baseline is seriously delayed',
      baselineDate: '2025-01-15',
      forecastDate: '2026-01-16',
      actualDate: null,
      months: 12,
      severity: 'ernstig',
    },
    {
      case: 'a forecast two years after the baseline is seriously delayed',
      baselineDate: '2025-01-15',
      forecastDate: '2027-02-15',
      actualDate: null,
      months: 25,
      severity: 'ernstig',
    },
    {
      case: 'an actual date one day beyond tolerance is delayed',
      baselineDate: '2025-01-15',
      forecastDate: null,
      actualDate: '2025-04-16',
      months: 3,
      severity: 'vertraagd',
    },
    {
      case: 'at a month end the tolerance ends on the last day of the third month (31 Jan + 3 months = 30 Apr)',
      baselineDate: '2025-01-31',
      forecastDate: '2025-04-30',
      actualDate: null,
      months: 2,
      severity: 'geen',
    },
    {
      case: 'at a month end one day after the clamped tolerance date is delayed',
      baselineDate: '2025-01-31',
      forecastDate: '2025-05-01',
      actualDate: null,
      months: 3,
      severity: 'vertraagd',
    },
    {
      case: 'a leap-day baseline is tolerated until 29 May',
      baselineDate: '2024-02-29',
      forecastDate: '2024-05-29',
      actualDate: null,
      months: 3,
      severity: 'geen',
    },
  ];
  it.each(table)('$case', ({ baselineDate, forecastDate, actualDate, months, severity }) => {
    expect(milestoneDelay(milestone('M11', { baselineDate, forecastDate, actualDate }))).toEqual({ months, severity });
  });
});

// SPEC §2 "Phases and milestones": "forecast (or actual) date" — once achieved, the actual date replaces the forecast.
describe('SPEC §2 "Phases and milestones": the actual date takes precedence over the forecast', () => {
  it.each([
    {
      case: 'an on-time actual date clears a seriously late forecast',
      forecastDate: '2027-01-01',
      actualDate: '2025-02-01',
      months: 1,
      severity: 'geen' as const,
    },
    {
      case: 'a seriously late actual date overrides an on-time forecast',
      forecastDate: '2025-01-01',
      actualDate: '2026-06-01',
      months: 17,
      severity: 'ernstig' as const,
    },
    {
      case: 'a delayed actual date overrides an early forecast',
      forecastDate: '2024-10-01',
      actualDate: '2025-06-01',
      months: 5,
      severity: 'vertraagd' as const,
    },
  ])('$case', ({ forecastDate, actualDate, months, severity }) => {
    expect(milestoneDelay(milestone('M09', { baselineDate: '2025-01-01', forecastDate, actualDate }))).toEqual({ months, severity });
  });
});

// SPEC §2 "Phases and milestones": the delay is measured against the baseline (agreed plan); without one there is nothing to be late against.
describe('SPEC §2 "Phases and milestones": no baseline or no date means no delay', () => {
  it.each([
    {
      case: 'a milestone without a baseline is not delayed, however late its forecast',
      baselineDate: null,
      forecastDate: '2040-01-01',
      actualDate: null,
    },
    {
      case: 'a milestone without a baseline is not delayed, however late its actual date',
      baselineDate: null,
      forecastDate: null,
      actualDate: '2040-01-01',
    },
    {
      case: 'a milestone with a baseline but neither forecast nor actual date is not delayed',
      baselineDate: '2020-01-01',
      forecastDate: null,
      actualDate: null,
    },
    { case: 'a milestone without any date is not delayed', baselineDate: null, forecastDate: null, actualDate: null },
  ])('$case', ({ baselineDate, forecastDate, actualDate }) => {
    expect(milestoneDelay(milestone('M06', { baselineDate, forecastDate, actualDate }))).toEqual({ months: 0, severity: 'geen' });
  });
});

// SPEC §2 "Phases and milestones" / delay.ts: months are whole months, negative when early.
describe('SPEC §2 "Phases and milestones": a milestone ahead of its baseline', () => {
  it.each([
    { case: 'a forecast 3 months early gives -3 months', forecastDate: '2025-03-01', months: -3 },
    { case: 'a forecast 2 months and 30 days early counts whole months only (-2)', forecastDate: '2025-03-02', months: -2 },
    { case: 'a forecast one year early gives -12 months', forecastDate: '2024-06-01', months: -12 },
    { case: 'a forecast a few days early gives 0 months', forecastDate: '2025-05-25', months: 0 },
  ])('$case and is never delayed', ({ forecastDate, months }) => {
    expect(milestoneDelay(milestone('M11', { baselineDate: '2025-06-01', forecastDate }))).toEqual({ months, severity: 'geen' });
  });
});

// SPEC §2 "Phases and milestones": "a configurable tolerance" — a table may set its own thresholds.
describe('SPEC §2 "Phases and milestones": a custom tolerance parameter is honoured', () => {
  const strict: DelayTolerance = { toleranceMonths: 1, seriousMonths: 6 };
  const lenient: DelayTolerance = { toleranceMonths: 6, seriousMonths: 24 };
  it.each([
    { case: 'with a 1-month tolerance, 2 months late is delayed', tolerance: strict, forecastDate: '2025-03-01', severity: 'vertraagd' as const },
    {
      case: 'with a 1-month tolerance, exactly 1 month late is not delayed',
      tolerance: strict,
      forecastDate: '2025-02-01',
      severity: 'geen' as const,
    },
    {
      case: 'with a 6-month serious threshold, 7 months late is serious',
      tolerance: strict,
      forecastDate: '2025-08-01',
      severity: 'ernstig' as const,
    },
    { case: 'with a 6-month tolerance, 5 months late is not delayed', tolerance: lenient, forecastDate: '2025-06-01', severity: 'geen' as const },
    {
      case: 'with a 24-month serious threshold, 13 months late is only delayed',
      tolerance: lenient,
      forecastDate: '2026-02-01',
      severity: 'vertraagd' as const,
    },
    {
      case: 'with a 24-month serious threshold, 25 months late is serious',
      tolerance: lenient,
      forecastDate: '2027-02-01',
      severity: 'ernstig' as const,
    },
  ])('$case', ({ tolerance, forecastDate, severity }) => {
    expect(milestoneDelay(milestone('M07', { baselineDate: '2025-01-01', forecastDate }), tolerance).severity).toBe(severity);
  });

  it('uses the default tolerance when no parameter is given', () => {
    const m = milestone('M07', { baselineDate: '2025-01-01', forecastDate: '2025-03-01' });
    expect(milestoneDelay(m).severity).toBe('geen');
    expect(milestoneDelay(m, DEFAULT_TOLERANCE).severity).toBe('geen');
    expect(milestoneDelay(m, strict).severity).toBe('vertraagd');
  });
});
