/**
 * Unit tests for the project status colour (src/domain/status.ts).
 *
 * SPEC §2 "Phases and milestones": "Project status green / amber / red follows from its milestones and
 * open knelpunten"; a milestone is delayed beyond a configurable tolerance (design: 3 months, serious > 12).
 * SPEC §2 "Knelpunt": "escalated to table (yes/no), resolution". Seed `001 § Afspraak 3B`: "Indien
 * knelpunten optreden bij projecten, dan gaan betrokken partijen ... met elkaar in gesprek" and "Bij
 * vertraging worden alternatieve mogelijkheden en alternatieve projecten aangedragen".
 * Rules (design, status.ts): rood = pending milestone seriously delayed or open escalated knelpunt;
 * oranje = pending milestone delayed or any open knelpunt; groen otherwise.
 */
import { describe, expect, it } from 'vitest';
import { milestone } from '../../test/helpers/builders.ts';
import type { MilestoneCode, StatusColour } from './codes.ts';
import type { DelayTolerance } from './delay.ts';
import type { Knelpunt, Milestone } from './project.ts';
import { projectStatus } from './status.ts';

type KnelpuntState = Pick<Knelpunt, 'escalated' | 'resolvedDate'>;

function knelpunt(fields: Partial<KnelpuntState> = {}): KnelpuntState {
  return { escalated: false, resolvedDate: null, ...fields };
}

const BASE = '2026-01-01';
/** A pending milestone with its forecast the given number of months (and days) after the baseline. */
const onTime = (code: MilestoneCode = 'M09') => milestone(code, { baselineDate: BASE, forecastDate: BASE });
const delayed = (code: MilestoneCode = 'M09') => milestone(code, { baselineDate: BASE, forecastDate: '2026-06-01' }); // 5 months
const serious = (code: MilestoneCode = 'M11') => milestone(code, { baselineDate: BASE, forecastDate: '2027-04-01' }); // 15 months

// SPEC §2 "Phases and milestones" + "Knelpunt": the colour table.
describe('SPEC §2 "Phases and milestones" (001 § 3B): status colour from milestones and knelpunten', () => {
  const table: Array<{ case: string; milestones: Milestone[]; knelpunten: KnelpuntState[]; status: StatusColour }> = [
    { case: 'a project without milestones or knelpunten is groen', milestones: [], knelpunten: [], status: 'groen' },
    {
      case: 'a project with all pending milestones on schedule is groen',
      milestones: [onTime('M07'), onTime('M09')],
      knelpunten: [],
      status: 'groen',
    },
    {
      case: 'a pending milestone within the 3-month tolerance keeps the project groen',
      milestones: [milestone('M09', { baselineDate: BASE, forecastDate: '2026-04-01' })],
      knelpunten: [],
      status: 'groen',
    },
    {
      case: 'a pending milestone ahead of schedule keeps the project groen',
      milestones: [milestone('M09', { baselineDate: BASE, forecastDate: '2025-06-01' })],
      knelpunten: [],
      status: 'groen',
    },
    {
      case: 'a pending milestone without baseline keeps the project groen',
      milestones: [milestone('M09', { forecastDate: '2030-01-01' })],
      knelpunten: [],
      status: 'groen',
    },
    {
      case: 'a pending milestone delayed beyond tolerance makes the project oranje',
      milestones: [onTime('M07'), delayed('M09')],
      knelpunten: [],
      status: 'oranje',
    },
    {
      case: 'a pending milestone delayed exactly 12 months is oranje, not rood',
      milestones: [milestone('M11', { baselineDate: BASE, forecastDate: '2027-01-01' })],
      knelpunten: [],
      status: 'oranje',
    },
    {
      case: 'a pending milestone seriously delayed (beyond 12 months) makes the project rood',
      milestones: [serious('M11')],
      knelpunten: [],
      status: 'rood',
    },
    { case: 'a serious delay wins over a mere delay', milestones: [delayed('M09'), serious('M11')], knelpunten: [], status: 'rood' },
    { case: 'one open knelpunt makes an on-schedule project oranje', milestones: [onTime()], knelpunten: [knelpunt()], status: 'oranje' },
    {
      case: 'a resolved knelpunt does not affect the status',
      milestones: [onTime()],
      knelpunten: [knelpunt({ resolvedDate: '2026-02-01' })],
      status: 'groen',
    },
    {
      case: 'an open knelpunt escalated to the versnellingstafel makes the project rood',
      milestones: [onTime()],
      knelpunten: [knelpunt({ escalated: true })],
      status: 'rood',
    },
    {
      case: 'an escalated knelpunt that has been resolved does not affect the status',
      milestones: [onTime()],
      knelpunten: [knelpunt({ escalated: true, resolvedDate: '2026-03-01' })],
      status: 'groen',
    },
    {
      case: 'an escalated open knelpunt makes the project rood even among resolved ones',
      milestones: [],
      knelpunten: [knelpunt({ resolvedDate: '2026-02-01' }), knelpunt({ escalated: true })],
      status: 'rood',
    },
    { case: 'a delay plus an open knelpunt is oranje', milestones: [delayed()], knelpunten: [knelpunt()], status: 'oranje' },
  ];
  it.each(table)('$case', ({ milestones, knelpunten, status }) => {
    expect(projectStatus(milestones, knelpunten).status).toBe(status);
  });
});

