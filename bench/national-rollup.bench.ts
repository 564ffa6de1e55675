/**
 * Benchmark of the national roll-up at national scale (issue 3): seeds N synthetic projects (default
 * 40,000) and closes Q quarterly rounds (default 8) at the example versnellingstafels, then times the
 * national overview (loading + forecast + Monte-Carlo band + special targets + PPM use per region), the
 * forecast of the nation and of a province with simulation, and the plancapaciteit roll-up, through
 * the services (no HTTP). Prints p50/p95 (and CPU) over RUNS runs: full load (fresh process), after a
 * project changed (its gemeente is reloaded), and warm; the goal is "well under a second".
 *
 *   npm run bench:national                          # PGlite in a temporary directory
 *   DATABASE_URL=postgres://… npm run bench:national # a PostgreSQL server (uses a fresh database)
 *   BENCH_PROJECTS=10000 BENCH_RUNS=10 BENCH_QUARTERS=0 npm run bench:national
 */
import { createProgress } from '../src/cli/progress.ts';
import { ANONYMOUS, type Principal } from '../src/domain/access.ts';
import { addKwartalen, kwartaalEnd, type Kwartaal } from '../src/domain/kwartaal.ts';
import { POLICY } from '../src/domain/policy.ts';
import { createServices } from '../src/services/container.ts';
import { queryOne } from '../src/storage/db.ts';
import { migrate } from '../src/storage/migrate.ts';
import { loadReferenceData } from '../src/storage/reference-data.ts';
import { printTable, sampleAt } from './report.ts';
import { openScratchDb } from './scratch-db.ts';

const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 40_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const QUARTERS = Number(process.env.BENCH_QUARTERS ?? 8);
const WARMUP = 2;
const AS_OF = '2026-10-01';

function percentile(sorted: number[], p: number): number {
  return sampleAt(sorted, Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)));
}

interface Timing {
  p50: number;
  p95: number;
  max: number;
  /** CPU time of this process per call, p50 (with PGlite it includes the database's work). */
  cpu50: number;
}

/** Wall-clock and CPU time of `fn` over RUNS runs after WARMUP; `before` runs untimed before each call. */
async function time(fn: () => Promise<unknown>, before?: () => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < WARMUP; i++) {
    await before?.();
    await fn();
  }
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await before?.();
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

const bench = await openScratchDb('national');
const db = bench.db;
console.log(
  `National roll-up benchmark — ${bench.label}, ${PROJECTS} projects, ${QUARTERS} closed quarters, ${RUNS} runs per case (after ${WARMUP} warm-up)`,
);
await migrate(db);
await loadReferenceData(db);
const services = createServices(db);
const seed = await services.demoSeed.seed({ projects: PROJECTS, seed: 42, asOf: AS_OF, onProgress: createProgress('seeding') });
console.log(`seeded ${seed.projects} projects, ${seed.milestones} milestones in ${seed.seconds.toFixed(1)} s`);

// Closed quarterly rounds at the example versnellingstafels (snapshots of every table project per quarter).
let closed = 0;
if (QUARTERS > 0) {
  const system: Principal = { ...ANONYMOUS, kind: 'user', name: 'Benchmark', role: 'beheerder' };
  const actor = { principal: system, via: 'system' as const };
  const tables = (await services.reference.listRegions('versnellingstafel')).map((r) => r.id);
  const first = addKwartalen('2026-Q3' as Kwartaal, -(QUARTERS - 1));
  const t0 = performance.now();
  for (const table of tables) {
    for (let i = 0; i < QUARTERS; i++) {
      const quarter = addKwartalen(first, i);
      const round = await services.rounds.openRound(table, { quarter, deadline: kwartaalEnd(quarter) }, actor);
      await services.rounds.closeRound(round.id, actor);
      closed++;
    }
  }
  console.log(`closed ${closed} rounds (${QUARTERS} quarters × ${tables.length} tables) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
await db.query('ANALYZE');

const runs = POLICY.simulation.runs;
// Full load: the first call of a fresh process (or after re-seeding): the whole national dataset is read.
// After a change: one project changed just before; its gemeente is reloaded, the figures and the
// simulation are recomputed. Warm: nothing changed since the previous call (figures recomputed from
// the kept dataset; a simulation with the same seed and window reused). New seed: the simulation reruns.
const { id: touched } = await queryOne<{ id: string }>(db, 'SELECT id FROM projects ORDER BY id LIMIT 1');
const touch = () => db.query('UPDATE projects SET version = version + 1, updated_at = now() WHERE id = $1', [touched]);
let fresh = createServices(db);
const restart = async () => {
  fresh = createServices(db);
};
let seedCounter = 1000;
/** The national figures are read as the ministry (every area and unit readable). */
const ministry: Principal = { ...ANONYMOUS, kind: 'user', name: 'bench', role: 'ministerie_analist' };
const overview = () => services.national.overview({ asOf: AS_OF, year: 2027 }, ministry);
const cases: Array<{ name: string; fn: () => Promise<unknown>; before?: () => Promise<unknown> }> = [
  {
    name: `national overview, full load (simulation ${runs} runs)`,
    before: restart,
    fn: () => fresh.national.overview({ asOf: AS_OF, year: 2027 }, ministry),
  },
  { name: 'national overview, after a project changed', before: touch, fn: overview },
  { name: 'national overview, warm', fn: overview },
  {
    name: `forecast nation by province, after a change (${runs} runs)`,
    before: touch,
    fn: () => services.forecast.forecast({ area: 'nl', fromYear: 2026, toYear: 2035 }, ministry),
  },
  {
    name: `forecast nation by province, new seed (${runs} runs)`,
    fn: () => services.forecast.forecast({ area: 'nl', fromYear: 2026, toYear: 2035, seed: seedCounter++ }, ministry),
  },
  {
    name: `forecast provincie PV27 by gemeente, new seed`,
    fn: () => services.forecast.forecast({ area: 'provincie:PV27', fromYear: 2026, toYear: 2035, seed: seedCounter++ }, ministry),
  },
  { name: 'plancapaciteit nation by province', fn: () => services.national.plancapaciteit({ fromYear: 2026, breakdown: 'provincie' }, ministry) },
  { name: 'reconciliation nation', fn: () => services.realisations.reconciliation({}, ministry) },
];

const rows: string[][] = [];
const results = new Map<string, Timing>();
for (const c of cases) {
  const r = await time(c.fn, c.before);
  results.set(c.name, r);
  rows.push([c.name, r.p50.toFixed(1), r.p95.toFixed(1), r.max.toFixed(1), r.cpu50.toFixed(1)]);
}
const header = ['case', 'p50 ms', 'p95 ms', 'max ms', 'CPU p50 ms'];
printTable(header, rows);
const resultOf = (i: number) => {
  const result = results.get(cases[i]?.name ?? '');
  if (!result) throw new Error(`no result for case ${i}`);
  return result;
};
const [full, changed, warm] = [resultOf(0), resultOf(1), resultOf(2)];
console.log(
  `national overview p50/p95: full load ${full.p50.toFixed(0)}/${full.p95.toFixed(0)} ms, after a change ${changed.p50.toFixed(0)}/${changed.p95.toFixed(0)} ms, ` +
    `warm ${warm.p50.toFixed(0)}/${warm.p95.toFixed(0)} ms ` +
    `(goal: well under 1000 ms); load average at the end: ${(await import('node:os'))
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
);
await bench.cleanup();
