/** Multi-row INSERT helpers: seeding and imports go in batches (single-row inserts are ~10× slower). */
import type { Queryable } from './db.ts';

/**
 * Insert `rows` into `table(columns)` in statements of at most `batchSize` rows.
 * `suffix` is appended to each statement (e.g. an ON CONFLICT clause).
 */
export async function insertRows(
  q: Queryable,
  table: string,
  columns: readonly string[],
  rows: readonly unknown[][],
  options: { suffix?: string; batchSize?: number; casts?: Record<string, string> } = {},
): Promise<void> {
  // PostgreSQL allows at most 65,535 parameters per statement.
  const batchSize = Math.min(options.batchSize ?? 1000, Math.floor(65_000 / columns.length));
  const casts = columns.map((c) => (options.casts?.[c] ? `::${options.casts[c]}` : ''));
  for (let start = 0; start < rows.length; start += batchSize) {
    const chunk = rows.slice(start, start + batchSize);
    const params: unknown[] = [];
    const values = chunk.map((row) => {
      const placeholders = row.map((value, i) => {
        params.push(value);
        return `$${params.length}${casts[i]}`;
      });
      return `(${placeholders.join(',')})`;
    });
    await q.query(`INSERT INTO ${table} (${columns.join(',')}) VALUES ${values.join(',')} ${options.suffix ?? ''}`, params);
  }
}

/** A column of `insertColumns`: its name and type, and the type its values travel as when that differs (text[] as text). */
export interface TypedColumn {
  name: string;
  type: string;
  via?: string;
}

/**
 * Insert many rows with one array parameter per column (`INSERT … SELECT * FROM unnest($1::uuid[], $2::text[], …)`) in
 * statements of `chunk` rows: a few parameters instead of one per value, faster than multi-row VALUES, and unlike COPY
 * (src/storage/copy.ts) it takes an ON CONFLICT `suffix` (the planlijst import's links).
 */
export async function insertColumns(
  q: Queryable,
  table: string,
  columns: readonly TypedColumn[],
  rows: readonly unknown[][],
  options: { chunk?: number; suffix?: string } = {},
): Promise<void> {
  const chunk = options.chunk ?? 20_000;
  const { from, values } = unnestColumns(columns, 'u');
  const sql = `INSERT INTO ${table} (${columns.map((c) => c.name).join(', ')}) SELECT ${values.join(', ')} FROM ${from} ${options.suffix ?? ''}`;
  for (let start = 0; start < rows.length; start += chunk) {
    const part = rows.slice(start, start + chunk);
    await q.query(sql, columnArrays(columns.length, part));
  }
}

/** The `unnest(…)` of one array parameter per column, as `alias(name, …)`, and the columns' values as their own types. */
function unnestColumns(columns: readonly TypedColumn[], alias: string): { from: string; values: string[] } {
  const params = columns.map((c, i) => `$${i + 1}::${c.via ?? c.type}[]`).join(', ');
  return {
    from: `unnest(${params}) AS ${alias}(${columns.map((c) => c.name).join(', ')})`,
    values: columns.map((c) => (c.via ? `${alias}.${c.name}::${c.type}` : `${alias}.${c.name}`)),
  };
}

/** The array parameters of `rows`: one per column. */
const columnArrays = (count: number, rows: readonly unknown[][]) => Array.from({ length: count }, (_, i) => rows.map((row) => row[i] ?? null));

/** Delete the rows of `table` whose `columns` equal one of `rows` (one array parameter per column, as insertColumns). */
export async function deleteColumns(q: Queryable, table: string, columns: readonly TypedColumn[], rows: readonly unknown[][]): Promise<void> {
  const { from, values } = unnestColumns(columns, 'd');
  const sql = `DELETE FROM ${table} t USING ${from} WHERE ${columns.map((c, i) => `t.${c.name} = ${values[i]}`).join(' AND ')}`;
  for (let start = 0; start < rows.length; start += 20_000) await q.query(sql, columnArrays(columns.length, rows.slice(start, start + 20_000)));
}

/**
 * Update rows of `table` from one array parameter per column (as insertColumns): the first `keyColumns` find the row,
 * the next `assigned` columns are written, any further ones are only for `where`, a condition on the stored row `t`
 * and the new values `u` (a version check: `t.version = u.expected_version`); `set` adds assignments. Returns the
 * first column's value of every row updated.
 */
export async function updateColumns(
  q: Queryable,
  table: string,
  columns: readonly TypedColumn[],
  rows: readonly unknown[][],
  options: { keyColumns: number; assigned: number; where?: string; set?: string },
): Promise<string[]> {
  const { from, values } = unnestColumns(columns, 'u');
  const { keyColumns, assigned } = options;
  const sets = columns.slice(keyColumns, keyColumns + assigned).map((c, i) => `${c.name} = ${values[keyColumns + i]}`);
  const conditions = [...columns.slice(0, keyColumns).map((c, i) => `t.${c.name} = ${values[i]}`), ...(options.where ? [options.where] : [])];
  const sql = `UPDATE ${table} t SET ${[...sets, ...(options.set ? [options.set] : [])].join(', ')} FROM ${from}
    WHERE ${conditions.join(' AND ')} RETURNING t.${columns[0]!.name} AS key`;
  const updated: string[] = [];
  for (let start = 0; start < rows.length; start += 5_000) {
    const result = await q.query<{ key: string }>(sql, columnArrays(columns.length, rows.slice(start, start + 5_000)));
    for (const r of result) updated.push(r.key);
  }
  return updated;
}
