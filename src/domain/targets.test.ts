/**
 * Unit tests for housing targets (src/domain/targets.ts).
 *
 * SPEC §3 "Targets to monitor (dated data, not code)": targets are figures for a period and a
 * geography, kept as data with their source. A target for a period is spread evenly over its years.
 * The annual target of a region (a versnellingstafel or woondealregio, SPEC §2 "Geography") is the
 * region's own target, else the sum of its gemeenten's targets, where a gemeente without its own
 * target gets its share of the province target in proportion to its CBS production 2012–2020
 * (design; labelled 'geschat'). Unknown → null. Where two targets exist for the same geography and
 * period only the preferred one counts (migration 0003; the reference CSV has e.g. two Zuid-Holland
 * figures for 2022–2030).
 */
import { describe, expect, it } from 'vitest';
import { annualTarget, regionAnnualTarget, type Target, type TargetLevel } from './targets.ts';

let nextId = 0;
function target(geoLevel: TargetLevel, geoCode: string, periodStart: number, periodEnd: number, homes: number, preferred = true): Target {
  nextId++;
  return {
    id: `t${nextId}`,
    geoLevel,
    geoCode,
    geoName: geoCode,
    periodStart,
    periodEnd,
    homes,
    kind: 'test',
    sourceUrl: null,
    isExample: true,
    preferred,
  };
}

// SPEC §3 targets as dated data: a period target is an even spread over the years of the period.
describe('SPEC §3 targets as dated data: annualTarget spreads a period target evenly', () => {
  const table: Array<{ case: string; period: [number, number]; homes: number; year: number; expected: number | null }> = [
    // 9000 / 9 years (2022..2030 inclusive) = 1000
    { case: 'the first year of a 2022–2030 target gets a ninth of it', period: [2022, 2030], homes: 9000, year: 2022, expected: 1000 },
    { case: 'the last year of a 2022–2030 target gets a ninth of it', period: [2022, 2030], homes: 9000, year: 2030, expected: 1000 },
    { case: 'a year inside the period gets the same even share', period: [2022, 2030], homes: 9000, year: 2026, expected: 1000 },
    // 1000 / 5 years (2025..2029) = 200
    { case: 'a five-year target of 1000 homes is 200 a year', period: [2025, 2029], homes: 1000, year: 2027, expected: 200 },
    // a one-year period: the whole figure
    { case: 'a single-year target counts in full for that year', period: [2025, 2025], homes: 500, year: 2025, expected: 500 },
    { case: 'a year before the period has no target', period: [2022, 2030], homes: 9000, year: 2021, expected: null },
    { case: 'a year after the period has no target', period: [2022, 2030], homes: 9000, year: 2031, expected: null },
    // 100 / 3 = 33.33…: not rounded here
    { case: 'an uneven spread is not rounded', period: [2026, 2028], homes: 100, year: 2027, expected: 100 / 3 },
    { case: 'a zero target is zero a year, not unknown', period: [2026, 2028], homes: 0, year: 2026, expected: 0 },
  ];
  it.each(table)('$case', ({ period, homes, year, expected }) => {
    expect(annualTarget({ periodStart: period[0], periodEnd: period[1], homes }, year)).toBe(expected);
  });
});

