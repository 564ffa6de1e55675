/**
 * The location of a project as typed: WGS84 (breedtegraad/lengtegraad) or RD New (x/y in metres), as text, so
 * what the user typed stays in the form. Checked here in Dutch (a comma or a point as decimal sign; a point in
 * the Netherlands; swapped or mixed-up coordinates named as such) and converted to the WGS84 point the API takes
 * (src/domain/coordinates.ts).
 */
import { isInNetherlands, rdToWgs84, wgs84ToRd, type LonLat } from '../../../../src/domain/coordinates.ts';

export type CoordinateSystem = 'wgs84' | 'rd';

/** The four text fields; only those of the chosen system count. */
export interface LocationText {
  system: CoordinateSystem;
  lat: string;
  lon: string;
  x: string;
  y: string;
}

export type LocationField = 'lat' | 'lon' | 'x' | 'y';

export const LOCATION_LABELS: Record<LocationField, string> = {
  lat: 'Breedtegraad (noord)',
  lon: 'Lengtegraad (oost)',
  x: 'X (meters)',
  y: 'Y (meters)',
};

export const EMPTY_LOCATION: LocationText = { system: 'wgs84', lat: '', lon: '', x: '', y: '' };

export type CheckedLocation =
  { kind: 'empty' } | { kind: 'point'; point: LonLat } | { kind: 'invalid'; errors: Partial<Record<LocationField, string>> };

/**
 * A number as typed: "52,1552", "52.1552", "155 000"; in metres also "155.000" (a point before exactly three
 * digits is then a thousands separator, since no place in the Netherlands lies under 1 000 m in RD New).
 */
export function parseDecimal(text: string, metres = false): number | null {
  let value = text.trim().replace(/\s+/g, '');
  if (metres && /^\d{1,3}(\.\d{3})+(,\d+)?$/.test(value)) value = value.replace(/\./g, '');
  value = value.replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(value)) return null;
  return Number(value);
}

const round = (n: number, digits: number) => Number(n.toFixed(digits));

/** The text fields of the chosen system filled from a point (a click on the map): 6 decimals (~0.1 m), whole metres. */
export function locationTextOf(point: LonLat, system: CoordinateSystem): LocationText {
  const rd = wgs84ToRd(point);
  return {
    system,
    lat: String(round(point.lat, 6)),
    lon: String(round(point.lon, 6)),
    x: String(Math.round(rd.x)),
    y: String(Math.round(rd.y)),
  };
}

const NOT_A_NUMBER = (what: string, example: string) => `Vul bij ${what} een getal in, bijvoorbeeld ${example}.`;
const OUTSIDE = 'Dit punt ligt niet in Nederland.';

/** Check the fields of the chosen system: empty (no location), a point in the Netherlands, or what is wrong per field. */
export function checkLocation(text: LocationText): CheckedLocation {
  const [first, second]: [LocationField, LocationField] = text.system === 'wgs84' ? ['lat', 'lon'] : ['x', 'y'];
  const a = text[first].trim();
  const b = text[second].trim();
  if (a === '' && b === '') return { kind: 'empty' };
  const errors: Partial<Record<LocationField, string>> = {};
  const metres = text.system === 'rd';
  const va = parseDecimal(a, metres);
  const vb = parseDecimal(b, metres);
  const example: Record<LocationField, string> = { lat: '52,1552', lon: '5,3872', x: '155000', y: '463000' };
  for (const [field, raw, value] of [
    [first, a, va],
    [second, b, vb],
  ] as const) {
    if (raw === '') errors[field] = `Vul ook de ${LOCATION_LABELS[field].toLowerCase()} in, of laat beide velden leeg.`;
    else if (value === null) errors[field] = NOT_A_NUMBER(`de ${LOCATION_LABELS[field].toLowerCase()}`, example[field]);
  }
  if (va === null || vb === null || Object.keys(errors).length > 0) return { kind: 'invalid', errors };

  if (text.system === 'wgs84') {
    const point = { lat: va, lon: vb };
    if (isInNetherlands(point)) return { kind: 'point', point };
    if (isInNetherlands({ lat: vb, lon: va })) {
      return {
        kind: 'invalid',
        errors: { lat: `${OUTSIDE} Hebt u breedtegraad en lengtegraad verwisseld? In Nederland is de breedtegraad ongeveer 51 tot 53.` },
      };
    }
    if (Math.abs(va) > 1000 || Math.abs(vb) > 1000) {
      return { kind: 'invalid', errors: { lat: `${OUTSIDE} Dit lijken RD-coördinaten in meters: kies dan “RD New (x/y in meters)”.` } };
    }
    return {
      kind: 'invalid',
      errors: { lat: `${OUTSIDE} In Nederland ligt de breedtegraad tussen 50,7 en 53,7 en de lengtegraad tussen 3,2 en 7,3.` },
    };
  }
  const point = rdToWgs84({ x: va, y: vb });
  if (isInNetherlands(point)) return { kind: 'point', point: { lon: round(point.lon, 7), lat: round(point.lat, 7) } };
  if (Math.abs(va) < 100 && Math.abs(vb) < 100) {
    return { kind: 'invalid', errors: { x: `${OUTSIDE} Dit lijken graden: kies dan “WGS84 (lengte-/breedtegraad)”.` } };
  }
  if (isInNetherlands(rdToWgs84({ x: vb, y: va }))) {
    return {
      kind: 'invalid',
      errors: { x: `${OUTSIDE} Hebt u x en y verwisseld? In Nederland is y groter dan x (bijvoorbeeld x 155000, y 463000).` },
    };
  }
  return { kind: 'invalid', errors: { x: `${OUTSIDE} In RD New ligt x in Nederland tussen ongeveer 0 en 280000 en y tussen 300000 en 625000.` } };
}

/** Switch the system and carry a valid point over, so nothing typed is lost and the other fields show the same place. */
export function switchSystem(text: LocationText, system: CoordinateSystem): LocationText {
  if (system === text.system) return text;
  const checked = checkLocation(text);
  return checked.kind === 'point' ? locationTextOf(checked.point, system) : { ...text, system };
}

/** The fields of a stored point (or empty), in WGS84. */
export function locationTextFromPoint(point: LonLat | null | undefined): LocationText {
  return point ? locationTextOf(point, 'wgs84') : EMPTY_LOCATION;
}
