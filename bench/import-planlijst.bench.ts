/**
 * Benchmark of the planlijst import (issue 13 part 1 "Done when": a 40,000-project XLSX and CSV planlijst, compared
 * with a plain PostgreSQL COPY of the same rows into a scratch table; goal CSV within 5× of COPY and the whole import
 * of 40,000 projects under 30 s). Generates a semicolon CSV with Dutch numbers and RD coordinates and the same rows as
 * XLSX (test/helpers/planlijst-generator.ts), imports each into a fresh, migrated database through the service (read,
 * check every row, one transaction with projects, parts, links, audit entries and the run), re-imports the CSV
 * (everything unchanged), and COPYs the same rows into a scratch table on the same engine.
 *
 *   npm run bench:import                                   # PGlite (in memory)
 *   DATABASE_URL=postgres://… npm run bench:import         # PGlite and a PostgreSQL server (fresh databases)
 *   BENCH_PROJECTS=10000 npm run bench:import
 *   DATABASE_URL=postgres://… BENCH_ENGINES=postgresql npm run bench:import   # the server only
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { Actor } from '../src/domain/audit.ts';
import { suggestMapping } from '../src/domain/planlijst/headers.ts';
import { createServices } from '../src/services/container.ts';
import type { ImportStage } from '../src/services/planlijst-import.service.ts';
import { copyRows } from '../src/storage/copy.ts';
import { openPglite, openPostgres, type Db } from '../src/storage/db.ts';
import { migrate } from '../src/storage/migrate.ts';
import { loadReferenceData } from '../src/storage/reference-data.ts';
import { GENERATED_COLUMNS, generatePlanRows, planRowsCopyCsv, planRowsCsv, planRowsXlsx } from '../test/helpers/planlijst-generator.ts';
import { printTable } from './report.ts';

const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 40_000);
const ACTOR: Actor = {
  principal: {
    kind: 'user',
    userId: null,
    name: 'bench',
    role: 'beheerder',
    organisationId: null,
    gemeenteCode: null,
    regionId: null,
    provincieCode: null,
    demo: false,
  },
  via: 'import',
};
const SCRATCH = `CREATE TABLE scratch_planlijst (plan_id text, plan_name text, gemeente text, status text, plan_type text, homes int, social int,
  middle int, free int, ground int, stacked int, period1 int, period2 int, start_bouw date, x double precision, y double precision)`;

interface Engine {
  name: string;
  fresh(): Promise<{ db: Db; drop: () => Promise<void> }>;
  /** Wall seconds, and CPU seconds of this process where the engine runs in it (PGlite). */
  copy(csv: string): Promise<{ seconds: number; cpu: number | null }>;
}

