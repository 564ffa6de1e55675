/**
 * Who reads and writes a project's open book (src/domain/access.ts canReadOpenBook / canEditOpenBook). SPEC §1: a
 * developer shares "open-book figures only with the table"; §7: "open-book figures … are visible only to the table's
 * members"; issue 12 item 5: readable only by the project's parties and its table's secretary, "never by other
 * organisations", never the public. `001 § Afspraak 3B`: the table talks on the basis of open books.
 */
import { describe, expect, it } from 'vitest';
import {
  ANONYMOUS,
  canEditOpenBook,
  canReadOpenBook,
  hiddenAuditEntities,
  requireMayEditOpenBook,
  requireMayReadOpenBook,
  type Principal,
  type ProjectFacts,
  type Role,
} from './access.ts';
import { ForbiddenError } from './errors.ts';
import { OPEN_BOOK_AUDIT_ENTITY } from './open-book.ts';

const DEVELOPER = '11111111-1111-4111-8111-111111111111';
const OTHER_DEVELOPER = '22222222-2222-4222-8222-222222222222';
const project: ProjectFacts = {
  gemeenteCode: 'GM0363',
  provincieCode: 'PV27',
  partyOrganisationIds: ['00000000-0000-4000-8000-000000000363', DEVELOPER],
  regionIds: ['vt-amsterdam-e-o'],
  synthetic: false,
};
const who = (role: Role, scope: Partial<Principal> = {}): Principal => ({
  ...ANONYMOUS,
  kind: 'user',
  userId: 'u',
  name: role,
  role,
  ...scope,
});

const CASES: Array<[string, Principal, boolean, boolean]> = [
  // name, principal, may read, may write
  ['the gemeente of the project (bevoegd gezag)', who('gemeente_editor', { gemeenteCode: 'GM0363' }), true, true],
  ['a market party of the project', who('marktpartij_editor', { organisationId: DEVELOPER }), true, true],
  ['the secretary of the project’s table', who('tafel_secretaris', { regionId: 'vt-amsterdam-e-o' }), true, false],
  ['another gemeente', who('gemeente_editor', { gemeenteCode: 'GM0014' }), false, false],
  ['a market party not in the project', who('marktpartij_editor', { organisationId: OTHER_DEVELOPER }), false, false],
  ['the secretary of another table', who('tafel_secretaris', { regionId: 'vt-u10' }), false, false],
  ['the province of the project', who('provincie_analist', { provincieCode: 'PV27' }), false, false],
  ['the ministry', who('ministerie_analist'), false, false],
  ['an administrator (runs the monitor, is no party and no table member)', who('beheerder'), false, false],
  ['the public', ANONYMOUS, false, false],
];

describe('open books: only the project’s parties and its table’s secretary (SPEC §1, §7; issue 12 item 5)', () => {
  it.each(CASES)('%s', (_name, p, read, write) => {
    expect(canReadOpenBook(p, project)).toBe(read);
    expect(canEditOpenBook(p, project)).toBe(write);
    expect(hiddenAuditEntities(p, project)).toEqual(read ? [] : [OPEN_BOOK_AUDIT_ENTITY]);
    if (read) expect(() => requireMayReadOpenBook(p, project)).not.toThrow();
    else expect(() => requireMayReadOpenBook(p, project)).toThrow(ForbiddenError);
    if (write) expect(() => requireMayEditOpenBook(p, project)).not.toThrow();
    else expect(() => requireMayEditOpenBook(p, project)).toThrow(ForbiddenError);
  });

  it('a demo role reads and writes the open book of a synthetic project only (withinDemoScope)', () => {
    const demoParty = who('marktpartij_editor', { organisationId: DEVELOPER, demo: true });
    const demoSecretary = who('tafel_secretaris', { regionId: 'vt-amsterdam-e-o', demo: true });
    expect(canReadOpenBook(demoParty, project)).toBe(false);
    expect(canEditOpenBook(demoParty, project)).toBe(false);
    expect(canReadOpenBook(demoSecretary, project)).toBe(false);
    const synthetic = { ...project, synthetic: true };
    expect(canReadOpenBook(demoParty, synthetic)).toBe(true);
    expect(canEditOpenBook(demoParty, synthetic)).toBe(true);
    expect(canReadOpenBook(demoSecretary, synthetic)).toBe(true);
  });

  it('a market party that leaves the project loses the open book with it', () => {
    const party = who('marktpartij_editor', { organisationId: DEVELOPER });
    const without = { ...project, partyOrganisationIds: project.partyOrganisationIds.filter((o) => o !== DEVELOPER) };
    expect(canReadOpenBook(party, without)).toBe(false);
    expect(canEditOpenBook(party, without)).toBe(false);
  });

  it('the refusal says who may read the figures', () => {
    expect(() => requireMayReadOpenBook(who('ministerie_analist'), project)).toThrow(
      'Alleen zichtbaar voor de partijen van dit project en de secretaris van de versnellingstafel.',
    );
  });
});
