/**
 * Benchmark of the streaming project exports (issue 13 part 4): seeds N synthetic projects (default
 * 40,000), then exports all of them as CSV and as XLSX through the export service, reading the stream
 * like a client would, and prints time, projects per second, size and the process's RSS rise.
 * (The server-side memory test over HTTP is bench/export-memory, issue 13 Done-when.)
 *
 *   npm run bench:export-time                         # PGlite in memory
 *   DATABASE_URL=postgres://… npm run bench:export-time   # a PostgreSQL server (a fresh database)
 *   BENCH_PROJECTS=10000 npm run bench:export-time
 */
import { createProgress } from '../src/cli/progress.ts';
import { createServices } from '../src/services/container.ts';
import { migrate } from '../src/storage/migrate.ts';
import { loadReferenceData } from '../src/storage/reference-data.ts';
import { printTable } from './report.ts';
import { openScratchDb } from './scratch-db.ts';

const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 40_000);

const { db, label, cleanup } = await openScratchDb('export');
console.log(`Project export benchmark — ${label}, ${PROJECTS} projects`);
await migrate(db);
await loadReferenceData(db);
await createServices(db).demoSeed.seed({ projects: PROJECTS, seed: 42, asOf: '2026-10-01', onProgress: createProgress('seeding') });
await db.query('ANALYZE');
const services = createServices(db);
const admin = await services.auth.createUser({
  email: `bench-${Date.now()}@example.invalid`,
  name: 'Benchmark',
  password: null,
  role: 'beheerder',
  organisationId: null,
  gemeenteCode: null,
  regionId: null,
  provincieCode: null,
});

const rows: string[][] = [];
for (const format of ['csv', 'xlsx'] as const) {
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const t0 = performance.now();
  const stream = await services.projectExports[format]({ lifecycle: 'alle' }, admin);
  let bytes = 0;
  for await (const chunk of stream) {
    bytes += (chunk as Buffer).length;
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  const seconds = (performance.now() - t0) / 1000;
  rows.push([
    format.toUpperCase(),
    seconds.toFixed(1),
    Math.round(PROJECTS / seconds).toLocaleString('en'),
    (bytes / 1e6).toFixed(1),
    ((peak - rssBefore) / 1e6).toFixed(0),
  ]);
}
printTable(['format', 'seconds', 'projects/s', 'MB', 'RSS rise (MB)'], rows);
await cleanup();
