/**
 * Point-in-polygon sampling for demo locations: bbox rejection sampling with an even-odd ray-casting
 * test over all rings (holes and multipolygons included). Coordinates are WGS84 [lon, lat].
 */
import type { Rng } from '../domain/random.ts';

export interface DemoPolygon {
  type: 'Polygon';
  coordinates: number[][][];
}

export interface DemoMultiPolygon {
  type: 'MultiPolygon';
  coordinates: number[][][][];
}

export type DemoGeometry = DemoPolygon | DemoMultiPolygon;

/** A geometry prepared once for repeated point tests: its bbox and every ring as flat x,y pairs. */
export interface PreparedPolygon {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  rings: Float64Array[];
}

/** Prepare a Polygon or MultiPolygon; null for null, other geometry types or no usable ring. */
export function preparePolygon(geometry: DemoGeometry | null | undefined): PreparedPolygon | null {
  if (!geometry) return null;
  let polygons: number[][][][];
  if (geometry.type === 'Polygon') polygons = [geometry.coordinates];
  else if (geometry.type === 'MultiPolygon') polygons = geometry.coordinates;
  else return null;

  const rings: Float64Array[] = [];
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const polygon of polygons) {
    for (const ring of polygon ?? []) {
      if (!Array.isArray(ring) || ring.length < 3) continue;
      const flat = new Float64Array(ring.length * 2);
      let ok = true;
      ring.forEach((p, i) => {
        const x = p?.[0];
        const y = p?.[1];
        if (x === undefined || y === undefined || !Number.isFinite(x) || !Number.isFinite(y)) {
          ok = false;
          return;
        }
        flat[2 * i] = x;
        flat[2 * i + 1] = y;
      });
      if (!ok) continue;
      rings.push(flat);
    }
  }
  // The bbox comes from outer rings and holes alike; holes lie inside their outer ring anyway.
  for (const flat of rings) {
    for (let i = 0; i < flat.length; i += 2) {
      const x = flat[i]!; // a ring is x,y pairs: i + 1 < length
      const y = flat[i + 1]!;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  if (rings.length === 0 || !(maxX > minX) || !(maxY > minY)) return null;
  return { minX, minY, maxX, maxY, rings };
}

/** Even-odd ray casting over all rings. */
export function pointInPrepared(poly: PreparedPolygon, x: number, y: number): boolean {
  if (x < poly.minX || x > poly.maxX || y < poly.minY || y > poly.maxY) return false;
  let inside = false;
  for (const r of poly.rings) {
    const n = r.length / 2;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      // i and j are points of the ring (x,y pairs), both < n = length / 2.
      const xi = r[2 * i]!;
      const yi = r[2 * i + 1]!;
      const xj = r[2 * j]!;
      const yj = r[2 * j + 1]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

const round5 = (v: number): number => Math.round(v * 1e5) / 1e5;

/**
 * A random point inside the polygon, rounded to 5 decimals (about 1 m), or null when the geometry is
 * null or no point was found within `maxTries` (degenerate geometry).
 */
export function randomPointIn(poly: PreparedPolygon | null, rng: Rng, maxTries = 500): { lon: number; lat: number } | null {
  if (!poly) return null;
  for (let t = 0; t < maxTries; t++) {
    const lon = round5(rng.uniform(poly.minX, poly.maxX));
    const lat = round5(rng.uniform(poly.minY, poly.maxY));
    // Test the rounded point, so rounding cannot move it out of the polygon.
    if (pointInPrepared(poly, lon, lat)) return { lon, lat };
  }
  return null;
}
