/**
 * Where a project lies. SPEC §2 "Geography": a project has a point in WGS84 (lengte-/breedtegraad, as stored
 * and as the API's GeoPoint takes it); RD New (EPSG:28992, the Rijksdriehoeksstelsel in metres that Dutch GIS
 * systems and plan lists use) is accepted too and converted here — the one place that defines RD New.
 */
import proj4 from 'proj4';

/** A point in WGS84 degrees. */
export interface LonLat {
  lon: number;
  lat: number;
}

/** A point in RD New metres. */
export interface RdPoint {
  x: number;
  y: number;
}

/**
 * EPSG:28992 "Amersfoort / RD New": oblique stereographic on the Bessel ellipsoid around the Onze Lieve
 * Vrouwetoren in Amersfoort (x 155 000, y 463 000), with the seven-parameter datum shift to WGS84 of the
 * EPSG database (transformation 15739; accurate to about a metre, plenty for a project's location).
 */
export const RD_NEW_DEFINITION =
  '+proj=sterea +lat_0=52.15616055555555 +lon_0=5.38763888888889 +k=0.9999079 +x_0=155000 +y_0=463000 +ellps=bessel ' +
  '+towgs84=565.417,50.3319,465.552,-0.398957,0.343988,-1.8774,4.0725 +units=m +no_defs';

const rdNew = proj4(RD_NEW_DEFINITION, 'WGS84');

/** RD New metres → WGS84 degrees. */
export function rdToWgs84(point: RdPoint): LonLat {
  const [lon, lat] = rdNew.forward([point.x, point.y]) as [number, number];
  return { lon, lat };
}

/** WGS84 degrees → RD New metres. */
export function wgs84ToRd(point: LonLat): RdPoint {
  const [x, y] = rdNew.inverse([point.lon, point.lat]) as [number, number];
  return { x, y };
}

/**
 * The area in which a project's point is accepted: the Netherlands with a margin (the Wadden, the border),
 * the same box as the API's GeoPoint. A point outside it is a typing or clicking mistake.
 */
export const NETHERLANDS_BOX = { minLon: 3.2, maxLon: 7.3, minLat: 50.7, maxLat: 53.7 } as const;

/** Does the point lie in (or just around) the Netherlands? */
export function isInNetherlands(point: LonLat): boolean {
  const b = NETHERLANDS_BOX;
  return point.lon >= b.minLon && point.lon <= b.maxLon && point.lat >= b.minLat && point.lat <= b.maxLat;
}
