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

export interface ProjectList {
  items: ProjectSummary[];
  total: number;
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
  projectCount: number;
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
