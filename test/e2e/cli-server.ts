/**
 * The real command line for browser tests that start as a new installation would: `wbm` commands run as child
 * processes on their own embedded database (a fresh PGlite data directory), and `wbm serve` as a server process
 * on a free port. Nothing is shared with the test process but the data directory and the environment given.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ensureWebBuild, ROOT } from './support.ts';

/** The `wbm` command as an installation runs it (the sources bundled by esbuild; bin/wbm.js). */
const WBM = join(ROOT, 'bin', 'wbm.js');
const run = promisify(execFile);

/** A port nobody listens on now. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface CliInstallation {
  /** Runs `wbm <args>` on this installation's database; resolves with its stderr (progress and messages). */
  wbm(args: string[], env?: Record<string, string>): Promise<string>;
  /** Starts `wbm serve` with this environment; resolves when it listens. */
  serve(env: Record<string, string>): Promise<{ base: string }>;
  /** Stops the server (if started) and removes the database. */
  close(): Promise<void>;
}

/** A new installation: an empty data directory for the embedded database, the web app built. */
export function newInstallation(): CliInstallation {
  ensureWebBuild();
  const dataDir = mkdtempSync(join(tmpdir(), 'wbm-install-'));
  const baseEnv = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', NODE_ENV: 'production', LOG_LEVEL: 'warn' };
  let server: ChildProcess | null = null;
  return {
    async wbm(args, env = {}) {
      const { stderr } = await run(process.execPath, [WBM, ...args], { cwd: ROOT, env: { ...baseEnv, ...env }, timeout: 120_000 });
      return stderr;
    },
    async serve(env) {
      const port = await freePort();
      const child = spawn(process.execPath, [WBM, 'serve'], { cwd: ROOT, env: { ...baseEnv, ...env, PORT: String(port), HOST: '127.0.0.1' } });
      server = child;
      let output = '';
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`wbm serve did not start within 60 s:\n${output}`)), 60_000);
        const onData = (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes('listens on')) {
            clearTimeout(timer);
            resolve();
          }
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.once('exit', (code) => {
          clearTimeout(timer);
          reject(new Error(`wbm serve stopped with code ${code}:\n${output}`));
        });
      });
      return { base: `http://127.0.0.1:${port}` };
    },
    async close() {
      if (server && server.exitCode === null) {
        const stopped = new Promise((resolve) => server?.once('exit', resolve));
        server.kill('SIGTERM');
        await stopped;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