// status.ts (design): "Only milestones still to come count: a milestone achieved late is history,
// its effect shows in the milestones after it."
describe('SPEC §2 "Phases and milestones": achieved milestones do not count for the status', () => {
  it.each([
    { case: 'a milestone achieved 5 months late leaves the project groen', actualDate: '2026-06-01' },
    { case: 'a milestone achieved 2 years late leaves the project groen', actualDate: '2028-01-01' },
  ])('$case', ({ actualDate }) => {
    const result = projectStatus([milestone('M09', { baselineDate: BASE, forecastDate: BASE, actualDate }), onTime('M11')], []);
    expect(result).toEqual({ status: 'groen', maxDelayMonths: 0, reasons: [] });
  });

  it('an achieved milestone does not count even when its stale forecast is seriously late', () => {
    const m = milestone('M06', { baselineDate: BASE, forecastDate: '2030-01-01', actualDate: BASE });
    expect(projectStatus([m], []).status).toBe('groen');
  });
});

// StatusResult.maxDelayMonths: largest delay in whole months over pending milestones that are delayed
// beyond tolerance (design: a slip within tolerance is not a "delay" in the SPEC §2 sense, so it counts 0).
describe('SPEC §2 "Phases and milestones": maxDelayMonths', () => {
  it.each([
    { case: 'is 0 for a project on schedule', milestones: [onTime()], max: 0 },
    { case: 'is 0 for a slip within the tolerance', milestones: [milestone('M09', { baselineDate: BASE, forecastDate: '2026-03-15' })], max: 0 },
    {
      case: 'is 0 (never negative) when a milestone is ahead of schedule',
      milestones: [milestone('M09', { baselineDate: BASE, forecastDate: '2025-01-01' })],
      max: 0,
    },
    { case: 'is the delay of a single delayed milestone', milestones: [delayed()], max: 5 },
    { case: 'is the largest delay over several pending milestones', milestones: [delayed('M08'), serious('M11'), onTime('M07')], max: 15 },
    {
      case: 'ignores the larger delay of an achieved milestone',
      milestones: [milestone('M07', { baselineDate: BASE, actualDate: '2029-01-01' }), delayed('M09')],
      max: 5,
    },
  ])('$case', ({ milestones, max }) => {
    expect(projectStatus(milestones, []).maxDelayMonths).toBe(max);
  });
});

// SPEC §2 "Phases and milestones": the status explains itself to the table (reasons in plain Dutch).
describe('SPEC §2 "Phases and milestones": reasons for the status', () => {
  it('names each delayed milestone with its months of delay and counts open knelpunten', () => {
    const result = projectStatus([delayed('M09'), serious('M11')], [knelpunt({ escalated: true }), knelpunt(), knelpunt({ resolvedDate: BASE })]);
    expect(result.status).toBe('rood');
    expect(result.reasons).toEqual([
      'M09 5 maanden later dan gepland',
      'M11 15 maanden later dan gepland',
      'knelpunt geëscaleerd naar de versnellingstafel',
      '2 open knelpunt(en)',
    ]);
  });

  it('gives no reasons for a groen project', () => {
    expect(projectStatus([onTime()], [knelpunt({ resolvedDate: BASE })]).reasons).toEqual([]);
  });
});

// SPEC §2: "a configurable tolerance" is passed through to the status.
describe('SPEC §2 "Phases and milestones": a custom tolerance changes the status', () => {
  const strict: DelayTolerance = { toleranceMonths: 1, seriousMonths: 4 };
  const lenient: DelayTolerance = { toleranceMonths: 6, seriousMonths: 24 };
  it.each([
    { case: 'a 5-month delay is rood with a 4-month serious threshold', tolerance: strict, status: 'rood' as const, max: 5 },
    { case: 'a 5-month delay is groen with a 6-month tolerance', tolerance: lenient, status: 'groen' as const, max: 0 },
  ])('$case', ({ tolerance, status, max }) => {
    const result = projectStatus([delayed()], [], tolerance);
    expect(result.status).toBe(status);
    expect(result.maxDelayMonths).toBe(max);
  });
});
