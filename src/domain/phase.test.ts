/**
 * Unit tests for the derived phase (src/domain/phase.ts).
 *
 * SPEC §2 "Phases and milestones" (design; to be aligned with the RVO handreiking, `001 § 3B`):
 * "Phases: initiatief → haalbaarheid → planvorming → planologische procedure → vergunning → realisatie
 * → opgeleverd", and milestone M12 "oplevering (may be partial, with a number of homes)".
 * Seed `001 § Afspraak 3B`: the PPM covers "de gehele planning van woningbouwprojecten ... (van start
 * initiatief tot en met realisatie) met de daarbij overeengekomen publieke en private mijlpalen".
 */
import { describe, expect, it } from 'vitest';
import { milestone } from '../../test/helpers/builders.ts';
import { MILESTONE_CODES, PHASES, type MilestoneCode, type Phase } from './codes.ts';
import { derivePhase } from './phase.ts';
import type { Milestone } from './project.ts';

/** A milestone achieved on the given date. */
function achieved(code: MilestoneCode, actualDate = '2025-06-01', fields: Partial<Omit<Milestone, 'code'>> = {}): Milestone {
  return milestone(code, { baselineDate: actualDate, actualDate, ...fields });
}

const TOTAL = 100;

// SPEC §2 "Phases and milestones": the seven phases in order.
describe('SPEC §2 "Phases and milestones": the phase list', () => {
  it('runs initiatief → haalbaarheid → planvorming → planologische procedure → vergunning → realisatie → opgeleverd', () => {
    expect(PHASES).toEqual(['initiatief', 'haalbaarheid', 'planvorming', 'planologische_procedure', 'vergunning', 'realisatie', 'opgeleverd']);
  });
});

// SPEC §2 "Phases and milestones" (design mapping in phase.ts): the phase a project enters once a milestone is achieved.
describe('SPEC §2 "Phases and milestones" (001 § 3B): the phase after each single achieved milestone', () => {
  const table: Array<{ code: MilestoneCode; phase: Phase }> = [
    { code: 'M01', phase: 'initiatief' },
    { code: 'M02', phase: 'haalbaarheid' },
    { code: 'M03', phase: 'planvorming' },
    { code: 'M04', phase: 'planvorming' },
    { code: 'M05', phase: 'planologische_procedure' },
    { code: 'M06', phase: 'planologische_procedure' },
    { code: 'M07', phase: 'vergunning' },
    { code: 'M08', phase: 'vergunning' },
    { code: 'M09', phase: 'vergunning' },
    { code: 'M10', phase: 'initiatief' },
    { code: 'M11', phase: 'realisatie' },
    { code: 'M12', phase: 'opgeleverd' },
  ];
  it('covers every milestone code', () => {
    expect(table.map((r) => r.code)).toEqual([...MILESTONE_CODES]);
  });
  it.each(table)('a project with only $code achieved is in phase $phase', ({ code, phase }) => {
    expect(derivePhase([achieved(code)], TOTAL)).toBe(phase);
  });
});

// SPEC §2 "Phases and milestones": the first phase is initiatief.
describe('SPEC §2 "Phases and milestones": a project with nothing achieved', () => {
  it.each([
    { case: 'no milestones at all', milestones: [] as Milestone[] },
    {
      case: 'only planned milestones',
      milestones: [milestone('M02', { baselineDate: '2025-01-01' }), milestone('M11', { baselineDate: '2027-01-01' })],
    },
  ])('is in initiatief with $case', ({ milestones }) => {
    expect(derivePhase(milestones, TOTAL)).toBe('initiatief');
  });
});

// phase.ts NOTE: "M10 (start verkoop) does not change the phase" — sales may start in any phase (design).
describe('SPEC §2 "Phases and milestones": M10 start verkoop / verhuur alone does not change the phase', () => {
  it.each([
    { case: 'with nothing else achieved the project stays in initiatief', before: [] as MilestoneCode[], phase: 'initiatief' as const },
    { case: 'after M04 the project stays in planvorming', before: ['M02', 'M04'] as MilestoneCode[], phase: 'planvorming' as const },
    { case: 'after M09 the project stays in vergunning', before: ['M07', 'M09'] as MilestoneCode[], phase: 'vergunning' as const },
  ])('$case', ({ before, phase }) => {
    const milestones = [...before.map((c) => achieved(c)), achieved('M10')];
    expect(derivePhase(milestones, TOTAL)).toBe(phase);
  });
});

