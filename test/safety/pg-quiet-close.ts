/**
 * Close a test database without a race: `pg.Pool.end()` resolves before its sockets are closed, and
 * test/helpers/test-db.ts then runs `DROP DATABASE … WITH (FORCE)`, which terminates the still-closing
 * connections; pg then raises an uncaught 57P01 "terminating connection due to administrator command".
 * Here the pool is ended first and the drop waits until the server shows no connection to the database.
 */
import pg from 'pg';
import type { TestDb } from '../helpers/test-db.ts';
import { at } from '../helpers/present.ts';

export async function closeQuietly(t: TestDb | undefined): Promise<void> {
  if (!t) return;
  if (!t.url || !process.env.DATABASE_URL) return t.close();
  const name = new URL(t.url).pathname.slice(1);
  const db = t.db as { close(): Promise<void> };
  const end = db.close.bind(db);
  db.close = async () => {
    await end();
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      for (let i = 0; i < 100; i++) {
        const { rows } = await admin.query<{ n: string }>('SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1', [name]);
        if (Number(at(rows, 0).n) === 0) break;
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      await admin.end();
    }
  };
  await t.close();
}
