/**
 * Child process of the crash test (test/safety/crash.test.ts): performs one large multi-row write and
 * reports its progress as JSON lines on stdout, so the parent can SIGKILL it in the middle.
 *
 *   node --import tsx test/safety/crash-child.ts seed   '{"projects":20000,"seed":7}'
 *   node --import tsx test/safety/crash-child.ts close  '{"roundId":"…"}'
 *   node --import tsx test/safety/crash-child.ts import '{"file":"/tmp/…/targets.csv"}'
 *
 * The database is the one `wbm` would open (src/config.ts): DATABASE_URL when set, else PGlite in DATA_DIR.
 * The write runs through the real services; the only addition is a tracing wrapper that reports each
 * statement run inside a transaction (it does not change what is executed).
 */
import { loadConfig } from '../../src/config.ts';
import { createServices } from '../../src/services/container.ts';
import { openDb, type Db, type Queryable } from '../../src/storage/db.ts';
import { ADMIN, ADMIN_ACTOR } from '../helpers/auth.ts';
import { readFileSync } from 'node:fs';

export type ChildEvent =
  | { event: 'ready'; pid: number; kind: string }
  | { event: 'begin' }
  | { event: 'stmt'; n: number; verb: string; table: string }
  | { event: 'progress'; done: number; total: number }
  | { event: 'done'; result: unknown };

/** Synchronous on Linux pipes, so a line is out before the next statement starts. */
const emit = (e: ChildEvent) => process.stdout.write(`${JSON.stringify(e)}\n`);

/** Report every statement run inside a transaction: its verb and table, numbered. */
function traced(db: Db): Db {
  let n = 0;
  const wrap = (tx: Queryable): Queryable => ({
    async query<T>(sql: string, params?: unknown[]) {
      const m = /^\s*(INSERT INTO|UPDATE|DELETE FROM|SELECT|LOCK TABLE)\s+([a-z_]+)?/i.exec(sql);
      const result = await tx.query<T>(sql, params);
      n += 1;
      emit({ event: 'stmt', n, verb: (m?.[1] ?? 'OTHER').toUpperCase(), table: m?.[2] ?? '' });
      return result;
    },
    // Bulk loads (the demo seed) COPY through the driver connection (src/storage/copy.ts); untraced.
    connection: tx.connection,
  });
  return {
    kind: db.kind,
    query: (sql, params) => db.query(sql, params),
    exec: (sql) => db.exec(sql),
    close: () => db.close(),
    transaction: (fn) =>
      db.transaction((tx) => {
        emit({ event: 'begin' });
        return fn(wrap(tx));
      }),
  };
}

async function main(): Promise<void> {
  const [mode, json] = process.argv.slice(2);
  const options = JSON.parse(json ?? '{}') as Record<string, unknown>;
  const config = loadConfig();
  const db = traced(await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  const services = createServices(db);
  emit({ event: 'ready', pid: process.pid, kind: db.kind });
  let result: unknown;
  switch (mode) {
    case 'seed':
      result = await services.demoSeed.seed({
        projects: Number(options.projects),
        seed: Number(options.seed ?? 1),
        asOf: String(options.asOf ?? '2026-10-01'),
        onProgress: (done, total) => emit({ event: 'progress', done, total }),
      });
      break;
    case 'close': {
      const round = await services.rounds.closeRound(String(options.roundId), ADMIN_ACTOR);
      result = { projectCount: round.projectCount, closedAt: round.closedAt };
      break;
    }
    case 'import': {
      const imported = await services.targets.importFile(readFileSync(String(options.file)), 'csv', ADMIN);
      result = { rows: imported.rows, created: imported.created, updated: imported.updated };
      break;
    }
    default:
      throw new Error(`unknown mode '${mode}'`);
  }
  emit({ event: 'done', result });
  await db.close();
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    process.stderr.write(`crash-child: ${err.stack ?? err.message}\n`);
    process.exit(1);
  },
);
