/**
 * API tests of the table dashboard, alternatives and exports (issue: quarterly round & dashboard),
 * on a seeded demo dataset; PGlite by default, PostgreSQL with DATABASE_URL.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne } from '../storage/db.ts';
import { createTestApp, type Inject, type TestApp } from '../../test/helpers/test-app.ts';

let t: TestApp;
let inject: Inject;

beforeAll(async () => {
  t = await createTestApp({ prepare: (services) => services.demoSeed.seed({ projects: 1500, seed: 11, asOf: '2026-10-01' }) });
  inject = await t.signedIn('beheerder');
});
afterAll(async () => {
  await t?.close();
});

async function readWorkbook(payload: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as unknown as ArrayBuffer);
  return wb;
}

describe('GET /api/v1/regions/{id}/dashboard', () => {
  it('sums the jaarschijven of the table’s projects per year and compares them with the target', async () => {
    const res = await inject('/api/v1/regions/vt-amsterdam-e-o/dashboard?fromYear=2026&toYear=2030');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.years).toEqual([2026, 2027, 2028, 2029, 2030]);
    // Cross-check 2028 against SQL over the same gemeenten.
    const { homes } = await queryOne<{ homes: number }>(
      t.db,
      `SELECT COALESCE(sum(s.homes), 0) AS homes FROM project_jaarschijven s JOIN projects p ON p.id = s.project_id
       WHERE s.year = 2028 AND p.gemeente_code IN (SELECT gemeente_code FROM region_gemeenten WHERE region_id = 'vt-amsterdam-e-o')`,
    );
    const y2028 = body.summary.perYear.find((y: { year: number }) => y.year === 2028);
    expect(y2028.expected).toBe(homes);
    // Noord-Holland has a province target (183,600 for 2022–2030), so the table gets an estimated share.
    expect(body.targets[0]).toMatchObject({ basis: 'geschat' });
    expect(y2028.target).toBeGreaterThan(0);
    expect(y2028.gap).toBe(y2028.expected - Math.round(y2028.target));
    const { n } = await queryOne<{ n: number }>(
      t.db,
      `SELECT count(*) AS n FROM projects WHERE gemeente_code IN (SELECT gemeente_code FROM region_gemeenten WHERE region_id = 'vt-amsterdam-e-o')`,
    );
    expect(body.summary.totals.projects).toBe(n);
    expect(body.summary.byPhase.reduce((s: number, p: { projects: number }) => s + p.projects, 0)).toBe(n);
    expect(body.summary.totals.syntheticProjects).toBe(n);
  });

  it('drills down: the list filtered by the same region and year holds the projects behind a year’s figure', async () => {
    const body = (await inject('/api/v1/regions/vt-amsterdam-e-o/dashboard?fromYear=2028&toYear=2028')).json();
    const list = (await inject('/api/v1/projects?region=vt-amsterdam-e-o&year=2028&limit=500')).json();
    expect(list.total).toBeGreaterThan(0);
    let sum = 0;
    for (const item of list.items) {
      const schijven = (await inject(`/api/v1/projects/${item.id}/jaarschijven`)).json();
      sum += schijven.filter((s: { year: number }) => s.year === 2028).reduce((n: number, s: { homes: number }) => n + s.homes, 0);
    }
    expect(sum).toBe(body.summary.perYear[0].expected);
  });

  it('compares completions only with housing-count targets, not with share targets', async () => {
    const before = (await inject('/api/v1/regions/vt-amsterdam-e-o/dashboard?fromYear=2028&toYear=2028')).json().summary.perYear[0].target;
    const share = await inject({
      method: 'POST',
      url: '/api/v1/targets',
      payload: {
        metric: 'sociaal_aandeel',
        unit: 'aandeel',
        geoLevel: 'provincie',
        geoCode: 'PV27',
        geoName: 'Noord-Holland',
        periodStart: 2022,
        periodEnd: 2030,
        share: 0.4,
        kind: 'test',
        sourceUrl: 'https://example.org/x',
      },
    });
    expect(share.statusCode, share.body).toBe(201);
    const after = (await inject('/api/v1/regions/vt-amsterdam-e-o/dashboard?fromYear=2028&toYear=2028')).json().summary.perYear[0].target;
    expect(after).toBe(before);
  });

  it('drills down from an open-knelpunt category to the projects that have one', async () => {
    const list = (await inject('/api/v1/projects?region=vt-amsterdam-e-o&knelpunt=netcongestie&limit=500')).json();
    const { n } = await queryOne<{ n: number }>(
      t.db,
      `SELECT count(DISTINCT k.project_id) AS n FROM knelpunten k JOIN projects p ON p.id = k.project_id
       WHERE k.category = 'netcongestie' AND k.resolved_date IS NULL
         AND p.gemeente_code IN (SELECT gemeente_code FROM region_gemeenten WHERE region_id = 'vt-amsterdam-e-o')`,
    );
    expect(n).toBeGreaterThan(0);
    expect(list.total).toBe(n);
    const bad = await inject('/api/v1/projects?knelpunt=onweer');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toMatch(/^knelpunt/);
  });

  it('works for areas of the reference geography and says when no target is known', async () => {
    const gm = (await inject('/api/v1/regions/gemeente:GM0363/dashboard?fromYear=2031&toYear=2032')).json();
    expect(gm.region).toMatchObject({ kind: 'gebied', gemeenteCodes: ['GM0363'] });
    expect(gm.targets[0]).toMatchObject({ basis: 'onbekend', homesPerYear: null });
    expect((await inject('/api/v1/regions/gemeente:GM9999/dashboard')).statusCode).toBe(404);
    expect((await inject('/api/v1/regions/nope/dashboard')).statusCode).toBe(404);
    const bad = await inject('/api/v1/regions/vt-u10/dashboard?fromYear=2030&toYear=2020');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].path).toBe('toYear');
  });
});

describe('alternatives (SPEC §1, 001 § Afspraak 3B)', () => {
  it('proposes ranked candidates with reasons for a region year, none of them red or completed', async () => {
    const res = await inject('/api/v1/regions/vt-amsterdam-e-o/alternatives?year=2027');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.candidates.length).toBeGreaterThan(0);
    const scores = body.candidates.map((c: { score: number }) => c.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    for (const c of body.candidates) {
      expect(c.reasons.length).toBeGreaterThan(1);
      const p = (await inject(`/api/v1/projects/${c.projectId}`)).json();
      expect(p.status).not.toBe('rood');
      expect(p.phase).not.toBe('opgeleverd');
    }
  });

  it('proposes alternatives for a seriously delayed project, excluding the project itself', async () => {
    const red = (await inject('/api/v1/projects?status=rood&gemeente=GM0363&limit=1')).json().items[0];
    const res = await inject(`/api/v1/projects/${red.id}/alternatives`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().candidates.map((c: { projectId: string }) => c.projectId)).not.toContain(red.id);
  });
});

describe('exports', () => {
  it('exports the filtered project list to Excel with the same rows as the list', async () => {
    const list = (await inject('/api/v1/projects?gemeente=GM0363&limit=500')).json();
    const res = await inject('/api/v1/projects/export.xlsx?gemeente=GM0363');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toBe('attachment; filename="projecten.xlsx"');
    const wb = await readWorkbook(res.rawPayload);
    const sheet = wb.getWorksheet('Projecten')!;
    expect(sheet.rowCount - 1).toBe(list.total);
    expect(sheet.getRow(1).getCell(2).value).toBe('Projectnaam');
    const ids = new Set(list.items.map((i: { id: string }) => i.id));
    expect(ids.has(sheet.getRow(2).getCell(1).value)).toBe(true);
    const notice = wb.getWorksheet('Toelichting')!;
    expect(String(notice.getRow(4).getCell(1).value)).toContain('verzonnen demogegevens');
  });

  it('exports the table data to Excel: per year, pipeline, delays, knelpunten and projects', async () => {
    const dash = (await inject('/api/v1/regions/vt-u10/dashboard?fromYear=2026&toYear=2030')).json();
    const res = await inject('/api/v1/regions/vt-u10/export.xlsx?fromYear=2026&toYear=2030');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toBe('attachment; filename="tafeloverzicht-vt-u10.xlsx"');
    const wb = await readWorkbook(res.rawPayload);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Per jaar', 'Pijplijn', 'Vertraagde mijlpalen', 'Knelpunten', 'Projecten', 'Toelichting']);
    const perYear = wb.getWorksheet('Per jaar')!;
    expect(perYear.getRow(2).getCell(1).value).toBe(2026);
    expect(perYear.getRow(2).getCell(2).value).toBe(dash.summary.perYear[0].expected);
    expect(wb.getWorksheet('Projecten')!.rowCount - 1).toBe(dash.summary.totals.projects);
  });

  it('exports projects as GeoJSON points in WGS84', async () => {
    const res = await inject('/api/v1/projects/export.geojson?gemeente=GM0599');
    expect(res.headers['content-type']).toContain('application/geo+json');
    const fc = res.json();
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.length).toBeGreaterThan(0);
    const [lon, lat] = fc.features[0].geometry.coordinates;
    expect(lon).toBeGreaterThan(3.9); // Rotterdam reaches the Maasvlakte
    expect(lat).toBeGreaterThan(51.8);
    expect(fc.features[0].properties).toMatchObject({ gemeenteCode: 'GM0599', synthetic: 'ja' });
  });
});

describe('GET /api/v1/regions/{id}/dashboard: what the page shows (issue 15 goal 5)', () => {
  it('sends the map points on their own as compact arrays [id, name, lon, lat, status, homes], one per project with a location', async () => {
    const dashboard = (await inject('/api/v1/regions/vt-amsterdam-e-o/dashboard')).json();
    expect(dashboard.summary).not.toHaveProperty('mapPoints');
    const body = (await inject('/api/v1/regions/vt-amsterdam-e-o/map-points')).json();
    const { n } = await queryOne<{ n: number }>(
      t.db,
      `SELECT count(*) AS n FROM projects p WHERE p.lon IS NOT NULL AND p.lat IS NOT NULL AND p.withdrawn_date IS NULL AND p.merged_at IS NULL
         AND p.gemeente_code IN (SELECT gemeente_code FROM region_gemeenten WHERE region_id = 'vt-amsterdam-e-o')`,
    );
    expect(body.mapPoints).toHaveLength(n);
    expect(dashboard.summary.mapPointCount).toBe(n);
    expect(body.dataAsOf).toBe(dashboard.dataAsOf);
    const [id, name, lon, lat, status, homes] = body.mapPoints[0];
    const project = (await inject(`/api/v1/projects/${id}`)).json();
    expect([name, status, homes]).toEqual([project.name, project.status, project.totalHomes]);
    expect(lon).toBeCloseTo(project.location.lon, 5);
    expect(lat).toBeCloseTo(project.location.lat, 5);
  });

  it('sends the 50 worst delayed milestones with the count of all of them', async () => {
    const body = (await inject('/api/v1/regions/vt-amsterdam-e-o/dashboard')).json();
    const { count, items } = body.summary.delayedMilestones;
    expect(count).toBeGreaterThan(50);
    expect(items).toHaveLength(50);
    const months = items.map((i: { months: number }) => i.months);
    expect(months).toEqual([...months].sort((a, b) => b - a));
  });
});
