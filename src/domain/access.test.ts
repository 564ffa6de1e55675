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
  canCreateProjects,
  canEditMilestone,
  canEditProject,
  canEditTargets,
  canReadArea,
  canReadProject,
  canRebaseline,
  canRunRound,
  createsSynthetic,
  isOwnRoundProject,
  projectScope,
  syntheticDataOnly,
  roundVisibility,
  type Principal,
  type ProjectFacts,
  type Role,
} from './access.ts';
import { canReadBreakdownUnit, canReadTableAlternatives, readableBreakdown, tableView, type AreaFacts } from './access.ts';
import { canManageTokensOf, canSeeOrganisation, seesSmallFigures } from './access.ts';
import { canChangeOrganisation, canRegisterOrganisations, requireMayChangeOrganisation, requireMayRegisterOrganisations } from './access.ts';
import { canMergeOrganisations, requireMayMergeOrganisations, requireMaySeeOrganisation } from './access.ts';
import { canPseudonymiseUsers, requireMayPseudonymise } from './access.ts';
import { requireMayUseMyRound } from './access.ts';
import {
  ADMIN_ROLES,
  canUndoConfirmation,
  memberPartyOrganisation,
  NATIONAL_ROLES,
  PARTY_ROLES,
  requireAlternativesView,
  requireDemoSignIn,
  requireEndpointAccess,
  requireMayAskForProjects,
  requireMayChangeProject,
  requireMayChangeSharedSettings,
  requireMayConfirmFor,
  requireMayCreateProject,
  requireMayCreateTokens,
  requireMayDeleteProject,
  requireMayEditKnelpunten,
  requireMayEditTargets,
  requireMayListTokensOf,
  requireMayManageOwnSessions,
  requireMayManageSessionsOf,
  requireMayManageTokensOf,
  requireMayRebaseline,
  requireMayRunRound,
  requireProjectScope,
  requireReadableArea,
  requireReadableAreaUnits,
  requireReadableDeletedProject,
  requireReadableProject,
  requireRoundOverview,
  requireRoundVisibility,
  requireSignedIn,
  requireTableView,
  requireWholeTable,
  seesWholeRegister,
  TARGET_EDITOR_ROLES,
} from './access.ts';
import { ForbiddenError, NotFoundError, UnauthorizedError } from './errors.ts';

import { canManageUser, canManageUsers, requireMayManageUser, requireMayManageUsers, requireNotOwnAccount } from './access.ts';
import {
  canAssignRoleScope,
  canManagePerson,
  invitableRoles,
  PEOPLE_MANAGER_ROLES,
  requireMayAssignRoleScope,
  requireMayManageInvitation,
  ROLES,
  type RoleScopeFacts,
} from './access.ts';
import {
  canManageRegionMembers,
  canOpenRegionAdmin,
  canSetUpRegion,
  canSetUpRegions,
  REGION_MEMBER_ROLES,
  REGION_SETUP_ROLES,
  requireMayManageRegionMembers,
  requireMayReadRegion,
  requireMaySetUpRegion,
  requireMaySetUpRegions,
} from './access.ts';
import { roleScopeProblems, scopeForRole } from './account.ts';
import { gemeenteOrganisationId } from './identifiers.ts';
const who = (role: Role, scope: Partial<Principal> = {}): Principal => ({ ...ANONYMOUS, kind: 'user', userId: role, name: role, role, ...scope });
const gemeente = who('gemeente_editor', { gemeenteCode: 'GM0363', organisationId: 'org-ams' });
const developer = who('marktpartij_editor', { organisationId: 'org-dev' });
const secretary = who('tafel_secretaris', { regionId: 'vt-ams' });
const province = who('provincie_analist', { provincieCode: 'PV27' });
const ministry = who('ministerie_analist');
const admin = who('beheerder');

const amsterdam: ProjectFacts = {
  gemeenteCode: 'GM0363',
  provincieCode: 'PV27',
  partyOrganisationIds: ['org-ams', 'org-dev'],
  regionIds: ['vt-ams'],
  synthetic: false,
};
const groningen: ProjectFacts = { gemeenteCode: 'GM0014', provincieCode: 'PV20', partyOrganisationIds: ['org-gro'], regionIds: [], synthetic: false };

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
    expect([gemeente, developer, secretary, province, ministry, admin].map((p) => canEditProject(p, amsterdam))).toEqual([
      true,
      false,
      false,
      false,
      false,
      true,
    ]);
    expect(canCreateProject(gemeente, 'GM0363')).toBe(true);
    expect(canCreateProject(gemeente, 'GM0014')).toBe(false);
    // "Nieuw project" (issue 12 item 2): the gemeente in its own gemeente, an administrator anywhere; nobody else.
    expect([gemeente, developer, secretary, province, ministry, admin].map(canCreateProjects)).toEqual([true, false, false, false, false, true]);
    expect(canCreateProjects(who('gemeente_editor'))).toBe(false);
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
    expect(canEditTargets(ministry, { level: 'nation', provincieCode: null, synthetic: false })).toBe(true);
    expect(canEditTargets(province, { level: 'nation', provincieCode: null, synthetic: false })).toBe(false);
    expect(canEditTargets(province, { level: 'provincie', provincieCode: 'PV27', synthetic: false })).toBe(true);
    expect(canEditTargets(province, { level: 'provincie', provincieCode: 'PV20', synthetic: false })).toBe(false);
    expect(canEditTargets(gemeente, { level: 'gemeente', provincieCode: 'PV27', synthetic: false })).toBe(false);
  });
});

