/**
 * What the public sees (issue 8 item 23): aggregates per gemeente and province, the national overview and
 * the map's GeoJSON, signed out, with and without demo mode, and never a real project: no name, no id, no
 * figure built from fewer than 3 projects. SPEC §1 (users: "public, researchers: aggregated open data and
 * maps; no project-level confidential data"), §7 ("the public sees aggregates"). PGlite by default,
 * PostgreSQL with DATABASE_URL.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ACTOR, accountWithToken, authedInject, TEST_AUTH_OPTIONS } from '../../test/helpers/auth.ts';
import { createTestDb, type TestDb } from '../../test/helpers/test-db.ts';
import { POLICY } from '../domain/policy.ts';
import { createServices, type Services } from '../services/container.ts';
import { buildApp } from './app.ts';
import { ROUTE_RULES } from './auth.ts';

let t: TestDb;
let t2: TestDb;
let services: Services;
let strict: FastifyInstance; // DEMO_MODE=false
let demo: FastifyInstance; // DEMO_MODE=true
let ministry: ReturnType<typeof authedInject>;
const YEAR = new Date().getFullYear();
const real: Array<{ id: string; name: string }> = [];
/** The only project in the province of Groningen: 487 homes, a figure that must never reach the public. */
const LONE_HOMES = 487;

async function realProject(svc: Services, name: string, gemeenteCode: string, homes: number) {
  const p = await svc.projects.create(
    {
      name,
      gemeenteCode,
      planStatus: 'vastgesteld',
      programme: [{ segment: 'sociale_huur', woningtype: 'gestapeld', doelgroep: 'regulier', homes }],
      jaarschijven: [{ year: YEAR, segment: 'sociale_huur', homes }],
      milestones: [
        { code: 'M06', baselineDate: `${YEAR}-01-01`, forecastDate: `${YEAR}-01-01` },
        { code: 'M12', baselineDate: `${YEAR + 1}-06-01`, forecastDate: `${YEAR + 1}-06-01` },
      ],
    },
    ADMIN_ACTOR,
  );
  real.push({ id: p.id, name });
}

/** Groningen: one project; Noord-Holland: 4; Utrecht: 5. */
async function realProjects(svc: Services) {
  await realProject(svc, 'Vertrouwelijk Eenzaam Hof', 'GM0014', LONE_HOMES);
  for (let i = 1; i <= 4; i++) await realProject(svc, `Vertrouwelijk Amstelkwartier ${i}`, 'GM0363', 100 + i);
  for (let i = 1; i <= 5; i++) await realProject(svc, `Vertrouwelijk Merwede ${i}`, 'GM0344', 200 + i);
}

beforeAll(async () => {
  t = await createTestDb();
  services = createServices(t.db, { auth: { ...TEST_AUTH_OPTIONS, demoMode: false } });
  await realProjects(services);
  strict = await buildApp({ services });
  ministry = authedInject(strict, (await accountWithToken(services, 'ministerie_analist')).headers);
  // Demo mode over a database that also holds real projects (the worst case): the public still sees none of them.
  t2 = await createTestDb();
  const demoServices = createServices(t2.db, { auth: { ...TEST_AUTH_OPTIONS, demoMode: true } });
  await demoServices.demoSeed.seed({ projects: 200, seed: 5, asOf: '2026-10-01' });
  await realProjects(demoServices);
  demo = await buildApp({ services: demoServices });
}, 120_000);
afterAll(async () => {
  await strict?.close();
  await demo?.close();
  await t?.close();
  await t2?.close();
});

/** Fails when a response shows a real project's name or id. */
function expectNoRealProject(body: string, where: string) {
  for (const p of real) {
    expect(body.includes(p.name), `${where} names ${p.name}`).toBe(false);
    expect(body.includes(p.id), `${where} has the id of ${p.name}`).toBe(false);
  }
}

