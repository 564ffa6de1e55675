/**
 * Herindelingen: CBS 81955NED (each year in that year's classification) mapped onto the gemeenten of
 * 2025. Issue 3 "Done when": the national total and each gemeente's figure are reproduced exactly, in
 * the original classification and after mapping. SPEC §2 "Geography", §3 (counting is gross).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { take } from '../../test/helpers/present.ts';
import {
  apportionInteger,
  mapToClassification,
  resolveSuccessors,
  totalsByYear,
  type CodeYearValue,
  type Herindeling,
  type HerindelingEvent,
} from './herindelingen.ts';

const REFERENCE = join(import.meta.dirname, '..', '..', 'data', 'reference');
/** The rows of a reference CSV, typed by the columns the test reads (Papa gives every header column). */
const csv = <C extends string>(file: string) =>
  Papa.parse<Record<C, string>>(readFileSync(join(REFERENCE, file), 'utf8'), { header: true, skipEmptyLines: true }).data;

const cbsRows = csv<'gemeente_code' | 'year' | 'code_in_2025_list' | 'new_construction' | 'begin_stock' | 'end_stock'>(
  'cbs_81955ned_dwelling_stock_mutations_gemeente_2012_2020.csv',
);
const codes2025 = csv<'gemeente_code'>('gemeenten_2025.csv').map((g) => g.gemeente_code);
const herindelingen: Herindeling[] = csv<
  'gemeente_code' | 'gemeente_name' | 'year' | 'effective_date' | 'event' | 'successor_code' | 'successor_name' | 'weight' | 'weight_basis'
>('herindelingen_2012_2025.csv').map((r) => ({
  gemeenteCode: r.gemeente_code,
  gemeenteName: r.gemeente_name,
  year: Number(r.year),
  effectiveDate: r.effective_date,
  event: r.event as HerindelingEvent,
  successorCode: r.successor_code,
  successorName: r.successor_name,
  weight: Number(r.weight),
  weightBasis: r.weight_basis,
}));
const newConstruction: CodeYearValue[] = cbsRows
  .filter((r) => r.new_construction !== '')
  .map((r) => ({ code: r.gemeente_code, year: Number(r.year), value: Number(r.new_construction) }));

/** National sums of new_construction from the data README (shared/data/README.md, 81955NED section). */
const README_SUMS: Record<number, number> = {
  2012: 48_668,
  2013: 49_311,
  2014: 45_170,
  2015: 48_381,
  2016: 54_849,
  2017: 62_982,
  2018: 66_585,
  2019: 71_548,
  2020: 69_985,
};

