/**
 * How fast do the Tafeloverzicht and the national project map (Kaart) become interactive with the
 * national register (issue 5: goal under 1.5 s in headless Chromium on this machine)?
 *
 * Seeds 40,000 synthetic projects into a PGlite directory (or reuses BENCH_DATA_DIR), starts the
 * server as its own process (`wbm serve`, as in production), signs a headless Chromium in as a demo
 * role and opens each page: once with an empty browser cache ("cold": a new browser profile) and
 * BENCH_RUNS times with the cache filled ("warm"). Each time is measured from navigation start to the
 * page's own ready mark (performance.mark, see web/src/components/readyMarks.ts), which the page sets
 * when its data is shown and its charts or map are drawn:
 *   - wbm:tafeloverzicht        figures, tables and the chart of the Tafeloverzicht are drawn;
 *   - wbm:tafeloverzicht-kaart  its map of the table's projects is drawn as well;
 *   - wbm:kaart                 the Kaart is usable: boundaries, per-gemeente overview, counts;
 *   - wbm:kaart-projecten       every project point of the country is drawn on it.
 *
 *   npm run bench:dashboard
 *   BENCH_DATA_DIR=/tmp/wbm-40k BENCH_RUNS=10 npm run bench:dashboard   # keep and reuse the seeded data
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { createProgress } from '../src/cli/progress.ts';
import { createServices } from '../src/services/container.ts';
import { openPglite } from '../src/storage/db.ts';
import { migrate } from '../src/storage/migrate.ts';
import { loadReferenceData } from '../src/storage/reference-data.ts';
import { CHROMIUM, ensureWebBuild, type DemoRole } from '../test/e2e/support.ts';
import { printTable, sampleAt } from './report.ts';

const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 40_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const GOAL_MS = 1500;
const KEEP_DIR = process.env.BENCH_DATA_DIR;

interface Case {
  name: string;
  path: string;
  role: DemoRole;
  marks: string[];
}

const CASES: Case[] = [
  {
    name: 'Tafeloverzicht U10 (~2,000 projects)',
    path: '/tafels/vt-u10',
    role: 'ministerie_analist',
    marks: ['wbm:tafeloverzicht', 'wbm:tafeloverzicht-kaart'],
  },
  {
    name: 'Tafeloverzicht Amsterdam e.o. (~4,300 projects), as its secretary',
    path: '/tafels/vt-amsterdam-e-o',
    role: 'tafel_secretaris',
    marks: ['wbm:tafeloverzicht', 'wbm:tafeloverzicht-kaart'],
  },
  { name: 'Kaart, heel Nederland', path: '/kaart', role: 'ministerie_analist', marks: ['wbm:kaart', 'wbm:kaart-projecten'] },
];

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return sampleAt(s, Math.floor(s.length / 2));
}

async function prepareData(dir: string): Promise<void> {
  const db = await openPglite(dir);
  await migrate(db);
  const services = createServices(db);
  const existing = await services.repositories.projects.count(db);
  if (existing === 0) {
    await loadReferenceData(db);
    const seed = await services.demoSeed.seed({ projects: PROJECTS, seed: 42, asOf: '2026-10-01', onProgress: createProgress('seeding') });
    await db.query('ANALYZE');
    console.log(`seeded ${seed.projects} projects, ${seed.milestones} milestones in ${seed.seconds.toFixed(1)} s`);
  } else {
    console.log(`reusing ${existing} projects in ${dir}`);
  }
  await services.auth.ensureDemoUsers();
  await db.close();
}

async function startServer(dir: string): Promise<{ base: string; process: ChildProcess }> {
  const port = 3900 + Math.floor(Math.random() * 90);
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], {
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'warn', DATA_DIR: dir, DATABASE_URL: '' },
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
    if (i > 120) throw new Error('server did not start');
    await new Promise((r) => setTimeout(r, 500));
  }
  return { base, process: child };
}

/** A browser profile signed in as `role` (the session cookie of a demo sign-in). */
async function signedInContext(base: string, role: DemoRole): Promise<{ context: BrowserContext; profile: string }> {
  const profile = mkdtempSync(join(tmpdir(), 'wbm-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ARGS,
  });
  const res = await context.request.post(`${base}/api/v1/auth/demo`, { data: { role } });
  if (!res.ok()) throw new Error(`demo sign-in as ${role}: ${res.status()}`);
  return { context, profile };
}

/** The time of `mark` in one measurement: measure() waits for every mark, so a missing one is a bug. */
function timeOf(times: Record<string, number>, mark: string): number {
  const time = times[mark];
  if (time === undefined) throw new Error(`no time for mark ${mark}`);
  return time;
}

/** Opens the page and returns, per mark, the milliseconds from navigation start. */
async function measure(context: BrowserContext, url: string, marks: string[]): Promise<Record<string, number>> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url, { waitUntil: 'commit' });
  const result: Record<string, number> = {};
  for (const mark of marks) {
    await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, mark, { timeout: 60_000, polling: 50 });
    result[mark] = await page.evaluate((m) => performance.getEntriesByName(m)[0]!.startTime, mark); // there is one: waited for above
  }
  await page.close();
  if (errors.length) throw new Error(`${url}: ${errors.join('; ')}`);
  return result;
}

ensureWebBuild();
const dir = KEEP_DIR ?? mkdtempSync(join(tmpdir(), 'wbm-bench-dashboard-'));
await prepareData(dir);
const server = await startServer(dir);
console.log(
  `\nWoningbouwmonitor: time to interactive in headless Chromium, ${PROJECTS.toLocaleString('en')} projects (PGlite), server as its own process`,
);
console.log(`cold = empty browser cache (first visit), warm = median of ${RUNS} visits with the cache filled; ms from navigation start`);
console.log(
  `machine load average before: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} (2 cores; other work on the machine slows both server and browser)\n`,
);

const rows: string[][] = [];
let worst = 0;
try {
  for (const c of CASES) {
    const url = `${server.base}${c.path}`;
    // Cold: a new profile has an empty HTTP cache. The server has seen the query before only in the
    // warm-up visit below, so both columns measure a running server, not its very first request.
    const warmup = await signedInContext(server.base, c.role);
    await measure(warmup.context, url, c.marks);
    await warmup.context.close();
    rmSync(warmup.profile, { recursive: true, force: true });

    const cold = await signedInContext(server.base, c.role);
    const coldTimes = await measure(cold.context, url, c.marks);
    const warmTimes: Record<string, number>[] = [];
    for (let i = 0; i < RUNS; i++) warmTimes.push(await measure(cold.context, url, c.marks));
    await cold.context.close();
    rmSync(cold.profile, { recursive: true, force: true });

    for (const mark of c.marks) {
      const warm = warmTimes.map((t) => timeOf(t, mark));
      const coldTime = timeOf(coldTimes, mark);
      rows.push([c.name, mark, coldTime.toFixed(0), median(warm).toFixed(0), Math.max(...warm).toFixed(0)]);
      if (mark === c.marks[0]) worst = Math.max(worst, coldTime, median(warm));
    }
  }
} finally {
  server.process.kill('SIGTERM');
  await once(server.process, 'exit');
  if (!KEEP_DIR) rmSync(dir, { recursive: true, force: true });
}

const header = ['page', 'ready mark', 'cold ms', 'warm median ms', 'warm max ms'];
printTable(header, rows, 2);
console.log(
  `machine load average after: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
console.log(`\nslowest "interactive" mark (first mark per page, cold or warm median): ${worst.toFixed(0)} ms (goal < ${GOAL_MS} ms)`);
