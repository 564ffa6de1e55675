/**
 * API tests of the national roll-up and the targets (issue 3), on the real reference data and a seeded
 * synthetic demo set, plus hand-made projects where an answer must be exact. PGlite by default,
 * PostgreSQL with DATABASE_URL. SPEC §1 (the ministry's national roll-up), §3 (targets as dated data).
 */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne } from '../storage/db.ts';
import { at, take } from '../../test/helpers/present.ts';
import type { TestDb } from '../../test/helpers/test-db.ts';
import { createTestApp, type Inject, type TestApp } from '../../test/helpers/test-app.ts';
import { POLICY } from '../domain/policy.ts';

let t: TestApp;
let ministry: Inject;
let province: Inject;
let gemeente: Inject;

const TODAY = new Date().toISOString().slice(0, 10);
const RECONCILE_PROJECT = randomUUID();

/** A hand-made real project in Amsterdam, completed (M12) in 2019 with 300 homes. */
async function insertCompletedProject(db: TestDb['db']): Promise<void> {
  await db.query(
    `INSERT INTO projects (id, name, gemeente_code, provincie_code, plan_status, origin, phase, status, total_homes, affordable_homes, social_homes)
     VALUES ($1, 'Afstemmingstest', 'GM0363', 'PV27', 'onherroepelijk', 'nieuwbouw', 'opgeleverd', 'groen', 300, 100, 50)`,
    [RECONCILE_PROJECT],
  );
  await db.query(
    `INSERT INTO project_milestones (project_id, code, owner_side, baseline_date, actual_date, homes) VALUES ($1, 'M12', 'privaat', '2019-03-01', '2019-06-30', NULL)`,
    [RECONCILE_PROJECT],
  );
}

beforeAll(async () => {
  t = await createTestApp({
    prepare: async (services, db) => {
      await services.demoSeed.seed({ projects: 1200, seed: 23, asOf: '2026-10-01' });
      await insertCompletedProject(db);
    },
  });
  ministry = await t.signedIn('ministerie_analist');
  province = await t.signedIn('provincie_analist', { provincieCode: 'PV26' });
  gemeente = await t.signedIn('gemeente_editor', { gemeenteCode: 'GM0363' });
});
afterAll(async () => {
  await t?.close();
});

/** National sums of CBS new construction from the data README. */
const README_SUMS: Record<number, number> = {
  2012: 48_668,
  2013: 49_311,
  2014: 45_170,
  2015: 48_381,
  2016: 54_849,
  2017: 62_982,
  2018: 66_585,
  2019: 71_548,
  2020: 69_985,
};

describe('GET /api/v1/national/realisations (CBS 81955NED, original classification and 2025 gemeenten)', () => {
  it('reproduces every year’s national total in both classifications (71,548 in 2019), for anyone', async () => {
    const res = await t.app.inject('/api/v1/national/realisations?fromYear=2012&toYear=2020');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.classification).toBe('indeling_2025');
    for (const y of body.national) {
      expect(y.cbsOriginal, String(y.year)).toBe(README_SUMS[y.year]);
      expect(y.cbsIndeling2025, String(y.year)).toBe(README_SUMS[y.year]);
    }
    const rows = body.rows as Array<{ gemeenteCode: string; year: number; value: number }>;
    expect(rows.filter((r) => r.year === 2019).reduce((s, r) => s + r.value, 0)).toBe(71_548);
    expect(new Set(rows.map((r) => r.gemeenteCode)).size).toBe(342);
    // The monitor's completions are project data: the ministry sees the real project's 300 homes; the public in
    // demo mode only those of the demo projects (none in 2019), so nothing real can be computed back.
    expect(body.national.find((y: { year: number }) => y.year === 2019).monitorOpleveringen).toBe(0);
    const full = (await ministry('/api/v1/national/realisations?fromYear=2012&toYear=2020')).json();
    expect(full.national.find((y: { year: number }) => y.year === 2019).monitorOpleveringen).toBeGreaterThanOrEqual(300);
  });

  it('shows a merged gemeente with the original figures behind it, and each gemeente’s figure exactly as in CBS', async () => {
    const altena = (await t.app.inject('/api/v1/national/realisations?area=gemeente:GM1959')).json();
    const y2018 = altena.rows.find((r: { year: number }) => r.year === 2018);
    expect(y2018.from.map((f: { code: string }) => f.code).sort()).toEqual(['GM0738', 'GM0870', 'GM0874']);
    const { v } = await queryOne<{ v: number }>(
      t.db,
      "SELECT sum(new_construction) AS v FROM cbs_woningvoorraad WHERE year = 2018 AND gemeente_code IN ('GM0738','GM0870','GM0874')",
    );
    expect(y2018.value).toBe(v);
    const original = (await t.app.inject('/api/v1/national/realisations?area=gemeente:GM1959&classification=origineel')).json();
    expect(new Set(original.rows.map((r: { gemeenteCode: string }) => r.gemeenteCode))).toEqual(new Set(['GM0738', 'GM0870', 'GM0874', 'GM1959']));
    const aalburg2012 = original.rows.find((r: { gemeenteCode: string; year: number }) => r.gemeenteCode === 'GM0738' && r.year === 2012);
    const { nc } = await queryOne<{ nc: number }>(
      t.db,
      "SELECT new_construction AS nc FROM cbs_woningvoorraad WHERE gemeente_code = 'GM0738' AND year = 2012",
    );
    expect(aalburg2012).toMatchObject({ gemeenteName: 'Aalburg', value: nc });
  });

  it('lists the herindelingen with their resolved 2025 successors', async () => {
    const body = (await t.app.inject('/api/v1/national/herindelingen')).json();
    expect(body.items).toHaveLength(109);
    expect(body.successors.find((s: { code: string }) => s.code === 'GM0051').successors).toEqual([{ code: 'GM1940', share: 1 }]);
  });
});

