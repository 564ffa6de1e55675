/**
 * A scratch database for one benchmark run: a new database on the PostgreSQL server when DATABASE_URL is set
 * (dropped again by cleanup), else PGlite in a temporary directory (removed by cleanup).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openPglite, openPostgres, type Db } from '../src/storage/db.ts';

export async function openScratchDb(name: string): Promise<{ db: Db; label: string; cleanup: () => Promise<void> }> {
  if (process.env.DATABASE_URL) {
    const database = `wbm_bench_${name}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${database}`;
    const db = await openPostgres(url.toString());
    return {
      db,
      label: 'PostgreSQL server',
      cleanup: async () => {
        await db.close();
        await admin.query(`DROP DATABASE ${database} WITH (FORCE)`);
        await admin.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), `wbm-bench-${name}-`));
  const db = await openPglite(dir);
  return {
    db,
    label: 'PGlite (on disk)',
    cleanup: async () => {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
