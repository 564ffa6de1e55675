/**
 * Forward-only SQL migrations from `src/storage/migrations/NNNN_what.sql`, each applied in its own
 * transaction. Refuses a database whose applied list is not a prefix of the files (someone edited
 * or removed an applied migration, or the database is newer than the code).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './db.ts';
import { REPO_ROOT } from '../paths.ts';

const MIGRATIONS_DIR = join(REPO_ROOT, 'src', 'storage', 'migrations');

export function migrationFiles(): string[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort();
}

export interface MigrateOptions {
  /**
   * Apply only up to (and including) this migration, e.g. the last one a backup was made with, so that an
   * older backup can be restored before the newer migrations carry its data forward.
   */
  upTo?: string;
}

export async function migrate(db: Db, log: (line: string) => void = () => undefined, options: MigrateOptions = {}): Promise<string[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  const applied = (await db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name')).map((r) => r.name);
  const files = migrationFiles();
  applied.forEach((name, i) => {
    if (files[i] !== name) {
      throw new Error(`Database has migration ${name} applied, but the code has ${files[i] ?? 'nothing'} at position ${i + 1}.`);
    }
  });
  let last = files.length;
  if (options.upTo !== undefined) {
    last = files.indexOf(options.upTo) + 1;
    if (last === 0) throw new Error(`Unknown migration ${options.upTo}: this code has ${files.join(', ')}.`);
    if (applied.length > last) throw new Error(`Database is already past migration ${options.upTo} (it has ${applied.at(-1)}).`);
  }
  const pending = files.slice(applied.length, last);
  for (const file of pending) {
    const sql = readFileSync(join(MIGRATIONS_DIR, file), 'utf8');
    await db.transaction(async (tx) => {
      for (const statement of splitStatements(sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [file]);
    });
    log(`migration applied: ${file}`);
  }
  return pending;
}

/**
 * Split a migration script into statements on `;` at line ends, outside `$$ … $$` bodies
 * (function bodies contain semicolons of their own). Full-line `--` comments are dropped.
 */
export function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let current = '';
  let inBody = false;
  for (const line of sql.split('\n')) {
    if (!inBody && /^\s*--/.test(line)) continue;
    current += `${line}\n`;
    if ((line.match(/\$\$/g) ?? []).length % 2 === 1) inBody = !inBody;
    if (!inBody && /;\s*$/.test(line)) {
      statements.push(current.trim().replace(/;$/, ''));
      current = '';
    }
  }
  if (current.trim()) statements.push(current.trim());
  return statements.filter(Boolean);
}