describe('GET /api/v1/national/reconciliation (monitor opleveringen vs CBS)', () => {
  it('compares the monitor with CBS per gemeente for a year both have, absolute and relative', async () => {
    const res = await ministry('/api/v1/national/reconciliation?year=2019&provincie=PV27');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.years).toEqual([2019]);
    expect(body.rows).toHaveLength(44);
    const amsterdam = body.rows.find((r: { gemeenteCode: string }) => r.gemeenteCode === 'GM0363');
    // CBS Amsterdam 2019 in the 2025 classification = Amsterdam + Weesp.
    const { cbs } = await queryOne<{ cbs: number }>(
      t.db,
      "SELECT sum(new_construction) AS cbs FROM cbs_woningvoorraad WHERE year = 2019 AND gemeente_code IN ('GM0363','GM0457')",
    );
    expect(amsterdam).toMatchObject({ gemeenteName: 'Amsterdam', monitor: 300, monitorProjects: 1, cbs, difference: 300 - cbs });
    expect(amsterdam.relativeDifference).toBeCloseTo((300 - cbs) / cbs, 12);
    expect(body.rows.find((r: { gemeenteCode: string }) => r.gemeenteCode === 'GM0392')).toMatchObject({
      monitor: 0,
      difference: expect.any(Number),
    });
  });

  it('needs a sign-in and the right to see the area', async () => {
    expect((await t.app.inject('/api/v1/national/reconciliation?year=2019')).statusCode).toBe(401);
    expect((await gemeente('/api/v1/national/reconciliation?year=2019&gemeente=GM0363')).statusCode).toBe(200);
    const denied = await gemeente('/api/v1/national/reconciliation?year=2019&provincie=PV27');
    expect(denied.statusCode).toBe(403);
    expect(denied.headers['content-type']).toContain('application/problem+json');
  });
});

