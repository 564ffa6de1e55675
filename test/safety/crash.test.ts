/**
 * Crash test (issue 4 "data safety", SPEC §7): a child process (test/safety/crash-child.ts) performs a
 * large multi-row write and is killed with SIGKILL in the middle of it; the database is then reopened
 * (PGlite recovers from its WAL on open) and must hold all of the write or none of it.
 *
 *  (a) demo seed of 20,000 projects (one transaction: delete the old synthetic set, insert the new one);
 *  (b) closing a quarterly round: a snapshot of every project of a versnellingstafel plus the close mark;
 *  (c) the targets import (POST /api/v1/targets/import's service call) of a 5,000-row CSV.
 *
 * Runs on PGlite in an on-disk temp directory, and also on PostgreSQL when DATABASE_URL is set.
 * Figures (kills, where each kill landed, rows checked) are printed at the end; CRASH_DEBUG=1 also
 * prints the time of each child run and database reopen.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { at, present } from '../helpers/present.ts';
import { createServices } from '../../src/services/container.ts';
import { openPglite, openPostgres, queryOne, type Db } from '../../src/storage/db.ts';
import { migrate } from '../../src/storage/migrate.ts';
import { loadReferenceData } from '../../src/storage/reference-data.ts';
import { ADMIN_ACTOR } from '../helpers/auth.ts';
import { createTestDb, type TestDb } from '../helpers/test-db.ts';
import type { ChildEvent } from './crash-child.ts';
import { closeQuietly } from './pg-quiet-close.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const CHILD = join(import.meta.dirname, 'crash-child.ts');
const CHILD_APP = 'wbm_crash_child';
const REGION = 'vt-amsterdam-e-o';
const FIRST_SEED = 8_000;
const KILLED_SEED = 20_000;
const IMPORT_ROWS = 5_000;

const figures: Array<{ engine: string; case: string; killed: boolean; where: string; rowsChecked: number }> = [];
const random = (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1));

interface Engine {
  name: 'pglite' | 'postgres';
  /** Environment for the child (DATA_DIR or DATABASE_URL). */
  childEnv(): NodeJS.ProcessEnv;
  /** Open the database afresh ("restart"); PGlite recovers from its WAL here. */
  open(): Promise<Db>;
  /** Wait until no backend of a killed child is left (PostgreSQL rolls back when it notices). */
  settle(db: Db): Promise<void>;
  setup(): Promise<void>;
  cleanup(): Promise<void>;
}

