/**
 * How cost grows with the register (issue 15, goals 4–5): the project list (every case of `npm run bench`,
 * bounded count, plus the exact count with sums, a deep offset page and the same depth by cursor), a table's
 * dashboard and the national overview (first ever, full load in a new process, warm, and right after a write) at 4,000, 40,000 and 400,000 projects; prints p50/p95
 * per size and the growth factor per tenfold, with the goals beside them.
 *
 * Seeding 400,000 projects is heavy, so the seeded databases are kept and reused between runs: on a server the
 * databases `wbm_growth_<size>` (created and seeded with COPY when missing or of another size), on PGlite the
 * directories `$BENCH_GROWTH_DIR/<size>` (default in the temporary directory). Drop them by hand when done.
 *
 *   npm run bench:growth                                         # PGlite
 *   DATABASE_URL=postgres://… npm run bench:growth               # a PostgreSQL server
 *   BENCH_SIZES=4000,40000 BENCH_RUNS=100 npm run bench:growth
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createProgress } from '../src/cli/progress.ts';
import { ANONYMOUS, type Principal } from '../src/domain/access.ts';
import { createServices } from '../src/services/container.ts';
import { openPglite, openPostgres, queryOne, type Db } from '../src/storage/db.ts';
import { migrate } from '../src/storage/migrate.ts';
import { loadReferenceData } from '../src/storage/reference-data.ts';
import { printTable, sampleAt } from './report.ts';
import { waitForNationalOverview } from './server-process.ts';

const SIZES = (process.env.BENCH_SIZES ?? '4000,40000,400000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 100);
const SLOW_RUNS = Number(process.env.BENCH_SLOW_RUNS ?? 10);
const WARMUP = 5;
const AS_OF = '2026-10-01';
const TABLE = 'vt-u10';
const serverUrl = process.env.DATABASE_URL || undefined;
const kind = serverUrl ? 'PostgreSQL' : 'PGlite';

interface Timing {
  p50: number;
  p95: number;
}

function percentile(sorted: number[], p: number): number {
  return sampleAt(sorted, Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)));
}

async function time(fn: () => Promise<unknown>, runs: number, warmup = WARMUP, before?: () => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < warmup; i++) {
    await before?.();
    await fn();
  }
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    await before?.();
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

/** The seeded database of one size: reused when it holds that many synthetic projects, else (re)seeded. */
async function seededDb(size: number): Promise<{ db: Db; serverEnv: Record<string, string>; reopen: () => Promise<Db> }> {
  let open: () => Promise<Db>;
  let serverEnv: Record<string, string>;
  if (serverUrl) {
    const name = `wbm_growth_${size >= 1000 ? `${size / 1000}k` : size}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!exists.rowCount) await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    open = () => openPostgres(url.toString());
    serverEnv = { DATABASE_URL: url.toString() };
  } else {
    const dir = join(process.env.BENCH_GROWTH_DIR ?? join(tmpdir(), 'wbm-growth'), String(size));
    open = () => openPglite(dir);
    serverEnv = { DATA_DIR: dir, DATABASE_URL: '' };
  }
  const db = await open();
  const applied = await migrate(db);
  if (applied.length) console.log(`  migrations applied: ${applied.join(', ')}`);
  const { n } = await queryOne<{ n: number }>(db, 'SELECT count(*) AS n FROM projects WHERE synthetic');
  if (n !== size) {
    await loadReferenceData(db);
    const t0 = performance.now();
    const seed = await createServices(db).demoSeed.seed({ projects: size, seed: 2025, asOf: AS_OF, onProgress: createProgress('  seeding') });
    console.log(`  seeded ${seed.projects} projects in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
  // The state a server keeps by autovacuum: statistics, and the visibility map index-only scans rely on.
  await db.query('VACUUM ANALYZE');
  return { db, serverEnv, reopen: open };
}

async function startServer(env: Record<string, string>): Promise<{ base: string; stop: () => Promise<void> }> {
  const port = 3900 + Math.floor(Math.random() * 90);
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], {
    // The seeded databases hold the benchmark's own account: not demo mode (which refuses real accounts). The list
    // is measured from the database, as `npm run bench` does, not from the page cache that repeats would hit.
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'warn', DEMO_MODE: 'false', LIST_PAGE_CACHE: 'false', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (
      await fetch(`${base}/api/v1/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (i > 240 || server.exitCode !== null) throw new Error('server did not start');
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    base,
    stop: async () => {
      server.kill('SIGTERM');
      await once(server, 'exit');
    },
  };
}

/** The list cases of `npm run bench` (bounded count), and what grows with the register by design. */
function listCases(size: number): Array<{ name: string; query: string; slow?: boolean; cursorAt?: number }> {
  const middle = Math.floor(size / 2 / 50) * 50;
  return [
    { name: 'list: first page, no filter', query: '' },
    { name: 'list: gemeente Amsterdam', query: 'gemeente=GM0363' },
    { name: 'list: provincie + phase', query: 'provincie=PV27&phase=realisatie,vergunning' },
    { name: 'list: status rood, by delay', query: 'status=rood&sort=-maxDelayMonths' },
    { name: 'list: plan status + flag', query: 'planStatus=onherroepelijk,vastgesteld&flags=woondeal_locatie' },
    { name: 'list: text search', query: 'q=kwartier' },
    { name: 'list: region (tafel)', query: `region=${TABLE}&sort=-totalHomes` },
    { name: 'list: deep page by cursor (middle)', query: '', cursorAt: middle },
    { name: 'list: deep page by offset (middle)', query: `offset=${middle}`, slow: true },
    { name: 'list: exact count + sums, no filter', query: 'total=exact&limit=1', slow: true },
    { name: 'list: exact count + sums, gemeente', query: 'gemeente=GM0363&total=exact&limit=1', slow: true },
  ];
}

const results = new Map<string, Map<number, Timing>>();
const record = (name: string, size: number, t: Timing) => {
  if (!results.has(name)) results.set(name, new Map());
  results.get(name)!.set(size, t);
};
const loads: string[] = [];

console.log(`Growth benchmark — ${kind}, sizes ${SIZES.join(', ')}; ${RUNS} runs per list case, ${SLOW_RUNS} for the slow ones`);
for (const size of SIZES) {
  console.log(`${size} projects:`);
  const opened = await seededDb(size);
  const { serverEnv, reopen } = opened;
  let db = opened.db;
  const services = createServices(db);
  const analyst = await services.auth.createUser({
    email: `growth-${Date.now()}@example.invalid`,
    name: 'Growth benchmark',
    password: null,
    role: 'ministerie_analist',
    organisationId: null,
    gemeenteCode: null,
    regionId: null,
    provincieCode: null,
  });
  const { token } = await services.auth.createApiToken(analyst, 'growth benchmark');
  const headers = { authorization: `Bearer ${token}` };
  if (!serverUrl) await db.close();

  const server = await startServer(serverEnv);
  const get = async (path: string) => {
    const res = await fetch(`${server.base}${path}`, { headers });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res;
  };
  await waitForNationalOverview(server.base, headers);
  for (const c of listCases(size)) {
    let path = `/api/v1/projects?${c.query}`;
    if (c.cursorAt !== undefined) {
      const page = (await (await get(`/api/v1/projects?offset=${c.cursorAt - 50}`)).json()) as { nextCursor: string | null };
      if (!page.nextCursor) throw new Error('no cursor in the middle of the list');
      path = `/api/v1/projects?cursor=${page.nextCursor}`;
    }
    record(c.name, size, await time(async () => (await get(path)).arrayBuffer(), c.slow ? SLOW_RUNS : RUNS, c.slow ? 1 : WARMUP));
  }
  record(`dashboard ${TABLE} (HTTP)`, size, await time(async () => (await get(`/api/v1/regions/${TABLE}/dashboard`)).arrayBuffer(), SLOW_RUNS, 1));
  await server.stop();

  // The national overview through the services. "first ever": no kept sums yet (a new database, or one restored
  // from a backup): every project is read and summarised per gemeente. "full load": the first call of a new server
  // process, which reads the kept sums per gemeente (migration 0038). "warm": the next call, nothing changed. Then
  // the calls right after a write, in the process that keeps serving: one project's jaarschijf changed (its
  // gemeente is summarised again), and one completion date moved (the observed delays of the country change, so
  // every gemeente's simulation runs again, from the kept input). The writes alternate +1/−1, leaving the data as it was.
  if (!serverUrl) db = await reopen();
  const ministry: Principal = { ...ANONYMOUS, kind: 'user', name: 'bench', role: 'ministerie_analist' };
  const overview = (services: ReturnType<typeof createServices>) => services.national.overview({ asOf: AS_OF, year: 2027 }, ministry);
  let fresh = createServices(db);
  record(
    'national overview, first ever',
    size,
    await time(
      () => overview(fresh),
      1,
      0,
      async () => {
        await db.exec('DELETE FROM national_simulation_pieces; DELETE FROM national_gemeente_summaries; DELETE FROM national_summary_state');
        fresh = createServices(db);
      },
    ),
  );
  record(
    'national overview, full load',
    size,
    await time(
      () => overview(fresh),
      SLOW_RUNS,
      1,
      async () => {
        fresh = createServices(db);
      },
    ),
  );
  record('national overview, warm', size, await time(() => overview(fresh), SLOW_RUNS, 1));
  const [schijf] = await db.query<{ id: string; year: number }>(
    'SELECT project_id AS id, year FROM project_jaarschijven WHERE year = 2028 ORDER BY project_id LIMIT 1',
  );
  const [m12] = await db.query<{ id: string }>(
    `SELECT project_id AS id FROM project_milestones WHERE code = 'M12' AND actual_date IS NULL AND baseline_date IS NOT NULL AND forecast_date IS NOT NULL
     ORDER BY project_id LIMIT 1`,
  );
  let sign = 1;
  const touch = (id: string) => db.query('UPDATE projects SET version = version + 1, updated_at = now() WHERE id = $1', [id]);
  record(
    'national overview, after a project changed',
    size,
    await time(
      () => overview(fresh),
      SLOW_RUNS,
      1,
      async () => {
        await db.query('UPDATE project_jaarschijven SET homes = homes + $2 WHERE project_id = $1 AND year = 2028', [schijf!.id, (sign = -sign)]);
        await touch(schijf!.id);
      },
    ),
  );
  record(
    'national overview, after a completion date moved',
    size,
    await time(
      () => overview(fresh),
      SLOW_RUNS,
      1,
      async () => {
        await db.query(
          `UPDATE project_milestones SET forecast_date = forecast_date + $2 * interval '3 months' WHERE project_id = $1 AND code = 'M12'`,
          [m12!.id, (sign = -sign)],
        );
        await touch(m12!.id);
      },
    ),
  );
  await db.close();
  // Each size as soon as it is measured (a long run that stops later keeps what it had).
  for (const [name, bySize] of results) {
    const t = bySize.get(size);
    if (t) console.log(`  ${name}: p50 ${t.p50.toFixed(1)} ms, p95 ${t.p95.toFixed(1)} ms`);
  }
  loads.push(
    `${size}: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
}

/** The goal of a case at 400,000 projects (issue 15), or '' where the issue sets none. */
function goal(name: string): string {
  if (name.startsWith('list: exact') || name.startsWith('list: deep page by offset')) return '';
  if (name.startsWith('list:')) return 'p95 < 50';
  if (name === 'national overview, full load') return 'p95 < 1000';
  return '';
}

const header = ['case (ms)', ...SIZES.flatMap((s) => [`${s / 1000}k p50`, `${s / 1000}k p95`])];
for (let i = 1; i < SIZES.length; i++) header.push(`×${SIZES[i]! / SIZES[i - 1]!} p95`);
header.push('goal');
const rows: string[][] = [];
for (const [name, bySize] of results) {
  const row = [name];
  for (const s of SIZES) {
    const t = bySize.get(s);
    row.push(t ? t.p50.toFixed(1) : '-', t ? t.p95.toFixed(1) : '-');
  }
  for (let i = 1; i < SIZES.length; i++) {
    const a = bySize.get(SIZES[i - 1]!);
    const b = bySize.get(SIZES[i]!);
    // The growth factor per tenfold: how much more the larger register costs, scaled to a factor of ten in size.
    const factor = a && b ? (b.p95 / a.p95) ** (Math.log(10) / Math.log(SIZES[i]! / SIZES[i - 1]!)) : NaN;
    row.push(Number.isFinite(factor) ? factor.toFixed(2) : '-');
  }
  row.push(goal(name));
  rows.push(row);
}
console.log('');
printTable(header, rows);
console.log(`growth factor per tenfold: 1 = constant, 10 = linear. Load average (1/5/15 min) after each size: ${loads.join('; ')}`);