describe('targets (SPEC §3: dated data with their source)', () => {
  it('lists the housing targets and the special targets, each with its source', async () => {
    const res = await t.app.inject('/api/v1/targets');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Array<Record<string, unknown>>;
    const metrics = new Set(items.map((i) => i.metric));
    for (const m of [
      'woningbouw',
      'betaalbaar_aandeel',
      'sociaal_aandeel',
      'sociale_huur_corporaties',
      'ouderenwoningen',
      'studentenkamers',
      'industrieel_aandeel',
      'beter_benutten',
      'nplv',
      'doorbraaklocaties',
    ]) {
      expect(metrics.has(m), m).toBe(true);
    }
    for (const i of items) expect(Boolean(i.sourceUrl || i.sourceRef), String(i.geoName)).toBe(true);
    const social = items.find((i) => i.metric === 'sociale_huur_corporaties')!;
    expect(social).toMatchObject({
      homes: 30_000,
      unit: 'woningen_per_jaar',
      periodStart: 2029,
      sourceRef: 'Kamerbrief Integrale visie op de woningmarkt, 17 november 2025, toezegging aandeel sociale huur',
    });
    expect(items.find((i) => i.metric === 'betaalbaar_aandeel')!.share).toBeCloseTo(2 / 3, 6);
    const pv26 = (await t.app.inject('/api/v1/targets?geoLevel=provincie&geoCode=PV26')).json().items;
    expect(pv26.map((i: { homes: number }) => i.homes)).toEqual([83_500]);
  });

  const payload = {
    geoLevel: 'gemeente',
    geoCode: 'GM0344',
    geoName: 'Utrecht',
    periodStart: 2025,
    periodEnd: 2030,
    homes: 18_000,
    kind: 'gemeentelijke opgave (test)',
    sourceRef: 'Woondeal regio Utrecht (test)',
  };

  it('creates a target, refuses invalid ones naming each field, and locks optimistically', async () => {
    const bad = await province({
      method: 'POST',
      url: '/api/v1/targets',
      payload: { ...payload, periodEnd: 2020, sourceRef: undefined, homes: 10, geoCode: 'GM9999' },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['geoCode', 'periodEnd', 'sourceUrl']);
    const wrongType = await province({ method: 'POST', url: '/api/v1/targets', payload: { ...payload, homes: 'veel' } });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().errors[0].path).toBe('homes');

    const created = await province({ method: 'POST', url: '/api/v1/targets', payload });
    expect(created.statusCode, created.body).toBe(201);
    const target = created.json();
    expect(target).toMatchObject({ metric: 'woningbouw', unit: 'woningen', version: 1, preferred: true });

    const changed = await province({ method: 'PATCH', url: `/api/v1/targets/${target.id}`, payload: { version: 1, homes: 19_000 } });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ homes: 19_000, version: 2 });
    const stale = await province({ method: 'PATCH', url: `/api/v1/targets/${target.id}`, payload: { version: 1, homes: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().currentVersion).toBe(2);
    expect((await t.app.inject(`/api/v1/targets?geoCode=GM0344`)).json().items[0].homes).toBe(19_000);
    const missing = await province({ method: 'PATCH', url: `/api/v1/targets/${randomUUID()}`, payload: { version: 1, homes: 1 } });
    expect(missing.statusCode).toBe(404);
  });

  it('lets a province change only its own province’s targets, and nobody without the role', async () => {
    const other = await province({ method: 'POST', url: '/api/v1/targets', payload: { ...payload, geoCode: 'GM0363', geoName: 'Amsterdam' } });
    expect(other.statusCode).toBe(403);
    expect((await gemeente({ method: 'POST', url: '/api/v1/targets', payload })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/targets', payload })).statusCode).toBe(401);
  });

  it('imports a CSV all or nothing, reporting every problem as rows[i].field', async () => {
    const before = (await t.app.inject('/api/v1/targets')).json().items.length;
    const csv = [
      'geography_level,geography_code,geography_name,period_start,period_end,target_homes,target_type,source_url',
      'gemeente,GM0307,Amersfoort,2025,2030,6000,opgave,https://example.org/a',
      'gemeente,GM9999,Nergens,2025,2030,10,opgave,https://example.org/b',
      'gemeente,GM0310,De Bilt,2030,2025,veel,opgave,',
    ].join('\n');
    const res = await ministry({ method: 'POST', url: '/api/v1/targets/import', headers: { 'content-type': 'text/csv' }, payload: csv });
    expect(res.statusCode, res.body).toBe(422);
    const paths = res.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toContain('rows[1].geoCode');
    expect(paths).toContain('rows[2].homes');
    expect(res.json().errors.find((e: { path: string }) => e.path === 'rows[1].geoCode').message).toMatch(/^Regel 3:/);
    expect((await t.app.inject('/api/v1/targets')).json().items.length).toBe(before);

    const good = csv.split('\n').slice(0, 2).join('\n');
    const ok = await ministry({ method: 'POST', url: '/api/v1/targets/import', headers: { 'content-type': 'text/csv' }, payload: good });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ rows: 1, created: 1, updated: 0 });
    // Importing the same row again updates it instead of adding a duplicate.
    const again = await ministry({
      method: 'POST',
      url: '/api/v1/targets/import',
      headers: { 'content-type': 'text/csv' },
      payload: good.replace('6000', '6500'),
    });
    expect(again.json()).toMatchObject({ created: 0, updated: 1 });
    expect(again.json().targets[0]).toMatchObject({ homes: 6500, version: 2 });
  });

  it('imports an .xlsx upload with the API’s column names', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Doelen');
    sheet.addRow(['metric', 'unit', 'geoLevel', 'geoCode', 'geoName', 'periodStart', 'periodEnd', 'homes', 'share', 'sourceRef']);
    sheet.addRow(['sociaal_aandeel', 'aandeel', 'provincie', 'PV26', 'Utrecht', 2025, 2030, null, '35%', 'provinciale woonagenda (test)']);
    sheet.addRow(['ouderenwoningen', 'woningen', 'provincie', 'PV26', 'Utrecht', 2024, 2030, 20_000, null, 'woondeal (test)']);
    const body = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await province({
      method: 'POST',
      url: '/api/v1/targets/import',
      headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      payload: body,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().created).toBe(2);
    expect(res.json().targets[0]).toMatchObject({ metric: 'sociaal_aandeel', share: 0.35, homes: null });
    const empty = await province({
      method: 'POST',
      url: '/api/v1/targets/import',
      headers: { 'content-type': 'text/csv' },
      payload: 'geoLevel,geoName\n',
    });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().errors[0].path).toBe('rows');
  });
});

