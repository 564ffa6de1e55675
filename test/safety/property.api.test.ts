/**
 * Property-based tests of the API with random and hostile input (issue 4 "Done when", SPEC §7):
 * oversized strings, wrong types, SQL and HTML injection, invalid dates, huge numbers, unknown enum
 * values, extra properties and deeply nested junk at the project endpoints, the list query string and
 * the targets import. For every request:
 *   - the answer is 2xx or a 4xx application/problem+json, never 5xx;
 *   - a 400/422 names the problem (errors[].path and message, or detail);
 *   - a rejected request (and any GET) leaves the database exactly as it was (fingerprint: row counts
 *     and md5 of the project, part, knelpunt and target tables, audit_log count, the target project's
 *     version and updated_at);
 *   - an accepted string is stored and returned byte-for-byte (parameterised SQL, no mangling) and no
 *     field the client may not set is taken over.
 * Runs on PGlite, or PostgreSQL with DATABASE_URL. PROPERTY_RUNS_SCALE multiplies the number of runs.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne } from '../../src/storage/db.ts';
import { present, take } from '../helpers/present.ts';
import {
  DOELGROEPEN,
  KNELPUNT_CATEGORIES,
  MILESTONE_CODES,
  ORIGINS,
  OWNER_SIDES,
  PARTY_ROLES,
  PLAN_STATUSES,
  PROJECT_FLAGS,
  SEGMENTS,
  WONINGTYPES,
} from '../../src/domain/codes.ts';
import { gemeenteOrganisationId } from '../../src/domain/identifiers.ts';
import { MAX_TARGET_TEXT } from '../../src/domain/national.ts';
import { buildApp } from '../../src/http/app.ts';
import { ROUTE_RULES } from '../../src/http/auth.ts';
import { createServices } from '../../src/services/container.ts';
import { accountWithToken, ADMIN, TEST_AUTH_OPTIONS } from '../helpers/auth.ts';
import { createTestDb, type TestDb } from '../helpers/test-db.ts';
import { closeQuietly } from './pg-quiet-close.ts';
import {
  dateArb,
  enumArb,
  extraKeys,
  HTML_INJECTION,
  homesArb,
  hostileText,
  hugeNumber,
  JUNK_CONTENT_TYPES,
  junkBody,
  mutation,
  ODD_STRINGS,
  percentEncode,
  queryValue,
  SQL_INJECTION,
  toJson,
  wrongType,
} from './hostile.ts';

const SCALE = Number(process.env.PROPERTY_RUNS_SCALE ?? 1);
const runs = (n: number) => Math.max(1, Math.round(n * SCALE));

let t: TestDb;
let app: FastifyInstance;
let auth: Record<string, string>;
let target = '';
let knelpuntId = '';
let tablesBefore: string[] = [];

// ----- figures ------------------------------------------------------------------------------------

const stats = {
  requests: 0,
  accepted: 0,
  rejected: 0,
  byStatus: {} as Record<number, number>,
  byEndpoint: {} as Record<string, { requests: number; accepted: number; rejected: number }>,
  fingerprints: 0,
  byteForByte: 0,
};

function count(endpoint: string, status: number) {
  stats.requests += 1;
  stats.byStatus[status] = (stats.byStatus[status] ?? 0) + 1;
  const e = (stats.byEndpoint[endpoint] ??= { requests: 0, accepted: 0, rejected: 0 });
  e.requests += 1;
  if (status < 400) {
    stats.accepted += 1;
    e.accepted += 1;
  } else {
    stats.rejected += 1;
    e.rejected += 1;
  }
}

// ----- database fingerprint -----------------------------------------------------------------------

interface Fingerprint {
  projects: number;
  milestones: number;
  programme: number;
  jaarschijven: number;
  parties: number;
  knelpunten: number;
  audit: number;
  targets: number;
  projectsHash: string;
  partsHash: string;
  knelpuntenHash: string;
  targetsHash: string;
  targetVersion: number | null;
  targetUpdatedAt: string | null;
}

async function fingerprint(): Promise<Fingerprint> {
  stats.fingerprints += 1;
  const [row] = await t.db.query<Fingerprint>(
    `SELECT
      (SELECT count(*) FROM projects) AS "projects",
      (SELECT count(*) FROM project_milestones) AS "milestones",
      (SELECT count(*) FROM project_programme) AS "programme",
      (SELECT count(*) FROM project_jaarschijven) AS "jaarschijven",
      (SELECT count(*) FROM project_parties) AS "parties",
      (SELECT count(*) FROM knelpunten) AS "knelpunten",
      (SELECT count(*) FROM audit_log) AS "audit",
      (SELECT count(*) FROM targets) AS "targets",
      (SELECT md5(coalesce(string_agg(p::text, '|' ORDER BY p.id), '')) FROM projects p) AS "projectsHash",
      md5(
        (SELECT coalesce(string_agg(x::text, '|' ORDER BY x.project_id, x.code), '') FROM project_milestones x) ||
        (SELECT coalesce(string_agg(x::text, '|' ORDER BY x.project_id, x.segment, x.woningtype, x.doelgroep), '') FROM project_programme x) ||
        (SELECT coalesce(string_agg(x::text, '|' ORDER BY x.project_id, x.year, x.segment), '') FROM project_jaarschijven x) ||
        (SELECT coalesce(string_agg(x::text, '|' ORDER BY x.project_id, x.organisation_id, x.role), '') FROM project_parties x)
      ) AS "partsHash",
      (SELECT md5(coalesce(string_agg(k::text, '|' ORDER BY k.id), '')) FROM knelpunten k) AS "knelpuntenHash",
      (SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x.id), '')) FROM targets x) AS "targetsHash",
      (SELECT version FROM projects WHERE id = $1) AS "targetVersion",
      (SELECT updated_at::text FROM projects WHERE id = $1) AS "targetUpdatedAt"`,
    [target || '00000000-0000-4000-8000-000000000000'],
  );
  return present(row, 'fingerprint');
}

// ----- sending ------------------------------------------------------------------------------------

type Res = LightMyRequestResponse;

function describeRequest(opts: InjectOptions): string {
  const payload = typeof opts.payload === 'string' ? opts.payload : Buffer.isBuffer(opts.payload) ? `<${opts.payload.length} bytes>` : '';
  return `${opts.method ?? 'GET'} ${String(opts.url).slice(0, 300)} ${JSON.stringify(payload.slice(0, 400))}${payload.length > 400 ? `… (${payload.length} chars)` : ''}`;
}

/** A 4xx is problem+json; a 400/422 names the problem. Never a 5xx. */
function expectProblemShape(res: Res, what: string) {
  expect(res.statusCode, `5xx for ${what}: ${res.body.slice(0, 300)}`).toBeLessThan(500);
  if (res.statusCode < 400) return;
  expect(res.headers['content-type'], what).toContain('application/problem+json');
  const body = res.json() as { status: number; title: string; detail?: string; errors?: Array<{ path: string; message: string }> };
  expect(body.status, what).toBe(res.statusCode);
  expect(body.title, what).toBeTruthy();
  if (res.statusCode === 400 || res.statusCode === 422) {
    const namedByErrors =
      Array.isArray(body.errors) &&
      body.errors.length > 0 &&
      body.errors.every((e) => typeof e.path === 'string' && e.path.trim() !== '' && typeof e.message === 'string' && e.message.trim() !== '');
    const namedByDetail = typeof body.detail === 'string' && body.detail.trim() !== '';
    expect(namedByErrors || namedByDetail, `problem not named for ${what}: ${res.body.slice(0, 300)}`).toBe(true);
  }
}

