/**
 * The web app's production build (Vite, web/dist), for `npm start` and `wbm prepare`: built in a child process,
 * and skipped when the build is newer than everything it is made from.
 */
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from '../paths.ts';

const BUILT = join(REPO_ROOT, 'web', 'dist', 'index.html');
/** What the build is made from: the web app, the code it shares with the server, the locked dependencies. */
const INPUTS = ['web/src', 'web/public', 'web/index.html', 'web/vite.config.ts', 'web/tsconfig.json', 'src/domain', 'src/http', 'package-lock.json'];

/** The newest modification time (ms) of a file or of the files under a directory; 0 when it does not exist. */
function newest(path: string): number {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), stat.mtimeMs);
}

/** Whether web/dist was built after the last change to its inputs. */
export function webBuildIsCurrent(): boolean {
  const built = newest(BUILT);
  return built > 0 && INPUTS.every((input) => newest(join(REPO_ROOT, input)) < built);
}

/** `vite build` of the web app in a child process (its output on stderr); resolves with the seconds it took. */
export function buildWeb(): Promise<number> {
  const started = performance.now();
  const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [vite, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
      cwd: REPO_ROOT,
      stdio: ['ignore', process.stderr, process.stderr],
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve((performance.now() - started) / 1000) : reject(new Error(`building the web app failed (vite exit ${code})`)),
    );
  });
}
