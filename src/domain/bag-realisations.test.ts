/**
 * BAG counting and linking rules (issue 13 item 3; SPEC §4.1 counting bases start bouw and realisatie): dates in the
 * formats BAG extracts use, quarter boundaries, and the project link by id, then by location within the radius.
 */
import { describe, expect, it } from 'vitest';
import { BAG_LINK_RADIUS_M, deriveBagObject, distanceM, linkBagObject, parseBagDate, quarterOf, type BagObject } from './bag-realisations.ts';

const object = (fields: Partial<BagObject> = {}): BagObject => ({
  id: '0363010000000001',
  pandId: '0363100000000001',
  gemeenteCode: 'GM0363',
  woonfunctie: true,
  withdrawn: false,
  startedOn: null,
  completedOn: null,
  lon: 4.9,
  lat: 52.37,
  ...fields,
});

describe('BAG realisations (issue 13 item 3, SPEC §4.1)', () => {
  it('reads YYYY-MM-DD, YYYYMMDD and DD-MM-YYYY, and refuses a date that does not exist', () => {
    expect([parseBagDate('2024-03-31'), parseBagDate('20240331'), parseBagDate('31-3-2024'), parseBagDate('')]).toEqual([
      '2024-03-31',
      '2024-03-31',
      '2024-03-31',
      null,
    ]);
    expect(parseBagDate('2023-02-29')).toBeUndefined();
    expect(parseBagDate('gisteren')).toBeUndefined();
  });

  it('puts 31 March in Q1 and 1 April in Q2', () => {
    expect([quarterOf('2024-03-31'), quarterOf('2024-04-01'), quarterOf('2024-12-31')]).toEqual([1, 2, 4]);
  });

  it('an object whose latest status is "Niet gerealiseerd" is withdrawn even after its start; a later "gevormd" is not', () => {
    const line = { verblijfsobjectId: '1', pandId: '2', gemeenteCode: 'GM0363', woonfunctie: true, x: null, y: null };
    const started = {
      ...line,
      status: 'Verblijfsobject gevormd',
      statusDate: '2023-01-01',
      pandStatus: 'Bouw gestart',
      pandStatusDate: '2023-02-01',
    };
    const withdrawn = { ...line, status: 'Niet gerealiseerd verblijfsobject', statusDate: '2023-06-01', pandStatus: '', pandStatusDate: null };
    expect(deriveBagObject([withdrawn, started])).toMatchObject({ withdrawn: true, startedOn: '2023-02-01' });
    expect(deriveBagObject([started])).toMatchObject({ withdrawn: false, startedOn: '2023-02-01', completedOn: null });
  });

  it('links by verblijfsobject id before pand id before location, and by location only within the radius in the same gemeente', () => {
    const ids = { verblijfsobject: new Map([['0363010000000001', 'p-vbo']]), pand: new Map([['0363100000000001', 'p-pand']]) };
    const none = { verblijfsobject: new Map<string, string>(), pand: new Map<string, string>() };
    expect(linkBagObject(object(), ids, [])).toEqual({ projectId: 'p-vbo', rule: 'verblijfsobject' });
    expect(linkBagObject(object({ id: 'x' }), ids, [])).toEqual({ projectId: 'p-pand', rule: 'pand' });
    // 0.001° of latitude is about 111 m; 0.003° about 334 m (outside 250 m).
    const near = { id: 'b-near', gemeenteCode: 'GM0363', lon: 4.9, lat: 52.371 };
    const far = { id: 'a-far', gemeenteCode: 'GM0363', lon: 4.9, lat: 52.373 };
    const otherGemeente = { id: 'c', gemeenteCode: 'GM0344', lon: 4.9, lat: 52.37 };
    expect(distanceM({ lon: 4.9, lat: 52.37 }, far)).toBeGreaterThan(BAG_LINK_RADIUS_M);
    expect(linkBagObject(object(), none, [far, near, otherGemeente])).toEqual({ projectId: 'b-near', rule: 'locatie' });
    expect(linkBagObject(object(), none, [far, otherGemeente])).toBeNull();
    expect(linkBagObject(object({ lon: null, lat: null }), none, [near])).toBeNull();
  });
});
