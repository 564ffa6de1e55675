/**
 * Completion forecast from the jaarschijven (src/domain/forecast.ts). Issue 3 "Forecast": expected
 * completions = jaarschijven × realisation assumption per plan status, configurable and shown;
 * SPEC §2 (jaarschijven per year and segment; plan status), §2 "Segments" (betaalbaar = sociale huur +
 * middenhuur + betaalbare koop), §3 (targets; 2/3 betaalbaar, 30% sociaal).
 */
import { describe, expect, it } from 'vitest';
import { nationalProject } from '../../test/helpers/builders.ts';
import { take } from '../../test/helpers/present.ts';
import { SEGMENTS } from './codes.ts';
import {
  DEFAULT_ASSUMPTIONS,
  forecastByYear,
  gap,
  invalidAssumptions,
  opleveringenPerYear,
  plannedRows,
  pointEstimate,
  type NationalProject,
  type PlannedRow,
  type RealisationAssumptions,
} from './forecast.ts';
import { POLICY } from './policy.ts';
import { bandFor, simulate } from './simulation.ts';

const rows: PlannedRow[] = [
  { code: 'GM0001', year: 2027, planStatus: 'onherroepelijk', homes: 100, affordable: 100, social: 100 },
  { code: 'GM0001', year: 2027, planStatus: 'visie', homes: 200, affordable: 0, social: 0 },
  { code: 'GM0002', year: 2027, planStatus: 'vastgesteld', homes: 50, affordable: 50, social: 0 },
  { code: 'GM0002', year: 2028, planStatus: 'in_voorbereiding', homes: 10, affordable: 10, social: 0 },
  { code: 'GM0003', year: 2031, planStatus: 'onbekend', homes: 999, affordable: 999, social: 999 },
];
const half: RealisationAssumptions = { onherroepelijk: 1, vastgesteld: 1, in_voorbereiding: 0.5, visie: 0.5, onbekend: 0.5 };

describe('forecastByYear (issue 3: jaarschijven × realisation assumption per plan status)', () => {
  it('multiplies each plan status by its assumption and keeps the planned figure next to it', () => {
    const [y2027, y2028] = take(forecastByYear(rows, null, [2027, 2028], half), 2);
    expect(y2027).toMatchObject({ year: 2027, planned: 350, expected: 100 + 100 + 50 });
    expect(y2027.byPlanStatus.visie).toEqual({ planned: 200, expected: 100 });
    expect(y2028).toMatchObject({ planned: 10, expected: 5 });
  });

  it('splits the expected homes into betaalbaar and sociaal by segment (SPEC §2 Segments)', () => {
    const [y2027] = take(forecastByYear(rows, null, [2027], half), 1);
    expect(y2027.expectedSocial).toBe(100);
    expect(y2027.expectedAffordable).toBe(150);
  });

  it('counts only the areas asked for and gives zeros for a year without plans', () => {
    const [a, b] = forecastByYear(rows, new Set(['GM0002']), [2027, 2029], half);
    expect(a).toMatchObject({ planned: 50, expected: 50 });
    expect(b).toMatchObject({ planned: 0, expected: 0 });
  });

  it('equals the jaarschijven when every assumption is 100%', () => {
    const all: RealisationAssumptions = { onherroepelijk: 1, vastgesteld: 1, in_voorbereiding: 1, visie: 1, onbekend: 1 };
    const [y] = take(forecastByYear(rows, null, [2027], all), 1);
    expect(y.expected).toBe(y.planned);
  });

  it('uses the dated assumptions of policy.ts by default, harder plans counting more', () => {
    expect(DEFAULT_ASSUMPTIONS).toEqual(POLICY.realisation.byPlanStatus);
    expect(DEFAULT_ASSUMPTIONS.onherroepelijk).toBeGreaterThanOrEqual(DEFAULT_ASSUMPTIONS.vastgesteld);
    expect(DEFAULT_ASSUMPTIONS.vastgesteld).toBeGreaterThanOrEqual(DEFAULT_ASSUMPTIONS.in_voorbereiding);
    expect(DEFAULT_ASSUMPTIONS.in_voorbereiding).toBeGreaterThanOrEqual(DEFAULT_ASSUMPTIONS.visie);
    expect(invalidAssumptions(DEFAULT_ASSUMPTIONS)).toEqual([]);
    expect(invalidAssumptions({ ...DEFAULT_ASSUMPTIONS, visie: 1.2, onbekend: Number.NaN })).toEqual(['visie', 'onbekend']);
  });
});