describe('GET /api/v1/national/forecast', () => {
  const url = '/api/v1/national/forecast?area=provincie:PV27&fromYear=2026&toYear=2030&runs=40&seed=3';

  it('gives expected completions = jaarschijven × assumption per plan status, with the assumptions shown', async () => {
    const res = await ministry(url);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.assumptions.byPlanStatus).toEqual(POLICY.realisation.byPlanStatus);
    const rows = await t.db.query<{ plan_status: keyof typeof POLICY.realisation.byPlanStatus; homes: number }>(
      `SELECT p.plan_status, sum(s.homes) AS homes FROM project_jaarschijven s JOIN projects p ON p.id = s.project_id
       WHERE s.year = 2028 AND p.provincie_code = 'PV27' GROUP BY p.plan_status`,
    );
    const y2028 = body.perYear.find((y: { year: number }) => y.year === 2028);
    expect(y2028.planned).toBe(rows.reduce((s, r) => s + r.homes, 0));
    expect(y2028.expectedWithoutDelay).toBeCloseTo(
      rows.reduce((s, r) => s + r.homes * POLICY.realisation.byPlanStatus[r.plan_status], 0),
      6,
    );
    // Noord-Holland has a province target (183,600 for 2022–2030).
    expect(y2028).toMatchObject({ target: 183_600 / 9, targetBasis: 'vastgesteld' });
    expect(y2028.gap).toBeCloseTo(y2028.expected - 183_600 / 9, 6);
    for (const y of body.perYear) {
      expect(y.p10).toBeLessThanOrEqual(y.p50);
      expect(y.p50).toBeLessThanOrEqual(y.p90);
      // The point estimate is the band's median (issue 8 item 19).
      expect(y).toMatchObject({ expected: y.p50, expectedBasis: 'p50' });
    }
    // The gemeenten of the breakdown add up to the province.
    const sum = body.breakdown.reduce(
      (s: number, g: { perYear: Array<{ year: number; planned: number }> }) => s + g.perYear.find((y) => y.year === 2028)!.planned,
      0,
    );
    expect(sum).toBe(y2028.planned);
    expect(body.simulation).toMatchObject({ runs: 40, seed: 3 });
    expect(body.simulation.delays.samples).toBeGreaterThan(100);
  });

  it('is reproducible with a seed', async () => {
    const a = (await ministry(url)).json();
    const b = (await ministry(url)).json();
    expect(b.perYear).toEqual(a.perYear);
    const other = (await ministry(url.replace('seed=3', 'seed=4'))).json();
    // Planned × realisation does not depend on the seed; the median of the simulation may.
    expect(other.perYear.map((y: { expectedWithoutDelay: number }) => y.expectedWithoutDelay)).toEqual(
      a.perYear.map((y: { expectedWithoutDelay: number }) => y.expectedWithoutDelay),
    );
  });

  it('shows a change in the register at once (the loaded data is reused only while nothing changed)', async () => {
    const before = (await ministry(url)).json().perYear.find((y: { year: number }) => y.year === 2029).planned;
    const [p] = take(await t.db.query<{ id: string }>("SELECT id FROM projects WHERE provincie_code = 'PV27' ORDER BY id LIMIT 1"), 1);
    await t.db.query(
      "INSERT INTO project_jaarschijven (project_id, year, segment, homes) VALUES ($1, 2029, 'middenhuur', 1234) ON CONFLICT (project_id, year, segment) DO UPDATE SET homes = project_jaarschijven.homes + 1234",
      [p.id],
    );
    await t.db.query('UPDATE projects SET version = version + 1, updated_at = now() WHERE id = $1', [p.id]);
    const after = (await ministry(url)).json().perYear.find((y: { year: number }) => y.year === 2029).planned;
    expect(after).toBe(before + 1234);
  });

  it('checks the area and the year range', async () => {
    expect((await ministry('/api/v1/national/forecast?area=provincie:PV99')).statusCode).toBe(404);
    const bad = await ministry('/api/v1/national/forecast?fromYear=2030&toYear=2026');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].path).toBe('toYear');
    expect((await province('/api/v1/national/forecast?area=provincie:PV27')).statusCode).toBe(403);
    expect((await province('/api/v1/national/forecast?area=vt-u10&fromYear=2026&toYear=2027&runs=5')).statusCode).toBe(200);
  });
});

