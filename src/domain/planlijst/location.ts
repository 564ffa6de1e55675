/**
 * A plan's point from two coordinate columns, in RD New or WGS84, recognised by their range (SPEC §2 "Geography":
 * WGS84, accept RD New on import; issue 13 part 1: "RD New or WGS84 coordinates"). Stored in WGS84 with 6 decimals
 * (about 10 cm), so a file imported twice gives the same point.
 */
import { isInNetherlands, rdToWgs84, type LonLat } from '../coordinates.ts';

/** RD New's area of validity for the Netherlands (EPSG:28992), in metres. */
const RD_BOX = { minX: -7_000, maxX: 300_000, minY: 289_000, maxY: 629_000 };

export type DetectedPoint = { point: LonLat; system: 'wgs84' | 'wgs84-swapped' | 'rd' } | { problem: string };

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

export function detectPoint(x: number, y: number): DetectedPoint {
  if (isInNetherlands({ lon: x, lat: y })) return { point: { lon: round6(x), lat: round6(y) }, system: 'wgs84' };
  if (isInNetherlands({ lon: y, lat: x })) return { point: { lon: round6(y), lat: round6(x) }, system: 'wgs84-swapped' };
  if (x >= RD_BOX.minX && x <= RD_BOX.maxX && y >= RD_BOX.minY && y <= RD_BOX.maxY) {
    const p = rdToWgs84({ x, y });
    return { point: { lon: round6(p.lon), lat: round6(p.lat) }, system: 'rd' };
  }
  return { problem: `(${x}, ${y}) ligt niet in Nederland, niet als lengte- en breedtegraad (WGS84) en niet als RD-coördinaten` };
}
