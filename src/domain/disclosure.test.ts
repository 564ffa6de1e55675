/**
 * Public aggregates never reveal a single project. SPEC §1 (users: "public, researchers: aggregated open
 * data and maps; no project-level confidential data") and §7 ("the PPM is a confidential working tool …
 * the public sees aggregates"); threshold POLICY.disclosure.minProjects.
 */
import { describe, expect, it } from 'vitest';
import {
  discloseFigure,
  discloseFigures,
  disclosureRule,
  hiddenAreas,
  MIN_PUBLIC_PROJECTS,
  publicAggregates,
  suppressedCells,
  type ProjectCellRow,
  type SegmentCellRow,
} from './disclosure.ts';
import { POLICY } from './policy.ts';

describe('suppression of small cells (SPEC §1 public users, §7 confidentiality)', () => {
  it('takes its threshold from the policy: 3 projects', () => {
    expect(MIN_PUBLIC_PROJECTS).toBe(POLICY.disclosure.minProjects);
    expect(POLICY.disclosure.minProjects).toBe(3);
  });

  it('hides cells of 1 or 2 projects and shows 0 and 3 or more', () => {
    expect(suppressedCells([0, 1, 2, 3, 40])).toEqual([false, true, true, false, false]);
  });

  it('with a published total, hides a second cell so that the hidden one cannot be computed back', () => {
    // 1 project next to 10 and 20 with the total 31 shown: 31 − 10 − 20 would give the single project away.
    expect(suppressedCells([1, 10, 20], { totalPublished: true })).toEqual([true, true, false]);
  });

  it('with a published total, keeps hiding until the hidden cells hold at least 3 projects', () => {
    // 1 + 1 hidden: their sum is two projects, each of whose owners could compute the other's.
    expect(suppressedCells([1, 1, 5, 9], { totalPublished: true })).toEqual([true, true, true, false]);
  });

  it('hides nothing more when no cell is too small', () => {
    expect(suppressedCells([3, 0, 7], { totalPublished: true })).toEqual([false, false, false]);
  });

  it('replaces the figures of a hidden cell by null and marks it', () => {
    expect(
      discloseFigures(
        [
          { phase: 'a', projects: 2, homes: 150 },
          { phase: 'b', projects: 4, homes: 80 },
        ],
        { totalPublished: true },
      ),
    ).toEqual([
      { phase: 'a', projects: null, homes: null, suppressed: true },
      { phase: 'b', projects: null, homes: null, suppressed: true },
    ]);
    expect(discloseFigure({ projects: 1, homes: 600 })).toEqual({ projects: null, homes: null, suppressed: true });
    expect(discloseFigure({ projects: 3, homes: 600 })).toEqual({ projects: 3, homes: 600, suppressed: false });
  });

  it('says the rule in plain Dutch', () => {
    expect(disclosureRule()).toBe('Aantallen van minder dan 3 projecten tonen we niet, zodat geen enkel project herkenbaar is.');
  });
});

