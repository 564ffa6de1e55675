/**
 * Demo mode next to real data (issue 8 items 4, 5; SPEC §7 confidentiality and "a clearly labelled
 * synthetic demo dataset"): demo roles act on synthetic data only, what they create is synthetic and
 * stays apart from real data, and the server refuses to start in demo mode on real data unless told.
 * Runs on PGlite and, with DATABASE_URL, on PostgreSQL.
 */
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { take } from '../../test/helpers/present.ts';
import { accountWithToken, TEST_AUTH_OPTIONS } from '../../test/helpers/auth.ts';
import { createTestDb, type TestDb } from '../../test/helpers/test-db.ts';
import type { Principal, Role } from '../domain/access.ts';
import { gemeenteOrganisationId } from '../domain/identifiers.ts';
import { createServices, type Services } from '../services/container.ts';
import { assertDemoModeMayStart, DemoModeRefusedError } from '../services/demo-mode.service.ts';
import { buildApp } from './app.ts';

let t: TestDb;
let app: FastifyInstance;
let services: Services;
let realAdmin: Record<string, string>;
let realMinistry: Record<string, string>;
const demo = {} as Record<'beheerder' | 'ministerie_analist' | 'gemeente_editor', Record<string, string>>;
let realProjectId = '';

const project = (name: string, extra: object = {}) => ({
  name,
  gemeenteCode: 'GM0363',
  planStatus: 'vastgesteld',
  programme: [{ segment: 'sociale_huur', woningtype: 'gestapeld', doelgroep: 'regulier', homes: 40 }],
  jaarschijven: [{ year: 2028, segment: 'sociale_huur', homes: 40 }],
  parties: [{ organisationId: gemeenteOrganisationId('GM0363'), role: 'bevoegd_gezag' }],
  ...extra,
});
const call = (headers: Record<string, string>) => (opts: InjectOptions | string) =>
  app.inject(typeof opts === 'string' ? { url: opts, headers } : { ...opts, headers: { ...headers, ...(opts.headers ?? {}) } });

async function demoToken(role: Exclude<Role, 'publiek'>): Promise<Record<string, string>> {
  const user = (await services.repositories.accounts.listUsers(t.db)).find((u) => u.isDemo && u.role === role)!;
  const principal: Principal = {
    kind: 'user',
    userId: user.id,
    name: user.name,
    role,
    organisationId: user.organisationId,
    gemeenteCode: user.gemeenteCode,
    regionId: user.regionId,
    provincieCode: user.provincieCode,
    demo: true,
  };
  return { authorization: `Bearer ${(await services.auth.createApiToken(principal, 'demo')).token}` };
}

