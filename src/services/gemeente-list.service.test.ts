/**
 * A newer gemeente list (issue 13 item 5; SPEC §2 "Geography"): a hand-made merger of Renkum (GM0274) and Wageningen
 * (GM0289) into a new gemeente GM1999 maps old codes to new without losing history — projects move with an audit entry
 * that keeps the old code, CBS figures stay under the old codes and are mapped at read time, region memberships and
 * targets follow, accounts too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, ADMIN_ACTOR } from '../../test/helpers/auth.ts';
import { useTestDb } from '../../test/helpers/test-db.ts';
import { REFERENCE_DIR } from '../storage/reference-data.ts';
import { createServices, type Services } from './container.ts';

const t = useTestDb();
let services: Services;
const projectIds: Record<string, string> = {};

const current = readFileSync(join(REFERENCE_DIR, 'gemeenten_2025.csv'), 'utf8').trim().split('\n');
const GEMEENTEN = [
  ...current.filter((l) => !l.startsWith('GM0274,') && !l.startsWith('GM0289,')),
  'GM1999,Renkum-Wageningen,PV25,Gelderland,CR13,Veluwe',
].join('\n');
const HERINDELINGEN = [
  'gemeente_code,gemeente_name,year,effective_date,event,successor_code,successor_name,weight,weight_basis,verification',
  'GM0274,Renkum,2027,2027-01-01,samenvoeging,GM1999,Renkum-Wageningen,1,geheel,test',
  'GM0289,Wageningen,2027,2027-01-01,samenvoeging,GM1999,Renkum-Wageningen,1,geheel,test',
].join('\n');
const REGION = 'test-foodvalley';

beforeAll(async () => {
  services = createServices(t.db);
  for (const [name, code] of [
    ['Renkum Noord', 'GM0274'],
    ['Wageningen Campus', 'GM0289'],
    ['Ede Centrum', 'GM0228'],
  ] as const) {
    projectIds[name] = (await services.projects.create({ name, gemeenteCode: code, planStatus: 'vastgesteld' }, ADMIN_ACTOR)).id;
  }
  await t.db.query(`INSERT INTO regions (id, kind, name) VALUES ($1, 'versnellingstafel', 'Tafel Foodvalley (test)')`, [REGION]);
  for (const code of ['GM0289', 'GM0228']) {
    await t.db.query(`INSERT INTO region_gemeenten (region_id, gemeente_code) VALUES ($1, $2)`, [REGION, code]);
    await t.db.query(`INSERT INTO region_gemeente_periods (region_id, gemeente_code, from_quarter) VALUES ($1, $2, '2025-Q1')`, [REGION, code]);
  }
  for (const [code, homes] of [
    ['GM0274', 600],
    ['GM0289', 1400],
  ] as const) {
    await t.db.query(
      `INSERT INTO targets (id, geo_level, geo_code, geo_name, period_start, period_end, homes, kind) VALUES (gen_random_uuid(), 'gemeente', $1, $1, 2025, 2030, $2, 'test')`,
      [code, homes],
    );
  }
  await services.auth.createUser({
    email: 'wageningen@example.invalid',
    name: 'Wageningen',
    password: null,
    role: 'gemeente_editor',
    organisationId: null,
    gemeenteCode: 'GM0289',
    regionId: null,
    provincieCode: null,
  });
});

describe('updating the gemeente list with a merger (issue 13 item 5, SPEC §2 Geography)', () => {
  it('refuses a list where a gemeente disappears without a herindeling, and writes nothing', async () => {
    const s = await services.gemeenteList.update(
      { gemeenten: GEMEENTEN, herindelingen: HERINDELINGEN.split('\n').slice(0, 2).join('\n'), fileName: 'x' },
      { actorName: 'test' },
    );
    expect(s.written).toBe(false);
    expect(s.errors).toEqual([expect.objectContaining({ file: 'herindelingen', message: expect.stringContaining('GM0289 (Wageningen)') })]);
    const [p] = await t.db.query(`SELECT gemeente_code FROM projects WHERE id = $1`, [projectIds['Renkum Noord']]);
    expect(p).toEqual({ gemeente_code: 'GM0274' });
  });

  it('moves projects, region memberships, targets and accounts to the new gemeente, with history', async () => {
    const cbsBefore = await services.realisations.realisations({ area: 'nl' }, ADMIN);
    const s = await services.gemeenteList.update(
      { gemeenten: GEMEENTEN, herindelingen: HERINDELINGEN, fileName: 'gemeenten-2027.csv' },
      { actorName: 'test' },
    );
    expect(s.errors).toEqual([]);
    expect(s.added).toEqual([{ code: 'GM1999', name: 'Renkum-Wageningen' }]);
    expect(s.ended.map((e) => [e.code, e.endedOn, e.projectsTo, e.projectsMoved, e.regions, e.targetsMerged, e.accountsMoved])).toEqual([
      ['GM0274', '2027-01-01', 'GM1999', 1, [], 1, 0],
      ['GM0289', '2027-01-01', 'GM1999', 1, [REGION], 1, 1],
    ]);

    // Projects: in the new gemeente, the old code kept in the audit entry.
    const moved = await t.db.query(`SELECT name, gemeente_code, provincie_code FROM projects WHERE id = ANY($1::uuid[]) ORDER BY name`, [
      Object.values(projectIds),
    ]);
    expect(moved).toEqual([
      { name: 'Ede Centrum', gemeente_code: 'GM0228', provincie_code: 'PV25' },
      { name: 'Renkum Noord', gemeente_code: 'GM1999', provincie_code: 'PV25' },
      { name: 'Wageningen Campus', gemeente_code: 'GM1999', provincie_code: 'PV25' },
    ]);
    const audit = await t.db.query<{ changes: unknown }>(`SELECT changes FROM audit_log WHERE entity_id = $1 AND action = 'herindeling'`, [
      projectIds['Wageningen Campus'],
    ]);
    expect(audit).toEqual([{ changes: [{ field: 'gemeenteCode', old: 'GM0289', new: 'GM1999' }] }]);

    // The old gemeenten stay (ended), the lists show the new one.
    const listed = (await services.reference.listGemeenten()).map((g) => g.code);
    expect(listed).toContain('GM1999');
    expect(listed).not.toContain('GM0289');
    const [ended] = await t.db.query(`SELECT ended_on FROM gemeenten WHERE code = 'GM0289'`);
    expect(ended).toEqual({ ended_on: '2027-01-01' });
    // No new project in a gemeente that no longer exists.
    await expect(services.projects.create({ name: 'Te laat', gemeenteCode: 'GM0289', planStatus: 'visie' }, ADMIN_ACTOR)).rejects.toThrow(/GM0289/);

    // Region: Wageningen's membership ends with 2026-Q4, the new gemeente joins from 2027-Q1.
    const periods = await t.db.query(
      `SELECT gemeente_code, from_quarter, until_quarter FROM region_gemeente_periods WHERE region_id = $1 ORDER BY gemeente_code`,
      [REGION],
    );
    expect(periods).toEqual([
      { gemeente_code: 'GM0228', from_quarter: '2025-Q1', until_quarter: null },
      { gemeente_code: 'GM0289', from_quarter: '2025-Q1', until_quarter: '2026-Q4' },
      { gemeente_code: 'GM1999', from_quarter: '2027-Q1', until_quarter: null },
    ]);

    // Targets: one preferred target of 2,000 for the new gemeente; the old ones kept, not preferred.
    const targets = await t.db.query(`SELECT geo_code, homes, preferred FROM targets WHERE kind = 'test' ORDER BY geo_code`);
    expect(targets).toEqual([
      { geo_code: 'GM0274', homes: 600, preferred: false },
      { geo_code: 'GM0289', homes: 1400, preferred: false },
      { geo_code: 'GM1999', homes: 2000, preferred: true },
    ]);

    // CBS figures stay under their old codes and are mapped at read time: GM1999 = Renkum + Wageningen, totals unchanged.
    const [cbs] = await t.db.query<{ v: number }>(
      `SELECT sum(new_construction)::int AS v FROM cbs_woningvoorraad WHERE gemeente_code IN ('GM0274', 'GM0289') AND year = 2020`,
    );
    const r = await services.realisations.realisations({ area: 'gemeente:GM1999', fromYear: 2020, toYear: 2020 }, ADMIN);
    expect(r.rows.map((x) => [x.gemeenteCode, x.value, x.from.map((f) => f.code).sort()])).toEqual([['GM1999', cbs!.v, ['GM0274', 'GM0289']]]);
    const after = await services.realisations.realisations({ area: 'nl' }, ADMIN);
    expect(after.national).toEqual(cbsBefore.national);
  });

  it('running the same update again changes nothing', async () => {
    const s = await services.gemeenteList.update(
      { gemeenten: GEMEENTEN, herindelingen: HERINDELINGEN, fileName: 'gemeenten-2027.csv' },
      { actorName: 'test' },
    );
    expect(s.errors).toEqual([]);
    expect(s.added).toEqual([]);
    expect(s.ended).toEqual([]);
  });
});