describe('plannedRows: jaarschijven per area, year and plan status (SPEC §2 jaarschijven per year and segment)', () => {
  const project = nationalProject;
  const seg = (s: (typeof SEGMENTS)[number]) => SEGMENTS.indexOf(s);

  it('sums segments into homes, betaalbaar and sociaal, per area code and year, within the years asked for', () => {
    const projects = [
      project({
        years: [2027, 2027, 2028, 2040],
        segments: [seg('sociale_huur'), seg('vrije_sector_koop'), seg('middenhuur'), seg('sociale_huur')],
        homes: [10, 20, 5, 99],
      }),
      project({ gemeenteCode: 'GM0002', years: [2027], segments: [seg('betaalbare_koop')], homes: [7] }),
      project({ gemeenteCode: 'GM0003', years: [2027], segments: [seg('sociale_huur')], homes: [1] }),
    ];
    const byProvince = (p: NationalProject) => (p.gemeenteCode === 'GM0003' ? null : 'PV26');
    const rows = plannedRows(projects, byProvince, 2026, 2030).sort((a, b) => a.year - b.year);
    expect(rows).toEqual([
      { code: 'PV26', year: 2027, planStatus: 'vastgesteld', homes: 37, affordable: 17, social: 10 },
      { code: 'PV26', year: 2028, planStatus: 'vastgesteld', homes: 5, affordable: 5, social: 0 },
    ]);
  });
});

describe('opleveringenPerYear (issue 3: per-project opleveringen from the milestones; SPEC §2 M12 may be partial)', () => {
  it('counts M12 by the year of its actual date, with its homes when partial and the project total otherwise', () => {
    const base = {
      key: 1,
      gemeenteCode: 'GM0001',
      planStatus: 'onherroepelijk' as const,
      origin: 'nieuwbouw',
      flags: [],
      corporatie: false,
      programmeHomes: 0,
      elderlyHomes: 0,
      studentHomes: 0,
      m11: null,
      years: [],
      segments: [],
      homes: [],
    };
    const m12 = (actualDate: string | null) => ({ baselineDate: '2019-01-01', forecastDate: null, actualDate });
    const result = opleveringenPerYear([
      { ...base, totalHomes: 100, m12: m12('2019-06-30'), m12Homes: null },
      { ...base, totalHomes: 500, m12: m12('2019-12-31'), m12Homes: 40 },
      { ...base, totalHomes: 70, m12: m12('2020-01-01'), m12Homes: null },
      { ...base, totalHomes: 999, m12: m12(null), m12Homes: null },
      { ...base, totalHomes: 999, m12: null, m12Homes: null },
    ]);
    expect([...result]).toEqual([
      [2019, { homes: 140, projects: 2 }],
      [2020, { homes: 70, projects: 1 }],
    ]);
  });
});

describe('gap with the target (SPEC §3 targets)', () => {
  it('gives expected − target and the attainment ratio', () => {
    expect(gap(2027, 80, 100)).toEqual({ year: 2027, target: 100, gap: -20, attainment: 0.8 });
  });
  it('has no gap or ratio without a target, and no ratio for a zero target', () => {
    expect(gap(2027, 80, null)).toEqual({ year: 2027, target: null, gap: null, attainment: null });
    expect(gap(2027, 80, 0)).toEqual({ year: 2027, target: 0, gap: 80, attainment: null });
  });
});

// Issue 8 item 19: the figure shown as "verwacht" is the median of the band it is drawn with (SPEC §8
// probabilistic forecasts; §3 targets), so it can never lie outside its own P10–P90.
describe('the point estimate of the forecast lies inside its band', () => {
  it('is the median (P50) of the simulation, even where planned × realisation falls outside the band', () => {
    // 1,000 homes planned in 2026, certain to go ahead, but every observed completion was 12 months late.
    const result = simulate([{ key: 1, gemeente: 0, probability: 1, completed: false, knownDelayMonths: 0, years: [2026], homes: [1000] }], {
      runs: 50,
      seed: 7,
      fromYear: 2026,
      toYear: 2027,
      gemeenten: 1,
      delaySamples: [12],
    });
    const [y2026, y2027] = take(bandFor(result, [0]), 2);
    const withoutDelay = 1000 * 1;
    expect(withoutDelay).toBeGreaterThan(y2026.p90); // the old point estimate: outside its band
    for (const band of [y2026, y2027]) {
      const point = pointEstimate(withoutDelay, band);
      expect(point).toBe(band.p50);
      expect(point).toBeGreaterThanOrEqual(band.p10);
      expect(point).toBeLessThanOrEqual(band.p90);
    }
    expect(pointEstimate(withoutDelay, y2027)).toBe(1000);
  });

  it('falls back to planned × realisation only where there is no band', () => {
    expect(pointEstimate(812.5, null)).toBe(812.5);
    expect(pointEstimate(812.5, undefined)).toBe(812.5);
  });
});
