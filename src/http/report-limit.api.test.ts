/**
 * The PDF report starts a Chromium per render (issue 8 item 14): at most two renders at once, a few
 * more wait in line, and beyond that the caller gets 503 problem+json with Retry-After and a Dutch
 * message — instead of the server starting a browser for every request. A slow renderer stands in for
 * Chromium so the test controls when renders finish.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountWithToken, TEST_AUTH_OPTIONS } from '../../test/helpers/auth.ts';
import { createTestDb, type TestDb } from '../../test/helpers/test-db.ts';
import { createServices } from '../services/container.ts';
import { createReportService, REPORT_LIMITS, type ReportRequest } from '../services/report.service.ts';
import { buildApp } from './app.ts';

let t: TestDb;
let app: FastifyInstance;
let headers: Record<string, string>;
let active = 0;
let maxActive = 0;
let started = 0;
let release: () => void = () => undefined;
let released = new Promise<void>((resolve) => (release = resolve));

async function slowRender(_request: ReportRequest): Promise<Buffer> {
  started += 1;
  active += 1;
  maxActive = Math.max(maxActive, active);
  await released;
  active -= 1;
  return Buffer.from('%PDF-1.4 test');
}

beforeAll(async () => {
  t = await createTestDb();
  const services = createServices(t.db, { auth: TEST_AUTH_OPTIONS });
  services.reports = createReportService({ chromiumPath: '/nonexistent', render: slowRender });
  app = await buildApp({ services });
  await app.listen({ port: 0, host: '127.0.0.1' });
  headers = (await accountWithToken(services, 'beheerder')).headers;
});
afterAll(async () => {
  release();
  await app?.close();
  await t?.close();
});

describe('GET /regions/{id}/report.pdf under load', () => {
  it('renders at most two at once, queues a few, and refuses the rest with 503 and Retry-After', async () => {
    const { maxConcurrent, maxQueued } = REPORT_LIMITS;
    expect(maxConcurrent).toBe(2);
    const url = '/api/v1/regions/vt-amsterdam-e-o/report.pdf';
    const accepted = Array.from({ length: maxConcurrent + maxQueued }, () => app.inject({ url, headers }));
    // Wait until the first renders run and the rest are waiting in line.
    for (let i = 0; i < 200 && started < maxConcurrent; i++) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 100));
    const refused = await app.inject({ url, headers });
    expect(refused.statusCode, refused.body).toBe(503);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.json().detail).toContain('te veel PDF-rapporten tegelijk');
    expect(started).toBe(maxConcurrent);

    release();
    const results = await Promise.all(accepted);
    expect(results.map((r) => r.statusCode)).toEqual(Array(maxConcurrent + maxQueued).fill(200));
    expect(results[0]?.headers['content-type']).toContain('application/pdf');
    expect(maxActive).toBe(maxConcurrent);
    expect(started).toBe(maxConcurrent + maxQueued);

    // Capacity is free again afterwards.
    released = Promise.resolve();
    expect((await app.inject({ url, headers })).statusCode).toBe(200);
  });
});
