/**
 * Who may see and change what (SPEC §1 users, §7 confidentiality). Pure rules over a principal and
 * the facts of a resource; enforced by the services and the HTTP layer on every endpoint.
 */
import type { OwnerSide } from './codes.ts';
import { ForbiddenError, NotFoundError, UnauthorizedError, ValidationError } from './errors.ts';
import { OPEN_BOOK_AUDIT_ENTITY } from './open-book.ts';

/** Roles. SPEC §1 "Users, and what each needs". */
export const ROLES = [
  'gemeente_editor',
  'marktpartij_editor',
  'tafel_secretaris',
  'provincie_analist',
  'ministerie_analist',
  'beheerder',
  'publiek',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  gemeente_editor: 'Projectleider gemeente',
  marktpartij_editor: 'Ontwikkelaar, belegger of corporatie',
  tafel_secretaris: 'Secretaris versnellingstafel',
  provincie_analist: 'Analist provincie',
  ministerie_analist: 'Analist ministerie',
  beheerder: 'Beheerder',
  publiek: 'Publiek',
};

export interface Principal {
  /** 'anonymous' for the public without an account. */
  kind: 'user' | 'token' | 'anonymous';
  userId: string | null;
  name: string;
  role: Role;
  /** The organisation the person works for (a gemeente or a market party). */
  organisationId: string | null;
  /** gemeente_editor: the gemeente whose projects they edit. */
  gemeenteCode: string | null;
  /** tafel_secretaris: the versnellingstafel (region id) they run. */
  regionId: string | null;
  /** provincie_analist: their province. */
  provincieCode: string | null;
  /**
   * A demo account (password-free demo sign-in). Demo principals act on synthetic demo data only:
   * real projects and targets are invisible and untouchable to them, and what they create is stored
   * as synthetic. SPEC §7 (confidentiality; a clearly labelled synthetic demo dataset).
   */
  demo: boolean;
}

export const ANONYMOUS: Principal = {
  kind: 'anonymous',
  userId: null,
  name: 'Publiek',
  role: 'publiek',
  organisationId: null,
  gemeenteCode: null,
  regionId: null,
  provincieCode: null,
  demo: false,
};

/** What the rules need to know about a project. */
export interface ProjectFacts {
  gemeenteCode: string;
  provincieCode: string;
  partyOrganisationIds: readonly string[];
  /** Regions (versnellingstafels, woondealregio's) whose gemeenten include the project's gemeente. */
  regionIds: readonly string[];
  /** Generated demo data, not a real project. */
  synthetic: boolean;
}

/**
 * May the principal touch data with this marking at all? Demo principals only synthetic demo data;
 * everyone else is unaffected. The one rule behind every demo-scope check. SPEC §7.
 */
export function withinDemoScope(p: Principal, data: { synthetic: boolean }): boolean {
  return !p.demo || data.synthetic;
}

/**
 * May the principal list or revoke the API tokens of this account? Their own; a beheerder anyone's, but a
 * demo beheerder only those of demo accounts (demo roles act on demo data only). SPEC §1, §7.
 */
export function canManageTokensOf(p: Principal, account: { userId: string; isDemo: boolean }): boolean {
  if (p.userId !== null && p.userId === account.userId) return true;
  return p.role === 'beheerder' && withinDemoScope(p, { synthetic: account.isDemo });
}

/**
 * May the principal change settings that have no demo copy and apply to real data (plancapaciteit norms)?
 * Never a demo role. SPEC §7.
 */
export function canChangeSharedSettings(p: Principal): boolean {
  return !p.demo;
}

/**
 * May the principal set the plancapaciteit norm of this area? The roles of TARGET_EDITOR_ROLES, within the
 * areas they may read (a province analyst: its own province), and never a demo role: a norm is a shared
 * setting that applies to real data (canChangeSharedSettings). SPEC §1, §3, §7.
 */
export function canChangeNorm(p: Principal, area: AreaFacts): boolean {
  return (TARGET_EDITOR_ROLES as readonly Role[]).includes(p.role) && canChangeSharedSettings(p) && canReadArea(p, area);
}

/** Is what this principal creates (projects, targets, imports) stored as synthetic demo data? SPEC §7. */
export function createsSynthetic(p: Principal): boolean {
  return p.demo;
}

/**
 * Role groups: the only lists of roles, used by the rules below, the HTTP layer's endpoint gates
 * (src/http/auth.ts) and the web (web/src/auth/permissions.ts).
 */
/** Who reads the whole register and the national view: the ministry and administrators. SPEC §1. */
export const NATIONAL_ROLES = ['beheerder', 'ministerie_analist'] as const satisfies readonly Role[];
/** Who changes targets and plancapaciteit norms (a province analyst only its own province). SPEC §1, §3. */
export const TARGET_EDITOR_ROLES = ['beheerder', 'ministerie_analist', 'provincie_analist'] as const satisfies readonly Role[];
/** Who delivers for a party in a quarterly round: the gemeente's and the market parties' editors (deliveringOrganisation). SPEC §2. */
export const PARTY_ROLES = ['gemeente_editor', 'marktpartij_editor'] as const satisfies readonly Role[];
/** Who manages accounts and other people's API tokens. SPEC §1. */
export const ADMIN_ROLES = ['beheerder'] as const satisfies readonly Role[];
/** Who registers and corrects organisations (canRegisterOrganisations): administrators and province analysts. SPEC §1, issue 11 item 5. */
export const ORGANISATION_REGISTRAR_ROLES = ['beheerder', 'provincie_analist'] as const satisfies readonly Role[];

const NATIONAL: readonly Role[] = NATIONAL_ROLES;

/** May the principal see this project at project level (names, milestones, knelpunten)? */
export function canReadProject(p: Principal, project: ProjectFacts): boolean {
  if (!withinDemoScope(p, project)) return false;
  switch (p.role) {
    case 'beheerder':
    case 'ministerie_analist':
      return true;
    case 'provincie_analist':
      return p.provincieCode === project.provincieCode;
    case 'tafel_secretaris':
      return p.regionId !== null && project.regionIds.includes(p.regionId);
    case 'gemeente_editor':
      return p.gemeenteCode === project.gemeenteCode;
    case 'marktpartij_editor':
      return p.organisationId !== null && project.partyOrganisationIds.includes(p.organisationId);
    case 'publiek':
      return false;
  }
}

/**
 * May the principal change the project's own data (name, programme, jaarschijven, parties, knelpunten)?
 * (design) The gemeente is bevoegd gezag and keeps the plan list; market parties update their milestones.
 */
export function canEditProject(p: Principal, project: Pick<ProjectFacts, 'gemeenteCode' | 'synthetic'>): boolean {
  if (!withinDemoScope(p, project)) return false;
  return p.role === 'beheerder' || (p.role === 'gemeente_editor' && p.gemeenteCode === project.gemeenteCode);
}

/** May the principal create a project in this gemeente? (A demo principal's project is synthetic.) */
export function canCreateProject(p: Principal, gemeenteCode: string): boolean {
  return canEditProject(p, { gemeenteCode, synthetic: createsSynthetic(p) });
}

/**
 * May the principal create projects at all (in some gemeente)? An administrator anywhere, a gemeente editor in its
 * own gemeente (canCreateProject): the web offers "Nieuw project" only to them.
 */
export function canCreateProjects(p: Principal): boolean {
  if (p.role === 'beheerder') return true;
  return p.gemeenteCode !== null && canCreateProject(p, p.gemeenteCode);
}

/**
 * May the principal change a milestone owned by `ownerSide`? Public milestones by the gemeente,
 * private ones by a market party that is party to the project, shared ones by either. SPEC §1, §2.
 */
export function canEditMilestone(p: Principal, project: ProjectFacts, ownerSide: OwnerSide): boolean {
  if (!withinDemoScope(p, project)) return false;
  if (p.role === 'beheerder') return true;
  const gemeente = p.role === 'gemeente_editor' && p.gemeenteCode === project.gemeenteCode;
  const party = p.role === 'marktpartij_editor' && p.organisationId !== null && project.partyOrganisationIds.includes(p.organisationId);
  if (ownerSide === 'publiek') return gemeente;
  if (ownerSide === 'privaat') return party;
  return gemeente || party;
}

/** Re-baselining is an act of the table (SPEC §2): its secretary, or an administrator. */
export function canRebaseline(p: Principal, project: ProjectFacts): boolean {
  if (!withinDemoScope(p, project)) return false;
  return p.role === 'beheerder' || (p.role === 'tafel_secretaris' && p.regionId !== null && project.regionIds.includes(p.regionId));
}

/** May the principal confirm this project unchanged in a quarterly round? Anyone who may edit part of it. */
export function canConfirmProject(p: Principal, project: ProjectFacts): boolean {
  return canEditProject(p, project) || canEditMilestone(p, project, 'privaat') || canRebaseline(p, project);
}

/**
 * May the principal run (open, close, remind) the quarterly round of a region? A round is shared by the
 * whole table, so a demo role may run it only where the table holds no real projects. SPEC §2, §7.
 */
export function canRunRound(p: Principal, regionId: string, tableHasRealProjects = false): boolean {
  if (!withinDemoScope(p, { synthetic: !tableHasRealProjects })) return false;
  return p.role === 'beheerder' || (p.role === 'tafel_secretaris' && p.regionId === regionId);
}

/** What a region dashboard needs to decide: the region id (or area) and its gemeenten/provinces. */
export interface AreaFacts {
  id: string;
  gemeenteCodes: readonly string[];
  provincieCodes: readonly string[];
}

