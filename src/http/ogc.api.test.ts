/**
 * The OGC API – Features endpoint (issue 13 part 4, Done when: "GDAL's OGC API Features client lists the
 * collections and reads the features"). SPEC §7 (open standards, GeoJSON for GIS) and §1 (the public gets
 * aggregated open data and maps, no project data): the open-data collections for everyone, the projects
 * collection only for the signed-in, in their scope. A real server on a free port for GDAL's `ogrinfo`
 * (Debian gdal-bin; those tests are skipped with a message without it). PGlite by default, PostgreSQL with
 * DATABASE_URL.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { geoJsonProblems } from '../../test/helpers/geojson.ts';
import { createTestApp, type Inject, type TestApp } from '../../test/helpers/test-app.ts';
import { accountWithToken } from '../../test/helpers/auth.ts';
import { OGC_CONFORMANCE } from '../domain/ogc.ts';

const OGRINFO = '/usr/bin/ogrinfo';
const hasOgrinfo = existsSync(OGRINFO);
if (!hasOgrinfo) console.warn(`ogc.api.test.ts: ${OGRINFO} not found (Debian package gdal-bin): the GDAL client tests are skipped.`);
const run = promisify(execFile);

let t: TestApp;
let base: string;
let gemeenteToken: Record<string, string>;
let gemeente: Inject;

beforeAll(async () => {
  t = await createTestApp({ prepare: (services) => services.demoSeed.seed({ projects: 250, seed: 21, asOf: '2026-10-01' }) });
  const account = await accountWithToken(t.services, 'gemeente_editor', { gemeenteCode: 'GM0363' });
  gemeenteToken = account.headers;
  gemeente = (opts) => t.app.inject(typeof opts === 'string' ? { url: opts, headers: gemeenteToken } : { ...opts, headers: gemeenteToken });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  base = `http://127.0.0.1:${address.port}/api/v1/ogc`;
}, 180_000);
afterAll(async () => t?.close());

const get = async (url: string, headers: Record<string, string> = {}) => {
  const res = await fetch(url, { headers });
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: await res.text() };
};

describe('OGC API Features, read-only (SPEC §7 open standards; OGC 17-069r4 Core + GeoJSON)', () => {
  it('landing page links the API definition, conformance and collections with absolute URLs; conformance names Core and GeoJSON', async () => {
    const landing = await get(base);
    expect(landing.status).toBe(200);
    const links = JSON.parse(landing.body).links as Array<{ rel: string; href: string; type: string }>;
    const rels = Object.fromEntries(links.map((l) => [l.rel, l]));
    expect(rels.conformance).toMatchObject({ href: `${base}/conformance`, type: 'application/json' });
    expect(rels.data).toMatchObject({ href: `${base}/collections`, type: 'application/json' });
    expect(rels['service-desc']!.href).toMatch(/\/api\/v1\/openapi\.json$/);
    expect(JSON.parse((await get(`${base}/conformance`)).body).conformsTo).toEqual([...OGC_CONFORMANCE]);
  });

  it('the public sees the open-data collections only; a signed-in gemeente also the projects', async () => {
    const anon = JSON.parse((await get(`${base}/collections`)).body);
    expect(anon.collections.map((c: { id: string }) => c.id)).toEqual(['gemeenten', 'gemeenten-kwartalen']);
    const signed = JSON.parse((await get(`${base}/collections`, gemeenteToken)).body);
    expect(signed.collections.map((c: { id: string }) => c.id)).toEqual(['gemeenten', 'gemeenten-kwartalen', 'projecten']);
    const items = signed.collections[2].links.find((l: { rel: string }) => l.rel === 'items');
    expect(items).toEqual(expect.objectContaining({ href: `${base}/collections/projecten/items`, type: 'application/geo+json' }));
    expect((await get(`${base}/collections/projecten/items`)).status).toBe(401);
    expect((await get(`${base}/collections/projecten`)).status).toBe(401);
    expect((await get(`${base}/collections/bestaat-niet/items`)).status).toBe(404);
  });

  it('items page with limit/offset, numberMatched/numberReturned and next/prev links that walk the whole collection', async () => {
    const first = await get(`${base}/collections/gemeenten/items?limit=100`);
    expect(first.type).toContain('application/geo+json');
    expect(geoJsonProblems(first.body)).toEqual([]);
    let page = JSON.parse(first.body);
    const matched = page.numberMatched;
    expect(matched).toBeGreaterThan(300); // every gemeente with a boundary
    expect(page.numberReturned).toBe(100);
    const ids: string[] = [];
    let pages = 0;
    for (;;) {
      ids.push(...page.features.map((f: { id: string }) => f.id));
      pages += 1;
      const next = page.links.find((l: { rel: string }) => l.rel === 'next');
      if (!next) break;
      expect(next.type).toBe('application/geo+json');
      page = JSON.parse((await get(next.href)).body);
      expect(page.links.some((l: { rel: string }) => l.rel === 'prev')).toBe(true);
    }
    expect(pages).toBe(Math.ceil(matched / 100));
    expect(new Set(ids).size).toBe(matched);
  });

  it('bbox keeps the features whose geometry meets the box, and a bad bbox is a 400 naming it', async () => {
    // A small box in the centre of Amsterdam.
    const res = JSON.parse((await get(`${base}/collections/gemeenten/items?bbox=4.88,52.36,4.90,52.38`)).body);
    expect(res.features.map((f: { id: string }) => f.id)).toContain('GM0363');
    expect(res.numberMatched).toBeLessThan(10);
    expect(res.links.find((l: { rel: string }) => l.rel === 'self').href).toContain('bbox=4.88%2C52.36%2C4.9%2C52.38');
    const bad = await get(`${base}/collections/gemeenten/items?bbox=4,52,x,53`);
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('bbox');
  });

  it('open-data items are aggregates: no project id, name or location, small figures suppressed', async () => {
    const body = (await get(`${base}/collections/gemeenten-kwartalen/items?limit=10000`)).body;
    const fc = JSON.parse(body);
    expect(fc.features.length).toBe(fc.numberMatched);
    const projects = (await gemeente('/api/v1/projects?limit=500')).json().items as Array<{ id: string; name: string }>;
    for (const p of projects.slice(0, 50)) {
      expect(body).not.toContain(p.id);
      expect(body).not.toContain(p.name);
    }
    for (const f of fc.features) {
      expect(f.id).toMatch(/^GM\d{4}-\d{4}-Q[1-4]$/);
      if (f.properties.pipelineProjects !== null) expect(f.properties.pipelineProjects === 0 || f.properties.pipelineProjects >= 3).toBe(true);
    }
    const one = fc.features.find((f: { properties: { pipelineProjects: number | null } }) => (f.properties.pipelineProjects ?? 0) >= 3);
    const item = JSON.parse((await get(`${base}/collections/gemeenten-kwartalen/items/${one.id}`)).body);
    expect(item.properties).toEqual(one.properties);
    expect(item.links.find((l: { rel: string }) => l.rel === 'collection')).toBeTruthy();
  });

  it('the projects collection: the signed-in gemeente’s own projects with a location, the same feature as the GeoJSON export', async () => {
    const fc = JSON.parse((await get(`${base}/collections/projecten/items?limit=10000`, gemeenteToken)).body);
    const exported = (await gemeente('/api/v1/projects/export.geojson')).json();
    expect(fc.numberMatched).toBe(exported.features.length);
    expect(fc.features.every((f: { properties: { gemeenteCode: string } }) => f.properties.gemeenteCode === 'GM0363')).toBe(true);
    const byId = new Map(exported.features.map((f: { id: string }) => [f.id, f]));
    for (const f of fc.features) expect(f).toMatchObject(byId.get(f.id) as object);
    const one = fc.features[0];
    const item = JSON.parse((await get(`${base}/collections/projecten/items/${one.id}`, gemeenteToken)).body);
    expect(item.geometry).toEqual(one.geometry);
    // Another gemeente's project is unknown to this caller.
    const other = (await (await t.signedIn('beheerder'))('/api/v1/projects?gemeente=GM0599&limit=1')).json().items[0];
    expect((await get(`${base}/collections/projecten/items/${other.id}`, gemeenteToken)).status).toBe(404);
  });
});

describe.skipIf(!hasOgrinfo)('GDAL’s OGC API Features client (ogrinfo, Debian gdal-bin)', () => {
  const ogrinfo = async (args: string[], env: Record<string, string> = {}) =>
    (await run(OGRINFO, args, { env: { ...process.env, ...env, GDAL_HTTP_TIMEOUT: '60' }, timeout: 120_000, maxBuffer: 50_000_000 })).stdout;

  it('lists the public collections', async () => {
    const out = await ogrinfo(['-ro', `OAPIF:${base}`]);
    expect(out).toMatch(/\d+: gemeenten \(.*Polygon.*\)/);
    expect(out).toMatch(/\d+: gemeenten-kwartalen \(.*Polygon.*\)/);
    expect(out).not.toContain('projecten');
  }, 120_000);

  it('reads the features of a public collection: the count and the fields', async () => {
    const out = await ogrinfo(['-ro', '-al', '-so', `OAPIF:${base}`, 'gemeenten-kwartalen']);
    const expected = JSON.parse((await get(`${base}/collections/gemeenten-kwartalen/items?limit=1`)).body).numberMatched;
    expect(out).toContain(`Feature Count: ${expected}`);
    for (const field of ['gemeenteCode', 'quarter', 'startedHomes', 'completedHomes', 'pipelineHomes']) expect(out).toContain(`${field}: `);
    // And every feature, through the next links (GDAL pages itself).
    const all = await ogrinfo(['-ro', '-al', `OAPIF:${base}`, 'gemeenten']);
    const count = JSON.parse((await get(`${base}/collections/gemeenten/items?limit=1`)).body).numberMatched;
    expect(all.match(/^OGRFeature\(gemeenten\):/gm)?.length).toBe(count);
  }, 180_000);

  it('with an API token, lists and reads the projects collection (QGIS: HTTP header Authorization)', async () => {
    // GDAL 3.6 reads extra request headers from a file (GDAL_HTTP_HEADER_FILE); newer ones also take GDAL_HTTP_HEADERS.
    const dir = mkdtempSync(join(tmpdir(), 'wbm-ogc-'));
    const headerFile = join(dir, 'headers.txt');
    writeFileSync(headerFile, `Authorization: ${gemeenteToken.authorization}\n`);
    const env = { GDAL_HTTP_HEADER_FILE: headerFile };
    const listing = await ogrinfo(['-ro', `OAPIF:${base}`], env);
    expect(listing, listing).toMatch(/\d+: projecten .*\(Point\)/);
    const out = await ogrinfo(['-ro', '-al', '-so', `OAPIF:${base}`, 'projecten'], env);
    const expected = JSON.parse((await get(`${base}/collections/projecten/items?limit=1`, gemeenteToken)).body).numberMatched;
    expect(expected).toBeGreaterThan(0);
    expect(out).toContain(`Feature Count: ${expected}`);
    expect(out).toContain('totalHomes: ');
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});
