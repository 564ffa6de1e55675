/**
 * The `wbm` command as `npm start` and `npm ci` run it (bin/wbm.js): the project's sources bundled by esbuild and
 * loaded as one file, the demo seed's worker thread loading the bundled worker (issue 14, the first start), on a new
 * embedded database in a temporary directory.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../paths.ts';
import { openDb } from '../storage/db.ts';

const run = promisify(execFile);
const dataDir = mkdtempSync(join(tmpdir(), 'wbm-bundle-'));

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the bundled wbm command (bin/wbm.js)', () => {
  it('seeds a demo with its projects generated in a worker thread of the bundle', async () => {
    const { stderr } = await run(process.execPath, [join(REPO_ROOT, 'bin', 'wbm.js'), 'seed', '--demo', '--projects', '300', '--workers', '1'], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir },
      timeout: 120_000,
    });
    expect(stderr).not.toMatch(/through tsx/);
    expect(stderr).toMatch(/seeded 300 projects \(\d+ withdrawn\), \d+ milestones.*\(generated in 1 worker thread while writing with COPY/);

    const db = await openDb({ dataDir });
    try {
      const [counts] = await db.query<{ projects: number; milestones: number; synthetic: number }>(
        `SELECT (SELECT count(*) FROM projects)::int AS projects, (SELECT count(*) FROM projects WHERE synthetic)::int AS synthetic,
           (SELECT count(*) FROM project_milestones)::int AS milestones`,
      );
      expect(counts).toMatchObject({ projects: 300, synthetic: 300 });
      expect(stderr).toContain(`${counts!.milestones} milestones`);
    } finally {
      await db.close();
    }
  }, 180_000);

  it('fails with the command line error, as the sources do', async () => {
    const failed = await run(process.execPath, [join(REPO_ROOT, 'bin', 'wbm.js'), 'seed', '--demo', '--workers', 'twee'], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir },
    }).then(
      () => null,
      (err: { code: number; stderr: string }) => err,
    );
    expect(failed).toMatchObject({ code: 1, stderr: "wbm: --workers must be a whole number ≥ 0, got 'twee'\n" });
  }, 60_000);
});
