/**
 * Authorisation matrix (SPEC §1 users, §7 "nobody sees what is not theirs"): every API endpoint is
 * called by every role. Allowed → it works (2xx); not allowed → 401 for the public, 403, or 404 where
 * answering 403 would reveal that a project exists. The test fails when an endpoint exists that the
 * matrix does not cover, so a new endpoint cannot be added without deciding who may use it.
 */
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_AUTH_OPTIONS } from '../../test/helpers/auth.ts';
import { at } from '../../test/helpers/present.ts';
import {
  admin,
  app,
  EVERYONE,
  headers,
  ids,
  matrix,
  principals,
  provinceTarget,
  services,
  setUpMatrix,
  SIGNED_IN,
  t,
  tearDownMatrix,
  version,
  type Who,
} from '../../test/helpers/authorization-matrix.ts';
import { removeMatrixRegions } from '../../test/helpers/authorization-matrix.ts';
import type { Principal, Role } from '../domain/access.ts';
import { createServices } from '../services/container.ts';
import { buildApp } from './app.ts';
import { ROUTE_RULES } from './auth.ts';

beforeAll(() => setUpMatrix());
afterAll(() => tearDownMatrix());

describe('authorisation matrix', () => {
  it('has a rule for every API endpoint, and the matrix covers every endpoint', () => {
    const registered = ROUTE_RULES.map((r) => `${r.method} ${r.url}`).sort();
    expect(registered.length).toBeGreaterThan(40);
    expect(Object.keys(matrix()).sort()).toEqual(registered);
  });

  const cases = Object.entries(matrix()).flatMap(([route, list]) => list.map((c) => ({ route, c })));
  it.each(cases.map(({ route, c }) => [`${route} ${c.name}`.trim(), route, c] as const))('%s', async (_label, _route, c) => {
    const summary: string[] = [];
    for (const who of EVERYONE) {
      if (_route === 'DELETE /api/v1/auth/tokens/:id') {
        ids.tokenOwner = who === 'publiek' ? '' : (await services.auth.createApiToken(principals[who], 'x')).id;
      }
      const request = await c.request(who);
      const res = await app.inject({ ...request, headers: { ...headers[who], ...(request.headers ?? {}) } });
      const allowed = c.allowed.includes(who);
      let ok: boolean;
      if (c.everyone) ok = res.statusCode === c.everyone;
      else if (allowed) ok = c.allowedStatus ? res.statusCode === c.allowedStatus : res.statusCode >= 200 && res.statusCode < 300;
      else if (c.hidden?.includes(who)) ok = res.statusCode === 404;
      else if (who === 'publiek') ok = res.statusCode === 401;
      else ok = res.statusCode === 403 || res.statusCode === 404;
      if (!ok) summary.push(`${who}: ${allowed ? 'allowed' : 'denied'} but got ${res.statusCode} ${res.body.slice(0, 200)}`);
      if (!allowed && res.statusCode >= 400) expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect(summary).toEqual([]);
  });
});

describe('the public in demo mode', () => {
  it('sees synthetic demo projects, never real ones; without demo mode it must sign in', async () => {
    await services.demoSeed.seed({ projects: 40, seed: 2, asOf: '2026-10-01' });
    const list = (await app.inject({ url: '/api/v1/projects?limit=500' })).json();
    expect(list.total).toBe(40);
    expect(list.items.every((p: { synthetic: boolean }) => p.synthetic)).toBe(true);
    expect((await app.inject({ url: `/api/v1/projects/${list.items[0].id}` })).statusCode).toBe(200);
    // No existence oracle (issue 8 item 15): a real project answers to the public exactly as an unknown id does.
    const unknownId = crypto.randomUUID();
    const shape = (r: { statusCode: number; body: string }, id: string) => ({ status: r.statusCode, body: r.body.replaceAll(id, '<id>') });
    const real = await app.inject({ url: `/api/v1/projects/${ids.own}` });
    const unknown = await app.inject({ url: `/api/v1/projects/${unknownId}` });
    expect(real.statusCode).toBe(404);
    expect(shape(real, ids.own)).toEqual(shape(unknown, unknownId));
    const strict = await buildApp({ services: createServices(t.db, { auth: { ...TEST_AUTH_OPTIONS, demoMode: false } }) });
    try {
      expect((await strict.inject({ url: '/api/v1/projects' })).statusCode).toBe(401);
      expect((await strict.inject({ url: `/api/v1/projects/${list.items[0].id}` })).statusCode).toBe(401);
      const strictReal = await strict.inject({ url: `/api/v1/projects/${ids.own}` });
      const strictUnknown = await strict.inject({ url: `/api/v1/projects/${unknownId}` });
      expect(strictReal.statusCode).toBe(401);
      expect(shape(strictReal, ids.own)).toEqual(shape(strictUnknown, unknownId));
    } finally {
      await strict.close();
    }
  });
});

describe('project list scope', () => {
  it('lists only the projects each role may see', async () => {
    const foreignVisible: Record<string, boolean> = {};
    for (const who of SIGNED_IN) {
      const list = (await app.inject({ url: '/api/v1/projects?limit=500', headers: headers[who] })).json();
      foreignVisible[who] = list.items.some((p: { id: string }) => p.id === ids.foreign);
      if (who === 'gemeente_editor') expect(list.items.every((p: { gemeenteCode: string }) => p.gemeenteCode === 'GM0363')).toBe(true);
      if (who === 'provincie_analist') expect(list.items.every((p: { provincieCode: string }) => p.provincieCode === 'PV27')).toBe(true);
      if (who === 'marktpartij_editor') expect(list.items.map((p: { id: string }) => p.id)).toContain(ids.own);
    }
    expect(foreignVisible).toEqual({
      gemeente_editor: false,
      marktpartij_editor: false,
      tafel_secretaris: false,
      provincie_analist: false,
      ministerie_analist: true,
      beheerder: true,
    });
  });
});

describe('breakdowns: every unit of a breakdown is authorised (SPEC §7; issue 8 item 7)', () => {
  const AMS_TABLE = ['GM0362', 'GM0363', 'GM0384', 'GM0394', 'GM0439', 'GM0479'];
  // Per role, the area asked for and the breakdown, with the units that come back (sorted ids) and how many
  // were left out; 'forbidden' where the area itself is not the caller's.
  const CASES: Array<[Who, string, string, string[] | 'forbidden', number]> = [
    ['gemeente_editor', 'gemeente:GM0363', 'provincie', [], 1],
    ['gemeente_editor', 'gemeente:GM0363', 'region', [], 2],
    ['gemeente_editor', 'gemeente:GM0363', 'gemeente', ['gemeente:GM0363'], 0],
    ['gemeente_editor', 'provincie:PV27', 'provincie', 'forbidden', 0],
    ['marktpartij_editor', 'gemeente:GM0363', 'provincie', 'forbidden', 0],
    ['tafel_secretaris', 'vt-amsterdam-e-o', 'provincie', [], 1],
    ['tafel_secretaris', 'vt-amsterdam-e-o', 'region', ['vt-amsterdam-e-o'], 1],
    ['tafel_secretaris', 'vt-amsterdam-e-o', 'gemeente', AMS_TABLE.map((c) => `gemeente:${c}`), 0],
    ['tafel_secretaris', 'wd-mra', 'region', 'forbidden', 0],
    ['provincie_analist', 'provincie:PV27', 'provincie', ['provincie:PV27'], 0],
    ['provincie_analist', 'gemeente:GM0363', 'provincie', ['provincie:PV27'], 0],
    ['provincie_analist', 'provincie:PV27', 'region', ['vt-amsterdam-e-o'], 1],
    ['provincie_analist', 'nl', 'provincie', 'forbidden', 0],
    ['ministerie_analist', 'gemeente:GM0363', 'region', ['vt-amsterdam-e-o', 'wd-mra'], 0],
    ['beheerder', 'provincie:PV27', 'region', ['vt-amsterdam-e-o', 'wd-mra'], 0],
  ];
  const ENDPOINTS = ['/api/v1/national/plancapaciteit?', '/api/v1/national/forecast?runs=5&'];
  // The region cases (issue 11 item 1) create regions in Noord-Holland; the breakdowns expect the fixture's regions only.
  beforeAll(removeMatrixRegions);
  it.each(ENDPOINTS.flatMap((e) => CASES.map((c) => [`${e.split('?')[0]} ${c[0]} area=${c[1]} breakdown=${c[2]}`, e, ...c] as const)))(
    '%s',
    async (_label, endpoint, who, area, breakdown, units, omitted) => {
      const res = await app.inject({ url: `${endpoint}area=${area}&breakdown=${breakdown}`, headers: headers[who] });
      if (units === 'forbidden') {
        expect(res.statusCode, res.body).toBe(403);
        return;
      }
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body.breakdown.map((b: { area: { id: string } }) => b.area.id).sort()).toEqual(units);
      expect(body.breakdownOmitted?.units ?? 0).toBe(omitted);
      if (omitted > 0) expect(body.breakdownOmitted.message).toMatch(/weggelaten/);
    },
  );
});