/** May the principal see the project-level dashboard of a region or area? */
export function canReadArea(p: Principal, area: AreaFacts): boolean {
  switch (p.role) {
    case 'beheerder':
    case 'ministerie_analist':
      return true;
    case 'provincie_analist':
      return area.provincieCodes.length > 0 && area.provincieCodes.every((c) => c === p.provincieCode);
    case 'tafel_secretaris':
      return area.id === p.regionId;
    case 'gemeente_editor':
      return area.gemeenteCodes.length === 1 && area.gemeenteCodes[0] === p.gemeenteCode;
    default:
      return false;
  }
}

/**
 * May the principal change targets of this geography? National: ministry; provincial: its province.
 * `synthetic`: the target is (or, when created by this principal, becomes) demo data; a demo principal
 * may change only synthetic targets. SPEC §7.
 */
export function canEditTargets(p: Principal, geo: { level: string; provincieCode: string | null; synthetic: boolean }): boolean {
  if (!withinDemoScope(p, geo) || !canManageTargets(p)) return false;
  if (NATIONAL.includes(p.role)) return true;
  return geo.provincieCode !== null && geo.provincieCode === p.provincieCode;
}

/**
 * Does the principal maintain targets at all (the web's Doelen page; which targets: canEditTargets)? The ministry
 * and administrators, and a province analyst who has a province: the roles of TARGET_EDITOR_ROLES. SPEC §1, §3.
 */
export function canManageTargets(p: Principal): boolean {
  if (NATIONAL.includes(p.role)) return true;
  return p.role === 'provincie_analist' && p.provincieCode !== null;
}

/** Public bodies: reference data, not demo data (the gemeenten, provinces, the state, water boards). */
const PUBLIC_BODIES: readonly string[] = ['gemeente', 'provincie', 'rijk', 'waterschap'];

/**
 * May the principal see this organisation (name, type) in the list of organisations? Public bodies are
 * reference data; any other organisation only within the principal's demo scope: a demo role sees the
 * demo market parties, never a real one (which real market parties take part is real data). SPEC §7.
 */
export function canSeeOrganisation(p: Principal, org: { type: string; synthetic: boolean }): boolean {
  return PUBLIC_BODIES.includes(org.type) || withinDemoScope(p, org);
}

/**
 * May the principal register organisations and correct them (the organisations register, issue 11 item 2)?
 * Administrators, and a province analyst who has a province. SPEC §1 / issue 11 item 5: "a province analyst sets
 * up tables and organisations within the province". A market party or corporation has no province (it may work
 * in several), so "within the province" cannot limit which ones: a province analyst may register and correct
 * any market party or corporation. Public bodies are reference data and are not registered here (canChangeOrganisation).
 */
export function canRegisterOrganisations(p: Principal): boolean {
  if (!(ORGANISATION_REGISTRAR_ROLES as readonly Role[]).includes(p.role)) return false;
  return p.role !== 'provincie_analist' || p.provincieCode !== null;
}

/**
 * May the principal correct this organisation (name, KvK number, website)? Who may register organisations
 * (canRegisterOrganisations), never a public body (gemeente, province, state, water board: reference data), and a
 * demo role only demo organisations (what a demo role registers is synthetic: createsSynthetic). SPEC §2, §7.
 */
export function canChangeOrganisation(p: Principal, org: { type: string; synthetic: boolean }): boolean {
  return canRegisterOrganisations(p) && !PUBLIC_BODIES.includes(org.type) && withinDemoScope(p, org);
}

/**
 * Does the principal see national figures built from fewer projects than the disclosure minimum
 * (src/domain/disclosure.ts)? Only those who may read the whole register (ministry, administrator);
 * everyone else gets the public version of such a figure. SPEC §1 (the public: aggregates only), §7.
 */
export function seesSmallFigures(p: Principal): boolean {
  return NATIONAL.includes(p.role);
}

/**
 * The part of the project register a principal may list: null means nothing at project level.
 * `syntheticOnly`: only the synthetic demo projects (demo principals, and the public in demo mode).
 */
export type ProjectScope =
  | { all: true; syntheticOnly?: true }
  | { gemeenteCodes?: string[]; provincieCodes?: string[]; regionId?: string; partyOrganisationId?: string; syntheticOnly?: true }
  | null;

/**
 * What every list, search, export and aggregate at project level draws on for this principal: the
 * same rule as canReadProject. `publicDemoData`: demo mode, where the public may list the synthetic
 * demo projects (never real ones). SPEC §7.
 */
export function projectScope(p: Principal, publicDemoData = false): ProjectScope {
  const scope = roleScope(p, publicDemoData);
  return scope !== null && syntheticDataOnly(p, publicDemoData) ? { ...scope, syntheticOnly: true } : scope;
}

/**
 * Do the principal's lists and figures draw on the synthetic demo projects only? Demo principals, and
 * the public in demo mode. Aggregates (dashboards, national figures, rounds) apply it like projectScope.
 */
export function syntheticDataOnly(p: Principal, publicDemoData = false): boolean {
  return p.demo || (p.kind === 'anonymous' && publicDemoData);
}

function roleScope(p: Principal, publicDemoData: boolean): ProjectScope {
  switch (p.role) {
    case 'beheerder':
    case 'ministerie_analist':
      return { all: true };
    case 'provincie_analist':
      return p.provincieCode ? { provincieCodes: [p.provincieCode] } : null;
    case 'tafel_secretaris':
      return p.regionId ? { regionId: p.regionId } : null;
    case 'gemeente_editor':
      return p.gemeenteCode ? { gemeenteCodes: [p.gemeenteCode] } : null;
    case 'marktpartij_editor':
      return p.organisationId ? { partyOrganisationId: p.organisationId } : null;
    case 'publiek':
      return p.kind === 'anonymous' && publicDemoData ? { all: true, syntheticOnly: true } : null;
  }
}

/**
 * How much of a table's quarterly round the principal sees: 'all' for those who may read the table,
 * 'own' for editors with projects in it (only their projects and organisation are listed), else null.
 * SPEC §1 (the secretary runs the round; parties update their own projects), §7.
 */
export function roundVisibility(p: Principal, area: AreaFacts, isPartyInRegion: boolean): 'all' | 'own' | null {
  if (canReadArea(p, area)) return 'all';
  if (p.role === 'gemeente_editor' && p.gemeenteCode !== null && area.gemeenteCodes.includes(p.gemeenteCode)) return 'own';
  if (p.role === 'marktpartij_editor' && isPartyInRegion) return 'own';
  return null;
}

/** Is this project in a round one of the editor's own: its gemeente, or one its organisation is party to? */
export function isOwnRoundProject(p: Principal, project: { gemeenteCode: string; organisationIds: readonly string[] }): boolean {
  if (p.role === 'gemeente_editor') return project.gemeenteCode === p.gemeenteCode;
  return p.organisationId !== null && project.organisationIds.includes(p.organisationId);
}

/**
 * May the principal see this unit of a breakdown of `area` (a province, region or gemeente the figures
 * are split into)? Only when the principal may read the area itself, and the unit either is an area
 * the principal may read, or lies wholly inside the area (it then shows nothing the area does not).
 * SPEC §7: a breakdown must not reach data beyond the caller's own area.
 */
export function canReadBreakdownUnit(p: Principal, area: AreaFacts, unit: AreaFacts): boolean {
  if (!canReadArea(p, area)) return false;
  if (canReadArea(p, unit)) return true;
  const inside = new Set(area.gemeenteCodes);
  return unit.gemeenteCodes.length > 0 && unit.gemeenteCodes.every((c) => inside.has(c));
}

/** The units of a breakdown the principal may see, and how many were left out. SPEC §7. */
export function readableBreakdown<T extends AreaFacts>(p: Principal, area: AreaFacts, units: readonly T[]): { units: T[]; omitted: number } {
  const readable = units.filter((u) => canReadBreakdownUnit(p, area, u));
  return { units: readable, omitted: units.length - readable.length };
}

/**
 * How much of a table's overview (Tafeloverzicht) the principal sees. 'full': everything, for those who
 * may read the area (canReadArea). 'member': the table's aggregates, and project-level items only of
 * projects the principal may read, for a gemeente of the table and a market party in a project in the
 * table's gemeenten. Only a defined region (versnellingstafel, woondealregio: `isTable`) has members; an
 * area such as a province or COROP area does not (else a gemeente would see all of its province). null:
 * nothing. SPEC §1 (gemeenten and market parties take part in their table), §7 (unpublished plans are
 * visible only to those involved; figures are aggregates).
 */
export type TableView = 'full' | 'member';
export function tableView(p: Principal, area: AreaFacts & { isTable: boolean }, isPartyInArea: boolean): TableView | null {
  if (canReadArea(p, area)) return 'full';
  if (!area.isTable) return null;
  if (p.role === 'gemeente_editor' && p.gemeenteCode !== null && area.gemeenteCodes.includes(p.gemeenteCode)) return 'member';
  if (p.role === 'marktpartij_editor' && p.organisationId !== null && isPartyInArea) return 'member';
  return null;
}

/**
 * May the principal see a table's alternatives (candidates to bring forward, with the table's expected
 * completions, target and shortfall)? A steering tool of the table: only those who may read the table
 * as a whole. The per-project alternatives apply the same rule to their table part. SPEC §1, §7.
 */
export function canReadTableAlternatives(p: Principal, area: AreaFacts): boolean {
  return canReadArea(p, area);
}

