/**
 * A small RFC 7946 (GeoJSON) check for the tests: the structure a GIS client relies on. Returns the problems
 * found (empty: valid). Covers FeatureCollection, Feature, every geometry type, positions (2 or 3 finite
 * numbers, WGS84 range), linear rings (closed, at least 4 positions), `id` (string or number) and
 * `properties` (object or null). Typed with @types/geojson.
 */
import type { FeatureCollection, Geometry, Position } from 'geojson';

function position(p: unknown, where: string, problems: string[]): void {
  if (!Array.isArray(p) || p.length < 2 || p.length > 3 || !p.every((n) => typeof n === 'number' && Number.isFinite(n))) {
    problems.push(`${where}: a position is 2 or 3 finite numbers`);
    return;
  }
  const [lon, lat] = p as Position;
  if (lon! < -180 || lon! > 180 || lat! < -90 || lat! > 90) problems.push(`${where}: longitude first, in WGS84 degrees (${lon}, ${lat})`);
}

function ring(r: unknown, where: string, problems: string[]): void {
  if (!Array.isArray(r) || r.length < 4) {
    problems.push(`${where}: a linear ring has at least 4 positions`);
    return;
  }
  r.forEach((p, i) => position(p, `${where}[${i}]`, problems));
  if (JSON.stringify(r[0]) !== JSON.stringify(r.at(-1))) problems.push(`${where}: a linear ring is closed (first = last)`);
}

function geometry(g: unknown, where: string, problems: string[]): void {
  if (g === null) return; // an unlocated feature (RFC 7946 §3.2)
  const geo = g as Geometry;
  const c = (geo as { coordinates?: unknown }).coordinates;
  const list = (v: unknown, what: string): unknown[] => {
    if (Array.isArray(v)) return v;
    problems.push(`${where}: ${what} is an array`);
    return [];
  };
  switch (geo?.type) {
    case 'Point':
      return position(c, where, problems);
    case 'MultiPoint':
      return list(c, 'coordinates').forEach((p, i) => position(p, `${where}[${i}]`, problems));
    case 'LineString':
      if (list(c, 'coordinates').length < 2) problems.push(`${where}: a LineString has at least 2 positions`);
      return list(c, 'coordinates').forEach((p, i) => position(p, `${where}[${i}]`, problems));
    case 'MultiLineString':
      return list(c, 'coordinates').forEach((l, i) => list(l, 'a line').forEach((p, j) => position(p, `${where}[${i}][${j}]`, problems)));
    case 'Polygon':
      return list(c, 'coordinates').forEach((r, i) => ring(r, `${where}[${i}]`, problems));
    case 'MultiPolygon':
      return list(c, 'coordinates').forEach((poly, i) => list(poly, 'a polygon').forEach((r, j) => ring(r, `${where}[${i}][${j}]`, problems)));
    case 'GeometryCollection':
      return list((geo as { geometries?: unknown }).geometries, 'geometries').forEach((x, i) => geometry(x, `${where}.geometries[${i}]`, problems));
    default:
      problems.push(`${where}: unknown geometry type ${String((geo as { type?: unknown })?.type)}`);
  }
}

/** Problems of a GeoJSON FeatureCollection text or value under RFC 7946; empty when valid. */
export function geoJsonProblems(input: string | unknown): string[] {
  const problems: string[] = [];
  let fc: FeatureCollection;
  try {
    fc = (typeof input === 'string' ? JSON.parse(input) : input) as FeatureCollection;
  } catch (error) {
    return [`not JSON: ${(error as Error).message}`];
  }
  if (fc?.type !== 'FeatureCollection') return ['type is not FeatureCollection'];
  if (!Array.isArray(fc.features)) return ['features is not an array'];
  if ('crs' in fc) problems.push('RFC 7946 has no crs member (WGS84 only)');
  fc.features.forEach((f, i) => {
    const where = `features[${i}]`;
    if (f?.type !== 'Feature') problems.push(`${where}: type is not Feature`);
    if (!('geometry' in f)) problems.push(`${where}: has no geometry member`);
    else geometry(f.geometry, `${where}.geometry`, problems);
    if (!('properties' in f) || (f.properties !== null && (typeof f.properties !== 'object' || Array.isArray(f.properties))))
      problems.push(`${where}: properties is an object or null`);
    if (f.id !== undefined && typeof f.id !== 'string' && typeof f.id !== 'number') problems.push(`${where}: id is a string or number`);
  });
  return problems;
}
