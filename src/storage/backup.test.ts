/**
 * Backup and restore round trip (SPEC §7: nothing is lost), on PGlite and, with DATABASE_URL, on
 * PostgreSQL: every table's rows and content come back identical, history included.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne } from './db.ts';
import { take } from '../../test/helpers/present.ts';
import { ADMIN_ACTOR } from '../../test/helpers/auth.ts';
import { createTestDb, type TestDb } from '../../test/helpers/test-db.ts';
import { createServices } from '../services/container.ts';
import { backupDatabase, fingerprint, restoreDatabase } from './backup.ts';

let source: TestDb;
let target: TestDb;
const dir = mkdtempSync(join(tmpdir(), 'wbm-backup-'));

beforeAll(async () => {
  source = await createTestDb();
  const services = createServices(source.db);
  await services.demoSeed.seed({ projects: 300, seed: 4, asOf: '2026-10-01' });
  await services.auth.ensureDemoUsers();
  // History that must survive: an edit in the audit trail and a closed quarter with its snapshot.
  const [p] = take(
    (await services.projects.list({ gemeenteCodes: ['GM0363'] }, { limit: 1, offset: 0, sort: 'name', descending: false }, ADMIN_ACTOR.principal))
      .items,
    1,
  );
  await services.projects.update(p.id, p.version, { name: `${p.name} (gewijzigd)` }, ADMIN_ACTOR);
  const round = await services.rounds.openRound('vt-amsterdam-e-o', { quarter: '2026-Q3', deadline: '2026-09-15' }, ADMIN_ACTOR);
  await services.rounds.closeRound(round.id, ADMIN_ACTOR);
  target = await createTestDb({ reference: false });
});
afterAll(async () => {
  await source?.close();
  await target?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('wbm backup / wbm restore', () => {
  it('restores every table identically into an empty database', async () => {
    const file = join(dir, 'backup.jsonl.gz');
    const header = await backupDatabase(source.db, file);
    expect(header.tables.find((t) => t.name === 'projects')?.rows).toBe(300);
    await restoreDatabase(target.db, file);
    // schema_migrations is not restored: each database keeps its own migration timestamps.
    const { schema_migrations: _a, ...restored } = await fingerprint(target.db);
    const { schema_migrations: _b, ...original } = await fingerprint(source.db);
    expect(restored).toEqual(original);
    expect(original.audit_log?.rows).toBeGreaterThan(0);
    expect(original.round_snapshots?.rows).toBeGreaterThan(0);
    // Serial columns continue after the restored history.
    const services = createServices(target.db);
    const [p] = take((await services.projects.list({}, { limit: 1, offset: 0, sort: 'name', descending: false }, ADMIN_ACTOR.principal)).items, 1);
    await services.projects.update(p.id, p.version, { name: 'Na herstel' }, ADMIN_ACTOR);
    const trail = await services.projects.auditTrail(p.id, ADMIN_ACTOR.principal);
    expect(trail.items[0]?.changes).toEqual([expect.objectContaining({ field: 'name', new: 'Na herstel' })]);
  });

  it('refuses to restore over data, and a broken file leaves the database as it was', async () => {
    const file = join(dir, 'backup2.jsonl.gz');
    await backupDatabase(source.db, file);
    await expect(restoreDatabase(source.db, file)).rejects.toThrow(/empty database/);
    const fresh = await createTestDb({ reference: false });
    try {
      const broken = join(dir, 'broken.jsonl.gz');
      const header = {
        format: 'woningbouwmonitor-backup',
        version: 1,
        createdAt: '',
        migrations: (await fresh.db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name')).map((r) => r.name),
        tables: [{ name: 'provincies', rows: 2 }],
      };
      writeFileSync(
        broken,
        gzipSync(
          `${JSON.stringify(header)}\n{"table":"provincies"}\n{"code":"PV20","name":"Groningen","geometry":null}\n{"code":"PV20","name":"dubbel","geometry":null}\n`,
        ),
      );
      await expect(restoreDatabase(fresh.db, broken)).rejects.toThrow();
      const { n } = await queryOne<{ n: number }>(fresh.db, 'SELECT count(*) AS n FROM provincies');
      expect(n).toBe(0);
    } finally {
      await fresh.close();
    }
  });
});