/**
 * The organisation a principal delivers for in a quarterly round: a gemeente editor for the gemeente
 * (the public side), a market party editor for its own organisation (the private side). Others
 * (secretary, administrator) are no party: they can only record a delivery on behalf of one. SPEC §2
 * "Quarterly round" (each party updates its own side).
 */
export function deliveringOrganisation(p: Principal, gemeenteOrganisationIdOf: (gemeenteCode: string) => string): string | null {
  if (p.role === 'gemeente_editor') return p.organisationId ?? (p.gemeenteCode ? gemeenteOrganisationIdOf(p.gemeenteCode) : null);
  if (p.role === 'marktpartij_editor') return p.organisationId;
  return null;
}

/**
 * "Mijn kwartaalronde" is a party's own work in the open rounds: for those who deliver for a gemeente or
 * a market party (deliveringOrganisation), else 403 saying who it is for. Returns the organisation it
 * delivers for and which projects are its own, as isOwnRoundProject decides: a gemeente editor's those of
 * its gemeente, a market party's those it is party to. SPEC §2 "Quarterly round".
 */
export function requireMayUseMyRound(
  p: Principal,
  gemeenteOrganisationIdOf: (gemeenteCode: string) => string,
): { organisationId: string; ownGemeenteCode: string | null; ownPartyOrganisationId: string | null } {
  requireSignedIn(p);
  const own = deliveringOrganisation(p, gemeenteOrganisationIdOf);
  if (own) {
    return p.role === 'gemeente_editor'
      ? { organisationId: own, ownGemeenteCode: p.gemeenteCode, ownPartyOrganisationId: null }
      : { organisationId: own, ownGemeenteCode: null, ownPartyOrganisationId: own };
  }
  throw new ForbiddenError(
    (PARTY_ROLES as readonly Role[]).includes(p.role)
      ? 'Uw account hoort niet bij een gemeente of marktpartij, dus er is geen kwartaalronde om bij te werken. Vraag de beheerder uw organisatie in te stellen.'
      : 'Mijn kwartaalronde is voor projectleiders van gemeenten en voor marktpartijen: zij werken elk kwartaal hun eigen projecten bij.',
  );
}

/** May the principal record a delivery on behalf of a party (explicit, with a reason, audited)? The table's secretary. */
export function canRecordOnBehalf(p: Principal, regionId: string): boolean {
  return canRunRound(p, regionId);
}

// ----- Requirements: what the services ask first (Immich `requireAccess`) -------------------------------
// Each throws the error the caller gets (401, 403, or 404 where a 403 would reveal that something exists)
// with its Dutch message; every service method calls one of these, or a rule above, before it returns
// or changes data (src/http/access-required.api.test.ts).

/** Who may call an endpoint: anyone, anyone signed in, or a role group above. */
export type EndpointAccess = 'public' | 'signed-in' | readonly Role[];

/** The endpoint gate: 401 for the public on a non-public endpoint, 403 for a role outside its group. SPEC §7. */
export function requireEndpointAccess(rule: EndpointAccess | undefined, p: Principal): void {
  if (!rule || rule === 'public') return;
  if (p.kind === 'anonymous') throw new UnauthorizedError();
  if (rule === 'signed-in') return;
  if (!rule.includes(p.role)) throw new ForbiddenError();
}

/**
 * Does the principal see the whole register's figures (the project count per gemeente, unhidden)? Only
 * those whose project scope is everything and real: a demo role sees the public counts. SPEC §1, §7.
 */
export function seesWholeRegister(p: Principal): boolean {
  const scope = projectScope(p);
  return scope !== null && 'all' in scope && !scope.syntheticOnly;
}

/** Data for whoever is signed in (settings such as the plancapaciteit norms): the public gets 401. SPEC §7. */
export function requireSignedIn(p: Principal): void {
  if (p.kind === 'anonymous') throw new UnauthorizedError();
}

/**
 * The projects collection of the OGC API Features endpoint (GIS tools): for the signed-in with a project scope,
 * in that scope; the public sees only the open-data collections there, also in demo mode (its collections carry
 * aggregates, never a project). SPEC §1 (public: "aggregated open data and maps"), §7.
 */
export function seesOgcProjects(p: Principal): boolean {
  return p.kind !== 'anonymous' && projectScope(p) !== null;
}

/** Items of the OGC projects collection: 401 for the public, 403 for a principal without a project scope. SPEC §7. */
export function requireOgcProjects(p: Principal): void {
  requireSignedIn(p);
  if (!seesOgcProjects(p)) throw new ForbiddenError('U heeft geen toegang tot projecten.');
}

/**
 * May the principal ask for projects at all? Without demo mode the public reads no project: 401 before
 * anything is looked up, so a real id and an unknown one answer alike. SPEC §7.
 */
export function requireMayAskForProjects(p: Principal, publicDemoData: boolean): void {
  if (p.kind === 'anonymous' && !publicDemoData) throw new UnauthorizedError();
}

/** The part of the register a principal lists; the public without demo mode must sign in (401). SPEC §7. */
export function requireProjectScope(p: Principal, publicDemoData: boolean): ProjectScope {
  const scope = projectScope(p, publicDemoData);
  if (scope === null && p.kind === 'anonymous') throw new UnauthorizedError();
  return scope;
}

/**
 * The principal may read this project, else 404 as for an unknown id (no leak of existence). The public:
 * in demo mode only synthetic projects (a real one answers exactly as an unknown id), otherwise 401. SPEC §7.
 */
export function requireReadableProject(p: Principal, project: ProjectFacts & { id: string }, publicDemoData: boolean): void {
  if (p.kind === 'anonymous') {
    if (publicDemoData && project.synthetic) return;
    if (publicDemoData) throw new NotFoundError('Project', project.id);
    throw new UnauthorizedError();
  }
  if (!canReadProject(p, project)) throw new NotFoundError('Project', project.id);
}

/** A deleted project's audit trail: readable by those who could read the project (its tombstone), else 404. SPEC §7. */
export function requireReadableDeletedProject(p: Principal, id: string, tombstone: ProjectFacts | null): void {
  if (!tombstone || !canReadProject(p, tombstone)) throw new NotFoundError('Project', id);
}

/** Creating a project in a gemeente: its gemeente (or an administrator). SPEC §1. */
export function requireMayCreateProject(p: Principal, gemeenteCode: string): void {
  if (!canCreateProject(p, gemeenteCode)) throw new ForbiddenError(`U mag geen projecten in gemeente ${gemeenteCode} aanmaken.`);
}

/** Deleting a project: its gemeente (or an administrator). SPEC §1. */
export function requireMayDeleteProject(p: Principal, project: ProjectFacts): void {
  if (!canEditProject(p, project)) throw new ForbiddenError('Alleen de gemeente van dit project mag het verwijderen.');
}

/**
 * Ending a plan — withdraw ("vervallen"), make active again, merge a duplicate into the record that stays —
 * is a change of the project's own data: whoever may change the project (the gemeente for its projects, an
 * administrator). Issue 12 item 2; SPEC §1, §7.
 */
export function canEndProject(p: Principal, project: Pick<ProjectFacts, 'gemeenteCode' | 'synthetic'>): boolean {
  return canEditProject(p, project);
}

export function requireMayEndProject(p: Principal, project: ProjectFacts): void {
  if (!canEndProject(p, project)) throw new ForbiddenError('Alleen de gemeente van dit project mag het plan laten vervallen of weer actief maken.');
}

/** Merging: the caller may change both records (the duplicate and the record that stays). */
export function requireMayMergeProjects(p: Principal, duplicate: ProjectFacts, into: ProjectFacts): void {
  if (!canEndProject(p, duplicate) || !canEndProject(p, into)) {
    throw new ForbiddenError('Alleen de gemeente van beide projecten mag ze samenvoegen.');
  }
}

/** Re-baselining: the table's secretary (or an administrator). SPEC §2. */
export function requireMayRebaseline(p: Principal, project: ProjectFacts): void {
  if (!canRebaseline(p, project)) {
    throw new ForbiddenError('Opnieuw baselinen is een besluit van de versnellingstafel: alleen de secretaris van de tafel kan dit vastleggen.');
  }
}

/**
 * May the principal add, change, escalate, resolve and delete the knelpunten of this project? The gemeente and the market
 * parties of the project (as for a milestone owned by both sides); the table's secretary reads them. SPEC §1, issue 12.
 */
export function canEditKnelpunten(p: Principal, project: ProjectFacts): boolean {
  return canEditMilestone(p, project, 'beide');
}

/** Knelpunten are raised and followed up by the gemeente and by the market parties of the project. SPEC §1. */
export function requireMayEditKnelpunten(p: Principal, project: ProjectFacts): void {
  if (!canEditKnelpunten(p, project)) {
    throw new ForbiddenError('Alleen de gemeente en de partijen van dit project mogen knelpunten bijwerken.');
  }
}

/** What a change to a project touches: the facts the owner-side rule needs (computed by the service). */
export interface ProjectChange {
  /** Anything but the milestones changes (name, programme, jaarschijven, parties, …). */
  projectData: boolean;
  /** The gemeente the project moves to, or null when it stays. */
  toGemeenteCode: string | null;
  /** Each changed milestone with the owner sides it had and gets. */
  milestones: ReadonlyArray<{ code: string; sides: readonly OwnerSide[] }>;
}

/**
 * May the principal make this change? The project's own data needs the gemeente (canEditProject), a move
 * also the new gemeente; each changed milestone needs its owner side, before and after (canEditMilestone).
 * SPEC §1, §2, §7.
 */
