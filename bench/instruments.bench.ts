/**
 * Benchmark of the Realisatiestimulans at national scale (issue 16: "The instrument figures for the 40,000-project
 * dataset are computed in under 5 s"): seeds N synthetic projects (default 40,000) with the demo seed, then times
 * the national overview (every gemeente on both counting bases, the budget check and the payout schedule), a
 * province's overview and one gemeente's drill-down, through the services (no HTTP). Prints p50/p95 over RUNS runs
 * with the goal beside them, and the load average.
 *
 *   npm run bench:instruments                          # PGlite in a temporary directory
 *   DATABASE_URL=postgres://… npm run bench:instruments # a PostgreSQL server (uses a fresh database)
 *   BENCH_PROJECTS=10000 BENCH_RUNS=5 npm run bench:instruments
 */
import { loadavg } from 'node:os';
import { createProgress } from '../src/cli/progress.ts';
import { ANONYMOUS, type Principal } from '../src/domain/access.ts';
import { createServices } from '../src/services/container.ts';
import { queryOne } from '../src/storage/db.ts';
import { migrate } from '../src/storage/migrate.ts';
import { loadReferenceData } from '../src/storage/reference-data.ts';
import { printTable, sampleAt } from './report.ts';
import { openScratchDb } from './scratch-db.ts';

const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 40_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const WARMUP = 1;
const AS_OF = '2026-10-01';
const GOAL_MS = 5_000;

const percentile = (sorted: number[], p: number) =>
  sampleAt(sorted, Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)));

/** Wall-clock time, and the CPU time of this process (with PGlite it includes the database's work; on a server it does not). */
async function time(fn: () => Promise<unknown>): Promise<{ p50: number; p95: number; max: number; cpu50: number }> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { p50: percentile(wall, 50), p95: percentile(wall, 95), max: sampleAt(wall, wall.length - 1), cpu50: percentile(cpu, 50) };
}

const bench = await openScratchDb('instruments');
const db = bench.db;
console.log(`Realisatiestimulans benchmark — ${bench.label}, ${PROJECTS} projects, ${RUNS} runs per case (after ${WARMUP} warm-up)`);
await migrate(db);
await loadReferenceData(db);
const services = createServices(db);
const seed = await services.demoSeed.seed({ projects: PROJECTS, seed: 42, asOf: AS_OF, onProgress: createProgress('seeding') });
console.log(`seeded ${seed.projects} projects, ${seed.milestones} milestones in ${seed.seconds.toFixed(1)} s`);
await db.query('ANALYZE');

const ministry: Principal = { ...ANONYMOUS, kind: 'user', name: 'bench', role: 'ministerie_analist' };
const province: Principal = { ...ministry, role: 'provincie_analist', provincieCode: 'PV27' };
const gemeente: Principal = { ...ministry, role: 'gemeente_editor', gemeenteCode: 'GM0363' };
const rs = services.realisatiestimulans;

const first = await rs.overview({}, ministry);
const counted = await queryOne<{ n: number }>(
  db,
  `SELECT count(*)::int AS n FROM project_milestones WHERE code IN ('M11', 'M12')
     AND COALESCE(actual_date, forecast_date) BETWEEN '2025-01-01' AND '2029-12-31'`,
);
console.log(
  `national: ${first.gemeenten.length} gemeenten, ${first.total.start_bouw.realised.projects} project lines realised on start bouw ` +
    `(${first.total.start_bouw.realised.affordableHomes} affordable homes, € ${first.total.start_bouw.realised.netEuros.toLocaleString('nl-NL')}), ` +
    `${Number(counted.n)} M11/M12 milestones dated 2025–2029 in the register`,
);

const cases: Array<{ name: string; fn: () => Promise<unknown> }> = [
  { name: 'national overview (all gemeenten, both bases, budget, payout)', fn: () => rs.overview({}, ministry) },
  {
    name: 'national overview, scenario with supplements',
    fn: () => rs.overview({ deductionRule: 'bedrag_aftrekken', supplements: { nplvPerHomeEuros: 1000, ouderenPerHomeEuros: 500 } }, ministry),
  },
  { name: 'province PV27 overview', fn: () => rs.overview({}, province) },
  { name: 'gemeente GM0363 with drill-down', fn: () => rs.gemeente('GM0363', {}, gemeente) },
];
const rows: string[][] = [];
let worst = 0;
for (const c of cases) {
  const r = await time(c.fn);
  worst = Math.max(worst, r.p95);
  rows.push([c.name, r.p50.toFixed(0), r.p95.toFixed(0), r.max.toFixed(0), r.cpu50.toFixed(0), `< ${GOAL_MS}`, r.p95 < GOAL_MS ? 'met' : 'NOT met']);
}
printTable(['case', 'p50 ms', 'p95 ms', 'max ms', 'CPU p50 ms', 'goal ms', 'goal (p95)'], rows);
console.log(
  `worst p95 ${worst.toFixed(0)} ms against the goal of ${GOAL_MS} ms (${worst < GOAL_MS ? 'met' : 'NOT met'}); ` +
    `load average at the end: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
);
await bench.cleanup();
