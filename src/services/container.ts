/** Wiring: database → repositories → services. The only place that knows all of them. */
import { createBaselineHistoryRepository } from '../storage/baseline.repository.ts';
import type { Db } from '../storage/db.ts';
import { createGeographyRepository } from '../storage/geography.repository.ts';
import { createOrganisationRepository } from '../storage/organisation.repository.ts';
import { createKnelpuntRepository, createProjectRepository } from '../storage/project.repository.ts';
import { createRoundRepository } from '../storage/round.repository.ts';
import { createDashboardRepository } from '../storage/dashboard.repository.ts';
import { createDashboardService } from './dashboard.service.ts';
import { createDemoSeedService } from './demo-seed.service.ts';
import { createProjectService } from './project.service.ts';
import { createReferenceService } from './reference.service.ts';
import { createRoundService } from './round.service.ts';

export function createServices(db: Db) {
  const geography = createGeographyRepository();
  const organisations = createOrganisationRepository();
  const projects = createProjectRepository();
  const knelpunten = createKnelpuntRepository();
  const rounds = createRoundRepository();
  const baselineHistory = createBaselineHistoryRepository();
  const dashboards = createDashboardRepository();
  return {
    db,
    repositories: { geography, organisations, projects, knelpunten },
    projects: createProjectService({ db, projects, knelpunten, geography, organisations, baselineHistory }),
    rounds: createRoundService({ db, rounds, projects, knelpunten, baselineHistory }),
    reference: createReferenceService({ db, geography, organisations }),
    dashboard: createDashboardService({ db, dashboards, geography }),
    demoSeed: createDemoSeedService({ db, projects, knelpunten, organisations }),
  };
}

export type Services = ReturnType<typeof createServices>;
