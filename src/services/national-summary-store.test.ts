/**
 * The national overview from kept sums per gemeente (issue 15 goal 4; src/domain/national-summary.ts, migration
 * 0038): the sums and the simulation equal the computation over every project of the country (SPEC §8: the
 * forecast band from the observed milestone history), a new server process reads them without reading a project,
 * and a write is seen at once — a changed gemeente is summarised again on its own, a moved completion date (which
 * changes the observed delays of the whole country) runs the simulation of every gemeente again.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDb } from '../../test/helpers/test-db.ts';
import { ANONYMOUS, type Principal } from '../domain/access.ts';
import { DEFAULT_ASSUMPTIONS, opleveringenPerYear, plannedRows, type NationalProject } from '../domain/forecast.ts';
import { nationalFacts } from '../domain/national.ts';
import { plannedByArea } from '../domain/national-summary.ts';
import { POLICY } from '../domain/policy.ts';
import { readDataVersion } from '../storage/data-version.repository.ts';
import { createNationalRepository } from '../storage/national.repository.ts';
import { createNationalSummaryRepository } from '../storage/national-summary.repository.ts';
import { createServices } from './container.ts';
import { runSimulation, simulationInput } from './forecast.service.ts';
import { createNationalSummaryStore } from './national-summary-store.ts';

const t = useTestDb();
const OPTIONS = { runs: POLICY.simulation.runs, seed: POLICY.simulation.seed, fromYear: 2026, toYear: 2032 };
const ministry: Principal = { ...ANONYMOUS, kind: 'user', name: 'test', role: 'ministerie_analist' };

/** A store whose project reads are counted, as a server process would make it. */
function countingStore() {
  const national = createNationalRepository();
  const reads: Array<readonly string[] | undefined> = [];
  const counted = {
    ...national,
    projectDataset: (q: Parameters<typeof national.projectDataset>[0], codes?: readonly string[]) => {
      reads.push(codes);
      return national.projectDataset(q, codes);
    },
  };
  return { store: createNationalSummaryStore({ db: t.db, national: counted, summaries: createNationalSummaryRepository() }), reads };
}

/** Every counted project, as the national dataset holds them: by gemeente, then by key. */
async function allProjects(): Promise<NationalProject[]> {
  const projects = await createNationalRepository().projectDataset(t.db);
  return projects.sort((a, b) => (a.gemeenteCode === b.gemeenteCode ? a.key - b.key : a.gemeenteCode < b.gemeenteCode ? -1 : 1));
}

async function gemeenteCodes(): Promise<string[]> {
  return (await t.db.query<{ code: string }>('SELECT code FROM gemeenten ORDER BY code')).map((r) => r.code);
}

/** The sums and simulation of a fresh store equal the computation over every project. */
async function expectEqualToFullComputation(store: ReturnType<typeof countingStore>['store']) {
  const codes = await gemeenteCodes();
  const projects = await allProjects();
  const sums = await store.load('alle');
  const sortRows = <T extends { code: string; year: number; planStatus: string }>(rows: T[]) =>
    [...rows].sort((a, b) => `${a.code}|${a.year}|${a.planStatus}`.localeCompare(`${b.code}|${b.year}|${b.planStatus}`));
  expect(sortRows(plannedByArea(sums.combined.planned, (g) => g, 2012, 2040))).toEqual(
    sortRows(plannedRows(projects, (p) => p.gemeenteCode, 2012, 2040)),
  );
  expect(sums.combined.opleveringen).toEqual(opleveringenPerYear(projects));
  const facts = nationalFacts(projects);
  expect(sums.combined.facts.doorbraakHomes).toEqual(facts.doorbraakHomes);
  expect([...sums.combined.facts.perYear.keys()].sort()).toEqual([...facts.perYear.keys()].sort());
  for (const [year, perStatus] of facts.perYear) {
    for (const [status, row] of Object.entries(perStatus)) {
      const kept = sums.combined.facts.perYear.get(year)![status as keyof typeof perStatus];
      for (const [k, v] of Object.entries(row)) expect(kept[k as keyof typeof row]).toBeCloseTo(v, 6);
    }
  }
  const input = simulationInput(projects, codes, DEFAULT_ASSUMPTIONS);
  expect(sums.combined.delaySamples).toEqual(input.delaySamples);
  const expected = runSimulation(input, OPTIONS);
  const kept = await store.simulate(sums, codes, DEFAULT_ASSUMPTIONS, OPTIONS);
  // Bit for bit: every gemeente's runs add the same projects in the same order.
  expect(Buffer.from(kept.result.values.buffer).equals(Buffer.from(expected.result.values.buffer))).toBe(true);
  expect(kept.info).toEqual(expected.info);
}

beforeAll(async () => {
  await createServices(t.db).demoSeed.seed({ projects: 800, seed: 11, asOf: '2026-10-01' });
});

