/**
 * Unit tests for the location conversions (src/domain/coordinates.ts). SPEC §2 "Geography": "A project lies in
 * one gemeente and has a point or polygon (WGS84; accept RD New / EPSG:28992 on import)". Known points: the
 * origin of RD New, the Onze Lieve Vrouwetoren in Amersfoort (x 155 000, y 463 000; ≈ 5.3872° E, 52.1552° N in
 * WGS84 per the Kadaster / RDNAPTRANS), and the Dam in Amsterdam (x 121 400, y 487 400; ≈ 4.894° E, 52.373° N).
 */
import { describe, expect, it } from 'vitest';
import { isInNetherlands, NETHERLANDS_BOX, rdToWgs84, wgs84ToRd } from './coordinates.ts';

describe('RD New (EPSG:28992) ↔ WGS84', () => {
  it('puts the origin of RD New, Amersfoort 155000/463000, at about 5.3872° E 52.1552° N', () => {
    const p = rdToWgs84({ x: 155_000, y: 463_000 });
    expect(p.lon).toBeCloseTo(5.3872, 3);
    expect(p.lat).toBeCloseTo(52.1552, 3);
  });

  it('puts the Dam in Amsterdam (121400/487400) at about 4.894° E 52.373° N', () => {
    const p = rdToWgs84({ x: 121_400, y: 487_400 });
    expect(p.lon).toBeCloseTo(4.894, 3);
    expect(p.lat).toBeCloseTo(52.373, 3);
  });

  it('converts back to the same metres (to well under a metre)', () => {
    for (const rd of [
      { x: 155_000, y: 463_000 },
      { x: 121_400, y: 487_400 },
      { x: 233_800, y: 582_000 },
      { x: 13_000, y: 372_000 },
    ]) {
      const back = wgs84ToRd(rdToWgs84(rd));
      expect(Math.abs(back.x - rd.x)).toBeLessThan(0.01);
      expect(Math.abs(back.y - rd.y)).toBeLessThan(0.01);
    }
  });
});

describe('isInNetherlands (the box the API accepts for a project point)', () => {
  it('accepts points in the Netherlands, also at its far corners', () => {
    expect(isInNetherlands({ lon: 5.3872, lat: 52.1552 })).toBe(true); // Amersfoort
    expect(isInNetherlands({ lon: 3.37, lat: 51.37 })).toBe(true); // Cadzand
    expect(isInNetherlands({ lon: 7.2, lat: 53.24 })).toBe(true); // Bad Nieuweschans
    expect(isInNetherlands({ lon: 6.1, lat: 50.76 })).toBe(true); // Vaals
  });

  it('refuses points elsewhere and latitude and longitude swapped', () => {
    expect(isInNetherlands({ lon: 2.35, lat: 48.86 })).toBe(false); // Paris
    expect(isInNetherlands({ lon: 52.1552, lat: 5.3872 })).toBe(false); // swapped
    expect(isInNetherlands({ lon: 0, lat: 0 })).toBe(false);
  });

  it("is the Netherlands with a margin (the box the API's GeoPoint checks)", () => {
    expect(NETHERLANDS_BOX).toEqual({ minLon: 3.2, maxLon: 7.3, minLat: 50.7, maxLat: 53.7 });
  });
});
