import { describe, expect, it } from 'vitest';
import type { Me, Principal, Region } from '../api/types.ts';
import type { AuthState } from './AuthContext.tsx';
import {
  mayCreateProjectIn,
  mayCreateProjects,
  mayEditMilestone,
  mayEditProject,
  mayEditTarget,
  mayManageTargets,
  mayRebaseline,
  mayRunRound,
  maySeeNational,
  projectFacts,
} from './permissions.ts';

const REGION_DEFAULTS = { isExample: true, synthetic: false, endedOn: null, version: 1, memberCount: 0 };
const regions: Region[] = [
  { id: 'vt-amsterdam-e-o', kind: 'versnellingstafel', name: 'Amsterdam e.o.', gemeenteCodes: ['GM0363', 'GM0362'], ...REGION_DEFAULTS },
  { id: 'vt-u10', kind: 'versnellingstafel', name: 'U10', gemeenteCodes: ['GM0344'], ...REGION_DEFAULTS },
];
const project = {
  gemeenteCode: 'GM0363',
  provincieCode: 'PV27',
  synthetic: false,
  parties: [{ organisationId: 'org-dev', role: 'ontwikkelaar' as const }],
};

function signedIn(p: Partial<Principal>): AuthState {
  const principal: Principal = {
    kind: 'user',
    userId: 'u',
    name: 'X',
    role: 'publiek',
    organisationId: null,
    gemeenteCode: null,
    regionId: null,
    provincieCode: null,
    demo: false,
    ...p,
  };
  // As GET /auth/me sends it: the demo marking beside the principal (the web's principalOf puts it back in).
  const me: Me = { principal, csrfToken: 't', demo: principal.demo, demoModeAvailable: true, oidcAvailable: false };
  return { status: 'ready', me };
}

describe('what the UI offers to whom (same rules as the server)', () => {
  it('finds the tables a project belongs to from its gemeente', () => {
    expect(projectFacts(project, regions).regionIds).toEqual(['vt-amsterdam-e-o']);
  });

  it('lets only the table’s own secretary re-baseline and run its round', () => {
    const secretary = signedIn({ role: 'tafel_secretaris', regionId: 'vt-amsterdam-e-o' });
    expect(mayRebaseline(secretary, projectFacts(project, regions))).toBe(true);
    expect(mayRunRound(secretary, 'vt-amsterdam-e-o')).toBe(true);
    expect(mayRunRound(secretary, 'vt-u10')).toBe(false);
    expect(mayRebaseline(signedIn({ role: 'gemeente_editor', gemeenteCode: 'GM0363' }), projectFacts(project, regions))).toBe(false);
  });

  it('lets a developer change the private milestones of its own projects only', () => {
    const developer = signedIn({ role: 'marktpartij_editor', organisationId: 'org-dev' });
    expect(mayEditMilestone(developer, projectFacts(project, regions), 'privaat')).toBe(true);
    expect(mayEditMilestone(developer, projectFacts(project, regions), 'publiek')).toBe(false);
  });

  it('offers everything on a server without sign-in, and nothing while sign-in is still being checked', () => {
    expect(mayRunRound({ status: 'open' }, 'vt-u10')).toBe(true);
    expect(mayRunRound({ status: 'loading' }, 'vt-u10')).toBe(false);
    expect(mayRunRound(signedIn({ role: 'publiek', kind: 'anonymous' }), 'vt-u10')).toBe(false);
  });

  it('shows the national overview only to the ministry and administrators', () => {
    expect(maySeeNational(signedIn({ role: 'ministerie_analist' }))).toBe(true);
    expect(maySeeNational(signedIn({ role: 'beheerder' }))).toBe(true);
    expect(maySeeNational(signedIn({ role: 'gemeente_editor', gemeenteCode: 'GM0363' }))).toBe(false);
    expect(maySeeNational(signedIn({ role: 'provincie_analist', provincieCode: 'PV27' }))).toBe(false);
    expect(maySeeNational({ status: 'loading' })).toBe(false);
  });

  it('offers Doelen to the roles that maintain targets, and changes only within the province (a demo account: demo targets only)', () => {
    const province = signedIn({ role: 'provincie_analist', provincieCode: 'PV27' });
    expect(mayManageTargets(province)).toBe(true);
    expect(mayManageTargets(signedIn({ role: 'ministerie_analist' }))).toBe(true);
    expect(mayManageTargets(signedIn({ role: 'provincie_analist', provincieCode: null }))).toBe(false);
    expect(mayManageTargets(signedIn({ role: 'tafel_secretaris', regionId: 'vt-u10' }))).toBe(false);
    expect(mayEditTarget(province, { level: 'gemeente', provincieCode: 'PV27', synthetic: false })).toBe(true);
    expect(mayEditTarget(province, { level: 'gemeente', provincieCode: 'PV26', synthetic: false })).toBe(false);
    expect(mayEditTarget(province, { level: 'nation', provincieCode: null, synthetic: false })).toBe(false);
    const demo = signedIn({ role: 'provincie_analist', provincieCode: 'PV27', demo: true });
    expect(mayEditTarget(demo, { level: 'provincie', provincieCode: 'PV27', synthetic: false })).toBe(false);
    expect(mayEditTarget(demo, { level: 'provincie', provincieCode: 'PV27', synthetic: true })).toBe(true);
  });

  // SPEC §1 / README roles: the gemeente keeps the plan list of its own projects; market parties, tables and analysts do not.
  it('offers "Nieuw project" and the project edit forms to the gemeente (its own gemeente) and administrators only', () => {
    const gemeente = signedIn({ role: 'gemeente_editor', gemeenteCode: 'GM0363' });
    const facts = projectFacts(project, regions);
    expect(mayCreateProjects(gemeente)).toBe(true);
    expect(mayCreateProjectIn(gemeente, 'GM0363')).toBe(true);
    expect(mayCreateProjectIn(gemeente, 'GM0344')).toBe(false);
    expect(mayEditProject(gemeente, facts)).toBe(true);
    expect(mayEditProject(signedIn({ role: 'gemeente_editor', gemeenteCode: 'GM0344' }), facts)).toBe(false);
    expect(mayCreateProjects(signedIn({ role: 'beheerder' }))).toBe(true);
    expect(mayCreateProjectIn(signedIn({ role: 'beheerder' }), 'GM0344')).toBe(true);
    for (const other of [
      signedIn({ role: 'marktpartij_editor', organisationId: 'org-dev' }),
      signedIn({ role: 'tafel_secretaris', regionId: 'vt-amsterdam-e-o' }),
      signedIn({ role: 'provincie_analist', provincieCode: 'PV27' }),
      signedIn({ role: 'gemeente_editor', gemeenteCode: null }),
    ]) {
      expect(mayCreateProjects(other)).toBe(false);
      expect(mayEditProject(other, facts)).toBe(false);
    }
    // A demo account changes demo projects only: not this real one.
    expect(mayEditProject(signedIn({ role: 'gemeente_editor', gemeenteCode: 'GM0363', demo: true }), facts)).toBe(false);
    expect(mayCreateProjects(signedIn({ role: 'gemeente_editor', gemeenteCode: 'GM0363', demo: true }))).toBe(true);
  });
});
