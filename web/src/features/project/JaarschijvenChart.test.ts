/**
 * Jaarschijven chart data stays sane with odd rows (issue 8). SPEC §2 "Project": jaarschijven are
 * planned completions per year and segment; the register accepts years 2000–2100.
 */
import { describe, expect, it } from 'vitest';
import type { Jaarschijf } from '../../api/types.ts';
import { chartData } from './JaarschijvenChart.tsx';

describe('chartData', () => {
  it('leaves out years outside 2000–2100 and numbers that are not counts', () => {
    const rows = [
      { year: 2028, segment: 'sociale_huur', homes: 60 },
      { year: 2029, segment: 'sociale_huur', homes: 40 },
      { year: 9999, segment: 'sociale_huur', homes: 10 },
      { year: Number.NaN, segment: 'middenhuur', homes: 10 },
      { year: 2029, segment: 'middenhuur', homes: Number.NaN },
    ] as Jaarschijf[];
    const { years, segments, homes } = chartData(rows);
    expect(years).toEqual([2028, 2029]);
    expect(segments).toEqual(['sociale_huur']);
    expect(years.map((y) => homes(y, 'sociale_huur'))).toEqual([60, 40]);
  });
});
