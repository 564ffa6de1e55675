/**
 * Reconciliation of the monitor's opleveringen with CBS (src/domain/realisations.ts). Issue 3
 * "Realisations": "reconcile the two per gemeente and year (what the monitor says vs. what CBS counted),
 * showing the differences"; SPEC §8 (reconciliation of plans with the register); counting is gross
 * (SPEC §3, `001 § 19.1` footnote 12).
 */
import { describe, expect, it } from 'vitest';
import { reconcile, relative } from './realisations.ts';

const cbs = [
  { gemeenteCode: 'GM0001', year: 2019, value: 100 },
  { gemeenteCode: 'GM0002', year: 2019, value: 50 },
  { gemeenteCode: 'GM0001', year: 2020, value: 80 },
  { gemeenteCode: 'GM0002', year: 2020, value: 0 },
  { gemeenteCode: 'GM0003', year: 2019, value: 999 },
];
const opleveringen = [
  { gemeenteCode: 'GM0001', year: 2019, homes: 60 },
  { gemeenteCode: 'GM0001', year: 2019, homes: 30 },
  { gemeenteCode: 'GM0002', year: 2020, homes: 12, projects: 2 },
  { gemeenteCode: 'GM0001', year: 2026, homes: 500 },
];

describe('reconcile (issue 3: monitor vs CBS per gemeente and year)', () => {
  const r = reconcile(opleveringen, cbs, { gemeenteCodes: ['GM0001', 'GM0002'] });

  it('compares only the years both sources have (CBS 2012–2020 and an oplevering recorded anywhere in the monitor)', () => {
    expect(r.years).toEqual([2019, 2020]);
    // GM0003 has no oplevering in the monitor, yet 2019 is compared for it: its shortfall shows.
    expect(reconcile(opleveringen, cbs, { gemeenteCodes: ['GM0003'] }).rows).toContainEqual({
      gemeenteCode: 'GM0003',
      year: 2019,
      monitor: 0,
      monitorProjects: 0,
      cbs: 999,
      difference: -999,
      relativeDifference: -1,
    });
  });

  it('gives every gemeente in scope a row per year, with absolute and relative differences', () => {
    expect(r.rows).toEqual([
      { gemeenteCode: 'GM0001', year: 2019, monitor: 90, monitorProjects: 2, cbs: 100, difference: -10, relativeDifference: -0.1 },
      { gemeenteCode: 'GM0002', year: 2019, monitor: 0, monitorProjects: 0, cbs: 50, difference: -50, relativeDifference: -1 },
      { gemeenteCode: 'GM0001', year: 2020, monitor: 0, monitorProjects: 0, cbs: 80, difference: -80, relativeDifference: -1 },
      { gemeenteCode: 'GM0002', year: 2020, monitor: 12, monitorProjects: 2, cbs: 0, difference: 12, relativeDifference: null },
    ]);
  });

  it('totals per year over the gemeenten in scope (GM0003 is outside it)', () => {
    expect(r.totals).toEqual([
      { year: 2019, monitor: 90, cbs: 150, difference: -60, relativeDifference: -0.4 },
      { year: 2020, monitor: 12, cbs: 80, difference: -68, relativeDifference: -0.85 },
    ]);
  });

  it('restricts to the years asked for, and is empty when the monitor has nothing in CBS years', () => {
    expect(reconcile(opleveringen, cbs, { gemeenteCodes: ['GM0001'], years: [2020] }).years).toEqual([2020]);
    expect(reconcile([{ gemeenteCode: 'GM0001', year: 2026, homes: 5 }], cbs, { gemeenteCodes: ['GM0001'] })).toEqual({
      years: [],
      rows: [],
      totals: [],
    });
    expect(relative(5, 0)).toBeNull();
  });
});
