/** Demo seeding on a real database (PGlite, and PostgreSQL with DATABASE_URL). Issue: foundation §6. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, ADMIN_ACTOR } from '../../test/helpers/auth.ts';
import { present } from '../../test/helpers/present.ts';
import { createTestDb, type TestDb } from '../../test/helpers/test-db.ts';
import { createServices, type Services } from './container.ts';

let t: TestDb;
let services: Services;

beforeAll(async () => {
  t = await createTestDb();
  services = createServices(t.db);
});
afterAll(async () => {
  await t?.close();
});

const count = async (sql: string) => present((await t.db.query<{ n: number }>(sql))[0], 'count').n;

describe('demo seeding', () => {
  it('writes the generated projects with their parts, all marked synthetic, with Amsterdam among the gemeenten', async () => {
    const progress: number[] = [];
    const result = await services.demoSeed.seed({ projects: 400, seed: 3, asOf: '2026-10-01', onProgress: (done) => progress.push(done) });
    expect(result.projects).toBe(400);
    expect(await count('SELECT count(*) AS n FROM projects WHERE synthetic')).toBe(400);
    expect(await count('SELECT count(*) AS n FROM projects WHERE NOT synthetic')).toBe(0);
    expect(await count('SELECT count(*) AS n FROM project_milestones')).toBe(result.milestones);
    expect(await count('SELECT count(*) AS n FROM knelpunten')).toBe(result.knelpunten);
    expect(await count("SELECT count(*) AS n FROM projects WHERE gemeente_code = 'GM0363'")).toBeGreaterThan(5);
    expect(progress.at(-1)).toBe(400);
    // Parties point at existing organisations, the gemeente as bevoegd gezag.
    expect(
      await count(`SELECT count(*) AS n FROM project_parties pp JOIN projects p ON p.id = pp.project_id
        JOIN organisations o ON o.id = pp.organisation_id WHERE pp.role = 'bevoegd_gezag' AND o.gemeente_code = p.gemeente_code`),
    ).toBe(400);
  });

  it('is deterministic for a seed and replaces earlier demo data but never real projects', async () => {
    const real = await services.projects.create({ name: 'Echt project', gemeenteCode: 'GM0014', planStatus: 'visie' }, ADMIN_ACTOR);
    await services.demoSeed.seed({ projects: 50, seed: 9, asOf: '2026-10-01' });
    const first = await t.db.query<{ id: string; name: string; total_homes: number }>(
      'SELECT id, name, total_homes FROM projects WHERE synthetic ORDER BY id',
    );
    await services.demoSeed.seed({ projects: 50, seed: 9, asOf: '2026-10-01' });
    const second = await t.db.query('SELECT id, name, total_homes FROM projects WHERE synthetic ORDER BY id');
    expect(second).toEqual(first);
    expect(first).toHaveLength(50);
    expect((await services.projects.get(real.id, ADMIN)).name).toBe('Echt project');
  });
});