function pgliteEngine(): Engine {
  let dir = '';
  return {
    name: 'pglite',
    childEnv: () => ({ ...process.env, DATABASE_URL: '', DATA_DIR: dir }),
    open: () => openPglite(dir),
    settle: async () => undefined,
    async setup() {
      dir = mkdtempSync(join(tmpdir(), 'wbm-crash-'));
      const db = await openPglite(dir);
      await migrate(db);
      await loadReferenceData(db);
      await db.close();
    },
    async cleanup() {
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

function postgresEngine(): Engine {
  let t: TestDb | null = null;
  const childUrl = () => {
    const url = new URL(t!.url!);
    url.searchParams.set('application_name', CHILD_APP);
    return url.toString();
  };
  return {
    name: 'postgres',
    childEnv: () => ({ ...process.env, DATA_DIR: '', DATABASE_URL: childUrl() }),
    open: () => openPostgres(t!.url!, 2),
    async settle(db) {
      for (let i = 0; i < 400; i++) {
        const { n } = await queryOne<{ n: number }>(
          db,
          'SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1',
          [CHILD_APP],
        );
        if (n === 0) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('the killed child still has a backend after 20 s');
    },
    async setup() {
      t = await createTestDb();
    },
    async cleanup() {
      await closeQuietly(t ?? undefined);
    },
  };
}

interface ChildRun {
  events: ChildEvent[];
  ms: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  killed: boolean;
  stderr: string;
  /** The last event seen before the kill was sent. */
  killedAfter: ChildEvent | null;
}

/**
 * Run the child; when `killWhen` first returns true for an event, SIGKILL it after `delayMs`
 * (unless it has finished by then).
 */
function runChild(
  engine: Engine,
  mode: string,
  options: object,
  killWhen?: (e: ChildEvent, all: ChildEvent[]) => boolean,
  delayMs = 0,
): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, mode, JSON.stringify(options)], {
      cwd: ROOT,
      env: engine.childEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const started = performance.now();
    const run: ChildRun = { events: [], ms: 0, code: null, signal: null, killed: false, stderr: '', killedAfter: null };
    let pending = '';
    let armed = false;
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.stderr.on('data', (d) => (run.stderr += String(d)));
    child.stdout.on('data', (chunk) => {
      pending += String(chunk);
      for (let i = pending.indexOf('\n'); i >= 0; i = pending.indexOf('\n')) {
        const line = pending.slice(0, i);
        pending = pending.slice(i + 1);
        if (!line.trim()) continue;
        const event = JSON.parse(line) as ChildEvent;
        run.events.push(event);
        if (!armed && killWhen?.(event, run.events)) {
          armed = true;
          const kill = () => {
            if (child.exitCode !== null || child.signalCode !== null) return;
            run.killedAfter = run.events.at(-1) ?? null;
            run.killed = child.kill('SIGKILL');
          };
          if (delayMs > 0) setTimeout(kill, delayMs);
          else kill();
        }
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      run.code = code;
      run.signal = signal;
      run.ms = Math.round(performance.now() - started);
      if (process.env.CRASH_DEBUG) console.log(`[crash-debug] ${engine.name} ${mode} ${run.ms} ms, ${run.events.length} events`);
      resolve(run);
    });
  });
}

interface State {
  projects: number;
  syntheticProjects: number;
  projectIds: string;
  milestones: number;
  programme: number;
  jaarschijven: number;
  parties: number;
  knelpunten: number;
  syntheticOrganisations: number;
  rounds: number;
  openRounds: number;
  snapshots: number;
  audit: number;
  targets: number;
  targetsHash: string;
  /** Rows of a part whose project does not exist. */
  orphans: number;
  /** Synthetic projects without exactly their 12 milestones (a partial batch). */
  partialProjects: number;
  /** Projects whose stored total differs from the sum of their programme lines. */
  inconsistentTotals: number;
}

async function state(db: Db): Promise<State> {
  const [row] = await db.query<State>(`
    SELECT
      (SELECT count(*) FROM projects) AS "projects",
      (SELECT count(*) FROM projects WHERE synthetic) AS "syntheticProjects",
      (SELECT md5(coalesce(string_agg(id::text, ',' ORDER BY id), '')) FROM projects) AS "projectIds",
      (SELECT count(*) FROM project_milestones) AS "milestones",
      (SELECT count(*) FROM project_programme) AS "programme",
      (SELECT count(*) FROM project_jaarschijven) AS "jaarschijven",
      (SELECT count(*) FROM project_parties) AS "parties",
      (SELECT count(*) FROM knelpunten) AS "knelpunten",
      (SELECT count(*) FROM organisations WHERE synthetic) AS "syntheticOrganisations",
      (SELECT count(*) FROM rounds) AS "rounds",
      (SELECT count(*) FROM rounds WHERE closed_at IS NULL) AS "openRounds",
      (SELECT count(*) FROM round_snapshots) AS "snapshots",
      (SELECT count(*) FROM audit_log) AS "audit",
      (SELECT count(*) FROM targets) AS "targets",
      (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) FROM targets t) AS "targetsHash",
      (SELECT count(*) FROM project_milestones x WHERE NOT EXISTS (SELECT 1 FROM projects p WHERE p.id = x.project_id))
        + (SELECT count(*) FROM project_programme x WHERE NOT EXISTS (SELECT 1 FROM projects p WHERE p.id = x.project_id))
        + (SELECT count(*) FROM project_jaarschijven x WHERE NOT EXISTS (SELECT 1 FROM projects p WHERE p.id = x.project_id))
        + (SELECT count(*) FROM project_parties x WHERE NOT EXISTS (SELECT 1 FROM projects p WHERE p.id = x.project_id))
        + (SELECT count(*) FROM knelpunten x WHERE NOT EXISTS (SELECT 1 FROM projects p WHERE p.id = x.project_id))
        + (SELECT count(*) FROM project_parties x WHERE NOT EXISTS (SELECT 1 FROM organisations o WHERE o.id = x.organisation_id)) AS "orphans",
      (SELECT count(*) FROM projects p WHERE p.synthetic
         AND (SELECT count(*) FROM project_milestones m WHERE m.project_id = p.id) <> 12) AS "partialProjects",
      (SELECT count(*) FROM projects p
         WHERE p.total_homes <> coalesce((SELECT sum(homes) FROM project_programme x WHERE x.project_id = p.id), 0)) AS "inconsistentTotals"
  `);
  return present(row, 'state');
}

/** Rows a state comparison covers. */
const rowsOf = (s: State) =>
  s.projects +
  s.milestones +
  s.programme +
  s.jaarschijven +
  s.parties +
  s.knelpunten +
  s.syntheticOrganisations +
  s.rounds +
  s.snapshots +
  s.audit +
  s.targets;

function expectSound(s: State) {
  expect(s.orphans).toBe(0);
  expect(s.partialProjects).toBe(0);
  expect(s.inconsistentTotals).toBe(0);
}

async function withDb<T>(engine: Engine, fn: (db: Db) => Promise<T>): Promise<T> {
  const started = performance.now();
  const db = await engine.open();
  try {
    await engine.settle(db);
    return await fn(db);
  } finally {
    await db.close();
    if (process.env.CRASH_DEBUG) console.log(`[crash-debug] ${engine.name} withDb ${Math.round(performance.now() - started)} ms`);
  }
}

const engines: Engine[] = [pgliteEngine(), ...(process.env.DATABASE_URL ? [postgresEngine()] : [])];

afterAll(() => {
  const kills = figures.filter((f) => f.killed).length;
  const rows = figures.reduce((n, f) => n + f.rowsChecked, 0);
  console.log(
    `[crash] ${figures.length} child runs, ${kills} SIGKILLs, ${rows} rows checked\n` +
      figures
        .map((f) => `  ${f.engine.padEnd(8)} ${f.case.padEnd(22)} ${f.killed ? 'killed' : 'ran to end'} ${f.where}; ${f.rowsChecked} rows checked`)
        .join('\n'),
  );
});

describe.each(engines)('crash in the middle of a large write on $name', (engine) => {
  beforeAll(() => engine.setup(), 120_000);
  afterAll(() => engine.cleanup());

  it(
    '(a) demo seed: a completed seed holds all; a 20,000-project seed killed mid-way leaves the previous seed whole',
    { timeout: 120_000 },
    async () => {
      // A seed that runs to the end: everything is there.
      const first = await runChild(engine, 'seed', { projects: FIRST_SEED, seed: 11 });
      expect(first.code, first.stderr).toBe(0);
      const result = (first.events.find((e) => e.event === 'done') as { result: { projects: number; milestones: number; knelpunten: number } })
        .result;
      const before = await withDb(engine, state);
      expect(before.syntheticProjects).toBe(FIRST_SEED);
      expect(before.milestones).toBe(result.milestones);
      expect(before.knelpunten).toBe(result.knelpunten);
      expectSound(before);
      figures.push({
        engine: engine.name,
        case: 'seed (complete)',
        killed: false,
        where: `${FIRST_SEED} projects committed`,
        rowsChecked: rowsOf(before),
      });

      // A bigger seed replacing it, killed while its progress shows it half-way.
      const threshold = random(2, 10) * 1000;
      const delay = random(0, 250);
      const killed = await runChild(engine, 'seed', { projects: KILLED_SEED, seed: 12 }, (e) => e.event === 'progress' && e.done >= threshold, delay);
      const progress = killed.events.filter((e): e is Extract<ChildEvent, { event: 'progress' }> => e.event === 'progress');
      const committed = killed.events.some((e) => e.event === 'done');
      const after = await withDb(engine, state);
      expectSound(after);
      if (committed) {
        // Lost the race: the whole write must then be there.
        expect(after.syntheticProjects).toBe(KILLED_SEED);
      } else {
        expect(killed.signal).toBe('SIGKILL');
        expect(progress.at(-1)!.done).toBeLessThan(KILLED_SEED);
        expect(after).toEqual(before);
      }
      figures.push({
        engine: engine.name,
        case: 'seed 20,000 (killed)',
        killed: killed.signal === 'SIGKILL',
        where: `${committed ? 'after commit' : `at ≥${progress.at(-1)?.done ?? 0}/${KILLED_SEED} projects written`} (threshold ${threshold}, +${delay} ms)`,
        rowsChecked: rowsOf(after),
      });
    },
  );

  it(
    '(b) closing a quarterly round killed mid-way: the round stays open without snapshots; closed again it holds them all',
    { timeout: 120_000 },
    async () => {
      const roundId = await withDb(engine, async (db) => {
        const round = await createServices(db).rounds.openRound(REGION, { quarter: '2030-Q1', deadline: '2030-03-15' }, ADMIN_ACTOR);
        return round.id;
      });
      const inRegion = await withDb(engine, async (db) => {
        const { n } = await queryOne<{ n: number }>(
          db,
          'SELECT count(*) AS n FROM projects WHERE gemeente_code IN (SELECT gemeente_code FROM region_gemeenten WHERE region_id = $1)',
          [REGION],
        );
        return n;
      });
      const batches = Math.ceil(inRegion / 250);
      expect(batches).toBeGreaterThan(2);
      const before = await withDb(engine, state);

      const k = random(1, Math.min(3, batches - 1));
      const delay = random(0, 15);
      const snapshotInserts = (all: ChildEvent[]) =>
        all.filter((e) => e.event === 'stmt' && e.verb === 'INSERT INTO' && e.table === 'round_snapshots').length;
      const killed = await runChild(engine, 'close', { roundId }, (_e, all) => snapshotInserts(all) >= k, delay);
      const committed = killed.events.some((e) => e.event === 'done');
      const after = await withDb(engine, async (db) => {
        const s = await state(db);
        const [round] = await db.query<{ closed_at: unknown; project_count: number | null; snapshots: number }>(
          'SELECT closed_at, project_count, (SELECT count(*) FROM round_snapshots WHERE round_id = r.id) AS snapshots FROM rounds r WHERE id = $1',
          [roundId],
        );
        return { s, round };
      });
      expectSound(after.s);
      if (committed) {
        const round = present(after.round, 'round');
        expect(round.closed_at).not.toBeNull();
        expect(round.snapshots).toBe(inRegion);
        expect(round.project_count).toBe(inRegion);
      } else {
        expect(killed.signal).toBe('SIGKILL');
        expect(after.round).toMatchObject({ closed_at: null, project_count: null, snapshots: 0 });
        expect(after.s).toEqual(before);
      }
      figures.push({
        engine: engine.name,
        case: 'close round (killed)',
        killed: killed.signal === 'SIGKILL',
        where: committed
          ? 'after commit'
          : `after ${snapshotInserts(killed.events)}/${batches} snapshot batches of ${inRegion} projects (+${delay} ms)`,
        rowsChecked: rowsOf(after.s) + inRegion,
      });

      // After the restart the same close runs to the end: all snapshots and the close mark together.
      if (!committed) {
        const closed = await withDb(engine, async (db) => {
          await createServices(db).rounds.closeRound(roundId, ADMIN_ACTOR);
          return db.query<{ closed_at: unknown; project_count: number; snapshots: number }>(
            'SELECT closed_at, project_count, (SELECT count(*) FROM round_snapshots WHERE round_id = r.id) AS snapshots FROM rounds r WHERE id = $1',
            [roundId],
          );
        });
        expect(at(closed, 0).closed_at).not.toBeNull();
        expect(closed[0]).toMatchObject({ project_count: inRegion, snapshots: inRegion });
        figures.push({
          engine: engine.name,
          case: 'close round (restart)',
          killed: false,
          where: `closed in-process: ${inRegion} snapshots`,
          rowsChecked: inRegion,
        });
      }
    },
  );

  it(
    '(c) a 5,000-row targets import killed mid-way leaves the targets as they were; a complete one holds every row',
    { timeout: 120_000 },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'wbm-crash-import-'));
      try {
        const gemeenten = await withDb(engine, (db) => db.query<{ code: string; name: string }>('SELECT code, name FROM gemeenten ORDER BY code'));
        const csv = (n: number, prefix: string) =>
          Papa.unparse(
            Array.from({ length: n }, (_, i) => {
              const g = present(gemeenten[i % gemeenten.length]);
              return {
                geoLevel: 'gemeente',
                geoCode: g.code,
                geoName: g.name,
                periodStart: 2030,
                periodEnd: 2035,
                homes: 100 + i,
                kind: `${prefix}-${i}`,
                sourceRef: 'crash test',
              };
            }),
          );
        const big = join(dir, 'big.csv');
        writeFileSync(big, csv(IMPORT_ROWS, 'crash'));
        const before = await withDb(engine, state);

        const k = random(200, 1500);
        const delay = random(0, 30);
        const inserts = (all: ChildEvent[]) => all.filter((e) => e.event === 'stmt' && e.verb === 'INSERT INTO' && e.table === 'targets').length;
        const killed = await runChild(engine, 'import', { file: big }, (_e, all) => inserts(all) >= k, delay);
        const committed = killed.events.some((e) => e.event === 'done');
        const after = await withDb(engine, state);
        expectSound(after);
        if (committed) {
          expect(after.targets).toBe(before.targets + IMPORT_ROWS);
        } else {
          expect(killed.signal).toBe('SIGKILL');
          expect(after).toEqual(before);
        }
        figures.push({
          engine: engine.name,
          case: 'import 5,000 (killed)',
          killed: killed.signal === 'SIGKILL',
          where: committed ? 'after commit' : `after ${inserts(killed.events)}/${IMPORT_ROWS} target rows inserted (+${delay} ms)`,
          rowsChecked: rowsOf(after),
        });

        // The restarted database takes a complete import: all rows are there.
        const small = join(dir, 'small.csv');
        writeFileSync(small, csv(300, 'complete'));
        const complete = await runChild(engine, 'import', { file: small });
        expect(complete.code, complete.stderr).toBe(0);
        const final = await withDb(engine, async (db) => {
          const { n } = await queryOne<{ n: number }>(db, "SELECT count(*) AS n FROM targets WHERE kind LIKE 'complete-%'");
          return { n, s: await state(db) };
        });
        expect(final.n).toBe(300);
        expect(final.s.targets).toBe(after.targets + 300);
        figures.push({
          engine: engine.name,
          case: 'import 300 (complete)',
          killed: false,
          where: '300 rows committed',
          rowsChecked: final.s.targets,
        });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
