/**
 * A database made by an earlier version moves forward without loss (SPEC §7: nothing is lost). The fixture
 * `test/fixtures/backup-2026-11-23.jsonl.gz` was made with `wbm backup` by main as of 2026-11-23 (migrations
 * 0001–0006): 119 synthetic demo projects with milestones, programme, jaarschijven, parties and knelpunten, the
 * demo accounts and one real account with an API token and a session, an edited and a deleted project in the
 * audit trail, a closed quarter with its snapshots and a confirmation, and an open quarter.
 *
 * The test restores it at its own migrations, applies every newer migration, and checks that every row of the
 * backup is still there with the same values in the columns it had. A migration that moves data elsewhere on
 * purpose must say so in MOVED below, with the check that the data arrived.
 */
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/helpers/test-db.ts';
import { ADMIN_ACTOR } from '../../test/helpers/auth.ts';
import { createServices } from '../services/container.ts';
import { readBackupHeader, restoreWithMigrations } from './backup.ts';
import { migrationFiles } from './migrate.ts';
import { queryOne } from './db.ts';

const FIXTURE = join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'backup-2026-11-23.jsonl.gz');

/** Tables whose rows a newer migration moves on purpose: table → where they went (checked in its own test). */
const MOVED: Record<string, string> = {};

async function backupRows(file: string): Promise<Map<string, Record<string, unknown>[]>> {
  const tables = new Map<string, Record<string, unknown>[]>();
  const input = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  let current: Record<string, unknown>[] | null = null;
  let first = true;
  for await (const line of input) {
    if (first || !line) {
      first = false;
      continue;
    }
    if (line.startsWith('{"table":')) {
      current = [];
      tables.set((JSON.parse(line) as { table: string }).table, current);
    } else current!.push(JSON.parse(line) as Record<string, unknown>);
  }
  return tables;
}

const canonical = (row: Record<string, unknown>, keys: string[]) => JSON.stringify(keys.map((k) => row[k]));

let target: TestDb;
beforeAll(async () => {
  target = await createTestDb({ migrate: false });
});
afterAll(async () => {
  await target?.close();
});

describe('a database of the version of 2026-11-23 migrates forward without loss', () => {
  it('restores the old backup at its own migrations, applies the newer ones, and keeps every row and value', async () => {
    const header = await readBackupHeader(FIXTURE);
    expect(header.migrations).toEqual(migrationFiles().slice(0, 6));
    await restoreWithMigrations(target.db, FIXTURE);

    const applied = (await target.db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name')).map((r) => r.name);
    expect(applied).toEqual(migrationFiles());

    const old = await backupRows(FIXTURE);
    expect(old.get('projects')).toHaveLength(119);
    for (const [table, rows] of old) {
      if (table === 'schema_migrations' || MOVED[table]) continue;
      const keys = Object.keys(rows[0] ?? {});
      const now = (await target.db.query<{ j: string }>(`SELECT row_to_json(t)::text AS j FROM "${table}" t`)).map((r) =>
        canonical(JSON.parse(r.j) as Record<string, unknown>, keys),
      );
      const before = rows.map((r) => canonical(r, keys));
      // Every old row is still there, value for value (new columns may have been added; new rows too).
      const missing = before.filter((b) => !now.includes(b));
      expect({ table, missing: missing.slice(0, 3), count: missing.length }).toEqual({ table, missing: [], count: 0 });
      expect(now.length, table).toBeGreaterThanOrEqual(before.length);
    }
  });

  it('the migrated register works: lists, edits and the audit trail of the old data', async () => {
    const services = createServices(target.db);
    const list = await services.projects.list({}, { limit: 500, offset: 0, sort: 'name', descending: false }, ADMIN_ACTOR.principal);
    expect(list.total).toBe(119);
    const edited = list.items.find((p) => p.name.endsWith('(gewijzigd)'))!;
    expect(edited).toBeDefined();
    const trail = await services.projects.auditTrail(edited.id, ADMIN_ACTOR.principal);
    expect(trail.items.some((e) => e.changes.some((c) => c.field === 'name'))).toBe(true);
    await services.projects.update(edited.id, edited.version, { name: 'Na migratie' }, ADMIN_ACTOR);
    const after = await services.projects.auditTrail(edited.id, ADMIN_ACTOR.principal);
    expect(after.items[0]?.changes).toEqual([expect.objectContaining({ field: 'name', new: 'Na migratie' })]);
  });

  it('the migrated accounts are managed (migration 0011): version 1, last sign-in unknown; deactivating ends the old session and token', async () => {
    const services = createServices(target.db);
    const admin = await services.auth.createUser({
      email: 'beheer-na-migratie@example.invalid',
      name: 'Beheer na migratie',
      password: null,
      role: 'beheerder',
      organisationId: null,
      gemeenteCode: null,
      regionId: null,
      provincieCode: null,
    });
    const old = (await services.users.list(admin)).filter((a) => a.id !== admin.userId);
    expect(old.length).toBeGreaterThan(1);
    expect(old.every((a) => a.version === 1 && a.lastSignInAt === null)).toBe(true);
    const real = old.find((a) => !a.isDemo)!;
    const { sessions, tokens } = await queryOne<{ sessions: number; tokens: number }>(
      target.db,
      `SELECT (SELECT count(*)::int FROM sessions WHERE user_id = $1) AS sessions,
              (SELECT count(*)::int FROM api_tokens WHERE user_id = $1 AND revoked_at IS NULL) AS tokens`,
      [real.id],
    );
    expect(sessions + tokens).toBeGreaterThan(0);
    await services.users.deactivate(admin, real.id, 'system');
    const left = await target.db.query(
      'SELECT 1 FROM sessions WHERE user_id = $1 UNION ALL SELECT 1 FROM api_tokens WHERE user_id = $1 AND revoked_at IS NULL',
      [real.id],
    );
    expect(left).toHaveLength(0);
  });
  it('the migrated regions start their coverage history (migration 0013): an open period per current gemeente, version 1, running', async () => {
    const current = await target.db.query<{ r: string; g: string }>('SELECT region_id AS r, gemeente_code AS g FROM region_gemeenten ORDER BY 1, 2');
    const open = await target.db.query<{ r: string; g: string }>(
      'SELECT region_id AS r, gemeente_code AS g FROM region_gemeente_periods WHERE from_quarter IS NULL AND until_quarter IS NULL ORDER BY 1, 2',
    );
    expect(current.length).toBeGreaterThan(0);
    expect(open).toEqual(current);
    const regions = await target.db.query<{ version: number; ended_on: string | null; created_at: string | null }>(
      'SELECT version, ended_on, created_at FROM regions',
    );
    expect(regions.every((r) => r.version === 1 && r.ended_on === null && r.created_at === null)).toBe(true);
  });
});
