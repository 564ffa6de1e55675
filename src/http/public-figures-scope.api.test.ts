/**
 * What the public and demo roles learn from public figures (issue 8, "look for the same kind of fault
 * elsewhere"; SPEC §1 the public sees aggregates, §7 confidentiality, a clearly labelled synthetic demo
 * dataset). In demo mode the public lists the demo projects, so any public figure that also counts real
 * projects gives them away (figure minus the demo projects one can list); with demo mode off, a public
 * figure built from fewer than 3 projects gives one project away. PGlite by default, PostgreSQL with
 * DATABASE_URL.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { take } from '../../test/helpers/present.ts';
import { accountWithToken, TEST_AUTH_OPTIONS } from '../../test/helpers/auth.ts';
import { createTestDb, type TestDb } from '../../test/helpers/test-db.ts';
import { gemeenteOrganisationId } from '../domain/identifiers.ts';
import { createServices, type Services } from '../services/container.ts';
import { buildApp } from './app.ts';

let t: TestDb;
let services: Services;
let app: FastifyInstance;
let strict: FastifyInstance;
let adminHeaders: Record<string, string>;

/** A real project completed (M12) in 2001 with 77 homes: the only completion of that year. */
async function insertCompletedRealProject(): Promise<void> {
  const id = randomUUID();
  await t.db.query(
    `INSERT INTO projects (id, name, gemeente_code, provincie_code, plan_status, origin, phase, status, total_homes, affordable_homes, social_homes)
     VALUES ($1, 'Echt opgeleverd', 'GM0014', 'PV20', 'onherroepelijk', 'nieuwbouw', 'opgeleverd', 'groen', 77, 0, 0)`,
    [id],
  );
  await t.db.query(
    `INSERT INTO project_milestones (project_id, code, owner_side, baseline_date, actual_date) VALUES ($1, 'M12', 'privaat', '2001-03-01', '2001-03-01')`,
    [id],
  );
}

const realProject = (name: string, gemeenteCode: string) => ({
  name,
  gemeenteCode,
  planStatus: 'vastgesteld',
  programme: [{ segment: 'sociale_huur', woningtype: 'gestapeld', doelgroep: 'regulier', homes: 40 }],
  milestones: [
    { code: 'M06', baselineDate: '2027-01-01', forecastDate: '2027-01-01' },
    { code: 'M11', baselineDate: '2028-01-01', forecastDate: '2028-01-01' },
    { code: 'M12', baselineDate: '2029-01-01', forecastDate: '2029-01-01' },
  ],
  parties: [{ organisationId: gemeenteOrganisationId(gemeenteCode), role: 'bevoegd_gezag' }],
});

/** The public figures, without the parts that move with the clock. */
async function publicFigures(target: FastifyInstance, headers: Record<string, string> = {}) {
  const get = async (url: string) => {
    const res = await target.inject({ url, headers });
    expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
    return res.json();
  };
  const overview = await get('/api/v1/national/overview?year=2029&asOf=2026-10-01');
  return {
    provinces: await get('/api/v1/public/aggregates?level=provincie'),
    gemeenten: await get('/api/v1/public/aggregates?level=gemeente&provincie=PV20'),
    realisations: (await get('/api/v1/national/realisations?fromYear=2000&toYear=2030')).national,
    production: overview.production.years,
    provincesOverview: overview.provinces,
    gemeenteCounts: (await get('/api/v1/gemeenten?provincie=PV20')).map((g: { code: string; projectCount: number | null }) => [
      g.code,
      g.projectCount,
    ]),
  };
}

beforeAll(async () => {
  t = await createTestDb();
  services = createServices(t.db, { auth: TEST_AUTH_OPTIONS });
  await services.demoSeed.seed({ projects: 120, seed: 7, asOf: '2026-10-01' });
  await services.auth.ensureDemoUsers();
  app = await buildApp({ services });
  strict = await buildApp({ services: createServices(t.db, { auth: { ...TEST_AUTH_OPTIONS, demoMode: false } }) });
  adminHeaders = (await accountWithToken(services, 'beheerder')).headers;
});
afterAll(async () => {
  await app?.close();
  await strict?.close();
  await t?.close();
});

