/**
 * Logical backup and restore that work the same on PGlite and on a PostgreSQL server (and between
 * them): every table as JSON lines, gzip-compressed. Restore goes into a freshly migrated, empty
 * database in ONE transaction, so a failed restore leaves nothing behind. SPEC §7 (nothing is lost).
 *
 * File format: line 1 a header {format, version, createdAt, migrations, tables: [{name, rows}]};
 * then per table a line {"table": name} followed by one `row_to_json` line per row.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import type { Db, Queryable } from './db.ts';
import { migrate, migrationFiles } from './migrate.ts';

export const BACKUP_FORMAT = 'woningbouwmonitor-backup';
const BATCH = 500;

interface Header {
  format: string;
  version: 1;
  createdAt: string;
  migrations: string[];
  tables: Array<{ name: string; rows: number }>;
}

/**
 * Tables of figures derived from the data (migration 0038): left out of backups and checksums, since they are made
 * again from the data whenever it differs from what they were made from.
 */
export const DERIVED_TABLES: ReadonlySet<string> = new Set([
  'national_gemeente_summaries',
  'national_simulation_pieces',
  'national_summary_state',
  'national_kept_figures',
]);

/** Tables of the public schema but the derived ones, parents before children (foreign keys). */
export async function tablesInDependencyOrder(q: Queryable): Promise<string[]> {
  const tables = (
    await q.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    )
  )
    .map((r) => r.name)
    .filter((name) => !DERIVED_TABLES.has(name));
  const edges = await q.query<{ child: string; parent: string }>(
    `SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
     JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace WHERE k.contype = 'f' AND n.nspname = 'public'`,
  );
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (t: string) => {
    if (ordered.includes(t) || visiting.has(t)) return;
    visiting.add(t);
    for (const e of edges) if (e.child === t && e.parent !== t) visit(e.parent);
    ordered.push(t);
  };
  tables.forEach(visit);
  return ordered;
}

/** Per table: row count and an order-independent checksum of the content, to compare two databases. */
export async function fingerprint(q: Queryable): Promise<Record<string, { rows: number; md5: string }>> {
  const result: Record<string, { rows: number; md5: string }> = {};
  for (const table of await tablesInDependencyOrder(q)) {
    const [row] = await q.query<{ rows: number; md5: string | null }>(
      `SELECT count(*) AS rows, md5(string_agg(j, '|' ORDER BY j)) AS md5 FROM (SELECT row_to_json(t)::text AS j FROM "${table}" t) x`,
    );
    if (!row) throw new Error(`fingerprint of ${table}: an aggregate returned no row`);
    result[table] = { rows: row.rows, md5: row.md5 ?? '' };
  }
  return result;
}

/** Number of rows in a table. */
async function countRows(q: Queryable, table: string): Promise<number> {
  const [row] = await q.query<{ n: number }>(`SELECT count(*) AS n FROM "${table}"`);
  if (!row) throw new Error(`count of ${table}: an aggregate returned no row`);
  return row.n;
}