export function requireMayChangeProject(p: Principal, project: ProjectFacts, change: ProjectChange): void {
  if (change.projectData) {
    if (!canEditProject(p, project)) {
      throw new ForbiddenError(
        'Alleen de gemeente van dit project mag de projectgegevens wijzigen. U mag alleen de mijlpalen van uw eigen kant bijwerken.',
      );
    }
    if (change.toGemeenteCode !== null && !canCreateProject(p, change.toGemeenteCode)) {
      throw new ForbiddenError(`U mag geen projecten in gemeente ${change.toGemeenteCode} beheren.`);
    }
  }
  if (!canEditProject(p, project) && !canEditMilestone(p, project, 'beide')) throw new ForbiddenError('U mag dit project niet wijzigen.');
  for (const m of change.milestones) {
    for (const side of m.sides) {
      if (!canEditMilestone(p, project, side)) {
        const owner = side === 'publiek' ? 'de gemeente' : side === 'privaat' ? 'de marktpartij' : 'de gemeente of een marktpartij';
        throw new ForbiddenError(`Mijlpaal ${m.code} is van ${owner}; u mag deze niet wijzigen.`);
      }
    }
  }
}

const NO_AREA_ACCESS = 'U heeft geen toegang tot de gegevens van deze tafel of dit gebied.';

/** The area-level figures of a region or area: only for those who may read it (canReadArea), else 403. SPEC §7. */
export function requireReadableArea(p: Principal, area: AreaFacts): void {
  if (!canReadArea(p, area)) throw new ForbiddenError(NO_AREA_ACCESS);
}

/**
 * An area and its breakdown: the area must be readable (else 403); of the units, only those the principal
 * may read are kept, and how many were left out is said. SPEC §7.
 */
export function requireReadableAreaUnits<T extends AreaFacts>(p: Principal, area: AreaFacts, units: readonly T[]): { units: T[]; omitted: number } {
  requireReadableArea(p, area);
  return readableBreakdown(p, area, units);
}

/** Settings that have no demo copy and apply to real data (plancapaciteit norms): never a demo role. SPEC §7. */
export function requireMayChangeSharedSettings(p: Principal): void {
  if (!canChangeSharedSettings(p))
    throw new ForbiddenError('Met een demo-account kunt u geen plancapaciteitsnormen wijzigen: die gelden voor echte gegevens.');
}

/** Setting the plancapaciteit norm of an area (canChangeNorm): a demo role gets the shared-settings message. SPEC §3, §7. */
export function requireMayChangeNorm(p: Principal, area: AreaFacts): void {
  requireMayChangeSharedSettings(p);
  if (!canChangeNorm(p, area)) throw new ForbiddenError('U mag de plancapaciteitsnorm van dit gebied niet wijzigen.');
}

/** Registering an organisation (canRegisterOrganisations); a demo role's registration is synthetic demo data. SPEC §1, §7. */
export function requireMayRegisterOrganisations(p: Principal): void {
  if (!canRegisterOrganisations(p)) throw new ForbiddenError('Alleen een beheerder of een analist van een provincie mag organisaties registreren.');
}

/**
 * Correcting an organisation (canChangeOrganisation). An organisation outside the demo scope answers as an
 * unknown id (a demo role does not learn which real market parties take part). SPEC §2, §7.
 */
export function requireMayChangeOrganisation(p: Principal, org: { id: string; type: string; synthetic: boolean }): void {
  requireMayRegisterOrganisations(p);
  if (!withinDemoScope(p, org) && !PUBLIC_BODIES.includes(org.type)) throw new NotFoundError('Organisatie', org.id);
  if (PUBLIC_BODIES.includes(org.type))
    throw new ForbiddenError('Gemeenten, provincies, het Rijk en waterschappen komen uit de referentielijst en kunnen hier niet worden gewijzigd.');
  if (!canChangeOrganisation(p, org)) throw new ForbiddenError('U mag deze organisatie niet wijzigen.');
}

/**
 * May the principal merge duplicate organisations (issue 11 item 2, "merge duplicates with history kept")? The same
 * group that registers them (canRegisterOrganisations): administrators and a province analyst with a province.
 * Which pairs may merge is a rule of the organisations themselves (src/domain/organisation.ts mergeProblems).
 */
export function canMergeOrganisations(p: Principal): boolean {
  return canRegisterOrganisations(p);
}

/**
 * Merging `duplicate` into `kept` (canMergeOrganisations). An organisation the caller may not see (a real market
 * party for a demo role) answers as an unknown id, as for correcting one. SPEC §2, §7.
 */
export function requireMayMergeOrganisations(
  p: Principal,
  duplicate: { id: string; type: string; synthetic: boolean } | null,
  kept: { id: string; type: string; synthetic: boolean } | null,
  ids: { duplicate: string; kept: string },
): asserts duplicate is { id: string; type: string; synthetic: boolean } {
  if (!canMergeOrganisations(p)) throw new ForbiddenError('Alleen een beheerder of een analist van een provincie mag organisaties samenvoegen.');
  if (!duplicate || !canSeeOrganisation(p, duplicate)) throw new NotFoundError('Organisatie', ids.duplicate);
  if (!kept || !canSeeOrganisation(p, kept)) throw new NotFoundError('Organisatie', ids.kept);
}

/** Reading one organisation by id (canSeeOrganisation): one a demo role may not see answers as unknown. */
export function requireMaySeeOrganisation<T extends { type: string; synthetic: boolean }>(p: Principal, org: T | null, id: string): asserts org is T {
  if (p.kind === 'anonymous') throw new UnauthorizedError();
  if (!org || !canSeeOrganisation(p, org)) throw new NotFoundError('Organisatie', id);
}

/**
 * May the principal remove a person's data when they leave (pseudonymise their account; issue 11 item 3)? Administrators
 * only: it is irreversible and concerns anyone's account (not the province analysts and secretaries who manage people
 * in their area). SPEC §1, §7; AVG/GDPR art. 17.
 */
export function canPseudonymiseUsers(p: Principal): boolean {
  return p.userId !== null && (ADMIN_ROLES as readonly Role[]).includes(p.role);
}

/** Pseudonymising one account (canPseudonymiseUsers): a demo administrator only demo accounts; others answer as unknown. */
export function requireMayPseudonymise<T extends { isDemo: boolean }>(
  p: Principal,
  account: T | null,
  notFound: () => NotFoundError,
): asserts account is T {
  if (!p.userId) throw new UnauthorizedError();
  if (!canPseudonymiseUsers(p)) throw new ForbiddenError('Alleen een beheerder mag de gegevens van een account verwijderen.');
  if (!account || !withinDemoScope(p, { synthetic: account.isDemo })) throw notFound();
}

/** The geography a target write touches. */
export interface TargetGeoFacts {
  geoLevel: string;
  provincieCode: string | null;
  /** The target is (or, being created by the caller, becomes) synthetic demo data. */
  synthetic: boolean;
}

/** Writing targets of these geographies (canEditTargets): a demo role only demo targets, a province only its own. SPEC §1, §3, §7. */
export function requireMayEditTargets(p: Principal, geos: readonly TargetGeoFacts[]): void {
  for (const g of geos) {
    if (!withinDemoScope(p, g)) throw new ForbiddenError('Met een demo-account kunt u alleen demodoelen wijzigen, geen echte doelen.');
    if (!canEditTargets(p, { level: g.geoLevel, provincieCode: g.provincieCode, synthetic: g.synthetic })) {
      throw new ForbiddenError(
        g.provincieCode
          ? 'U mag alleen doelen van uw eigen provincie wijzigen.'
          : 'Alleen het ministerie of een beheerder mag landelijke doelen wijzigen.',
      );
    }
  }
}

/**
 * The view of a table's overview (tableView), else 403. `isPartyInArea`: whether the principal's
 * organisation is party to a project of the area (asked only when it matters, see memberPartyOrganisation).
 */
export function requireTableView(p: Principal, area: AreaFacts & { isTable: boolean }, isPartyInArea: boolean): TableView {
  const view = tableView(p, area, isPartyInArea);
  if (!view) throw new ForbiddenError(NO_AREA_ACCESS);
  return view;
}

const FULL_TABLE_ONLY = 'Het tafelrapport en de export met alle projecten zijn alleen voor wie de hele tafel mag inzien.';

/** The table report and the export of all its projects: only for those who see the whole table ('full'). SPEC §7. */
export function requireWholeTable(view: TableView): void {
  if (view !== 'full') throw new ForbiddenError(FULL_TABLE_ONLY);
}

/**
 * A table's alternatives: 'table' with the table's figures for those who may read them; asked for one of
 * its projects (`forProject`), 'candidates' only for everyone else; asked for the table, 403. SPEC §7.
 */
export function requireAlternativesView(p: Principal, area: AreaFacts, forProject: boolean): 'table' | 'candidates' {
  if (canReadTableAlternatives(p, area)) return 'table';
  if (!forProject) throw new ForbiddenError(NO_AREA_ACCESS);
  return 'candidates';
}

/**
 * The organisation whose party membership in an area decides a member view (tableView, roundVisibility):
 * a market party editor's own organisation; null for everyone else (nothing to look up).
 */
export function memberPartyOrganisation(p: Principal): string | null {
  return p.role === 'marktpartij_editor' ? p.organisationId : null;
}

/**
 * How much of a table's quarterly round the principal sees (roundVisibility), else 403 — or, asked by a
 * round's id (`roundId`), 404 as for an unknown round: an outsider does not learn that it exists. SPEC §1, §7.
 */