describe('breakdowns and the table overview (SPEC §7: nobody sees figures of an area that is not theirs; §1: gemeenten and parties take part in their table)', () => {
  const area = (id: string, gemeenteCodes: string[], provincieCodes: string[]): AreaFacts => ({ id, gemeenteCodes, provincieCodes });
  const ams = area('gemeente:GM0363', ['GM0363'], ['PV27']);
  const nh = area('provincie:PV27', ['GM0363', 'GM0362', 'GM0358'], ['PV27']);
  const amsTable = area('vt-ams', ['GM0363', 'GM0362'], ['PV27']);
  const mra = area('wd-mra', ['GM0363', 'GM0034'], ['PV27', 'PV24']);

  it('refuses every unit when the area itself is not readable', () => {
    expect(canReadBreakdownUnit(developer, ams, ams)).toBe(false);
    expect(canReadBreakdownUnit(gemeente, nh, ams)).toBe(false);
  });

  it('keeps a unit the caller may read, or one wholly inside the area; leaves out units that reach beyond it', () => {
    // area=gemeente:GM0363&breakdown=provincie must not return all of Noord-Holland (issue 8 item 7)
    expect(readableBreakdown(gemeente, ams, [nh])).toEqual({ units: [], omitted: 1 });
    expect(readableBreakdown(gemeente, ams, [amsTable, mra])).toEqual({ units: [], omitted: 2 });
    expect(readableBreakdown(gemeente, ams, [ams])).toEqual({ units: [ams], omitted: 0 });
    // a province analyst's breakdown by province gives their own province only
    expect(readableBreakdown(province, ams, [nh])).toEqual({ units: [nh], omitted: 0 });
    expect(readableBreakdown(province, nh, [amsTable, mra])).toEqual({ units: [amsTable], omitted: 1 });
    // the secretary sees the gemeenten of the table (inside it), not the province or the overlapping woondeal
    expect(readableBreakdown(secretary, amsTable, [ams, area('gemeente:GM0362', ['GM0362'], ['PV27'])]).omitted).toBe(0);
    expect(readableBreakdown(secretary, amsTable, [nh, amsTable, mra])).toEqual({ units: [amsTable], omitted: 2 });
    expect(readableBreakdown(ministry, nh, [amsTable, mra]).omitted).toBe(0);
  });

  it('shows a table’s gemeenten and parties its overview as members, and only readers of the whole table everything', () => {
    const table = { ...amsTable, isTable: true };
    const provinceArea = { ...nh, isTable: false };
    // an area that is not a table (a province) has no members: a gemeente must not see all of its province
    expect(tableView(gemeente, provinceArea, false)).toBeNull();
    expect(tableView(developer, provinceArea, true)).toBeNull();
    expect(tableView(gemeente, table, false)).toBe('member');
    expect(tableView(secretary, table, false)).toBe('full');
    expect(tableView(province, table, false)).toBe('full');
    expect(tableView(admin, table, false)).toBe('full');
    expect(tableView(gemeente, table, false)).toBe('member');
    expect(tableView(developer, table, true)).toBe('member');
    expect(tableView(developer, table, false)).toBeNull();
    expect(tableView(who('gemeente_editor', { gemeenteCode: 'GM0014' }), table, false)).toBeNull();
    expect(tableView(who('tafel_secretaris', { regionId: 'vt-u10' }), table, false)).toBeNull();
    expect(tableView(who('provincie_analist', { provincieCode: 'PV24' }), { ...mra, isTable: true }, false)).toBeNull();
  });

  it('keeps a table’s alternatives (its steering tool) to those who may read the whole table', () => {
    expect(canReadTableAlternatives(secretary, amsTable)).toBe(true);
    expect(canReadTableAlternatives(gemeente, amsTable)).toBe(false);
    expect(canReadTableAlternatives(developer, amsTable)).toBe(false);
    expect(canReadTableAlternatives(province, mra)).toBe(false);
  });
});

describe('demo principals act on synthetic demo data only (SPEC §7: "a clearly labelled synthetic demo dataset"; confidentiality)', () => {
  const demo = (p: Principal): Principal => ({ ...p, demo: true });
  const demoAmsterdam: ProjectFacts = { ...amsterdam, synthetic: true };
  const everyRole = [gemeente, developer, secretary, province, ministry, admin];

  it('never lets a demo role read or change a real project, whatever its role', () => {
    for (const p of everyRole.map(demo)) {
      expect(canReadProject(p, amsterdam)).toBe(false);
      expect(canEditProject(p, amsterdam)).toBe(false);
      expect(canEditMilestone(p, amsterdam, 'beide')).toBe(false);
      expect(canRebaseline(p, amsterdam)).toBe(false);
      expect(canConfirmProject(p, amsterdam)).toBe(false);
    }
  });

  it('keeps each demo role its own rights on synthetic projects', () => {
    expect(everyRole.map(demo).map((p) => canReadProject(p, demoAmsterdam))).toEqual([true, true, true, true, true, true]);
    expect(everyRole.map(demo).map((p) => canEditProject(p, demoAmsterdam))).toEqual([true, false, false, false, false, true]);
    expect(canEditMilestone(demo(developer), demoAmsterdam, 'privaat')).toBe(true);
    expect(canRebaseline(demo(secretary), demoAmsterdam)).toBe(true);
  });

  it('stores what a demo role creates as synthetic, and lets real accounts work as before', () => {
    expect(createsSynthetic(demo(gemeente))).toBe(true);
    expect(createsSynthetic(gemeente)).toBe(false);
    expect(canCreateProject(demo(gemeente), 'GM0363')).toBe(true); // created as synthetic
    expect(canReadProject(admin, demoAmsterdam)).toBe(true);
    expect(canEditProject(gemeente, amsterdam)).toBe(true);
  });

  it('scopes every list and figure of a demo role to synthetic projects, like the public in demo mode', () => {
    expect(projectScope(demo(ministry))).toEqual({ all: true, syntheticOnly: true });
    expect(projectScope(demo(gemeente))).toEqual({ gemeenteCodes: ['GM0363'], syntheticOnly: true });
    expect(projectScope(ministry)).toEqual({ all: true });
    expect(projectScope(ANONYMOUS, true)).toEqual({ all: true, syntheticOnly: true });
    expect(projectScope(ANONYMOUS, false)).toBeNull();
    expect(syntheticDataOnly(demo(admin))).toBe(true);
    expect(syntheticDataOnly(admin)).toBe(false);
  });

  it('lets a demo role change demo targets only, never a real (national) target', () => {
    expect(canEditTargets(demo(ministry), { level: 'nation', provincieCode: null, synthetic: false })).toBe(false);
    expect(canEditTargets(demo(admin), { level: 'nation', provincieCode: null, synthetic: false })).toBe(false);
    expect(canEditTargets(demo(ministry), { level: 'nation', provincieCode: null, synthetic: true })).toBe(true);
    expect(canEditTargets(demo(province), { level: 'provincie', provincieCode: 'PV20', synthetic: true })).toBe(false); // still its own province only
    expect(canEditTargets(ministry, { level: 'nation', provincieCode: null, synthetic: false })).toBe(true);
  });
});

