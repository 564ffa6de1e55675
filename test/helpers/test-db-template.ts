/**
 * A migrated database with reference data, made once per test run and copied for every test file:
 * a PGlite data-directory dump on disk, or a template database on the PostgreSQL server. Starting an empty
 * PGlite cluster and migrating it costs seconds per file; loading the dump or `CREATE DATABASE … TEMPLATE`
 * costs a fraction. The name carries a hash of everything that shapes the database (migrations, reference
 * data, the code that loads them, the PGlite version), so a change makes a new template.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openPglite, openPostgres } from '../../src/storage/db.ts';
import { migrate } from '../../src/storage/migrate.ts';
import { loadReferenceData } from '../../src/storage/reference-data.ts';

const root = join(import.meta.dirname, '..', '..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}

/** A short hash of the migrations, the reference data and the code that loads them. */
export function templateHash(): string {
  const hash = createHash('sha256');
  const inputs = [
    ...filesUnder(join(root, 'src/storage/migrations')),
    ...filesUnder(join(root, 'data/reference')),
    join(root, 'src/storage/migrate.ts'),
    join(root, 'src/storage/reference-data.ts'),
    join(root, 'node_modules/@electric-sql/pglite/package.json'),
  ];
  for (const path of inputs) hash.update(path.slice(root.length)).update(readFileSync(path));
  return hash.digest('hex').slice(0, 16);
}

/** Make (or reuse) the PGlite dump; returns its path. Written to a temporary name first, then renamed. */
export async function ensurePgliteTemplate(hash = templateHash()): Promise<string> {
  const path = join(tmpdir(), `wbm-test-template-${hash}.pglite.tar`);
  try {
    statSync(path);
    return path;
  } catch {
    // not made yet
  }
  const db = await openPglite();
  await migrate(db);
  await loadReferenceData(db);
  const dump = await db.dumpDataDir();
  await db.close();
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, path);
  return path;
}

/** Make (or reuse) the template database on the server of `adminUrl`; returns its name. */
export async function ensurePostgresTemplate(adminUrl: string, hash = templateHash()): Promise<string> {
  const name = `wbm_template_${hash}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount) return name;
    // Build under a temporary name and rename when complete, so a concurrent run never copies a half-made one.
    const building = `${name}_${process.pid}`;
    await admin.query(`DROP DATABASE IF EXISTS ${building}`);
    await admin.query(`CREATE DATABASE ${building}`);
    const url = new URL(adminUrl);
    url.pathname = `/${building}`;
    const db = await openPostgres(url.toString());
    await migrate(db);
    await loadReferenceData(db);
    await db.close();
    try {
      await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
    } catch (error) {
      // Another run finished the same template first: use theirs.
      await admin.query(`DROP DATABASE IF EXISTS ${building}`);
      if (!(await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount) throw error;
    }
    return name;
  } finally {
    await admin.end();
  }
}