describe('public aggregates without demo mode (SPEC §1, §7)', () => {
  it('per province: counts and homes, the rule, and the lone project in Groningen hidden together with the next smallest province', async () => {
    const res = await strict.inject({ url: '/api/v1/public/aggregates' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.rule).toBe('Aantallen van minder dan 3 projecten tonen we niet, zodat geen enkel project herkenbaar is.');
    expect(body.minProjects).toBe(3);
    const by = (code: string) => body.items.find((i: { code: string }) => i.code === code);
    expect(by('PV20')).toMatchObject({ name: 'Groningen', projects: null, homes: null, suppressed: true });
    // Noord-Holland (4) is hidden too: otherwise the total minus Utrecht minus Noord-Holland gives Groningen's project away.
    expect(by('PV27')).toMatchObject({ projects: null, suppressed: true });
    expect(by('PV26')).toMatchObject({ projects: 5, homes: 201 + 202 + 203 + 204 + 205, suppressed: false });
    expect(body.total).toMatchObject({ projects: 10, suppressed: false });
    expect(res.body).not.toContain(String(LONE_HOMES));
    expectNoRealProject(res.body, 'aggregates');
  });

  it('per gemeente within a province and as GeoJSON: the lone project hidden, no project named', async () => {
    const res = await strict.inject({ url: '/api/v1/public/aggregates?level=gemeente&provincie=PV20' });
    expect(res.statusCode, res.body).toBe(200);
    const groningen = res.json().items.find((i: { code: string }) => i.code === 'GM0014');
    expect(groningen).toMatchObject({ projects: null, homes: null, suppressed: true });
    expect(groningen.byPhase.every((p: { homes: number | null }) => p.homes === null)).toBe(true);
    expect(res.body).not.toContain(String(LONE_HOMES));

    const geo = await strict.inject({ url: '/api/v1/public/aggregates.geojson?level=gemeente' });
    expect(geo.statusCode).toBe(200);
    expect(geo.headers['content-type']).toContain('application/geo+json');
    const fc = geo.json();
    expect(fc.type).toBe('FeatureCollection');
    const feature = fc.features.find((f: { properties: { code: string } }) => f.properties.code === 'GM0014');
    expect(feature.properties).toMatchObject({ projects: null, homes: null, suppressed: true });
    expect(feature.geometry).toBeTruthy();
    expect(fc.features.find((f: { properties: { code: string } }) => f.properties.code === 'GM0344').properties).toMatchObject({
      projects: 5,
      suppressed: false,
    });
    // Noord-Holland is hidden at province level, so its only gemeente with projects is hidden too: else 10 − 5 − 4 = Groningen's 1.
    expect(fc.features.find((f: { properties: { code: string } }) => f.properties.code === 'GM0363').properties).toMatchObject({
      projects: null,
      suppressed: true,
    });
    expect(geo.body).not.toContain(`"homes":${LONE_HOMES}`);
    expectNoRealProject(geo.body, 'aggregates.geojson');
  });

  it('national overview: public for everyone, small cells hidden with the rule; the ministry sees every figure', async () => {
    const res = await strict.inject({ url: '/api/v1/national/overview?runs=5' });
    expect(res.statusCode, res.body).toBe(200);
    const pub = res.json();
    expect(pub.disclosure.rule).toContain('minder dan 3 projecten');
    const groningen = pub.provinces.find((p: { code: string }) => p.code === 'PV20');
    expect(groningen).toMatchObject({ planned: null, expected: null, suppressed: true });
    expect(pub.provinces.find((p: { code: string }) => p.code === 'PV26')).toMatchObject({ planned: 201 + 202 + 203 + 204 + 205, suppressed: false });
    expectNoRealProject(res.body, 'national overview');

    // The public cannot ask for a heavier simulation than the default.
    expect(pub.simulation.runs).toBe(POLICY.simulation.runs);
    const full = (await ministry('/api/v1/national/overview?runs=5')).json();
    expect(full.simulation.runs).toBe(5);
    expect(full.disclosure).toBeNull();
    expect(full.provinces.find((p: { code: string }) => p.code === 'PV20').planned).toBe(LONE_HOMES);
  });

  it('the project count per gemeente is hidden below 3 for the public, not for the ministry', async () => {
    const pub = (await strict.inject({ url: '/api/v1/gemeenten' })).json() as Array<{ code: string; projectCount: number | null }>;
    expect(pub.find((g) => g.code === 'GM0014')!.projectCount).toBeNull();
    expect(pub.find((g) => g.code === 'GM0344')!.projectCount).toBe(5);
    const full = (await ministry('/api/v1/gemeenten')).json() as Array<{ code: string; projectCount: number | null }>;
    expect(full.find((g) => g.code === 'GM0014')!.projectCount).toBe(1);
  });

  it('the project list itself stays closed to the public', async () => {
    expect((await strict.inject({ url: '/api/v1/projects' })).statusCode).toBe(401);
  });
});

describe('no real project in any public response, with and without demo mode (SPEC §7)', () => {
  const publicGets = () =>
    ROUTE_RULES.filter((r) => r.access === 'public' && r.method === 'GET' && !r.url.includes(':') && !r.url.includes('/oidc/'))
      .map((r) => r.url)
      .filter((u, i, all) => all.indexOf(u) === i);

  it.each([
    ['DEMO_MODE=false', () => strict],
    ['DEMO_MODE=true', () => demo],
  ] as const)(
    '%s: every public GET endpoint, signed out',
    async (_mode, app) => {
      const urls = publicGets();
      expect(urls).toEqual(
        expect.arrayContaining(['/api/v1/public/aggregates', '/api/v1/public/aggregates.geojson', '/api/v1/national/overview', '/api/v1/gemeenten']),
      );
      for (const url of urls) {
        const query = url.endsWith('/overview')
          ? '?runs=5'
          : url.includes('/public/aggregates')
            ? '?level=gemeente'
            : url.endsWith('/projects')
              ? '?limit=500'
              : '';
        const res = await app().inject({ url: `${url}${query}` });
        expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
        expectNoRealProject(res.body, url);
      }
    },
    120_000,
  );

  it('in demo mode the public lists the synthetic demo projects only', async () => {
    const list = (await demo.inject({ url: '/api/v1/projects?limit=500' })).json();
    expect(list.total).toBe(200);
    expect(list.items.every((p: { synthetic: boolean }) => p.synthetic)).toBe(true);
  });
});
