/**
 * Response types of /api/v1, mirroring the zod schemas in src/http/schemas (see /api/v1/openapi.json).
 * Codes reuse the union types of src/domain/codes.ts so a new code shows up here at compile time.
 */
import type {
  Doelgroep,
  KnelpuntCategory,
  MilestoneCode,
  Origin,
  OrganisationType,
  OwnerSide,
  PartyRole,
  Phase,
  PlanStatus,
  ProjectFlag,
  Segment,
  StatusColour,
  Woningtype,
} from '../labels.ts';
import type { Principal, Role } from '../../../src/domain/access.ts';

export type DelaySeverity = 'geen' | 'vertraagd' | 'ernstig';

export interface GeoPoint {
  lon: number;
  lat: number;
}

export interface ProjectSummary {
  id: string;
  name: string;
  gemeenteCode: string;
  gemeenteName: string;
  provincieCode: string;
  description: string | null;
  planStatus: PlanStatus;
  origin: Origin;
  flags: ProjectFlag[];
  location: GeoPoint | null;
  synthetic: boolean;
  phase: Phase;
  status: StatusColour;
  totalHomes: number;
  affordableHomes: number;
  socialHomes: number;
  maxDelayMonths: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** Sums over all projects matching the list's filters (not only the page). */
export interface ListSums {
  homes: number;
  affordableHomes: number;
  socialHomes: number;
  yearHomes: number | null;
  openKnelpunten: number | null;
  delayedMilestones: number | null;
}

export interface ProjectList {
  items: ProjectSummary[];
  total: number;
  sums?: ListSums;
}

export interface ProgrammeLine {
  segment: Segment;
  woningtype: Woningtype;
  doelgroep: Doelgroep;
  homes: number;
}

export interface Jaarschijf {
  year: number;
  segment: Segment;
  homes: number;
}

export interface Milestone {
  code: MilestoneCode;
  ownerSide: OwnerSide;
  baselineDate: string | null;
  forecastDate: string | null;
  actualDate: string | null;
  homes: number | null;
  delay: { months: number; severity: DelaySeverity };
}

export interface Party {
  organisationId: string;
  role: PartyRole;
}

export interface Knelpunt {
  id: string;
  projectId: string;
  category: KnelpuntCategory;
  description: string;
  owner: string | null;
  raisedDate: string;
  escalated: boolean;
  resolution: string | null;
  resolvedDate: string | null;
  version: number;
}

export interface Issue {
  path: string;
  code: string;
  message: string;
}

/** A project with all its parts (GET /projects/:id). `gemeenteName` is not part of the detail. */
export interface ProjectDetail extends Omit<ProjectSummary, 'gemeenteName'> {
  programme: ProgrammeLine[];
  jaarschijven: Jaarschijf[];
  milestones: Milestone[];
  parties: Party[];
  knelpunten: Knelpunt[];
  warnings: Issue[];
}

export interface Provincie {
  code: string;
  name: string;
}

export interface Gemeente {
  code: string;
  name: string;
  provincieCode: string;
  provincieName: string;
  coropCode: string;
  coropName: string;
  /** Null for the public where fewer than 3 projects (src/domain/disclosure.ts). */
  projectCount: number | null;
}

export interface Organisation {
  id: string;
  name: string;
  type: OrganisationType;
  gemeenteCode: string | null;
  synthetic: boolean;
}

/** RFC 9457 problem details as the API sends them. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: Issue[];
  currentVersion?: number;
}

export interface MilestoneChange {
  version: number;
  forecastDate?: string | null;
  actualDate?: string | null;
}

// ---------------------------------------------------------------------------------------------
// Sign-in (src/http/routes/auth.routes.ts)

export type { Principal, Role };

/** GET /auth/me: who is signed in (the public when nobody). */
export interface Me {
  principal: Principal;
  /** Sent as X-CSRF-Token with every change made with the session cookie. */
  csrfToken: string | null;
  /** Signed in as a demo role: the UI marks this clearly. */
  demo: boolean;
  demoModeAvailable: boolean;
  oidcAvailable: boolean;
}

// ---------------------------------------------------------------------------------------------
// Regions and the table dashboard (src/http/routes/dashboard.routes.ts, reference.routes.ts)

export type RegionKind = 'woondealregio' | 'versnellingstafel';

export interface Region {
  id: string;
  kind: RegionKind;
  name: string;
  gemeenteCodes: string[];
}

/** A defined region, or an area of the reference geography used as one (`gemeente:GM0363`, `corop:CR23`, `provincie:PV27`). */
export interface Area extends Omit<Region, 'kind'> {
  kind: RegionKind | 'gebied';
}

export type TargetBasis = 'vastgesteld' | 'geschat' | 'onbekend';

export interface DashboardTarget {
  year: number;
  homesPerYear: number | null;
  basis: TargetBasis;
  explanation: string;
}

export interface DashboardYear {
  year: number;
  expected: number;
  expectedHard: number;
  affordable: number;
  social: number;
  bySegment: Partial<Record<Segment, number>>;
  target: number | null;
  gap: number | null;
}

export interface Count {
  projects: number;
  homes: number;
}

export interface DelayedMilestone {
  projectId: string;
  projectName: string;
  code: MilestoneCode;
  baselineDate: string;
  forecastDate: string;
  months: number;
  severity: 'vertraagd' | 'ernstig';
}

export interface MapPoint {
  id: string;
  name: string;
  lon: number;
  lat: number;
  status: StatusColour;
  homes: number;
}

export interface Dashboard {
  region: Area;
  years: number[];
  targets: DashboardTarget[];
  summary: {
    totals: {
      projects: number;
      homes: number;
      affordableHomes: number;
      socialHomes: number;
      affordableShare: number;
      socialShare: number;
      syntheticProjects: number;
    };
    perYear: DashboardYear[];
    byPhase: (Count & { phase: Phase })[];
    byPlanStatus: (Count & { planStatus: PlanStatus })[];
    byStatus: { status: StatusColour; projects: number }[];
    delayedMilestones: { count: number; serious: number; projects: number; items: DelayedMilestone[] };
    /** Projects with a forecast in the past and no actual date ("prognose verstreken"). */
    expiredForecasts: { projects: number };
    knelpunten: { category: KnelpuntCategory; open: number; escalated: number; projects: number }[];
    mapPoints: MapPoint[];
  };
  /**
   * 'member': a gemeente of the table or a market party in one of its projects: all figures of the table, but
   * delayed milestones and map points only of the `ownProjects` the caller may read.
   */
  access: { view: 'full' | 'member'; ownProjects: number };
}

export interface AlternativeCandidate {
  projectId: string;
  projectName: string;
  gemeenteCode: string;
  kind: 'naar_voren_halen' | 'programma_uitbreiden';
  score: number;
  homesLater: number;
  reasons: string[];
}

export interface Alternatives {
  region: Area;
  year: number;
  /** null (with target and shortfall) when the caller may not read the table as a whole. */
  expected: number | null;
  target: number | null;
  shortfall: number | null;
  /** Why the table's figures are left out; null when they are shown. */
  tableFiguresNote: string | null;
  candidates: AlternativeCandidate[];
}

// ---------------------------------------------------------------------------------------------
// Quarterly round (src/http/schemas/round.schemas.ts)

export type DeliveryVia = 'gewijzigd' | 'bevestigd';

export interface RoundSummary {
  id: string;
  regionId: string;
  regionName: string;
  /** 'YYYY-Qn' */
  quarter: string;
  deadline: string;
  status: 'open' | 'gesloten';
  openedAt: string;
  closedAt: string | null;
  /** Projects frozen when the round closed (null while open). */
  projectCount: number | null;
}

export interface RoundList {
  items: RoundSummary[];
  total: number;
}

export interface OrganisationDelivery {
  organisationId: string;
  name: string;
  type: OrganisationType | null;
  total: number;
  delivered: number;
  outstanding: number;
  /** Of the delivered ones, recorded on the organisation's behalf by the secretary. */
  onBehalf: number;
}

/** One party's delivery of its own side of a project. */
export interface PartyDelivery {
  organisationId: string;
  side: 'publiek' | 'privaat';
  via: DeliveryVia | null;
  at: string | null;
  onBehalf: { by: string; reason: string } | null;
  batchId: string | null;
}

export interface ExpiredForecast {
  code: MilestoneCode;
  ownerSide: 'publiek' | 'privaat' | 'beide';
  forecastDate: string;
}

export interface ProjectDelivery {
  projectId: string;
  name: string;
  gemeenteCode: string;
  gemeenteName: string;
  delivered: boolean;
  via: DeliveryVia | null;
  updatedAt: string;
  confirmedAt: string | null;
  organisationIds: string[];
  parties: PartyDelivery[];
  /** Milestones whose forecast has passed without an actual date. */
  expiredForecasts: ExpiredForecast[];
}

export interface RoundDetail extends RoundSummary {
  delivery: { total: number; delivered: number; changed: number; confirmed: number; outstanding: number; withoutParty: number };
  projects: ProjectDelivery[];
  organisations: OrganisationDelivery[];
}

export interface ConfirmProjectRef {
  projectId: string;
  name: string;
  gemeenteName: string;
}

export interface ConfirmPreview {
  organisationId: string;
  organisationName: string;
  onBehalf: boolean;
  projects: ConfirmProjectRef[];
  refused: (ConfirmProjectRef & { message: string })[];
}

export interface ConfirmResult {
  confirmedProjectIds: string[];
  batchId: string;
  organisationId: string;
  refused: (ConfirmProjectRef & { message: string })[];
  round: RoundDetail;
}

export interface UndoResult {
  undoneProjectIds: string[];
  round: RoundDetail;
}

export interface Reminder extends OrganisationDelivery {
  projects: { id: string; name: string; gemeenteName: string }[];
}

export interface Reminders {
  round: RoundSummary;
  items: Reminder[];
}

export interface ProjectChange {
  kind: string;
  field: string;
  from: string | number | boolean | null;
  to: string | number | boolean | null;
  months?: number;
  days?: number;
  milestoneCode?: MilestoneCode;
  segment?: Segment;
  year?: number;
  knelpuntId?: string;
  organisationId?: string;
  reason?: string;
  message: string;
}

export interface ProjectChanges {
  projectId: string;
  since: RoundSummary | null;
  changes: ProjectChange[];
}

export interface ProjectSnapshot {
  round: RoundSummary;
  delivery: DeliveryVia | null;
  name: string;
  phase: Phase;
  status: StatusColour;
  planStatus: PlanStatus;
  totalHomes: number;
  maxDelayMonths: number;
  version: number;
}

export interface ProjectSnapshots {
  items: ProjectSnapshot[];
  total: number;
}

export interface BaselineHistoryEntry {
  id: string;
  projectId: string;
  changedAt: string;
  projectVersion: number;
  reason: string;
  changes: { code: MilestoneCode; from: string | null; to: string | null }[];
}

export interface RebaselineRequest {
  version: number;
  reason: string;
  milestones: { code: MilestoneCode; baselineDate: string | null }[];
}

// ----- national roll-up (GET /national/overview; src/http/schemas/national.schemas.ts) -----------------

export type TargetBasisCode = 'vastgesteld' | 'geschat' | 'onbekend';

export interface NationalProductionYear {
  year: number;
  planned: number;
  expected: number;
  expectedAffordable: number;
  expectedSocial: number;
  p10: number | null;
  p50: number | null;
  p90: number | null;
  target: number | null;
  targetBasis: TargetBasisCode;
  gap: number | null;
  gapP50: number | null;
  attainment: number | null;
  /** CBS nieuwbouw (81955NED); null after 2020. */
  realisedCbs: number | null;
  opleveringenMonitor: number;
  affordableShare: number | null;
  socialShare: number | null;
  /** Public version: this year's forecast rests on fewer than 3 projects and is not shown. */
  suppressed?: boolean;
}

export interface NationalAttainment {
  name: string;
  year: number;
  /** Null in the public version where built from fewer than 3 projects (`suppressed`). */
  planned: number | null;
  expected: number | null;
  p10: number | null;
  p50: number | null;
  p90: number | null;
  target: number | null;
  targetBasis: TargetBasisCode;
  attainment: number | null;
  attainmentP50: number | null;
  gap: number | null;
  suppressed?: boolean;
}

export interface PpmArea {
  id: string;
  kind: string;
  name: string;
  gemeenten: number;
  /** Counts are null in the public version where built from fewer than 3 projects (`suppressed`). */
  projects: number | null;
  ppmInUse: boolean;
  /** Quarterly rounds ever opened; without one there is no share updated ("nog geen kwartaalronde"). */
  roundsOpened: number;
  roundOpened: boolean;
  updatedThisQuarter: number | null;
  updatedShare: number | null;
  overdue: number | null;
  overdueShare: number | null;
  overdueParties: number | null;
  lastUpdate: string | null;
  suppressed?: boolean;
}

/** A public figure: null where hidden by the rule (fewer than 3 projects, src/domain/disclosure.ts). */
export interface PublicFigure {
  projects: number | null;
  homes: number | null;
  suppressed: boolean;
}

export interface PublicAreaAggregate extends PublicFigure {
  code: string;
  name: string;
  provincieCode: string | null;
  byPhase: (PublicFigure & { phase: Phase })[];
  byPlanStatus: (PublicFigure & { planStatus: PlanStatus })[];
  bySegment: (PublicFigure & { segment: Segment })[];
}

export interface PublicAggregates {
  level: 'gemeente' | 'provincie';
  minProjects: number;
  rule: string;
  total: PublicFigure;
  items: PublicAreaAggregate[];
}

export type TargetUnit = 'woningen' | 'woningen_per_jaar' | 'aandeel' | 'kamers';

export interface SpecialTarget {
  targetId: string;
  metric: string;
  label: string;
  target: { value: number; unit: TargetUnit; periodStart: number; periodEnd: number; sourceRef: string | null; sourceUrl: string | null; note: string | null };
  measurable: boolean;
  measuredOver: { from: number; to: number } | null;
  measured: number | null;
  progress: number | null;
  status: 'op_koers' | 'achter' | 'onbekend' | 'ter_vergelijking';
  explanation: string;
}

export interface NationalOverview {
  asOf: string;
  year: number;
  assumptions: { byPlanStatus: Record<string, number>; source: string; validFrom: string };
  simulation: {
    runs: number;
    seed: number;
    fromYear: number;
    toYear: number;
    delays: { samples: number; meanMonths: number; p10: number; p50: number; p90: number; source: string };
    method: string;
  };
  production: {
    target: { homesPerYear: number | null; basis: TargetBasisCode; explanation: string; year: number };
    source: string;
    years: NationalProductionYear[];
  };
  affordability: {
    year: number;
    expected: number;
    affordableShare: number | null;
    socialShare: number | null;
    targetAffordableShare: number;
    targetSocialShare: number;
    /** Years the share targets apply to; no verdict outside them. */
    affordableYears: { from: number; to: number } | null;
    socialYears: { from: number; to: number } | null;
    meetsAffordable: boolean | null;
    meetsSocial: boolean | null;
  };
  specialTargets: SpecialTarget[];
  provinces: (NationalAttainment & { code: string })[];
  regions: (NationalAttainment & { id: string; kind: string })[];
  ppm: { quarter: string; quarterStart: string; overdueBefore: string; rule: string; regions: PpmArea[]; provinces: PpmArea[] };
  notes: string[];
  /** The public version (everyone but the ministry and administrators): the rule that hid small figures. */
  disclosure?: { minProjects: number; rule: string } | null;
}
