/**
 * Unit tests for programme totals and shares (src/domain/programme.ts).
 *
 * SPEC §2 "Segments": "Betaalbaar = sociale huur + middenhuur + betaalbare koop: the seeds use these three
 * (`001 § 19.1`: '170.000 sociale en midden huurwoningen; en 60.000 betaalbare koopwoningen')".
 * SPEC §3 "Targets to monitor": "2/3 of new homes betaalbaar, 30% sociaal" (`004 § Woningbouw 2026 en daarna`).
 */
import { describe, expect, it } from 'vitest';
import { AFFORDABLE_SEGMENTS, SEGMENTS, SOCIAL_SEGMENTS, type Doelgroep, type Segment, type Woningtype } from './codes.ts';
import { POLICY } from './policy.ts';
import { homesBySegment, jaarschijvenMismatches, programmeTotals } from './programme.ts';
import type { Jaarschijf, ProgrammeLine } from './project.ts';

function line(segment: Segment, homes: number, woningtype: Woningtype = 'gestapeld', doelgroep: Doelgroep = 'regulier'): ProgrammeLine {
  return { segment, woningtype, doelgroep, homes };
}

function schijf(year: number, segment: Segment, homes: number): Jaarschijf {
  return { year, segment, homes };
}

const zeroBySegment = (): Record<Segment, number> => ({
  sociale_huur: 0,
  middenhuur: 0,
  betaalbare_koop: 0,
  vrije_sector_huur: 0,
  vrije_sector_koop: 0,
});

// SPEC §2 "Segments" (001 § 19.1): the segment lists behind betaalbaar and sociaal.
describe('SPEC §2 "Segments" (001 § 19.1): segment definitions', () => {
  it('has the five segments sociale huur, middenhuur, betaalbare koop, vrije sector huur and vrije sector koop', () => {
    expect([...SEGMENTS]).toEqual(['sociale_huur', 'middenhuur', 'betaalbare_koop', 'vrije_sector_huur', 'vrije_sector_koop']);
  });

  it('defines betaalbaar as sociale huur + middenhuur + betaalbare koop', () => {
    expect([...AFFORDABLE_SEGMENTS].sort()).toEqual(['betaalbare_koop', 'middenhuur', 'sociale_huur']);
  });

  // SPEC §3: "30% sociaal" is measured on sociale huur.
  it('defines sociaal as sociale huur only', () => {
    expect([...SOCIAL_SEGMENTS]).toEqual(['sociale_huur']);
  });
});

// SPEC §2 "Project": "the programme (homes per segment × type)".
describe('SPEC §2 "Project": homes per segment', () => {
  it.each([
    { case: 'an empty programme has zero homes in every segment', lines: [] as ProgrammeLine[], expected: zeroBySegment() },
    {
      case: 'lines of the same segment with different types and target groups are added up',
      lines: [line('sociale_huur', 20, 'gestapeld', 'regulier'), line('sociale_huur', 15, 'grondgebonden', 'ouderen'), line('vrije_sector_koop', 7)],
      expected: { ...zeroBySegment(), sociale_huur: 35, vrije_sector_koop: 7 },
    },
  ])('$case', ({ lines, expected }) => {
    expect(homesBySegment(lines)).toEqual(expected);
  });

  it('works on jaarschijven as well as on programme lines', () => {
    expect(homesBySegment([schijf(2026, 'middenhuur', 10), schijf(2027, 'middenhuur', 5), schijf(2027, 'betaalbare_koop', 3)])).toEqual({
      ...zeroBySegment(),
      middenhuur: 15,
      betaalbare_koop: 3,
    });
  });
});