function pgliteEngine(): Engine {
  return {
    name: 'PGlite',
    async fresh() {
      const db = await openPglite();
      await migrate(db);
      await loadReferenceData(db);
      return { db, drop: () => db.close() };
    },
    async copy(csv) {
      const lite = await PGlite.create();
      await lite.exec(SCRATCH);
      const started = performance.now();
      const cpuStart = process.cpuUsage();
      await lite.query(`COPY scratch_planlijst FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob: new Blob([csv]) });
      const seconds = (performance.now() - started) / 1000;
      const used = process.cpuUsage(cpuStart);
      const cpu = (used.user + used.system) / 1e6;
      const { rows } = await lite.query<{ n: number }>('SELECT count(*)::int AS n FROM scratch_planlijst');
      if (rows[0]?.n !== PROJECTS) throw new Error(`COPY loaded ${rows[0]?.n} rows`);
      await lite.close();
      return { seconds, cpu };
    },
  };
}

function postgresEngine(adminUrl: string): Engine {
  async function createDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
    const name = `wbm_bench_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      drop: async () => {
        const c = new pg.Client({ connectionString: adminUrl });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  return {
    name: 'PostgreSQL',
    async fresh() {
      const created = await createDatabase();
      const db = await openPostgres(created.url);
      await migrate(db);
      await loadReferenceData(db);
      return {
        db,
        drop: async () => {
          await db.close();
          await created.drop();
        },
      };
    },
    async copy(csv) {
      // A server-side COPY of a file (the server runs on this machine): the plain load the import is compared with.
      const dir = mkdtempSync(join(tmpdir(), 'wbm-copy-'));
      chmodSync(dir, 0o755);
      const file = join(dir, 'rows.csv');
      writeFileSync(file, csv, { mode: 0o644 });
      const created = await createDatabase();
      const c = new pg.Client({ connectionString: created.url });
      await c.connect();
      await c.query(SCRATCH);
      const started = performance.now();
      await c.query(`COPY scratch_planlijst FROM '${file}' WITH (FORMAT csv)`);
      const seconds = (performance.now() - started) / 1000;
      const { rows } = await c.query<{ n: number }>('SELECT count(*)::int AS n FROM scratch_planlijst');
      if (rows[0]?.n !== PROJECTS) throw new Error(`COPY loaded ${rows[0]?.n} rows`);
      await c.end();
      await created.drop();
      rmSync(dir, { recursive: true, force: true });
      return { seconds, cpu: null };
    },
  };
}

interface Measured {
  seconds: number;
  /** CPU seconds of this process (PGlite runs in it; on a shared machine the honest measure of its work). */
  cpu: number;
  stages: Partial<Record<ImportStage, number>>;
}

/** The tables an import writes, in an order their foreign keys accept. */
const WRITTEN_TABLES = ['projects', 'project_programme', 'project_jaarschijven', 'project_milestones', 'audit_log', 'import_sources', 'import_links'];

/** Every row of the tables an import writes, as COPY takes them. */
async function writtenRows(db: Db): Promise<Array<{ table: string; columns: string[]; rows: unknown[][] }>> {
  const out = [];
  for (const table of WRITTEN_TABLES) {
    const types = await db.query<{ name: string; type: string }>(
      `SELECT column_name AS name, data_type AS type FROM information_schema.columns
       WHERE table_schema = current_schema() AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`,
      [table],
    );
    const columns = types.map((c) => c.name);
    // jsonb as its text (COPY would read a JSON array as a PostgreSQL array).
    const select = types.map((c) => (c.type === 'jsonb' ? `${c.name}::text AS ${c.name}` : c.name));
    const rows = await db.query<Record<string, unknown>>(`SELECT ${select.join(', ')} FROM ${table}`);
    out.push({ table, columns, rows: rows.map((r) => columns.map((c) => r[c])) });
  }
  return out;
}

/**
 * The floor of an import's write: COPY of every row it wrote (projects, parts, audit entries, links) into the register's
 * own tables, with their keys, indexes and foreign keys, in one transaction of a fresh database. Wall seconds and, on
 * PGlite, CPU seconds of this process.
 */
async function copyWritten(db: Db, written: Awaited<ReturnType<typeof writtenRows>>): Promise<{ seconds: number; cpu: number; rows: number }> {
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  await db.transaction(async (tx) => {
    for (const { table, columns, rows } of written) await copyRows(tx, table, columns, rows);
  });
  const cpu = process.cpuUsage(cpuStart);
  return { seconds: (performance.now() - started) / 1000, cpu: (cpu.user + cpu.system) / 1e6, rows: written.reduce((n, t) => n + t.rows.length, 0) };
}

async function importOnce(
  db: Db,
  name: string,
  bytes: Uint8Array,
  expect: { created: number; updated?: number; unchanged: number },
): Promise<Measured> {
  const services = createServices(db);
  const mapping = { ...suggestMapping([...GENERATED_COLUMNS], 'bench'), source: 'Benchmark planlijst' };
  const stages: Partial<Record<ImportStage, number>> = {};
  let stage = null as ImportStage | null;
  let mark = performance.now();
  const started = mark;
  const cpuStart = process.cpuUsage();
  const report = await services.planlijstImport.apply(
    { name, bytes },
    mapping,
    ACTOR,
    { gemeenteCodes: 'all' },
    {
      onProgress: (_done, _total, s) => {
        if (s === stage) return;
        const now = performance.now();
        if (stage) stages[stage] = (now - mark) / 1000;
        stage = s;
        mark = now;
      },
    },
  );
  const end = performance.now();
  if (stage) stages[stage] = (end - mark) / 1000;
  if (
    report.problems.length ||
    report.created !== expect.created ||
    report.unchanged !== expect.unchanged ||
    report.updated !== (expect.updated ?? 0)
  ) {
    throw new Error(`unexpected report: ${JSON.stringify({ ...report, problems: report.problems.slice(0, 3), notes: [], changes: [] })}`);
  }
  const cpu = process.cpuUsage(cpuStart);
  return { seconds: (end - started) / 1000, cpu: (cpu.user + cpu.system) / 1e6, stages };
}

async function main(): Promise<void> {
  console.log(`generating ${PROJECTS.toLocaleString('en')} plans… (load average ${loadavg()[0]!.toFixed(2)})`);
  const rows = generatePlanRows(PROJECTS, 7);
  const csv = new TextEncoder().encode(planRowsCsv(rows));
  // The next version of the same list: every tenth plan has other homes.
  const csv2 = new TextEncoder().encode(planRowsCsv(generatePlanRows(PROJECTS, 7, 2)));
  const xlsx = await planRowsXlsx(rows);
  const copyCsv = planRowsCopyCsv(rows);
  console.log(`CSV ${(csv.byteLength / 1e6).toFixed(1)} MB, XLSX ${(xlsx.byteLength / 1e6).toFixed(1)} MB`);
  // BENCH_ENGINES=postgres (or pglite) runs one engine only: on a busy machine each alone fits in one sitting.
  const only = process.env.BENCH_ENGINES?.split(',');
  const engines = [pgliteEngine(), ...(process.env.DATABASE_URL ? [postgresEngine(process.env.DATABASE_URL)] : [])].filter(
    (e) => !only || only.includes(e.name.toLowerCase()),
  );
  const table: string[][] = [];
  // Each figure is printed as soon as it is measured too (a run cut short still reports what it measured).
  const record = (cells: string[]) => {
    table.push(cells);
    console.log(`  ${cells.filter(Boolean).join(' | ')}`);
  };
  const fmt = (s: number) => s.toFixed(2);
  const rate = (s: number) => Math.round(PROJECTS / s).toLocaleString('en');
  const stageText = (m: Measured) => (['lezen', 'controleren', 'opslaan'] as const).map((s) => `${s} ${fmt(m.stages[s] ?? 0)}`).join(', ');
  for (const engine of engines) {
    console.log(`${engine.name}: COPY…`);
    const copy = await engine.copy(copyCsv);
    record([engine.name, 'COPY into a scratch table', fmt(copy.seconds), copy.cpu === null ? '' : fmt(copy.cpu), rate(copy.seconds), '1.0', '']);
    for (const [kind, bytes] of [
      ['CSV', csv],
      ['XLSX', xlsx],
    ] as const) {
      console.log(`${engine.name}: import ${kind}…`);
      const { db, drop } = await engine.fresh();
      const first = await importOnce(db, `plannen.${kind.toLowerCase()}`, bytes, { created: PROJECTS, unchanged: 0 });
      record([
        engine.name,
        `import ${kind} (new register)`,
        fmt(first.seconds),
        engine.name === 'PGlite' ? fmt(first.cpu) : '',
        rate(first.seconds),
        (first.seconds / copy.seconds).toFixed(1),
        stageText(first),
      ]);
      if (kind === 'CSV') {
        const row = (label: string, m: { seconds: number; cpu: number }, stages = '') =>
          record([
            engine.name,
            label,
            fmt(m.seconds),
            engine.name === 'PGlite' ? fmt(m.cpu) : '',
            rate(m.seconds),
            (m.seconds / copy.seconds).toFixed(1),
            stages,
          ]);
        console.log(`${engine.name}: COPY of the rows it wrote, import again, next version…`);
        const written = await writtenRows(db);
        const target = await engine.fresh();
        const floor = await copyWritten(target.db, written);
        await target.drop();
        row(`COPY of the ${floor.rows.toLocaleString('en')} rows it wrote`, floor);
        const again = await importOnce(db, 'plannen.csv', bytes, { created: 0, unchanged: PROJECTS });
        row('import CSV again (all unchanged)', again, stageText(again));
        const changed = Math.ceil(PROJECTS / 10);
        const next = await importOnce(db, 'plannen.csv', csv2, { created: 0, updated: changed, unchanged: PROJECTS - changed });
        row(`import next version (${changed.toLocaleString('en')} changed)`, next, stageText(next));
      }
      await drop();
    }
  }
  console.log(`\nplanlijst import of ${PROJECTS.toLocaleString('en')} projects (goal: CSV ≤ 5× COPY, whole import < 30 s)\n`);
  printTable(['engine', 'case', 'seconds', 'cpu s', 'rows/s', '× COPY', 'stages (s)'], table, 2);
  console.log(
    '\nseconds: wall clock; cpu s: CPU time of this process (PGlite runs in it), the fairer figure on a shared machine. ' +
      'The import writes per plan the project, its programme lines, jaarschijven, milestones, a link and an audit entry; ' +
      '"COPY of the rows it wrote" loads exactly those rows into the register tables of a fresh database (keys, indexes, ' +
      'foreign keys): the floor of any import that writes them. Load average: ' +
      loadavg()
        .map((l) => l.toFixed(2))
        .join(' '),
  );
}

await main();
