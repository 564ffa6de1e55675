/**
 * Memory of the streaming exports (issue 13 part 4, Done when: "exporting all 40,000 projects as GeoJSON, CSV
 * and XLSX raises RSS by less than 50 MB"). Seeds BENCH_PROJECTS synthetic projects (default 40,000) with
 * `wbm seed --demo` into a fresh embedded database (or the PostgreSQL of DATABASE_URL, whose demo projects it
 * replaces), starts `wbm serve` in its own process, signs in as the demo administrator and downloads every
 * project as GeoJSON, CSV and XLSX one after the other, sampling the server's VmRSS (/proc/<pid>/status) every
 * 20 ms. With DATABASE_URL the data live in a scratch database on that PostgreSQL server (created and dropped
 * here), so the server's RSS is the Node process alone; on PGlite the embedded database's WASM heap is part of
 * the server's RSS (see PGLITE_NOTE). Prints RSS before / peak / after per format, the rise (peak − before), size
 * and time, and the machine's load average; exits 1 when a rise reaches BENCH_MAX_RISE_MB (default 50).
 *
 *   npm run bench:export
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:export
 *   BENCH_PROJECTS=4000 npm run bench:export
 *   BENCH_DATA_DIR=/tmp/wbm-40k npm run bench:export    # keep (and on a second run reuse) the seeded database
 *   DATABASE_URL=… BENCH_DATABASE=wbm_export_40k npm run bench:export   # the same on PostgreSQL (drop it yourself)
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { printTable } from './report.ts';
import { freePort, rssMb, serverPid } from './server-process.ts';

const ROOT = join(import.meta.dirname, '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const MAIN = join(ROOT, 'src', 'cli', 'main.ts');
const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 40_000);
const MAX_RISE_MB = Number(process.env.BENCH_MAX_RISE_MB ?? 50);
/** The formats in the order they run (BENCH_FORMATS=csv,geojson,xlsx to see whether the first export pays the server's warm-up). */
const FORMATS = (process.env.BENCH_FORMATS ?? 'geojson,csv,xlsx').split(',') as Array<'geojson' | 'csv' | 'xlsx'>;
const run = promisify(execFile);

/** What the embedded database adds to the server's RSS. */
const PGLITE_NOTE =
  'PGlite runs inside the server process, so its WASM heap (the buffer cache, shared_buffers ' +
  `${process.env.PGLITE_SHARED_BUFFERS ?? '128MB'}, and the memory of sorts and hashes) counts in these figures. The exports read in ` +
  'index order (keyset on gemeente, name, id over projects_gemeente_idx; only equal names are sorted by id), so no large sort grows it.';

const keepDir = process.env.BENCH_DATA_DIR;
const dataDir = keepDir ?? mkdtempSync(join(tmpdir(), 'wbm-bench-export-'));
const serverUrl = process.env.DATABASE_URL || undefined;
/** BENCH_DATABASE: a database on that server to keep (and on a second run reuse) instead of a scratch one. */
const keepDatabase = process.env.BENCH_DATABASE;
if (keepDatabase !== undefined && !/^[a-z_][a-z0-9_]*$/.test(keepDatabase)) throw new Error(`BENCH_DATABASE: not a plain name: ${keepDatabase}`);
const scratch = keepDatabase ?? `wbm_bench_export_${process.pid}`;
const databaseUrl = serverUrl
  ? (() => {
      const url = new URL(serverUrl);
      url.pathname = `/${scratch}`;
      return url.toString();
    })()
  : '';
const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: databaseUrl, DEMO_MODE: 'true', NODE_ENV: 'production', LOG_LEVEL: 'warn' };

/**
 * Creates (or drops) the scratch database on the PostgreSQL server; a kept one (BENCH_DATABASE) is created when
 * missing and never dropped. Answers whether the database already held the seeded projects.
 */
async function scratchDatabase(action: 'CREATE' | 'DROP'): Promise<boolean> {
  if (!serverUrl || (keepDatabase && action === 'DROP')) return false;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    if (keepDatabase) {
      const { rows } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [scratch]);
      if (rows.length > 0) return await seededAlready();
    }
    await admin.query(`${action} DATABASE ${action === 'DROP' ? 'IF EXISTS ' : ''}${scratch}`);
    return false;
  } finally {
    await admin.end();
  }
}

