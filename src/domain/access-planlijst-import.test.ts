import { describe, expect, it } from 'vitest';
import { ANONYMOUS, planlijstImportArea, requirePlanlijstImportArea, ROLES, type Principal, type Role } from './access.ts';
import { ForbiddenError, UnauthorizedError } from './errors.ts';

const user = (role: Role, scope: Partial<Principal> = {}): Principal => ({
  ...ANONYMOUS,
  kind: 'user',
  userId: 'u1',
  name: 'Test',
  role,
  ...scope,
});

describe('planlijst import area (issue 13 part 1; SPEC §1 roles, §7)', () => {
  it('gives a gemeente its own gemeente, a province its province, a table secretary the table, ministry and admin all', () => {
    expect(planlijstImportArea(user('gemeente_editor', { gemeenteCode: 'GM0363' }))).toEqual({ gemeenteCode: 'GM0363' });
    expect(planlijstImportArea(user('provincie_analist', { provincieCode: 'PV27' }))).toEqual({ provincieCode: 'PV27' });
    expect(planlijstImportArea(user('tafel_secretaris', { regionId: 'vt-u10' }))).toEqual({ regionId: 'vt-u10' });
    expect(planlijstImportArea(user('ministerie_analist'))).toEqual({ all: true });
    expect(planlijstImportArea(user('beheerder'))).toEqual({ all: true });
  });

  it('gives market parties, the public, demo accounts and roles without their scope nothing', () => {
    expect(planlijstImportArea(user('marktpartij_editor', { organisationId: 'o1' }))).toBeNull();
    expect(planlijstImportArea(ANONYMOUS)).toBeNull();
    expect(planlijstImportArea(user('gemeente_editor'))).toBeNull();
    for (const role of ROLES) expect(planlijstImportArea(user(role, { demo: true, gemeenteCode: 'GM0363' })), role).toBeNull();
  });

  it('answers 401 to the public and 403 to the others without an area', () => {
    expect(() => requirePlanlijstImportArea(ANONYMOUS)).toThrow(UnauthorizedError);
    expect(() => requirePlanlijstImportArea(user('marktpartij_editor'))).toThrow(ForbiddenError);
    expect(() => requirePlanlijstImportArea(user('beheerder', { demo: true }))).toThrow(/demo-account/);
  });
});
