/**
 * The location as typed on "Nieuw project" and "Kerngegevens wijzigen" (locationInput.ts). SPEC §2 "Geography": a
 * point in WGS84, RD New (EPSG:28992) accepted. Known point: Amersfoort, RD 155000/463000 ≈ 52.1552° N 5.3872° E.
 */
import { describe, expect, it } from 'vitest';
import { checkLocation, EMPTY_LOCATION, locationTextOf, parseDecimal, switchSystem, type LocationText } from './locationInput.ts';

const wgs = (lat: string, lon: string): LocationText => ({ ...EMPTY_LOCATION, system: 'wgs84', lat, lon });
const rd = (x: string, y: string): LocationText => ({ ...EMPTY_LOCATION, system: 'rd', x, y });

describe('parseDecimal', () => {
  it('takes a comma or a point as decimal sign, and spaces between digits', () => {
    expect(parseDecimal('52,1552')).toBe(52.1552);
    expect(parseDecimal(' 5.3872 ')).toBe(5.3872);
    expect(parseDecimal('155 000', true)).toBe(155000);
  });
  it('reads a point before three digits in metres as a thousands separator', () => {
    expect(parseDecimal('155.000', true)).toBe(155000);
    expect(parseDecimal('155.000', false)).toBe(155);
  });
  it('refuses what is no number', () => {
    expect(parseDecimal('52°09′')).toBeNull();
    expect(parseDecimal('abc')).toBeNull();
  });
});

describe('checkLocation', () => {
  it('is empty when both fields are empty (a location is not required)', () => {
    expect(checkLocation(wgs('', ' '))).toEqual({ kind: 'empty' });
  });

  it('takes a WGS84 point in the Netherlands as it is', () => {
    expect(checkLocation(wgs('52,1552', '5,3872'))).toEqual({ kind: 'point', point: { lat: 52.1552, lon: 5.3872 } });
  });

  it('converts RD New to WGS84: Amersfoort 155000/463000', () => {
    const checked = checkLocation(rd('155000', '463000'));
    expect(checked.kind).toBe('point');
    if (checked.kind !== 'point') return;
    expect(checked.point.lat).toBeCloseTo(52.1552, 3);
    expect(checked.point.lon).toBeCloseTo(5.3872, 3);
  });

  it('names the empty or wrong field, in Dutch', () => {
    expect(checkLocation(wgs('52,1', ''))).toEqual({ kind: 'invalid', errors: { lon: expect.stringContaining('lengtegraad') } });
    expect(checkLocation(rd('veertig', '463000'))).toEqual({
      kind: 'invalid',
      errors: { x: expect.stringContaining('Vul bij de x (meters) een getal in') },
    });
  });

  it('refuses a point outside the Netherlands and says why', () => {
    const paris = checkLocation(wgs('48,86', '2,35'));
    expect(paris).toEqual({ kind: 'invalid', errors: { lat: expect.stringContaining('Dit punt ligt niet in Nederland') } });
    const far = checkLocation(rd('900000', '900000'));
    expect(far).toEqual({ kind: 'invalid', errors: { x: expect.stringContaining('Dit punt ligt niet in Nederland') } });
  });

  it('recognises swapped and mixed-up coordinates', () => {
    expect(checkLocation(wgs('5,3872', '52,1552'))).toMatchObject({ errors: { lat: expect.stringContaining('verwisseld') } });
    expect(checkLocation(wgs('155000', '463000'))).toMatchObject({ errors: { lat: expect.stringContaining('RD New') } });
    expect(checkLocation(rd('52,1552', '5,3872'))).toMatchObject({ errors: { x: expect.stringContaining('WGS84') } });
    expect(checkLocation(rd('463000', '155000'))).toMatchObject({ errors: { x: expect.stringContaining('verwisseld') } });
  });
});

describe('switching the coordinate system and clicking the map', () => {
  it('carries a valid point over to the other system', () => {
    const switched = switchSystem(rd('155000', '463000'), 'wgs84');
    expect(switched.system).toBe('wgs84');
    expect(Number(switched.lat)).toBeCloseTo(52.1552, 3);
    expect(switchSystem(switched, 'rd')).toMatchObject({ system: 'rd', x: '155000', y: '463000' });
  });

  it('keeps what was typed when it is no valid point', () => {
    expect(switchSystem(rd('abc', ''), 'wgs84')).toEqual({ ...EMPTY_LOCATION, system: 'wgs84', x: 'abc' });
  });

  it('fills the fields of the chosen system from a clicked point', () => {
    const text = locationTextOf({ lon: 5.38720351, lat: 52.15517229 }, 'rd');
    expect(text).toMatchObject({ system: 'rd', x: '155000', y: '463000', lat: '52.155172', lon: '5.387204' });
  });
});
