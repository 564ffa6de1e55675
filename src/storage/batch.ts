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