describe('GET /api/v1/national/overview', () => {
  it('rolls up realised and forecast production against 100,000, shares, special targets, provinces and PPM use', async () => {
    const res = await ministry(`/api/v1/national/overview?year=2027&asOf=${TODAY}&runs=30&seed=1`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const y2019 = body.production.years.find((y: { year: number }) => y.year === 2019);
    expect(y2019).toMatchObject({ realisedCbs: 71_548 });
    expect(y2019.opleveringenMonitor).toBeGreaterThanOrEqual(300);
    const y2027 = body.production.years.find((y: { year: number }) => y.year === 2027);
    expect(y2027.target).toBe(100_000);
    expect(y2027.realisedCbs).toBeNull();
    const { homes } = await queryOne<{ homes: number }>(t.db, 'SELECT COALESCE(sum(homes), 0) AS homes FROM project_jaarschijven WHERE year = 2027');
    expect(y2027.planned).toBe(homes);
    expect(y2027.p50).not.toBeNull();
    expect(body.affordability).toMatchObject({ year: 2027, targetSocialShare: 0.3 });
    expect(body.affordability.targetAffordableShare).toBeCloseTo(2 / 3, 6);
    expect(body.affordability.affordableShare).toBeCloseTo(y2027.expectedAffordable / y2027.expectedWithoutDelay, 12);

    const special = new Map(body.specialTargets.map((s: { metric: string }) => [s.metric, s]));
    expect(special.get('woondeals')).toMatchObject({ measurable: false, status: 'onbekend' });
    expect(special.get('woningbouw')).toMatchObject({ measurable: true, measuredOver: { from: 2027, to: 2027 } });
    expect((special.get('woningbouw') as { measured: number }).measured).toBeCloseTo(y2027.expected, 6);
    expect(special.get('industrieel_aandeel')).toMatchObject({ measuredOver: { from: 2030, to: 2030 } });
    // Beter Benutten's ca. 15,000 a year is what it yields now: a reference figure, no verdict (issue 8 item 26).
    expect(special.get('beter_benutten')).toMatchObject({ measurable: true, status: 'ter_vergelijking', progress: null });

    expect(body.provinces).toHaveLength(12);
    const nh = body.provinces.find((p: { code: string }) => p.code === 'PV27');
    expect(nh.target).toBeCloseTo(183_600 / 9, 6);
    expect(nh.attainment).toBeCloseTo(nh.expected / nh.target, 12);
    expect(body.provinces.find((p: { code: string }) => p.code === 'PV20').target).toBeNull(); // Groningen: no target in the data
    const u10 = body.regions.find((r: { id: string }) => r.id === 'vt-u10');
    expect(u10).toMatchObject({ kind: 'versnellingstafel', targetBasis: 'geschat' });
    expect(u10.attainment).toBeCloseTo(u10.expected / u10.target, 12);

    const table = body.ppm.regions.find((r: { id: string }) => r.id === 'vt-amsterdam-e-o');
    const { n } = await queryOne<{ n: number }>(
      t.db,
      "SELECT count(*) AS n FROM projects WHERE gemeente_code IN (SELECT gemeente_code FROM region_gemeenten WHERE region_id = 'vt-amsterdam-e-o')",
    );
    // No quarterly round was ever opened: no share updated (issue 8 item 21).
    expect(table).toMatchObject({
      kind: 'versnellingstafel',
      projects: n,
      ppmInUse: true,
      updatedThisQuarter: n,
      roundOpened: false,
      updatedShare: null,
      overdue: 0,
    });
    expect(body.ppm.provinces).toHaveLength(12);
  });

  it('marks projects not updated for more than a quarter as overdue', async () => {
    const later = `${Number(TODAY.slice(0, 4)) + 1}-${TODAY.slice(5, 7)}-15`;
    const body = (await ministry(`/api/v1/national/overview?asOf=${later}&runs=5`)).json();
    const table = body.ppm.regions.find((r: { id: string }) => r.id === 'vt-u10');
    expect(table).toMatchObject({ updatedThisQuarter: 0, overdueShare: 1 });
    expect(table.overdueParties).toBeGreaterThan(0);
  });

  it('gives the full figures to the national view only; everyone else gets the public version with the rule of 3 projects', async () => {
    const full = await ministry('/api/v1/national/overview?runs=5');
    expect(full.statusCode).toBe(200);
    expect(full.json().disclosure ?? null).toBeNull();
    for (const res of [await province('/api/v1/national/overview?runs=5'), await t.app.inject('/api/v1/national/overview')]) {
      expect(res.statusCode).toBe(200);
      expect(res.json().disclosure).toMatchObject({ minProjects: 3 });
    }
  });
});

describe('GET /api/v1/national/plancapaciteit and the norm per area', () => {
  it('gives hard and soft capacity per period against need, the 130% test and the projects behind the figures', async () => {
    const res = await ministry('/api/v1/national/plancapaciteit?area=vt-u10&fromYear=2026&includeProjects=true');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    // No norm by default: 130% applies only where the area has the largest task (issue 8 item 25).
    expect(body.norm.value).toBeNull();
    const [first, second] = body.periods;
    expect(first.period).toMatchObject({ from: 2026, to: 2030 });
    expect(second.period).toMatchObject({ from: 2031, to: 2035 });
    const { hard } = await queryOne<{ hard: number }>(
      t.db,
      `SELECT COALESCE(sum(s.homes), 0) AS hard FROM project_jaarschijven s JOIN projects p ON p.id = s.project_id
       WHERE p.phase <> 'opgeleverd' AND p.plan_status IN ('onherroepelijk','vastgesteld') AND s.year <= 2030
         AND p.gemeente_code IN (SELECT gemeente_code FROM region_gemeenten WHERE region_id = 'vt-u10')`,
    );
    expect(first.hard).toBe(hard);
    expect(first.total).toBe(first.hard + first.soft);
    expect(first.need.homes).toBeGreaterThan(0); // Utrecht province target, estimated share
    expect(first.need.basis).toBe('geschat');
    expect(first.ratio).toBeCloseTo(first.total / first.need.homes, 12);
    expect(first).toMatchObject({ norm: null, meetsNorm: null, shortfall: null });
    expect(second.need.basis).toBe('onbekend');
    const { n } = await queryOne<{ n: number }>(
      t.db,
      `SELECT count(DISTINCT p.id) AS n FROM project_jaarschijven s JOIN projects p ON p.id = s.project_id
       WHERE p.phase <> 'opgeleverd' AND p.plan_status IN ('onherroepelijk','vastgesteld') AND s.year <= 2030 AND s.homes > 0
         AND p.gemeente_code IN (SELECT gemeente_code FROM region_gemeenten WHERE region_id = 'vt-u10')`,
    );
    expect(first.drillDown.hard.projectIds).toHaveLength(Math.min(n, 500));
    expect(first.drillDown.hard.href).toBe('/api/v1/projects?region=vt-u10&planStatus=onherroepelijk,vastgesteld');
  });

  it('uses a norm set for the area, with optimistic locking', async () => {
    const set = await province({
      method: 'PUT',
      url: '/api/v1/national/plancapaciteit/normen/gemeente:GM0344',
      payload: { norm: 1.0, reason: 'test: geen grote opgave' },
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ areaId: 'gemeente:GM0344', norm: 1, version: 1 });
    const body = (await province('/api/v1/national/plancapaciteit?area=gemeente:GM0344&fromYear=2026')).json();
    expect(body.norm).toMatchObject({ value: 1, source: expect.stringContaining('geen grote opgave') });
    expect(body.periods[0].norm).toBe(1);
    // A norm set for the area gives a verdict (issue 8 item 25).
    expect(body.periods[0].meetsNorm).toBe(body.periods[0].total >= body.periods[0].need.homes);
    const again = await province({
      method: 'PUT',
      url: '/api/v1/national/plancapaciteit/normen/gemeente:GM0344',
      payload: { norm: 1.1, reason: 'x' },
    });
    expect(again.statusCode).toBe(409);
    const changed = await province({
      method: 'PUT',
      url: '/api/v1/national/plancapaciteit/normen/gemeente:GM0344',
      payload: { norm: 1.1, reason: 'x', version: 1 },
    });
    expect(changed.json()).toMatchObject({ norm: 1.1, version: 2 });
    expect(
      (await province({ method: 'PUT', url: '/api/v1/national/plancapaciteit/normen/gemeente:GM0363', payload: { norm: 1, reason: 'x' } }))
        .statusCode,
    ).toBe(403);
    const list = (await ministry('/api/v1/national/plancapaciteit/normen')).json();
    expect(list.items.map((i: { areaId: string }) => i.areaId)).toEqual(['gemeente:GM0344']);
  });

  it('breaks the nation down by province', async () => {
    const body = (await ministry('/api/v1/national/plancapaciteit?breakdown=provincie&fromYear=2026')).json();
    expect(body.area.kind).toBe('land');
    expect(body.breakdown).toHaveLength(12);
    const sum = body.breakdown.reduce((s: number, b: { periods: Array<{ hard: number }> }) => s + at(b.periods, 0).hard, 0);
    expect(sum).toBe(body.periods[0].hard);
  });
});

describe('breakdowns reach no further than the caller’s own area (issue 8 item 7, SPEC §7)', () => {
  it('gives a gemeente asking breakdown=provincie or region none of Noord-Holland or the regions, and says units were left out', async () => {
    for (const url of [
      '/api/v1/national/plancapaciteit?area=gemeente:GM0363&breakdown=provincie',
      '/api/v1/national/forecast?runs=5&area=gemeente:GM0363&breakdown=provincie',
    ]) {
      const res = await gemeente(url);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().breakdown).toEqual([]);
      expect(res.json().breakdownOmitted).toEqual({ units: 1, message: expect.stringContaining('weggelaten') });
      expect(res.json().area.id).toBe('gemeente:GM0363');
    }
    const regions = (await gemeente('/api/v1/national/plancapaciteit?area=gemeente:GM0363&breakdown=region')).json();
    expect(regions.breakdown).toEqual([]);
    expect(regions.breakdownOmitted.units).toBeGreaterThanOrEqual(1);
  });

  it('gives a province analyst its own province only, and the ministry every unit', async () => {
    const own = (await province('/api/v1/national/plancapaciteit?area=provincie:PV26&breakdown=provincie')).json();
    expect(own.breakdown.map((b: { area: { id: string } }) => b.area.id)).toEqual(['provincie:PV26']);
    expect(own.breakdownOmitted).toBeNull();
    expect((await province('/api/v1/national/plancapaciteit?breakdown=provincie')).statusCode).toBe(403);
    const all = (await ministry('/api/v1/national/plancapaciteit?breakdown=provincie')).json();
    expect(all.breakdown).toHaveLength(12);
    expect(all.breakdownOmitted).toBeNull();
  });
});