describe('figures of few projects and organisations (SPEC §1 the public sees aggregates, §7 demo data apart from real data)', () => {
  it('only the ministry and administrators see national figures built from fewer projects than the disclosure minimum', () => {
    expect([ministry, admin].map(seesSmallFigures)).toEqual([true, true]);
    expect([ANONYMOUS, gemeente, developer, secretary, province].map(seesSmallFigures)).toEqual([false, false, false, false, false]);
  });

  it('a demo role sees public bodies and demo market parties, never a real market party; real accounts see them all', () => {
    const demoAdmin = { ...admin, demo: true };
    expect(canSeeOrganisation(demoAdmin, { type: 'gemeente', synthetic: false })).toBe(true);
    expect(canSeeOrganisation(demoAdmin, { type: 'ontwikkelaar', synthetic: true })).toBe(true);
    expect(canSeeOrganisation(demoAdmin, { type: 'ontwikkelaar', synthetic: false })).toBe(false);
    expect(canSeeOrganisation(demoAdmin, { type: 'corporatie', synthetic: false })).toBe(false);
    expect(canSeeOrganisation(gemeente, { type: 'corporatie', synthetic: false })).toBe(true);
  });
});

describe('SPEC §1, §7: who manages API tokens', () => {
  it('everyone their own; a beheerder anyone’s; a demo beheerder only demo accounts’', () => {
    expect(canManageTokensOf(gemeente, { userId: 'gemeente_editor', isDemo: false })).toBe(true);
    expect(canManageTokensOf(gemeente, { userId: 'someone-else', isDemo: false })).toBe(false);
    expect(canManageTokensOf(ministry, { userId: 'someone-else', isDemo: true })).toBe(false);
    expect(canManageTokensOf(admin, { userId: 'someone-else', isDemo: false })).toBe(true);
    const demoAdmin = { ...admin, demo: true };
    expect(canManageTokensOf(demoAdmin, { userId: 'someone-else', isDemo: true })).toBe(true);
    expect(canManageTokensOf(demoAdmin, { userId: 'someone-else', isDemo: false })).toBe(false);
  });
});