// SPEC §2 "Phases and milestones": baseline/forecast/actual — only an actual date means the milestone was reached.
describe('SPEC §2 "Phases and milestones": only the actual date counts for the phase', () => {
  it.each([
    {
      case: 'a forecast date for M11 does not put the project in realisatie',
      m: milestone('M11', { baselineDate: '2024-01-01', forecastDate: '2024-06-01' }),
    },
    { case: 'a baseline date for M12 does not make the project opgeleverd', m: milestone('M12', { baselineDate: '2024-01-01' }) },
    { case: 'a forecast in the past for M09 does not put the project in vergunning', m: milestone('M09', { forecastDate: '2000-01-01' }) },
  ])('$case', ({ m }) => {
    expect(derivePhase([achieved('M02'), m], TOTAL)).toBe('haalbaarheid');
  });
});

// SPEC §2 table: "M12 oplevering (may be partial, with a number of homes)".
describe('SPEC §2 "Phases and milestones": partial oplevering', () => {
  it.each([
    { case: 'M12 with fewer homes than the programme stays in realisatie', homes: 40, total: 100, phase: 'realisatie' as const },
    { case: 'M12 with zero homes stays in realisatie', homes: 0, total: 100, phase: 'realisatie' as const },
    { case: 'M12 with all the homes of the programme is opgeleverd', homes: 100, total: 100, phase: 'opgeleverd' as const },
    { case: 'M12 without a number of homes counts as complete and is opgeleverd', homes: null, total: 100, phase: 'opgeleverd' as const },
    { case: 'M12 with an empty programme is opgeleverd', homes: null, total: 0, phase: 'opgeleverd' as const },
  ])('$case', ({ homes, total, phase }) => {
    expect(derivePhase([achieved('M09'), achieved('M11'), achieved('M12', '2027-01-01', { homes })], total)).toBe(phase);
  });

  it('a partial oplevering is realisatie even when start bouw was not recorded', () => {
    expect(derivePhase([achieved('M12', '2027-01-01', { homes: 10 })], 50)).toBe('realisatie');
  });
});

// SPEC §2 "Phases and milestones": the phase is the furthest one reached (design: latest milestone in the list wins,
// regardless of dates, because parallel plannen, SPEC §5 / 001 § 15.1, lets milestones be reached out of order).
describe('SPEC §2 "Phases and milestones": the latest achieved milestone wins', () => {
  it.each([
    {
      case: 'M02, M03 and M06 achieved gives planologische_procedure',
      codes: ['M02', 'M03', 'M06'] as MilestoneCode[],
      phase: 'planologische_procedure' as const,
    },
    {
      case: 'all of M01–M11 achieved gives realisatie',
      codes: ['M01', 'M02', 'M03', 'M04', 'M05', 'M06', 'M07', 'M08', 'M09', 'M10', 'M11'] as MilestoneCode[],
      phase: 'realisatie' as const,
    },
    { case: 'M11 achieved before M07 (parallel plannen) gives realisatie', codes: ['M11', 'M05'] as MilestoneCode[], phase: 'realisatie' as const },
    {
      case: 'the order of the milestones in the list does not matter',
      codes: ['M12', 'M03', 'M09', 'M02'] as MilestoneCode[],
      phase: 'opgeleverd' as const,
    },
  ])('$case', ({ codes, phase }) => {
    expect(
      derivePhase(
        codes.map((c) => achieved(c)),
        TOTAL,
      ),
    ).toBe(phase);
  });

  it('a later milestone still to come does not pull the project forward', () => {
    const milestones = [
      achieved('M05'),
      milestone('M07', { baselineDate: '2026-01-01', forecastDate: '2026-03-01' }),
      milestone('M11', { forecastDate: '2027-01-01' }),
    ];
    expect(derivePhase(milestones, TOTAL)).toBe('planologische_procedure');
  });
});