describe('PPM use after the first quarterly round (issue 8 item 21)', () => {
  it('shows the share updated only for regions and provinces where a round was opened', async () => {
    const admin = await t.signedIn('beheerder');
    const before = (await ministry('/api/v1/national/overview?runs=5')).json();
    expect(before.ppm.regions.every((r: { roundOpened: boolean; updatedShare: number | null }) => !r.roundOpened && r.updatedShare === null)).toBe(
      true,
    );
    const quarter = before.ppm.quarter;
    const opened = await admin({ method: 'POST', url: '/api/v1/regions/vt-amsterdam-e-o/rounds', payload: { quarter, deadline: before.asOf } });
    expect(opened.statusCode, opened.body).toBe(201);
    const after = (await ministry('/api/v1/national/overview?runs=5')).json();
    const table = after.ppm.regions.find((r: { id: string }) => r.id === 'vt-amsterdam-e-o');
    expect(table).toMatchObject({ roundOpened: true, roundsOpened: 1 });
    expect(table.updatedShare).toBeCloseTo(table.updatedThisQuarter / table.projects, 12);
    expect(after.ppm.regions.find((r: { id: string }) => r.id === 'vt-u10')).toMatchObject({ roundOpened: false, updatedShare: null });
    expect(after.ppm.provinces.find((p: { id: string }) => p.id === 'provincie:PV27')).toMatchObject({ roundOpened: true });
    expect(after.ppm.provinces.find((p: { id: string }) => p.id === 'provincie:PV20')).toMatchObject({ roundOpened: false, updatedShare: null });
  });
});

