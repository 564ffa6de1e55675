/**
 * Access rules of issue 12 items 6–8 (src/domain/access.ts): the gemeenten's proposals for alternatives, the table's
 * agenda, and e-mail reminders. SPEC §1 (the secretary runs the round and prepares the table meeting; gemeenten take
 * part in their table), §7 (nobody sees what is not theirs); `001 § Afspraak 3B` (gemeenten put forward alternatives).
 */
import { describe, expect, it } from 'vitest';
import {
  ANONYMOUS,
  canMailPeople,
  canProposeAlternative,
  canReadTableAgenda,
  canWithdrawProposal,
  proposalsView,
  requireMayMailPeople,
  requireMayProposeAlternative,
  requireMayWithdrawProposal,
  requireProposalsView,
  requireTableAgenda,
  type Principal,
  type Role,
} from './access.ts';
import { ForbiddenError, NotFoundError } from './errors.ts';

const who = (role: Role, scope: Partial<Principal> = {}): Principal => ({ ...ANONYMOUS, kind: 'user', userId: role, name: role, role, ...scope });
const amsterdam = who('gemeente_editor', { gemeenteCode: 'GM0363', organisationId: 'org-ams' });
const diemen = who('gemeente_editor', { gemeenteCode: 'GM0384' });
const utrecht = who('gemeente_editor', { gemeenteCode: 'GM0344' });
const developer = who('marktpartij_editor', { organisationId: 'org-dev' });
const secretary = who('tafel_secretaris', { regionId: 'vt-ams' });
const otherSecretary = who('tafel_secretaris', { regionId: 'vt-u10' });
const province = who('provincie_analist', { provincieCode: 'PV27' });
const ministry = who('ministerie_analist');
const admin = who('beheerder');
const table = { id: 'vt-ams', gemeenteCodes: ['GM0363', 'GM0384'], provincieCodes: ['PV27'], isTable: true };
const area = { ...table, id: 'corop:CR23', isTable: false };
const notFound = () => new NotFoundError('Voorstel', 'x');

describe('`001 § Afspraak 3B`: gemeenten put forward alternatives at their table', () => {
  it('a project leader of a gemeente of the table may propose and sees its own gemeente’s proposals', () => {
    expect(canProposeAlternative(amsterdam, table)).toBe(true);
    expect(canProposeAlternative(diemen, table)).toBe(true);
    expect(proposalsView(amsterdam, table)).toBe('own');
  });

  it('the table (who sees it whole) reads every proposal but does not propose; others see nothing (SPEC §7)', () => {
    for (const p of [secretary, province, ministry, admin]) {
      expect(proposalsView(p, table)).toBe('all');
      expect(canProposeAlternative(p, table)).toBe(false);
    }
    for (const p of [utrecht, developer, otherSecretary]) {
      expect(proposalsView(p, table)).toBeNull();
      expect(() => requireProposalsView(p, table)).toThrow(ForbiddenError);
    }
    expect(() => requireMayProposeAlternative(secretary, table)).toThrow(/projectleider van een gemeente van deze tafel/);
  });

  it('an area that is not a table has no gemeenten that propose', () => {
    expect(canProposeAlternative(amsterdam, area)).toBe(false);
  });

  it('a proposal is withdrawn by its own gemeente (or an administrator); another gemeente does not even see it', () => {
    const proposal = { gemeenteCode: 'GM0363', synthetic: false };
    expect(canWithdrawProposal(amsterdam, proposal)).toBe(true);
    expect(canWithdrawProposal(admin, proposal)).toBe(true);
    expect(canWithdrawProposal(secretary, proposal)).toBe(false);
    expect(() => requireMayWithdrawProposal(diemen, 'own', proposal, notFound)).toThrow(NotFoundError);
    expect(() => requireMayWithdrawProposal(secretary, 'all', proposal, notFound)).toThrow(ForbiddenError);
    expect(() => requireMayWithdrawProposal(amsterdam, 'own', null, notFound)).toThrow(NotFoundError);
    expect(() => requireMayWithdrawProposal(amsterdam, 'own', proposal, notFound)).not.toThrow();
  });

  it('a demo role withdraws only demo proposals; a real one is unknown to it (SPEC §7)', () => {
    const demo = { ...amsterdam, demo: true };
    expect(() => requireMayWithdrawProposal(demo, 'own', { gemeenteCode: 'GM0363', synthetic: false }, notFound)).toThrow(NotFoundError);
    expect(canWithdrawProposal(demo, { gemeenteCode: 'GM0363', synthetic: true })).toBe(true);
  });
});

describe('SPEC §1: the agenda of the table meeting is for who sees the whole table', () => {
  it('the secretary, the province, the ministry and administrators; not a gemeente or market party of the table', () => {
    for (const p of [secretary, province, ministry, admin]) expect(canReadTableAgenda(p, table)).toBe(true);
    for (const p of [amsterdam, developer, otherSecretary]) {
      expect(canReadTableAgenda(p, table)).toBe(false);
      expect(() => requireTableAgenda(p, table)).toThrow(ForbiddenError);
    }
  });
});

describe('SPEC §7: e-mail to people is never sent by a demo role', () => {
  it('real accounts may; a demo role gets a plain refusal', () => {
    expect(canMailPeople(secretary)).toBe(true);
    expect(canMailPeople({ ...secretary, demo: true })).toBe(false);
    expect(() => requireMayMailPeople({ ...secretary, demo: true })).toThrow(/demo-account worden geen e-mails verstuurd/);
  });
});
