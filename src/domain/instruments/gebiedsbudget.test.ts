/**
 * Gebiedsbudget: eligibility, the 50% cap with the region's matching amount, the running total against the ceiling.
 * SPEC §4.3; `001 § Afspraak 19.3` (Voorwaarden voor een bijdrage, Hoogte van de bijdrage, Uitkeringsplafond).
 */
import { describe, expect, it } from 'vitest';
import { POLICY } from '../policy.ts';
import {
  capGebiedsbudget,
  checkGebiedsbudgetAward,
  checkGebiedsbudgetEligibility,
  checkGebiedsbudgetRequest,
  gebiedsbudgetTotals,
  type GebiedsbudgetRequestInput,
} from './gebiedsbudget.ts';

const AREA = { designated: true, name: 'Rotterdam Oostflank' };
const ok: GebiedsbudgetRequestInput = {
  areaCode: 'rotterdam-oostflank',
  title: 'Parken en riolering Oostflank',
  homes: 9000,
  affordableHomes: 6000,
  lastHomesYear: 2034,
  homesBefore2030: 3000,
  parallelPlannen: true,
  versnellingstafelWithPpm: true,
  openBooks: true,
  positiveMkba: true,
  measures: ['openbare_ruimte', 'toekomstbestendigheid'],
  totalInvestmentEuros: 100_000_000,
  regionReservedEuros: 50_000_000,
  requestedEuros: 50_000_000,
};
const failed = (input: Partial<GebiedsbudgetRequestInput>, area: { designated: boolean; name: string } | null = AREA) =>
  checkGebiedsbudgetEligibility({ ...ok, ...input }, area)
    .criteria.filter((c) => !c.met)
    .map((c) => c.code);

describe('Gebiedsbudget eligibility per condition, with rule and source (SPEC §4.3; 001 § Afspraak 19.3 Voorwaarden)', () => {
  it('a complete request meets every condition', () => {
    const r = checkGebiedsbudgetEligibility(ok, AREA);
    expect(r.eligible).toBe(true);
    for (const c of r.criteria) expect(c.source).toContain('Woontop');
  });
  it('only Rijk-designated grootschalige woningbouwgebieden', () => {
    expect(failed({}, { designated: false, name: 'Elders' })).toEqual(['aangewezen_gebied']);
    expect(failed({}, null)).toEqual(['aangewezen_gebied']);
  });
  it('affordable share fits the regional 2/3', () => {
    expect(failed({ affordableHomes: 5999 })).toEqual(['betaalbaar_regionaal']);
  });
  it('last homes by 2034, a substantial share (labelled policy parameter) before 2030', () => {
    expect(failed({ lastHomesYear: 2035 })).toEqual(['laatste_woningen']);
    expect(POLICY.gebiedsbudget.substantialShareBefore).toBeCloseTo(1 / 3);
    expect(failed({ homesBefore2030: 2999 })).toEqual(['substantieel_voor_2030']);
    expect(checkGebiedsbudgetEligibility(ok, AREA).criteria.find((c) => c.code === 'substantieel_voor_2030')!.rule).toContain('eigen werkafspraak');
  });
  it('the same steering conditions as the Wbi, and measures from a positive MKBA', () => {
    expect(failed({ parallelPlannen: false, versnellingstafelWithPpm: false, openBooks: false })).toEqual([
      'parallel_plannen',
      'versnellingstafel_ppm',
      'open_boeken',
    ]);
    expect(failed({ positiveMkba: false })).toEqual(['mkba']);
  });
  it('measures from the three categories; accessibility measures are excluded', () => {
    expect(failed({ measures: [] })).toEqual(['maatregelen']);
    expect(failed({ measures: ['openbare_ruimte', 'bereikbaarheid'] })).toEqual(['geen_bereikbaarheid']);
    expect(failed({ measures: ['bereikbaarheid'] })).toEqual(['maatregelen', 'geen_bereikbaarheid']);
    expect(failed({ measures: ['hinderlijke_activiteiten'] })).toEqual([]);
  });
});

