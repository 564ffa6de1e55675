/**
 * Who may see and change what. SPEC §1 "Users, and what each needs" and §7 ("open-book figures and
 * unpublished plans are visible only to the table's members; the public sees aggregates").
 * The API-level counterpart is src/http/authorization.matrix.test.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  ANONYMOUS,
  canConfirmProject,
  canCreateProject,
  canEditMilestone,
  canEditProject,
  canEditTargets,
  canReadArea,
  canReadProject,
  canRebaseline,
  canRunRound,
  isOwnRoundProject,
  projectScope,
  roundVisibility,
  type Principal,
  type ProjectFacts,
  type Role,
} from './access.ts';

const who = (role: Role, scope: Partial<Principal> = {}): Principal => ({ ...ANONYMOUS, kind: 'user', userId: role, name: role, role, ...scope });
const gemeente = who('gemeente_editor', { gemeenteCode: 'GM0363', organisationId: 'org-ams' });
const developer = who('marktpartij_editor', { organisationId: 'org-dev' });
const secretary = who('tafel_secretaris', { regionId: 'vt-ams' });
const province = who('provincie_analist', { provincieCode: 'PV27' });
const ministry = who('ministerie_analist');
const admin = who('beheerder');

const amsterdam: ProjectFacts = { gemeenteCode: 'GM0363', provincieCode: 'PV27', partyOrganisationIds: ['org-ams', 'org-dev'], regionIds: ['vt-ams'] };
const groningen: ProjectFacts = { gemeenteCode: 'GM0014', provincieCode: 'PV20', partyOrganisationIds: ['org-gro'], regionIds: [] };

describe('reading projects (SPEC §1 users, §7 confidentiality)', () => {
  it.each([
    ['gemeente editor: own gemeente only', gemeente, true, false],
    ['market party: projects it is party to', developer, true, false],
    ['table secretary: projects of its table', secretary, true, false],
    ['province analyst: its province', province, true, false],
    ['ministry: national', ministry, true, true],
    ['administrator: everything', admin, true, true],
    ['public: no project-level data', ANONYMOUS, false, false],
  ])('%s', (_label, p, own, foreign) => {
    expect(canReadProject(p, amsterdam)).toBe(own);
    expect(canReadProject(p, groningen)).toBe(foreign);
  });

  it('lists with the same scope as it reads', () => {
    expect(projectScope(gemeente)).toEqual({ gemeenteCodes: ['GM0363'] });
    expect(projectScope(developer)).toEqual({ partyOrganisationId: 'org-dev' });
    expect(projectScope(secretary)).toEqual({ regionId: 'vt-ams' });
    expect(projectScope(ministry)).toEqual({ all: true });
    expect(projectScope(ANONYMOUS)).toBeNull();
    expect(projectScope(who('gemeente_editor'))).toBeNull(); // an account without its gemeente sees nothing
  });
});

describe('changing projects (SPEC §1: gemeente keeps public milestones, parties their private ones)', () => {
  it('lets only the gemeente (and an administrator) change the project data and create projects', () => {
    expect([gemeente, developer, secretary, province, ministry, admin].map((p) => canEditProject(p, amsterdam))).toEqual([true, false, false, false, false, true]);
    expect(canCreateProject(gemeente, 'GM0363')).toBe(true);
    expect(canCreateProject(gemeente, 'GM0014')).toBe(false);
  });

  it('gives each milestone to its owner side', () => {
    expect(canEditMilestone(gemeente, amsterdam, 'publiek')).toBe(true);
    expect(canEditMilestone(gemeente, amsterdam, 'privaat')).toBe(false);
    expect(canEditMilestone(developer, amsterdam, 'privaat')).toBe(true);
    expect(canEditMilestone(developer, amsterdam, 'publiek')).toBe(false);
    expect(canEditMilestone(developer, amsterdam, 'beide')).toBe(true);
    expect(canEditMilestone(developer, groningen, 'privaat')).toBe(false); // not a party there
  });

  it('leaves re-baselining and running the round to the table (SPEC §2 "an explicit act of the table")', () => {
    expect(canRebaseline(secretary, amsterdam)).toBe(true);
    expect(canRebaseline(gemeente, amsterdam)).toBe(false);
    expect(canRebaseline(secretary, groningen)).toBe(false);
    expect(canRunRound(secretary, 'vt-ams')).toBe(true);
    expect(canRunRound(secretary, 'vt-u10')).toBe(false);
    expect([gemeente, developer, secretary, province].map((p) => canConfirmProject(p, amsterdam))).toEqual([true, true, true, false]);
  });
});

describe('areas, rounds and targets', () => {
  const table = { id: 'vt-ams', gemeenteCodes: ['GM0363', 'GM0362'], provincieCodes: ['PV27'] };
  const nation = { id: 'nl', gemeenteCodes: ['GM0363', 'GM0014'], provincieCodes: ['PV27', 'PV20'] };

  it('shows a table dashboard to its secretary, its province and national users', () => {
    expect([secretary, province, ministry, gemeente, developer].map((p) => canReadArea(p, table))).toEqual([true, true, true, false, false]);
    expect(canReadArea(province, nation)).toBe(false);
    expect(canReadArea(gemeente, { id: 'gemeente:GM0363', gemeenteCodes: ['GM0363'], provincieCodes: ['PV27'] })).toBe(true);
  });

  it('shows editors only their own part of a round', () => {
    expect(roundVisibility(secretary, table, false)).toBe('all');
    expect(roundVisibility(gemeente, table, false)).toBe('own');
    expect(roundVisibility(developer, table, true)).toBe('own');
    expect(roundVisibility(developer, table, false)).toBeNull();
    expect(roundVisibility(who('gemeente_editor', { gemeenteCode: 'GM0014' }), table, false)).toBeNull();
    expect(isOwnRoundProject(gemeente, { gemeenteCode: 'GM0363', organisationIds: [] })).toBe(true);
    expect(isOwnRoundProject(developer, { gemeenteCode: 'GM0363', organisationIds: ['org-dev'] })).toBe(true);
    expect(isOwnRoundProject(developer, { gemeenteCode: 'GM0363', organisationIds: ['org-x'] })).toBe(false);
  });

  it('lets the ministry change national targets and a province only its own', () => {
    expect(canEditTargets(ministry, { level: 'nation', provincieCode: null })).toBe(true);
    expect(canEditTargets(province, { level: 'nation', provincieCode: null })).toBe(false);
    expect(canEditTargets(province, { level: 'provincie', provincieCode: 'PV27' })).toBe(true);
    expect(canEditTargets(province, { level: 'provincie', provincieCode: 'PV20' })).toBe(false);
    expect(canEditTargets(gemeente, { level: 'gemeente', provincieCode: 'PV27' })).toBe(false);
  });
});
