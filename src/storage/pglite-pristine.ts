/**
 * A pristine embedded PostgreSQL cluster, made once per installation (issue 14: a first start within seconds).
 *
 * PGlite creates a new cluster by running PostgreSQL's initdb in WebAssembly, which costs several seconds of CPU
 * on every first start (and for every new in-memory database). As a server's package runs initdb when it is
 * installed, `npm ci` runs `wbm prepare`, which runs initdb once and keeps the empty cluster — nothing of ours
 * in it: no migration, no data — as an archive under node_modules/.cache. A new PGlite database then starts from
 * a copy of that archive; without the archive (scripts skipped at install, another PGlite version) it runs
 * initdb as before. The archive's name carries the PGlite version, so an upgrade never loads an older cluster.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
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

/** Run initdb (in memory) and keep the empty cluster; returns its path and size. Written whole or not at all. */
export async function makePristineCluster(): Promise<{ path: string; bytes: number }> {
  const lite = await PGlite.create('memory://');
  try {
    const archive = Buffer.from(await (await lite.dumpDataDir('gzip')).arrayBuffer());
    const path = pristineClusterPath();
    mkdirSync(dirname(path), { recursive: true });
    const partial = `${path}.${process.pid}.partial`;
    writeFileSync(partial, archive);
    renameSync(partial, path);
    return { path, bytes: archive.length };
  } finally {
    await lite.close();
  }
}