export function requireRoundVisibility(p: Principal, area: AreaFacts, isPartyInRegion: boolean, roundId?: string): 'all' | 'own' {
  const mode = roundVisibility(p, area, isPartyInRegion);
  if (mode) return mode;
  if (roundId !== undefined) throw new NotFoundError('Kwartaalronde', roundId);
  throw new ForbiddenError('U heeft geen toegang tot de kwartaalronde van deze tafel.');
}

/** Running (opening, closing, reminding) a table's round (canRunRound), else 403 with the reason. SPEC §2, §7. */
export function requireMayRunRound(p: Principal, regionId: string, tableHasRealProjects: boolean): void {
  if (canRunRound(p, regionId, tableHasRealProjects)) return;
  throw new ForbiddenError(
    tableHasRealProjects
      ? 'Met een demo-account kunt u de kwartaalronde van een tafel met echte projecten niet openen, sluiten of herinneren.'
      : 'Alleen de secretaris van deze versnellingstafel kan de kwartaalronde openen, sluiten of herinneren.',
  );
}

/** The project list of a closed round is the table's: an editor who sees only its own projects ('own') gets 403. SPEC §7. */
export function requireRoundOverview(mode: 'all' | 'own'): void {
  if (mode === 'own') throw new ForbiddenError('Het overzicht van een gesloten kwartaal is voor de tafel; bekijk uw eigen projecten per project.');
}

/**
 * For whom a confirmation in a round is: 'own' when the principal delivers for `organisationId` itself
 * (deliveringOrganisation); 'on-behalf' for another party, which only the table's secretary may record
 * (canRecordOnBehalf), else 403. SPEC §2 "Quarterly round".
 */
export function requireMayConfirmFor(p: Principal, regionId: string, organisationId: string | null, own: string | null): 'own' | 'on-behalf' {
  if (organisationId !== null && organisationId === own) return 'own';
  if (!canRecordOnBehalf(p, regionId)) throw new ForbiddenError('U kunt alleen de projecten van uw eigen organisatie bevestigen.');
  return 'on-behalf';
}

/** May the principal undo a round confirmation made for `organisationId`? Its own party's (`own`), or any for the table's secretary. SPEC §2. */
export function canUndoConfirmation(p: Principal, regionId: string, organisationId: string, own: string | null): boolean {
  return canRecordOnBehalf(p, regionId) || organisationId === own;
}

/** Signing in as a demo role: only while demo mode is on (403 otherwise). SPEC §7. */
export function requireDemoSignIn(demoMode: boolean): void {
  if (!demoMode) throw new ForbiddenError('De demomodus staat uit: aanmelden als demorol kan niet.');
}

/** Creating an API token: only a signed-in person (not an API token), else 401/403 (issue 8 item 10). */
export function requireMayCreateTokens(p: Principal): asserts p is Principal & { userId: string } {
  if (!p.userId) throw new UnauthorizedError();
  if (p.kind !== 'user') {
    throw new ForbiddenError('Een API-token kan alleen worden aangemaakt door iemand die in de browser is ingelogd, niet met een ander API-token.');
  }
}

/**
 * Listing an account's API tokens, before the account is looked up: one's own; another's only for an
 * administrator (403). Returns whether the account is someone else's (then requireMayManageTokensOf decides).
 */
export function requireMayListTokensOf(p: Principal, userId: string): 'own' | 'other' {
  if (!p.userId) throw new UnauthorizedError();
  if (userId === p.userId) return 'own';
  if (!ADMIN_ROLES.some((r) => r === p.role)) throw new ForbiddenError();
  return 'other';
}

/**
 * Listing or revoking the tokens of an account (canManageTokensOf): an account or token outside the
 * principal's reach answers exactly as an unknown one (`notFound`). SPEC §7.
 */
export function requireMayManageTokensOf<T extends { userId: string; isDemo: boolean }>(
  p: Principal,
  account: T | null,
  notFound: () => NotFoundError,
): asserts account is T {
  if (!p.userId || !account || !canManageTokensOf(p, account)) throw notFound();
}

/**
 * Managing one's browser sessions (listing them, ending one): only a signed-in person in the browser, else
 * 401/403. An API token has no browser session of its own and may not end its owner's sessions, as it may not
 * create tokens (requireMayCreateTokens). SPEC §7.
 */
export function requireMayManageOwnSessions(p: Principal): asserts p is Principal & { userId: string } {
  if (!p.userId) throw new UnauthorizedError();
  if (p.kind !== 'user') {
    throw new ForbiddenError('Sessies beheert u in de browser waarin u bent ingelogd, niet met een API-token.');
  }
}

/**
 * Ending a session: one's own only (requireMayManageOwnSessions first). Someone else's session answers exactly as
 * an unknown one (`notFound`), whatever the role: an administrator ends other people's sessions by deactivating
 * their account, never one by one. SPEC §7.
 */
export function requireMayManageSessionsOf<T extends { userId: string }>(
  p: Principal,
  session: T | null,
  notFound: () => NotFoundError,
): asserts session is T {
  requireMayManageOwnSessions(p);
  if (!session || session.userId !== p.userId) throw notFound();
}

// ----- People management and invitations (issue 11 items 3 and 5) -----------------------------------------

/**
 * Who invites people and manages their accounts: administrators (anyone), a province analyst (people working
 * within the province) and a table secretary (the table's gemeenten and member organisations); which people:
 * canAssignRoleScope. SPEC §1 (roles), issue 11 item 5 ("a province analyst sets up tables and organisations within
 * the province; a table secretary manages their own table's members and people").
 */
export const PEOPLE_MANAGER_ROLES = ['beheerder', 'provincie_analist', 'tafel_secretaris'] as const satisfies readonly Role[];

/** A versnellingstafel as the people rules see it: its id and the provinces of its current gemeenten. */
export interface TableFacts {
  id: string;
  provincieCodes: readonly string[];
}

/**
 * A role with its scope as the people rules see it (an invitation, an account, or a change being asked for), with
 * the geography loaded by the service: where the gemeente lies, the table's provinces, the organisation's tables.
 */
export interface RoleScopeFacts {
  role: Role;
  gemeenteCode: string | null;
  regionId: string | null;
  organisationId: string | null;
  provincieCode: string | null;
  /** The province of gemeenteCode (null without a gemeente). */
  gemeenteProvincieCode: string | null;
  /** The tables whose current gemeenten include gemeenteCode. */
  gemeenteTableIds: readonly string[];
  /** The table regionId with its provinces (null without a table). */
  table: TableFacts | null;
  /** The tables the organisation is a current member of (region_organisations, not left). */
  organisationTables: readonly TableFacts[];
  /** A demo account or invitation (synthetic: demo roles manage only these). */
  isDemo: boolean;
}

/** Does the whole table lie in this province (every gemeente of it)? */
function tableInProvince(table: TableFacts, provincieCode: string | null): boolean {
  return provincieCode !== null && table.provincieCodes.length > 0 && table.provincieCodes.every((c) => c === provincieCode);
}

/** May the principal manage people at all (list them, invite, change, deactivate)? PEOPLE_MANAGER_ROLES, with their area. SPEC §1. */
export function canManageUsers(p: Principal): boolean {
  if (p.userId === null || !(PEOPLE_MANAGER_ROLES as readonly Role[]).includes(p.role)) return false;
  if (p.role === 'provincie_analist') return p.provincieCode !== null;
  if (p.role === 'tafel_secretaris') return p.regionId !== null;
  return true;
}

/**
 * The roles the principal may invite people to or give them: an administrator every role; a province analyst a
 * gemeente's project leader, a table secretary and a market party's editor; a table secretary a gemeente's project
 * leader and a market party's editor. Which scope: canAssignRoleScope. SPEC §1, issue 11 item 5.
 */
export function invitableRoles(p: Principal): Role[] {
  if (!canManageUsers(p)) return [];
  if (p.role === 'beheerder') return ROLES.filter((r) => r !== 'publiek');
  if (p.role === 'provincie_analist') return ['gemeente_editor', 'tafel_secretaris', 'marktpartij_editor'];
  return ['gemeente_editor', 'marktpartij_editor'];
}

/**
 * May the principal give this role with this scope (invite someone to it, or see, change, deactivate an account that
 * has it)? Administrators any; a province analyst a gemeente in the province, a table whose gemeenten all lie in the
 * province, an organisation that is a member of such a table; a table secretary a gemeente of the table and a current
 * member organisation of the table. A demo role only demo accounts and invitations. SPEC §1, §7, issue 11 item 5.
 */
export function canAssignRoleScope(p: Principal, t: RoleScopeFacts): boolean {
  if (!canManageUsers(p) || !withinDemoScope(p, { synthetic: t.isDemo })) return false;
  if (p.role === 'beheerder') return true;
  if (!invitableRoles(p).includes(t.role)) return false;
  if (p.role === 'provincie_analist') {
    if (t.role === 'gemeente_editor') return t.gemeenteCode !== null && t.gemeenteProvincieCode === p.provincieCode;
    if (t.role === 'tafel_secretaris') return t.table !== null && tableInProvince(t.table, p.provincieCode);
    return t.organisationId !== null && t.organisationTables.some((table) => tableInProvince(table, p.provincieCode));
  }
  if (t.role === 'gemeente_editor') return t.gemeenteCode !== null && p.regionId !== null && t.gemeenteTableIds.includes(p.regionId);
  return t.organisationId !== null && t.organisationTables.some((table) => table.id === p.regionId);
}

/**
 * Does the principal manage this account as an administrator (any account; a demo administrator only demo accounts)?
 * Province analysts and table secretaries manage the people of their area: canManagePerson.
 */
