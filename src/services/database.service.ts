/**
 * Upkeep of the database for the command line (`wbm migrate`, `reference load`, `backup`, `restore`, and
 * the start of `serve`): open it, migrate it, load the reference data, back it up and restore it. The
 * CLI calls these and never the storage layer itself (src/architecture.test.ts).
 */
import { backupDatabase, restoreWithMigrations } from '../storage/backup.ts';
import { openDb, type Db } from '../storage/db.ts';
import { holdsCluster, makePristineCluster, pristineCluster, pristineClusterDirectory, pristineClusterPath } from '../storage/pglite-pristine.ts';
import { createGeographyRepository } from '../storage/geography.repository.ts';
import { migrate } from '../storage/migrate.ts';
import { createProjectRepository } from '../storage/project.repository.ts';
import { loadReferenceData, type ReferenceCounts } from '../storage/reference-data.ts';

export type { Db, ReferenceCounts };

/** Where the database is: a PostgreSQL server (`databaseUrl`), else embedded PGlite in `dataDir` (in memory without either). */
export interface DatabaseLocation {
  databaseUrl?: string;
  dataDir?: string;
  /** PGlite's shared_buffers (e.g. '32MB'); ignored on PostgreSQL. */
  pgliteSharedBuffers?: string;
}

type Log = (line: string) => void;
/** Progress of a backup or restore: rows done in the table being copied. */
type TableProgress = (table: string, rows: number) => void;

/** One table of a backup and its row count. */
export interface BackupSummary {
  tables: ReadonlyArray<{ name: string; rows: number }>;
}

/** Open the database the configuration names, as it is (no migrations). */
export function openDatabase(location: DatabaseLocation): Promise<Db> {
  return openDb({ databaseUrl: location.databaseUrl, dataDir: location.dataDir, pgliteSharedBuffers: location.pgliteSharedBuffers });
}

/** Apply the migrations not yet applied; returns their names. */
export function migrateDatabase(db: Db, log: Log): Promise<string[]> {
  return migrate(db, log);
}

/** Open, migrate and, on a first start (no gemeenten yet), load the reference data. */
export async function openReadyDatabase(location: DatabaseLocation, log: Log): Promise<Db> {
  const db = await openDatabase(location);
  await migrate(db, log);
  if ((await createGeographyRepository().countGemeenten(db)) === 0) {
    log('loading reference data (first start)…');
    await loadReferenceData(db, undefined, (l) => log(`  ${l}`));
  }
  return db;
}

/** Migrate, then (re)load the reference data: gemeenten, provincies, boundaries, CBS figures, example regions. */
export async function reloadReferenceData(db: Db, log: Log): Promise<ReferenceCounts> {
  await migrate(db, log);
  return loadReferenceData(db, undefined, log);
}

/** Whether the register holds no project at all (then `serve --demo-if-empty` seeds the demo). */
export async function registerIsEmpty(db: Db): Promise<boolean> {
  return (await createProjectRepository().count(db)) === 0;
}

/** Migrate, then write a consistent logical backup of the whole database to `file` (gzip JSON lines). */
export async function backupTo(db: Db, file: string, log: Log, onProgress: TableProgress): Promise<BackupSummary> {
  await migrate(db, log);
  return backupDatabase(db, file, onProgress);
}

/** Restore a backup into an empty database; a backup of an older version is restored at its own migrations, then carried forward. */
export function restoreFrom(db: Db, file: string, log: Log, onProgress: TableProgress): Promise<BackupSummary> {
  return restoreWithMigrations(db, file, { log, onProgress });
}

/** Make the installation's pristine embedded cluster (initdb, once) unless it is there. */
export async function ensurePristineCluster(): Promise<{ made: boolean; path: string; bytes: number; seconds: number }> {
  const started = performance.now();
  const existing = pristineCluster();
  if (existing && holdsCluster(pristineClusterDirectory())) return { made: false, path: pristineClusterPath(), bytes: existing.size, seconds: 0 };
  const made = await makePristineCluster();
  return { made: true, ...made, seconds: (performance.now() - started) / 1000 };
}
