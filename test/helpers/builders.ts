/**
 * Builders for hand-made domain values in tests: a complete value with neutral defaults, changed only
 * where a test says so, so a test shows just the fields its rule reads.
 */
import { milestoneDefinition, type MilestoneCode } from '../../src/domain/codes.ts';
import type { DashboardProject } from '../../src/domain/dashboard.ts';
import type { Milestone, ProjectInput } from '../../src/domain/project.ts';

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
