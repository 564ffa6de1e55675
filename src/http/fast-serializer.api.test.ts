/**
 * The list's compiled response serializer (fast-serializer.ts) writes exactly the text of the zod serializer it
 * replaces (fastify-type-provider-zod: zod encode, then JSON.stringify), over many real pages: every sort, filters,
 * lifecycles (withdrawn records, with their dates and nulls), exact totals with sums, cursor pages.
 */
import { serializerCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { samplePlan } from '../../test/helpers/builders.ts';
import { createTestApp, type Inject, type TestApp } from '../../test/helpers/test-app.ts';
import { gemeenteOrganisationId } from '../domain/identifiers.ts';
import { ADMIN } from '../../test/helpers/auth.ts';
import { decodeCursor, LIFECYCLE_FILTERS, SORT_COLUMNS, type Page, type ProjectFilter, type SortKey } from '../storage/project.repository.ts';
import { compileSerializer, UnsupportedSchemaError } from './fast-serializer.ts';
import { ProjectList } from './schemas/project.schemas.ts';

let t: TestApp;
let inject: Inject;
const zodSerialize = serializerCompiler({ schema: ProjectList, method: 'GET', url: '/api/v1/projects', httpStatus: '200' } as never) as (
  data: unknown,
) => string;
const fastSerialize = compileSerializer(ProjectList);

beforeAll(async () => {
  t = await createTestApp({ prepare: (services) => services.demoSeed.seed({ projects: 300, seed: 21, asOf: '2026-10-01' }) });
  inject = await t.signedIn('beheerder');
  // A withdrawn record, and records with and without description or location (a merged record is in no list).
  const create = async (name: string, extra: object = {}) => {
    const res = await inject({
      method: 'POST',
      url: '/api/v1/projects',
      payload: {
        name,
        gemeenteCode: 'GM0363',
        planStatus: 'vastgesteld',
        ...samplePlan(),
        parties: [{ organisationId: gemeenteOrganisationId('GM0363'), role: 'bevoegd_gezag' }],
        ...extra,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  await create('Serialisatie "blijft" \\ é ✓', { description: 'Regel 1\nRegel 2\t<tag>', location: { lon: 4.9, lat: 52.37 } });
  const gone = await create('Serialisatie vervallen');
  const withdrawn = await inject({
    method: 'POST',
    url: `/api/v1/projects/${gone.id}/withdraw`,
    payload: { version: gone.version, reason: 'Grond is niet verworven.', date: '2026-09-15' },
  });
  expect(withdrawn.statusCode, withdrawn.body).toBe(200);
});
afterAll(async () => {
  await t?.close();
});

describe('the compiled serializer of the project list', () => {
  it('writes the same JSON as the zod serializer for every page of many lists', async () => {
    const filters: ProjectFilter[] = [
      {},
      { gemeenteCodes: ['GM0363'] },
      { q: 'Serialisatie' },
      { delayed: true },
      { year: 2027 },
      { statuses: ['rood'] },
    ];
    let pages = 0;
    const seen = { withdrawn: 0, noLocation: 0, noDescription: 0, sums: 0, lastPage: 0 };
    for (const filter of filters)
      for (const lifecycle of LIFECYCLE_FILTERS)
        for (const sort of Object.keys(SORT_COLUMNS) as SortKey[])
          for (const [descending, total] of [
            [false, 'bounded'],
            [true, 'exact'],
          ] as const) {
            const order = { sort, descending };
            let after: Page['after'];
            for (let n = 0; n < 3; n++) {
              const page = await t.services.projects.list(
                { ...filter, lifecycle },
                { limit: 40, offset: 0, ...order, ...(after ? { after } : {}) },
                ADMIN,
                total,
              );
              expect(fastSerialize(page)).toBe(zodSerialize(page));
              pages++;
              for (const p of page.items) {
                if (p.lifecycle?.state === 'vervallen') seen.withdrawn++;
                if (p.location === null) seen.noLocation++;
                if (p.description === null) seen.noDescription++;
              }
              if (page.sums) seen.sums++;
              if (!page.nextCursor) {
                seen.lastPage++;
                break;
              }
              after = decodeCursor(page.nextCursor, order) ?? undefined;
            }
          }
    expect(pages).toBeGreaterThan(300);
    // The pages held every optional and nullable part of the schema.
    for (const [what, n] of Object.entries(seen)) expect(n, what).toBeGreaterThan(0);
  });

  it('is what GET /projects sends: the body equals the zod serializer applied to the same page', async () => {
    for (const query of ['', '?lifecycle=alle&sort=-updatedAt', '?q=Serialisatie&lifecycle=alle&total=exact']) {
      const res = await inject({ url: `/api/v1/projects${query}`, headers: { 'accept-encoding': 'identity' } });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.body).toBe(zodSerialize(JSON.parse(res.body)));
    }
  });
});

describe('compileSerializer', () => {
  const Item = z.object({
    id: z.string(),
    n: z.number().int().min(0),
    when: z.string().nullable(),
    kind: z.enum(['a', 'b']),
    tag: z.literal('x').optional(),
    maybe: z.string().nullable().optional(),
    list: z.array(z.boolean()),
    point: z.object({ x: z.number(), y: z.number() }).nullable(),
  });
  const zod = serializerCompiler({ schema: Item, method: 'GET', url: '/x', httpStatus: '200' } as never) as (data: unknown) => string;
  const fast = compileSerializer(Item);

  it('leaves out undefined optional keys and keys the schema does not name, in the schema order', () => {
    const values = [
      { point: null, list: [], kind: 'a', when: null, n: 0, id: 'é"\\n\u2028', extra: 1 },
      { id: '', n: 3, when: '2026-01-01', kind: 'b', tag: 'x', maybe: null, list: [true, false], point: { y: -0, x: 1.5, z: 2 } },
      { id: 'u', n: 2, when: null, kind: 'a', tag: undefined, maybe: undefined, list: [false], point: { x: 1e21, y: 5e-7 } },
    ];
    for (const v of values) expect(fast(v)).toBe(zod(v));
  });

  it('refuses what the zod serializer refuses: wrong types, enum members, integers, bounds, missing keys', () => {
    const ok = { id: 'a', n: 1, when: null, kind: 'a', list: [], point: null };
    const bad = [
      { ...ok, id: 1 },
      { ...ok, n: 1.5 },
      { ...ok, n: -1 },
      { ...ok, n: Number.NaN },
      { ...ok, n: Number.POSITIVE_INFINITY },
      { ...ok, kind: 'c' },
      { ...ok, tag: 'y' },
      { ...ok, when: undefined },
      { ...ok, list: [1] },
      { ...ok, point: { x: 1 } },
      { ...ok, point: [] },
      null,
      [],
    ];
    expect(fast(ok)).toBe(zod(ok));
    for (const v of bad) {
      expect(() => zod(v), JSON.stringify(v)).toThrow();
      expect(() => fast(v), JSON.stringify(v)).toThrow();
    }
  });

  it('does not compile schemas that change values or are not plain data', () => {
    for (const schema of [
      z.object({ s: z.string().trim() }),
      z.object({ s: z.string().transform((v) => v.length) }),
      z.object({ s: z.string().default('x') }),
      z.object({ s: z.union([z.string(), z.number()]) }),
      z.object({ s: z.record(z.string(), z.number()) }),
      z.looseObject({ s: z.string() }),
      z.date(),
    ]) {
      expect(() => compileSerializer(schema)).toThrow(UnsupportedSchemaError);
    }
  });
});
