/**
 * Responses are compressed with br or gzip when the client accepts it (issue 15 goal 2, SPEC §7 performance):
 * the JSON of a Tafeloverzicht and the streamed CSV/GeoJSON exports; the security headers stay on compressed
 * responses; a client that accepts no encoding gets the plain body. PGlite by default, PostgreSQL with DATABASE_URL.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from './security-headers.ts';
import { negotiateEncoding } from './shared-response.ts';
import { createTestApp, type Inject, type TestApp } from '../../test/helpers/test-app.ts';

let t: TestApp;
let inject: Inject;

beforeAll(async () => {
  t = await createTestApp({ prepare: (services) => services.demoSeed.seed({ projects: 400, seed: 15, asOf: '2026-10-01' }) });
  inject = await t.signedIn('beheerder');
});
afterAll(async () => {
  await t?.close();
});

const DASHBOARD = '/api/v1/regions/vt-amsterdam-e-o/dashboard?fromYear=2026&toYear=2030';

describe('compression of responses (issue 15 goal 2)', () => {
  it('sends the Tafeloverzicht as brotli when accepted, the same JSON as the plain response, much smaller', async () => {
    const plain = await inject(DASHBOARD);
    expect(plain.statusCode, plain.body).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const br = await inject({ url: DASHBOARD, headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString('utf8'))).toEqual(plain.json());
    expect(br.rawPayload.byteLength).toBeLessThan(plain.rawPayload.byteLength / 4);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(br.headers[name], name).toBe(value);
  });

  it('sends gzip to a client that accepts only gzip', async () => {
    const res = await inject({ url: DASHBOARD, headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(res.rawPayload).toString('utf8')).region.id).toBe('vt-amsterdam-e-o');
  });

  it('compresses the streamed CSV export and keeps it a download; the body is the plain export', async () => {
    const plain = await inject('/api/v1/projects/export.csv');
    const gz = await inject({ url: '/api/v1/projects/export.csv', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.statusCode).toBe(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['content-disposition']).toBe('attachment; filename="projecten.csv"');
    expect(gunzipSync(gz.rawPayload).toString('utf8')).toBe(plain.body);
  });

  it('does not compress a workbook again (XLSX is a zip already)', async () => {
    const res = await inject({ url: '/api/v1/projects/export.xlsx?gemeente=GM0363', headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('sends a small answer (health) as it is', async () => {
    const res = await t.app.inject({ url: '/api/v1/health', headers: { 'accept-encoding': 'br' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.json().status).toBe('ok');
  });
});

describe('negotiateEncoding (shared dashboard bodies, issue 15)', () => {
  it('prefers br, then gzip, and honours q=0', () => {
    expect(negotiateEncoding('gzip, deflate, br')).toBe('br');
    expect(negotiateEncoding('br;q=0, gzip')).toBe('gzip');
    expect(negotiateEncoding('gzip;q=0.5')).toBe('gzip');
    expect(negotiateEncoding('*')).toBe('br');
    expect(negotiateEncoding('*, br;q=0')).toBe('gzip');
    expect(negotiateEncoding('deflate')).toBe('identity');
    expect(negotiateEncoding(undefined)).toBe('identity');
  });
});

describe('the full view of a Tafeloverzicht is one shared body per data version', () => {
  it('sends every full reader the same bytes, and a write gives a new body', async () => {
    const other = await t.signedIn('tafel_secretaris', { regionId: 'vt-amsterdam-e-o' });
    const a = await inject({ url: DASHBOARD, headers: { 'accept-encoding': 'gzip' } });
    const b = await other({ url: DASHBOARD, headers: { 'accept-encoding': 'gzip' } });
    expect(Buffer.compare(a.rawPayload, b.rawPayload)).toBe(0);
    expect(JSON.parse(gunzipSync(b.rawPayload).toString('utf8')).access.view).toBe('full');
    await t.db.query("UPDATE projects SET name = name || ' (nieuw)' WHERE id = (SELECT id FROM projects ORDER BY id LIMIT 1)");
    const c = await inject({ url: DASHBOARD, headers: { 'accept-encoding': 'gzip' } });
    expect(JSON.parse(gunzipSync(c.rawPayload).toString('utf8')).dataAsOf).not.toBe(JSON.parse(gunzipSync(a.rawPayload).toString('utf8')).dataAsOf);
  });
});