describe('the require* rules the services ask first (issue 9 item 1; SPEC §1, §2, §7): the same 401/403/404 and Dutch messages', () => {
  const amsterdamArea: AreaFacts = { id: 'vt-ams', gemeenteCodes: ['GM0363', 'GM0362'], provincieCodes: ['PV27'] };
  const status = (f: () => unknown): string => {
    try {
      f();
      return 'ok';
    } catch (e) {
      return e instanceof UnauthorizedError ? '401' : e instanceof ForbiddenError ? `403 ${e.message}` : e instanceof NotFoundError ? '404' : 'other';
    }
  };

  it('the role groups are the only lists of roles, and the endpoint gate uses them (SPEC §1)', () => {
    expect(NATIONAL_ROLES).toEqual(['beheerder', 'ministerie_analist']);
    expect(TARGET_EDITOR_ROLES).toEqual(['beheerder', 'ministerie_analist', 'provincie_analist']);
    expect(ADMIN_ROLES).toEqual(['beheerder']);
    expect(PARTY_ROLES).toEqual(['gemeente_editor', 'marktpartij_editor']);
    expect(status(() => requireEndpointAccess('public', ANONYMOUS))).toBe('ok');
    expect(status(() => requireEndpointAccess('signed-in', ANONYMOUS))).toBe('401');
    expect(status(() => requireEndpointAccess(TARGET_EDITOR_ROLES, province))).toBe('ok');
    expect(status(() => requireEndpointAccess(TARGET_EDITOR_ROLES, gemeente))).toBe('403 U heeft geen toegang tot dit onderdeel.');
    for (const p of [ministry, admin]) expect(seesSmallFigures(p)).toBe(NATIONAL_ROLES.some((r) => r === p.role));
  });

  it('reading a project: not yours is 404 as for an unknown id; the public 401, or 404 for a real one in demo mode (SPEC §7)', () => {
    const project = { ...amsterdam, id: 'p1' };
    expect(status(() => requireReadableProject(gemeente, project, false))).toBe('ok');
    expect(status(() => requireReadableProject(gemeente, { ...groningen, id: 'p2' }, false))).toBe('404');
    expect(status(() => requireReadableProject(ANONYMOUS, project, false))).toBe('401');
    expect(status(() => requireReadableProject(ANONYMOUS, project, true))).toBe('404');
    expect(status(() => requireReadableProject(ANONYMOUS, { ...project, synthetic: true }, true))).toBe('ok');
    expect(status(() => requireMayAskForProjects(ANONYMOUS, false))).toBe('401');
    expect(status(() => requireProjectScope(ANONYMOUS, false))).toBe('401');
    expect(requireProjectScope(ANONYMOUS, true)).toEqual({ all: true, syntheticOnly: true });
    expect(status(() => requireReadableDeletedProject(gemeente, 'p1', amsterdam))).toBe('ok');
    expect(status(() => requireReadableDeletedProject(gemeente, 'p1', null))).toBe('404');
  });

  it('changing a project: project data by the gemeente, each milestone by its owner side (SPEC §1, §2)', () => {
    const milestone = (code: string, side: 'publiek' | 'privaat' | 'beide') => ({
      projectData: false,
      toGemeenteCode: null,
      milestones: [{ code, sides: [side] as const }],
    });
    expect(status(() => requireMayChangeProject(developer, amsterdam, milestone('M11', 'privaat')))).toBe('ok');
    expect(status(() => requireMayChangeProject(developer, amsterdam, milestone('M06', 'publiek')))).toBe(
      '403 Mijlpaal M06 is van de gemeente; u mag deze niet wijzigen.',
    );
    expect(status(() => requireMayChangeProject(gemeente, amsterdam, milestone('M11', 'privaat')))).toBe(
      '403 Mijlpaal M11 is van de marktpartij; u mag deze niet wijzigen.',
    );
    expect(status(() => requireMayChangeProject(developer, amsterdam, { projectData: true, toGemeenteCode: null, milestones: [] }))).toBe(
      '403 Alleen de gemeente van dit project mag de projectgegevens wijzigen. U mag alleen de mijlpalen van uw eigen kant bijwerken.',
    );
    expect(status(() => requireMayChangeProject(gemeente, amsterdam, { projectData: true, toGemeenteCode: 'GM0014', milestones: [] }))).toBe(
      '403 U mag geen projecten in gemeente GM0014 beheren.',
    );
    expect(status(() => requireMayChangeProject(secretary, amsterdam, { projectData: false, toGemeenteCode: null, milestones: [] }))).toBe(
      '403 U mag dit project niet wijzigen.',
    );
    expect(status(() => requireMayEditKnelpunten(developer, amsterdam))).toBe('ok');
    expect(status(() => requireMayEditKnelpunten(province, amsterdam))).toBe(
      '403 Alleen de gemeente en de partijen van dit project mogen knelpunten bijwerken.',
    );
    expect(status(() => requireMayCreateProject(gemeente, 'GM0014'))).toBe('403 U mag geen projecten in gemeente GM0014 aanmaken.');
    expect(status(() => requireMayDeleteProject(developer, amsterdam))).toBe('403 Alleen de gemeente van dit project mag het verwijderen.');
    expect(status(() => requireMayRebaseline(secretary, amsterdam))).toBe('ok');
    expect(status(() => requireMayRebaseline(gemeente, amsterdam))).toMatch(/^403 Opnieuw baselinen/);
  });

  it('areas, breakdowns, tables and alternatives: nobody sees figures of an area that is not theirs (SPEC §7)', () => {
    expect(status(() => requireReadableArea(gemeente, amsterdamArea))).toBe('403 U heeft geen toegang tot de gegevens van deze tafel of dit gebied.');
    expect(
      requireReadableAreaUnits(secretary, amsterdamArea, [{ id: 'gemeente:GM0363', gemeenteCodes: ['GM0363'], provincieCodes: ['PV27'] }]).omitted,
    ).toBe(0);
    expect(requireTableView(gemeente, { ...amsterdamArea, isTable: true }, false)).toBe('member');
    expect(status(() => requireTableView(developer, { ...amsterdamArea, isTable: false }, true))).toMatch(/^403/);
    expect(status(() => requireWholeTable('member'))).toBe(
      '403 Het tafelrapport en de export met alle projecten zijn alleen voor wie de hele tafel mag inzien.',
    );
    expect(requireAlternativesView(secretary, amsterdamArea, false)).toBe('table');
    expect(requireAlternativesView(gemeente, amsterdamArea, true)).toBe('candidates');
    expect(status(() => requireAlternativesView(gemeente, amsterdamArea, false))).toMatch(/^403/);
  });

  it('the quarterly round: editors their own part, outsiders 404 by a round id, only the secretary runs it or records for a party (SPEC §2)', () => {
    expect(requireRoundVisibility(gemeente, amsterdamArea, false)).toBe('own');
    expect(status(() => requireRoundVisibility(developer, amsterdamArea, false, 'r1'))).toBe('404');
    expect(status(() => requireRoundVisibility(developer, amsterdamArea, false))).toBe(
      '403 U heeft geen toegang tot de kwartaalronde van deze tafel.',
    );
    expect(status(() => requireMayRunRound(gemeente, 'vt-ams', false))).toBe(
      '403 Alleen de secretaris van deze versnellingstafel kan de kwartaalronde openen, sluiten of herinneren.',
    );
    expect(status(() => requireMayRunRound({ ...secretary, demo: true }, 'vt-ams', true))).toMatch(/^403 Met een demo-account/);
    expect(status(() => requireRoundOverview('own'))).toMatch(/^403 Het overzicht van een gesloten kwartaal/);
    expect(requireMayConfirmFor(developer, 'vt-ams', 'org-dev', 'org-dev')).toBe('own');
    expect(status(() => requireMayConfirmFor(developer, 'vt-ams', 'org-ams', 'org-dev'))).toBe(
      '403 U kunt alleen de projecten van uw eigen organisatie bevestigen.',
    );
    expect(requireMayConfirmFor(secretary, 'vt-ams', 'org-ams', null)).toBe('on-behalf');
    expect(canUndoConfirmation(developer, 'vt-ams', 'org-ams', 'org-dev')).toBe(false);
    expect(canUndoConfirmation(secretary, 'vt-ams', 'org-ams', null)).toBe(true);
    expect(memberPartyOrganisation(developer)).toBe('org-dev');
    expect(memberPartyOrganisation(gemeente)).toBeNull();
  });

  it('targets, shared settings, tokens and demo sign-in (SPEC §1, §3, §7)', () => {
    const pv27 = { geoLevel: 'provincie', provincieCode: 'PV27', synthetic: false };
    expect(status(() => requireMayEditTargets(province, [pv27]))).toBe('ok');
    expect(status(() => requireMayEditTargets(province, [{ ...pv27, provincieCode: 'PV20' }]))).toBe(
      '403 U mag alleen doelen van uw eigen provincie wijzigen.',
    );
    expect(status(() => requireMayEditTargets(province, [{ geoLevel: 'nation', provincieCode: null, synthetic: false }]))).toBe(
      '403 Alleen het ministerie of een beheerder mag landelijke doelen wijzigen.',
    );
    expect(status(() => requireMayEditTargets({ ...ministry, demo: true }, [pv27]))).toBe(
      '403 Met een demo-account kunt u alleen demodoelen wijzigen, geen echte doelen.',
    );
    expect(status(() => requireMayChangeSharedSettings({ ...admin, demo: true }))).toMatch(
      /^403 Met een demo-account kunt u geen plancapaciteitsnormen/,
    );
    expect(status(() => requireSignedIn(ANONYMOUS))).toBe('401');
    expect(status(() => requireMayCreateTokens({ ...admin, kind: 'token' }))).toMatch(/^403 Een API-token kan alleen/);
    expect(status(() => requireMayCreateTokens({ ...admin, userId: null }))).toBe('401');
    expect(requireMayListTokensOf(gemeente, gemeente.userId!)).toBe('own');
    expect(status(() => requireMayListTokensOf(gemeente, 'someone'))).toBe('403 U heeft geen toegang tot dit onderdeel.');
    expect(requireMayListTokensOf(admin, 'someone')).toBe('other');
    const notFound = () => new NotFoundError('Account', 'x');
    expect(status(() => requireMayManageTokensOf({ ...admin, demo: true }, { userId: 'x', isDemo: false }, notFound))).toBe('404');
    expect(status(() => requireMayManageTokensOf(admin, null, notFound))).toBe('404');
    expect(status(() => requireDemoSignIn(false))).toBe('403 De demomodus staat uit: aanmelden als demorol kan niet.');
    expect(seesWholeRegister(ministry)).toBe(true);
    expect(seesWholeRegister({ ...ministry, demo: true })).toBe(false);
    expect(seesWholeRegister(province)).toBe(false);
  });

  it('browser sessions: each person manages their own, in the browser only (SPEC §7)', () => {
    expect(status(() => requireMayManageOwnSessions(gemeente))).toBe('ok');
    expect(status(() => requireMayManageOwnSessions(ANONYMOUS))).toBe('401');
    expect(status(() => requireMayManageOwnSessions({ ...gemeente, kind: 'token' }))).toMatch(/^403 Sessies beheert u in de browser/);
    const notFound = () => new NotFoundError('Sessie', 'x');
    expect(status(() => requireMayManageSessionsOf(gemeente, { userId: gemeente.userId! }, notFound))).toBe('ok');
    expect(status(() => requireMayManageSessionsOf(gemeente, { userId: 'someone-else' }, notFound))).toBe('404');
    // Not even an administrator ends someone else's session one by one: it answers as an unknown session.
    expect(status(() => requireMayManageSessionsOf(admin, { userId: 'someone-else' }, notFound))).toBe('404');
    expect(status(() => requireMayManageSessionsOf(admin, null, notFound))).toBe('404');
    expect(status(() => requireMayManageSessionsOf({ ...admin, kind: 'token' }, { userId: admin.userId! }, notFound))).toMatch(/^403 /);
    expect(status(() => requireMayManageSessionsOf(ANONYMOUS, null, notFound))).toBe('401');
  });
});

