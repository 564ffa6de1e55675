/**
 * Before the database and browser tests: make the migrated template database once (see
 * test/helpers/test-db-template.ts) and hand its location to the test files through `inject`.
 */
import type { TestProject } from 'vitest/node';
import { ensurePgliteTemplate, ensurePostgresTemplate } from './helpers/test-db-template.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Path of the PGlite data-directory dump, or '' when each file builds its own database. */
    pgliteTemplate: string;
    /** Name of the PostgreSQL template database, or ''. */
    postgresTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const url = process.env.DATABASE_URL;
  project.provide('pgliteTemplate', url ? '' : await ensurePgliteTemplate());
  project.provide('postgresTemplate', url ? await ensurePostgresTemplate(url) : '');
}