/** Send one request; check its shape; a rejection or a read must leave the database as it was. */
async function send(endpoint: string, opts: InjectOptions): Promise<{ res: Res; before: Fingerprint }> {
  const before = await fingerprint();
  const res = await app.inject({ ...opts, headers: { ...auth, ...(opts.headers ?? {}) } });
  count(endpoint, res.statusCode);
  const what = describeRequest(opts);
  expectProblemShape(res, what);
  if (res.statusCode >= 400 || (opts.method ?? 'GET') === 'GET') {
    expect(await fingerprint(), `database changed by ${res.statusCode} ${what}`).toEqual(before);
  }
  return { res, before };
}

const json = (payload: unknown, contentType = 'application/json') => ({ payload: toJson(payload), headers: { 'content-type': contentType } });

async function currentVersion(id: string): Promise<number> {
  const [row] = take(await t.db.query<{ version: number }>('SELECT version FROM projects WHERE id = $1', [id]), 1);
  return row.version;
}

/** The stored strings of a project, straight from the table. */
async function storedProject(id: string) {
  const [row] = await t.db.query<{
    name: string;
    description: string | null;
    version: number;
    synthetic: boolean;
    provincie_code: string;
    gemeente_code: string;
  }>('SELECT name, description, version, synthetic, provincie_code, gemeente_code FROM projects WHERE id = $1', [id]);
  return row;
}

async function provincieOf(gemeenteCode: string): Promise<string> {
  const [row] = take(await t.db.query<{ provincie_code: string }>('SELECT provincie_code FROM gemeenten WHERE code = $1', [gemeenteCode]), 1);
  return row.provincie_code;
}

// ----- arbitraries of request bodies ---------------------------------------------------------------

const programmeLine = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ segment: enumArb(SEGMENTS), woningtype: enumArb(WONINGTYPES), doelgroep: enumArb(DOELGROEPEN), homes: homesArb }),
  },
  { weight: 1, arbitrary: wrongType },
);
const jaarschijf = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      year: fc.oneof(fc.integer({ min: 1990, max: 2110 }), hugeNumber, wrongType),
      segment: enumArb(SEGMENTS),
      homes: homesArb,
    }),
  },
  { weight: 1, arbitrary: wrongType },
);
const milestone = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record(
      {
        code: enumArb(MILESTONE_CODES),
        ownerSide: enumArb(OWNER_SIDES),
        baselineDate: dateArb,
        forecastDate: dateArb,
        actualDate: dateArb,
        homes: homesArb,
      },
      { requiredKeys: ['code'] },
    ),
  },
  { weight: 1, arbitrary: wrongType },
);
const party = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      organisationId: fc.oneof(fc.constant(gemeenteOrganisationId('GM0363')), fc.uuid(), hostileText, wrongType),
      role: enumArb(PARTY_ROLES),
    }),
  },
  { weight: 1, arbitrary: wrongType },
);
const tooMany = (n: number) =>
  fc.constant(Array.from({ length: n }, (_, i) => ({ segment: 'sociale_huur', woningtype: 'gestapeld', doelgroep: 'regulier', homes: i })));

const projectFields = {
  name: fc.oneof({ weight: 5, arbitrary: hostileText }, { weight: 1, arbitrary: wrongType }),
  gemeenteCode: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom('GM0363', 'GM0599', 'GM0014') },
    { weight: 2, arbitrary: fc.constantFrom('GM9999', 'gm0363', 'GM036', 'GM03633', "GM0363' OR 1=1 --", 'PV27', '') },
    { weight: 1, arbitrary: wrongType },
  ),
  description: fc.oneof({ weight: 5, arbitrary: hostileText }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: wrongType }),
  planStatus: enumArb(PLAN_STATUSES),
  origin: enumArb(ORIGINS),
  flags: fc.oneof(fc.subarray([...PROJECT_FLAGS]), fc.array(enumArb(PROJECT_FLAGS), { maxLength: 8 }), wrongType),
  location: fc.oneof(
    fc.record({
      lon: fc.oneof(fc.double({ min: 3.2, max: 7.3, noNaN: true }), hugeNumber, wrongType),
      lat: fc.oneof(fc.double({ min: 50.7, max: 53.7, noNaN: true }), hugeNumber, wrongType),
    }),
    fc.constant(null),
    wrongType,
  ),
  programme: fc.oneof(
    { weight: 4, arbitrary: fc.array(programmeLine, { maxLength: 4 }) },
    { weight: 1, arbitrary: wrongType },
    { weight: 1, arbitrary: tooMany(201) },
  ),
  jaarschijven: fc.oneof({ weight: 4, arbitrary: fc.array(jaarschijf, { maxLength: 4 }) }, { weight: 1, arbitrary: wrongType }),
  milestones: fc.oneof({ weight: 4, arbitrary: fc.array(milestone, { maxLength: 4 }) }, { weight: 1, arbitrary: wrongType }),
  parties: fc.oneof({ weight: 4, arbitrary: fc.array(party, { maxLength: 2 }) }, { weight: 1, arbitrary: wrongType }),
};

