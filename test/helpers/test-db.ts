/**
 * A fresh, migrated database with reference data for one test file: in-memory PGlite by default,
 * a new database on the PostgreSQL server when DATABASE_URL is set (dropped again on close).
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { openPglite, openPostgres, type Db } from '../../src/storage/db.ts';
import { migrate } from '../../src/storage/migrate.ts';
import { loadReferenceData } from '../../src/storage/reference-data.ts';

export interface TestDb {
  db: Db;
  /** Connection string of the test database (PostgreSQL only), e.g. for a second process. */
  url?: string;
  close(): Promise<void>;
}

export const usingPostgres = Boolean(process.env.DATABASE_URL);

/** The run's migrated template (test/global-setup.ts), or '' outside a run that made one. */
function template(key: 'pgliteTemplate' | 'postgresTemplate'): string {
  try {
    return inject(key) ?? '';
  } catch {
    return '';
  }
}

let pgliteDump: Promise<Blob> | undefined;
/** The PGlite template dump, read once per worker. */
function pgliteTemplateDump(path: string): Promise<Blob> {
  pgliteDump ??= readFile(path).then((bytes) => new Blob([bytes]));
  return pgliteDump;
}

async function createPostgresDatabase(templateName = ''): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = process.env.DATABASE_URL!;
  const name = `wbm_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}${templateName ? ` TEMPLATE ${templateName}` : ''}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function createTestDb(options: { reference?: boolean; migrate?: boolean } = {}): Promise<TestDb> {
  let db: Db;
  let url: string | undefined;
  let drop = async () => undefined as void;
  // The complete database (migrated, with reference data) is copied from the run's template when there is one.
  const complete = options.migrate !== false && options.reference !== false;
  const templateName = complete ? template(usingPostgres ? 'postgresTemplate' : 'pgliteTemplate') : '';
  if (usingPostgres) {
    const created = await createPostgresDatabase(templateName);
    url = created.url;
    drop = created.drop;
    db = await openPostgres(url);
  } else {
    db = await openPglite(undefined, templateName ? { loadDataDir: await pgliteTemplateDump(templateName) } : {});
  }
  if (!templateName && options.migrate !== false) {
    await migrate(db);
    if (options.reference !== false) await loadReferenceData(db);
  }
  return {
    db,
    url,
    close: async () => {
      await db.close();
      await drop();
    },
  };
}

/**
 * The test database of one test file, made before its tests and closed after them. Call it at the top of
 * the file (`const t = useTestDb();`) and read `t.db` inside tests and hooks.
 */
export function useTestDb(options: Parameters<typeof createTestDb>[0] = {}): TestDb {
  let current: TestDb | undefined;
  beforeAll(async () => {
    current = await createTestDb(options);
  });
  afterAll(async () => {
    await current?.close();
  });
  const made = (): TestDb => {
    if (!current) throw new Error('The test database is made in beforeAll: use it inside a test or a hook.');
    return current;
  };
  return {
    get db() {
      return made().db;
    },
    get url() {
      return made().url;
    },
    close: () => made().close(),
  };
}
