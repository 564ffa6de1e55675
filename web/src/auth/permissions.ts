/**
 * What the signed-in person may do, decided with the same pure rules the server applies
 * (src/domain/access.ts), so the UI only offers actions that will be accepted. The server stays the
 * judge: a refused action still gets a clear message.
 */
import {
  canChangeNorm,
  canOpenRegionAdmin,
  canChangeOrganisation,
  canConfirmProject,
  canCreateProject,
  canCreateProjects,
  canEditMilestone,
  canEndProject,
  canEditProject,
  canEditKnelpunten,
  canEditTargets,
  canManageTargets,
  canManageUsers,
  canRegisterOrganisations,
  canRebaseline,
  canRunRound,
  canEditOpenBook,
  canReadOpenBook,
  canOpenInstruments,
  canReadRealisatiestimulansOf,
  deliveringOrganisation,
  NATIONAL_ROLES,
  planlijstImportArea,
  ROLE_LABELS,
  type AreaFacts,
  type ProjectFacts,
} from '../../../src/domain/access.ts';
import type { Me, Principal, ProjectDetail, Region, Role } from '../api/types.ts';
import { gemeenteOrganisationId } from '../../../src/domain/identifiers.ts';
import type { OwnerSide } from '../labels.ts';
import { isSignedIn, type AuthState } from './AuthContext.tsx';
import { homeArea } from '../features/plancapaciteit/homeArea.ts';

export { NATIONAL_ROLES, ROLE_LABELS };

/** Demo roles offered on the sign-in page, in the order a visitor would look for them. */
export const DEMO_ROLES: readonly Exclude<Role, 'publiek'>[] = [
  'tafel_secretaris',
  'gemeente_editor',
  'marktpartij_editor',
  'provincie_analist',
  'ministerie_analist',
  'beheerder',
];

/** What each demo role can do, in one sentence (shown on the sign-in page). */
export const ROLE_DESCRIPTIONS: Record<Exclude<Role, 'publiek'>, string> = {
  tafel_secretaris: 'Voert de kwartaalronde van de versnellingstafel Amsterdam e.o. en ziet het tafeloverzicht.',
  gemeente_editor: 'Werkt de projecten en publieke mijlpalen van de gemeente Amsterdam bij.',
  marktpartij_editor: 'Werkt de private mijlpalen bij van de projecten waarin de organisatie partij is.',
  provincie_analist: 'Bekijkt alle projecten en tafels in de provincie Noord-Holland.',
  ministerie_analist: 'Bekijkt de landelijke stand van alle projecten.',
  beheerder: 'Mag alles, ook gebruikers en instellingen beheren.',
};

/** The facts the access rules need about a project; its regions follow from the gemeente. */
export function projectFacts(
  project: Pick<ProjectDetail, 'gemeenteCode' | 'provincieCode' | 'parties' | 'synthetic'>,
  regions: readonly Region[],
): ProjectFacts {
  return {
    gemeenteCode: project.gemeenteCode,
    synthetic: project.synthetic,
    provincieCode: project.provincieCode,
    partyOrganisationIds: project.parties.map((p) => p.organisationId),
    regionIds: regions.filter((r) => r.gemeenteCodes.includes(project.gemeenteCode)).map((r) => r.id),
  };
}

/** The signed-in person as the access rules take it: GET /auth/me sends the demo marking beside the principal, not in it. */
export function principalOf(me: Me): Principal {
  return { ...me.principal, demo: me.demo };
}

/**
 * Applies a rule to the current person. On a server without sign-in ("open") every action is offered,
 * as the API accepts it; while sign-in is still being checked nothing is offered yet.
 */
export function may(state: AuthState, rule: (p: Principal) => boolean): boolean {
  if (state.status === 'open') return true;
  if (state.status === 'loading') return false;
  return rule(principalOf(state.me));
}

export const mayRunRound = (state: AuthState, regionId: string) => may(state, (p) => canRunRound(p, regionId));
export const mayRebaseline = (state: AuthState, facts: ProjectFacts) => may(state, (p) => canRebaseline(p, facts));
export const mayConfirm = (state: AuthState, facts: ProjectFacts) => may(state, (p) => canConfirmProject(p, facts));
/** May withdraw, make active again, merge or delete this project (src/domain/access.ts canEndProject: the gemeente, administrators). */
export const mayEndProject = (state: AuthState, facts: ProjectFacts) => may(state, (p) => canEndProject(p, facts));
/** "Nieuw project" on the project list: who may create a project in some gemeente (access.ts canCreateProjects). */
export const mayCreateProjects = (state: AuthState) => may(state, canCreateProjects);
/** The gemeenten offered on "Nieuw project": where the person may create one (a gemeente editor: its own). */
export const mayCreateProjectIn = (state: AuthState, gemeenteCode: string) => may(state, (p) => canCreateProject(p, gemeenteCode));
/** Change the project's own data (kerngegevens, programma, jaarschijven, partijen): access.ts canEditProject, as requireMayChangeProject. */
export const mayEditProject = (state: AuthState, facts: ProjectFacts) => may(state, (p) => canEditProject(p, facts));
export const mayEditMilestone = (state: AuthState, facts: ProjectFacts, ownerSide: OwnerSide) =>
  may(state, (p) => canEditMilestone(p, facts, ownerSide));