beforeAll(async () => {
  t = await createTestDb();
  services = createServices(t.db, { auth: TEST_AUTH_OPTIONS });
  app = await buildApp({ services });
  await services.demoSeed.seed({ projects: 60, seed: 7, asOf: '2026-10-01' });
  await services.auth.ensureDemoUsers();
  realAdmin = (await accountWithToken(services, 'beheerder')).headers;
  realMinistry = (await accountWithToken(services, 'ministerie_analist')).headers;
  for (const role of ['beheerder', 'ministerie_analist', 'gemeente_editor'] as const) demo[role] = await demoToken(role);
  const res = await call(realAdmin)({ method: 'POST', url: '/api/v1/projects', payload: project('Echt project Amsterdam') });
  expect(res.statusCode, res.body).toBe(201);
  realProjectId = res.json().id;
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

describe('what a demo role creates is synthetic and stays apart from real data (issue 8 done-when)', () => {
  it('stores a demo role’s new project as synthetic whatever the body says; the demo role keeps working on it', async () => {
    const created = await call(demo.gemeente_editor)({
      method: 'POST',
      url: '/api/v1/projects',
      payload: project('Mijn demoplan', { synthetic: false }),
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().synthetic).toBe(true);
    const id = created.json().id;
    const changed = await call(demo.gemeente_editor)({
      method: 'PATCH',
      url: `/api/v1/projects/${id}`,
      payload: { version: 1, name: 'Mijn demoplan (bijgewerkt)' },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().synthetic).toBe(true);
    // Real accounts see it as demo data; a real-data list leaves it out.
    const realOnly = (await call(realAdmin)('/api/v1/projects?synthetic=false&limit=500')).json();
    expect(realOnly.items.map((p: { id: string }) => p.id)).toEqual([realProjectId]);
  });

  it('a real account’s project stays real (the mark follows the account, not the request)', async () => {
    const created = await call(realAdmin)({ method: 'POST', url: '/api/v1/projects', payload: project('Nog een echt project') });
    expect(created.json().synthetic).toBe(false);
    await call(realAdmin)({ method: 'DELETE', url: `/api/v1/projects/${created.json().id}?version=1` });
  });
});

describe('demo roles see synthetic data only, in lists, exports and figures (issue 8 item 5)', () => {
  it('lists and exports no real project to a demo administrator or ministry', async () => {
    for (const who of [demo.beheerder, demo.ministerie_analist]) {
      const list = (await call(who)('/api/v1/projects?limit=500')).json();
      expect(list.total).toBeGreaterThan(0);
      expect(list.items.every((p: { synthetic: boolean }) => p.synthetic)).toBe(true);
      const searched = (await call(who)('/api/v1/projects?q=Echt&limit=500')).json();
      expect(searched.total).toBe(0);
      const geojson = await call(who)('/api/v1/projects/export.geojson');
      expect(geojson.statusCode).toBe(200);
      expect(geojson.body).not.toContain(realProjectId);
      expect(geojson.body).not.toContain('Echt project');
    }
    // The real administrator does see it.
    expect((await call(realAdmin)('/api/v1/projects?q=Echt&limit=500')).json().total).toBe(1);
  });

  it('builds a table dashboard for a demo role from synthetic projects only', async () => {
    const url = '/api/v1/regions/gemeente:GM0363/dashboard?fromYear=2026&toYear=2030';
    const asDemo = (await call(demo.beheerder)(url)).json();
    const asReal = (await call(realAdmin)(url)).json();
    expect(asDemo.summary.totals.projects).toBe(asDemo.summary.totals.syntheticProjects);
    expect(asReal.summary.totals.projects).toBe(asDemo.summary.totals.projects + 1); // + the real project
    expect(JSON.stringify(asDemo)).not.toContain(realProjectId);
  });
});

describe('national figures for demo roles come from synthetic projects only (issue 8 item 5)', () => {
  const planned2028 = (body: { perYear: Array<{ year: number; planned: number }> }) => body.perYear.find((y) => y.year === 2028)!.planned;

  it('forecast and plancapaciteit of a demo role leave the real project out; a real account counts it', async () => {
    const forecastUrl = '/api/v1/national/forecast?area=gemeente:GM0363&fromYear=2027&toYear=2029&runs=5';
    const demoForecast = await call(demo.ministerie_analist)(forecastUrl);
    const realForecast = await call(realMinistry)(forecastUrl);
    expect(demoForecast.statusCode, demoForecast.body).toBe(200);
    expect(planned2028(realForecast.json()) - planned2028(demoForecast.json())).toBe(40); // the real project's jaarschijf

    const capacityUrl = '/api/v1/national/plancapaciteit?area=gemeente:GM0363&fromYear=2027&includeProjects=true';
    const demoCapacity = (await call(demo.ministerie_analist)(capacityUrl)).json();
    const realCapacity = (await call(realMinistry)(capacityUrl)).json();
    expect(realCapacity.periods[0].hard - demoCapacity.periods[0].hard).toBe(40);
    expect(JSON.stringify(demoCapacity)).not.toContain(realProjectId);
    expect(JSON.stringify(realCapacity)).toContain(realProjectId);
  });

  it('the national overview of a demo role counts synthetic projects only', async () => {
    const url = '/api/v1/national/overview?year=2028&runs=5';
    const demoYear = (await call(demo.ministerie_analist)(url)).json().production.years.find((y: { year: number }) => y.year === 2028);
    const realYear = (await call(realMinistry)(url)).json().production.years.find((y: { year: number }) => y.year === 2028);
    expect(realYear.planned - demoYear.planned).toBe(40);
  });

  it('a demo role cannot change a plancapaciteit norm (norms apply to real data)', async () => {
    const res = await call(demo.ministerie_analist)({
      method: 'PUT',
      url: '/api/v1/national/plancapaciteit/normen/provincie:PV27',
      payload: { norm: 1.1, reason: 'demo' },
    });
    expect(res.statusCode, res.body).toBe(403);
    expect(
      (await call(realMinistry)('/api/v1/national/plancapaciteit/normen'))
        .json()
        .items.find((n: { areaId: string }) => n.areaId === 'provincie:PV27'),
    ).toBeUndefined();
  });
});

describe('quarterly rounds: demo roles see and confirm synthetic projects only (issue 8 item 5)', () => {
  it('a demo secretary cannot open the round of a table with real projects; in a real round demo roles see and confirm demo projects only', async () => {
    const secretary = await demoToken('tafel_secretaris');
    const refused = await call(secretary)({
      method: 'POST',
      url: '/api/v1/regions/vt-amsterdam-e-o/rounds',
      payload: { quarter: '2026-Q4', deadline: '2026-12-15' },
    });
    expect(refused.statusCode, refused.body).toBe(403);
    expect(refused.json().detail).toMatch(/demo-account/);
    const opened = await call(realAdmin)({
      method: 'POST',
      url: '/api/v1/regions/vt-amsterdam-e-o/rounds',
      payload: { quarter: '2026-Q4', deadline: '2026-12-15' },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const roundId = opened.json().id;
    const asDemo = (await call(secretary)(`/api/v1/rounds/${roundId}`)).json();
    expect(asDemo.projects.length).toBeGreaterThan(0);
    expect(JSON.stringify(asDemo)).not.toContain(realProjectId);
    expect(JSON.stringify((await call(realAdmin)(`/api/v1/rounds/${roundId}`)).json())).toContain(realProjectId);
    // Confirming the real project by id is refused; a bulk confirmation leaves it alone.
    const byId = await call(demo.gemeente_editor)({
      method: 'POST',
      url: `/api/v1/rounds/${roundId}/confirmations`,
      payload: { projectIds: [realProjectId] },
    });
    expect(byId.statusCode, byId.body).toBeGreaterThanOrEqual(400);
    const bulk = await call(demo.gemeente_editor)({ method: 'POST', url: `/api/v1/rounds/${roundId}/confirmations`, payload: {} });
    expect(bulk.statusCode).toBeLessThan(500);
    expect(JSON.stringify(bulk.json())).not.toContain(realProjectId);
    const real = (await call(realAdmin)(`/api/v1/rounds/${roundId}`))
      .json()
      .projects.find((p: { projectId: string }) => p.projectId === realProjectId);
    expect(real.delivered).toBe(false);
  });
});

describe('targets: demo roles change demo targets only (issue 8 item 5)', () => {
  const national = (homes: number) => ({
    geoLevel: 'nation',
    geoName: 'Nederland',
    periodStart: 2041,
    periodEnd: 2042,
    homes,
    kind: 'demo-proef',
    sourceUrl: 'https://example.org/demo',
  });

  it('marks a demo ministry’s target as synthetic, shows it to demo roles only, and never lets it change a real target', async () => {
    const real = await call(realMinistry)({ method: 'POST', url: '/api/v1/targets', payload: national(90_000) });
    expect(real.statusCode, real.body).toBe(201);
    expect(real.json().synthetic).toBe(false);
    const own = await call(demo.ministerie_analist)({ method: 'POST', url: '/api/v1/targets', payload: national(1) });
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json().synthetic).toBe(true);
    // Preferring the demo target did not flip the real one.
    const realList = (await call(realMinistry)('/api/v1/targets?geoLevel=nation')).json().items as Array<{
      id: string;
      preferred: boolean;
      homes: number;
    }>;
    expect(realList.map((x) => x.id)).not.toContain(own.json().id);
    expect(realList.find((x) => x.id === real.json().id)).toMatchObject({ preferred: true, homes: 90_000 });
    expect((await app.inject('/api/v1/targets?geoLevel=nation')).json().items.map((x: { id: string }) => x.id)).not.toContain(own.json().id);
    const demoList = (await call(demo.ministerie_analist)('/api/v1/targets?geoLevel=nation')).json().items.map((x: { id: string }) => x.id);
    expect(demoList).toContain(own.json().id);
    // Its own demo target it may change; a real one it may not.
    const ownChange = await call(demo.ministerie_analist)({
      method: 'PATCH',
      url: `/api/v1/targets/${own.json().id}`,
      payload: { version: own.json().version, homes: 2 },
    });
    expect(ownChange.statusCode, ownChange.body).toBe(200);
    for (const who of [demo.ministerie_analist, demo.beheerder]) {
      const refused = await call(who)({
        method: 'PATCH',
        url: `/api/v1/targets/${real.json().id}`,
        payload: { version: real.json().version, homes: 1 },
      });
      expect(refused.statusCode, refused.body).toBe(403);
      expect(refused.json().detail).toMatch(/demo/i);
    }
    // A demo import with the real target's key creates a demo target beside it; the real one is untouched.
    const csv = 'geoLevel,geoName,periodStart,periodEnd,homes,kind,sourceUrl\nnation,Nederland,2041,2042,5,demo-proef,https://example.org/demo\n';
    const imported = await call(demo.ministerie_analist)({
      method: 'POST',
      url: '/api/v1/targets/import',
      payload: csv,
      headers: { 'content-type': 'text/csv' },
    });
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json().targets.every((x: { synthetic: boolean; id: string }) => x.synthetic && x.id !== real.json().id)).toBe(true);
    const after = (await call(realMinistry)('/api/v1/targets?geoLevel=nation')).json().items.find((x: { id: string }) => x.id === real.json().id);
    expect(after).toMatchObject({ homes: 90_000, preferred: true, version: real.json().version });
  });
});

describe('the server refuses demo mode on real data unless told explicitly (issue 8 item 5)', () => {
  it('refuses with a reason for the operator when real projects or accounts exist', async () => {
    const refusal = assertDemoModeMayStart(t.db, { demoMode: true, allowRealData: false });
    await expect(refusal).rejects.toBeInstanceOf(DemoModeRefusedError);
    await expect(refusal).rejects.toThrow(
      /Refusing to start in demo mode: the database holds 1 real \(non-synthetic\) project and \d+ real \(non-demo\) accounts/,
    );
    await expect(assertDemoModeMayStart(t.db, { demoMode: true, allowRealData: true })).resolves.toBeUndefined();
    await expect(assertDemoModeMayStart(t.db, { demoMode: false, allowRealData: false })).resolves.toBeUndefined();
  });

  it('starts in demo mode on a database with only demo data and demo accounts', async () => {
    const fresh = await createTestDb();
    try {
      const s = createServices(fresh.db, { auth: TEST_AUTH_OPTIONS });
      await s.demoSeed.seed({ projects: 5, seed: 1, asOf: '2026-10-01' });
      await s.auth.ensureDemoUsers();
      await expect(assertDemoModeMayStart(fresh.db, { demoMode: true, allowRealData: false })).resolves.toBeUndefined();
    } finally {
      await fresh.close();
    }
  });
});

describe('API tokens of real accounts are out of reach of the demo administrator (issue 8 items 5, 10)', () => {
  it('lists and revokes only demo accounts’ tokens; a real account answers exactly as an unknown one', async () => {
    const real = await accountWithToken(services, 'gemeente_editor', { gemeenteCode: 'GM0363' });
    const [realToken] = take(await services.auth.listApiTokens(real.principal), 1);
    const unknown = '00000000-0000-4000-8000-000000000000';
    const listReal = await call(demo.beheerder)(`/api/v1/users/${real.principal.userId}/tokens`);
    const listUnknown = await call(demo.beheerder)(`/api/v1/users/${unknown}/tokens`);
    expect(listReal.statusCode).toBe(404);
    expect(listReal.json().detail.replace(real.principal.userId!, 'X')).toBe(listUnknown.json().detail.replace(unknown, 'X'));
    const revokeReal = await call(demo.beheerder)({ method: 'DELETE', url: `/api/v1/auth/tokens/${realToken.id}` });
    const revokeUnknown = await call(demo.beheerder)({ method: 'DELETE', url: `/api/v1/auth/tokens/${unknown}` });
    expect(revokeReal.statusCode).toBe(404);
    expect(revokeReal.json().detail.replace(realToken.id, 'X')).toBe(revokeUnknown.json().detail.replace(unknown, 'X'));
    // The real token still works; the real administrator may list and revoke it.
    expect((await call(real.headers)('/api/v1/auth/tokens')).statusCode).toBe(200);
    expect((await call(realAdmin)(`/api/v1/users/${real.principal.userId}/tokens`)).json().items).toHaveLength(1);
    // A demo account's token is within the demo administrator's reach.
    const demoEditor = (await services.repositories.accounts.listUsers(t.db)).find((u) => u.isDemo && u.role === 'gemeente_editor')!;
    const demoTokens = (await call(demo.beheerder)(`/api/v1/users/${demoEditor.id}/tokens`)).json().items;
    expect(demoTokens.length).toBeGreaterThan(0);
    expect((await call(realAdmin)({ method: 'DELETE', url: `/api/v1/auth/tokens/${realToken.id}` })).statusCode).toBe(204);
  });
});
