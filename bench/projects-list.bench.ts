/**
 * Benchmark of the project register at national scale (issue: foundation).
 * Seeds N synthetic projects (default 40,000 ≈ 480,000 milestones), then measures the project
 * list/filter endpoints over real HTTP on loopback against a separate `wbm serve` process (p50/p95)
 * and the same SQL run directly, and prints both with their ratio.
 *
 *   npm run bench                      # PGlite in a temporary directory
 *   DATABASE_URL=postgres://… npm run bench   # a PostgreSQL server (uses a fresh database)
 *   BENCH_PROJECTS=10000 BENCH_RUNS=100 npm run bench
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createProgress } from '../src/cli/progress.ts';
import { projectScope } from '../src/domain/access.ts';
import { createServices } from '../src/services/container.ts';
import { openPglite, openPostgres, type Db } from '../src/storage/db.ts';
import { migrate } from '../src/storage/migrate.ts';
import { LIST_COUNT_CAP, listRows, listSql, type Page, type ProjectFilter } from '../src/storage/project.repository.ts';
import { loadReferenceData } from '../src/storage/reference-data.ts';
import { printTable, sampleAt } from './report.ts';
import { waitForNationalOverview } from './server-process.ts';

const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 40_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const WARMUP = 20;

interface Case {
  name: string;
  query: string;
  filter: ProjectFilter;
  page: Partial<Page>;
}

const CASES: Case[] = [
  { name: 'first page, no filter', query: '', filter: {}, page: {} },
  { name: 'gemeente Amsterdam', query: 'gemeente=GM0363', filter: { gemeenteCodes: ['GM0363'] }, page: {} },
  {
    name: 'provincie + phase',
    query: 'provincie=PV27&phase=realisatie,vergunning',
    filter: { provincieCodes: ['PV27'], phases: ['realisatie', 'vergunning'] },
    page: {},
  },
  {
    name: 'status rood, by delay',
    query: 'status=rood&sort=-maxDelayMonths',
    filter: { statuses: ['rood'] },
    page: { sort: 'maxDelayMonths', descending: true },
  },
  {
    name: 'plan status + flag',
    query: 'planStatus=onherroepelijk,vastgesteld&flags=woondeal_locatie',
    filter: { planStatuses: ['onherroepelijk', 'vastgesteld'], flags: ['woondeal_locatie'] },
    page: {},
  },
  { name: 'text search', query: 'q=kwartier', filter: { q: 'kwartier' }, page: {} },
  { name: 'region (tafel)', query: 'region=vt-u10&sort=-totalHomes', filter: { regionId: 'vt-u10' }, page: { sort: 'totalHomes', descending: true } },
  { name: 'deep page', query: 'offset=20000&limit=50', filter: {}, page: { offset: 20_000 } },
];

function percentile(sorted: number[], p: number): number {
  return sampleAt(sorted, Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length)));
}

/** Times the functions taking turns (one call of each per round), so a change in the machine's load hits them alike. */
async function timeEach(fns: Array<() => Promise<unknown>>): Promise<Array<{ p50: number; p95: number }>> {
  for (let i = 0; i < WARMUP; i++) for (const fn of fns) await fn();
  const samples = fns.map((): number[] => []);
  for (let i = 0; i < RUNS; i++) {
    for (const [j, fn] of fns.entries()) {
      const t0 = performance.now();
      await fn();
      samples[j]!.push(performance.now() - t0);
    }
  }
  return samples.map((s) => {
    s.sort((a, b) => a - b);
    return { p50: percentile(s, 50), p95: percentile(s, 95) };
  });
}

async function time(fn: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  return (await timeEach([fn]))[0]!;
}

interface BenchDb {
  db: Db;
  kind: 'pglite' | 'postgres';
  label: string;
  dir?: string;
  /** Environment for the server process so it opens the same database. */
  serverEnv: Record<string, string>;
  cleanup: () => Promise<void>;
}

