/**
 * A pristine embedded PostgreSQL cluster, made once per installation (issue 14: a first start within seconds).
 *
 * PGlite creates a new cluster by running PostgreSQL's initdb in WebAssembly, which costs several seconds of CPU
 * on every first start (and for every new in-memory database). As a server's package runs initdb when it is
 * installed, `npm ci` runs `wbm prepare`, which runs initdb once and keeps the empty cluster — nothing of ours
 * in it: no migration, no data — as an archive under node_modules/.cache. A new PGlite database then starts from
 * a copy of that archive; without the archive (scripts skipped at install, another PGlite version) it runs
 * initdb as before. The archive's name carries the PGlite version, so an upgrade never loads an older cluster.
 *
 * The same cluster is also kept as a directory: a new database in a directory (`npm start`'s first start) is a copy of
 * it made by the file system, which PGlite then opens as an existing cluster — about a second less on a 2-core
 * machine than unpacking the archive through PGlite's virtual file system. In-memory databases load the archive.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { PGlite } from '@electric-sql/pglite';

/** The installed PGlite package (its entry is dist/index.cjs) and its version. */
const PGLITE_DIR = join(dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite')), '..');
const PGLITE_VERSION = (JSON.parse(readFileSync(join(PGLITE_DIR, 'package.json'), 'utf8')) as { version: string }).version;

/** node_modules/.cache/woningbouwmonitor, in the node_modules that holds that PGlite. */
const CACHE_DIR = join(PGLITE_DIR, '..', '..', '.cache', 'woningbouwmonitor');

/** Where the pristine cluster of the installed PGlite version is kept. */
export function pristineClusterPath(): string {
  return join(CACHE_DIR, `pglite-${PGLITE_VERSION}-initdb.tar.gz`);
}

/** The pristine cluster as PGlite's `loadDataDir` takes it, or null when none was made for this PGlite version. */
export function pristineCluster(): Blob | null {
  const path = pristineClusterPath();
  return existsSync(path) ? new Blob([readFileSync(path)]) : null;
}

/** Whether `dataDir` holds a cluster already (PostgreSQL writes PG_VERSION first). */
export function holdsCluster(dataDir: string): boolean {
  return existsSync(join(dataDir, 'PG_VERSION'));
}

/** The pristine cluster of the installed PGlite version as a directory (a copy of it is a new cluster). */
export function pristineClusterDirectory(): string {
  return join(CACHE_DIR, `pglite-${PGLITE_VERSION}-initdb`);
}

/**
 * Make `dataDir` (empty, no cluster) a copy of the pristine cluster directory; false when there is none. PG_VERSION,
 * by which a directory is known to hold a cluster, is copied last: a copy cut short is not taken for a cluster.
 */
export function copyPristineCluster(dataDir: string): boolean {
  const source = pristineClusterDirectory();
  if (!holdsCluster(source)) return false;
  const marker = join(source, 'PG_VERSION');
  cpSync(source, dataDir, { recursive: true, filter: (path) => path !== marker });
  cpSync(marker, join(dataDir, 'PG_VERSION'));
  return true;
}

/** Run initdb once and keep the empty cluster, as a directory and as an archive; each is written whole or not at all. */
export async function makePristineCluster(): Promise<{ path: string; bytes: number }> {
  const directory = pristineClusterDirectory();
  const partialDirectory = `${directory}.${process.pid}.partial`;
  rmSync(partialDirectory, { recursive: true, force: true });
  mkdirSync(CACHE_DIR, { recursive: true });
  const lite = await PGlite.create(partialDirectory);
  let archive: Buffer;
  try {
    archive = Buffer.from(await (await lite.dumpDataDir('gzip')).arrayBuffer());
  } finally {
    await lite.close();
  }
  const path = pristineClusterPath();
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(partial, archive);
  renameSync(partial, path);
  // Another installation step may have made the directory meanwhile: either copy is the same empty cluster.
  if (holdsCluster(directory)) rmSync(partialDirectory, { recursive: true, force: true });
  else {
    rmSync(directory, { recursive: true, force: true });
    renameSync(partialDirectory, directory);
  }
  return { path, bytes: archive.length };
}