export async function backupDatabase(db: Db, file: string, onProgress?: (table: string, rows: number) => void): Promise<Header> {
  // One consistent moment for every table on a server; PGlite has a single connection anyway.
  return db.transaction(async (tx) => {
    if (db.kind === 'postgres') await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const tables = await tablesInDependencyOrder(tx);
    const counts: Array<{ name: string; rows: number }> = [];
    for (const name of tables) {
      counts.push({ name, rows: await countRows(tx, name) });
    }
    const migrations = (await tx.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name')).map((r) => r.name);
    const header: Header = { format: BACKUP_FORMAT, version: 1, createdAt: new Date().toISOString(), migrations, tables: counts };
    async function* lines() {
      yield `${JSON.stringify(header)}\n`;
      for (const { name } of counts) {
        yield `${JSON.stringify({ table: name })}\n`;
        // A cursor streams the table in pages without sorting it (works on PGlite and PostgreSQL).
        await tx.query(`DECLARE backup_cursor NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS j FROM "${name}" t`);
        let done = 0;
        for (;;) {
          const rows = await tx.query<{ j: string }>(`FETCH ${BATCH * 10} FROM backup_cursor`);
          for (const r of rows) yield `${r.j}\n`;
          done += rows.length;
          onProgress?.(name, done);
          if (rows.length < BATCH * 10) break;
        }
        await tx.query('CLOSE backup_cursor');
      }
    }
    await pipeline(Readable.from(lines()), createGzip(), createWriteStream(file));
    return header;
  });
}

/** The header of a backup file (first line), without reading the rest. */
export async function readBackupHeader(file: string): Promise<Header> {
  const input = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  try {
    for await (const line of input) {
      const header = JSON.parse(line) as Header;
      if (header.format !== BACKUP_FORMAT || header.version !== 1) break;
      return header;
    }
  } catch {
    // not gzip or not JSON: reported below
  } finally {
    input.close();
  }
  throw new Error(`${file} is not a Woningbouwmonitor backup`);
}

/**
 * Tables besides schema_migrations whose rows the migrations write, so an empty database has them: the designated
 * gebiedsbudget areas (migration 0029) and the one row of data_version (0032). A restore replaces them with the
 * backup's rows.
 */
const WRITTEN_BY_MIGRATIONS: ReadonlySet<string> = new Set(['gebiedsbudget_areas', 'data_version']);

/**
 * Restore a backup made by this or an OLDER version into an empty database: migrate the database to the
 * migrations the backup was made with, restore, then apply the newer migrations, which carry the data
 * forward. Nothing is lost between versions (SPEC §7); a backup newer than the code is refused.
 */
export async function restoreWithMigrations(
  db: Db,
  file: string,
  options: { log?: (line: string) => void; onProgress?: (table: string, rows: number) => void } = {},
): Promise<Header> {
  const header = await readBackupHeader(file);
  const known = migrationFiles();
  const unknown = header.migrations.filter((m) => !known.includes(m));
  if (unknown.length > 0) throw new Error(`The backup was made by a newer version (migrations ${unknown.join(', ')}); update the software first.`);
  const last = header.migrations.at(-1);
  if (last !== undefined) await migrate(db, options.log, { upTo: last });
  await restoreDatabase(db, file, options.onProgress);
  await migrate(db, options.log);
  return header;
}

/**
 * Restore into an empty database migrated to the same migrations as the backup. Triggers are
 * suspended for the load (the append-only and closed-quarter guards would refuse re-inserting
 * history), which needs a role allowed to set `session_replication_role` (PGlite always is).
 */
export async function restoreDatabase(db: Db, file: string, onProgress?: (table: string, rows: number) => void): Promise<Header> {
  const input = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const it = input[Symbol.asyncIterator]();
  const first = await it.next();
  const header = JSON.parse(first.value ?? '{}') as Header;
  if (header.format !== BACKUP_FORMAT || header.version !== 1) throw new Error(`${file} is not a Woningbouwmonitor backup`);
  return db.transaction(async (tx) => {
    const migrations = (await tx.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name')).map((r) => r.name);
    if (JSON.stringify(migrations) !== JSON.stringify(header.migrations)) {
      throw new Error(
        `The database has migrations [${migrations.join(', ')}], the backup [${header.migrations.join(', ')}]: migrate to the same version first.`,
      );
    }
    for (const { name } of header.tables) {
      if (name === 'schema_migrations' || WRITTEN_BY_MIGRATIONS.has(name)) continue;
      const n = await countRows(tx, name);
      if (n > 0) throw new Error(`Restore needs an empty database, but table ${name} has ${n} rows.`);
    }
    await tx.query('SET LOCAL session_replication_role = replica');
    // The rows a fresh database got from its migrations give way to the backup's.
    for (const { name } of header.tables) if (WRITTEN_BY_MIGRATIONS.has(name)) await tx.query(`DELETE FROM ${name}`);
    let table = '';
    let batch: string[] = [];
    let loaded = 0;
    const flush = async () => {
      if (batch.length === 0 || table === 'schema_migrations') return (batch = []);
      await tx.query(`INSERT INTO "${table}" SELECT * FROM json_populate_recordset(NULL::"${table}", $1::json)`, [`[${batch.join(',')}]`]);
      loaded += batch.length;
      onProgress?.(table, loaded);
      batch = [];
    };
    for (let line = await it.next(); !line.done; line = await it.next()) {
      if (!line.value) continue;
      if (line.value.startsWith('{"table":')) {
        await flush();
        table = (JSON.parse(line.value) as { table: string }).table;
        if (!header.tables.some((t) => t.name === table)) throw new Error(`Unknown table ${table} in backup`);
        loaded = 0;
        continue;
      }
      batch.push(line.value);
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    await tx.query('SET LOCAL session_replication_role = DEFAULT');
    // Serial columns continue after the restored maximum.
    const serials = await tx.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND column_default LIKE 'nextval(%'`,
    );
    for (const s of serials) {
      await tx.query(
        `SELECT setval(pg_get_serial_sequence('"${s.table_name}"', '${s.column_name}'), COALESCE((SELECT max("${s.column_name}") FROM "${s.table_name}"), 0) + 1, false)`,
      );
    }
    for (const t of header.tables) {
      if (t.name === 'schema_migrations') continue;
      const n = await countRows(tx, t.name);
      if (n !== t.rows) throw new Error(`Table ${t.name}: backup has ${t.rows} rows, restored ${n}.`);
    }
    return header;
  });
}
