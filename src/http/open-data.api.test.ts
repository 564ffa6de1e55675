/**
 * Open data per gemeente and quarter, asked for without an account (issue 13 part 4): every endpoint
 * answers with aggregates only — no project id, name or location anywhere in the body — and a cell of 1 or
 * 2 projects is suppressed. SPEC §1 (users: "public, researchers: aggregated open data and maps; no
 * project-level confidential data"), §7 ("the public sees aggregates"), §8 (field definitions). PGlite by
 * default, PostgreSQL with DATABASE_URL.
 */
import type { FastifyInstance } from 'fastify';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ACTOR, TEST_AUTH_OPTIONS } from '../../test/helpers/auth.ts';
import { createTestDb, type TestDb } from '../../test/helpers/test-db.ts';
import { openDataCsvColumns } from '../domain/open-data.ts';
import { createServices, type Services } from '../services/container.ts';
import { buildApp } from './app.ts';
import { OPEN_DATA_CSV_FIELDS } from './schemas/open-data.schemas.ts';

let t: TestDb;
let t2: TestDb;
let strict: FastifyInstance;
let demo: FastifyInstance;
const made: Array<{ id: string; name: string; lon: number; lat: number }> = [];
/** The lone project in Groningen: a figure that must never be published. */
const LONE_HOMES = 487;
const QUARTER = '2025-Q2';

type Dates = { M01: string; M11?: string; M12?: string };
async function add(svc: Services, name: string, gemeenteCode: string, homes: number, dates: Dates, lon: number, lat: number) {
  const milestones = Object.entries(dates).map(([code, date]) => ({
    code: code as 'M01' | 'M11' | 'M12',
    baselineDate: date,
    forecastDate: date,
    actualDate: date,
  }));
  const p = await svc.projects.create(
    {
      name,
      gemeenteCode,
      planStatus: 'vastgesteld',
      location: { lon, lat },
      programme: [{ segment: 'sociale_huur', woningtype: 'gestapeld', doelgroep: 'regulier', homes }],
      jaarschijven: [{ year: 2027, segment: 'sociale_huur', homes }],
      milestones,
    },
    ADMIN_ACTOR,
  );
  made.push({ id: p.id, name, lon, lat });
}

/**
 * Groningen (PV20): 1 project, started in 2025-Q2. Amsterdam (PV27): 4 in the pipeline. Utrecht (PV26): 3 completed
 * in 2025-Q2, 2 started in 2025-Q2, 3 more in the pipeline.
 */
async function register(svc: Services) {
  await add(svc, 'Vertrouwelijk Eenzaam Hof', 'GM0014', LONE_HOMES, { M01: '2024-02-01', M11: '2025-05-10' }, 6.571234, 53.211234);
  for (let i = 0; i < 4; i++) await add(svc, `Vertrouwelijk Amstel ${i}`, 'GM0363', 60 + i, { M01: '2024-03-01' }, 4.891111 + i / 1000, 52.371111);
  for (let i = 0; i < 3; i++)
    await add(
      svc,
      `Vertrouwelijk Opgeleverd ${i}`,
      'GM0344',
      100 + i,
      { M01: '2022-01-01', M11: '2023-06-01', M12: '2025-06-10' },
      5.121111,
      52.091111 + i / 1000,
    );
  for (let i = 0; i < 2; i++)
    await add(svc, `Vertrouwelijk Gestart ${i}`, 'GM0344', 200 + i, { M01: '2024-01-01', M11: '2025-04-02' }, 5.131111, 52.081111 + i / 1000);
  for (let i = 0; i < 3; i++) await add(svc, `Vertrouwelijk Plan ${i}`, 'GM0344', 300 + i, { M01: '2024-06-01' }, 5.141111, 52.071111 + i / 1000);
}

beforeAll(async () => {
  t = await createTestDb();
  const services = createServices(t.db, { auth: { ...TEST_AUTH_OPTIONS, demoMode: false } });
  await register(services);
  strict = await buildApp({ services });
  // Demo mode over a database with only real projects: the public's open data is of the demo projects only, so all 0.
  t2 = await createTestDb();
  const demoServices = createServices(t2.db, { auth: { ...TEST_AUTH_OPTIONS, demoMode: true } });
  await register(demoServices);
  demo = await buildApp({ services: demoServices });
}, 120_000);
afterAll(async () => {
  await strict?.close();
  await demo?.close();
  await t?.close();
  await t2?.close();
});

