/**
 * A table meeting at once (issue 15 goals 1–3): the server in its own process, started as `npm start` starts it
 * (its node flags and environment defaults, then `bin/wbm.js serve`), with BENCH_PROJECTS
 * demo projects (default 40,000), and autocannon at BENCH_CONNECTIONS (default 20) connections for
 * BENCH_SECONDS (default 10) per case:
 *   (a) 20 clients opening the Tafeloverzicht of the example tables (every versnellingstafel, signed in as the
 *       ministry analyst, who sees them whole) — p50/p95/p99 and requests/s; goal p95 < 300 ms;
 *   (b) the project list (first page, a gemeente, a table, a status, text search, a deep page) — requests/s;
 *       goal ≥ 1,000 on PostgreSQL, ≥ 400 on PGlite;
 *   (c) /health — requests/s (it reads no project data);
 *   (d) bytes on the wire per Tafeloverzicht with Accept-Encoding br and gzip; goal < 100 KB (and its map points,
 *       their own request after the figures);
 *   (e) memory: a scripted session that makes the API calls of every page type and downloads every export
 *       (CSV, XLSX, GeoJSON, aggregates, the table workbook, open data), then the server's VmRSS
 *       (/proc/<pid>/status); goal < 300 MB on PostgreSQL, < 500 MB on PGlite.
 * Also the first (cold) Tafeloverzicht per table after start: what the first caller after a write waits.
 *
 * Databases: PGlite by default; the PostgreSQL of DATABASE_URL when it is set (a scratch database on that
 * server, created and dropped here); BENCH_DB=both runs PGlite and then PostgreSQL (DATABASE_URL or the local
 * server) in one run. On PGlite the embedded database lives in the server process: its WASM heap (shared_buffers,
 * work_mem of sorts, catalog caches) is part of the server's RSS; the run prints its settings and the database size.
 *
 *   npm run bench:load
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:load
 *   BENCH_DB=both npm run bench:load
 *   BENCH_DATA_DIR=/tmp/wbm-load-40k npm run bench:load      # keep (and on a second run reuse) the PGlite data
 *   PGLITE_SHARED_BUFFERS=32MB npm run bench:load            # the embedded database's buffer cache (default 128MB)
 *   BENCH_PARTS=e npm run bench:load                         # only some cases (letters a–e; default all)
 *   BENCH_PG_DATABASE=wbm_x_load npm run bench:load          # PostgreSQL: keep (and on a second run reuse) this database
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { openPglite } from '../src/storage/db.ts';
import { printTable } from './report.ts';
import { cpuSeconds, freePort, rssMb } from './server-process.ts';

const ROOT = join(import.meta.dirname, '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const MAIN = join(ROOT, 'src', 'cli', 'main.ts');
const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 40_000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PARTS = new Set((process.env.BENCH_PARTS ?? 'abcde').toLowerCase().replace(/[^a-e]/g, ''));
const LOCAL_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';
const GOALS = {
  dashboardP95Ms: 300,
  listRps: { pglite: 400, postgres: 1000 },
  dashboardWireKb: 100,
  rssMb: { pglite: 500, postgres: 300 },
} as const;
const run = promisify(execFile);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

type Kind = 'pglite' | 'postgres';
const kinds: Kind[] =
  process.env.BENCH_DB === 'both'
    ? ['pglite', 'postgres']
    : process.env.BENCH_DB === 'postgres' || process.env.DATABASE_URL
      ? ['postgres']
      : ['pglite'];

interface Target {
  kind: Kind;
  env: NodeJS.ProcessEnv;
  cleanup(): Promise<void>;
  describe: string;
}

async function prepare(kind: Kind): Promise<Target> {
  const keepDir = process.env.BENCH_DATA_DIR;
  if (kind === 'pglite') {
    const dataDir = keepDir ?? mkdtempSync(join(tmpdir(), 'wbm-bench-load-'));
    const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', DEMO_MODE: 'true', NODE_ENV: 'production', LOG_LEVEL: 'warn' };
    if (!existsSync(join(dataDir, 'seeded'))) await seed(env, dataDir);
    return {
      kind,
      env,
      describe: `PGlite in ${dataDir}`,
      cleanup: async () => {
        if (!keepDir) rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const server = process.env.DATABASE_URL || LOCAL_POSTGRES;
  const keepDb = process.env.BENCH_PG_DATABASE;
  if (keepDb && !/^[a-z_][a-z0-9_]*$/.test(keepDb)) throw new Error(`BENCH_PG_DATABASE: not a plain database name: ${keepDb}`);
  const scratch = keepDb ?? `wbm_bench_load_${process.pid}`;
  const url = new URL(server);
  url.pathname = `/${scratch}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: server });
    await c.connect();
    const res = await c.query(sql);
    await c.end();
    return res.rows;
  };
  const exists = (await admin(`SELECT 1 FROM pg_database WHERE datname = '${scratch}'`)).length > 0;
  if (!exists) await admin(`CREATE DATABASE ${scratch}`);
  const dataDir = mkdtempSync(join(tmpdir(), 'wbm-bench-load-pg-'));
  const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: url.toString(), DEMO_MODE: 'true', NODE_ENV: 'production', LOG_LEVEL: 'warn' };
  if (!exists) {
    try {
      await seed(env, scratch);
    } catch (err) {
      await admin(`DROP DATABASE IF EXISTS ${scratch}`);
      throw err;
    }
  }
  return {
    kind,
    env,
    describe: `PostgreSQL database ${scratch}`,
    cleanup: async () => {
      rmSync(dataDir, { recursive: true, force: true });
      if (!keepDb) await admin(`DROP DATABASE IF EXISTS ${scratch}`);
    },
  };
}

async function seed(env: NodeJS.ProcessEnv, where: string): Promise<void> {
  const started = Date.now();
  console.error(`seeding ${PROJECTS} demo projects into ${where} …`);
  await run(TSX, [MAIN, 'seed', '--demo', '--projects', String(PROJECTS)], { cwd: ROOT, env, timeout: 30 * 60_000, maxBuffer: 50_000_000 });
  if (env.DATA_DIR && !env.DATABASE_URL) await run('touch', [join(env.DATA_DIR, 'seeded')]);
  console.error(`seeded in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

/**
 * How `npm start` starts the server (package.json): its environment defaults and node flags before `bin/wbm.js`,
 * which runs the bundled CLI in its own process (no tsx in the server). The benchmark starts it the same way.
 */
