/**
 * `wbm serve` refuses demo mode on a database with real accounts or projects (issue 8 item 5; SPEC §7
 * confidentiality): the command line path, on an embedded PGlite in a temporary directory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from './main.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'wbm-serve-demo-'));
const saved = { ...process.env };

afterAll(() => {
  process.env = saved;
  rmSync(dataDir, { recursive: true, force: true });
});

describe('wbm serve in demo mode (issue 8 item 5)', () => {
  it('refuses to start when the database holds a real account, and says why', async () => {
    // This test always uses its own PGlite directory, never a configured server.
    delete process.env.DATABASE_URL;
    process.env.DATA_DIR = dataDir;
    process.env.DEMO_MODE = 'true';
    process.env.DEMO_MODE_WITH_REAL_DATA = 'false';
    process.env.LOG_LEVEL = 'silent';
    process.env.PORT = '0';
    process.env.WBM_PASSWORD = 'een lang genoeg wachtwoord voor de test';
    expect(await main(['user', 'add', '--email', 'echt@gemeente.example', '--name', 'Echte Gebruiker', '--role', 'ministerie_analist'])).toBe(0);
    await expect(main(['serve'])).rejects.toThrow(
      /Refusing to start in demo mode: the database holds 1 real \(non-demo\) account\. .*DEMO_MODE=false.*DEMO_MODE_WITH_REAL_DATA=true/,
    );
  }, 180_000);
});