describe('issue 11 items 2 and 5: who registers and corrects organisations', () => {
  it('administrators and a province analyst with a province; nobody else', () => {
    expect([admin, province].map(canRegisterOrganisations)).toEqual([true, true]);
    expect([ANONYMOUS, gemeente, developer, secretary, ministry, who('provincie_analist')].map(canRegisterOrganisations)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(() => requireMayRegisterOrganisations(ministry)).toThrow(ForbiddenError);
    expect(() => requireMayRegisterOrganisations(province)).not.toThrow();
  });

  it('public bodies are reference data; a demo role corrects only demo organisations, a real one answers as unknown', () => {
    const realParty = { id: 'o1', type: 'ontwikkelaar', synthetic: false };
    const demoParty = { id: 'o2', type: 'corporatie', synthetic: true };
    const gemeenteOrg = { id: 'o3', type: 'gemeente', synthetic: false };
    expect(canChangeOrganisation(province, realParty)).toBe(true);
    expect(canChangeOrganisation(admin, gemeenteOrg)).toBe(false);
    expect(() => requireMayChangeOrganisation(admin, gemeenteOrg)).toThrow(ForbiddenError);
    const demoAdmin = { ...admin, demo: true };
    expect(canChangeOrganisation(demoAdmin, demoParty)).toBe(true);
    expect(canChangeOrganisation(demoAdmin, realParty)).toBe(false);
    expect(() => requireMayChangeOrganisation(demoAdmin, realParty)).toThrow(NotFoundError);
    expect(() => requireMayChangeOrganisation(developer, demoParty)).toThrow(ForbiddenError);
  });
});

describe('issue 11 items 3 and 5: who manages and invites people (SPEC §1 roles, §7)', () => {
  const notFound = () => new NotFoundError('Account', 'x');
  /** A role and scope with its geography: table vt-ams in PV27 (Noord-Holland), table vt-utr in PV26. */
  const facts = (role: Role, over: Partial<RoleScopeFacts> = {}): RoleScopeFacts => ({
    role,
    gemeenteCode: null,
    regionId: null,
    organisationId: null,
    provincieCode: null,
    gemeenteProvincieCode: null,
    gemeenteTableIds: [],
    table: null,
    organisationTables: [],
    isDemo: false,
    ...over,
  });
  const amsTable = { id: 'vt-ams', provincieCodes: ['PV27'] };
  const utrTable = { id: 'vt-utr', provincieCodes: ['PV26'] };
  const mixedTable = { id: 'vt-mixed', provincieCodes: ['PV27', 'PV26'] };
  const amsEditor = facts('gemeente_editor', { gemeenteCode: 'GM0363', gemeenteProvincieCode: 'PV27', gemeenteTableIds: ['vt-ams'] });
  const haarlemEditor = facts('gemeente_editor', { gemeenteCode: 'GM0392', gemeenteProvincieCode: 'PV27', gemeenteTableIds: [] });
  const utrEditor = facts('gemeente_editor', { gemeenteCode: 'GM0344', gemeenteProvincieCode: 'PV26', gemeenteTableIds: ['vt-utr'] });
  const amsSecretary = facts('tafel_secretaris', { regionId: 'vt-ams', table: amsTable });
  const mixedSecretary = facts('tafel_secretaris', { regionId: 'vt-mixed', table: mixedTable });
  const amsMember = facts('marktpartij_editor', { organisationId: 'org-a', organisationTables: [amsTable] });
  const utrMember = facts('marktpartij_editor', { organisationId: 'org-u', organisationTables: [utrTable] });
  const noMember = facts('marktpartij_editor', { organisationId: 'org-n' });
  const analyst = facts('provincie_analist', { provincieCode: 'PV27' });

  it('administrators, a province analyst with a province and a table secretary with a table manage people; others 403, the public 401', () => {
    for (const p of [gemeente, developer, ministry, who('provincie_analist'), who('tafel_secretaris')]) {
      expect(canManageUsers(p)).toBe(false);
      expect(() => requireMayManageUsers(p)).toThrow(ForbiddenError);
    }
    expect(() => requireMayManageUsers(ANONYMOUS)).toThrow(UnauthorizedError);
    for (const p of [admin, province, secretary]) expect(canManageUsers(p)).toBe(true);
    expect(PEOPLE_MANAGER_ROLES).toEqual(['beheerder', 'provincie_analist', 'tafel_secretaris']);
  });

  it('which roles each may give (issue 11 item 5): administrators all, a province analyst three, a table secretary two', () => {
    expect(invitableRoles(admin)).toEqual(ROLES.filter((r) => r !== 'publiek'));
    expect(invitableRoles(province)).toEqual(['gemeente_editor', 'tafel_secretaris', 'marktpartij_editor']);
    expect(invitableRoles(secretary)).toEqual(['gemeente_editor', 'marktpartij_editor']);
    expect(invitableRoles(gemeente)).toEqual([]);
  });

  it('an administrator any role and scope; a demo administrator only demo accounts', () => {
    for (const t of [amsEditor, utrEditor, analyst, facts('beheerder'), utrMember]) expect(canAssignRoleScope(admin, t)).toBe(true);
    const demoAdmin = { ...admin, demo: true };
    expect(canManagePerson(demoAdmin, { ...amsEditor, isDemo: true })).toBe(true);
    expect(canManagePerson(demoAdmin, amsEditor)).toBe(false);
    expect(canManageUser(admin, amsEditor)).toBe(true);
    expect(canManageUser(demoAdmin, amsEditor)).toBe(false);
    expect(canManageUser(secretary, amsEditor)).toBe(false);
    expect(() => requireMayManageUser(demoAdmin, amsEditor, notFound)).toThrow(NotFoundError);
    expect(() => requireMayManageUser(admin, null, notFound)).toThrow(NotFoundError);
    expect(() => requireMayManageUser(admin, amsEditor, notFound)).not.toThrow();
  });

  it('a province analyst: gemeenten in the province, tables wholly in it, organisations that are members of such a table', () => {
    expect([amsEditor, haarlemEditor, utrEditor].map((t) => canAssignRoleScope(province, t))).toEqual([true, true, false]);
    expect([amsSecretary, mixedSecretary].map((t) => canAssignRoleScope(province, t))).toEqual([true, false]);
    expect([amsMember, utrMember, noMember].map((t) => canAssignRoleScope(province, t))).toEqual([true, false, false]);
    expect(canAssignRoleScope(province, analyst)).toBe(false);
    expect(() => requireMayAssignRoleScope(province, analyst)).toThrow(/rol Analist provincie/);
    expect(() => requireMayAssignRoleScope(province, utrEditor)).toThrow(ForbiddenError);
  });

  it("a table secretary: the table's gemeenten and its current member organisations, nothing else", () => {
    expect([amsEditor, haarlemEditor, utrEditor].map((t) => canAssignRoleScope(secretary, t))).toEqual([true, false, false]);
    expect([amsMember, utrMember, noMember].map((t) => canAssignRoleScope(secretary, t))).toEqual([true, false, false]);
    expect(canAssignRoleScope(secretary, amsSecretary)).toBe(false);
    expect(() => requireMayAssignRoleScope(secretary, haarlemEditor)).toThrow(/gemeente in uw eigen gebied/);
    expect(() => requireMayAssignRoleScope(secretary, amsSecretary)).toThrow(/rol Secretaris versnellingstafel/);
    // The same rule decides whose accounts and invitations they see: someone outside the area answers as unknown.
    expect(() => requireMayManageUser(secretary, utrEditor, notFound)).toThrow(NotFoundError);
    expect(() => requireMayManageInvitation(secretary, utrMember, notFound)).toThrow(NotFoundError);
    expect(() => requireMayManageInvitation(secretary, amsMember, notFound)).not.toThrow();
  });

  it('an administrator does not deactivate their own account or change their own role', () => {
    expect(() => requireNotOwnAccount(admin, 'beheerder', 'deactivate')).toThrow(/eigen account niet uitzetten/);
    expect(() => requireNotOwnAccount(admin, 'beheerder', { from: 'beheerder', to: 'ministerie_analist' })).toThrow(/eigen rol niet wijzigen/);
    expect(() => requireNotOwnAccount(admin, 'beheerder', { from: 'beheerder', to: 'beheerder' })).not.toThrow();
    expect(() => requireNotOwnAccount(admin, 'someone-else', 'deactivate')).not.toThrow();
  });

  it('the scope must fit the role, with the field path (as for every account)', () => {
    const none = scopeForRole('ministerie_analist', {});
    expect(roleScopeProblems('ministerie_analist', none)).toEqual([]);
    expect(roleScopeProblems('beheerder', none)).toEqual([]);
    expect(roleScopeProblems('gemeente_editor', none).map((i) => i.path)).toEqual(['gemeenteCode']);
    expect(roleScopeProblems('tafel_secretaris', none).map((i) => i.path)).toEqual(['regionId']);
    expect(roleScopeProblems('provincie_analist', none).map((i) => i.path)).toEqual(['provincieCode']);
    expect(roleScopeProblems('marktpartij_editor', none).map((i) => i.path)).toEqual(['organisationId']);
    expect(roleScopeProblems('provincie_analist', scopeForRole('provincie_analist', { provincieCode: 'PV27' }))).toEqual([]);
    // Someone working for a gemeente without a named organisation works for the gemeente itself.
    expect(scopeForRole('gemeente_editor', { gemeenteCode: 'GM0363' }).organisationId).toBe(gemeenteOrganisationId('GM0363'));
    expect(scopeForRole('tafel_secretaris', { gemeenteCode: 'GM0363', regionId: 'vt-ams' }).organisationId).toBeNull();
  });
});

describe('issue 11 item 2: who merges duplicate organisations (the group that registers them; SPEC §1, §2, §7)', () => {
  const party = (id: string, synthetic = false) => ({ id, type: 'ontwikkelaar', synthetic });
  const ids = { duplicate: 'a', kept: 'b' };

  it('administrators and a province analyst with a province; nobody else (403)', () => {
    expect([admin, province].map(canMergeOrganisations)).toEqual([true, true]);
    for (const p of [gemeente, developer, secretary, ministry, who('provincie_analist')]) {
      expect(canMergeOrganisations(p)).toBe(false);
      expect(() => requireMayMergeOrganisations(p, party('a'), party('b'), ids)).toThrow(ForbiddenError);
    }
    expect(() => requireMayMergeOrganisations(province, party('a'), party('b'), ids)).not.toThrow();
  });

  it('an unknown organisation, or one a demo role may not see, answers as unknown (404)', () => {
    expect(() => requireMayMergeOrganisations(admin, null, party('b'), ids)).toThrow(NotFoundError);
    expect(() => requireMayMergeOrganisations(admin, party('a'), null, ids)).toThrow(NotFoundError);
    const demoAdmin = { ...admin, demo: true };
    expect(() => requireMayMergeOrganisations(demoAdmin, party('a', true), party('b'), ids)).toThrow(NotFoundError);
    expect(() => requireMayMergeOrganisations(demoAdmin, party('a', true), party('b', true), ids)).not.toThrow();
  });

  it('reading one organisation: anyone signed in, within the demo scope', () => {
    expect(() => requireMaySeeOrganisation(ANONYMOUS, party('a'), 'a')).toThrow(UnauthorizedError);
    expect(() => requireMaySeeOrganisation(developer, party('a'), 'a')).not.toThrow();
    expect(() => requireMaySeeOrganisation(developer, null, 'a')).toThrow(NotFoundError);
    expect(() => requireMaySeeOrganisation({ ...developer, demo: true }, party('a'), 'a')).toThrow(NotFoundError);
  });
});

describe('issue 11 items 1 and 5 (SPEC §1, §2, §7): who sets up versnellingstafels and manages their members', () => {
  const inNH = { id: 'vt-ams', provincieCodes: ['PV27'], synthetic: false };
  const acrossBorder = { id: 'vt-ams', provincieCodes: ['PV27', 'PV26'], synthetic: false };
  const otherTable = { id: 'vt-zaan', provincieCodes: ['PV27'], synthetic: false };
  const demo = (p: Principal) => ({ ...p, demo: true });

  it('administrators do everything; a province analyst only tables whose gemeenten (old and new) all lie in the province', () => {
    expect(canSetUpRegions(admin)).toBe(true);
    expect(canSetUpRegion(admin, acrossBorder)).toBe(true);
    expect(canSetUpRegions(province)).toBe(true);
    expect(canSetUpRegion(province, inNH)).toBe(true);
    expect(canSetUpRegion(province, acrossBorder)).toBe(false);
    expect(canSetUpRegion(province, { ...inNH, provincieCodes: [] })).toBe(false);
    expect(canSetUpRegions(who('provincie_analist'))).toBe(false);
    expect(() => requireMaySetUpRegion(province, acrossBorder)).toThrow(/eigen provincie/);
  });

  it('a table secretary manages the members of their own table, not its gemeenten, not another table', () => {
    expect(canSetUpRegions(secretary)).toBe(false);
    expect(canSetUpRegion(secretary, inNH)).toBe(false);
    expect(canManageRegionMembers(secretary, inNH)).toBe(true);
    expect(canManageRegionMembers(secretary, otherTable)).toBe(false);
    expect(canManageRegionMembers(province, inNH)).toBe(true);
    expect(canOpenRegionAdmin(secretary)).toBe(true);
    expect(() => requireMaySetUpRegions(secretary)).toThrow(ForbiddenError);
  });

  it('others get 403: gemeenten, market parties, the ministry', () => {
    for (const p of [gemeente, developer, ministry]) {
      expect(canOpenRegionAdmin(p)).toBe(false);
      expect(canManageRegionMembers(p, inNH)).toBe(false);
      expect(() => requireMayManageRegionMembers(p, inNH)).toThrow(ForbiddenError);
    }
    expect(() => requireMayReadRegion(ANONYMOUS)).toThrow(UnauthorizedError);
    expect(REGION_SETUP_ROLES).toEqual(['beheerder', 'provincie_analist']);
    expect(REGION_MEMBER_ROLES).toContain('tafel_secretaris');
  });

  it('a demo account changes only demo tables, never the example regions everyone shares (SPEC §7)', () => {
    expect(canSetUpRegion(demo(admin), inNH)).toBe(false);
    expect(canSetUpRegion(demo(admin), { ...inNH, synthetic: true })).toBe(true);
    expect(canManageRegionMembers(demo(secretary), inNH)).toBe(false);
    expect(canManageRegionMembers(demo(secretary), { ...inNH, synthetic: true })).toBe(true);
    expect(() => requireMayManageRegionMembers(demo(secretary), inNH)).toThrow(/demo-account/);
  });
});

describe('issue 11 item 3: who removes a person’s data when they leave (administrators only; SPEC §1, §7)', () => {
  const notFound = () => new NotFoundError('Account', 'x');

  it('only an administrator, not those who manage people in their area; a demo administrator only demo accounts', () => {
    expect(canPseudonymiseUsers(admin)).toBe(true);
    for (const p of [gemeente, developer, secretary, province, ministry]) {
      expect(canPseudonymiseUsers(p)).toBe(false);
      expect(() => requireMayPseudonymise(p, { isDemo: false }, notFound)).toThrow(ForbiddenError);
    }
    expect(() => requireMayPseudonymise(ANONYMOUS, { isDemo: false }, notFound)).toThrow(UnauthorizedError);
    expect(() => requireMayPseudonymise(admin, { isDemo: false }, notFound)).not.toThrow();
    expect(() => requireMayPseudonymise(admin, null, notFound)).toThrow(NotFoundError);
    expect(() => requireMayPseudonymise({ ...admin, demo: true }, { isDemo: false }, notFound)).toThrow(NotFoundError);
    expect(() => requireMayPseudonymise({ ...admin, demo: true }, { isDemo: true }, notFound)).not.toThrow();
  });
});

describe('Mijn kwartaalronde (issue 12 item 1; SPEC §2 "Quarterly round"): who it is for', () => {
  const gemeenteOrg = (code: string) => `org-${code}`;
  it('a gemeente delivers for its gemeente, and its own projects are those of the gemeente', () => {
    expect(requireMayUseMyRound(gemeente, gemeenteOrg)).toEqual({
      organisationId: 'org-ams',
      ownGemeenteCode: 'GM0363',
      ownPartyOrganisationId: null,
    });
    const withoutOrganisation = who('gemeente_editor', { gemeenteCode: 'GM0363' });
    expect(requireMayUseMyRound(withoutOrganisation, gemeenteOrg).organisationId).toBe('org-GM0363');
  });

  it('a market party delivers for its organisation, and its own projects are those it is party to', () => {
    expect(requireMayUseMyRound(developer, gemeenteOrg)).toEqual({
      organisationId: 'org-dev',
      ownGemeenteCode: null,
      ownPartyOrganisationId: 'org-dev',
    });
  });

  it('everyone else is told whom it is for (403); the public must sign in (401)', () => {
    for (const p of [secretary, province, ministry, admin]) {
      expect(() => requireMayUseMyRound(p, gemeenteOrg)).toThrow(/projectleiders van gemeenten en voor marktpartijen/);
    }
    expect(() => requireMayUseMyRound(who('marktpartij_editor'), gemeenteOrg)).toThrow(/hoort niet bij een gemeente of marktpartij/);
    expect(() => requireMayUseMyRound(ANONYMOUS, gemeenteOrg)).toThrow(UnauthorizedError);
  });
});
