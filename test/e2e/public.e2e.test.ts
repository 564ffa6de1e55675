/**
 * The public view (issue 8 item 23) in headless Chromium, signed out, with and without demo mode:
 * Projecten, Kaart and Landelijk overzicht work (no "Er ging iets mis", no "Geen toegang", no detour to the
 * sign-in page), show the rule that hides figures of fewer than 3 projects, and every link on them leads to
 * a page the public may open (every kind of link is followed, a few samples of each, and checked). axe-core on each page.
 * SPEC §1 (public: "aggregated open data and maps; no project-level confidential data"), §7.
 * Screenshots: test-artifacts/publiek-*.png.
 *
 * Needs /usr/bin/chromium; skipped without it. Run under `flock /tmp/wbm-web.lock` (shares web/dist).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ACTOR } from '../helpers/auth.ts';
import { createServices } from '../../src/services/container.ts';
import { createTestDb, type TestDb } from '../helpers/test-db.ts';
import {
  accessibilityViolations,
  closeAndCheckPageErrors,
  hasChromium,
  screenshot,
  serve,
  startServer,
  startWithBrowser,
  type Browser,
  type TestServer,
} from './support.ts';

const PUBLIC_PAGES = ['/projecten', '/kaart', '/landelijk'] as const;
const RULE = 'Aantallen van minder dan 3 projecten tonen we niet, zodat geen enkel project herkenbaar is.';
const REAL_NAME = 'Vertrouwelijk Eenzaam Hof';

/** A server with DEMO_MODE=false and real projects only: 1 in Groningen (never to be shown), 12 in Utrecht, 6 in Amsterdam. */
async function startStrictServer(): Promise<TestServer> {
  const t: TestDb = await createTestDb();
  const services = createServices(t.db, { auth: { demoMode: false } });
  const year = new Date().getFullYear();
  const add = (name: string, gemeenteCode: string, homes: number, planStatus: 'vastgesteld' | 'visie') =>
    services.projects.create(
      {
        name,
        gemeenteCode,
        planStatus,
        programme: [{ segment: 'sociale_huur', woningtype: 'gestapeld', doelgroep: 'regulier', homes }],
        jaarschijven: [{ year: year + 1, segment: 'sociale_huur', homes }],
        milestones: [{ code: 'M12', baselineDate: `${year + 1}-06-01`, forecastDate: `${year + 1}-06-01` }],
      },
      ADMIN_ACTOR,
    );
  await add(REAL_NAME, 'GM0014', 487, 'vastgesteld');
  for (let i = 0; i < 12; i++) await add(`Vertrouwelijk Merwede ${i}`, 'GM0344', 100 + i, i % 2 ? 'visie' : 'vastgesteld');
  for (let i = 0; i < 6; i++) await add(`Vertrouwelijk Amstel ${i}`, 'GM0363', 50 + i, 'vastgesteld');
  return serve(t, services);
}

/** Waits until the page has settled: its heading is there and no request is pending. */
async function settle(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor({ timeout: 30_000 });
  await page.waitForLoadState('networkidle', { timeout: 30_000 }).catch(() => undefined);
  await page.waitForTimeout(300);
}

/** What makes a page unusable for the public: an error box, "Geen toegang", or a detour to the sign-in page. */
async function problemsOn(page: Page, path: string): Promise<string[]> {
  const problems: string[] = [];
  const url = new URL(page.url());
  if (url.pathname === '/inloggen' && !path.startsWith('/inloggen')) problems.push(`${path}: sent to the sign-in page`);
  const text = await page.locator('body').innerText();
  if (text.includes('Er ging iets mis')) problems.push(`${path}: "Er ging iets mis"`);
  if (text.includes('Geen toegang')) problems.push(`${path}: "Geen toegang"`);
  if (/Niet gevonden|Pagina niet gevonden/.test(text)) problems.push(`${path}: not found`);
  return problems;
}

