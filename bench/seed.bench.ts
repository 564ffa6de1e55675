/**
 * Benchmark of the demo seed (issue 14): for each way of writing — the earlier multi-row INSERTs (`insert`),
 * COPY with the projects generated in-process (`copy-here`, what a number of projects does), COPY with them
 * generated in one worker thread while the database writes (`copy`) — seeds BENCH_PROJECTS synthetic projects
 * (default 40,000) into a fresh, migrated database with reference data, and then the national-scale default demo
 * of `npm start` (COPY, two worker threads). Prints where the time goes: opening and migrating, loading the
 * reference data, the seed (one transaction), of which the writer waited for generated projects and rebuilt
 * indexes and keys.
 *
 *   npm run bench:seed                               # PGlite in a temporary directory
 *   DATABASE_URL=postgres://… npm run bench:seed     # a PostgreSQL server (a fresh scratch database per run)
 *   BENCH_PROJECTS=4000 BENCH_WRITERS=copy npm run bench:seed
 */
import { DEMO_DEFAULTS } from '../src/cli/commands/seed.ts';
import { createServices } from '../src/services/container.ts';
import { migrate } from '../src/storage/migrate.ts';
import { loadReferenceData } from '../src/storage/reference-data.ts';
import { printTable } from './report.ts';
import { openScratchDb } from './scratch-db.ts';

const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 40_000);
type Writer = 'insert' | 'copy-here' | 'copy';
const WRITERS = (process.env.BENCH_WRITERS ?? 'insert,copy-here,copy').split(',') as Writer[];
const NATIONAL = process.env.BENCH_NATIONAL !== 'false';
const serverUrl = process.env.DATABASE_URL;

const seconds = (from: number) => ((performance.now() - from) / 1000).toFixed(1);

async function run(label: string, projects: number | 'national', writer: Writer): Promise<string[]> {
  let t = performance.now();
  const { db, cleanup } = await openScratchDb('seed');
  await migrate(db);
  const migrated = seconds(t);
  t = performance.now();
  await loadReferenceData(db);
  const reference = seconds(t);
  const result = await createServices(db).demoSeed.seed({
    projects,
    seed: DEMO_DEFAULTS.seed,
    asOf: DEMO_DEFAULTS.asOf,
    writer: writer === 'insert' ? 'insert' : 'copy',
    // The national demo: as npm start seeds it (two worker threads).
    ...(projects === 'national' ? {} : { workers: writer === 'copy' ? 1 : 0 }),
  });
  await cleanup();
  const rows = result.projects + result.milestones + result.knelpunten;
  return [
    label,
    writer,
    String(result.projects),
    migrated,
    reference,
    String(result.workers),
    result.seconds.toFixed(1),
    result.waitSeconds.toFixed(1),
    result.indexSeconds === null ? '–' : result.indexSeconds.toFixed(1),
    String(Math.round(rows / 1000)),
    String(Math.round(result.projects / result.seconds)),
  ];
}

const table: string[][] = [];
for (const writer of WRITERS) {
  table.push(await run(`${PROJECTS} projects`, PROJECTS, writer));
  console.error(`done: ${writer}`);
}
if (NATIONAL) table.push(await run('national default', 'national', 'copy'));

console.log(`\nDemo seed on ${serverUrl ? 'PostgreSQL (DATABASE_URL)' : 'PGlite (temporary directory)'} — seconds`);
printTable(['dataset', 'writer', 'projects', 'migrate', 'reference', 'workers', 'seed', 'waiting', 'indexes', 'k rows*', 'projects/s'], table, 2);
console.log('* projects + milestones + knelpunten (programme, jaarschijven and parties rows come on top)');