describe('herindelingen 2012–2025 (data/reference/herindelingen_2012_2025.csv)', () => {
  const allCodes = new Set(cbsRows.map((r) => r.gemeente_code));
  const resolution = resolveSuccessors(herindelingen, codes2025, allCodes);

  it('maps every code of the CBS file that is not in the 2025 list onto 2025 gemeenten', () => {
    const notIn2025 = [...new Set(cbsRows.filter((r) => r.code_in_2025_list === 'false').map((r) => r.gemeente_code))];
    expect(notIn2025).toHaveLength(99);
    expect(resolution.problems).toEqual([]);
    for (const code of notIn2025) {
      const successors = resolution.successors.get(code);
      expect(successors, code).toBeDefined();
      for (const s of successors!) expect(codes2025, `${code} → ${s.code}`).toContain(s.code);
      expect(successors!.reduce((sum, s) => sum + s.share, 0)).toBeCloseTo(1, 12);
    }
    // Codes flagged as 2025 codes map onto themselves.
    expect(resolution.successors.get('GM0363')).toEqual([{ code: 'GM0363', share: 1 }]);
  });

  it('names only real 2025 gemeenten or codes that have a herindeling themselves as successors', () => {
    const predecessors = new Set(herindelingen.map((h) => h.gemeenteCode));
    for (const h of herindelingen) expect(codes2025.includes(h.successorCode) || predecessors.has(h.successorCode), h.successorCode).toBe(true);
  });

  it('is consistent with the dwelling stock: a successor starts the year with its predecessors’ stock (81955NED)', () => {
    // begin_stock(successor, Y) = end_stock(successor, Y−1) + Σ transferred stock of its predecessors.
    const stock = new Map(cbsRows.map((r) => [`${r.gemeente_code}/${r.year}`, r]));
    const num = (code: string, year: number, field: 'begin_stock' | 'end_stock') => Number(stock.get(`${code}/${year}`)?.[field] || 0);
    const inflow = new Map<string, number>();
    const weights = new Map<string, number>();
    for (const h of herindelingen) weights.set(h.gemeenteCode, (weights.get(h.gemeenteCode) ?? 0) + h.weight);
    for (const h of herindelingen) {
      if (h.year > 2020 || h.event === 'naamswijziging') continue;
      const transferred = h.event === 'opsplitsing' ? h.weight : num(h.gemeenteCode, h.year - 1, 'end_stock');
      if (h.event === 'opsplitsing') expect(weights.get(h.gemeenteCode)).toBe(num(h.gemeenteCode, h.year - 1, 'end_stock'));
      inflow.set(`${h.successorCode}/${h.year}`, (inflow.get(`${h.successorCode}/${h.year}`) ?? 0) + transferred);
    }
    expect(inflow.size).toBe(35);
    for (const [key, amount] of inflow) {
      const [code, y] = take(key.split('/'), 2);
      const year = Number(y);
      expect(num(code, year, 'begin_stock'), key).toBe(num(code, year - 1, 'end_stock') + amount);
    }
    // A change of name and code continues the stock: Groesbeek → Berg en Dal on 1 January 2016; De Friese
    // Meren → De Fryske Marren on 1 July 2015 (CBS reports 2015 under both codes, one after the other).
    expect(num('GM1945', 2016, 'begin_stock')).toBe(num('GM0241', 2015, 'end_stock'));
    expect(num('GM1940', 2015, 'begin_stock')).toBe(num('GM1921', 2015, 'end_stock'));
  });

  it('reproduces the national total of every year 2012–2020 in the original classification and after mapping (71,548 in 2019)', () => {
    const original = totalsByYear(newConstruction);
    const mapped = mapToClassification(newConstruction, resolution);
    const after = totalsByYear(mapped);
    for (const [year, sum] of Object.entries(README_SUMS)) {
      expect(original.get(Number(year)), `original ${year}`).toBe(sum);
      expect(after.get(Number(year)), `mapped ${year}`).toBe(sum);
    }
    expect(after.get(2019)).toBe(71_548);
    // Every mapped figure is an integer number of homes and lands in a 2025 gemeente.
    for (const m of mapped) {
      expect(Number.isInteger(m.value)).toBe(true);
      expect(codes2025).toContain(m.code);
    }
  });

  it('keeps each gemeente’s own figure and adds its predecessors’ (Altena 2019, Dijk en Waard 2020, Leeuwarden 2017)', () => {
    const mapped = mapToClassification(newConstruction, resolution);
    const value = (code: string, year: number) => newConstruction.find((v) => v.code === code && v.year === year)?.value ?? 0;
    const get = (code: string, year: number) => mapped.find((m) => m.code === code && m.year === year)!;
    // Altena exists from 2019 under its own code: unchanged.
    expect(get('GM1959', 2019).value).toBe(value('GM1959', 2019));
    // Before 2019 Altena's figure is the sum of Aalburg, Werkendam and Woudrichem.
    expect(get('GM1959', 2018).value).toBe(value('GM0738', 2018) + value('GM0870', 2018) + value('GM0874', 2018));
    // Dijk en Waard (2022) = Heerhugowaard + Langedijk.
    expect(get('GM1980', 2020).value).toBe(value('GM0398', 2020) + value('GM0416', 2020));
    // Leeuwarden 2017 = Leeuwarden + Leeuwarderadeel + its part of Littenseradiel (1,416 of 4,547 dwellings).
    const littens = value('GM0140', 2017);
    const l = get('GM0080', 2017);
    expect(l.from.map((f) => f.code).sort()).toEqual(['GM0080', 'GM0081', 'GM0140']);
    const part = l.from.find((f) => f.code === 'GM0140')!;
    expect(part.value).toBe(littens);
    expect(Math.abs(part.part - (littens * 1416) / 4547)).toBeLessThan(1);
    // The three parts of Littenseradiel add up to its figure exactly.
    const parts = mapped.filter((m) => m.year === 2017).flatMap((m) => m.from.filter((f) => f.code === 'GM0140').map((f) => f.part));
    expect(parts.reduce((a, b) => a + b, 0)).toBe(littens);
  });

  it('follows chains: Skarsterlân → De Friese Meren (2014) → De Fryske Marren (2015) and Millingen → Groesbeek → Berg en Dal', () => {
    expect(resolution.successors.get('GM0051')).toEqual([{ code: 'GM1940', share: 1 }]);
    expect(resolution.successors.get('GM0265')).toEqual([{ code: 'GM1945', share: 1 }]);
    expect(resolution.successors.get('GM0571')).toEqual([{ code: 'GM1978', share: 1 }]);
    // Boarnsterhim was split in 2014; its part for De Friese Meren ends in De Fryske Marren.
    const boarnsterhim = resolution.successors.get('GM0055')!;
    expect(boarnsterhim.map((s) => s.code)).toEqual(['GM0074', 'GM0080', 'GM1900', 'GM1940']);
    expect(boarnsterhim.find((s) => s.code === 'GM1940')!.share).toBeCloseTo(48 / 8558, 12);
  });
});

