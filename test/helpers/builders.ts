/**
 * Builders for hand-made domain values in tests: a complete value with neutral defaults, changed only
 * where a test says so, so a test shows just the fields its rule reads.
 */
import { milestoneDefinition, type MilestoneCode } from '../../src/domain/codes.ts';
import type { DashboardProject } from '../../src/domain/dashboard.ts';
import { deriveProject } from '../../src/domain/derive.ts';
import type { NationalProject } from '../../src/domain/forecast.ts';
import type { Jaarschijf, Milestone, ProgrammeLine, Project, ProjectInput } from '../../src/domain/project.ts';

/** A milestone with no dates and no homes, owned by the first side its definition allows. */
export function milestone(code: MilestoneCode, fields: Partial<Omit<Milestone, 'code'>> = {}): Milestone {
  return {
    code,
    ownerSide: milestoneDefinition(code).allowedOwners[0],
    baselineDate: null,
    forecastDate: null,
    actualDate: null,
    homes: null,
    ...fields,
  };
}

/** A project as the table overview sees it: no homes, no milestones, green, in the initiative phase. */
export function dashboardProject(fields: Partial<DashboardProject> & Pick<DashboardProject, 'id' | 'name'>): DashboardProject {
  return {
    gemeenteCode: 'GM0001',
    planStatus: 'onbekend',
    phase: 'initiatief',
    status: 'groen',
    totalHomes: 0,
    affordableHomes: 0,
    socialHomes: 0,
    location: null,
    synthetic: false,
    jaarschijven: [],
    milestones: [],
    knelpunten: [],
    ...fields,
  };
}

/** A project as entered: a named, adopted plan in Amsterdam with no programme, milestones or parties. */
export function projectInput(fields: Partial<ProjectInput> = {}): ProjectInput {
  return {
    name: 'Testproject Oostpoort',
    gemeenteCode: 'GM0363',
    description: null,
    planStatus: 'vastgesteld',
    origin: 'nieuwbouw',
    flags: [],
    location: null,
    synthetic: false,
    programme: [],
    jaarschijven: [],
    milestones: [],
    parties: [],
    ...fields,
  };
}

/**
 * A project as stored: `projectInput` with these fields, its derived fields (no rounds yet), a new id and
 * version 1, in Noord-Holland (PV27, the province of the default gemeente) unless `provincieCode` says otherwise.
 */
export function storedProject(fields: Partial<Project> = {}): Project {
  const input = projectInput(fields);
  return {
    ...input,
    ...deriveProject(input, []),
    id: crypto.randomUUID(),
    provincieCode: 'PV27',
    version: 1,
    createdAt: '',
    updatedAt: '',
    ...fields,
  };
}

/** A milestone as entered through the API: its code and only the dates (or homes) given. */
export type MilestoneEntry = Pick<Milestone, 'code'> & Partial<Omit<Milestone, 'code'>>;

/**
 * The plan of a typical project (new each call, so a test may change it): 150 flats — 60 social rent and
 * 40 mid rent in 2028, 50 owner-occupied in 2029 — with the plan adopted (M06) and start and
 * completion planned (M09, M11, M12), start a month late and completion three months late.
 */
export function samplePlan(): { programme: ProgrammeLine[]; jaarschijven: Jaarschijf[]; milestones: MilestoneEntry[] } {
  return {
    programme: [
      { segment: 'sociale_huur', woningtype: 'gestapeld', doelgroep: 'regulier', homes: 60 },
      { segment: 'middenhuur', woningtype: 'gestapeld', doelgroep: 'regulier', homes: 40 },
      { segment: 'vrije_sector_koop', woningtype: 'gestapeld', doelgroep: 'regulier', homes: 50 },
    ],
    jaarschijven: [
      { year: 2028, segment: 'sociale_huur', homes: 60 },
      { year: 2028, segment: 'middenhuur', homes: 40 },
      { year: 2029, segment: 'vrije_sector_koop', homes: 50 },
    ],
    milestones: [
      { code: 'M06', baselineDate: '2025-03-01', actualDate: '2025-04-15' },
      { code: 'M09', baselineDate: '2026-01-01', forecastDate: '2026-02-01' },
      { code: 'M11', baselineDate: '2026-06-01', forecastDate: '2026-07-01' },
      { code: 'M12', baselineDate: '2028-06-01', forecastDate: '2028-09-01' },
    ],
  };
}

/** A project as the national roll-up reads it (src/domain/national.ts): a vastgesteld nieuwbouw project without homes, plus `fields`. */
export function nationalProject(fields: Partial<NationalProject> = {}): NationalProject {
  return {
    key: 1,
    gemeenteCode: 'GM0001',
    planStatus: 'vastgesteld',
    origin: 'nieuwbouw',
    flags: [],
    corporatie: false,
    totalHomes: 0,
    programmeHomes: 0,
    elderlyHomes: 0,
    studentHomes: 0,
    m12: null,
    m12Homes: null,
    m11: null,
    years: [],
    segments: [],
    homes: [],
    ...fields,
  };
}