async function openBenchDb(): Promise<BenchDb> {
  if (process.env.DATABASE_URL) {
    const name = `wbm_bench_${Date.now()}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    const db = await openPostgres(url.toString());
    return {
      db,
      kind: 'postgres',
      label: 'PostgreSQL server',
      serverEnv: { DATABASE_URL: url.toString() },
      cleanup: async () => {
        await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
        await admin.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'wbm-bench-'));
  const db = await openPglite(dir);
  return {
    db,
    kind: 'pglite',
    label: 'PGlite (on disk)',
    dir,
    serverEnv: { DATA_DIR: dir, DATABASE_URL: '' },
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

const bench = await openBenchDb();
console.log(`Woningbouwmonitor benchmark — ${bench.label}, ${PROJECTS} projects, ${RUNS} runs per case (after ${WARMUP} warm-up)`);
let db = bench.db;
await migrate(db);
await loadReferenceData(db);
const seed = await createServices(db).demoSeed.seed({ projects: PROJECTS, seed: 42, asOf: '2026-10-01', onProgress: createProgress('seeding') });
await db.query('ANALYZE');
// Measure as a signed-in national user (an API token), the path real users take through authentication.
const services = createServices(db);
const analyst = await services.auth.createUser({
  email: `bench-${Date.now()}@example.invalid`,
  name: 'Benchmark',
  password: null,
  role: 'ministerie_analist',
  organisationId: null,
  gemeenteCode: null,
  regionId: null,
  provincieCode: null,
});
const { token } = await services.auth.createApiToken(analyst, 'benchmark');
const auth = { authorization: `Bearer ${token}` };
console.log(
  `seeded ${seed.projects} projects, ${seed.milestones} milestones, ${seed.knelpunten} knelpunten in ${seed.seconds.toFixed(1)} s ` +
    `(${Math.round(seed.projects / seed.seconds)} projects/s)`,
);

// The API runs as its own process (`wbm serve`), as in production, so the load generator here does
// not share its event loop. PGlite allows one process at a time: close it here while the server runs.
if (bench.kind === 'pglite') await db.close();
const port = 3900 + Math.floor(Math.random() * 90);
const server = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], {
  // The database holds the benchmark's own account: not demo mode (which refuses real accounts).
  // Every page from the database: the list's own cost (as the first request after a write), not the page cache's.
  env: { ...process.env, PORT: String(port), LOG_LEVEL: 'warn', DEMO_MODE: 'false', LIST_PAGE_CACHE: 'false', ...bench.serverEnv },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const address = `http://127.0.0.1:${port}`;
for (let i = 0; ; i++) {
  if (
    await fetch(`${address}/api/v1/health`).then(
      (r) => r.ok,
      () => false,
    )
  )
    break;
  if (i > 120) throw new Error('server did not start');
  await new Promise((r) => setTimeout(r, 500));
}

await waitForNationalOverview(address, auth);

// The floor of any API request: an HTTP round trip on loopback to /health (one `SELECT 1`, no authentication).
const floor = await time(async () => {
  const res = await fetch(`${address}/api/v1/health`);
  await res.arrayBuffer();
});
/** A case's statements run directly: the same the API runs for the benchmark's account (its scope, national, and
 * the list's default lifecycle, active plans): the page and the bounded count (the exact count and sums only on request). */
function rawSql(c: Case): () => Promise<unknown> {
  const page: Page = { limit: 50, offset: 0, sort: 'name', descending: false, ...c.page };
  const list = listSql({ ...c.filter, lifecycle: 'actief', scope: projectScope(analyst, false) ?? undefined }, page, 'bounded');
  return () => listRows(db, list, page, 'bounded', LIST_COUNT_CAP);
}

// On PostgreSQL the API request and the raw SQL take turns (the load of the machine then weighs on both alike);
// PGlite is opened by one process at a time, so there the SQL is timed after the server has stopped.
const api: Array<{ p50: number; p95: number; total: string }> = [];
const sqlTimings: Array<{ p50: number; p95: number }> = [];
for (const c of CASES) {
  const url = `${address}/api/v1/projects?${c.query}`;
  const check = await (await fetch(url, { headers: auth })).json();
  const viaApi = async () => {
    const res = await fetch(url, { headers: auth });
    if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
    await res.arrayBuffer();
  };
  const [timing, sql] = await timeEach(bench.kind === 'postgres' ? [viaApi, rawSql(c)] : [viaApi]);
  api.push({ ...timing!, total: check.totalExact === false ? `>${check.total}` : String(check.total) });
  if (sql) sqlTimings.push(sql);
}
server.kill('SIGTERM');
await once(server, 'exit');
if (bench.kind === 'pglite') {
  db = await openPglite(bench.dir);
  for (const c of CASES) sqlTimings.push(await time(rawSql(c)));
}

const rows: string[][] = [];
let worstApiP95 = 0;
let worstRatio = 0;
for (const [i, c] of CASES.entries()) {
  const sql = sqlTimings[i];
  const viaApi = api[i];
  if (!viaApi || !sql) throw new Error(`no timing for ${c.name}`);
  const ratio = viaApi.p95 / sql.p95;
  worstApiP95 = Math.max(worstApiP95, viaApi.p95);
  worstRatio = Math.max(worstRatio, ratio);
  rows.push([c.name, viaApi.total, viaApi.p50.toFixed(2), viaApi.p95.toFixed(2), sql.p50.toFixed(2), sql.p95.toFixed(2), ratio.toFixed(2)]);
}

const header = ['case', 'total', 'API p50 ms', 'API p95 ms', 'SQL p50 ms', 'SQL p95 ms', 'API/SQL p95'];
printTable(header, rows);
console.log(`HTTP floor (GET /health): p50 ${floor.p50.toFixed(2)} ms, p95 ${floor.p95.toFixed(2)} ms`);
console.log(`worst API p95: ${worstApiP95.toFixed(2)} ms (goal < 50 ms); worst API/SQL p95 ratio: ${worstRatio.toFixed(2)} (goal ≤ 2)`);
await db.close();
await bench.cleanup();