/** Distinct link targets on the page (same origin: path + query; API links as they are). */
async function linkTargets(page: Page): Promise<string[]> {
  const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  const origin = new URL(page.url()).origin;
  return [...new Set(hrefs.filter((h) => h.startsWith(origin)).map((h) => h.slice(origin.length).replace(/#.*$/, '')))].filter((h) => h !== '');
}

/**
 * Links of one kind (the same path with ids and query values left out, e.g. every project page, every province
 * filter): each kind is followed, a few samples of it, which keeps the run short on pages with many links.
 */
const linkKind = (target: string) => target.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '{id}').replace(/=[^&]*/g, '=');
const SAMPLES_PER_KIND = 3;

function publicViewSuite(mode: string, start: () => Promise<TestServer>, expectations: { realName?: string; projectLinks: boolean }) {
  describe.skipIf(!hasChromium)(`public view, signed out (${mode})`, () => {
    let server: TestServer;
    let browser: Browser;
    const followed = new Map<string, string[]>();

    beforeAll(async () => {
      ({ server, browser } = await startWithBrowser(start));
    }, 180_000);

    afterAll(() => closeAndCheckPageErrors(browser, server));

    it.each(PUBLIC_PAGES)(
      `%s works signed out, says the rule, passes axe, and every link on it leads to a page the public may open`,
      async (path) => {
        const page = await browser.open(path);
        await settle(page);
        if (path === '/kaart') await page.locator('[data-testid=map][data-ready=true]').waitFor({ timeout: 60_000 });
        if (path === '/landelijk') await page.locator('[data-testid=national][data-ready=true]').waitFor({ timeout: 60_000 });
        expect(await problemsOn(page, path)).toEqual([]);
        expect(new URL(page.url()).pathname).toBe(path);
        const text = await page.locator('body').innerText();
        if (path !== '/projecten' || !expectations.projectLinks) expect(text).toContain(RULE);
        if (expectations.realName) expect(text).not.toContain(expectations.realName);
        // The menu offers the public pages, not the tables.
        const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
        await expect(nav.getByRole('link', { name: 'Landelijk overzicht' }).count()).resolves.toBe(1);
        await expect(nav.getByRole('link', { name: 'Tafeloverzicht' }).count()).resolves.toBe(0);
        await expect(accessibilityViolations(page)).resolves.toEqual([]);
        await screenshot(page, `publiek-${mode}-${path.slice(1)}.png`);

        const targets = await linkTargets(page);
        const projectLinks = targets.filter((t) => /^\/projecten\/[0-9a-f-]{36}/.test(t));
        if (path === '/projecten') expect(projectLinks.length > 0).toBe(expectations.projectLinks);
        const problems: string[] = [];
        const perKind = new Map<string, number>();
        for (const target of targets) {
          const kind = linkKind(target);
          perKind.set(kind, (perKind.get(kind) ?? 0) + 1);
          if (perKind.get(kind)! > SAMPLES_PER_KIND) continue;
          if (followed.has(target)) {
            problems.push(...followed.get(target)!);
            continue;
          }
          let found: string[];
          if (target.startsWith('/api/')) {
            const res = await browser.context.request.get(`${server.base}${target}`);
            found = res.ok() ? [] : [`${path} → ${target}: HTTP ${res.status()}`];
          } else {
            const other = await browser.open(target);
            await settle(other);
            found = (await problemsOn(other, target)).map((p) => `${path} → ${p}`);
            if (expectations.realName && (await other.locator('body').innerText()).includes(expectations.realName))
              found.push(`${path} → ${target}: names a real project`);
            await other.close();
          }
          followed.set(target, found);
          problems.push(...found);
        }
        expect(problems).toEqual([]);
        await page.close();
      },
      300_000,
    );
  });
}

publicViewSuite('zonder-demo', startStrictServer, { realName: REAL_NAME, projectLinks: false });
publicViewSuite('demo', () => startServer(300), { projectLinks: true });
