/**
 * API integration tests of /api/v1 (SPEC §7: REST per the Dutch API Design Rules, problem+json errors),
 * on PGlite and, with DATABASE_URL, on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { at } from '../../test/helpers/present.ts';
import { samplePlan } from '../../test/helpers/builders.ts';
import { queryOne } from '../storage/db.ts';
import { createTestApp, type Inject, type TestApp } from '../../test/helpers/test-app.ts';
import { gemeenteOrganisationId } from '../domain/identifiers.ts';

let t: TestApp;
let inject: Inject;

beforeAll(async () => {
  t = await createTestApp();
  inject = await t.signedIn('beheerder');
});
afterAll(async () => {
  await t?.close();
});

const validProject = () => ({
  name: 'Zuidas Blok 7',
  gemeenteCode: 'GM0363',
  planStatus: 'vastgesteld',
  origin: 'nieuwbouw',
  flags: ['woondeal_locatie'],
  location: { lon: 4.87, lat: 52.34 },
  ...samplePlan(),
  parties: [{ organisationId: gemeenteOrganisationId('GM0363'), role: 'bevoegd_gezag' }],
});

async function countProjects(): Promise<number> {
  const { n } = await queryOne<{ n: number }>(t.db, 'SELECT count(*) AS n FROM projects');
  return n;
}

async function create(body: object = validProject()) {
  const res = await inject({ method: 'POST', url: '/api/v1/projects', payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('GET /api/v1/health', () => {
  it('answers ok with the database kind', async () => {
    const res = await inject('/api/v1/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: t.db.kind });
  });
});

describe('GET /api/v1/openapi.json', () => {
  it('is an OpenAPI 3 document generated from the request schemas', async () => {
    const doc = (await inject('/api/v1/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    // Paths are relative to the server URL /api/v1 (API Design Rules /core/uri-version).
    expect(doc.servers).toEqual([{ url: '/api/v1' }]);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/projects', '/projects/{id}', '/gemeenten']));
    const params = doc.paths['/projects'].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(expect.arrayContaining(['gemeente', 'provincie', 'planStatus', 'phase', 'status', 'flags', 'q', 'limit', 'offset']));
    expect(doc.paths['/projects'].post.requestBody).toBeDefined();
  });
});

describe('POST /api/v1/projects', () => {
  it('creates a project and derives phase, status and the betaalbaar total (SPEC §2)', async () => {
    const body = await create();
    expect(body).toMatchObject({
      gemeenteCode: 'GM0363',
      provincieCode: 'PV27',
      phase: 'planologische_procedure',
      status: 'groen',
      totalHomes: 150,
      affordableHomes: 100,
      socialHomes: 60,
      version: 1,
      synthetic: false,
      warnings: [],
    });
    expect(body.milestones.find((m: { code: string }) => m.code === 'M09').ownerSide).toBe('publiek');
  });

  it('rejects an unknown gemeente code naming the field, and writes nothing', async () => {
    const before = await countProjects();
    const res = await inject({ method: 'POST', url: '/api/v1/projects', payload: { ...validProject(), gemeenteCode: 'GM9999' } });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors).toEqual([expect.objectContaining({ path: 'gemeenteCode', code: 'unknown_gemeente' })]);
    expect(await countProjects()).toBe(before);
  });

  it('rejects a negative number of homes naming programme[1].homes, and writes nothing', async () => {
    const before = await countProjects();
    const body = validProject();
    at(body.programme, 1).homes = -5;
    const res = await inject({ method: 'POST', url: '/api/v1/projects', payload: body });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ path: 'programme[1].homes', message: expect.stringContaining('negatief') })]);
    expect(await countProjects()).toBe(before);
  });

  it('rejects oplevering before start bouw naming the milestone field (SPEC §2 consistency), and writes nothing', async () => {
    const before = await countProjects();
    const body = validProject();
    at(body.milestones, 3).forecastDate = '2026-05-01';
    const res = await inject({ method: 'POST', url: '/api/v1/projects', payload: body });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ path: 'milestones[3].forecastDate', code: 'milestone_order', message: expect.stringContaining('Start bouw (M11)') }),
    ]);
    expect(await countProjects()).toBe(before);
  });

  it('rejects malformed JSON, wrong types and invalid dates with problem+json', async () => {
    const bad = await inject({ method: 'POST', url: '/api/v1/projects', headers: { 'content-type': 'application/json' }, payload: '{"name":' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const body = { ...validProject(), planStatus: 'misschien', milestones: [{ code: 'M11', baselineDate: '2026-02-30' }] };
    const res = await inject({ method: 'POST', url: '/api/v1/projects', payload: body });
    expect(res.statusCode).toBe(400);
    const paths = res.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['planStatus', 'milestones[0].baselineDate']));
  });

  it('warns, without refusing, when jaarschijven do not add up to the programme', async () => {
    const body = validProject();
    at(body.jaarschijven, 0).homes = 50;
    const created = await create(body);
    expect(created.warnings).toEqual([expect.objectContaining({ path: 'jaarschijven', code: 'jaarschijven_mismatch' })]);
  });
});

describe('GET /api/v1/projects', () => {
  it('lists with filters and pagination as { items, total }', async () => {
    await create({ ...validProject(), name: 'Rotterdam Oost', gemeenteCode: 'GM0599', flags: ['nplv'] });
    const res = await inject('/api/v1/projects?gemeente=GM0599&limit=10');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(1);
    expect(body.items[0]).toMatchObject({ name: 'Rotterdam Oost', gemeenteName: 'Rotterdam', provincieCode: 'PV28' });
    expect((await inject('/api/v1/projects?provincie=PV27&flags=nplv')).json().total).toBe(0);
    expect((await inject('/api/v1/projects?flags=nplv&phase=planologische_procedure&status=groen&planStatus=vastgesteld')).json().total).toBe(1);
    expect((await inject('/api/v1/projects?q=oost')).json().total).toBe(1);
    const page = (await inject('/api/v1/projects?limit=1&offset=1&sort=-name')).json();
    expect(page.items).toHaveLength(1);
    expect(page.total).toBeGreaterThan(1);
  });

  it('counts bounded by default, exact with sums on request, and pages on with the next cursor (issue 15, goal 4)', async () => {
    for (const name of ['Keyset Noord', 'Keyset Oost', 'Keyset West']) await create({ ...validProject(), name });
    const first = (await inject('/api/v1/projects?q=keyset&limit=2')).json();
    expect(first).toMatchObject({ total: 3, totalExact: true });
    expect(first.sums).toBeUndefined();
    expect(first.items.map((i: { name: string }) => i.name)).toEqual(['Keyset Noord', 'Keyset Oost']);
    const next = (await inject(`/api/v1/projects?q=keyset&limit=2&cursor=${first.nextCursor}`)).json();
    expect(next.items.map((i: { name: string }) => i.name)).toEqual(['Keyset West']);
    expect(next.nextCursor).toBeNull();
    const exact = (await inject('/api/v1/projects?q=keyset&limit=1&total=exact')).json();
    expect(exact).toMatchObject({ total: 3, totalExact: true, sums: { homes: 3 * first.items[0].totalHomes } });

    const otherOrder = await inject(`/api/v1/projects?q=keyset&limit=2&sort=-name&cursor=${first.nextCursor}`);
    expect(otherOrder.statusCode).toBe(422);
    expect(otherOrder.json().errors.map((e: { path: string }) => e.path)).toEqual(['cursor']);
    const both = await inject(`/api/v1/projects?q=keyset&limit=2&offset=2&cursor=${first.nextCursor}`);
    expect(both.statusCode).toBe(422);
    expect((await inject('/api/v1/projects?total=ongeveer')).statusCode).toBe(400);
  });

  it('rejects an unknown filter value naming the query parameter', async () => {
    const res = await inject('/api/v1/projects?phase=bouwen&limit=0');
    expect(res.statusCode).toBe(400);
    const paths = res.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining([expect.stringMatching(/^phase/), 'limit']));
  });
});

describe('PATCH /api/v1/projects/:id (optimistic locking)', () => {
  it('applies a change with the current version and bumps it', async () => {
    const p = await create();
    const res = await inject({ method: 'PATCH', url: `/api/v1/projects/${p.id}`, payload: { version: 1, name: 'Zuidas Blok 7A' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Zuidas Blok 7A', version: 2, totalHomes: 150 });
  });

  it('answers 409 to a stale version and changes nothing', async () => {
    const p = await create();
    await inject({ method: 'PATCH', url: `/api/v1/projects/${p.id}`, payload: { version: 1, name: 'Eerste' } });
    const res = await inject({ method: 'PATCH', url: `/api/v1/projects/${p.id}`, payload: { version: 1, name: 'Tweede' } });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ status: 409, currentVersion: 2 });
    const now = (await inject(`/api/v1/projects/${p.id}`)).json();
    expect(now).toMatchObject({ name: 'Eerste', version: 2 });
  });

  it('answers 404 problem+json for a project that does not exist', async () => {
    const res = await inject({ method: 'PATCH', url: `/api/v1/projects/${crypto.randomUUID()}`, payload: { version: 1, name: 'x' } });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});

describe('milestones, programme, jaarschijven, parties and knelpunten of a project', () => {
  it('moving a milestone forecast past its tolerance flags it and turns the project amber (SPEC §2)', async () => {
    const p = await create();
    const res = await inject({
      method: 'PATCH',
      url: `/api/v1/projects/${p.id}/milestones/M12`,
      payload: { version: 1, forecastDate: '2028-10-15', delayReason: { category: 'marktafzet', text: 'Verkoop loopt achter' } },
    });
    expect(res.statusCode, res.body).toBe(200);
    const m12 = res.json().milestones.find((m: { code: string }) => m.code === 'M12');
    expect(m12.delay).toEqual({ months: 4, severity: 'vertraagd' });
    expect(res.json()).toMatchObject({ status: 'oranje', version: 2 });
    const list = (await inject(`/api/v1/projects/${p.id}/milestones`)).json();
    expect(list).toHaveLength(4);
  });

  it('replaces the programme and jaarschijven together and recomputes the totals', async () => {
    const p = await create();
    const programme = [{ segment: 'betaalbare_koop', woningtype: 'grondgebonden', doelgroep: 'regulier', homes: 30 }];
    let res = await inject({ method: 'PUT', url: `/api/v1/projects/${p.id}/programme`, payload: { version: 1, items: programme } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ totalHomes: 30, affordableHomes: 30, socialHomes: 0, version: 2 });
    expect(res.json().warnings.length).toBeGreaterThan(0);
    res = await inject({
      method: 'PUT',
      url: `/api/v1/projects/${p.id}/jaarschijven`,
      payload: { version: 2, items: [{ year: 2029, segment: 'betaalbare_koop', homes: 30 }] },
    });
    expect(res.json()).toMatchObject({ version: 3, warnings: [] });
    expect((await inject(`/api/v1/projects/${p.id}/jaarschijven`)).json()).toEqual([{ year: 2029, segment: 'betaalbare_koop', homes: 30 }]);
  });

  it('rejects a party that is not a known organisation naming parties[0].organisationId', async () => {
    const p = await create();
    const res = await inject({
      method: 'PUT',
      url: `/api/v1/projects/${p.id}/parties`,
      payload: { version: 1, items: [{ organisationId: crypto.randomUUID(), role: 'ontwikkelaar' }] },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].path).toBe('parties[0].organisationId');
    expect((await inject(`/api/v1/projects/${p.id}`)).json().version).toBe(1);
  });

  it('an escalated knelpunt turns the project red; resolving it turns it green again', async () => {
    const p = await create();
    const res = await inject({
      method: 'POST',
      url: `/api/v1/projects/${p.id}/knelpunten`,
      payload: {
        category: 'netcongestie',
        description: 'Geen aansluiting op het net voor 2029',
        raisedDate: '2026-04-01',
        escalated: true,
        escalationReason: 'De netbeheerder moet worden aangesproken',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const k = res.json();
    expect((await inject(`/api/v1/projects/${p.id}`)).json().status).toBe('rood');
    const early = await inject({
      method: 'PATCH',
      url: `/api/v1/projects/${p.id}/knelpunten/${k.id}`,
      payload: { version: 1, resolvedDate: '2026-03-01', resolution: 'Tijdelijke aansluiting' },
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().errors[0].path).toBe('resolvedDate');
    const resolved = await inject({
      method: 'PATCH',
      url: `/api/v1/projects/${p.id}/knelpunten/${k.id}`,
      payload: { version: 1, resolvedDate: '2026-06-01', resolution: 'Tijdelijke aansluiting' },
    });
    expect(resolved.json()).toMatchObject({ version: 2, resolvedDate: '2026-06-01' });
    expect((await inject(`/api/v1/projects/${p.id}`)).json().status).toBe('groen');
    const stale = await inject({ method: 'DELETE', url: `/api/v1/projects/${p.id}/knelpunten/${k.id}?version=1` });
    expect(stale.statusCode).toBe(409);
    expect((await inject({ method: 'DELETE', url: `/api/v1/projects/${p.id}/knelpunten/${k.id}?version=2` })).statusCode).toBe(204);
    expect((await inject(`/api/v1/projects/${p.id}/knelpunten`)).json()).toEqual([]);
  });
});

describe('DELETE /api/v1/projects/:id', () => {
  it('deletes with the current version only', async () => {
    const p = await create();
    expect((await inject({ method: 'DELETE', url: `/api/v1/projects/${p.id}?version=7` })).statusCode).toBe(409);
    expect((await inject({ method: 'DELETE', url: `/api/v1/projects/${p.id}?version=1` })).statusCode).toBe(204);
    expect((await inject(`/api/v1/projects/${p.id}`)).statusCode).toBe(404);
  });
});

describe('reference lists', () => {
  it('lists 342 gemeenten, 12 provincies, regions, organisations and boundaries', async () => {
    expect((await inject('/api/v1/gemeenten')).json()).toHaveLength(342);
    expect((await inject('/api/v1/gemeenten?provincie=PV26')).json()).toHaveLength(26);
    expect((await inject('/api/v1/provincies')).json()).toHaveLength(12);
    expect((await inject('/api/v1/gemeenten/GM0363')).json()).toMatchObject({ name: 'Amsterdam' });
    expect((await inject('/api/v1/gemeenten/GM9999')).statusCode).toBe(404);
    expect((await inject('/api/v1/regions?kind=versnellingstafel')).json().length).toBeGreaterThan(0);
    expect((await inject('/api/v1/organisations?type=gemeente')).json()).toHaveLength(342);
    const geo = await inject('/api/v1/geo/provincies');
    expect(geo.headers['content-type']).toContain('application/geo+json');
    expect(geo.json().features).toHaveLength(12);
  });
});