// SPEC §2 "Segments" (001 § 19.1) and SPEC §3 (004): totals, betaalbaar and sociaal with their shares.
describe('SPEC §2 "Segments" and §3 "Targets": programme totals', () => {
  const table: Array<{
    case: string;
    lines: ProgrammeLine[];
    totalHomes: number;
    affordableHomes: number;
    socialHomes: number;
    affordableShare: number;
    socialShare: number;
  }> = [
    {
      case: 'an empty programme has totals 0 and shares 0 (not NaN)',
      lines: [],
      totalHomes: 0,
      affordableHomes: 0,
      socialHomes: 0,
      affordableShare: 0,
      socialShare: 0,
    },
    {
      case: 'a programme of zero-home lines has shares 0 (not NaN)',
      lines: [line('sociale_huur', 0), line('vrije_sector_koop', 0)],
      totalHomes: 0,
      affordableHomes: 0,
      socialHomes: 0,
      affordableShare: 0,
      socialShare: 0,
    },
    {
      case: 'betaalbaar counts sociale huur, middenhuur and betaalbare koop but no vrije sector',
      lines: [
        line('sociale_huur', 30),
        line('middenhuur', 20),
        line('betaalbare_koop', 10),
        line('vrije_sector_huur', 15),
        line('vrije_sector_koop', 25),
      ],
      totalHomes: 100,
      affordableHomes: 60,
      socialHomes: 30,
      affordableShare: 0.6,
      socialShare: 0.3,
    },
    {
      case: 'a programme of only vrije sector has no betaalbaar and no sociaal homes',
      lines: [line('vrije_sector_huur', 40), line('vrije_sector_koop', 60)],
      totalHomes: 100,
      affordableHomes: 0,
      socialHomes: 0,
      affordableShare: 0,
      socialShare: 0,
    },
    {
      case: 'a programme of only sociale huur is entirely betaalbaar and sociaal',
      lines: [line('sociale_huur', 12, 'gestapeld', 'regulier'), line('sociale_huur', 8, 'grondgebonden', 'ouderen')],
      totalHomes: 20,
      affordableHomes: 20,
      socialHomes: 20,
      affordableShare: 1,
      socialShare: 1,
    },
    {
      case: 'middenhuur and betaalbare koop are betaalbaar but not sociaal',
      lines: [line('middenhuur', 50), line('betaalbare_koop', 25), line('vrije_sector_koop', 25)],
      totalHomes: 100,
      affordableHomes: 75,
      socialHomes: 0,
      affordableShare: 0.75,
      socialShare: 0,
    },
  ];
  it.each(table)('$case', ({ lines, totalHomes, affordableHomes, socialHomes, affordableShare, socialShare }) => {
    const totals = programmeTotals(lines);
    expect(totals.totalHomes).toBe(totalHomes);
    expect(totals.affordableHomes).toBe(affordableHomes);
    expect(totals.socialHomes).toBe(socialHomes);
    expect(totals.affordableShare).toBeCloseTo(affordableShare, 10);
    expect(totals.socialShare).toBeCloseTo(socialShare, 10);
  });

  it('returns the per-segment breakdown with the totals', () => {
    const totals = programmeTotals([line('sociale_huur', 30), line('middenhuur', 20), line('vrije_sector_koop', 50)]);
    expect(totals.bySegment).toEqual({ ...zeroBySegment(), sociale_huur: 30, middenhuur: 20, vrije_sector_koop: 50 });
  });

  // 001 § 19.1: "170.000 sociale en midden huurwoningen; en 60.000 betaalbare koopwoningen" = 230,000 betaalbaar.
  it('adds the seed figures 170,000 social and middle rent plus 60,000 affordable purchase to 230,000 betaalbaar', () => {
    const totals = programmeTotals([line('sociale_huur', 100_000), line('middenhuur', 70_000), line('betaalbare_koop', 60_000)]);
    expect(totals.affordableHomes).toBe(230_000);
    expect(totals.affordableShare).toBe(1);
  });

  // SPEC §3 (004 § Woningbouw 2026 en daarna): 2/3 betaalbaar, 30% sociaal — the shares compare with POLICY.targets.
  it('gives shares that can be compared with the 2/3 betaalbaar and 30% sociaal targets', () => {
    const totals = programmeTotals([line('sociale_huur', 30), line('middenhuur', 20), line('betaalbare_koop', 17), line('vrije_sector_koop', 33)]);
    expect(totals.socialShare).toBeCloseTo(POLICY.targets.socialShare, 10);
    expect(totals.affordableShare).toBeGreaterThanOrEqual(POLICY.targets.affordableShare);
  });
});

// SPEC §2 "Project": the programme (homes per segment × type) and the jaarschijven (planned completions per year and
// segment) are two views of the same homes (001 § Afspraak 3A: locatielijsten "in jaarschijven"), so per segment
// they must add up; where they do not, the forms and the project page warn.
describe('jaarschijvenMismatches (jaarschijven against the programme, per segment)', () => {
  it('finds nothing when every segment adds up, over several years and woningtypes', () => {
    const programme = [line('sociale_huur', 30), line('sociale_huur', 10, 'grondgebonden'), line('middenhuur', 20)];
    const jaarschijven = [schijf(2027, 'sociale_huur', 25), schijf(2028, 'sociale_huur', 15), schijf(2028, 'middenhuur', 20)];
    expect(jaarschijvenMismatches(programme, jaarschijven)).toEqual([]);
  });

  it('finds nothing while no jaarschijven are entered (nothing planned yet is no contradiction)', () => {
    expect(jaarschijvenMismatches([line('sociale_huur', 30)], [])).toEqual([]);
  });

  it('names each segment that differs, with both sums, in the order of the segments', () => {
    const programme = [line('vrije_sector_koop', 40), line('sociale_huur', 30)];
    const jaarschijven = [schijf(2027, 'sociale_huur', 20), schijf(2027, 'vrije_sector_koop', 40), schijf(2028, 'middenhuur', 5)];
    expect(jaarschijvenMismatches(programme, jaarschijven)).toEqual([
      { segment: 'sociale_huur', planned: 20, programme: 30 },
      { segment: 'middenhuur', planned: 5, programme: 0 },
    ]);
  });

  it('flags a segment planned in the wrong segment even when the totals are equal', () => {
    const mismatches = jaarschijvenMismatches([line('middenhuur', 50)], [schijf(2027, 'sociale_huur', 50)]);
    expect(mismatches.map((m) => m.segment)).toEqual(['sociale_huur', 'middenhuur']);
  });
});
