import { describe, expect, it } from 'vitest';
import {
  ANONYMOUS,
  canOpenInstruments,
  canReadRealisatiestimulansOf,
  realisatiestimulansArea,
  requireMayReadRealisatiestimulansOf,
  requireRealisatiestimulansArea,
  type Principal,
  type Role,
} from './access.ts';
import { ForbiddenError, NotFoundError, UnauthorizedError } from './errors.ts';

const user = (role: Role, scope: Partial<Principal> = {}): Principal => ({ ...ANONYMOUS, kind: 'user', userId: 'u1', name: 'Test', role, ...scope });
const AMSTERDAM = { gemeenteCode: 'GM0363', provincieCode: 'PV27' };
const UTRECHT = { gemeenteCode: 'GM0344', provincieCode: 'PV26' };

describe('who reads the Realisatiestimulans (SPEC §1 users: the ministry "the instruments", a gemeente "own Realisatiestimulans"; §4.1)', () => {
  it('gives the ministry and administrators all gemeenten, a province analyst its province, a gemeente only itself', () => {
    expect(realisatiestimulansArea(user('ministerie_analist'))).toEqual({ all: true });
    expect(realisatiestimulansArea(user('beheerder'))).toEqual({ all: true });
    expect(realisatiestimulansArea(user('provincie_analist', { provincieCode: 'PV27' }))).toEqual({ provincieCode: 'PV27' });
    expect(realisatiestimulansArea(user('gemeente_editor', { gemeenteCode: 'GM0363' }))).toEqual({ gemeenteCode: 'GM0363' });
  });

  it('gives a table secretary, a market party, the public and a role without its scope nothing', () => {
    expect(realisatiestimulansArea(user('tafel_secretaris', { regionId: 'vt-x' }))).toBeNull();
    expect(realisatiestimulansArea(user('marktpartij_editor', { organisationId: 'o1' }))).toBeNull();
    expect(realisatiestimulansArea(ANONYMOUS)).toBeNull();
    expect(realisatiestimulansArea(user('gemeente_editor'))).toBeNull();
    expect(canOpenInstruments(user('tafel_secretaris', { regionId: 'vt-x' }))).toBe(false);
    expect(canOpenInstruments(user('gemeente_editor', { gemeenteCode: 'GM0363' }))).toBe(true);
  });

  it('lets a gemeente read its own figures and not another gemeente’s; a province analyst only gemeenten in its province', () => {
    const gemeente = user('gemeente_editor', { gemeenteCode: 'GM0363' });
    expect(canReadRealisatiestimulansOf(gemeente, AMSTERDAM)).toBe(true);
    expect(canReadRealisatiestimulansOf(gemeente, UTRECHT)).toBe(false);
    const provincie = user('provincie_analist', { provincieCode: 'PV27' });
    expect(canReadRealisatiestimulansOf(provincie, AMSTERDAM)).toBe(true);
    expect(canReadRealisatiestimulansOf(provincie, UTRECHT)).toBe(false);
    expect(canReadRealisatiestimulansOf(user('ministerie_analist'), UTRECHT)).toBe(true);
  });

  it('answers 401 to the public, 403 to a role without figures, 404 for a gemeente outside the area', () => {
    expect(() => requireRealisatiestimulansArea(ANONYMOUS)).toThrow(UnauthorizedError);
    expect(() => requireRealisatiestimulansArea(user('marktpartij_editor'))).toThrow(ForbiddenError);
    expect(() => requireMayReadRealisatiestimulansOf(user('gemeente_editor', { gemeenteCode: 'GM0363' }), UTRECHT)).toThrow(NotFoundError);
    expect(() => requireMayReadRealisatiestimulansOf(user('gemeente_editor', { gemeenteCode: 'GM0363' }), AMSTERDAM)).not.toThrow();
  });
});