function startScript(): { env: Record<string, string>; nodeFlags: string[] } {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const match = /^((?:[A-Z_]+=\$\{[A-Z_]+:-[^}\s]+\} )*)node((?: --[\w-]+(?:=\S+)?)*) bin\/wbm\.js serve\b/.exec(pkg.scripts.start);
  if (!match) throw new Error(`package.json start is not "[VAR=\${VAR:-default} …] node [--flag …] bin/wbm.js serve …": ${pkg.scripts.start}`);
  const env: Record<string, string> = {};
  for (const [, name, value] of match[1]!.matchAll(/([A-Z_]+)=\$\{[A-Z_]+:-([^}\s]+)\}/g)) env[name!] = value!;
  return { env, nodeFlags: match[2]!.trim().split(/\s+/).filter(Boolean) };
}

async function serve(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; base: string; port: number }> {
  const port = await freePort();
  const start = startScript();
  const child = spawn(process.execPath, [...start.nodeFlags, join(ROOT, 'bin', 'wbm.js'), 'serve'], {
    cwd: ROOT,
    env: { ...start.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`wbm serve did not start within 180 s:\n${output}`)), 180_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('listens on')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`wbm serve stopped with code ${code}:\n${output}`)));
  });
  return { child, base: `http://127.0.0.1:${port}`, port };
}