/** A structured body (base + hostile fields − required fields + extras), or junk text. */
function bodyArb(base: Record<string, unknown>, fields: Record<string, fc.Arbitrary<unknown>>, required: string[]) {
  return fc.oneof(
    {
      weight: 9,
      arbitrary: fc
        .tuple(mutation(fields), fc.subarray(required, { maxLength: 1 }), fc.option(extraKeys, { freq: 3 }))
        .map(([changed, removed, extras]) => {
          const body: Record<string, unknown> = { ...base, ...(extras ?? {}), ...changed };
          for (const k of removed) delete body[k];
          return { kind: 'structured' as const, body };
        }),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(junkBody, fc.constantFrom(...JUNK_CONTENT_TYPES)).map(([text, type]) => ({ kind: 'junk' as const, text, type })),
    },
  );
}
type BodyCase = { kind: 'structured'; body: Record<string, unknown> } | { kind: 'junk'; text: string; type: string };
const payloadOf = (c: BodyCase) => (c.kind === 'structured' ? json(c.body) : { payload: c.text, headers: { 'content-type': c.type } });

/** The version sent: mostly the current one (so validation is what decides), else stale or hostile. */
const versionArb = fc.oneof(
  { weight: 8, arbitrary: fc.constant<unknown>('current') },
  { weight: 1, arbitrary: fc.constant<unknown>('stale') },
  { weight: 2, arbitrary: fc.oneof(wrongType, hugeNumber, fc.constantFrom<unknown>(0, -1, 2 ** 31, 99_999_999_999)) },
);
const resolveVersion = (v: unknown, current: number) =>
  v === 'current' ? current : v === 'stale' ? Math.max(1, current - 1) + (current === 1 ? 1 : 0) : v;

/**
 * What reading a stored text gives back. PGlite's protocol decoder (a `TextDecoder` with the default
 * ignoreBOM: false) drops a leading U+FEFF from every text value it reads; the bytes in the database
 * are exact (see the dedicated test below) and PostgreSQL returns them unchanged.
 */
const readBack = <T>(s: T): T => (typeof s === 'string' && t.db.kind === 'pglite' ? (s.replace(/^\uFEFF/, '') as T) : s);

/** Accepted string fields come back and are stored byte-for-byte (name is trimmed by design). */
async function expectProjectStrings(id: string, sent: Record<string, unknown>, returned: { name: string; description: string | null }) {
  const stored = present(await storedProject(id));
  expect(stored.name).toBe(returned.name);
  expect(stored.description).toBe(readBack(returned.description));
  if (typeof sent.name === 'string') expect(returned.name).toBe(sent.name.trim());
  if ('description' in sent) expect(returned.description).toBe(sent.description);
  stats.byteForByte += 1;
  return stored;
}

// ----- setup --------------------------------------------------------------------------------------

const MILESTONES = [
  { code: 'M06', baselineDate: '2026-03-01', forecastDate: '2026-03-01' },
  { code: 'M09', baselineDate: '2027-01-01', forecastDate: '2027-02-01' },
  { code: 'M11', baselineDate: '2027-06-01', forecastDate: '2027-07-01' },
  { code: 'M12', baselineDate: '2029-06-01', forecastDate: '2029-09-01' },
];

