/**
 * Benchmark of the project register at national scale (issue: foundation).
 * Seeds N synthetic projects (default 40,000 ≈ 480,000 milestones), then measures the project
 * list/filter endpoints over real HTTP on loopback (p50/p95) and the same SQL run directly, and
 * prints both with their ratio.
 *
 *   npm run bench                      # PGlite in a temporary directory
 *   DATABASE_URL=postgres://… npm run bench   # a PostgreSQL server (uses a fresh database)
 *   BENCH_PROJECTS=10000 BENCH_RUNS=100 npm run bench
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createProgress } from '../src/cli/progress.ts';
import { buildApp } from '../src/http/app.ts';
import { createServices } from '../src/services/container.ts';
import { openPglite, openPostgres, type Db } from '../src/storage/db.ts';
import { migrate } from '../src/storage/migrate.ts';
import { listSql, type Page, type ProjectFilter } from '../src/storage/project.repository.ts';
import { loadReferenceData } from '../src/storage/reference-data.ts';

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
  { name: 'provincie + phase', query: 'provincie=PV27&phase=realisatie,vergunning', filter: { provincieCodes: ['PV27'], phases: ['realisatie', 'vergunning'] }, page: {} },
  { name: 'status rood, by delay', query: 'status=rood&sort=-maxDelayMonths', filter: { statuses: ['rood'] }, page: { sort: 'maxDelayMonths', descending: true } },
  { name: 'plan status + flag', query: 'planStatus=onherroepelijk,vastgesteld&flags=woondeal_locatie', filter: { planStatuses: ['onherroepelijk', 'vastgesteld'], flags: ['woondeal_locatie'] }, page: {} },
  { name: 'text search', query: 'q=kwartier', filter: { q: 'kwartier' }, page: {} },
  { name: 'region (tafel)', query: 'region=vt-u10&sort=-totalHomes', filter: { regionId: 'vt-u10' }, page: { sort: 'totalHomes', descending: true } },
  { name: 'deep page', query: 'offset=20000&limit=50', filter: {}, page: { offset: 20_000 } },
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function time(fn: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

async function openBenchDb(): Promise<{ db: Db; cleanup: () => Promise<void>; label: string }> {
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
      label: 'PostgreSQL server',
      cleanup: async () => {
        await db.close();
        await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
        await admin.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'wbm-bench-'));
  const db = await openPglite(dir);
  return { db, label: 'PGlite (on disk)', cleanup: async () => { await db.close(); rmSync(dir, { recursive: true, force: true }); } };
}

const { db, cleanup, label } = await openBenchDb();
console.log(`Woningbouwmonitor benchmark — ${label}, ${PROJECTS} projects, ${RUNS} runs per case (after ${WARMUP} warm-up)`);
await migrate(db);
await loadReferenceData(db);
const services = createServices(db);
const seed = await services.demoSeed.seed({ projects: PROJECTS, seed: 42, asOf: '2026-10-01', onProgress: createProgress('seeding') });
await db.query('ANALYZE');
console.log(
  `seeded ${seed.projects} projects, ${seed.milestones} milestones, ${seed.knelpunten} knelpunten in ${seed.seconds.toFixed(1)} s ` +
    `(${Math.round(seed.projects / seed.seconds)} projects/s)`,
);

const app = await buildApp({ services });
const address = await app.listen({ port: 0, host: '127.0.0.1' });

const rows: string[][] = [];
let worstApiP95 = 0;
let worstRatio = 0;
for (const c of CASES) {
  const page: Page = { limit: 50, offset: 0, sort: 'name', descending: false, ...c.page };
  const url = `${address}/api/v1/projects?${c.query}`;
  const check = await (await fetch(url)).json();
  const api = await time(async () => {
    const res = await fetch(url);
    if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
    await res.arrayBuffer();
  });
  const { itemsSql, countSql, params } = listSql(c.filter, page);
  const sql = await time(async () => {
    await db.query(itemsSql, [...params, page.limit, page.offset]);
    await db.query(countSql, params);
  });
  const ratio = api.p95 / sql.p95;
  worstApiP95 = Math.max(worstApiP95, api.p95);
  worstRatio = Math.max(worstRatio, ratio);
  rows.push([c.name, String(check.total), api.p50.toFixed(2), api.p95.toFixed(2), sql.p50.toFixed(2), sql.p95.toFixed(2), ratio.toFixed(2)]);
}
await app.close();

const header = ['case', 'total', 'API p50 ms', 'API p95 ms', 'SQL p50 ms', 'SQL p95 ms', 'API/SQL p95'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r: string[]) => r.map((v, i) => (i === 0 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join('  ');
console.log(line(header));
for (const r of rows) console.log(line(r));
console.log(`worst API p95: ${worstApiP95.toFixed(2)} ms (goal < 50 ms); worst API/SQL p95 ratio: ${worstRatio.toFixed(2)} (goal ≤ 2)`);
await cleanup();
