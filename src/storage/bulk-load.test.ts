/**
 * Bulk load without index upkeep (src/storage/bulk-load.ts; issue 14, the national demo's first start): what the
 * migrations declare — indexes, keys, foreign keys, also those of other tables pointing at the loaded ones — is
 * there again after the load, exactly as before; a load that breaks a key is refused and rolls back whole.
 * Against a real database (PGlite, or PostgreSQL with DATABASE_URL).
 */
import { describe, expect, it } from 'vitest';
import { storedProject } from '../../test/helpers/builders.ts';
import { useTestDb } from '../../test/helpers/test-db.ts';
import { withoutIndexUpkeep } from './bulk-load.ts';
import { createProjectRepository, PROJECT_TABLES } from './project.repository.ts';
import type { Queryable } from './db.ts';

const t = useTestDb();

/** Every index and constraint of the schema, with its definition. */
async function schemaShape(q: Queryable): Promise<string[]> {
  const indexes = await q.query<{ d: string }>(`SELECT indexdef AS d FROM pg_indexes WHERE schemaname = 'public'`);
  const constraints = await q.query<{ d: string }>(
    `SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) AS d FROM pg_constraint WHERE connamespace = 'public'::regnamespace`,
  );
  return [...indexes, ...constraints].map((r) => r.d).sort();
}

describe('bulk load without index upkeep', () => {
  it('drops the indexes, keys and foreign keys of the loaded tables during the load and builds exactly the same ones again', async () => {
    const before = await schemaShape(t.db);
    const projects = createProjectRepository();
    const written = [storedProject({ name: 'Bulk 1' }), storedProject({ name: 'Bulk 2' })];
    await t.db.transaction(async (tx) => {
      const { rebuildSeconds } = await withoutIndexUpkeep(tx, PROJECT_TABLES, async () => {
        const during = await schemaShape(tx);
        // The keys of the project tables are gone while loading, and the foreign keys pointing at projects too.
        expect(during.some((d) => d.startsWith('projects projects_pkey'))).toBe(false);
        expect(during.some((d) => /^project_milestones .*FOREIGN KEY/.test(d))).toBe(false);
        expect(during.length).toBeLessThan(before.length);
        await projects.copyMany(tx, written);
      });
      expect(rebuildSeconds).toBeGreaterThanOrEqual(0);
    });
    expect(await schemaShape(t.db)).toEqual(before);
    const stored = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM projects WHERE name LIKE 'Bulk %'`);
    expect(stored[0]?.n).toBe(2);
  });

  it('refuses a load that breaks a key when the key is built again, and the transaction leaves nothing behind', async () => {
    const before = await schemaShape(t.db);
    const projects = createProjectRepository();
    const twice = storedProject({ name: 'Twee keer' });
    await expect(
      t.db.transaction((tx) =>
        withoutIndexUpkeep(tx, PROJECT_TABLES, async () => {
          await projects.copyMany(tx, [twice]);
          await projects.copyMany(tx, [twice]);
        }),
      ),
    ).rejects.toThrow(/could not create unique index|duplicate key/);
    expect(await schemaShape(t.db)).toEqual(before);
    const stored = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM projects WHERE name = 'Twee keer'`);
    expect(stored[0]?.n).toBe(0);
  });
});