export const mayEditKnelpunten = (state: AuthState, facts: ProjectFacts) => may(state, (p) => canEditKnelpunten(p, facts));

/** The project's open book: its parties and its table's secretary read it (src/domain/access.ts canReadOpenBook). */
export const mayReadOpenBook = (state: AuthState, facts: ProjectFacts) => may(state, (p) => canReadOpenBook(p, facts));
/** Its parties (the gemeente and the market parties in it) enter the figures (canEditOpenBook). */
export const mayEditOpenBook = (state: AuthState, facts: ProjectFacts) => may(state, (p) => canEditOpenBook(p, facts));

/** The national roll-up is for the roles of src/domain/access.ts NATIONAL_ROLES (ministry, administrators). */
/** Financiële instrumenten: the ministry, administrators, a province analyst and a gemeente (access.ts INSTRUMENT_ROLES). */
export const mayOpenInstruments = (state: AuthState) => may(state, canOpenInstruments);
/** May read this gemeente's Realisatiestimulans (a gemeente its own, a province analyst its province, the ministry all). */
export const mayReadRealisatiestimulansOf = (state: AuthState, gemeente: { gemeenteCode: string; provincieCode: string }) =>
  may(state, (p) => canReadRealisatiestimulansOf(p, gemeente));

export const maySeeNational = (state: AuthState) => may(state, (p) => (NATIONAL_ROLES as readonly Role[]).includes(p.role));

/** Planlijst importeren: a gemeente, province, table secretary, the ministry or an administrator (planlijstImportArea). */
export const mayImportPlanlijst = (state: AuthState) => may(state, (p) => planlijstImportArea(p) !== null);

/** The Doelen page (targets): the roles of TARGET_EDITOR_ROLES, the gate of the target write routes. */
export const mayManageTargets = (state: AuthState) => may(state, canManageTargets);
/** May change this target (a province analyst: its own province; a demo account: demo targets only). */
export const mayEditTarget = (state: AuthState, geo: { level: string; provincieCode: string | null; synthetic: boolean }) =>
  may(state, (p) => canEditTargets(p, geo));

/** May set the plancapaciteit norm of this area (TARGET_EDITOR_ROLES within their areas; never a demo account). */
export const mayChangeNorm = (state: AuthState, area: AreaFacts) => may(state, (p) => canChangeNorm(p, area));

/**
 * The Plancapaciteit page: for those who read an area as a whole (the area rule of GET /national/plancapaciteit,
 * src/domain/access.ts canReadArea): ministry, administrators, province analysts, secretaries and gemeenten.
 */
export const mayOpenPlancapaciteit = (state: AuthState) => may(state, (p) => homeArea(p) !== null);

/** The Mensen page (people's accounts): administrators (src/domain/access.ts canManageUsers, the gate of /users). */
export const mayManagePeople = (state: AuthState) => may(state, canManageUsers);

/** The Organisaties page (register and correct organisations): src/domain/access.ts canRegisterOrganisations, the gate of POST /organisations. */
export const mayManageOrganisations = (state: AuthState) => may(state, canRegisterOrganisations);

/** May the signed-in person correct this organisation (not a gemeente or other public body; demo: demo organisations)? */
export const mayChangeOrganisation = (state: AuthState, org: { type: string; synthetic: boolean }) =>
  may(state, (p) => canChangeOrganisation(p, org));

/** Tafels inrichten: who sets up tables (administrators, province analysts) and a table's secretary (access.ts canOpenRegionAdmin). */
export const mayOpenTablesAdmin = (state: AuthState) => may(state, canOpenRegionAdmin);

/**
 * Mijn kwartaalronde: for those signed in who deliver for a gemeente or a market party (src/domain/access.ts
 * deliveringOrganisation, the rule of GET /me/rounds).
 */
export const mayUseMyRound = (state: AuthState) => isSignedIn(state) && may(state, (p) => deliveringOrganisation(p, gemeenteOrganisationId) !== null);

/** "Secretaris versnellingstafel" for a role code. */
export function roleLabel(role: Role): string {
  return ROLE_LABELS[role] ?? role;
}