export function canManageUser(p: Principal, account: { isDemo: boolean }): boolean {
  return p.userId !== null && (ADMIN_ROLES as readonly Role[]).includes(p.role) && withinDemoScope(p, { synthetic: account.isDemo });
}

/** May the principal manage this account (see it in the list, change, deactivate, reactivate)? canAssignRoleScope on its current role and scope. */
export function canManagePerson(p: Principal, account: RoleScopeFacts): boolean {
  return canAssignRoleScope(p, account);
}

/** Listing, inviting or changing people: PEOPLE_MANAGER_ROLES with their area (401 without an account, 403 otherwise). */
export function requireMayManageUsers(p: Principal): asserts p is Principal & { userId: string } {
  if (!p.userId) throw new UnauthorizedError();
  if (!canManageUsers(p)) {
    throw new ForbiddenError(
      'Alleen een beheerder, een analist van een provincie of de secretaris van een versnellingstafel beheert de accounts van anderen.',
    );
  }
}

/** Changing one account (canManageUser): an account outside the principal's reach answers exactly as an unknown one. */
export function requireMayManageUser<T extends RoleScopeFacts>(p: Principal, account: T | null, notFound: () => NotFoundError): asserts account is T {
  requireMayManageUsers(p);
  if (!account || !canManagePerson(p, account)) throw notFound();
}

const SCOPE_REFUSAL: Partial<Record<Role, string>> = {
  gemeente_editor: 'U mag alleen mensen uitnodigen of een rol geven voor een gemeente in uw eigen gebied.',
  tafel_secretaris: 'U mag alleen een secretaris aanwijzen voor een versnellingstafel in uw eigen provincie.',
  marktpartij_editor: 'U mag alleen mensen uitnodigen of een rol geven voor een organisatie die lid is van een tafel in uw eigen gebied.',
};

/**
 * Inviting someone to this role and scope, or giving an account this role and scope (canAssignRoleScope): a role
 * the principal may not give at all, or a scope outside their area, is refused (403, the reason in plain Dutch).
 * Nobody grants what they could not invite to. SPEC §1, §7.
 */
export function requireMayAssignRoleScope(p: Principal, t: RoleScopeFacts): void {
  requireMayManageUsers(p);
  if (!invitableRoles(p).includes(t.role)) throw new ForbiddenError(`U mag niemand de rol ${ROLE_LABELS[t.role]} geven.`);
  if (!canAssignRoleScope(p, t)) throw new ForbiddenError(SCOPE_REFUSAL[t.role] ?? 'U mag deze rol niet geven.');
}

/** Seeing or revoking an invitation (canAssignRoleScope on its role and scope): one outside the principal's reach answers as unknown. */
export function requireMayManageInvitation<T extends RoleScopeFacts>(
  p: Principal,
  invitation: T | null,
  notFound: () => NotFoundError,
): asserts invitation is T {
  requireMayManageUsers(p);
  if (!invitation || !canAssignRoleScope(p, invitation)) throw notFound();
}

/**
 * Nobody deactivates their own account or changes their own role: they would lock themselves out, perhaps leaving
 * nobody to undo it (422, with the reason in plain Dutch).
 */
export function requireNotOwnAccount(p: Principal, userId: string, change: 'deactivate' | { from: Role; to: Role }): void {
  if (p.userId !== userId || (change !== 'deactivate' && change.from === change.to)) return;
  throw new ValidationError([
    change === 'deactivate'
      ? { path: 'userId', code: 'own_account', message: 'U kunt uw eigen account niet uitzetten. Vraag een andere beheerder om dat te doen.' }
      : { path: 'role', code: 'own_account', message: 'U kunt uw eigen rol niet wijzigen. Vraag een andere beheerder om dat te doen.' },
  ]);
}

// ----- Versnellingstafels and woondeal regions set up in the application (issue 11 item 1) ---------------

/** Who sets up tables and regions (create, rename, end, change gemeenten): administrators and province analysts. SPEC §1, issue 11 item 5. */
export const REGION_SETUP_ROLES = ['beheerder', 'provincie_analist'] as const satisfies readonly Role[];
/** Who manages a table's member organisations: who sets up tables, and the table's own secretary. SPEC §1, issue 11 item 5. */
export const REGION_MEMBER_ROLES = ['beheerder', 'provincie_analist', 'tafel_secretaris'] as const satisfies readonly Role[];

/** What the region rules need: the provinces of every gemeente involved (old and new coverage) and the demo marking. */
export interface RegionAccessFacts {
  id: string;
  provincieCodes: readonly string[];
  /** Created by a demo account (demo data); example regions and real ones are not. */
  synthetic: boolean;
}

/**
 * May the principal set up tables at all (the Tafels inrichten page's create form)? An administrator, and a province
 * analyst who has a province. SPEC §1; issue 11 item 5: "a province analyst sets up tables … within the province".
 */
export function canSetUpRegions(p: Principal): boolean {
  if (!(REGION_SETUP_ROLES as readonly Role[]).includes(p.role)) return false;
  return p.role !== 'provincie_analist' || p.provincieCode !== null;
}

/**
 * May the principal create, rename, end or change the gemeenten of this region? An administrator any; a province
 * analyst only when every gemeente involved (old and new) lies in their province. A demo role only demo regions
 * (what it creates is synthetic: createsSynthetic), never the example regions, which everyone shares. SPEC §1, §7.
 */
export function canSetUpRegion(p: Principal, region: RegionAccessFacts): boolean {
  if (!canSetUpRegions(p) || !withinDemoScope(p, region)) return false;
  if (p.role === 'beheerder') return true;
  return region.provincieCodes.length > 0 && region.provincieCodes.every((c) => c === p.provincieCode);
}

/**
 * May the principal add or remove member organisations of this table? Who may set it up (canSetUpRegion), and the
 * table's own secretary (not its gemeenten); a demo role only demo regions. SPEC §1, issue 11 item 5.
 */
export function canManageRegionMembers(p: Principal, region: RegionAccessFacts): boolean {
  if (canSetUpRegion(p, region)) return true;
  return p.role === 'tafel_secretaris' && p.regionId === region.id && withinDemoScope(p, region);
}

/** Does the principal see the Tafels inrichten page: who sets up tables, and a secretary with a table. */
export function canOpenRegionAdmin(p: Principal): boolean {
  return canSetUpRegions(p) || (p.role === 'tafel_secretaris' && p.regionId !== null);
}

/** Setting up tables (canSetUpRegions), else 403 in plain Dutch. */
export function requireMaySetUpRegions(p: Principal): void {
  if (!canSetUpRegions(p)) throw new ForbiddenError('Alleen een beheerder of een analist van een provincie mag tafels en regio’s inrichten.');
}

/** Creating, renaming, ending or re-covering this region (canSetUpRegion), else 403 saying why. */
export function requireMaySetUpRegion(p: Principal, region: RegionAccessFacts): void {
  requireMaySetUpRegions(p);
  if (!withinDemoScope(p, region))
    throw new ForbiddenError('Met een demo-account kunt u alleen tafels wijzigen die met een demo-account zijn gemaakt.');
  if (!canSetUpRegion(p, region)) throw new ForbiddenError('U mag alleen tafels inrichten waarvan alle gemeenten in uw eigen provincie liggen.');
}

/** Adding or removing a table's member organisations (canManageRegionMembers), else 403. */
export function requireMayManageRegionMembers(p: Principal, region: RegionAccessFacts): void {
  if (!canManageRegionMembers(p, region)) {
    throw new ForbiddenError(
      p.demo && !region.synthetic
        ? 'Met een demo-account kunt u alleen tafels wijzigen die met een demo-account zijn gemaakt.'
        : 'Alleen de secretaris van deze tafel, een analist van de provincie of een beheerder mag de deelnemers wijzigen.',
    );
  }
}

/** Does the principal see a table secretary's e-mail address (others see the name)? Who may manage people (canManageUsers), within the demo scope. SPEC §1, §7. */
export function canSeeSecretaryContact(p: Principal, account: { isDemo: boolean }): boolean {
  return canManageUsers(p) && withinDemoScope(p, { synthetic: account.isDemo });
}

/** Reading a region's detail (gemeenten, history, members): anyone signed in (regions are reference data), else 401. */
export function requireMayReadRegion(p: Principal): void {
  requireSignedIn(p);
}

// ----- Alternatives from the gemeenten, the table's agenda, e-mail reminders (issue 12 items 6, 7, 8) -------------

/**
 * Who sees a table's proposals for alternatives (issue 12 item 6): 'all' for those who see the whole table
 * (canReadTableAlternatives: the proposals sit beside the ranked alternatives); 'own' for a gemeente of the table (its
 * own gemeente's proposals only: what another gemeente proposes is that gemeente's plan); else null. Only a defined
 * region (`isTable`) has gemeenten that propose. SPEC §1, §7; `001 § Afspraak 3B`.
 */
export function proposalsView(p: Principal, area: AreaFacts & { isTable: boolean }): 'all' | 'own' | null {
  if (canReadTableAlternatives(p, area)) return 'all';
  if (canProposeAlternative(p, area)) return 'own';
  return null;
}

/**
 * May the principal put forward an alternative for this table? A project leader of one of the table's gemeenten
 * (`001 § Afspraak 3B`: "gemeenten dragen alternatieve projecten aan op de versnellingstafel"). A demo role's proposal
 * is demo data (createsSynthetic).
 */