describe('who may call an endpoint is decided before its body is read (issue 8 items 11 and 15)', () => {
  const fill = (url: string) => url.replace(/:[A-Za-z]+/g, (p) => (p === ':code' ? 'M11' : crypto.randomUUID()));
  const writes = () => ROUTE_RULES.filter((r) => r.access !== 'public' && ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method));

  it('the public gets 401 on every non-public endpoint, whatever the body: no validation details, nothing parsed', async () => {
    expect(writes().length).toBeGreaterThan(15);
    const bodies: Array<{ payload: string; type: string }> = [
      { payload: JSON.stringify({ name: 42, gemeenteCode: ['x'], milestones: 'geen lijst', version: 'oud' }), type: 'application/json' },
      { payload: '{"kapot": ', type: 'application/json' },
      { payload: `${'['.repeat(5000)}${']'.repeat(5000)}`, type: 'application/json' },
      { payload: 'a,b\n1,2', type: 'text/csv' },
    ];
    const problems: string[] = [];
    for (const route of writes()) {
      for (const body of bodies) {
        const res = await app.inject({
          method: route.method as 'POST',
          url: fill(route.url),
          payload: body.payload,
          headers: { 'content-type': body.type },
        });
        const json = res.json();
        if (res.statusCode !== 401 || json.errors !== undefined || json.type !== 'https://woningbouwmonitor.nl/problemen/niet-ingelogd') {
          problems.push(`${route.method} ${route.url} ${body.payload.slice(0, 20)}: ${res.statusCode} ${res.body.slice(0, 150)}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('a body too large for any endpoint is not even read for the public (401, not 413)', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/projects',
      payload: `{"name":"${'x'.repeat(2 * 1024 * 1024)}"}`,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(401);
  });

  it('a signed-in caller without the role gets 403 before validation (no list of field errors)', async () => {
    const roleRoutes = ROUTE_RULES.filter((r) => Array.isArray(r.access) && !r.access.includes('gemeente_editor'));
    expect(roleRoutes.length).toBeGreaterThan(0);
    for (const route of roleRoutes) {
      const res = await app.inject({
        method: route.method as 'POST',
        url: fill(route.url),
        headers: { ...headers.gemeente_editor, 'content-type': 'application/json' },
        payload: '{"homes":"veel","geoLevel":7}',
      });
      expect(res.statusCode, `${route.method} ${route.url}: ${res.body}`).toBe(403);
      expect(res.json().errors).toBeUndefined();
    }
  });

  it('bodies nested deeper than 32 levels are refused with 400 problem+json before parsing; 32 levels are parsed', async () => {
    const nest = (depth: number) =>
      `{"name":"Diep","gemeenteCode":"GM0363","planStatus":"visie","extra":${'['.repeat(depth - 1)}1${']'.repeat(depth - 1)}}`;
    const deep = await app.inject({
      method: 'POST',
      url: '/api/v1/projects',
      headers: { ...headers.beheerder, 'content-type': 'application/json' },
      payload: nest(33),
    });
    expect(deep.statusCode).toBe(400);
    expect(deep.headers['content-type']).toContain('application/problem+json');
    expect(deep.json().detail).toContain('te diep genest');
    // Exactly at the limit the body is parsed, and validation decides (an unknown field is not stored).
    const atLimit = await app.inject({
      method: 'POST',
      url: '/api/v1/projects',
      headers: { ...headers.beheerder, 'content-type': 'application/json' },
      payload: nest(32),
    });
    expect(atLimit.json().detail ?? '').not.toContain('te diep genest');
    // Brackets inside strings do not count as nesting.
    const inString = await app.inject({
      method: 'POST',
      url: '/api/v1/projects',
      headers: { ...headers.beheerder, 'content-type': 'application/json' },
      payload: JSON.stringify({ name: `Haakjes ${'['.repeat(100)}`, gemeenteCode: 'GM0363', planStatus: 'visie' }),
    });
    expect(inString.statusCode, inString.body).toBe(201);
  });

  it('/health answers without any project data or counts', async () => {
    const res = await app.inject({ url: '/api/v1/health' });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json()).sort()).toEqual(['database', 'status']);
  });
});

describe('demo accounts and demo mode (issue 8 items 4, 5; SPEC §7)', () => {
  const fillParams = (url: string) =>
    url.replace(/:[A-Za-z]+/g, (p) =>
      p === ':code' ? 'M11' : p === ':regionId' ? 'vt-amsterdam-e-o' : p === ':areaId' ? 'provincie:PV27' : crypto.randomUUID(),
    );
  /** A demo account's API token and browser session, made while demo mode is on. */
  async function demoCredentials(role: Exclude<Role, 'publiek'>) {
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
    const { token } = await services.auth.createApiToken(principal, 'demo');
    const signIn = await app.inject({ method: 'POST', url: '/api/v1/auth/demo', payload: { role } });
    expect(signIn.statusCode, signIn.body).toBe(200);
    const session = signIn.cookies.find((c) => c.name === 'wbm_session')!.value;
    return {
      token: { authorization: `Bearer ${token}` },
      session: { cookie: `wbm_session=${session}`, 'x-csrf-token': signIn.json().csrfToken as string },
    };
  }

  it('with demo mode off, every demo session and demo API token gets 401 on every non-public endpoint', async () => {
    const credentials = [await demoCredentials('beheerder'), await demoCredentials('ministerie_analist'), await demoCredentials('gemeente_editor')];
    const strict = await buildApp({ services: createServices(t.db, { auth: { ...TEST_AUTH_OPTIONS, demoMode: false } }) });
    try {
      const routes = ROUTE_RULES.filter((r) => r.access !== 'public');
      expect(routes.length).toBeGreaterThan(30);
      const problems: string[] = [];
      for (const { token, session } of credentials) {
        for (const route of routes) {
          for (const [kind, h] of [
            ['token', token],
            ['session', session],
          ] as const) {
            const res = await strict.inject({
              method: route.method as 'GET',
              url: fillParams(route.url),
              headers: { ...h, 'content-type': 'application/json' },
              payload: route.method === 'GET' ? undefined : '{}',
            });
            if (res.statusCode !== 401) problems.push(`${kind} ${route.method} ${route.url}: ${res.statusCode} ${res.body.slice(0, 120)}`);
          }
        }
        // Who am I: nobody (the session is not recognised), and demo sign-in is refused.
        expect((await strict.inject({ url: '/api/v1/auth/me', headers: session })).json().principal?.kind ?? 'anonymous').toBe('anonymous');
      }
      expect((await strict.inject({ method: 'POST', url: '/api/v1/auth/demo', payload: { role: 'beheerder' } })).statusCode).toBeGreaterThanOrEqual(
        400,
      );
      expect(problems).toEqual([]);
      // The same credentials still work while demo mode is on (the refusal is demo mode, not the credentials).
      expect((await app.inject({ url: '/api/v1/projects', headers: at(credentials, 0).token })).statusCode).toBe(200);
    } finally {
      await strict.close();
    }
  });

  it('with demo mode on, demo roles cannot read or change a real project (404 as for an unknown one) nor change a real target', async () => {
    const unknown = crypto.randomUUID();
    const shape = (r: { statusCode: number; body: string }, id: string) => ({ status: r.statusCode, body: r.body.replaceAll(id, '<id>') });
    const realTarget = (await admin({ method: 'POST', url: '/api/v1/targets', payload: provinceTarget() })).json();
    for (const role of ['beheerder', 'ministerie_analist', 'gemeente_editor', 'tafel_secretaris'] as const) {
      const { token } = await demoCredentials(role);
      const as = (opts: InjectOptions) => app.inject({ ...opts, headers: { ...token, ...(opts.headers ?? {}) } });
      for (const path of ['', '/milestones', '/knelpunten', '/audit', '/baseline-history', '/changes', '/snapshots', '/alternatives']) {
        const real = await as({ url: `/api/v1/projects/${ids.own}${path}` });
        const none = await as({ url: `/api/v1/projects/${unknown}${path}` });
        expect(shape(real, ids.own), `${role} GET ${path}`).toEqual(shape(none, unknown));
        expect(real.statusCode).toBe(404);
      }
      const v = await version(ids.own);
      expect((await as({ method: 'PATCH', url: `/api/v1/projects/${ids.own}`, payload: { version: v, name: 'Gekaapt' } })).statusCode, role).toBe(
        404,
      );
      expect((await as({ method: 'DELETE', url: `/api/v1/projects/${ids.own}?version=${v}` })).statusCode, role).toBe(404);
      expect(
        (
          await as({
            method: 'POST',
            url: `/api/v1/projects/${ids.own}/knelpunten`,
            payload: { category: 'stikstof', description: 'Demo', raisedDate: '2026-01-01' },
          })
        ).statusCode,
        role,
      ).toBe(404);
      const list = (await as({ url: '/api/v1/projects?limit=500' })).json();
      expect(
        list.items.some((p: { synthetic: boolean }) => !p.synthetic),
        role,
      ).toBe(false);
      const target = await as({ method: 'PATCH', url: `/api/v1/targets/${realTarget.id}`, payload: { version: realTarget.version, homes: 1 } });
      expect([403, 404], `${role} PATCH target: ${target.body}`).toContain(target.statusCode);
    }
    expect((await version(ids.own)) > 0).toBe(true);
    expect((await admin({ url: `/api/v1/targets?geoCode=PV27` })).json().items.find((x: { id: string }) => x.id === realTarget.id).homes).toBe(1000);
  });
});
