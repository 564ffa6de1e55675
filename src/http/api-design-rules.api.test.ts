/**
 * The NLGov REST API Design Rules core rules (SPEC §7: REST per the Dutch API Design Rules) on the running
 * API and on the OpenAPI document it generates: API-Version on every response, problem+json errors,
 * 400 documented for every operation with input, the major version in the server URL, a contact.
 * On PGlite and, with DATABASE_URL, on PostgreSQL.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountWithToken, authedInject, TEST_AUTH_OPTIONS } from '../../test/helpers/auth.ts';
import { createTestDb, type TestDb } from '../../test/helpers/test-db.ts';
import { loadConfig } from '../config.ts';
import { gemeenteOrganisationId } from '../domain/identifiers.ts';
import { createServices, type Services } from '../services/container.ts';
import { API_MAJOR_VERSION, API_VERSION, DEFAULT_API_CONTACT, PROBLEM_MEDIA_TYPE } from './api-design.ts';
import { API_PREFIX, buildApp } from './app.ts';

type Json = Record<string, any>;

const ROOT = join(import.meta.dirname, '..', '..');

/** Errors of `spectral lint` with the project's ruleset (the same command as `npm run lint:api`). */
async function spectralErrors(file: string): Promise<Array<{ code: string; path: string[] }>> {
  const args = [
    'lint',
    '--fail-severity',
    'error',
    '--format',
    'json',
    '--quiet',
    '--ruleset',
    join(ROOT, 'api-rules', 'adr-core.spectral.yaml'),
    file,
  ];
  const { stdout } = await promisify(execFile)(join(ROOT, 'node_modules', '.bin', 'spectral'), args, {
    env: { ...process.env, SCARF_ANALYTICS: 'false' },
    maxBuffer: 64 * 1024 * 1024,
  }).catch((err: { stdout?: string }) => ({ stdout: err.stdout ?? '' }));
  return (JSON.parse(stdout) as Array<{ severity: number; code: string; path: string[] }>).filter((r) => r.severity === 0);
}

let t: TestDb;
let services: Services;
let app: FastifyInstance;
let inject: ReturnType<typeof authedInject>;