describe('national overview from kept sums per gemeente (issue 15 goal 4)', () => {
  it('gives the sums and the simulation of the computation over every project', async () => {
    await expectEqualToFullComputation(countingStore().store);
  });

  it('a new process reads the kept sums and runs: the same overview, and not one project read', async () => {
    const first = await createServices(t.db).national.overview({ asOf: '2026-10-01', year: 2027 }, ministry);
    const { store, reads } = countingStore();
    const sums = await store.load('alle');
    await store.simulate(sums, await gemeenteCodes(), DEFAULT_ASSUMPTIONS, OPTIONS);
    expect(reads).toEqual([]);
    // Runs with another seed are made in memory, not kept: what is kept cannot grow with the requests people make.
    const pieces = async () => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM national_simulation_pieces'))[0]!.n;
    const before = await pieces();
    const other = await store.simulate(sums, await gemeenteCodes(), DEFAULT_ASSUMPTIONS, { ...OPTIONS, seed: 12345 });
    expect(other.result.values.some((v) => v > 0)).toBe(true);
    expect(await pieces()).toBe(before);
    const again = await createServices(t.db).national.overview({ asOf: '2026-10-01', year: 2027 }, ministry);
    expect(again).toEqual(first);
  });

  it('sees a write at once: a changed gemeente is summarised again on its own, a moved completion date runs every gemeente again', async () => {
    const { store, reads } = countingStore();
    const codes = await gemeenteCodes();
    const before = await store.load('alle');
    await store.simulate(before, codes, DEFAULT_ASSUMPTIONS, OPTIONS);
    const [target] = await t.db.query<{ id: string; g: string }>(
      `SELECT p.id, p.gemeente_code AS g FROM projects p JOIN project_jaarschijven s ON s.project_id = p.id
       WHERE s.year BETWEEN 2027 AND 2030 ORDER BY p.id LIMIT 1`,
    );
    // More homes in one jaarschijf: planned and simulated figures move, only this gemeente is read again.
    await t.db.query('UPDATE project_jaarschijven SET homes = homes + 500 WHERE project_id = $1 AND year BETWEEN 2027 AND 2030', [target!.id]);
    await t.db.query('UPDATE projects SET version = version + 1, updated_at = now() WHERE id = $1', [target!.id]);
    const after = await store.load('alle');
    expect(reads).toEqual([[target!.g]]);
    const planned = (s: typeof before) => s.combined.planned.reduce((n, r) => n + (r.year >= 2027 && r.year <= 2030 ? r.homes : 0), 0);
    expect(planned(after)).toBeGreaterThan(planned(before));
    await expectEqualToFullComputation(store);

    // A completion date moved two years: the observed delays change, and with them every gemeente's runs.
    await t.db.query(
      `UPDATE project_milestones SET forecast_date = forecast_date + interval '2 years' WHERE code = 'M12' AND actual_date IS NULL AND baseline_date IS NOT NULL
         AND forecast_date IS NOT NULL AND project_id = (SELECT project_id FROM project_milestones WHERE code = 'M12' AND actual_date IS NULL
         AND baseline_date IS NOT NULL AND forecast_date IS NOT NULL ORDER BY project_id LIMIT 1)`,
    );
    await t.db.query(
      `UPDATE projects SET version = version + 1, updated_at = now() WHERE id = (SELECT project_id FROM project_milestones WHERE code = 'M12'
         AND actual_date IS NULL AND baseline_date IS NOT NULL AND forecast_date IS NOT NULL ORDER BY project_id LIMIT 1)`,
    );
    const moved = await store.load('alle');
    expect(moved.combined.delaySamples).not.toEqual(after.combined.delaySamples);
    expect(reads).toHaveLength(2);
    await expectEqualToFullComputation(store);
  });

  it('keeps a figure per data version for new processes, and computes it again once the data changed', async () => {
    const computed: number[] = [];
    const compute = (n: number) => async () => {
      computed.push(n);
      return { n };
    };
    const version = await readDataVersion(t.db);
    await expect(countingStore().store.kept('test|figure', version, compute(1))).resolves.toEqual({ n: 1 });
    await expect(countingStore().store.kept('test|figure', version, compute(2))).resolves.toEqual({ n: 1 });
    await t.db.query("UPDATE projects SET description = description || '' WHERE id = (SELECT id FROM projects ORDER BY id LIMIT 1)");
    await expect(countingStore().store.kept('test|figure', await readDataVersion(t.db), compute(3))).resolves.toEqual({ n: 3 });
    expect(computed).toEqual([1, 3]);
  });

  it('keeps the synthetic demo projects apart for demo roles', async () => {
    const { store } = countingStore();
    await t.db.query(
      `INSERT INTO projects (id, name, gemeente_code, provincie_code, plan_status, origin, phase, status, total_homes, affordable_homes, social_homes, synthetic)
       VALUES (gen_random_uuid(), 'Echt project', 'GM0363', 'PV27', 'onherroepelijk', 'nieuwbouw', 'opgeleverd', 'groen', 300, 100, 50, false)
       RETURNING id`,
    );
    await t.db.query(
      `INSERT INTO project_milestones (project_id, code, owner_side, baseline_date, actual_date)
       SELECT id, 'M12', 'privaat', '2019-03-01', '2019-06-30' FROM projects WHERE name = 'Echt project'`,
    );
    const all = await store.load('alle');
    const demo = await store.load('demo');
    expect(all.combined.opleveringen.get(2019)?.homes ?? 0).toBe((demo.combined.opleveringen.get(2019)?.homes ?? 0) + 300);
  });
});
