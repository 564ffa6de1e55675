/**
 * OGC API – Features helpers (SPEC §7 "open standards … GeoJSON export for GIS"; OGC 17-069r4 Core): the bbox
 * parameter, the spatial test and the paging links a GIS client follows.
 */
import { describe, expect, it } from 'vitest';
import { bboxesIntersect, geometryBbox, itemsLinks, parseBbox } from './ogc.ts';

describe('bbox (OGC 17-069r4 §7.15.3; SPEC §7)', () => {
  it('reads minLon,minLat,maxLon,maxLat, and 6 numbers without the heights', () => {
    expect(parseBbox('4.8,52.3,5.0,52.4')).toEqual({ bbox: [4.8, 52.3, 5.0, 52.4] });
    expect(parseBbox('4.8, 52.3, 0, 5.0, 52.4, 100')).toEqual({ bbox: [4.8, 52.3, 5.0, 52.4] });
  });

  it('names what is wrong: count, a non-number, latitudes reversed, out of range', () => {
    expect(parseBbox('4,52,5')).toEqual({ error: expect.stringContaining('4 getallen') });
    expect(parseBbox('4,52,x,53')).toEqual({ error: expect.stringContaining('geen getal') });
    expect(parseBbox('4,53,5,52')).toEqual({ error: expect.stringContaining('breedtegraad') });
    expect(parseBbox('4,52,5,95')).toEqual({ error: expect.stringContaining('bereik') });
  });

  it('finds the box of any geometry and tests boxes for a shared point (touching counts)', () => {
    expect(geometryBbox({ type: 'Point', coordinates: [4.9, 52.37] })).toEqual([4.9, 52.37, 4.9, 52.37]);
    expect(
      geometryBbox({
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [4, 52],
              [5, 52],
              [5, 53],
              [4, 52],
            ],
          ],
          [
            [
              [6, 51],
              [7, 51],
              [7, 51.5],
              [6, 51],
            ],
          ],
        ],
      }),
    ).toEqual([4, 51, 7, 53]);
    expect(geometryBbox(null)).toBeNull();
    expect(bboxesIntersect([4, 52, 5, 53], [5, 53, 6, 54])).toBe(true);
    expect(bboxesIntersect([4, 52, 5, 53], [5.01, 52, 6, 53])).toBe(false);
  });
});

describe('paging links (OGC 17-069r4 §7.15.6–7.15.7)', () => {
  const items = 'http://x/api/v1/ogc/collections/gemeenten/items';
  const collection = 'http://x/api/v1/ogc/collections/gemeenten';

  it('first page of three: self and next carry limit, offset and the filter; no prev', () => {
    const links = itemsLinks(items, collection, { bbox: '4,52,5,53' }, { offset: 0, limit: 100, returned: 100, matched: 250 });
    const by = Object.fromEntries(links.map((l) => [l.rel, l.href]));
    expect(by.self).toBe(`${items}?bbox=4%2C52%2C5%2C53&limit=100&offset=0`);
    expect(by.next).toBe(`${items}?bbox=4%2C52%2C5%2C53&limit=100&offset=100`);
    expect(by.prev).toBeUndefined();
    expect(by.collection).toBe(collection);
    expect(links.find((l) => l.rel === 'next')!.type).toBe('application/geo+json');
  });

  it('last page: prev, no next', () => {
    const rels = itemsLinks(items, collection, {}, { offset: 200, limit: 100, returned: 50, matched: 250 }).map((l) => l.rel);
    expect(rels).toEqual(['self', 'prev', 'collection']);
  });
});