export function canProposeAlternative(p: Principal, area: AreaFacts & { isTable: boolean }): boolean {
  return area.isTable && p.role === 'gemeente_editor' && p.gemeenteCode !== null && area.gemeenteCodes.includes(p.gemeenteCode);
}

/** May the principal withdraw this proposal? Its gemeente's project leaders (the proposer), or an administrator; a demo role only demo proposals. */
export function canWithdrawProposal(p: Principal, proposal: { gemeenteCode: string; synthetic: boolean }): boolean {
  if (!withinDemoScope(p, proposal)) return false;
  return p.role === 'beheerder' || (p.role === 'gemeente_editor' && p.gemeenteCode === proposal.gemeenteCode);
}

/** A table's proposals (proposalsView), else 403. */
export function requireProposalsView(p: Principal, area: AreaFacts & { isTable: boolean }): 'all' | 'own' {
  const view = proposalsView(p, area);
  if (!view) throw new ForbiddenError(NO_AREA_ACCESS);
  return view;
}

/** Putting forward an alternative (canProposeAlternative), else 403 saying who may. */
export function requireMayProposeAlternative(p: Principal, area: AreaFacts & { isTable: boolean }): void {
  if (!canProposeAlternative(p, area)) {
    throw new ForbiddenError('Alleen een projectleider van een gemeente van deze tafel kan een alternatief voorstellen.');
  }
}

/**
 * Withdrawing a proposal: one the principal may not see (another gemeente's, or a real one for a demo role) answers
 * as unknown (`notFound`); one they see but may not withdraw is 403.
 */
export function requireMayWithdrawProposal<T extends { gemeenteCode: string; synthetic: boolean }>(
  p: Principal,
  view: 'all' | 'own',
  proposal: T | null,
  notFound: () => NotFoundError,
): asserts proposal is T {
  if (!proposal || !withinDemoScope(p, proposal) || (view === 'own' && proposal.gemeenteCode !== p.gemeenteCode)) throw notFound();
  if (!canWithdrawProposal(p, proposal)) throw new ForbiddenError('Alleen de gemeente die het voorstel deed, kan het intrekken.');
}

/**
 * May the principal read a table's meeting agenda (issue 12 item 7)? Those who see the whole table (canReadArea): the
 * agenda names every escalated knelpunt, delay and party of the table. SPEC §1 (the secretary prepares the table
 * meeting), §7.
 */
export function canReadTableAgenda(p: Principal, area: AreaFacts): boolean {
  return canReadArea(p, area);
}

/** The table's agenda (canReadTableAgenda), else 403. */
export function requireTableAgenda(p: Principal, area: AreaFacts): void {
  if (!canReadTableAgenda(p, area)) {
    throw new ForbiddenError('De agenda van het tafeloverleg is voor de secretaris van de tafel en wie de hele tafel mag inzien.');
  }
}

/**
 * May the principal have the monitor e-mail other people (the reminders of a round, issue 12 item 8)? Never a demo
 * role: anyone may sign in as one, and the mails go to real people's addresses. Who may remind at all: canRunRound.
 * SPEC §7.
 */
export function canMailPeople(p: Principal): boolean {
  return !p.demo;
}

/** Sending e-mail to people (canMailPeople), else 403 with the reason. */
export function requireMayMailPeople(p: Principal): void {
  if (!canMailPeople(p)) {
    throw new ForbiddenError('Met een demo-account worden geen e-mails verstuurd. Kopieer de maillijst als u het wilt proberen.');
  }
}

// ----- Open books (issue 12 item 5) --------------------------------------------------------------------------

/**
 * Is the principal one of the project's parties, as far as its open book goes? The gemeente as bevoegd gezag (a
 * project leader of the project's own gemeente) and a market party whose organisation is in the project's parties.
 * SPEC §1 (a developer shares open-book figures only with the table), §2 (parties with roles).
 */
function isOpenBookParty(p: Principal, project: ProjectFacts): boolean {
  if (p.role === 'gemeente_editor') return p.gemeenteCode !== null && p.gemeenteCode === project.gemeenteCode;
  if (p.role === 'marktpartij_editor') return p.organisationId !== null && project.partyOrganisationIds.includes(p.organisationId);
  return false;
}

/**
 * May the principal read the project's open-book figures (grondexploitatie totals, onrendabele top)? Only the
 * project's parties (its gemeente and the market parties in it) and the secretary of its versnellingstafel: the
 * figures are shared "only with the table" (SPEC §1), "visible only to the table's members" (SPEC §7), and the table
 * talks "op basis van het open boekenprincipe" (`001 § Afspraak 3B`). Never other organisations, the province or the
 * ministry (they read the project, not its books), nor the public. Not the beheerder either: an administrator runs the
 * monitor and belongs to no table, and issue 12 says "never by other organisations"; an administrator who must look
 * into the figures (a support question) does so with the database, not with the application. A demo role only
 * synthetic projects (withinDemoScope). (The figures a gemeente submits in an instrument application are that
 * application's, not these.)
 */
export function canReadOpenBook(p: Principal, project: ProjectFacts): boolean {
  if (!withinDemoScope(p, project) || !canReadProject(p, project)) return false;
  if (isOpenBookParty(p, project)) return true;
  return p.role === 'tafel_secretaris' && p.regionId !== null && project.regionIds.includes(p.regionId);
}

/**
 * May the principal enter or change the project's open-book figures? Its parties only (isOpenBookParty): the books
 * are theirs to open; the table's secretary reads them. SPEC §1, §2.
 */
export function canEditOpenBook(p: Principal, project: ProjectFacts): boolean {
  return withinDemoScope(p, project) && canReadProject(p, project) && isOpenBookParty(p, project);
}

/** Who reads the figures, in the words the refusal and the project page use. */
export const OPEN_BOOK_READERS = 'Alleen zichtbaar voor de partijen van dit project en de secretaris van de versnellingstafel.';

/** Reading the open book of a project the principal may read (canReadOpenBook), else 403 saying who may. SPEC §1, §7. */
export function requireMayReadOpenBook(p: Principal, project: ProjectFacts): void {
  if (!canReadOpenBook(p, project)) throw new ForbiddenError(`De cijfers van het open boek zijn niet voor uw account. ${OPEN_BOOK_READERS}`);
}

/** Entering the open book (canEditOpenBook), else 403 saying who may. SPEC §1, §2. */
export function requireMayEditOpenBook(p: Principal, project: ProjectFacts): void {
  if (!canEditOpenBook(p, project)) {
    throw new ForbiddenError('Alleen de partijen van dit project (de gemeente en de marktpartijen) mogen het open boek bijwerken.');
  }
}

/**
 * The entity types of a project's audit trail this principal does not see: the open-book changes (their amounts and
 * that they were made) for everyone who may not read the open book (canReadOpenBook). SPEC §7.
 */
export function hiddenAuditEntities(p: Principal, project: ProjectFacts): string[] {
  return canReadOpenBook(p, project) ? [] : [OPEN_BOOK_AUDIT_ENTITY];
}

/** The endpoint gate of GET /projects/{id}/open-book: the roles that can be a reader at all (canReadOpenBook decides per project). */
export const OPEN_BOOK_READER_ROLES = ['gemeente_editor', 'marktpartij_editor', 'tafel_secretaris'] as const satisfies readonly Role[];
/** The endpoint gate of PUT /projects/{id}/open-book: the parties' roles (canEditOpenBook decides per project). */
export const OPEN_BOOK_EDITOR_ROLES = PARTY_ROLES;

// ----- Planlijst import (issue 13 part 1, the web side) ---------------------------------------------------

/**
 * Who imports a planlijst through the API: a gemeente for its own gemeente, a province for its province, a table
 * secretary for the table's gemeenten, the ministry and administrators for all (issue 13 part 1; SPEC §1 roles).
 */
export const PLANLIJST_IMPORT_ROLES = [
  'gemeente_editor',
  'provincie_analist',
  'tafel_secretaris',
  'ministerie_analist',
  'beheerder',
] as const satisfies readonly Role[];

/** The area a principal may import into; the service turns it into gemeente codes. */
export type ImportArea = { all: true } | { gemeenteCode: string } | { provincieCode: string } | { regionId: string };

/**
 * The area of a planlijst import, or null: no import. Demo accounts import nothing (what a planlijst brings
 * in would be real-looking data; SPEC §7), nor does a role without its scope.
 */
export function planlijstImportArea(p: Principal): ImportArea | null {
  if (p.kind === 'anonymous' || p.demo) return null;
  switch (p.role) {
    case 'beheerder':
    case 'ministerie_analist':
      return { all: true };
    case 'provincie_analist':
      return p.provincieCode ? { provincieCode: p.provincieCode } : null;
    case 'tafel_secretaris':
      return p.regionId ? { regionId: p.regionId } : null;
    case 'gemeente_editor':
      return p.gemeenteCode ? { gemeenteCode: p.gemeenteCode } : null;
    default:
      return null;
  }
}

/** The import area, or 401 (public) / 403 (a role or account that does not import). */
export function requirePlanlijstImportArea(p: Principal): ImportArea {
  if (p.kind === 'anonymous') throw new UnauthorizedError();
  const area = planlijstImportArea(p);
  if (!area) throw new ForbiddenError(p.demo ? 'Met een demo-account kunt u geen planlijst importeren.' : 'U kunt geen planlijst importeren.');
  return area;
}

// ----- Financial instruments (issue 16; SPEC §1 users, §4) -------------------------------------------------