describe('targets apply only to their own years (SPEC §3; issue 8 item 20)', () => {
  it('draws the national 100,000 a year for 2025–2029 only, and judges the shares only in their years', async () => {
    const body = (await ministry('/api/v1/national/overview?year=2027&runs=5')).json();
    const target = new Map(body.production.years.map((y: { year: number; target: number | null }) => [y.year, y.target]));
    for (const year of [2025, 2026, 2027, 2028, 2029]) expect(target.get(year), String(year)).toBe(100_000);
    for (const year of [2020, 2021, 2022, 2023, 2024, 2030]) expect(target.get(year), String(year)).toBeNull();
    expect(body.production.years.find((y: { year: number }) => y.year === 2023).gap).toBeNull();
    expect(body.affordability.affordableYears).toEqual({ from: 2025, to: 2029 });
    expect(body.affordability.meetsAffordable).not.toBeNull();
    const later = (await ministry('/api/v1/national/overview?year=2030&runs=5')).json();
    expect(later.production.target.homesPerYear).toBeNull();
    expect(later.affordability).toMatchObject({ meetsAffordable: null, meetsSocial: null });
  });

  it('gives the nation no annual target in 2030 for the forecast either', async () => {
    const body = (await ministry('/api/v1/national/forecast?fromYear=2024&toYear=2030&runs=5')).json();
    expect(body.perYear.map((y: { target: number | null }) => y.target)).toEqual([null, 100_000, 100_000, 100_000, 100_000, 100_000, null]);
  });
});

