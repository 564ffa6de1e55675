/**
 * Crash test of the planlijst import (issue 13 "Done when": "A crash test kills the import mid-way (SIGKILL) on both
 * databases: all or nothing"; SPEC §7). A child process runs the real command line, `wbm import planlijst <file>`, on
 * a generated 10,000-plan CSV; when its progress on stderr shows the write half done ("opslaan: 5000/10000"), or the
 * checking of the rows under way, it is killed with SIGKILL. The database is then reopened (PGlite recovers from its
 * WAL) and must hold none of the import or all of it — projects, links, audit entries and the run together — and a
 * second run completes. PGlite in an on-disk temp directory; PostgreSQL too when DATABASE_URL is set.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, openPostgres, queryOne, type Db } from '../../src/storage/db.ts';
import { migrate } from '../../src/storage/migrate.ts';
import { loadReferenceData } from '../../src/storage/reference-data.ts';
import { generatePlanRows, planRowsCsv } from '../helpers/planlijst-generator.ts';
import { createTestDb, type TestDb } from '../helpers/test-db.ts';
import { closeQuietly } from './pg-quiet-close.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const PLANS = 10_000;
const CHILD_APP = 'wbm_planlijst_crash';

interface Engine {
  name: string;
  env(): NodeJS.ProcessEnv;
  open(): Promise<Db>;
  /** Wait until the killed child's backend is gone (PostgreSQL rolls its transaction back when it notices). */
  settle(db: Db): Promise<void>;
  setup(): Promise<void>;
  cleanup(): Promise<void>;
}

function pgliteEngine(): Engine {
  let dir = '';
  return {
    name: 'pglite',
    env: () => ({ ...process.env, DATABASE_URL: '', DATA_DIR: dir }),
    open: () => openPglite(dir),
    settle: async () => undefined,
    async setup() {
      dir = mkdtempSync(join(tmpdir(), 'wbm-planlijst-crash-'));
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
  return {
    name: 'postgres',
    env: () => {
      const url = new URL(t!.url!);
      url.searchParams.set('application_name', CHILD_APP);
      return { ...process.env, DATA_DIR: '', DATABASE_URL: url.toString() };
    },
    open: () => openPostgres(t!.url!, 2),
    async settle(db) {
      for (let i = 0; i < 400; i++) {
        const { n } = await queryOne<{ n: number }>(
          db,
          'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1',
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

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** The progress line after which the kill was sent, if it was. */
  killedAfter: string | null;
}

/** Run `wbm import planlijst file --json`; SIGKILL it at the first stderr line `killAt` matches. */
function runImport(engine: Engine, file: string, killAt?: RegExp): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'cli', 'main.ts'), 'import', 'planlijst', file, '--json'], {
      cwd: ROOT,
      env: engine.env(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const run: Run = { code: null, signal: null, stdout: '', stderr: '', killedAfter: null };
    const timer = setTimeout(() => child.kill('SIGKILL'), 240_000);
    child.stdout.on('data', (d) => (run.stdout += String(d)));
    child.stderr.on('data', (d) => {
      run.stderr += String(d);
      if (!killAt || run.killedAfter) return;
      const line = run.stderr.split('\n').find((l) => killAt.test(l));
      if (line) {
        run.killedAfter = line;
        child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      run.code = code;
      run.signal = signal;
      resolve(run);
    });
  });
}

async function state(db: Db) {
  const one = async (sql: string) => (await queryOne<{ n: number }>(db, sql)).n;
  return {
    projects: await one('SELECT count(*)::int AS n FROM projects'),
    programme: await one('SELECT count(*)::int AS n FROM project_programme'),
    links: await one('SELECT count(*)::int AS n FROM import_links'),
    audit: await one(`SELECT count(*)::int AS n FROM audit_log WHERE action LIKE 'aangemaakt: geïmporteerd uit planlijst%'`),
    runs: await one('SELECT count(*)::int AS n FROM import_runs'),
  };
}

const engines = [pgliteEngine(), ...(process.env.DATABASE_URL ? [postgresEngine()] : [])];
const figures: string[] = [];
let dir = '';
let file = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wbm-planlijst-file-'));
  file = join(dir, 'planlijst.csv');
  writeFileSync(file, planRowsCsv(generatePlanRows(PLANS, 11)));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  console.log(`planlijst crash test:\n  ${figures.join('\n  ')}`);
});

describe.each(engines)('wbm import planlijst killed with SIGKILL on $name (issue 13 Done when; SPEC §7 all or nothing)', (engine) => {
  beforeAll(() => engine.setup(), 120_000);
  afterAll(() => engine.cleanup());

  it('killed while writing or while checking: the database holds all of the import or none of it, and a new run completes', async () => {
    for (const killAt of [/^opslaan: 5000\/10000/, /^rijen controleren: [1-9]\d*\/10000/]) {
      const db0 = await engine.open();
      const auditBefore = (await state(db0)).audit;
      await db0.close();
      const killed = await runImport(engine, file, killAt);
      expect(killed.killedAfter, `the child finished before the kill (${killed.stderr.slice(-500)})`).not.toBeNull();
      expect(killed.signal).toBe('SIGKILL');
      const db = await engine.open();
      try {
        await engine.settle(db);
        const measured = await state(db);
        const after = { ...measured, audit: measured.audit - auditBefore };
        const none = { projects: 0, programme: 0, links: 0, audit: 0, runs: 0 };
        const all = after.projects === PLANS;
        if (all) expect(after).toMatchObject({ projects: PLANS, links: PLANS, audit: PLANS, runs: 1 });
        else expect(after).toEqual(none);
        figures.push(`${engine.name}: killed after '${killed.killedAfter}' → ${all ? 'all' : 'none'} (${after.projects} projects)`);
      } finally {
        await db.close();
      }
      const again = await runImport(engine, file);
      expect(again.code, again.stderr.slice(-1000)).toBe(0);
      const report = JSON.parse(again.stdout) as { created: number; unchanged: number; applied: boolean };
      expect(report.applied).toBe(true);
      expect(report.created + report.unchanged).toBe(PLANS);
      const db2 = await engine.open();
      try {
        expect(await state(db2)).toMatchObject({ projects: PLANS, links: PLANS, runs: 1 });
        // Start the next case from an empty register: delete what the run wrote (audit entries stay, append-only).
        await db2.query('DELETE FROM projects');
        await db2.query('DELETE FROM import_sources');
      } finally {
        await db2.close();
      }
    }
  }, 900_000);
});
