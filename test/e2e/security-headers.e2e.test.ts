/**
 * Security headers in a real browser (issue 8 item 12): every page of the web app, the table report
 * (also as PDF, rendered by headless Chromium) and the Swagger UI work under the site's
 * Content-Security-Policy — no inline script, no violation reported — and carry frame-ancestors
 * 'none', X-Content-Type-Options: nosniff and a Referrer-Policy. The browser does NOT bypass the
 * policy here (the other browser tests do, to inject axe-core).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { take } from '../helpers/present.ts';
import { ensureWebBuild, hasChromium, launchBrowser, signInContext, type Browser, type TestServer, startServer } from './support.ts';

const TABLE = 'vt-amsterdam-e-o';
let server: TestServer;
let browser: Browser;

describe.skipIf(!hasChromium)('security headers and Content-Security-Policy in the browser', () => {
  beforeAll(async () => {
    ensureWebBuild();
    server = await startServer(120, 3);
    browser = await launchBrowser(server.base, { bypassCSP: false });
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens a page, collecting CSP violations (the DOM event and Chromium's console report) and page errors. */
  async function visit(path: string, ready: (page: Page) => Promise<unknown>) {
    const page = await browser.context.newPage();
    const violations: string[] = [];
    const errors: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(`${path}: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`${path}: ${e.message}`));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        const w = window as unknown as { __csp?: string[] };
        (w.__csp ??= []).push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    const response = await page.goto(`${server.base}${path}`);
    await ready(page);
    await page.waitForTimeout(300);
    violations.push(...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])).map((v) => `${path}: ${v}`));
    await page.close();
    return { response, violations, errors };
  }

  it('the HTML page carries the policy and the other security headers; index.html has no inline script', async () => {
    const res = await fetch(`${server.base}/projecten`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
    const html = await res.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const api = await fetch(`${server.base}/api/v1/health`);
    expect(api.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('every page loads with no CSP violation (signed in as the ministry analyst)', async () => {
    await signInContext(browser.context, server.base, 'ministerie_analist');
    const [project] = take(
      (
        await server.services.projects.list({}, { limit: 1, offset: 0, sort: 'name', descending: false }, {
          kind: 'user',
          userId: null,
          name: 'x',
          role: 'beheerder',
          organisationId: null,
          gemeenteCode: null,
          regionId: null,
          provincieCode: null,
          demo: false,
        } as never)
      ).items,
      1,
    );
    const pages: Array<[string, (p: Page) => Promise<unknown>]> = [
      ['/projecten', (p) => p.getByRole('heading', { level: 1 }).first().waitFor()],
      [`/projecten/${project.id}`, (p) => p.getByRole('heading', { name: project.name }).first().waitFor()],
      ['/kaart', (p) => p.locator('[data-testid=map][data-ready=true]').waitFor({ timeout: 60_000 })],
      [`/tafels/${TABLE}`, (p) => p.locator('[data-testid=dashboard][data-ready=true]').waitFor({ timeout: 60_000 })],
      ['/landelijk', (p) => p.locator('[data-testid=national][data-ready=true]').waitFor({ timeout: 60_000 })],
      [`/tafels/${TABLE}/rapport`, (p) => p.locator('body[data-ready=true]').waitFor({ timeout: 60_000 })],
      ['/api/v1/docs', (p) => p.locator('.swagger-ui .information-container, .swagger-ui .info').first().waitFor({ timeout: 60_000 })],
    ];
    const violations: string[] = [];
    const errors: string[] = [];
    for (const [path, ready] of pages) {
      const r = await visit(path, ready);
      expect(r.response?.headers()['content-security-policy'], path).toContain("frame-ancestors 'none'");
      violations.push(...r.violations);
      errors.push(...r.errors);
    }
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
  }, 300_000);

  it('the table report still renders as PDF under the policy', async () => {
    const res = await browser.context.request.get(`${server.base}/api/v1/regions/${TABLE}/report.pdf`, { timeout: 120_000 });
    expect(res.status(), await res.text().catch(() => '')).toBe(200);
    expect((await res.body()).subarray(0, 5).toString()).toBe('%PDF-');
  }, 180_000);
});