beforeAll(async () => {
  t = await createTestDb();
  services = createServices(t.db, { auth: TEST_AUTH_OPTIONS });
  app = await buildApp({ services });
  await app.ready();
  inject = authedInject(app, (await accountWithToken(services, 'beheerder')).headers);
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;

describe('API-Version response header (/core/version-header)', () => {
  it('is the full semantic version, the same as info.version, with the major version in the URI', () => {
    expect(API_VERSION).toMatch(SEMVER);
    expect(API_PREFIX).toBe(`/api/v${API_MAJOR_VERSION}`);
    expect((app.swagger() as Json).info.version).toBe(API_VERSION);
  });

  it('is sent on a 200', async () => {
    const res = await inject('/api/v1/gemeenten');
    expect(res.statusCode).toBe(200);
    expect(res.headers['api-version']).toBe(API_VERSION);
  });

  it('is sent on a 201', async () => {
    const res = await inject({
      method: 'POST',
      url: '/api/v1/projects',
      payload: {
        name: 'API-Version test',
        gemeenteCode: 'GM0363',
        planStatus: 'vastgesteld',
        origin: 'nieuwbouw',
        programme: [{ segment: 'sociale_huur', woningtype: 'gestapeld', doelgroep: 'regulier', homes: 10 }],
        jaarschijven: [{ year: 2028, segment: 'sociale_huur', homes: 10 }],
        parties: [{ organisationId: gemeenteOrganisationId('GM0363'), role: 'bevoegd_gezag' }],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers['api-version']).toBe(API_VERSION);
  });

  it('is sent on errors: 400, 401, 404 and a malformed URL, all problem+json with status, title and detail', async () => {
    const responses = [
      await inject({ method: 'POST', url: '/api/v1/projects', payload: {} }),
      await app.inject({ method: 'POST', url: '/api/v1/projects', payload: {} }),
      await inject('/api/v1/bestaat-niet'),
      await inject('/api/v1/gemeenten/%ED%A0%80'),
    ];
    expect(responses.map((r) => r.statusCode)).toEqual([400, 401, 404, 400]);
    for (const res of responses) {
      expect(res.headers['api-version']).toBe(API_VERSION);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      const body = res.json();
      expect(body).toMatchObject({ status: res.statusCode, title: expect.any(String), detail: expect.any(String) });
    }
  });
});

describe('OpenAPI document (API Design Rules core)', () => {
  const operations = (doc: Json) =>
    Object.entries(doc.paths as Json).flatMap(([path, item]) =>
      Object.entries(item as Json)
        .filter(([method]) => ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'].includes(method))
        .map(([method, op]) => ({ path, method, op: op as Json })),
    );
  const resolve = (doc: Json, node: Json): Json =>
    node.$ref
      ? node.$ref
          .replace(/^#\//, '')
          .split('/')
          .reduce((n: Json, k: string) => n[k], doc)
      : node;

  it('declares API-Version on every 2xx/3xx response', () => {
    const doc = app.swagger() as Json;
    const missing: string[] = [];
    for (const { path, method, op } of operations(doc)) {
      for (const [code, response] of Object.entries(op.responses as Json)) {
        if (!/^[23]/.test(code)) continue;
        const header = (response as Json).headers?.['API-Version'];
        if (!header || resolve(doc, header).schema?.type !== 'string') missing.push(`${method} ${path} ${code}`);
      }
    }
    expect(operations(doc).length).toBeGreaterThan(40);
    expect(missing).toEqual([]);
    expect(doc.components.headers['API-Version'].example).toBe(API_VERSION);
  });

  it('documents every 4xx/5xx as application/problem+json with status, title and detail (one shared Problem schema)', () => {
    const doc = app.swagger() as Json;
    const wrong: string[] = [];
    let errorResponses = 0;
    for (const { path, method, op } of operations(doc)) {
      for (const [code, response] of Object.entries(op.responses as Json)) {
        if (!/^[45]/.test(code)) continue;
        errorResponses += 1;
        const content = (response as Json).content ?? {};
        const schema = content[PROBLEM_MEDIA_TYPE]?.schema;
        const props = schema ? (resolve(doc, schema).properties ?? {}) : {};
        if (Object.keys(content).join() !== PROBLEM_MEDIA_TYPE || !props.status || !props.title || !props.detail)
          wrong.push(`${method} ${path} ${code}`);
      }
    }
    expect(errorResponses).toBeGreaterThan(100);
    expect(wrong).toEqual([]);
    expect(doc.components.schemas.Problem.required).toEqual(expect.arrayContaining(['type', 'title', 'status', 'detail']));
    expect(doc.paths['/projects'].post.responses['422'].content[PROBLEM_MEDIA_TYPE].schema).toEqual({ $ref: '#/components/schemas/Problem' });
  });

  it('documents 400 for every GET/DELETE with parameters and every PUT/POST/PATCH (/core/error-handling/invalid-input)', () => {
    const doc = app.swagger() as Json;
    const missing = operations(doc)
      .filter(({ method, op }) => ['put', 'post', 'patch'].includes(method) || (op.parameters?.length ?? 0) > 0)
      .filter(({ op }) => !op.responses['400'])
      .map(({ method, path }) => `${method} ${path}`);
    expect(missing).toEqual([]);
    expect(doc.paths['/auth/logout'].post.responses['400']).toBeDefined();
  });

  it('has the major version in the server URL with paths relative to it, and a contact (name, email, url)', () => {
    const doc = app.swagger() as Json;
    expect(doc.servers).toEqual([{ url: API_PREFIX }]);
    expect(Object.keys(doc.paths).filter((p) => p.startsWith('/api/') || p.endsWith('/'))).toEqual([]);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/projects', '/projects/{id}', '/gemeenten']));
    expect(doc.info.contact).toEqual(DEFAULT_API_CONTACT);
  });

  it('puts format date / date-time on the field itself, also when it may be null (/core/date-time)', () => {
    const doc = app.swagger() as Json;
    const milestone = resolve(
      doc,
      resolve(doc, doc.paths['/projects'].post.requestBody.content['application/json'].schema).properties.milestones.items,
    ).properties;
    expect(milestone.baselineDate).toMatchObject({ type: ['string', 'null'], format: 'date' });
    expect(milestone.actualDate).toMatchObject({ type: ['string', 'null'], format: 'date' });
    const round = resolve(doc, doc.paths['/rounds/{roundId}'].get.responses['200'].content['application/json'].schema);
    expect(round.properties.closedAt).toMatchObject({ type: ['string', 'null'], format: 'date-time' });
    expect(round.properties.openedAt).toMatchObject({ type: 'string', format: 'date-time' });
  });

  it('takes the contact from API_CONTACT_EMAIL and API_CONTACT_URL', async () => {
    const config = loadConfig({
      API_CONTACT_EMAIL: 'woningbouw@provincie.example.nl',
      API_CONTACT_URL: 'https://provincie.example.nl/woningbouwmonitor',
    });
    expect(config.apiContact).toEqual({ email: 'woningbouw@provincie.example.nl', url: 'https://provincie.example.nl/woningbouwmonitor' });
    const other = await buildApp({ services, apiContact: config.apiContact });
    try {
      await other.ready();
      expect((other.swagger() as Json).info.contact).toEqual({ name: 'Woningbouwmonitor', ...config.apiContact });
    } finally {
      await other.close();
    }
    expect(loadConfig({}).apiContact).toEqual({});
  });

  it('is served for the Swagger UI, and a call on the documented server URL works (Try it out)', async () => {
    const ui = await app.inject('/api/v1/docs/json');
    expect(ui.statusCode).toBe(200);
    const doc = ui.json();
    const res = await inject(`${doc.servers[0].url}/gemeenten`);
    expect(res.statusCode).toBe(200);
    expect((await app.inject('/api/v1/docs')).statusCode).toBeLessThan(400);
    const published = await app.inject('/api/v1/openapi.json');
    expect(published.headers['access-control-allow-origin']).toBe('*');
  });

  it('passes the Spectral ruleset of the API Design Rules core (npm run lint:api) with 0 errors', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wbm-adr-'));
    try {
      const file = join(dir, 'openapi.json');
      await writeFile(file, JSON.stringify(app.swagger(), null, 2));
      expect((await spectralErrors(file)).map((e) => `${e.code} ${e.path.join('.')}`)).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('the ruleset reports each core rule on a document that breaks it', async () => {
    const codes = new Set((await spectralErrors(join(ROOT, 'api-rules', 'fixtures', 'violations.openapi.json'))).map((e) => e.code));
    expect([...codes].sort()).toEqual(
      expect.arrayContaining([
        'nlgov:date-format',
        'nlgov:date-time-format',
        'nlgov:date-time-with-time-zone',
        'nlgov:doc-openapi-contact',
        'nlgov:http-methods',
        'nlgov:invalid-input-with-body',
        'nlgov:invalid-input-with-parameters',
        'nlgov:no-trailing-slash',
        'nlgov:path-segments-kebab-case',
        'nlgov:problem-details-media-type',
        'nlgov:problem-details-members',
        'nlgov:query-keys-camel-case',
        'nlgov:semver',
        'nlgov:uri-version',
        'nlgov:version-header',
      ]),
    );
  }, 120_000);
});