/** Whether the kept database holds BENCH_PROJECTS projects (then seeding is skipped). */
async function seededAlready(): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `SELECT CASE WHEN to_regclass('projects') IS NULL THEN 0 ELSE (SELECT count(*)::int FROM projects) END AS n`,
    );
    return rows[0]?.n === PROJECTS;
  } finally {
    await client.end();
  }
}

async function serve(): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const child = spawn(TSX, [MAIN, 'serve'], { cwd: ROOT, env: { ...env, PORT: String(port), HOST: '127.0.0.1' } });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`wbm serve did not start within 120 s:\n${output}`)), 120_000);
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
  return { child, base: `http://127.0.0.1:${port}` };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  const seeded = await scratchDatabase('CREATE');
  if (serverUrl ? !seeded : !keepDir || !existsSync(join(dataDir, 'seeded'))) {
    const started = Date.now();
    console.error(`seeding ${PROJECTS} demo projects into ${serverUrl ? `PostgreSQL database ${scratch}` : dataDir} …`);
    await run(TSX, [MAIN, 'seed', '--demo', '--projects', String(PROJECTS)], { cwd: ROOT, env, timeout: 30 * 60_000, maxBuffer: 50_000_000 });
    if (keepDir) await run('touch', [join(dataDir, 'seeded')]);
    console.error(`seeded in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  const { child, base } = await serve();
  const pid = serverPid(child);
  const rows: string[][] = [];
  let failed = false;
  try {
    const login = await fetch(`${base}/api/v1/auth/demo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'beheerder' }),
    });
    if (!login.ok) throw new Error(`demo sign-in: ${login.status} ${await login.text()}`);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    // Warm up the server (JIT, pools, caches) with a small export of each format, then let it settle.
    for (const format of FORMATS)
      await (await fetch(`${base}/api/v1/projects/export.${format}?gemeente=GM0363`, { headers: { cookie } })).arrayBuffer();
    await sleep(2_000);

    for (const format of FORMATS) {
      const before = rssMb(pid);
      let peak = before;
      const sampler = setInterval(() => {
        peak = Math.max(peak, rssMb(pid));
      }, 20);
      const started = Date.now();
      const res = await fetch(`${base}/api/v1/projects/export.${format}`, { headers: { cookie } });
      if (!res.ok || !res.body) throw new Error(`${format}: ${res.status} ${await res.text()}`);
      let bytes = 0;
      let lines = 0;
      for await (const chunk of res.body) {
        bytes += chunk.byteLength;
        if (format === 'csv') for (const b of chunk as Uint8Array) if (b === 10) lines += 1;
        peak = Math.max(peak, rssMb(pid));
      }
      const seconds = (Date.now() - started) / 1000;
      clearInterval(sampler);
      await sleep(1_000);
      const after = rssMb(pid);
      const rise = peak - before;
      if (rise >= MAX_RISE_MB) failed = true;
      rows.push([
        format,
        before.toFixed(1),
        peak.toFixed(1),
        after.toFixed(1),
        rise.toFixed(1),
        (bytes / 1_048_576).toFixed(1),
        format === 'csv' ? String(lines - 1) : '',
        seconds.toFixed(1),
        rise < MAX_RISE_MB ? 'ok' : `OVER ${MAX_RISE_MB} MB`,
      ]);
    }
  } finally {
    const stopped = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await stopped;
    if (!keepDir) rmSync(dataDir, { recursive: true, force: true });
    await scratchDatabase('DROP');
  }
  console.log(
    `\nExport of all ${PROJECTS} projects (${serverUrl ? 'PostgreSQL' : 'PGlite'}), server RSS in MB (pid ${pid}; limit: rise < ${MAX_RISE_MB} MB)\n`,
  );
  printTable(['format', 'before', 'peak', 'after', 'rise', 'size MB', 'CSV rows', 'seconds', ''], rows);
  console.log(
    `\nload average (1, 5, 15 min): ${loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')} (2 cores shared with other work)`,
  );
  if (!serverUrl) console.log(PGLITE_NOTE);
  if (failed) process.exitCode = 1;
}

await main();