describe('Gebiedsbudget cap: the Rijk pays at most 50% of the total investment, if the region reserves at least the same (001 § Afspraak 19.3 Hoogte van de bijdrage)', () => {
  it('a request above 50% of the investment is capped at 50%', () => {
    const cap = capGebiedsbudget({ totalInvestmentEuros: 100_000_000, regionReservedEuros: 60_000_000, requestedEuros: 70_000_000 });
    expect(cap).toMatchObject({ cappedEuros: 50_000_000, capped: true });
    expect(cap.reason).toContain('helft');
    expect(checkGebiedsbudgetEligibility({ ...ok, requestedEuros: 70_000_000 }, AREA).cappedEuros).toBe(50_000_000);
  });
  it('the Rijk pays no more than the region reserves', () => {
    expect(capGebiedsbudget({ totalInvestmentEuros: 100_000_000, regionReservedEuros: 30_000_000, requestedEuros: 50_000_000 })).toMatchObject({
      cappedEuros: 30_000_000,
      capped: true,
    });
  });
  it('a request within both limits stays as asked', () => {
    expect(capGebiedsbudget({ totalInvestmentEuros: 100_000_000, regionReservedEuros: 50_000_000, requestedEuros: 40_000_000 })).toMatchObject({
      cappedEuros: 40_000_000,
      capped: false,
    });
  });
});

describe('Gebiedsbudget running total against the ceiling of ca. €900m (001 § Afspraak 19.3 Uitkeringsplafond)', () => {
  it('sums awarded and pending eligible requests and says when the ceiling is passed', () => {
    const totals = gebiedsbudgetTotals([
      { status: 'toegekend', eligible: true, cappedEuros: 500_000_000, awardedEuros: 500_000_000 },
      { status: 'ingediend', eligible: true, cappedEuros: 300_000_000, awardedEuros: null },
      { status: 'ingediend', eligible: false, cappedEuros: 999_000_000, awardedEuros: null },
      { status: 'afgewezen', eligible: true, cappedEuros: 100_000_000, awardedEuros: null },
    ]);
    expect(totals).toEqual({
      ceilingEuros: 900_000_000,
      awardedEuros: 500_000_000,
      pendingEuros: 300_000_000,
      remainingEuros: 400_000_000,
      overCeiling: false,
    });
    expect(gebiedsbudgetTotals([{ status: 'ingediend', eligible: true, cappedEuros: 900_000_001, awardedEuros: null }]).overCeiling).toBe(true);
  });
  it('an award may not pass the cap of the request nor the ceiling', () => {
    expect(checkGebiedsbudgetAward({ eligible: true, cappedEuros: 50 }, 50, 0)).toEqual([]);
    expect(checkGebiedsbudgetAward({ eligible: true, cappedEuros: 50 }, 51, 0).map((i) => i.code)).toEqual(['above_cap']);
    expect(checkGebiedsbudgetAward({ eligible: true, cappedEuros: 50_000_000 }, 50_000_000, 860_000_000).map((i) => i.code)).toEqual([
      'above_ceiling',
    ]);
    expect(checkGebiedsbudgetAward({ eligible: false, cappedEuros: 50 }, 50, 0).map((i) => i.code)).toEqual(['not_eligible']);
  });
});

describe('Gebiedsbudget form checks name the field', () => {
  it('rejects impossible figures', () => {
    expect(checkGebiedsbudgetRequest(ok)).toEqual([]);
    expect(checkGebiedsbudgetRequest({ ...ok, homes: 10, affordableHomes: 11, requestedEuros: -1, title: '' }).map((i) => i.path)).toEqual([
      'title',
      'affordableHomes',
      'homesBefore2030',
      'requestedEuros',
    ]);
  });
});
