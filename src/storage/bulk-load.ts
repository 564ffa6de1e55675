/**
 * Bulk load without index upkeep: drop the tables' indexes, keys and foreign keys (and the foreign keys of
 * other tables that point at them), run the load, then build them again — one sort per index and one
 * validating join per foreign key instead of an index insert and a key check for every row. On PGlite this
 * makes the national demo's COPY several times faster (issue 14; `npm run bench:seed`).
 *
 * The definitions are read from the catalogue just before they are dropped, so whatever the migrations
 * declare is rebuilt exactly. Run it inside a transaction: a failed load or rebuild rolls everything back,
 * the dropped definitions included. It takes ACCESS EXCLUSIVE locks on the tables for the transaction, so it
 * is meant for loading an empty or nearly empty register (a fresh start, a benchmark), not a live one.
 */
import type { Queryable } from './db.ts';

interface Definition {
  /** The table the definition belongs to, as regclass text. */
  table: string;
  name: string;
  /** CREATE INDEX … (indexes) or the constraint's definition (keys and foreign keys). */
  definition: string;
}

async function indexesOf(q: Queryable, tables: readonly string[]): Promise<Definition[]> {
  return q.query<Definition>(
    `SELECT i.indrelid::regclass::text AS "table", quote_ident(c.relname) AS name, pg_get_indexdef(i.indexrelid) AS definition
     FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
     WHERE i.indrelid = ANY($1::regclass[])
       AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid AND k.contype IN ('p', 'u', 'x'))
     ORDER BY 1, 2`,
    [[...tables]],
  );
}

async function constraintsOf(q: Queryable, tables: readonly string[], kind: 'keys' | 'foreignKeys'): Promise<Definition[]> {
  const where =
    kind === 'keys'
      ? `k.contype IN ('p', 'u', 'x') AND k.conrelid = ANY($1::regclass[])`
      : `k.contype = 'f' AND (k.conrelid = ANY($1::regclass[]) OR k.confrelid = ANY($1::regclass[]))`;
  return q.query<Definition>(
    `SELECT k.conrelid::regclass::text AS "table", quote_ident(k.conname) AS name, pg_get_constraintdef(k.oid) AS definition
     FROM pg_constraint k WHERE ${where} ORDER BY 1, 2`,
    [[...tables]],
  );
}

/** maintenance_work_mem while the indexes are built again (PostgreSQL's default is 64MB). */
const REBUILD_SORT_MEMORY = '256MB';

export interface BulkLoadTiming {
  /** Seconds spent building the indexes, keys and foreign keys again after the load, and analysing the tables. */
  rebuildSeconds: number;
}

export async function withoutIndexUpkeep<T>(
  q: Queryable,
  tables: readonly string[],
  load: () => Promise<T>,
): Promise<{ result: T } & BulkLoadTiming> {
  const foreignKeys = await constraintsOf(q, tables, 'foreignKeys');
  const keys = await constraintsOf(q, tables, 'keys');
  const indexes = await indexesOf(q, tables);
  for (const fk of foreignKeys) await q.query(`ALTER TABLE ${fk.table} DROP CONSTRAINT ${fk.name}`);
  for (const key of keys) await q.query(`ALTER TABLE ${key.table} DROP CONSTRAINT ${key.name}`);
  for (const index of indexes) await q.query(`DROP INDEX ${index.name}`);

  const result = await load();

  const started = performance.now();
  // Each index is one sort of the loaded rows: give it room to sort in memory (for this transaction only).
  await q.query(`SET LOCAL maintenance_work_mem = '${REBUILD_SORT_MEMORY}'`);
  for (const key of keys) await q.query(`ALTER TABLE ${key.table} ADD CONSTRAINT ${key.name} ${key.definition}`);
  for (const index of indexes) await q.query(index.definition);
  for (const fk of foreignKeys) await q.query(`ALTER TABLE ${fk.table} ADD CONSTRAINT ${fk.name} ${fk.definition}`);
  // Fresh statistics: the planner sees the loaded rows at once (PGlite runs no autovacuum).
  await q.query(`ANALYZE ${tables.join(', ')}`);
  return { result, rebuildSeconds: (performance.now() - started) / 1000 };
}
