/** The project (plan) aggregate of the PPM. SPEC §2 "Project". */
import type {
  Doelgroep,
  KnelpuntCategory,
  MilestoneCode,
  Origin,
  OwnerSide,
  PartyRole,
  Phase,
  PlanStatus,
  ProjectFlag,
  Segment,
  StatusColour,
  Woningtype,
} from './codes.ts';
import type { IsoDate } from './dates.ts';
import type { ProjectLifecycle } from './withdrawal.ts';

/** Homes of one segment × type × target group in the programme. */
export interface ProgrammeLine {
  segment: Segment;
  woningtype: Woningtype;
  doelgroep: Doelgroep;
  homes: number;
}

/** Planned completions in one year for one segment. SPEC §2, `001 § Afspraak 3A`. */
export interface Jaarschijf {
  year: number;
  segment: Segment;
  homes: number;
}

/** A milestone with baseline (agreed plan), forecast and actual date. SPEC §2. */
export interface Milestone {
  code: MilestoneCode;
  ownerSide: OwnerSide;
  baselineDate: IsoDate | null;
  forecastDate: IsoDate | null;
  actualDate: IsoDate | null;
  /** Only for M12 (oplevering): homes delivered, may be partial. */
  homes: number | null;
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
  raisedDate: IsoDate;
  escalated: boolean;
  /** When it was escalated to the versnellingstafel; null when not escalated or escalated before this was kept. */
  escalatedOn: IsoDate | null;
  /** Why the table must pick it up (required for a new escalation, src/domain/knelpunt.ts). */
  escalationReason: string | null;
  resolution: string | null;
  resolvedDate: IsoDate | null;
  version: number;
}

export interface GeoPoint {
  lon: number;
  lat: number;
}

/** What a user supplies for a project; everything else is derived. */
export interface ProjectInput {
  name: string;
  gemeenteCode: string;
  description: string | null;
  planStatus: PlanStatus;
  origin: Origin;
  flags: ProjectFlag[];
  location: GeoPoint | null;
  /** True for generated demo data; shown wherever the project is displayed. */
  synthetic: boolean;
  programme: ProgrammeLine[];
  jaarschijven: Jaarschijf[];
  milestones: Milestone[];
  parties: Party[];
}

/** Figures derived from the input by the domain rules. */
export interface ProjectDerived {
  phase: Phase;
  status: StatusColour;
  totalHomes: number;
  affordableHomes: number;
  socialHomes: number;
  /** Largest delay in months over the milestones not yet achieved (0 if none). */
  maxDelayMonths: number;
}

export interface Project extends ProjectInput, ProjectDerived {
  id: string;
  provincieCode: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** Active, withdrawn ("vervallen") or merged into another record (src/domain/withdrawal.ts); absent: active. */
  lifecycle?: ProjectLifecycle;
}
