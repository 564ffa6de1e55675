/**
 * Open data per gemeente and quarter: homes started and completed in a quarter, the pipeline at the quarter's
 * end, and no figure built from fewer than POLICY.disclosure.minProjects projects. SPEC §1 (users: "public,
 * researchers: aggregated open data and maps; no project-level confidential data"), §7 ("the public sees
 * aggregates"), §8 (a quarterly release with field definitions).
 */
import { describe, expect, it } from 'vitest';
import { PHASES, PLAN_STATUSES, SEGMENTS } from './codes.ts';
import {
  inPipelineOn,
  openDataCsvColumns,
  openDataCsvRow,
  openDataQuarters,
  phaseOn,
  quarterRange,
  rawQuarterFigures,
  type GemeenteRef,
  type OpenDataProject,
} from './open-data.ts';

const project = (over: Partial<OpenDataProject> = {}): OpenDataProject => ({
  gemeenteCode: 'GM0001',
  provincieCode: 'PV20',
  planStatus: 'vastgesteld',
  totalHomes: 100,
  segmentHomes: { sociale_huur: 40, vrije_sector_koop: 60 },
  actualDates: { M01: '2024-01-10' },
  m12Homes: null,
  withdrawnDate: null,
  ...over,
});

describe('quarter figures of one gemeente (SPEC §1 public open data, §8 quarterly release)', () => {
  it('lists the quarters from one to another, both included, over a year boundary', () => {
    expect(quarterRange('2025-Q3', '2026-Q2')).toEqual(['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2']);
    expect(quarterRange('2026-Q2', '2026-Q1')).toEqual([]);
  });

  it('counts a start (M11) and a completion (M12) in the quarter of its actual date, first and last day included', () => {
    const started = project({ actualDates: { M01: '2023-01-01', M11: '2025-04-01' }, totalHomes: 80 });
    const completed = project({ actualDates: { M01: '2022-01-01', M11: '2024-01-01', M12: '2025-06-30' }, totalHomes: 50 });
    const q2 = rawQuarterFigures([started, completed], '2025-Q2');
    expect(q2.started).toEqual({ projects: 1, homes: 80 });
    expect(q2.completed).toEqual({ projects: 1, homes: 50 });
    const q3 = rawQuarterFigures([started, completed], '2025-Q3');
    expect(q3.started).toEqual({ projects: 0, homes: 0 });
    expect(q3.completed).toEqual({ projects: 0, homes: 0 });
  });

  it('counts the homes delivered of a partial oplevering, and keeps the project in the pipeline in realisatie', () => {
    const partial = project({ actualDates: { M01: '2022-01-01', M11: '2024-01-01', M12: '2025-05-15' }, totalHomes: 120, m12Homes: 30 });
    const q = rawQuarterFigures([partial], '2025-Q2');
    expect(q.completed).toEqual({ projects: 1, homes: 30 });
    expect(q.pipeline).toEqual({ projects: 1, homes: 120 });
    expect(q.byPhase.realisatie).toEqual({ projects: 1, homes: 120 });
  });

  it('puts a project in the phase it was in at the quarter end, from the milestones reached by then', () => {
    const p = project({ actualDates: { M01: '2024-02-01', M06: '2024-05-01', M11: '2024-08-01', M12: '2025-01-15' } });
    expect(phaseOn(p, '2024-03-31')).toBe('initiatief');
    expect(phaseOn(p, '2024-06-30')).toBe('planologische_procedure');
    expect(phaseOn(p, '2024-09-30')).toBe('realisatie');
    expect(phaseOn(p, '2025-03-31')).toBe('opgeleverd');
    expect(inPipelineOn(p, '2023-12-31')).toBe(false); // nothing reached yet: not known to be a plan then
    expect(inPipelineOn(p, '2024-03-31')).toBe(true);
    expect(inPipelineOn(p, '2025-03-31')).toBe(false); // completed
  });

  it('leaves a withdrawn plan out of the pipeline from its withdrawal date on, not before', () => {
    const p = project({ withdrawnDate: '2025-05-01' });
    expect(inPipelineOn(p, '2025-03-31')).toBe(true);
    expect(inPipelineOn(p, '2025-06-30')).toBe(false);
  });

  it('breaks the pipeline down by phase, plan status and segment (homes per segment from the programme)', () => {
    const q = rawQuarterFigures(
      [
        project(),
        project({ planStatus: 'visie', segmentHomes: { middenhuur: 10 }, totalHomes: 10, actualDates: { M01: '2024-01-01', M03: '2024-02-01' } }),
      ],
      '2024-Q1',
    );
    expect(q.pipeline).toEqual({ projects: 2, homes: 110 });
    expect(q.byPhase.initiatief).toEqual({ projects: 1, homes: 100 });
    expect(q.byPhase.planvorming).toEqual({ projects: 1, homes: 10 });
    expect(q.byPlanStatus.vastgesteld).toEqual({ projects: 1, homes: 100 });
    expect(q.byPlanStatus.visie).toEqual({ projects: 1, homes: 10 });
    expect(q.bySegment.sociale_huur).toEqual({ projects: 1, homes: 40 });
    expect(q.bySegment.middenhuur).toEqual({ projects: 1, homes: 10 });
    expect(q.bySegment.vrije_sector_huur).toEqual({ projects: 0, homes: 0 });
  });
});