beforeAll(async () => {
  t = await createTestDb();
  const services = createServices(t.db, { auth: TEST_AUTH_OPTIONS });
  app = await buildApp({ services });
  auth = (await accountWithToken(services, 'beheerder')).headers;
  const created = await app.inject({
    method: 'POST',
    url: '/api/v1/projects',
    headers: auth,
    payload: {
      name: 'Doelwit',
      gemeenteCode: 'GM0363',
      planStatus: 'vastgesteld',
      programme: [{ segment: 'sociale_huur', woningtype: 'gestapeld', doelgroep: 'regulier', homes: 40 }],
      milestones: MILESTONES,
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  target = created.json().id;
  const k = await app.inject({
    method: 'POST',
    url: `/api/v1/projects/${target}/knelpunten`,
    headers: auth,
    payload: { category: 'stikstof', description: 'Vast knelpunt', raisedDate: '2026-01-01' },
  });
  expect(k.statusCode, k.body).toBe(201);
  knelpuntId = k.json().id;
  tablesBefore = (
    await t.db.query<{ t: string }>("SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1")
  ).map((r) => r.t);
});

afterAll(async () => {
  const endpoints = Object.entries(stats.byEndpoint)
    .map(
      ([e, s]) =>
        `  ${e.padEnd(44)} ${String(s.requests).padStart(5)} requests, ${String(s.accepted).padStart(4)} accepted, ${String(s.rejected).padStart(5)} rejected`,
    )
    .join('\n');
  console.log(
    `[property] ${t?.db.kind}: ${stats.requests} requests (${stats.accepted} accepted, ${stats.rejected} rejected), ` +
      `statuses ${JSON.stringify(stats.byStatus)}, ${stats.fingerprints} database fingerprints compared, ` +
      `${stats.byteForByte} accepted writes checked byte-for-byte\n${endpoints}`,
  );
  await app?.close();
  await closeQuietly(t);
});

// ----- properties ---------------------------------------------------------------------------------

describe('hostile input at the API (property-based)', () => {
  it('POST /api/v1/projects', async () => {
    const base = { name: 'Basis', gemeenteCode: 'GM0363', planStatus: 'vastgesteld' };
    const fields = { ...projectFields, synthetic: fc.oneof(fc.boolean(), wrongType) };
    await fc.assert(
      fc.asyncProperty(bodyArb(base, fields, ['name', 'gemeenteCode', 'planStatus']), async (c) => {
        const { res, before } = await send('POST /projects', { method: 'POST', url: '/api/v1/projects', ...payloadOf(c) });
        if (res.statusCode !== 201) return;
        expect(c.kind).toBe('structured');
        const sent = (c as { body: Record<string, unknown> }).body;
        const created = res.json();
        const stored = present(await expectProjectStrings(created.id, sent, created));
        // Fields the client may not set are not taken over.
        expect(created.id).not.toBe(sent.id);
        expect(stored.version).toBe(1);
        expect(stored.synthetic).toBe(sent.synthetic === true);
        expect(stored.provincie_code).toBe(await provincieOf(stored.gemeente_code));
        const after = await fingerprint();
        expect(after.projects).toBe(before.projects + 1);
        expect(after.audit).toBe(before.audit + 1);
        const again = await send('GET /projects/{id}', { url: `/api/v1/projects/${created.id}` });
        expect(again.res.json()).toMatchObject({ name: created.name, description: readBack(created.description) });
      }),
      { numRuns: runs(225) },
    );
  });

  it('PATCH /api/v1/projects/{id}', async () => {
    await fc.assert(
      fc.asyncProperty(mutation(projectFields, 3), fc.option(extraKeys, { freq: 3 }), versionArb, async (changed, extras, v) => {
        const current = await currentVersion(target);
        const sent: Record<string, unknown> = { ...(extras ?? {}), ...changed, version: resolveVersion(v, current) };
        const { res, before } = await send('PATCH /projects/{id}', { method: 'PATCH', url: `/api/v1/projects/${target}`, ...json(sent) });
        if (res.statusCode !== 200) return;
        const updated = res.json();
        expect(updated.id).toBe(target);
        expect(updated.version).toBe(current + 1);
        const stored = present(await expectProjectStrings(target, sent, updated));
        expect(stored.version).toBe(current + 1);
        expect((await fingerprint()).audit).toBe(before.audit + 1);
      }),
      { numRuns: runs(225) },
    );
  });

  it('PUT /api/v1/projects/{id}/milestones|programme|jaarschijven|parties', async () => {
    const items = {
      milestones: fc.array(milestone, { maxLength: 5 }),
      programme: fc.oneof(fc.array(programmeLine, { maxLength: 4 }), tooMany(201)),
      jaarschijven: fc.array(jaarschijf, { maxLength: 4 }),
      parties: fc.array(party, { maxLength: 3 }),
    };
    const tables = {
      milestones: 'project_milestones',
      programme: 'project_programme',
      jaarschijven: 'project_jaarschijven',
      parties: 'project_parties',
    } as const;
    const partCase = fc.constantFrom(...(Object.keys(items) as Array<keyof typeof items>)).chain((part) =>
      fc.tuple(
        fc.constant(part),
        fc.oneof({ weight: 5, arbitrary: items[part] }, { weight: 1, arbitrary: wrongType }),
        versionArb,
        fc.option(extraKeys, { freq: 4 }),
        fc.oneof({ weight: 9, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
        // Half of the time: the current list with one field of one item changed (so more edits pass validation).
        fc.option(
          fc.record({
            index: fc.nat(),
            field: fc.constantFrom(
              'forecastDate',
              'actualDate',
              'baselineDate',
              'homes',
              'ownerSide',
              'segment',
              'year',
              'role',
              'organisationId',
              'doelgroep',
            ),
            value: fc.oneof(dateArb, homesArb, enumArb([...OWNER_SIDES, ...SEGMENTS, ...PARTY_ROLES, ...DOELGROEPEN]), hostileText),
          }),
          { freq: 2 },
        ),
      ),
    );
    await fc.assert(
      fc.asyncProperty(partCase, async ([part, generated, v, extras, withItems, edit]) => {
        const current = await currentVersion(target);
        let list: unknown = generated;
        if (edit) {
          const now = (await app.inject({ url: `/api/v1/projects/${target}`, headers: auth })).json()[part] as Array<Record<string, unknown>>;
          list = now.map((item, i) => (now.length > 0 && i === edit.index % now.length ? { ...item, [edit.field]: edit.value } : item));
        }
        const sent: Record<string, unknown> = { ...(extras ?? {}), version: resolveVersion(v, current), ...(withItems ? { items: list } : {}) };
        const { res } = await send(`PUT /projects/{id}/${part}`, { method: 'PUT', url: `/api/v1/projects/${target}/${part}`, ...json(sent) });
        if (res.statusCode !== 200) return;
        expect(res.json().version).toBe(current + 1);
        // Exactly the items sent are stored: nothing more, nothing less.
        const { n } = await queryOne<{ n: number }>(t.db, `SELECT count(*) AS n FROM ${tables[part]} WHERE project_id = $1`, [target]);
        expect(n).toBe((sent.items as unknown[]).length);
        stats.byteForByte += 1;
      }),
      { numRuns: runs(180) },
    );
  });

  it('PATCH /api/v1/projects/{id}/milestones/{code}', async () => {
    const code = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...MILESTONE_CODES).map((c) => c as string) },
      { weight: 1, arbitrary: fc.constantFrom('M13', 'M00', 'm01', 'M1', "M01'--", '..', 'M01;DROP TABLE projects').map(percentEncode) },
      { weight: 1, arbitrary: fc.constantFrom('%00', 'M01%00', '%2e%2e', '%ED%A0%80', '%') },
    );
    const change = mutation(
      { forecastDate: dateArb, baselineDate: dateArb, actualDate: dateArb, ownerSide: enumArb(OWNER_SIDES), homes: homesArb },
      3,
    );
    await fc.assert(
      fc.asyncProperty(code, change, versionArb, fc.option(extraKeys, { freq: 4 }), async (c, changed, v, extras) => {
        const current = await currentVersion(target);
        const sent: Record<string, unknown> = { ...(extras ?? {}), ...changed, version: resolveVersion(v, current) };
        const { res } = await send('PATCH /projects/{id}/milestones/{code}', {
          method: 'PATCH',
          url: `/api/v1/projects/${target}/milestones/${c}`,
          ...json(sent),
        });
        if (res.statusCode !== 200) return;
        const body = res.json();
        expect(body.version).toBe(current + 1);
        const m = body.milestones.find((x: { code: string }) => x.code === c);
        const [row] = take(
          await t.db.query<{ forecast: string | null }>(
            'SELECT forecast_date AS forecast FROM project_milestones WHERE project_id = $1 AND code = $2',
            [target, c],
          ),
          1,
        );
        expect(row.forecast).toBe(m.forecastDate);
        if ('forecastDate' in sent) expect(m.forecastDate).toBe(sent.forecastDate);
        stats.byteForByte += 1;
      }),
      { numRuns: runs(150) },
    );
  });

  it('POST /api/v1/projects/{id}/knelpunten', async () => {
    const base = { category: 'stikstof', description: 'Basis', raisedDate: '2026-01-01' };
    const fields = {
      category: enumArb(KNELPUNT_CATEGORIES),
      description: fc.oneof({ weight: 5, arbitrary: hostileText }, { weight: 1, arbitrary: wrongType }),
      owner: fc.oneof({ weight: 4, arbitrary: hostileText }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: wrongType }),
      raisedDate: dateArb,
      escalated: fc.oneof(fc.boolean(), wrongType),
      resolution: fc.oneof({ weight: 4, arbitrary: hostileText }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: wrongType }),
      resolvedDate: fc.oneof(dateArb, fc.constant(null)),
    };
    await fc.assert(
      fc.asyncProperty(bodyArb(base, fields, ['category', 'description', 'raisedDate']), async (c) => {
        const { res, before } = await send('POST /projects/{id}/knelpunten', {
          method: 'POST',
          url: `/api/v1/projects/${target}/knelpunten`,
          ...payloadOf(c),
        });
        if (res.statusCode !== 201) return;
        const sent = (c as { body: Record<string, unknown> }).body;
        const k = res.json();
        expect(k.projectId).toBe(target);
        expect(k.id).not.toBe(sent.id);
        expect(k.version).toBe(1);
        const [row] = await t.db.query<{ description: string; owner: string | null; resolution: string | null }>(
          'SELECT description, owner, resolution FROM knelpunten WHERE id = $1',
          [k.id],
        );
        expect(row).toEqual({ description: k.description, owner: readBack(k.owner), resolution: readBack(k.resolution) });
        if (typeof sent.description === 'string') expect(k.description).toBe(sent.description.trim());
        // Free texts are stored trimmed; a blank one is stored as "none" (null).
        const trimmedOrNull = (v: unknown) => (typeof v === 'string' ? v.trim() || null : null);
        expect(k.owner).toBe(trimmedOrNull(sent.owner));
        expect(k.resolution).toBe(trimmedOrNull(sent.resolution));
        stats.byteForByte += 1;
        const after = await fingerprint();
        expect(after.knelpunten).toBe(before.knelpunten + 1);
        expect(after.audit).toBe(before.audit + 1);
      }),
      { numRuns: runs(180) },
    );
  });

  it('GET /api/v1/projects with a hostile query string', async () => {
    const key = fc.constantFrom(
      'gemeente',
      'provincie',
      'region',
      'year',
      'planStatus',
      'phase',
      'status',
      'flags',
      'synthetic',
      'q',
      'sort',
      'limit',
      'offset',
      'unknown',
      'gemeente[]',
      '__proto__',
      'constructor',
      'q[]',
      "q'",
      '',
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(key, queryValue), { maxLength: 5 }), async (pairs) => {
        const qs = pairs.map(([k, v]) => `${percentEncode(k)}=${v}`).join('&');
        const { res } = await send('GET /projects?…', { url: `/api/v1/projects?${qs}` });
        if (res.statusCode !== 200) return;
        const body = res.json();
        expect(Array.isArray(body.items)).toBe(true);
        expect(body.total).toBeGreaterThanOrEqual(body.items.length);
      }),
      { numRuns: runs(300) },
    );
  });

  it('hostile ids and versions in the path and query of project and knelpunt endpoints', async () => {
    const id = fc.oneof(
      fc
        .constantFrom(
          ...SQL_INJECTION,
          ...HTML_INJECTION,
          '00000000-0000-0000-0000-000000000000',
          'null',
          '1',
          '-1',
          'ffffffff-ffff-ffff-ffff-ffffffffffff',
        )
        .map(percentEncode),
      fc.uuid(),
      fc.constantFrom('%00', '%ED%A0%80', '%', '..%2F..%2F', `${'a'.repeat(5000)}`),
    );
    const version = fc.oneof(queryValue, fc.constantFrom('99999999999', '2147483648', '1e308', '-0', '0', '1.5', 'abc', ''));
    const op = fc.constantFrom('get', 'patch', 'audit', 'knelpunt', 'deleteProject', 'deleteKnelpunt');
    await fc.assert(
      fc.asyncProperty(op, id, version, async (o, hostileId, v) => {
        // A version equal to the current one would really delete: that is not hostile input.
        const current = o === 'deleteKnelpunt' ? 1 : await currentVersion(target);
        const versionParam = Number(decodeURIComponentSafe(v)) === current ? 'x' : v;
        const opts: Record<string, InjectOptions> = {
          get: { url: `/api/v1/projects/${hostileId}` },
          patch: { method: 'PATCH', url: `/api/v1/projects/${hostileId}`, ...json({ version: 1, name: 'x' }) },
          audit: { url: `/api/v1/projects/${hostileId}/audit` },
          knelpunt: {
            method: 'POST',
            url: `/api/v1/projects/${hostileId}/knelpunten`,
            ...json({ category: 'stikstof', description: 'x', raisedDate: '2026-01-01' }),
          },
          deleteProject: { method: 'DELETE', url: `/api/v1/projects/${target}?version=${versionParam}` },
          deleteKnelpunt: { method: 'DELETE', url: `/api/v1/projects/${target}/knelpunten/${knelpuntId}?version=${versionParam}` },
        };
        const request = present(opts[o], o);
        const { res } = await send(`${o} (hostile id/version)`, request);
        expect(res.statusCode, describeRequest(request)).toBeGreaterThanOrEqual(400);
      }),
      { numRuns: runs(180) },
    );
  });

  it('POST /api/v1/targets/import with hostile spreadsheets', async () => {
    const HEADERS = [
      'geoLevel',
      'geoCode',
      'geoName',
      'periodStart',
      'periodEnd',
      'homes',
      'share',
      'unit',
      'metric',
      'kind',
      'sourceRef',
      'sourceUrl',
      'sourceQuote',
      'note',
      'preferred',
    ];
    const numberText = fc.constantFrom(
      '1e308',
      '99999999999',
      '2147483648',
      '-0',
      '-1',
      'NaN',
      '1.000',
      '1,5',
      '12%',
      '0,3',
      '1e-320',
      '',
      '0x10',
      'Infinity',
      '2^53',
      '9007199254740993',
    );
    const cell = fc.oneof({ weight: 3, arbitrary: hostileText }, { weight: 2, arbitrary: numberText });
    const row = fc
      .tuple(
        fc.constantFrom('GM0363', 'GM0599', 'GM0014'),
        fc.nat({ max: 1_000_000 }),
        mutation(Object.fromEntries(HEADERS.map((h) => [h, cell])), 2),
      )
      .map(([code, n, changed]) => ({
        geoLevel: 'gemeente',
        geoCode: code,
        geoName: 'Basis',
        periodStart: '2026',
        periodEnd: '2030',
        homes: '1000',
        kind: `property-${n}`,
        sourceRef: 'property test',
        ...(changed as Record<string, string>),
      }));
    const spreadsheet = fc.record({
      rows: fc.array(row, { minLength: 1, maxLength: 6 }),
      delimiter: fc.constantFrom(',', ';', '\t'),
      extraColumn: fc.option(fc.constantFrom('onbekend', "'; DROP TABLE targets; --", '<script>x</script>', 'geoName'), { freq: 4 }),
      format: fc.constantFrom('csv', 'csv', 'csv', 'xlsx'),
    });
    const rawBody = fc.oneof(
      fc.uint8Array({ maxLength: 2000 }).map((b) => ({ body: Buffer.from(b), type: 'text/csv' })),
      fc
        .uint8Array({ maxLength: 500 })
        .map((b) => ({ body: Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.from(b)]), type: 'application/octet-stream' })),
      fc.constantFrom(
        { body: Buffer.alloc(0), type: 'text/csv' },
        { body: Buffer.from('geoLevel;geoName\n'), type: 'text/csv' },
        { body: Buffer.from('"unclosed,quote\nx'), type: 'text/csv' },
        { body: Buffer.from(toJson({ rows: [{ geoLevel: 'nation' }] })), type: 'application/json' },
        { body: Buffer.from('--x\r\nContent-Disposition: form-data; name="file"\r\n\r\na,b\r\n--x--'), type: 'multipart/form-data; boundary=x' },
        { body: Buffer.from('<targets/>'), type: 'application/xml' },
        {
          body: Buffer.from(`geoLevel,geoCode,geoName,periodStart,periodEnd,homes,sourceRef\n${'gemeente,GM0363,A,2026,2030,1,r\n'.repeat(5001)}`),
          type: 'text/csv',
        },
      ),
    );
    const caseArb = fc.oneof(
      { weight: 5, arbitrary: spreadsheet.map((s) => ({ kind: 'sheet' as const, ...s })) },
      { weight: 2, arbitrary: rawBody.map((r) => ({ kind: 'raw' as const, ...r })) },
    );

    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        let body: Buffer;
        let type: string;
        let rows: Array<Record<string, string>> = [];
        if (c.kind === 'raw') {
          body = c.body;
          type = c.type;
        } else {
          rows = c.rows;
          const columns = [...HEADERS, ...(c.extraColumn ? [c.extraColumn] : [])];
          const data = rows.map((r) => ({ ...r, ...(c.extraColumn ? { [c.extraColumn]: 'x' } : {}) }));
          if (c.format === 'csv') {
            body = Buffer.from(Papa.unparse(data, { columns, delimiter: c.delimiter }), 'utf8');
            type = 'text/csv';
          } else {
            const wb = new ExcelJS.Workbook();
            const ws = wb.addWorksheet('doelen');
            ws.addRow(columns);
            for (const r of data) ws.addRow(columns.map((col) => (r as Record<string, string>)[col] ?? ''));
            body = Buffer.from(await wb.xlsx.writeBuffer());
            type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
          }
        }
        const { res, before } = await send('POST /targets/import', {
          method: 'POST',
          url: '/api/v1/targets/import',
          payload: body,
          headers: { 'content-type': type },
        });
        if (res.statusCode !== 200) return;
        const result = res.json() as { rows: number; created: number; updated: number; targets: Array<Record<string, unknown>> };
        expect(result.created + result.updated).toBe(result.rows);
        expect((await fingerprint()).targets).toBe(before.targets + result.created);
        if (c.kind === 'sheet' && !c.extraColumn) {
          // Each row is stored as sent (cells are trimmed by design), read back from the table.
          expect(result.rows).toBe(rows.length);
          for (const [i, r] of rows.entries()) {
            const saved = present(result.targets[i]);
            const [dbRow] = take(
              await t.db.query<{ geo_name: string; kind: string; source_ref: string | null; source_quote: string | null; note: string | null }>(
                'SELECT geo_name, kind, source_ref, source_quote, note FROM targets WHERE id = $1',
                [saved.id],
              ),
              1,
            );
            // A lone surrogate cannot travel in a UTF-8 file: it arrives (and is kept) as U+FFFD. An .xlsx file is XML,
            // which cannot hold the C0 control characters other than tab, line feed and carriage return: the spreadsheet
            // writer leaves them out, so U+0000 never reaches the API that way (a CSV file sends it, and is refused).
            const sentAs = (s: string) => {
              const utf8 = Buffer.from(s, 'utf8').toString('utf8');
              // eslint-disable-next-line no-control-regex -- these are the characters XML 1.0 cannot hold
              return c.format === 'xlsx' ? utf8.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '') : utf8;
            };
            const trimmedOrNull = (s: string | undefined) => (s === undefined || sentAs(s).trim() === '' ? null : sentAs(s).trim());
            expect(dbRow.geo_name).toBe(sentAs(present(r.geoName)).trim());
            expect(saved.geoName).toBe(dbRow.geo_name);
            expect(dbRow.kind).toBe(trimmedOrNull(r.kind) ?? 'opgave');
            expect(dbRow.source_ref).toBe(trimmedOrNull(r.sourceRef));
            expect(dbRow.source_quote).toBe(trimmedOrNull(r.sourceQuote));
            expect(dbRow.note).toBe(trimmedOrNull(r.note));
            // Nothing longer than the API itself would take.
            expect(dbRow.geo_name.length).toBeLessThanOrEqual(MAX_TARGET_TEXT.geoName);
            expect(dbRow.kind.length).toBeLessThanOrEqual(MAX_TARGET_TEXT.kind);
            expect((dbRow.note ?? '').length).toBeLessThanOrEqual(MAX_TARGET_TEXT.note);
            stats.byteForByte += 1;
          }
        }
      }),
      { numRuns: runs(180) },
    );
  });

  it('injection and markup strings that are valid names are stored, returned and found byte-for-byte', async () => {
    const strings = [...SQL_INJECTION, ...HTML_INJECTION, ...ODD_STRINGS];
    for (const s of strings) {
      // eslint-disable-next-line no-control-regex -- U+0000 is one of the characters that cannot be stored
      const storable = !/\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);
      const valid = storable && s.trim().length > 0 && s.trim().length <= 200;
      const body = { name: s, description: s, gemeenteCode: 'GM0363', planStatus: 'vastgesteld' };
      const { res } = await send('POST /projects (known strings)', { method: 'POST', url: '/api/v1/projects', ...json(body) });
      if (!valid) {
        expect(res.statusCode, JSON.stringify(s)).toBeGreaterThanOrEqual(400);
        const paths = (res.json().errors ?? []).map((e: { path: string }) => e.path);
        expect(
          paths.some((p: string) => p === 'name' || p === 'description'),
          JSON.stringify(res.json()),
        ).toBe(true);
        continue;
      }
      expect(res.statusCode, `${JSON.stringify(s)}: ${res.body.slice(0, 300)}`).toBe(201);
      const created = res.json();
      await expectProjectStrings(created.id, body, created);
      const got = (await send('GET /projects/{id}', { url: `/api/v1/projects/${created.id}` })).res.json();
      expect(got.name).toBe(s.trim());
      expect(got.description).toBe(readBack(s));
      // Search is parameterised too: the exact string finds the project.
      const found = (await send('GET /projects?q=…', { url: `/api/v1/projects?q=${percentEncode(s.trim())}&limit=500` })).res.json();
      expect(found.items.map((p: { id: string }) => p.id)).toContain(created.id);
      // And so is a knelpunt.
      const k = await send('POST /projects/{id}/knelpunten', {
        method: 'POST',
        url: `/api/v1/projects/${created.id}/knelpunten`,
        ...json({ category: 'overig', description: s, owner: s, raisedDate: '2026-01-01' }),
      });
      expect(k.res.statusCode).toBe(201);
      expect(k.res.json()).toMatchObject({ description: s.trim(), owner: s.trim() || null });
      stats.byteForByte += 1;
    }
  });

  it('duplicate parts (parties, programme lines, jaarschijven, milestones) are refused naming the item, never a 500', async () => {
    const party = { organisationId: gemeenteOrganisationId('GM0363'), role: 'bouwer' };
    const line = { segment: 'middenhuur', woningtype: 'gestapeld', doelgroep: 'regulier', homes: 10 };
    const schijf = { year: 2030, segment: 'middenhuur', homes: 10 };
    const m = { code: 'M03', forecastDate: '2026-01-01' };
    const cases: Array<[string, unknown[]]> = [
      ['parties', [party, party]],
      ['programme', [line, line]],
      ['jaarschijven', [schijf, schijf]],
      ['milestones', [m, m]],
    ];
    for (const [part, items] of cases) {
      const post = await send('POST /projects (duplicates)', {
        method: 'POST',
        url: '/api/v1/projects',
        ...json({ name: 'Dubbel', gemeenteCode: 'GM0363', planStatus: 'vastgesteld', [part]: items }),
      });
      expect(post.res.statusCode, post.res.body).toBe(422);
      expect(post.res.json().errors[0].path).toMatch(new RegExp(`^${part}\\[1\\]`));
      const put = await send(`PUT /projects/{id}/${part} (duplicates)`, {
        method: 'PUT',
        url: `/api/v1/projects/${target}/${part}`,
        ...json({ version: await currentVersion(target), items }),
      });
      expect(put.res.statusCode, put.res.body).toBe(422);
    }
  });

  it('a text starting with U+FEFF is stored exactly (PGlite drops the U+FEFF only when reading it back)', async () => {
    const s = '\uFEFFbegint met een BOM';
    const { res } = await send('POST /projects (known strings)', {
      method: 'POST',
      url: '/api/v1/projects',
      ...json({ name: 'BOM', description: s, gemeenteCode: 'GM0363', planStatus: 'vastgesteld' }),
    });
    expect(res.statusCode).toBe(201);
    const [row] = take(
      await t.db.query<{ hex: string; description: string }>(
        "SELECT encode(convert_to(description, 'UTF8'), 'hex') AS hex, description FROM projects WHERE id = $1",
        [res.json().id],
      ),
      1,
    );
    expect(row.hex).toBe(Buffer.from(s, 'utf8').toString('hex'));
    expect(row.description).toBe(t.db.kind === 'postgres' ? s : s.slice(1));
  });

  it('nothing was executed: every table still exists and the audit trail is intact', async () => {
    const tables = (
      await t.db.query<{ t: string }>("SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1")
    ).map((r) => r.t);
    expect(tables).toEqual(tablesBefore);
    const res = await send('GET /projects/{id}/audit', { url: `/api/v1/projects/${target}/audit?limit=1000` });
    expect(res.res.statusCode).toBe(200);
    const { items: entries, total } = res.res.json() as { items: Array<{ entityType: string; action: string }>; total: number };
    // One entry per accepted change of the target project, plus its creation; the API pages the trail.
    const version = await currentVersion(target);
    const { stored } = await queryOne<{ stored: number }>(
      t.db,
      "SELECT count(*) AS stored FROM audit_log WHERE entity_type = 'project' AND entity_id = $1",
      [target],
    );
    expect(stored).toBe(version);
    expect(entries.filter((e) => e.entityType === 'project').length).toBe(Math.min(version, 1000));
    expect(total).toBeGreaterThanOrEqual(version);
    const { n } = await queryOne<{ n: number }>(t.db, 'SELECT count(*) AS n FROM users');
    expect(n).toBeGreaterThan(0);
  });
});

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