async function signIn(base: string, role: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/demo`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ role }),
  });
  if (!res.ok) throw new Error(`demo sign-in as ${role}: ${res.status} ${await res.text()}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

/** Bytes on the wire (the body as sent, compressed or not) and the time to the last byte. */
function wire(base: string, path: string, headers: Record<string, string>): Promise<{ status: number; bytes: number; encoding: string; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}${path}`, { headers }, (res) => {
      let bytes = 0;
      res.on('data', (c: Buffer) => (bytes += c.byteLength));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, bytes, encoding: String(res.headers['content-encoding'] ?? 'none'), ms: performance.now() - started }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** Waits until the server has worked off the previous case (its queue of queries): /health answers within 100 ms. */
async function settle(base: string): Promise<void> {
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    if ((await wire(base, '/api/v1/health', {})).ms < 100) return;
    await sleep(500);
  }
  console.error('  the server did not settle within 120 s');
}

/**
 * autocannon at CONNECTIONS connections for SECONDS against these paths, in turn. `cpuMsPerRequest`: the server
 * process's CPU time per answered request (on PGlite the database's work included, on PostgreSQL not: that runs in
 * the server's own processes) — on a busy machine the requests/s say how much CPU the server got, this what it needs.
 */
async function cannon(base: string, paths: string[], headers: Record<string, string>, pid: number) {
  await settle(base);
  const cpuBefore = cpuSeconds(pid);
  const result = await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers,
    requests: paths.map((path) => ({ method: 'GET' as const, path })),
    timeout: 30,
  });
  const cpuMsPerRequest = ((cpuSeconds(pid) - cpuBefore) * 1000) / Math.max(1, result.requests.total);
  if (result.non2xx + result.errors > 0)
    console.error(`${paths[0]} …: ${result.non2xx} non-2xx, ${result.errors} errors (${result.timeouts} of them timeouts after 30 s)`);
  return Object.assign(result, { cpuMsPerRequest });
}

/** The server process's CPU time per request, and the requests/s one core of it would then serve. */
const cpuFigure = (ms: number) => `${ms.toFixed(2)} ms (≈ ${Math.round(1000 / Math.max(ms, 0.01))}/s per core)`;

interface Figures {
  rows: string[][];
  notes: string[];
}

async function measure(target: Target): Promise<Figures> {
  const { child, base } = await serve(target.env);
  const pid = child.pid!; // bin/wbm.js serves in its own process
  const rows: string[][] = [];
  const notes: string[] = [];
  const db = target.kind === 'pglite' ? 'PGlite' : 'PostgreSQL';
  const row = (what: string, value: string, goal: string, ok: boolean | null) =>
    rows.push([db, what, value, goal, ok === null ? '' : ok ? 'ok' : 'MISSED']);
  try {
    await sleep(1_000);
    const rssStart = rssMb(pid);
    const analist = await signIn(base, 'ministerie_analist');
    const headers = { cookie: analist, 'accept-encoding': 'br, gzip' };
    const regions = (await (await fetch(`${base}/api/v1/regions`, { headers })).json()) as Array<{ id: string; kind: string }>;
    const tables = regions.filter((r) => r.kind === 'versnellingstafel').map((r) => r.id);
    if (tables.length === 0) throw new Error('no versnellingstafels in the reference data');
    const dashboards = tables.map((id) => `/api/v1/regions/${encodeURIComponent(id)}/dashboard`);

    // The first Tafeloverzicht per table after start (after a write it is the same: the figures are computed again).
    if (PARTS.has('a')) await partA();
    async function partA() {
      const cold = [];
      for (const path of dashboards) cold.push((await wire(base, path, headers)).ms);
      row(`Tafeloverzicht, first after start (cold), max of ${tables.length} tables`, `${Math.max(...cold).toFixed(0)} ms`, '', null);

      // (a) a table meeting at once.
      const a = await cannon(base, dashboards, headers, pid);
      row(`(a) Tafeloverzicht, ${CONNECTIONS} clients, ${tables.length} tables: p50`, `${a.latency.p50} ms`, '', null);
      row('(a) Tafeloverzicht p95', `${pct(a, 95)} ms`, `< ${GOALS.dashboardP95Ms} ms`, pct(a, 95) < GOALS.dashboardP95Ms);
      row('(a) Tafeloverzicht p99', `${a.latency.p99} ms`, '', null);
      row('(a) Tafeloverzicht requests/s', a.requests.average.toFixed(0), '', null);
      row('(a) Tafeloverzicht server CPU per request', cpuFigure(a.cpuMsPerRequest), '', null);
    }

    // (b) the project list.
    if (PARTS.has('b')) await partB();
    async function partB() {
      const list = [
        '/api/v1/projects?limit=25',
        '/api/v1/projects?limit=25&gemeente=GM0363',
        `/api/v1/projects?limit=25&region=${encodeURIComponent(tables[0]!)}`,
        '/api/v1/projects?limit=25&status=rood',
        '/api/v1/projects?limit=25&q=park',
        '/api/v1/projects?limit=25&offset=2000',
      ];
      for (const path of list) {
        const res = await fetch(`${base}${path}`, { headers });
        if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      }
      const b = await cannon(base, list, headers, pid);
      const listGoal = GOALS.listRps[target.kind];
      row(
        `(b) project list requests/s (${list.length} kinds of page)`,
        b.requests.average.toFixed(0),
        `≥ ${listGoal}`,
        b.requests.average >= listGoal,
      );
      row('(b) project list p50 / p99', `${b.latency.p50} / ${b.latency.p99} ms`, '', null);
      row('(b) project list server CPU per request', cpuFigure(b.cpuMsPerRequest), '', null);
    }

    // (c) health.
    if (PARTS.has('c')) await partC();
    async function partC() {
      const c = await cannon(base, ['/api/v1/health'], {}, pid);
      row('(c) /health requests/s', c.requests.average.toFixed(0), 'no project data read', null);
      row('(c) /health p50', `${c.latency.p50} ms`, '', null);
      row('(c) /health server CPU per request', cpuFigure(c.cpuMsPerRequest), '', null);
    }

    // (d) bytes on the wire per Tafeloverzicht.
    if (PARTS.has('d')) await partD();
    async function partD() {
      let largest = { br: 0, gzip: 0, none: 0 };
      for (const path of dashboards) {
        const br = await wire(base, path, { cookie: analist, 'accept-encoding': 'br' });
        const gz = await wire(base, path, { cookie: analist, 'accept-encoding': 'gzip' });
        const plain = await wire(base, path, { cookie: analist });
        if (br.encoding !== 'br' || gz.encoding !== 'gzip') notes.push(`${path}: not compressed (${br.encoding}, ${gz.encoding})`);
        largest = { br: Math.max(largest.br, br.bytes), gzip: Math.max(largest.gzip, gz.bytes), none: Math.max(largest.none, plain.bytes) };
      }
      const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
      row('(d) largest Tafeloverzicht on the wire, br', kb(largest.br), `< ${GOALS.dashboardWireKb} KB`, largest.br < GOALS.dashboardWireKb * 1024);
      row(
        '(d) largest Tafeloverzicht on the wire, gzip',
        kb(largest.gzip),
        `< ${GOALS.dashboardWireKb} KB`,
        largest.gzip < GOALS.dashboardWireKb * 1024,
      );
      row('(d) largest Tafeloverzicht uncompressed', kb(largest.none), '', null);
      // The map's points, asked by the page after the figures (their own request, so the dashboard stays small).
      let mapBytes = 0;
      for (const id of tables)
        mapBytes = Math.max(mapBytes, (await wire(base, `/api/v1/regions/${encodeURIComponent(id)}/map-points`, headers)).bytes);
      row('(d) largest map points on the wire (own request after the figures), br', kb(mapBytes), '', null);
    }

    // (e) memory after a session over every page type and every export.
    if (PARTS.has('e')) await partE();
    async function partE() {
      const rssBefore = rssMb(pid);
      let peak = rssBefore;
      const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 50);
      const beheerder = await signIn(base, 'beheerder');
      const session = await sessionCalls(base, beheerder, tables);
      clearInterval(sampler);
      await sleep(2_000);
      const rssAfter = rssMb(pid);
      const rssGoal = GOALS.rssMb[target.kind];
      row('(e) server RSS after start', `${rssStart.toFixed(0)} MB`, '', null);
      row(
        `(e) server RSS before the session (after ${[...PARTS].filter((p) => p !== 'e').join(', ') || 'start'})`,
        `${rssBefore.toFixed(0)} MB`,
        '',
        null,
      );
      row(
        `(e) server RSS peak during the session (${session.calls} calls, ${session.mb.toFixed(0)} MB downloaded)`,
        `${peak.toFixed(0)} MB`,
        '',
        null,
      );
      row('(e) server RSS after the session', `${rssAfter.toFixed(0)} MB`, `< ${rssGoal} MB`, rssAfter < rssGoal);
      notes.push(...session.notes);
    }
  } finally {
    const stopped = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await stopped;
  }
  if (target.kind === 'pglite' && target.env.DATA_DIR) notes.push(...(await pgliteNotes(target.env.DATA_DIR)));
  return { rows, notes };
}

/** autocannon reports p97.5 and p99, not p95: interpolate p95 between p90 and p97.5 (it prints which). */
function pct(r: autocannon.Result, p: 95): number {
  const p90 = r.latency.p90;
  const p975 = r.latency.p97_5;
  return Math.round(p90 + ((p975 - p90) * (p - 90)) / 7.5);
}

/** The API calls of every page type and every download, as one signed-in administrator makes them. */
async function sessionCalls(base: string, cookie: string, tables: string[]): Promise<{ calls: number; mb: number; notes: string[] }> {
  const first = (await (await fetch(`${base}/api/v1/projects?limit=1`, { headers: { cookie } })).json()) as { items: Array<{ id: string }> };
  const id = first.items[0]!.id;
  const table = encodeURIComponent(tables[0]!);
  const paths = [
    '/api/v1/auth/me',
    '/api/v1/projects?limit=25',
    '/api/v1/projects?limit=25&q=park',
    `/api/v1/projects/${id}`,
    `/api/v1/projects/${id}/baseline-history`,
    `/api/v1/projects/${id}/audit`,
    `/api/v1/projects/${id}/changes`,
    `/api/v1/projects/${id}/alternatives`,
    '/api/v1/regions',
    '/api/v1/gemeenten',
    '/api/v1/geo/gemeenten',
    '/api/v1/geo/provincies',
    '/api/v1/organisations',
    '/api/v1/users',
    ...tables.map((t) => `/api/v1/regions/${encodeURIComponent(t)}/dashboard`),
    ...tables.map((t) => `/api/v1/regions/${encodeURIComponent(t)}/map-points`),
    `/api/v1/regions/${table}/rounds`,
    `/api/v1/regions/${table}/agenda`,
    `/api/v1/regions/${table}/alternatives?year=2028`,
    '/api/v1/targets',
    '/api/v1/national/overview',
    '/api/v1/national/forecast',
    '/api/v1/national/realisations',
    '/api/v1/national/plancapaciteit',
    '/api/v1/national/reconciliation',
    '/api/v1/public/aggregates',
    '/api/v1/ogc/collections',
    // Every download.
    '/api/v1/projects/export.csv',
    '/api/v1/projects/export.xlsx',
    '/api/v1/projects/export.geojson',
    '/api/v1/projects/aggregates.geojson',
    `/api/v1/regions/${table}/export.xlsx`,
    '/api/v1/open-data/quarters.csv',
    '/api/v1/open-data/quarters.geojson',
    '/api/v1/public/aggregates.geojson',
  ];
  let bytes = 0;
  const notes: string[] = [];
  // The pages of a gemeente's project leader: my quarterly round and the planlijst imports.
  const gemeente = await signIn(base, 'gemeente_editor');
  for (const path of ['/api/v1/me/rounds', '/api/v1/imports/planlijst/runs']) {
    const res = await wire(base, path, { cookie: gemeente, 'accept-encoding': 'br, gzip' });
    if (res.status >= 400) notes.push(`session: ${path} answered ${res.status}`);
    bytes += res.bytes;
  }
  for (const path of paths) {
    const res = await wire(base, path, { cookie, 'accept-encoding': 'br, gzip' });
    if (res.status >= 400) notes.push(`session: ${path} answered ${res.status}`);
    bytes += res.bytes;
  }
  return { calls: paths.length + 2, mb: bytes / 1_048_576, notes };
}

/** What the embedded database holds and the settings that size it (read after the server stopped). */
async function pgliteNotes(dataDir: string): Promise<string[]> {
  const db = await openPglite(dataDir);
  try {
    const settings = await db.query<{ name: string; setting: string; unit: string | null }>(
      `SELECT name, setting, unit FROM pg_settings WHERE name IN ('shared_buffers', 'work_mem', 'maintenance_work_mem', 'temp_buffers', 'wal_buffers') ORDER BY name`,
    );
    const [size] = await db.query<{ mb: number }>('SELECT pg_database_size(current_database()) / 1048576.0 AS mb');
    const show = settings
      .map((s) => `${s.name}=${s.unit === '8kB' ? `${(Number(s.setting) * 8) / 1024}MB` : `${s.setting}${s.unit ?? ''}`}`)
      .join(', ');
    return [
      `PGlite holds, inside the server process: the PostgreSQL backend compiled to WASM, its shared buffer cache (${show}), ` +
        `the memory of sorts and hashes (work_mem per operation), catalog caches, and the WAL buffers. The data files ` +
        `(${size!.mb.toFixed(0)} MB) stay on disk in DATA_DIR and are read through the OS page cache (not counted in RSS). WASM ` +
        'memory only grows: the heap keeps its high-water mark, so the largest sort or export sets the floor for the rest of the run.',
      'Settings that change it: PGLITE_SHARED_BUFFERS (shared_buffers, default 128MB; filled pages count in RSS, ~110 MB at 128MB after a ' +
        'full scan) and work_mem (per sort/hash; a larger one raises the peak); memory:// (no DATA_DIR) would hold the whole database in RSS.',
    ];
  } finally {
    await db.close();
  }
}

console.log(
  `Woningbouwmonitor under load: ${PROJECTS.toLocaleString('en')} demo projects, autocannon ${CONNECTIONS} connections × ${SECONDS} s per case, server in its own process`,
);
console.log(`machine load average before: ${load()} (2 cores; the load generator shares them with the server)`);
{
  const start = startScript();
  const env = Object.entries(start.env).map(([k, v]) => `${k}=${process.env[k] ?? v} `);
  console.log(`server started as npm start starts it: ${env.join('')}node ${[...start.nodeFlags, 'bin/wbm.js serve'].join(' ')}\n`);
}
const all: Figures = { rows: [], notes: [] };
for (const kind of kinds) {
  const target = await prepare(kind);
  try {
    console.error(`measuring on ${target.describe} …`);
    const figures = await measure(target);
    all.rows.push(...figures.rows);
    all.notes.push(...figures.notes);
  } finally {
    await target.cleanup();
  }
}
printTable(['database', 'figure', 'value', 'goal', ''], all.rows, 2);
console.log(`\nmachine load average after: ${load()}`);
console.log('p95: autocannon reports p90 and p97.5; p95 is interpolated between them.');
for (const note of all.notes) console.log(`\n${note}`);
if (all.rows.some((r) => r[4] === 'MISSED')) process.exitCode = 1;
