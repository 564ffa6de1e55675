/**
 * Who applies for, reads and runs the Woningbouwimpuls and the Gebiedsbudget (SPEC §1 users, §4.2, §4.3, §7;
 * `001 § Afspraak 19.2`: gemeenten apply per project, "De Minister … stelt een rangschikking op").
 */
import { describe, expect, it } from 'vitest';
import {
  ANONYMOUS,
  canAdministerSubsidies,
  canFileSubsidyApplication,
  canReadSubsidyApplication,
  requireMayAdministerSubsidies,
  requireMayFileGebiedsbudget,
  requireMayFileSubsidyApplication,
  requireMayReadSubsidyApplication,
  subsidyScope,
  type Principal,
  type Role,
} from './access.ts';
import { ForbiddenError, NotFoundError, UnauthorizedError } from './errors.ts';

const user = (role: Role, scope: Partial<Principal> = {}): Principal => ({ ...ANONYMOUS, kind: 'user', userId: 'u1', name: 'Test', role, ...scope });
const amsterdam = user('gemeente_editor', { gemeenteCode: 'GM0363' });
const OWN = { id: 'p1', gemeenteCode: 'GM0363', synthetic: false };
const OTHER = { id: 'p2', gemeenteCode: 'GM0362', synthetic: false };

describe('subsidy applications: a gemeente its own, the ministry all (SPEC §1, §4.2; 001 § Afspraak 19.2)', () => {
  it('scopes the lists: national roles all, a gemeente its own gemeente, everyone else nothing', () => {
    expect(subsidyScope(user('ministerie_analist'))).toEqual({ all: true, syntheticOnly: false });
    expect(subsidyScope(user('beheerder', { demo: true }))).toEqual({ all: true, syntheticOnly: true });
    expect(subsidyScope(amsterdam)).toEqual({ gemeenteCode: 'GM0363', syntheticOnly: false });
    for (const p of [
      user('provincie_analist', { provincieCode: 'PV27' }),
      user('tafel_secretaris', { regionId: 'vt' }),
      user('marktpartij_editor'),
      ANONYMOUS,
      user('gemeente_editor'),
    ])
      expect(subsidyScope(p)).toBeNull();
  });
  it('a gemeente reads and files only its own; another gemeente’s is 404 (not revealed)', () => {
    expect(canReadSubsidyApplication(amsterdam, OWN)).toBe(true);
    expect(canReadSubsidyApplication(amsterdam, OTHER)).toBe(false);
    expect(canReadSubsidyApplication(user('ministerie_analist'), OTHER)).toBe(true);
    expect(canReadSubsidyApplication(user('ministerie_analist', { demo: true }), OTHER)).toBe(false);
    expect(() => requireMayReadSubsidyApplication(amsterdam, OTHER, 'Aanvraag', 'a1')).toThrow(NotFoundError);
    expect(canFileSubsidyApplication(amsterdam, OWN)).toBe(true);
    expect(canFileSubsidyApplication(amsterdam, OTHER)).toBe(false);
    expect(canFileSubsidyApplication(user('ministerie_analist'), OWN)).toBe(false);
    expect(() => requireMayFileSubsidyApplication(amsterdam, OTHER)).toThrow(NotFoundError);
    expect(() => requireMayFileSubsidyApplication(user('beheerder'), OWN)).toThrow(ForbiddenError);
  });
  it('filing needs the window open (001 § Afspraak 19.2: "Jaarlijks wordt er een aanvraagtijdvak geopend")', () => {
    expect(() => requireMayFileSubsidyApplication(amsterdam, OWN, true)).not.toThrow();
    expect(() => requireMayFileSubsidyApplication(amsterdam, OWN, false)).toThrow(/gesloten/);
  });
  it('only the ministry and administrators score, rank, allocate and decide; the public must sign in', () => {
    expect(canAdministerSubsidies(user('ministerie_analist'))).toBe(true);
    expect(canAdministerSubsidies(user('beheerder'))).toBe(true);
    expect(canAdministerSubsidies(amsterdam)).toBe(false);
    expect(() => requireMayAdministerSubsidies(ANONYMOUS)).toThrow(UnauthorizedError);
    expect(() => requireMayAdministerSubsidies(user('provincie_analist'))).toThrow(ForbiddenError);
  });
  it('a gebiedsbudget request is filed by a gemeente for its own gemeente', () => {
    expect(requireMayFileGebiedsbudget(amsterdam)).toBe('GM0363');
    expect(() => requireMayFileGebiedsbudget(user('ministerie_analist'))).toThrow(ForbiddenError);
  });
});
