/** Wiring: database → repositories → services. The only place that knows all of them. */
import type { Db } from '../storage/db.ts';
import { createGeographyRepository } from '../storage/geography.repository.ts';
import { createOrganisationRepository } from '../storage/organisation.repository.ts';
import { createKnelpuntRepository, createProjectRepository } from '../storage/project.repository.ts';
import { createDashboardRepository } from '../storage/dashboard.repository.ts';
import { createDashboardService } from './dashboard.service.ts';
import { createDemoSeedService } from './demo-seed.service.ts';
import { createProjectService } from './project.service.ts';
import { createReferenceService } from './reference.service.ts';

export function createServices(db: Db) {
  const geography = createGeographyRepository();
  const organisations = createOrganisationRepository();
  const projects = createProjectRepository();
  const knelpunten = createKnelpuntRepository();
  const dashboards = createDashboardRepository();
  return {
    db,
    repositories: { geography, organisations, projects, knelpunten },
    projects: createProjectService({ db, projects, knelpunten, geography, organisations }),
    reference: createReferenceService({ db, geography, organisations }),
    dashboard: createDashboardService({ db, dashboards, geography }),
    demoSeed: createDemoSeedService({ db, projects, knelpunten, organisations }),
  };
}

export type Services = ReturnType<typeof createServices>;
