/**
 * A new embedded database starts from the installation's pristine cluster (issue 14: a first start within seconds);
 * an existing one is never replaced by it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensurePristineCluster } from '../services/database.service.ts';
import { openPglite } from './db.ts';
import { holdsCluster, pristineCluster, pristineClusterDirectory } from './pglite-pristine.ts';

const dir = mkdtempSync(join(tmpdir(), 'wbm-pristine-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the pristine embedded cluster', () => {
  it('starts a new database in a directory, and the second start keeps what the first wrote', async () => {
    await ensurePristineCluster();
    expect(pristineCluster()).not.toBeNull();
    expect(holdsCluster(pristineClusterDirectory())).toBe(true);
    const dataDir = join(dir, 'db');
    expect(holdsCluster(dataDir)).toBe(false);

    const first = await openPglite(dataDir);
    await first.query('CREATE TABLE kept (n int)');
    await first.query('INSERT INTO kept VALUES (42)');
    await first.close();
    expect(holdsCluster(dataDir)).toBe(true);

    const second = await openPglite(dataDir);
    expect(await second.query('SELECT n FROM kept')).toEqual([{ n: 42 }]);
    await second.close();

    // The first database was a copy: the next new one starts empty again.
    const other = await openPglite(join(dir, 'other'));
    expect(await other.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'")).toEqual([{ n: 0 }]);
    await other.close();
  }, 120_000);

  it('starts a new database in memory as an empty cluster', async () => {
    const db = await openPglite();
    expect(await db.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'")).toEqual([{ n: 0 }]);
    await db.close();
  });
});
