/**
 * One small database interface over two drivers: embedded PGlite (default) and a PostgreSQL server
 * (`DATABASE_URL`). Callers never know which one runs; types are normalised so both return the same
 * values (int8/numeric as numbers, `date` as 'YYYY-MM-DD' strings).
 */
import { mkdirSync } from 'node:fs';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import { copyPristineCluster, holdsCluster, pristineCluster } from './pglite-pristine.ts';

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /**
   * The driver connection behind this queryable, for bulk loading with COPY (src/storage/copy.ts);
   * nothing else uses it.
   */
  readonly connection?: DriverConnection;
}

/** A PGlite instance or transaction, or a pg pool or client. */
export type DriverConnection = { kind: 'pglite'; target: Pick<PGlite, 'query'> } | { kind: 'postgres'; target: pg.Pool | pg.PoolClient };

/** The row of a query that always returns exactly one (a count, an INSERT … RETURNING of one row); none is a bug. */
export async function queryOne<T = Record<string, unknown>>(q: Queryable, sql: string, params?: unknown[]): Promise<T> {
  const [row] = await q.query<T>(sql, params);
  if (row === undefined) throw new Error(`Expected one row, got none: ${sql.replace(/\s+/g, ' ').slice(0, 100)}`);
  return row;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Run `fn` in one transaction: all or nothing. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Run a script of several statements (migrations). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

const OID = { int8: 20, numeric: 1700, date: 1082 } as const;
const toNumber = (v: string) => Number(v);
const asText = (v: string) => v;

/**
 * Open embedded PostgreSQL: in `dataDir`, or in memory. `loadDataDir` starts from a dump made by
 * PGlite's `dumpDataDir` instead of an empty cluster (the tests' migrated template); without it a new cluster is a
 * copy of the installation's pristine one where `wbm prepare` made it (else PGlite runs initdb). `sharedBuffers`: PostgreSQL's
 * shared_buffers (default 128MB), the buffer cache inside the WASM heap and so inside this process's RSS (issue 15).
 */
export async function openPglite(
  dataDir?: string,
  options: { loadDataDir?: Blob; sharedBuffers?: string } = {},
): Promise<Db & { dumpDataDir(): Promise<Blob> }> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // A new cluster starts from the installation's pristine one when there is one (src/storage/pglite-pristine.ts):
  // in a directory as a copy of its directory, in memory from its archive.
  if (dataDir && !options.loadDataDir && !holdsCluster(dataDir)) copyPristineCluster(dataDir);
  const startFrom = options.loadDataDir ?? (dataDir && holdsCluster(dataDir) ? null : pristineCluster());
  const lite = await PGlite.create(dataDir ?? 'memory://', {
    parsers: { [OID.int8]: toNumber, [OID.numeric]: toNumber, [OID.date]: asText },
    // Trigram indexes for the project list's text search (migration 0031), as on a PostgreSQL server.
    extensions: { pg_trgm },
    ...(startFrom ? { loadDataDir: startFrom } : {}),
    ...(options.sharedBuffers ? { postgresqlconf: [`shared_buffers = ${options.sharedBuffers}`] } : {}),
  });
  void pgliteTypes;
  const wrap = (q: Pick<PGlite, 'query'>): Queryable => ({
    async query<T>(sql: string, params?: unknown[]) {
      const res = await q.query<T>(sql, params as unknown[]);
      return res.rows;
    },
    connection: { kind: 'pglite', target: q },
  });
  // PGlite runs one statement at a time; a transaction holds it exclusively, so we queue callers.
  return {
    kind: 'pglite',
    ...wrap(lite),
    transaction: (fn) => lite.transaction((tx) => fn(wrap(tx))),
    exec: async (sql) => {
      await lite.exec(sql);
    },
    close: () => lite.close(),
    dumpDataDir: async () => lite.dumpDataDir('none'),
  };
}

const pgTypes = {
  getTypeParser(oid: number, format?: string) {
    if (oid === OID.int8 || oid === OID.numeric) return toNumber;
    if (oid === OID.date) return asText;
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

export async function openPostgres(connectionString: string, max = 10): Promise<Db> {
  const pool = new pg.Pool({ connectionString, max, types: pgTypes as pg.CustomTypesConfig });
  // An idle connection that the server ends (restart, DROP DATABASE … FORCE) must not crash the process;
  // the pool replaces it on the next query.
  pool.on('error', () => undefined);
  await pool.query('SELECT 1');
  const wrap = (q: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(sql: string, params?: unknown[]) {
      const res = await q.query(sql, params);
      return res.rows as T[];
    },
    connection: { kind: 'postgres', target: q },
  });
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    exec: async (sql) => {
      await pool.query(sql);
    },
    close: () => pool.end(),
  };
}

/** Open the database the configuration names: PostgreSQL when a URL is given, else PGlite. */
export function openDb(options: { databaseUrl?: string; dataDir?: string; pgliteSharedBuffers?: string }): Promise<Db> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl)
    : openPglite(options.dataDir, options.pgliteSharedBuffers ? { sharedBuffers: options.pgliteSharedBuffers } : {});
}