// ----- who asks comes before what is asked (issue 8 items 10 and 11) --------------------------------

describe('hostile bodies from callers who may not send them (property-based)', () => {
  /** A request without credentials: 401 problem+json without field details, and nothing changed. */
  async function sendAnonymous(endpoint: string, opts: InjectOptions): Promise<Res> {
    const before = await fingerprint();
    const res = await app.inject(opts);
    count(endpoint, res.statusCode);
    const what = describeRequest(opts);
    expect(res.statusCode, `${what}: ${res.body.slice(0, 300)}`).toBe(401);
    expect(res.headers['content-type'], what).toContain('application/problem+json');
    const body = res.json() as { errors?: unknown; detail?: string };
    expect(body.errors, what).toBeUndefined();
    expect(await fingerprint(), `database changed by ${what}`).toEqual(before);
    return res;
  }

  it('anonymous writes with any body get 401, never 400 with the validation errors', async () => {
    const base = { name: 'Basis', gemeenteCode: 'GM0363', planStatus: 'vastgesteld' };
    const endpoints = fc.constantFrom(
      { method: 'POST' as const, url: () => '/api/v1/projects' },
      { method: 'PATCH' as const, url: () => `/api/v1/projects/${target}` },
      { method: 'PUT' as const, url: () => `/api/v1/projects/${target}/milestones` },
      { method: 'POST' as const, url: () => `/api/v1/projects/${target}/knelpunten` },
      { method: 'POST' as const, url: () => '/api/v1/targets' },
      { method: 'POST' as const, url: () => '/api/v1/auth/tokens' },
    );
    await fc.assert(
      fc.asyncProperty(endpoints, bodyArb(base, projectFields, ['name', 'gemeenteCode', 'planStatus']), async (e, c) => {
        await sendAnonymous(`${e.method} (anonymous)`, { method: e.method, url: e.url(), ...payloadOf(c) });
      }),
      { numRuns: runs(60) },
    );
  });

  it('bodies nested deeper than 32 levels are refused with 400 problem+json before parsing, and change nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 33, max: 20_000 }), fc.boolean(), async (depth, array) => {
        const nest = array ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
        const started = performance.now();
        const { res } = await send('POST /projects (too deep)', {
          method: 'POST',
          url: '/api/v1/projects',
          payload: `{"name":"Diep","gemeenteCode":"GM0363","planStatus":"visie","programme":${nest}}`,
          headers: { 'content-type': 'application/json' },
        });
        expect(res.statusCode).toBe(400);
        expect(res.json().detail).toContain('te diep genest');
        expect(performance.now() - started).toBeLessThan(1000);
      }),
      { numRuns: runs(20) },
    );
  });

  it('an API token cannot create API tokens (they would outlive its revocation)', async () => {
    const { n: tokensBefore } = await queryOne<{ n: number }>(t.db, 'SELECT count(*) AS n FROM api_tokens');
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileText, fc.constant('Koppeling')), async (name) => {
        const { res } = await send('POST /auth/tokens (with a token)', { method: 'POST', url: '/api/v1/auth/tokens', ...json({ name }) });
        expect(res.statusCode).toBe(403);
      }),
      { numRuns: runs(15) },
    );
    const { n: tokensAfter } = await queryOne<{ n: number }>(t.db, 'SELECT count(*) AS n FROM api_tokens');
    expect(tokensAfter).toBe(tokensBefore);
  });
});

