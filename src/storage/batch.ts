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
  const params = columns.map((c, i) => `$${i + 1}::${c.via ?? c.type}[]`).join(', ');
  const select = columns.map((c, i) => (c.via ? `c${i}::${c.type}` : `c${i}`)).join(', ');
  const sql = `INSERT INTO ${table} (${columns.map((c) => c.name).join(', ')}) SELECT ${select} FROM unnest(${params}) AS u(${columns.map((_, i) => `c${i}`).join(', ')}) ${options.suffix ?? ''}`;
  for (let start = 0; start < rows.length; start += chunk) {
    const part = rows.slice(start, start + chunk);
    await q.query(
      sql,
      columns.map((_, i) => part.map((row) => row[i] ?? null)),
    );
  }
}