/**
 * Who opens the financial instruments (the web's "Financiële instrumenten" and the Realisatiestimulans figures):
 * the ministry and administrators nationally (SPEC §1: the ministry needs "the instruments"), a province analyst for
 * its province, a gemeente for its own gemeente (SPEC §1: a gemeente project leader needs to "see own
 * Realisatiestimulans"). (design) A table secretary and a market party are not paid by an instrument and see none.
 */
export const INSTRUMENT_ROLES = ['beheerder', 'ministerie_analist', 'provincie_analist', 'gemeente_editor'] as const satisfies readonly Role[];

/** The area whose Realisatiestimulans figures a principal may read; the service turns it into gemeente codes. */
export type InstrumentArea = { all: true } | { provincieCode: string } | { gemeenteCode: string };

/**
 * The Realisatiestimulans area of a principal, or null: none. Nationally the ministry and administrators; a
 * province analyst its province; a gemeente editor only its own gemeente (SPEC §4.1: only gemeenten receive it, and
 * one gemeente's figures are not another's business). A demo account reads the same area, over demo data only
 * (syntheticDataOnly). SPEC §1, §4.1, §7.
 */
export function realisatiestimulansArea(p: Principal): InstrumentArea | null {
  switch (p.role) {
    case 'beheerder':
    case 'ministerie_analist':
      return { all: true };
    case 'provincie_analist':
      return p.provincieCode ? { provincieCode: p.provincieCode } : null;
    case 'gemeente_editor':
      return p.gemeenteCode ? { gemeenteCode: p.gemeenteCode } : null;
    default:
      return null;
  }
}

/** Does the principal see the "Financiële instrumenten" entry and page at all? */
export function canOpenInstruments(p: Principal): boolean {
  return realisatiestimulansArea(p) !== null;
}

/** May the principal read this gemeente's Realisatiestimulans (figures, drill-down, exports)? */
export function canReadRealisatiestimulansOf(p: Principal, gemeente: { gemeenteCode: string; provincieCode: string }): boolean {
  const area = realisatiestimulansArea(p);
  if (area === null) return false;
  if ('all' in area) return true;
  if ('provincieCode' in area) return area.provincieCode === gemeente.provincieCode;
  return area.gemeenteCode === gemeente.gemeenteCode;
}

/** The principal's Realisatiestimulans area, or 401 (public) / 403 (a role that sees none). */
export function requireRealisatiestimulansArea(p: Principal): InstrumentArea {
  if (p.kind === 'anonymous') throw new UnauthorizedError();
  const area = realisatiestimulansArea(p);
  if (!area) throw new ForbiddenError('U kunt de Realisatiestimulans niet bekijken.');
  return area;
}

/**
 * Requires that the principal may read this gemeente's Realisatiestimulans. Another gemeente answers 404, as if it
 * did not exist, so a gemeente cannot probe which codes have figures (the same answer as an unknown code).
 */
export function requireMayReadRealisatiestimulansOf(p: Principal, gemeente: { gemeenteCode: string; provincieCode: string } | null): void {
  requireRealisatiestimulansArea(p);
  if (gemeente === null || !canReadRealisatiestimulansOf(p, gemeente)) throw new NotFoundError('gemeente', gemeente?.gemeenteCode ?? '');
}

// ----- Woningbouwimpuls and Gebiedsbudget (issue 16 parts 2–3; SPEC §1, §4.2, §4.3) ---------------------------

/**
 * Who runs the Woningbouwimpuls and the Gebiedsbudget: the ministry and administrators create tranches, enter the
 * toetsingscommissie's scores, rank and allocate, decide on gebiedsbudget requests and read every application
 * (`001 § Afspraak 19.2`: "De Minister … stelt een rangschikking op"). SPEC §1, §4.2.
 */
export const SUBSIDY_ADMIN_ROLES = NATIONAL_ROLES;
/**
 * The endpoint gate of the application endpoints: a gemeente (its own applications and requests) and the ministry
 * and administrators (all). A province, a table or a market party does not apply and does not read them: an
 * application holds the gemeente's grondexploitatie (open books). SPEC §1, §4.2, §7. (design)
 */
export const SUBSIDY_APPLICANT_ROLES = ['gemeente_editor', 'ministerie_analist', 'beheerder'] as const satisfies readonly Role[];

/** The endpoint gate of filing an application or request: a gemeente (for its own projects and gemeente). SPEC §4.2, §4.3. */
export const SUBSIDY_FILER_ROLES = ['gemeente_editor'] as const satisfies readonly Role[];

/** Which applications a principal lists: all (national roles), the own gemeente's (a gemeente editor) or none. */
export type SubsidyScope = { all: true; syntheticOnly: boolean } | { gemeenteCode: string; syntheticOnly: boolean } | null;

export function subsidyScope(p: Principal): SubsidyScope {
  const syntheticOnly = syntheticDataOnly(p);
  if ((SUBSIDY_ADMIN_ROLES as readonly Role[]).includes(p.role)) return { all: true, syntheticOnly };
  if (p.role === 'gemeente_editor' && p.gemeenteCode) return { gemeenteCode: p.gemeenteCode, syntheticOnly };
  return null;
}

/** May the principal read this application or request? The national roles all, a gemeente its own; demo roles synthetic ones only. */
export function canReadSubsidyApplication(p: Principal, application: { gemeenteCode: string; synthetic: boolean }): boolean {
  const scope = subsidyScope(p);
  if (scope === null || !withinDemoScope(p, application)) return false;
  return 'all' in scope || scope.gemeenteCode === application.gemeenteCode;
}

/** May the principal file or change an application for this project? Only the project's own gemeente (gemeente editor). */
export function canFileSubsidyApplication(p: Principal, project: { gemeenteCode: string; synthetic: boolean }): boolean {
  return p.role === 'gemeente_editor' && p.gemeenteCode === project.gemeenteCode && withinDemoScope(p, project);
}

/** The principal's scope, or 401 (public) / 403 (a role that applies for and reads none). */
export function requireSubsidyScope(p: Principal): NonNullable<SubsidyScope> {
  if (p.kind === 'anonymous') throw new UnauthorizedError();
  const scope = subsidyScope(p);
  if (!scope) throw new ForbiddenError('Aanvragen voor de Woningbouwimpuls en het Gebiedsbudget zijn alleen voor de gemeente en het ministerie.');
  return scope;
}

/** Reading one application: another gemeente's answers 404, as if it did not exist. */
export function requireMayReadSubsidyApplication<T extends { gemeenteCode: string; synthetic: boolean }>(
  p: Principal,
  application: T | null,
  what: string,
  id: string,
): asserts application is T {
  requireSubsidyScope(p);
  if (application === null || !canReadSubsidyApplication(p, application)) throw new NotFoundError(what, id);
}

/**
 * Filing or changing an application: the project's own gemeente, and for the Wbi only while the tranche's window is
 * open (`001 § Afspraak 19.2`: "Jaarlijks wordt er een aanvraagtijdvak geopend"). A project of another gemeente is 404
 * for a gemeente (it may not read it), 403 for other roles.
 */
export function requireMayFileSubsidyApplication(
  p: Principal,
  project: { id: string; gemeenteCode: string; synthetic: boolean },
  windowOpen = true,
): void {
  requireSubsidyScope(p);
  if (p.role === 'gemeente_editor' && !canFileSubsidyApplication(p, project)) throw new NotFoundError('Project', project.id);
  if (!canFileSubsidyApplication(p, project)) throw new ForbiddenError('Alleen de gemeente van het project dient een aanvraag in of past die aan.');
  if (!windowOpen) throw new ForbiddenError('Het aanvraagtijdvak van deze tranche is gesloten: aanvragen indienen of aanpassen kan niet meer.');
}

/** Filing a gebiedsbudget request: a gemeente editor, for its own gemeente; returns that gemeente's code. */
export function requireMayFileGebiedsbudget(p: Principal): string {
  requireSubsidyScope(p);
  if (p.role !== 'gemeente_editor' || !p.gemeenteCode) throw new ForbiddenError('Alleen een gemeente dient een aanvraag voor het Gebiedsbudget in.');
  return p.gemeenteCode;
}

/** Creating tranches, scoring, ranking, allocating, deciding and the decision list: the national roles. */
export function canAdministerSubsidies(p: Principal): boolean {
  return (SUBSIDY_ADMIN_ROLES as readonly Role[]).includes(p.role);
}
export function requireMayAdministerSubsidies(p: Principal): void {
  if (p.kind === 'anonymous') throw new UnauthorizedError();
  if (!canAdministerSubsidies(p)) throw new ForbiddenError('Alleen het ministerie beoordeelt en verdeelt de Woningbouwimpuls en het Gebiedsbudget.');
}

/** Who records earlier national contributions to a project (the deduction rule's data): the ministry and administrators. */
export const CONTRIBUTION_EDITOR_ROLES = NATIONAL_ROLES;

/**
 * May the principal record or remove an earlier national contribution (Woningbouwimpuls, Startbouwimpuls, RHA …)?
 * The ministry and administrators (design: the Rijk knows what it paid; `001 § 19.1` "wordt rekening gehouden met
 * bijdragen … uit eerdere rijksregelingen"). A demo account only on demo projects (the service checks the project).
 */
export function canRecordContributions(p: Principal): boolean {
  return (CONTRIBUTION_EDITOR_ROLES as readonly Role[]).includes(p.role);
}

export function requireMayRecordContributions(p: Principal): void {
  if (p.kind === 'anonymous') throw new UnauthorizedError();
  if (!canRecordContributions(p)) throw new ForbiddenError('Alleen het ministerie legt eerdere rijksbijdragen vast.');
}