// ----- demo accounts and demo mode (issue 8 items 4 and 5) ------------------------------------------

describe('demo accounts: refused with demo mode off, kept off real data with demo mode on (property-based)', () => {
  const DEMO_ROLES = ['gemeente_editor', 'marktpartij_editor', 'tafel_secretaris', 'provincie_analist', 'ministerie_analist', 'beheerder'] as const;
  type DemoRole = (typeof DEMO_ROLES)[number];
  const credentials = {} as Record<DemoRole, { token: Record<string, string>; session: Record<string, string> }>;
  let strict: FastifyInstance;
  let realTargetId = '';
  const fill = (url: string) =>
    url.replace(/:[A-Za-z]+/g, (p) =>
      p === ':code'
        ? 'M11'
        : p === ':regionId'
          ? 'vt-amsterdam-e-o'
          : p === ':areaId'
            ? 'provincie:PV27'
            : p === ':id' || p === ':projectId'
              ? target
              : crypto.randomUUID(),
    );

  beforeAll(async () => {
    const services = createServices(t.db, { auth: TEST_AUTH_OPTIONS });
    await services.auth.ensureDemoUsers();
    for (const role of DEMO_ROLES) {
      const user = (await services.repositories.accounts.listUsers(t.db)).find((u) => u.isDemo && u.role === role)!;
      const principal = {
        kind: 'user' as const,
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
      const cookie = signIn.cookies.find((c) => c.name === 'wbm_session')!.value;
      credentials[role] = {
        token: { authorization: `Bearer ${token}` },
        session: { cookie: `wbm_session=${cookie}`, 'x-csrf-token': signIn.json().csrfToken },
      };
    }
    realTargetId = (
      await services.targets.create(
        {
          geoLevel: 'provincie',
          geoCode: 'PV27',
          geoName: 'Noord-Holland',
          periodStart: 2050,
          periodEnd: 2051,
          homes: 1000,
          kind: 'eigenschap',
          sourceUrl: 'https://example.org/echt',
        },
        ADMIN,
      )
    ).id;
    strict = await buildApp({ services: createServices(t.db, { auth: { ...TEST_AUTH_OPTIONS, demoMode: false } }) });
  });
  afterAll(async () => {
    await strict?.close();
  });

  it('with demo mode off every demo session and token gets 401 on every non-public endpoint, whatever the body, and nothing changes', async () => {
    const routes = ROUTE_RULES.filter((r) => r.access !== 'public');
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...DEMO_ROLES),
        fc.constantFrom('token', 'session'),
        fc.constantFrom(...routes),
        fc.oneof(fc.json(), junkBody),
        async (role, kind, route, body) => {
          const before = await fingerprint();
          const opts: InjectOptions = {
            method: route.method as 'GET',
            url: fill(route.url),
            headers: { ...credentials[role][kind], 'content-type': 'application/json' },
            ...(route.method === 'GET' ? {} : { payload: String(body) }),
          };
          const res = await strict.inject(opts);
          count(`${route.method} (demo ${kind}, demo mode off)`, res.statusCode);
          expect(res.statusCode, `${role} ${kind} ${describeRequest(opts)}: ${res.body.slice(0, 200)}`).toBe(401);
          expect(await fingerprint(), `database changed by ${describeRequest(opts)}`).toEqual(before);
        },
      ),
      { numRuns: runs(80) },
    );
  });

  it('with demo mode on no demo role changes the real project or a real target, whatever it sends', async () => {
    const base = { name: 'Gekaapt', gemeenteCode: 'GM0363', planStatus: 'vastgesteld' };
    const writes = fc.constantFrom(
      { method: 'PATCH' as const, url: () => `/api/v1/projects/${target}`, withVersion: true },
      { method: 'PUT' as const, url: () => `/api/v1/projects/${target}/milestones`, withVersion: true },
      { method: 'POST' as const, url: () => `/api/v1/projects/${target}/knelpunten`, withVersion: false },
      { method: 'PATCH' as const, url: () => `/api/v1/projects/${target}/knelpunten/${knelpuntId}`, withVersion: true },
      { method: 'DELETE' as const, url: () => `/api/v1/projects/${target}?version=1`, withVersion: false },
      { method: 'PATCH' as const, url: () => `/api/v1/targets/${realTargetId}`, withVersion: true },
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...DEMO_ROLES), writes, bodyArb(base, projectFields, ['name']), async (role, w, c) => {
        const before = await fingerprint();
        const version = (await app.inject({ url: `/api/v1/projects/${target}`, headers: auth })).json().version;
        const payload =
          c.kind === 'structured' ? json(w.withVersion ? { ...c.body, version } : c.body) : { payload: c.text, headers: { 'content-type': c.type } };
        const opts: InjectOptions = { method: w.method, url: w.url(), ...(w.method === 'DELETE' ? {} : payload) };
        const res = await app.inject({ ...opts, headers: { ...credentials[role].token, ...(opts.headers ?? {}) } });
        count(`${w.method} real data (demo role)`, res.statusCode);
        expect(res.statusCode, `${role} ${describeRequest(opts)}: ${res.body.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
        expect(res.statusCode).toBeLessThan(500);
        expect(await fingerprint(), `database changed by demo ${role}: ${describeRequest(opts)}`).toEqual(before);
      }),
      { numRuns: runs(60) },
    );
  });
});