describe('disclosure of the quarter figures (SPEC §1, §7; POLICY.disclosure.minProjects = 3)', () => {
  const gemeenten: GemeenteRef[] = [
    { code: 'GM0001', name: 'Een', provincieCode: 'PV20' },
    { code: 'GM0002', name: 'Twee', provincieCode: 'PV20' },
    { code: 'GM0003', name: 'Drie', provincieCode: 'PV20' },
    { code: 'GM0004', name: 'Vier', provincieCode: 'PV21' },
  ];
  const many = (gemeenteCode: string, n: number, over: Partial<OpenDataProject> = {}) =>
    Array.from({ length: n }, () => project({ gemeenteCode, provincieCode: gemeenteCode === 'GM0004' ? 'PV21' : 'PV20', ...over }));

  it('hides a gemeente of 1 project (primary) and the next smallest in its province (secondary), and shows 0 as 0', () => {
    // PV20: 1, 4 and 6 projects in the pipeline. Published totals would give the lone project away as total − 4 − 6.
    const data = openDataQuarters(gemeenten, [...many('GM0001', 1), ...many('GM0002', 4), ...many('GM0003', 6)], ['2024-Q1']);
    const by = new Map(data.items.map((i) => [i.gemeenteCode, i]));
    expect(by.get('GM0001')!.pipeline).toEqual({ projects: null, homes: null, suppressed: true });
    expect(by.get('GM0002')!.pipeline).toEqual({ projects: null, homes: null, suppressed: true });
    expect(by.get('GM0003')!.pipeline).toEqual({ projects: 6, homes: 600, suppressed: false });
    expect(by.get('GM0004')!.pipeline).toEqual({ projects: 0, homes: 0, suppressed: false });
    // A hidden gemeente's breakdowns are all hidden.
    expect(by.get('GM0001')!.pipelineByPhase.every((f) => f.suppressed && f.homes === null)).toBe(true);
    expect(data.minProjects).toBe(3);
    expect(data.rule).toMatch(/minder dan 3 projecten/);
  });

  it('hides a breakdown cell of 2 projects inside a shown gemeente, and a second one so it cannot be computed back', () => {
    // GM0003: 6 projects; 2 of them visie, 1 in_voorbereiding, 3 vastgesteld.
    const list = [...many('GM0003', 3), ...many('GM0003', 2, { planStatus: 'visie' }), ...many('GM0003', 1, { planStatus: 'in_voorbereiding' })];
    const data = openDataQuarters(gemeenten, [...list, ...many('GM0002', 5), ...many('GM0001', 4)], ['2024-Q1']);
    const cell = data.items.find((i) => i.gemeenteCode === 'GM0003')!;
    expect(cell.pipeline).toEqual({ projects: 6, homes: 600, suppressed: false });
    const ps = new Map(cell.pipelineByPlanStatus.map((f) => [f.planStatus, f]));
    expect(ps.get('visie')!.suppressed).toBe(true);
    expect(ps.get('in_voorbereiding')!.suppressed).toBe(true);
    expect(ps.get('vastgesteld')).toEqual({ planStatus: 'vastgesteld', projects: 3, homes: 300, suppressed: false });
    expect(ps.get('onbekend')).toEqual({ planStatus: 'onbekend', projects: 0, homes: 0, suppressed: false });
  });

  it('suppresses each measure on its own: 2 starts are hidden while the pipeline of 5 is shown', () => {
    const starters = many('GM0002', 2, { actualDates: { M01: '2023-01-01', M11: '2024-02-01' } });
    const data = openDataQuarters(gemeenten, [...starters, ...many('GM0002', 3), ...many('GM0003', 3), ...many('GM0001', 3)], ['2024-Q1']);
    const cell = data.items.find((i) => i.gemeenteCode === 'GM0002')!;
    expect(cell.started.suppressed).toBe(true);
    expect(cell.started.homes).toBeNull();
    expect(cell.pipeline).toEqual({ projects: 5, homes: 500, suppressed: false });
  });

  it('gives one row per gemeente and quarter, and a CSV row of as many values as columns with hidden figures empty', () => {
    const data = openDataQuarters(gemeenten, many('GM0001', 1), ['2024-Q1', '2024-Q2']);
    expect(data.items).toHaveLength(gemeenten.length * 2);
    const columns = openDataCsvColumns();
    expect(columns).toHaveLength(10 + PHASES.length + PLAN_STATUSES.length + SEGMENTS.length);
    const row = openDataCsvRow(data.items[0]!);
    expect(row).toHaveLength(columns.length);
    expect(row.slice(0, 4)).toEqual(['GM0001', 'Een', 'PV20', '2024-Q1']);
    expect(row[columns.indexOf('pijplijn_woningen')]).toBe('');
  });
});