/** Fails when a body names, identifies or locates one of the projects. */
function expectAggregatesOnly(body: string, where: string) {
  for (const p of made) {
    expect(body.includes(p.name), `${where} names ${p.name}`).toBe(false);
    expect(body.includes(p.id), `${where} has the id of ${p.name}`).toBe(false);
    expect(body.includes(String(p.lon)) || body.includes(String(p.lat)), `${where} locates ${p.name}`).toBe(false);
  }
  const keys = new Set([...body.matchAll(/"(\w+)":/g)].map((m) => m[1]));
  for (const key of ['name', 'projectId', 'location', 'lon', 'lat']) expect(keys.has(key), `${where} has a field ${key}`).toBe(false);
  // The only ids are those of a gemeente and quarter (GeoJSON features).
  for (const m of body.matchAll(/"id":"([^"]*)"/g)) expect(m[1], where).toMatch(/^GM\d{4}-\d{4}-Q[1-4]$/);
}

const ENDPOINTS = ['/api/v1/open-data/quarters', '/api/v1/open-data/quarters.csv', '/api/v1/open-data/quarters.geojson'];

describe('open data per gemeente and quarter, signed out (SPEC §1 public, §7 aggregates only)', () => {
  it('every endpoint answers without an account, with aggregates only', async () => {
    for (const url of ENDPOINTS) {
      for (const query of [`?from=2024-Q1&to=2026-Q4`, `?from=${QUARTER}&to=${QUARTER}&gemeente=GM0014`, '']) {
        const res = await strict.inject({ url: `${url}${query}` });
        expect(res.statusCode, `${url}${query}: ${res.body.slice(0, 300)}`).toBe(200);
        expectAggregatesOnly(res.body, `${url}${query}`);
        // As a figure (JSON value or CSV cell), not inside a boundary's coordinates.
        expect(res.body).not.toMatch(new RegExp(`[:,]${LONE_HOMES}[,}\\r\\n]`));
      }
    }
  });

  it('JSON: the lone start in Groningen and the 2 starts in Utrecht are hidden; 3 completions and 5 in the pipeline are shown', async () => {
    const res = await strict.inject({ url: `/api/v1/open-data/quarters?from=${QUARTER}&to=${QUARTER}` });
    const body = res.json();
    expect(body.minProjects).toBe(3);
    expect(body.rule).toContain('minder dan 3 projecten');
    expect(body.quarters).toEqual([QUARTER]);
    expect(body.items).toHaveLength(342);
    const by = (code: string) => body.items.find((i: { gemeenteCode: string }) => i.gemeenteCode === code);
    expect(by('GM0014').started).toEqual({ projects: null, homes: null, suppressed: true });
    expect(by('GM0014').pipeline).toEqual({ projects: null, homes: null, suppressed: true });
    expect(by('GM0344').started).toEqual({ projects: null, homes: null, suppressed: true });
    expect(by('GM0344').completed).toEqual({ projects: 3, homes: 100 + 101 + 102, suppressed: false });
    expect(by('GM0344').pipeline).toEqual({ projects: 5, homes: 200 + 201 + 300 + 301 + 302, suppressed: false });
    // Within Utrecht's pipeline: 2 in realisatie and 3 in initiatief — the 2 are hidden, and so the 3 (else 5 − 3).
    const phases = Object.fromEntries(by('GM0344').pipelineByPhase.map((f: { phase: string }) => [f.phase, f]));
    expect(phases.realisatie).toMatchObject({ projects: null, suppressed: true });
    expect(phases.initiatief).toMatchObject({ projects: null, suppressed: true });
    expect(phases.opgeleverd).toMatchObject({ projects: 0, homes: 0, suppressed: false });
    // Amsterdam's 4 are hidden with Noord-Holland: else the province figures would give Groningen's one away (as /public/aggregates).
    expect(by('GM0363').pipeline.suppressed).toBe(true);
    // A gemeente with no projects shows 0.
    expect(by('GM0518').pipeline).toEqual({ projects: 0, homes: 0, suppressed: false });
  });

  it('a quarter before any milestone has an empty pipeline, and a later one has Utrecht’s completions out of it', async () => {
    const body = (await strict.inject({ url: '/api/v1/open-data/quarters?from=2021-Q4&to=2025-Q3&gemeente=GM0344' })).json();
    expect(body.quarters).toHaveLength(16);
    const at = (q: string) => body.items.find((i: { quarter: string }) => i.quarter === q);
    expect(at('2021-Q4').pipeline).toEqual({ projects: 0, homes: 0, suppressed: false });
    expect(at('2022-Q1').pipeline).toMatchObject({ projects: 3, suppressed: false });
    expect(at('2025-Q3').pipeline).toMatchObject({ projects: 5 });
    expect(at('2023-Q2').started).toMatchObject({ projects: 3, homes: 303 });
  });

  it('CSV: the documented columns, one row per gemeente and quarter, hidden figures empty', async () => {
    const res = await strict.inject({ url: `/api/v1/open-data/quarters.csv?from=${QUARTER}&to=${QUARTER}&provincie=PV26` });
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('.csv');
    const parsed = Papa.parse<Record<string, string>>(res.body.trim(), { header: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual(openDataCsvColumns());
    expect(OPEN_DATA_CSV_FIELDS.map(([name]) => name)).toEqual(openDataCsvColumns());
    const utrecht = parsed.data.find((r) => r.gemeente_code === 'GM0344')!;
    expect(utrecht).toMatchObject({
      kwartaal: QUARTER,
      gestart_projecten: '',
      gestart_woningen: '',
      opgeleverd_projecten: '3',
      pijplijn_projecten: '5',
    });
    expect(parsed.data.every((r) => r.provincie_code === 'PV26')).toBe(true);
  });

  it('GeoJSON: one polygon feature per gemeente and quarter with the same figures', async () => {
    const res = await strict.inject({ url: `/api/v1/open-data/quarters.geojson?from=2025-Q1&to=${QUARTER}&provincie=PV26` });
    expect(res.headers['content-type']).toContain('application/geo+json');
    const fc = res.json();
    expect(fc.type).toBe('FeatureCollection');
    const utrecht = fc.features.find((f: { id: string }) => f.id === `GM0344-${QUARTER}`);
    expect(utrecht.geometry.type).toMatch(/Polygon/);
    expect(utrecht.properties).toMatchObject({
      gemeenteCode: 'GM0344',
      quarter: QUARTER,
      completedHomes: 303,
      startedHomes: null,
      pipelineProjects: 5,
    });
    expect(fc.features.filter((f: { properties: { gemeenteCode: string } }) => f.properties.gemeenteCode === 'GM0344')).toHaveLength(2);
  });

  it('refuses a reversed or too long range with a problem naming the field', async () => {
    const reversed = await strict.inject({ url: '/api/v1/open-data/quarters?from=2026-Q2&to=2026-Q1' });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.body).toContain('from');
    expect((await strict.inject({ url: '/api/v1/open-data/quarters?from=2000-Q1&to=2026-Q1' })).statusCode).toBe(400);
    expect((await strict.inject({ url: '/api/v1/open-data/quarters?from=2026-5' })).statusCode).toBe(400);
  });

  it('demo mode: the public’s open data is of the demo projects only, never of real ones', async () => {
    const body = (await demo.inject({ url: `/api/v1/open-data/quarters?from=2022-Q1&to=2026-Q4` })).json();
    expect(
      body.items.every(
        (i: { started: { projects: number }; pipeline: { projects: number } }) => i.started.projects === 0 && i.pipeline.projects === 0,
      ),
    ).toBe(true);
  });

  it('every field of the open data is defined in the OpenAPI document', async () => {
    const doc = (await strict.inject({ url: '/api/v1/openapi.json' })).json();
    const cell = doc.components.schemas.OpenDataQuarterCell;
    for (const [name, prop] of Object.entries(cell.properties as Record<string, { description?: string }>)) {
      expect(prop.description, `OpenDataQuarterCell.${name}`).toBeTruthy();
    }
    expect(doc.paths['/open-data/quarters.csv'].get.description).toContain('pijplijn_woningen_segment_sociale_huur');
    expect(doc.paths['/open-data/quarters'].get.description).toContain('secondary suppression');
  });
});
