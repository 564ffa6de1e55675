#!/usr/bin/env node
/**
 * The `wbm` command (`npm start` runs `wbm serve`): the TypeScript CLI of src/cli/main.ts.
 *
 * esbuild first bundles the project's own sources into dist/cli/ (about 0.1 s; the packages in node_modules stay
 * outside the bundle and load as they are), so Node reads one file instead of some 400 modules through tsx's
 * loader: on the 2-core reference machine the CLI is ready in 0.9 s instead of 2.3 s, and the demo seed's worker
 * threads start as fast (issue 14, the first start). The bundle is made anew at every run, so it is never older
 * than the sources. Should bundling fail, the sources run through tsx instead.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'cli');

/** Bundles the CLI and the demo seed's worker; resolves with the CLI bundle's path. */
async function bundle() {
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: root,
    entryPoints: { wbm: 'src/cli/main.ts', 'demo-seed.worker': 'src/services/demo-seed.worker.ts' },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    logLevel: 'silent',
    // The seed's worker threads load the bundled worker (src/services/demo-seed-workers.ts).
    define: { WBM_BUNDLED_SEED_WORKER: JSON.stringify('./demo-seed.worker.mjs') },
  });
  mkdirSync(outdir, { recursive: true });
  // Each file is written under a name of this process, then renamed: a wbm started at the same moment never
  // reads half a file.
  for (const file of result.outputFiles) {
    const temp = `${file.path}.${process.pid}`;
    writeFileSync(temp, file.contents);
    renameSync(temp, file.path);
  }
  return join(outdir, 'wbm.mjs');
}

let cli;
try {
  cli = pathToFileURL(await bundle()).href;
} catch (err) {
  process.stderr.write(`wbm: running the sources through tsx (bundling them failed: ${err instanceof Error ? err.message : err})\n`);
  const { register } = await import('tsx/esm/api');
  register();
  cli = pathToFileURL(join(root, 'src', 'cli', 'main.ts')).href;
}
const { run } = await import(cli);
run(process.argv.slice(2));