describe('one forecast figure, named, on every page (issue 8 item 19)', () => {
  it('puts the national point estimate inside its own P10–P90 band in every simulated year', async () => {
    const body = (await ministry('/api/v1/national/overview?runs=40')).json();
    const simulated = body.production.years.filter((y: { p50: number | null }) => y.p50 !== null);
    expect(simulated.length).toBeGreaterThan(3);
    for (const y of simulated) {
      expect(y.expected, String(y.year)).toBeGreaterThanOrEqual(y.p10);
      expect(y.expected, String(y.year)).toBeLessThanOrEqual(y.p90);
      expect(y.expected).toBe(y.p50);
    }
    // Years without a band keep planned × realisation, and say so.
    expect(body.production.years.find((y: { year: number }) => y.year === 2015)).toMatchObject({ expectedBasis: 'zonder_simulatie', p50: null });
    // The production target measures the same figure as the table.
    const focus = body.production.years.find((y: { year: number }) => y.year === body.year);
    const production = body.specialTargets.find(
      (s: { metric: string; target: { unit: string } }) => s.metric === 'woningbouw' && s.target.unit === 'woningen_per_jaar',
    );
    expect(production.measured).toBe(focus.expected);
    for (const p of [...body.provinces, ...body.regions]) {
      if (p.p50 === null) continue;
      expect(p.expected).toBe(p.p50);
      expect(p.expected).toBeGreaterThanOrEqual(p.p10);
      expect(p.expected).toBeLessThanOrEqual(p.p90);
    }
  });

  it('gives the same table and year the same figures on the Tafeloverzicht and the Landelijk overzicht', async () => {
    const year = Number(new Date().toISOString().slice(0, 4));
    const national = (await ministry(`/api/v1/national/overview?year=${year}&runs=40`)).json();
    for (const id of ['vt-amsterdam-e-o', 'vt-u10']) {
      const dashboard = (await ministry(`/api/v1/regions/${id}/dashboard?fromYear=${year}&toYear=${year}`)).json();
      const row = national.regions.find((r: { id: string }) => r.id === id);
      // "Gepland (jaarschijven)" on both pages.
      expect(row.planned, id).toBe(dashboard.summary.perYear[0].expected);
      // "Verwacht (mediaan)": the national forecast of the area gives the same median as the overview.
      const forecast = (await ministry(`/api/v1/national/forecast?area=${id}&fromYear=${year}&toYear=${year + 4}&runs=40`)).json();
      expect(forecast.perYear[0].expected, id).toBeCloseTo(row.expected, 6);
      expect(forecast.perYear[0].planned, id).toBe(row.planned);
    }
  });
});
