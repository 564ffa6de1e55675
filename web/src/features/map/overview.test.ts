import { describe, expect, it } from 'vitest';
import type { Gemeente } from '../../api/types.ts';
import { gemeenteOverview } from './useOverviewMap.ts';

const square = (code: string, x: number, y: number): GeoJSON.Feature => ({
  type: 'Feature',
  properties: { code, provincie_code: 'PV27' },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [x, y],
        [x + 2, y],
        [x + 2, y + 2],
        [x, y + 2],
        [x, y],
      ],
    ],
  },
});
const gemeente = (code: string, provincieCode: string, projectCount: number) => ({ code, provincieCode, projectCount }) as Gemeente;

describe('the national overview before the points are loaded', () => {
  it('puts one circle per gemeente with projects in the middle of its boundary', () => {
    const boundaries: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [square('GM0363', 4, 52), square('GM0362', 6, 50)] };
    const result = gemeenteOverview(boundaries, [gemeente('GM0363', 'PV27', 12), gemeente('GM0362', 'PV27', 0)], '');
    expect(result.features).toEqual([
      { type: 'Feature', geometry: { type: 'Point', coordinates: [5, 53] }, properties: { code: 'GM0363', count: 12 } },
    ]);
  });

  it('keeps only the chosen province', () => {
    const boundaries: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [square('GM0363', 4, 52)] };
    expect(gemeenteOverview(boundaries, [gemeente('GM0363', 'PV27', 3)], 'PV26').features).toEqual([]);
  });
});
