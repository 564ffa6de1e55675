/**
 * `wbm import bag` (issue 13 item 3; SPEC §4.1 counting bases start bouw and realisatie, "BAG statuses usable for
 * counting"): a hand-made BAG status file with known starts and completions — an object withdrawn after its start, a
 * non-residential object, a status set twice, dates on a quarter boundary — linked to projects by pand id and by location.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, ADMIN_ACTOR } from '../../test/helpers/auth.ts';
import { useTestDb } from '../../test/helpers/test-db.ts';
import { rdToWgs84 } from '../domain/coordinates.ts';
import { createServices, type Services } from './container.ts';

const t = useTestDb();
let services: Services;
let amsterdam: string;
let utrecht: string;

const HEADER = 'verblijfsobject_id;pand_id;gemeente_code;woonfunctie;status;status_datum;pand_status;pand_status_datum;x;y';
const A = '0363010000000001';
const B = '0363010000000002';
const C = '0363010000000003';
const D = '0363010000000004';
const E = '0344010000000001';
const PAND_AB = '0363100000000001';
const PAND_C = '0363100000000002';
const PAND_D = '0363100000000003';
const PAND_E = '0344100000000001';

const FILE_1 = [
  HEADER,
  // A and B: one pand, building started on 31 March 2023 (Q1); A in use 1 April 2024 (Q2).
  `${A};${PAND_AB};GM0363;ja;Verblijfsobject gevormd;2023-01-05;Bouw gestart;2023-03-31;;`,
  `${A};${PAND_AB};GM0363;ja;Verblijfsobject in gebruik;2024-04-01;Pand in gebruik;2024-04-01;;`,
  `${B};${PAND_AB};GM0363;ja;Verblijfsobject gevormd;2023-01-05;Bouw gestart;2023-03-31;;`,
  // B: "in gebruik (niet ingemeten)" on 31 March 2024 (Q1), then "in gebruik": completed once, in Q1.
  `${B};${PAND_AB};GM0363;ja;Verblijfsobject in gebruik (niet ingemeten);31-03-2024;Pand in gebruik;2024-04-01;;`,
  `${B};${PAND_AB};GM0363;ja;Verblijfsobject in gebruik;20240615;;;;`,
  // C: started 1 April 2023 (Q2); withdrawn later (second file).
  `${C};${PAND_C};GM0363;ja;Verblijfsobject gevormd;2023-03-01;Bouw gestart;2023-04-01;;`,
  // D: an office: never counted.
  `${D};${PAND_D};GM0363;kantoorfunctie;Verblijfsobject gevormd;2023-02-01;Bouw gestart;2023-05-01;;`,
  `${D};${PAND_D};GM0363;kantoorfunctie;Verblijfsobject in gebruik;2024-02-01;Pand in gebruik;2024-02-01;;`,
  // E (Utrecht, a shop with homes): "Bouw gestart" twice (same line twice and a day later): started once, Q3.
  `${E};${PAND_E};344;woonfunctie, winkelfunctie;Verblijfsobject gevormd;2023-06-01;Bouw gestart;2023-07-01;136000;456000`,
  `${E};${PAND_E};344;woonfunctie, winkelfunctie;Verblijfsobject gevormd;2023-06-01;Bouw gestart;2023-07-01;136000;456000`,
  `${E};${PAND_E};344;woonfunctie, winkelfunctie;Verblijfsobject gevormd;2023-06-01;Bouw gestart;2023-07-02;136000;456000`,
  `${E};${PAND_E};344;woonfunctie, winkelfunctie;Verblijfsobject in gebruik;2023-12-31;Pand in gebruik;2023-12-31;136000;456000`,
].join('\n');

const FILE_2 = [HEADER, `${C};${PAND_C};GM0363;ja;Niet gerealiseerd verblijfsobject;2024-01-10;;;;`].join('\n');

beforeAll(async () => {
  services = createServices(t.db);
  amsterdam = (await services.projects.create({ name: 'Amstel BAG', gemeenteCode: 'GM0363', planStatus: 'onherroepelijk' }, ADMIN_ACTOR)).id;
  // 100 m east of object E.
  utrecht = (
    await services.projects.create(
      { name: 'Utrecht BAG', gemeenteCode: 'GM0344', planStatus: 'onherroepelijk', location: rdToWgs84({ x: 136100, y: 456000 }) },
      ADMIN_ACTOR,
    )
  ).id;
  await services.bagImport.setBagIds([{ projectId: amsterdam, kind: 'pand', bagId: PAND_AB }], 'test');
});

const counts = async (period: 'year' | 'quarter') =>
  (await services.bagImport.realisations({ period }, ADMIN)).rows
    .filter((r) => r.bagStarted > 0 || r.bagCompleted > 0)
    .map((r) => [r.gemeenteCode, r.quarter === null ? r.year : `${r.year}Q${r.quarter}`, r.bagStarted, r.bagCompleted]);

describe('BAG status import (issue 13 item 3, SPEC §4.1)', () => {
  it('refuses a file with a bad date, an unknown status or gemeente, naming line and column, and writes nothing', async () => {
    const bad = [
      HEADER,
      `${A};${PAND_AB};GM0363;ja;Verblijfsobject gevormd;31-02-2023;;;;`,
      `${A};${PAND_AB};GM0363;ja;Verblijfsobject gesloopt;2023-02-01;;;;`,
      `${A};${PAND_AB};GM9999;ja;Verblijfsobject gevormd;2023-02-01;;;;`,
      `123;${PAND_AB};GM0363;misschien;Verblijfsobject gevormd;2023-02-01;;;;`,
    ].join('\n');
    const s = await services.bagImport.importText(bad, { file: 'fout.csv', actorName: 'test' });
    expect(s.written).toBe(false);
    expect(s.errors.map((e) => [e.line, e.column])).toEqual([
      [2, 'status_datum'],
      [3, 'status'],
      [4, 'gemeente_code'],
      [5, 'verblijfsobject_id'],
      [5, 'woonfunctie'],
    ]);
    expect(await t.db.query('SELECT 1 FROM bag_status_rows')).toHaveLength(0);
  });

  it('a dry run reports the counts and writes nothing', async () => {
    const s = await services.bagImport.importText(FILE_1, { file: 'bag-1.csv', actorName: 'test', dryRun: true });
    expect(s).toMatchObject({ written: false, objects: 5, counted: 4, notResidential: 1, errors: [] });
    expect(await t.db.query('SELECT 1 FROM bag_status_rows')).toHaveLength(0);
    expect(await t.db.query('SELECT 1 FROM bag_verblijfsobjecten')).toHaveLength(0);
  });

  it('counts started and completed homes per gemeente and year and quarter, links by pand id and by location', async () => {
    const s = await services.bagImport.importText(FILE_1, { file: 'bag-1.csv', actorName: 'test' });
    expect(s).toMatchObject({
      written: true,
      rowsRead: 12,
      lines: 12,
      newLines: 11,
      objects: 5,
      linked: { verblijfsobject: 0, pand: 2, locatie: 1 },
    });
    expect(await counts('year')).toEqual([
      ['GM0344', 2023, 1, 1],
      ['GM0363', 2023, 3, 0],
      ['GM0363', 2024, 0, 2],
    ]);
    const links = await t.db.query(`SELECT id, project_id AS "projectId", link_rule AS rule FROM bag_verblijfsobjecten ORDER BY id`);
    expect(links).toEqual([
      { id: E, projectId: utrecht, rule: 'locatie' },
      { id: A, projectId: amsterdam, rule: 'pand' },
      { id: B, projectId: amsterdam, rule: 'pand' },
      { id: C, projectId: null, rule: null },
      { id: D, projectId: null, rule: null },
    ]);
    const audit = await t.db.query(`SELECT via FROM audit_log WHERE entity_type = 'bag_import' AND entity_id = $1`, [s.importId]);
    expect(audit).toEqual([{ via: 'import' }]);
  });

  it('an object withdrawn after its start (later file) no longer counts; the same file again adds nothing', async () => {
    const again = await services.bagImport.importText(FILE_1, { file: 'bag-1.csv', actorName: 'test' });
    expect(again.newLines).toBe(0);
    await services.bagImport.importText(FILE_2, { file: 'bag-2.csv', actorName: 'test' });
    expect(await counts('year')).toEqual([
      ['GM0344', 2023, 1, 1],
      ['GM0363', 2023, 2, 0],
      ['GM0363', 2024, 0, 2],
    ]);
    // 31 March is Q1, 1 April Q2.
    expect(await counts('quarter')).toEqual([
      ['GM0363', '2023Q1', 2, 0],
      ['GM0344', '2023Q3', 1, 0],
      ['GM0344', '2023Q4', 0, 1],
      ['GM0363', '2024Q1', 0, 1],
      ['GM0363', '2024Q2', 0, 1],
    ]);
  });

  it('shows BAG next to CBS (per year) and the monitor’s own start bouw (M11) and oplevering (M12)', async () => {
    await services.projects.create(
      {
        name: 'Amstel gestart',
        gemeenteCode: 'GM0363',
        planStatus: 'onherroepelijk',
        programme: [{ segment: 'sociale_huur', woningtype: 'gestapeld', doelgroep: 'regulier', homes: 12 }],
        milestones: [{ code: 'M11', baselineDate: '2023-02-01', forecastDate: '2023-02-01', actualDate: '2023-02-01' }],
      },
      ADMIN_ACTOR,
    );
    const r = await services.bagImport.realisations({ area: 'gemeente:GM0363', fromYear: 2019, toYear: 2023 }, ADMIN);
    expect(r.rows.find((x) => x.year === 2023)).toMatchObject({ bagStarted: 2, bagCompleted: 0, monitorStarted: 12, cbsNewConstruction: null });
    // CBS 2020 in the 2025 classification: Amsterdam 2,560 + Weesp (merged into Amsterdam in 2022) 192.
    expect(r.rows.find((x) => x.year === 2020)).toMatchObject({ bagStarted: 0, cbsNewConstruction: 2752 });
  });

  it('a project’s BAG ids: an id of another project is refused, a verblijfsobject id links its object', async () => {
    await expect(services.bagImport.setBagIds([{ projectId: utrecht, kind: 'pand', bagId: PAND_AB }], 'test')).rejects.toThrow(
      /hoort al bij een ander project/,
    );
    await services.bagImport.setBagIds([{ projectId: utrecht, kind: 'verblijfsobject', bagId: C }], 'test');
    const [c] = await t.db.query(`SELECT project_id AS "projectId", link_rule AS rule FROM bag_verblijfsobjecten WHERE id = $1`, [C]);
    expect(c).toEqual({ projectId: utrecht, rule: 'verblijfsobject' });
    const audit = await t.db.query<{ changes: unknown }>(
      `SELECT changes FROM audit_log WHERE entity_type = 'project' AND entity_id = $1 AND action = 'update'`,
      [utrecht],
    );
    expect(audit.at(-1)?.changes).toEqual([{ field: 'bagIds', old: [], new: [`verblijfsobject:${C}`] }]);
  });
});