describe('public figures and real projects', () => {
  it('in demo mode, the public and a demo role get the same public figures before and after real projects are added', async () => {
    const signIn = await app.inject({ method: 'POST', url: '/api/v1/auth/demo', payload: { role: 'gemeente_editor' } });
    expect(signIn.statusCode, signIn.body).toBe(200);
    const demoHeaders = { cookie: `wbm_session=${signIn.cookies.find((c) => c.name === 'wbm_session')!.value}` };
    const beforePublic = await publicFigures(app);
    const beforeDemo = await publicFigures(app, demoHeaders);

    for (let i = 0; i < 4; i++) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/projects', headers: adminHeaders, payload: realProject(`Echt ${i}`, 'GM0014') });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().synthetic).toBe(false);
    }
    await insertCompletedRealProject();

    expect(await publicFigures(app)).toEqual(beforePublic);
    expect(await publicFigures(app, demoHeaders)).toEqual(beforeDemo);
  });

  it('with demo mode off, the public gets no year of completions built from fewer than 3 projects; the ministry does', async () => {
    const year2001 = (rows: Array<{ year: number; monitorOpleveringen: number | null }>) => rows.find((r) => r.year === 2001);
    const pub = await strict.inject({ url: '/api/v1/national/realisations?fromYear=2000&toYear=2002' });
    expect(pub.statusCode, pub.body).toBe(200);
    expect(year2001(pub.json().national)).toMatchObject({ monitorOpleveringen: null });
    const gemeente = (await accountWithToken(services, 'gemeente_editor', { gemeenteCode: 'GM0014' })).headers;
    expect(
      year2001((await strict.inject({ url: '/api/v1/national/realisations?fromYear=2000&toYear=2002', headers: gemeente })).json().national),
    ).toMatchObject({
      monitorOpleveringen: null,
    });
    const ministry = (await accountWithToken(services, 'ministerie_analist')).headers;
    const full = await strict.inject({ url: '/api/v1/national/realisations?fromYear=2000&toYear=2002', headers: ministry });
    expect(year2001(full.json().national)).toMatchObject({ monitorOpleveringen: 77 });
  });
});

describe('organisations and demo roles', () => {
  it('a demo role lists the gemeenten and the demo market parties, never a real market party; a real account lists it', async () => {
    const realParty = randomUUID();
    await t.db.query(`INSERT INTO organisations (id, name, type, synthetic) VALUES ($1, 'Echte Ontwikkelaar BV', 'ontwikkelaar', false)`, [
      realParty,
    ]);
    const signIn = await app.inject({ method: 'POST', url: '/api/v1/auth/demo', payload: { role: 'beheerder' } });
    const demo = { cookie: `wbm_session=${signIn.cookies.find((c) => c.name === 'wbm_session')!.value}` };
    const listed = (await app.inject({ url: '/api/v1/organisations', headers: demo })).json() as Array<{
      id: string;
      type: string;
      synthetic: boolean;
    }>;
    expect(listed.some((o) => o.id === realParty)).toBe(false);
    expect(listed.some((o) => o.type === 'gemeente')).toBe(true);
    expect(listed.some((o) => o.type !== 'gemeente' && o.synthetic)).toBe(true);
    expect(listed.filter((o) => !['gemeente', 'provincie', 'rijk', 'waterschap'].includes(o.type)).every((o) => o.synthetic)).toBe(true);
    const byType = (await app.inject({ url: '/api/v1/organisations?type=ontwikkelaar', headers: demo })).json() as Array<{ id: string }>;
    expect(byType.some((o) => o.id === realParty)).toBe(false);
    const real = (await app.inject({ url: '/api/v1/organisations', headers: adminHeaders })).json() as Array<{ id: string }>;
    expect(real.some((o) => o.id === realParty)).toBe(true);
  });

  it('a demo role cannot make a real market party a party of its project: answered as an unknown organisation', async () => {
    const realParty = randomUUID();
    await t.db.query(`INSERT INTO organisations (id, name, type, synthetic) VALUES ($1, 'Echte Belegger NV', 'belegger', false)`, [realParty]);
    const [demoParty] = take(await t.db.query<{ id: string }>(`SELECT id FROM organisations WHERE synthetic AND type = 'ontwikkelaar' LIMIT 1`), 1);
    const signIn = await app.inject({ method: 'POST', url: '/api/v1/auth/demo', payload: { role: 'gemeente_editor' } });
    const demo = {
      cookie: `wbm_session=${signIn.cookies.find((c) => c.name === 'wbm_session')!.value}`,
      'x-csrf-token': signIn.json().csrfToken as string,
    };
    const withParty = (organisationId: string) => {
      const body = realProject('Demo met partij', 'GM0363');
      return { ...body, parties: [...body.parties, { organisationId, role: 'belegger' }] };
    };
    const unknownId = randomUUID();
    const refused = await app.inject({ method: 'POST', url: '/api/v1/projects', headers: demo, payload: withParty(realParty) });
    const unknown = await app.inject({ method: 'POST', url: '/api/v1/projects', headers: demo, payload: withParty(unknownId) });
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.body.replaceAll(realParty, '<id>')).toBe(unknown.body.replaceAll(unknownId, '<id>'));
    expect(refused.json().errors).toEqual([expect.objectContaining({ path: 'parties[1].organisationId', code: 'unknown_organisation' })]);
    const created = await app.inject({ method: 'POST', url: '/api/v1/projects', headers: demo, payload: withParty(demoParty.id) });
    expect(created.statusCode, created.body).toBe(201);
    // Nor by changing the parties of its project.
    const patched = await app.inject({
      method: 'PATCH',
      url: `/api/v1/projects/${created.json().id}`,
      headers: demo,
      payload: { version: created.json().version, parties: [...withParty(demoParty.id).parties, { organisationId: realParty, role: 'belegger' }] },
    });
    expect(patched.statusCode, patched.body).toBe(422);
    // A real account may.
    const real = await app.inject({ method: 'POST', url: '/api/v1/projects', headers: adminHeaders, payload: withParty(realParty) });
    expect(real.statusCode, real.body).toBe(201);
  });
});