describe('public aggregates per gemeente and province (SPEC §1, §7)', () => {
  const cell = (
    gemeenteCode: string,
    provincieCode: string,
    projects: number,
    homes: number,
    phase: ProjectCellRow['phase'] = 'realisatie',
  ): ProjectCellRow => ({
    gemeenteCode,
    provincieCode,
    phase,
    planStatus: 'vastgesteld',
    projects,
    homes,
  });
  const seg = (gemeenteCode: string, provincieCode: string, projects: number, homes: number): SegmentCellRow => ({
    gemeenteCode,
    provincieCode,
    segment: 'sociale_huur',
    projects,
    homes,
  });
  const gemeenten = [
    { code: 'GM0001', name: 'Een', provincieCode: 'PV20' },
    { code: 'GM0002', name: 'Twee', provincieCode: 'PV20' },
    { code: 'GM0003', name: 'Drie', provincieCode: 'PV20' },
    { code: 'GM0004', name: 'Vier', provincieCode: 'PV21' },
  ];
  const provincies = [
    { code: 'PV20', name: 'Groningen', provincieCode: null },
    { code: 'PV21', name: 'Friesland', provincieCode: null },
  ];
  const areas = { gemeenten, provincies };

  it('hides a gemeente with one project and, within its province, the next smallest one', () => {
    const rows = [cell('GM0001', 'PV20', 1, 500), cell('GM0002', 'PV20', 4, 100), cell('GM0003', 'PV20', 9, 900), cell('GM0004', 'PV21', 0, 0)];
    const result = publicAggregates('gemeente', areas, rows, []);
    const byCode = new Map(result.items.map((i) => [i.code, i]));
    expect(byCode.get('GM0001')).toMatchObject({ projects: null, homes: null, suppressed: true });
    expect(byCode.get('GM0002')).toMatchObject({ projects: null, homes: null, suppressed: true });
    expect(byCode.get('GM0003')).toMatchObject({ projects: 9, homes: 900, suppressed: false });
    expect(byCode.get('GM0004')).toMatchObject({ projects: 0, homes: 0, suppressed: false });
    // A hidden area hides all its breakdowns.
    expect(byCode.get('GM0001')!.byPhase.every((p) => p.suppressed && p.homes === null)).toBe(true);
    expect(result.rule).toContain('minder dan 3 projecten');
  });

  it('hides a phase with fewer than 3 projects inside a shown gemeente, and a second phase with it', () => {
    const rows = [
      cell('GM0003', 'PV20', 8, 800, 'realisatie'),
      cell('GM0003', 'PV20', 1, 300, 'initiatief'),
      cell('GM0003', 'PV20', 5, 50, 'planvorming'),
    ];
    const g = publicAggregates('gemeente', areas, rows, [seg('GM0003', 'PV20', 2, 40)]).items.find((i) => i.code === 'GM0003')!;
    expect(g).toMatchObject({ projects: 14, homes: 1150, suppressed: false });
    const phase = (p: string) => g.byPhase.find((x) => x.phase === p)!;
    expect(phase('initiatief')).toMatchObject({ projects: null, suppressed: true });
    expect(phase('planvorming')).toMatchObject({ projects: null, suppressed: true });
    expect(phase('realisatie')).toMatchObject({ projects: 8, homes: 800, suppressed: false });
    expect(g.bySegment.find((s) => s.segment === 'sociale_huur')).toMatchObject({ homes: null, suppressed: true });
  });

  it('at province level hides the national total when the whole register has fewer than 3 projects', () => {
    const result = publicAggregates('provincie', areas, [cell('GM0001', 'PV20', 2, 70)], []);
    expect(result.total).toEqual({ projects: null, homes: null, suppressed: true });
    expect(result.items.find((i) => i.code === 'PV20')).toMatchObject({ projects: null, suppressed: true });
    expect(JSON.stringify(result)).not.toContain('70');
  });

  it('hides a gemeente in a province hidden at province level, so the province cannot be summed from its gemeenten', () => {
    // Groningen 1 project, Noord-Holland 6 (all in Amsterdam), Utrecht 12; the national total 19 is shown.
    // Without the rule: 19 − 12 (Utrecht) − 6 (Amsterdam) = 1 project in Groningen, and its homes likewise.
    const hidden = hiddenAreas(
      [
        { code: 'GM0014', provincieCode: 'PV20', projects: 1 },
        { code: 'GM0363', provincieCode: 'PV27', projects: 6 },
        { code: 'GM0344', provincieCode: 'PV26', projects: 12 },
      ],
      [
        { code: 'PV20', projects: 1 },
        { code: 'PV27', projects: 6 },
        { code: 'PV26', projects: 12 },
      ],
    );
    expect([...hidden.provincies].sort()).toEqual(['PV20', 'PV27']);
    expect([...hidden.gemeenten].sort()).toEqual(['GM0014', 'GM0363']);
  });
});
