/** Demo seeding on a real database (PGlite, and PostgreSQL with DATABASE_URL). Issue: foundation §6. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, ADMIN_ACTOR } from '../../test/helpers/auth.ts';
import { present } from '../../test/helpers/present.ts';
import { createTestDb, type TestDb } from '../../test/helpers/test-db.ts';
import { generateDemo, generateDemoParts } from '../demo/generate-demo.ts';
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

  // issue 14: the first start generates the national demo in worker threads while the database writes.
  it('writes the same register when the projects are generated in a worker thread as when generated in-process', async () => {
    const fingerprint = async () =>
      present(
        (
          await t.db.query<{ projects: string; milestones: string; knelpunten: string; parties: string }>(
            `SELECT
               (SELECT md5(string_agg(concat_ws('|', id, name, gemeente_code, provincie_code, plan_status, phase, status, total_homes,
                  affordable_homes, max_delay_months, withdrawn_date, withdrawn_reason, lon, lat), ',' ORDER BY id)) FROM projects WHERE synthetic) AS projects,
               (SELECT md5(string_agg(concat_ws('|', project_id, code, baseline_date, forecast_date, actual_date, homes), ',' ORDER BY project_id, code))
                  FROM project_milestones) AS milestones,
               (SELECT md5(string_agg(concat_ws('|', id, project_id, category, raised_date, resolved_date), ',' ORDER BY id)) FROM knelpunten) AS knelpunten,
               (SELECT md5(string_agg(concat_ws('|', project_id, organisation_id, role), ',' ORDER BY project_id, role, organisation_id))
                  FROM project_parties) AS parties`,
          )
        )[0],
        'fingerprint',
      );
    const here = await services.demoSeed.seed({ projects: 300, seed: 5, asOf: '2026-10-01', workers: 0 });
    const inProcess = await fingerprint();
    const progress: Array<[number, number]> = [];
    const viaWorker = await services.demoSeed.seed({
      projects: 300,
      seed: 5,
      asOf: '2026-10-01',
      workers: 1,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(viaWorker.workers).toBe(1);
    expect(await fingerprint()).toEqual(inProcess);
    expect({ ...viaWorker, seconds: 0, waitSeconds: 0, workers: 0, indexSeconds: null }).toEqual({
      ...here,
      seconds: 0,
      waitSeconds: 0,
      indexSeconds: null,
    });
    expect(progress.at(-1)).toEqual([300, 300]);
  });

  it('generates the national demo in shares of the gemeenten that together are the whole', async () => {
    const gemeenten = (await services.demoSeed.inputs({ projects: 'national', asOf: '2026-10-01' })).slice(0, 7);
    const options = { projects: 'national' as const, seed: 11, asOf: '2026-10-01' };
    const whole = generateDemo(gemeenten, options);
    const shares = [0, 1, 2].map((index) => [...generateDemoParts(gemeenten, options, { index, of: 3 }).parts]);
    // One part per gemeente with a target, each in exactly one share.
    expect(shares.flat()).toHaveLength(gemeenten.filter((g) => (g.annualTarget ?? 0) > 0).length);
    const byId = (ps: Array<{ id: string }>) => [...ps].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(shares.flat().flatMap((p) => p.projects))).toEqual(byId(whole.projects));
    expect(byId(shares.flat().flatMap((p) => p.knelpunten))).toEqual(byId(whole.knelpunten));
    expect(whole.projects.length).toBeGreaterThan(50);
    expect(() => generateDemoParts(gemeenten, { ...options, projects: 40 }, { index: 0, of: 2 })).toThrow(/one random stream/);
  });
});
