/**
 * Who may see and change what (SPEC §1 users, §7 confidentiality). Pure rules over a principal and
 * the facts of a resource; enforced by the services and the HTTP layer on every endpoint.
 */
import type { OwnerSide } from './codes.ts';

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

/** Is what this principal creates (projects, targets, imports) stored as synthetic demo data? SPEC §7. */
export function createsSynthetic(p: Principal): boolean {
  return p.demo;
}

const NATIONAL: readonly Role[] = ['beheerder', 'ministerie_analist'];

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
  if (!withinDemoScope(p, geo)) return false;
  if (NATIONAL.includes(p.role)) return true;
  return p.role === 'provincie_analist' && geo.provincieCode !== null && geo.provincieCode === p.provincieCode;
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

/** May the principal record a delivery on behalf of a party (explicit, with a reason, audited)? The table's secretary. */
export function canRecordOnBehalf(p: Principal, regionId: string): boolean {
  return canRunRound(p, regionId);
}
