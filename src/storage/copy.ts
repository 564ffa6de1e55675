/**
 * Bulk load with PostgreSQL COPY (text format) on both drivers: PGlite reads the rows from a Blob
 * (`COPY … FROM '/dev/blob'`), a PostgreSQL server from a stream (`COPY … FROM STDIN`, pg-copy-streams).
 * Several times faster than multi-row INSERTs for large loads (the demo seed; `bench/seed.bench.ts`).
 * Run it inside a transaction to keep the load all or nothing.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFromStdin } from 'pg-copy-streams';
import type { Queryable } from './db.ts';

/** Rows per COPY statement: bounds the text held in memory at once. */
const ROWS_PER_COPY = 50_000;

const SPECIAL = /[\\\t\n\r]/;

/** A string as a field of COPY's text format: backslash, tab, newline and carriage return escaped. */
function escapeText(s: string): string {
  if (!SPECIAL.test(s)) return s;
  return s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/** An array literal ('{"a","b"}') with its elements quoted. */
export function arrayLiteral(values: readonly unknown[]): string {
  return `{${values.map((v) => (v === null || v === undefined ? 'NULL' : `"${String(v).replace(/["\\]/g, (c) => `\\${c}`)}"`)).join(',')}}`;
}

/** One value as a COPY text field ('\N' for null). */
export function copyField(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  switch (typeof value) {
    case 'string':
      return escapeText(value);
    case 'number':
      if (!Number.isFinite(value)) throw new Error(`COPY: cannot write the number ${value}`);
      return String(value);
    case 'boolean':
      return value ? 't' : 'f';
    case 'bigint':
      return value.toString();
    default:
      if (Array.isArray(value)) return escapeText(arrayLiteral(value));
      if (value instanceof Date) return value.toISOString();
      return escapeText(JSON.stringify(value));
  }
}

/** Rows as COPY text: one line per row, fields separated by tabs. */
export function copyText(rows: readonly (readonly unknown[])[]): string {
  let out = '';
  for (const row of rows) {
    let line = '';
    for (let i = 0; i < row.length; i++) line += (i === 0 ? '' : '\t') + copyField(row[i]);
    out += line + '\n';
  }
  return out;
}

function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`COPY: unexpected identifier '${name}'`);
  return name;
}

async function copyChunk(q: Queryable, table: string, columns: readonly string[], text: string | Uint8Array<ArrayBuffer>): Promise<void> {
  const connection = q.connection;
  if (!connection) throw new Error('COPY needs a database connection of src/storage/db.ts');
  const target = `${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')})`;
  if (connection.kind === 'pglite') {
    await connection.target.query(`COPY ${target} FROM '/dev/blob'`, [], { blob: new Blob([text]) });
    return;
  }
  const pool = connection.target;
  // A pool hands out a client for the COPY; a client (inside a transaction) is used as it is.
  const client = 'release' in pool ? pool : await pool.connect();
  try {
    const chunk = typeof text === 'string' ? text : Buffer.from(text.buffer, text.byteOffset, text.byteLength);
    await pipeline(Readable.from([chunk]), client.query(copyFromStdin(`COPY ${target} FROM STDIN`)));
  } finally {
    if (client !== pool) client.release();
  }
}

/** Rows of one table as encoded COPY text, ready to send: made anywhere (a worker thread), written by writeCopyBatch. */
export interface CopyBatch {
  table: string;
  columns: readonly string[];
  rows: number;
  /** UTF-8 COPY text (copyText): transferable between threads without copying. */
  text: Uint8Array<ArrayBuffer>;
}

const encoder = new TextEncoder();

/** `rows` of `table(columns)` as COPY batches of at most ROWS_PER_COPY rows (none for no rows). */
export function copyBatches(table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): CopyBatch[] {
  const batches: CopyBatch[] = [];
  for (let start = 0; start < rows.length; start += ROWS_PER_COPY) {
    const chunk = rows.slice(start, start + ROWS_PER_COPY);
    for (const row of chunk) {
      if (row.length !== columns.length) throw new Error(`COPY ${table}: a row has ${row.length} values for ${columns.length} columns`);
    }
    batches.push({ table, columns, rows: chunk.length, text: encoder.encode(copyText(chunk)) });
  }
  return batches;
}

/** Write one batch of copyBatches with COPY. */
export function writeCopyBatch(q: Queryable, batch: CopyBatch): Promise<void> {
  return copyChunk(q, batch.table, batch.columns, batch.text);
}

/**
 * Load `rows` into `table(columns)` with COPY, at most ROWS_PER_COPY rows a statement. Values are
 * written as PostgreSQL reads them in text format: null, strings, numbers, booleans, arrays (text[]),
 * dates; anything else as JSON.
 */
export async function copyRows(q: Queryable, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void> {
  for (const batch of copyBatches(table, columns, rows)) await writeCopyBatch(q, batch);
}