// SPEC §3 targets as dated data; SPEC §2 "Geography": a region is a set of gemeenten.
describe('SPEC §3 targets as dated data: regionAnnualTarget of a region', () => {
  /*
   * Hand-made geography:
   *   PV26: GM0001 (weight 300), GM0002 (weight 100), GM0003 (weight 600) → province weight 1000
   *   PV27: GM0004 (weight 0),   GM0005 (no weight)                       → province weight 0
   *   PV28: GM0007 (weight 50), but PV28 has no target
   *   GM0006: no province known
   * Targets (preferred unless noted; non-preferred duplicates listed first so that a plain `find`
   * on geography would hit them):
   *   region R1      2025–2029:  5000 → 1000/yr   (non-preferred 50000 → 10000/yr ignored)
   *   region R7      2025–2029: 70000 non-preferred only → ignored
   *   gemeente GM0001 2022–2030: 2700 →  300/yr   (non-preferred 9000 → 1000/yr ignored)
   *   gemeente GM0002 2025–2026:  400 →  200/yr
   *   provincie PV26  2022–2030: 18000 → 2000/yr  (non-preferred 27000 → 3000/yr ignored)
   *   provincie PV27  2025–2030:  6000 → 1000/yr
   */
  const provincieOf = new Map([
    ['GM0001', 'PV26'],
    ['GM0002', 'PV26'],
    ['GM0003', 'PV26'],
    ['GM0004', 'PV27'],
    ['GM0005', 'PV27'],
    ['GM0007', 'PV28'],
  ]);
  const weights = new Map([
    ['GM0001', 300],
    ['GM0002', 100],
    ['GM0003', 600],
    ['GM0004', 0],
    ['GM0007', 50],
  ]);
  const targets: Target[] = [
    target('region', 'R1', 2025, 2029, 50000, false),
    target('region', 'R1', 2025, 2029, 5000),
    target('region', 'R7', 2025, 2029, 70000, false),
    target('gemeente', 'GM0001', 2022, 2030, 9000, false),
    target('gemeente', 'GM0001', 2022, 2030, 2700),
    target('gemeente', 'GM0002', 2025, 2026, 400),
    target('provincie', 'PV26', 2022, 2030, 27000, false),
    target('provincie', 'PV26', 2022, 2030, 18000),
    target('provincie', 'PV27', 2025, 2030, 6000),
  ];
  const region = (id: string, ...gemeenteCodes: string[]) => ({ id, gemeenteCodes });

  const table: Array<{
    case: string;
    region: { id: string; gemeenteCodes: string[] };
    year: number;
    expected: { homesPerYear: number; basis: 'vastgesteld' | 'geschat' } | null;
  }> = [
    {
      case: 'a region with its own preferred target uses it and ignores the non-preferred duplicate',
      region: region('R1', 'GM0001', 'GM0002'),
      year: 2026,
      expected: { homesPerYear: 1000, basis: 'vastgesteld' },
    },
    {
      // 2030 is outside R1's 2025–2029 period: GM0001 300 + GM0002 (outside its 2025–2026) 2000 × 100/1000 = 200 → 500
      case: 'outside the period of its own target a region falls back to its gemeenten',
      region: region('R1', 'GM0001', 'GM0002'),
      year: 2030,
      expected: { homesPerYear: 500, basis: 'geschat' },
    },
    {
      // 300 + 200 = 500, both set for the gemeente itself
      case: 'a region without its own target is the sum of its gemeenten’s targets',
      region: region('R2', 'GM0001', 'GM0002'),
      year: 2025,
      expected: { homesPerYear: 500, basis: 'vastgesteld' },
    },
    {
      // only non-preferred R7 target → ignored; GM0001 300 (preferred, not the 1000 duplicate)
      case: 'a region with only a non-preferred target of its own is summed from its gemeenten',
      region: region('R7', 'GM0001'),
      year: 2026,
      expected: { homesPerYear: 300, basis: 'vastgesteld' },
    },
    {
      // 2000 × 600/1000 = 1200 (the non-preferred 3000/yr province figure is ignored)
      case: 'a gemeente without its own target gets the province target in proportion to its production weight',
      region: region('R3', 'GM0003'),
      year: 2025,
      expected: { homesPerYear: 1200, basis: 'geschat' },
    },
    {
      // GM0001 300 (own) + GM0003 2000 × 0.6 = 1200 → 1500
      case: 'a mix of own and estimated gemeente targets is labelled geschat',
      region: region('R4', 'GM0001', 'GM0003'),
      year: 2028,
      expected: { homesPerYear: 1500, basis: 'geschat' },
    },
    {
      // GM0001 own 300; GM0002 (2022 outside its 2025–2026) 2000 × 0.1 = 200; GM0003 2000 × 0.6 = 1200 → 1700
      case: 'each gemeente of a region contributes its own target or else its estimated share',
      region: region('R5', 'GM0001', 'GM0002', 'GM0003'),
      year: 2022,
      expected: { homesPerYear: 1700, basis: 'geschat' },
    },
    {
      // PV27 weight = 0 + (no weight → 0) = 0 → share 0, not NaN
      case: 'a gemeente in a province whose production weights sum to 0 gets share 0',
      region: region('R6', 'GM0004'),
      year: 2026,
      expected: { homesPerYear: 0, basis: 'geschat' },
    },
    {
      case: 'a gemeente with no weight of its own gets share 0 of the province target',
      region: region('R6', 'GM0005'),
      year: 2026,
      expected: { homesPerYear: 0, basis: 'geschat' },
    },
    {
      case: 'a gemeente whose province has no target makes the region target unknown',
      region: region('R8', 'GM0001', 'GM0007'),
      year: 2026,
      expected: null,
    },
    {
      case: 'a gemeente without a known province makes the region target unknown',
      region: region('R9', 'GM0006'),
      year: 2026,
      expected: null,
    },
    {
      // PV26 target is 2022–2030; GM0003 has no own target
      case: 'a year outside the province target period makes an estimated gemeente unknown',
      region: region('R3', 'GM0003'),
      year: 2031,
      expected: null,
    },
    {
      // PV27 starts 2025
      case: 'a year before the province target period makes an estimated gemeente unknown',
      region: region('R6', 'GM0004'),
      year: 2024,
      expected: null,
    },
  ];

  it.each(table)('$case', ({ region: r, year, expected }) => {
    const result = regionAnnualTarget(r, year, targets, provincieOf, weights);
    if (expected === null) {
      expect(result).toBeNull();
      return;
    }
    expect(result).not.toBeNull();
    expect(result!.basis).toBe(expected.basis);
    expect(result!.homesPerYear).toBeCloseTo(expected.homesPerYear, 9);
    expect(Number.isNaN(result!.homesPerYear)).toBe(false);
  });

  it('estimates for every gemeente of a province add up to the province target', () => {
    // only the PV26 target: 2000 × (300 + 100 + 600)/1000 = 2000
    const onlyProvince = targets.filter((t) => t.geoLevel === 'provincie');
    const result = regionAnnualTarget(region('R13', 'GM0001', 'GM0002', 'GM0003'), 2026, onlyProvince, provincieOf, weights);
    expect(result!.basis).toBe('geschat');
    expect(result!.homesPerYear).toBeCloseTo(2000, 9);
    expect(result!.explanation).toContain('3 van de 3 gemeenten');
  });

  it('explains how many gemeenten were estimated out of how many', () => {
    // R4: GM0001 own, GM0003 estimated → 1 of 2
    const result = regionAnnualTarget(region('R4', 'GM0001', 'GM0003'), 2028, targets, provincieOf, weights);
    expect(result!.explanation).toContain('1 van de 2 gemeenten');
  });

  it('explains a region’s own target and a plain sum differently', () => {
    const own = regionAnnualTarget(region('R1', 'GM0001'), 2026, targets, provincieOf, weights);
    const sum = regionAnnualTarget(region('R2', 'GM0001', 'GM0002'), 2025, targets, provincieOf, weights);
    expect(own!.explanation).toBe('Opgave vastgesteld voor deze regio.');
    expect(sum!.explanation).toBe('Som van de opgaven van de gemeenten.');
  });

  it('ignores a target whose level does not match even if its code does', () => {
    // a gemeente-level target coded 'R10' is not a region target for region R10
    const mislevelled = [...targets, target('gemeente', 'R10', 2025, 2029, 5000)];
    const result = regionAnnualTarget(region('R10', 'GM0001'), 2026, mislevelled, provincieOf, weights);
    expect(result).toEqual({ homesPerYear: 300, basis: 'vastgesteld', explanation: 'Som van de opgaven van de gemeenten.' });
  });

  it('prefers a preferred target for a later period over a non-preferred one that covers the year first', () => {
    // GM0008: non-preferred 2025–2030 600 (100/yr) and preferred 2026–2027 400 (200/yr) → 2026: 200
    const ts = [target('gemeente', 'GM0008', 2025, 2030, 600, false), target('gemeente', 'GM0008', 2026, 2027, 400)];
    const result = regionAnnualTarget(region('R11', 'GM0008'), 2026, ts, new Map(), new Map());
    expect(result!.homesPerYear).toBe(200);
  });

  it('does not use a preferred gemeente target outside its period but estimates from the province instead', () => {
    // GM0002 2027: own target 2025–2026 does not apply → 2000 × 100/1000 = 200, geschat
    const result = regionAnnualTarget(region('R12', 'GM0002'), 2027, targets, provincieOf, weights);
    expect(result!.basis).toBe('geschat');
    expect(result!.homesPerYear).toBeCloseTo(200, 9);
  });
});
