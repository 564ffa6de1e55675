import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { productionWeights, type ProductionRow } from './production-weights.ts';

describe('productionWeights', () => {
  it('takes the mean over the years a code has a value, ignoring empty cells', () => {
    const rows: ProductionRow[] = [
      { gemeente_code: 'GM0001', year: '2018', new_construction: '100' },
      { gemeente_code: 'GM0001', year: '2019', new_construction: '200' },
      { gemeente_code: 'GM0001', year: '2020', new_construction: '' },
      { gemeente_code: 'GM0002', year: 2019, new_construction: 30 },
      { gemeente_code: 'GM0002', year: 2020, new_construction: null },
      { gemeente_code: 'GM0003', year: '2018', new_construction: '0' },
      { gemeente_code: 'GM0003', year: '2019', new_construction: '20' },
    ];
    const weights = productionWeights(rows, ['GM0001', 'GM0002', 'GM0003']);
    expect(weights.get('GM0001')).toBe(150);
    expect(weights.get('GM0002')).toBe(30);
    expect(weights.get('GM0003')).toBe(10);
  });

  it('gives codes without any value a small positive fallback (5th percentile)', () => {
    const rows: ProductionRow[] = [];
    for (let i = 1; i <= 20; i++) rows.push({ gemeente_code: `GM${String(i).padStart(4, '0')}`, year: 2019, new_construction: i * 10 });
    rows.push({ gemeente_code: 'GM0099', year: 2019, new_construction: '' });
    const codes = [...rows.map((r) => r.gemeente_code), 'GM0100'];
    const weights = productionWeights(rows, [...new Set(codes)]);
    // 5th percentile of 10, 20, …, 200 (nearest rank): the first value.
    expect(weights.get('GM0099')).toBe(10);
    expect(weights.get('GM0100')).toBe(10);
    expect([...weights.values()].every((w) => w > 0)).toBe(true);
  });

  it('ignores codes that are not in the 2025 list and returns one entry per 2025 code, in order', () => {
    const rows: ProductionRow[] = [
      { gemeente_code: 'GM0001', year: 2012, new_construction: 40 },
      { gemeente_code: 'GM0777', year: 2012, new_construction: 9999 },
    ];
    const weights = productionWeights(rows, ['GM0002', 'GM0001']);
    expect([...weights.keys()]).toEqual(['GM0002', 'GM0001']);
    expect(weights.get('GM0001')).toBe(40);
    expect(weights.get('GM0002')).toBe(40); // fallback: only one positive mean
    expect(weights.has('GM0777')).toBe(false);
  });

  it('falls back to 1 when no code has data', () => {
    const weights = productionWeights([], ['GM0001']);
    expect(weights.get('GM0001')).toBe(1);
  });

  it('on the real CBS table gives Amsterdam the largest weight and every 2025 gemeente a positive one', () => {
    const dir = new URL('../../data/reference/', import.meta.url);
    const cbs = Papa.parse<ProductionRow>(readFileSync(new URL('cbs_81955ned_dwelling_stock_mutations_gemeente_2012_2020.csv', dir), 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    const codes = Papa.parse<{ gemeente_code: string }>(readFileSync(new URL('gemeenten_2025.csv', dir), 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data.map((r) => r.gemeente_code);
    const weights = productionWeights(cbs, codes);
    expect(weights.size).toBe(codes.length);
    expect([...weights.values()].every((w) => w > 0)).toBe(true);
    const sorted = [...weights].sort((a, b) => b[1] - a[1]);
    expect(sorted[0]?.[0]).toBe('GM0363');
    const total = sorted.reduce((s, [, w]) => s + w, 0);
    expect(weights.get('GM0363')! / total).toBeGreaterThan(0.05);
  });
});