describe('resolveSuccessors and mapToClassification on hand-made data', () => {
  const step = (gemeenteCode: string, successorCode: string, year: number, weight = 1, event: HerindelingEvent = 'samenvoeging'): Herindeling => ({
    gemeenteCode,
    gemeenteName: gemeenteCode,
    year,
    effectiveDate: `${year}-01-01`,
    event,
    successorCode,
    successorName: successorCode,
    weight,
    weightBasis: 'test',
  });

  it('ends a code merged twice at its last successor and multiplies shares along a split chain', () => {
    // GM0001 → GM0002 (2014) → GM0003 (2016); GM0004 split 3:1 over GM0002 and GM0005; target {GM0003, GM0005}.
    const h = [
      step('GM0001', 'GM0002', 2014),
      step('GM0002', 'GM0003', 2016),
      step('GM0004', 'GM0002', 2015, 3, 'opsplitsing'),
      step('GM0004', 'GM0005', 2015, 1, 'opsplitsing'),
    ];
    const r = resolveSuccessors(h, ['GM0003', 'GM0005'], ['GM0001', 'GM0002', 'GM0003', 'GM0004']);
    expect(r.problems).toEqual([]);
    expect(r.successors.get('GM0001')).toEqual([{ code: 'GM0003', share: 1 }]);
    expect(r.successors.get('GM0004')).toEqual([
      { code: 'GM0003', share: 0.75 },
      { code: 'GM0005', share: 0.25 },
    ]);
    const mapped = mapToClassification(
      [
        { code: 'GM0001', year: 2013, value: 10 },
        { code: 'GM0002', year: 2015, value: 7 },
        { code: 'GM0004', year: 2014, value: 9 },
        { code: 'GM0003', year: 2016, value: 30 },
      ],
      r,
    );
    expect(mapped.map(({ code, year, value }) => ({ code, year, value }))).toEqual([
      { code: 'GM0003', year: 2013, value: 10 },
      { code: 'GM0003', year: 2014, value: 7 },
      { code: 'GM0005', year: 2014, value: 2 },
      { code: 'GM0003', year: 2015, value: 7 },
      { code: 'GM0003', year: 2016, value: 30 },
    ]);
  });

  it('reports a code without herindeling and a cycle instead of guessing, and refuses to map them', () => {
    const r = resolveSuccessors([step('GM0001', 'GM0002', 2014), step('GM0002', 'GM0001', 2015)], ['GM0009'], ['GM0001', 'GM0007']);
    expect(r.problems.map((p) => p.code).sort()).toEqual(['GM0001', 'GM0007']);
    expect(r.problems.find((p) => p.code === 'GM0001')!.message).toContain('kringverwijzing');
    expect(r.problems.find((p) => p.code === 'GM0007')!.message).toContain('geen herindeling');
    expect(() => mapToClassification([{ code: 'GM0007', year: 2019, value: 5 }], r)).toThrow(/GM0007/);
  });

  it('apportions an integer over shares so the parts add up exactly', () => {
    expect(apportionInteger(10, [1 / 3, 1 / 3, 1 / 3])).toEqual([4, 3, 3]);
    expect(apportionInteger(7, [0.5, 0.5])).toEqual([4, 3]);
    expect(apportionInteger(-5, [0.5, 0.5]).reduce((a, b) => a + b, 0)).toBe(-5);
    expect(apportionInteger(0, [0.2, 0.8])).toEqual([0, 0]);
  });
});
