/**
 * Issue 8 item 24 in headless Chromium: the demo gemeente editor (Amsterdam) and the demo market party
 * open the Tafeloverzicht of their own table (Amsterdam e.o.). They see the table's figures, a plain
 * explanation of what is not theirs to see, and no "Geen toegang" with a useless "Probeer opnieuw". A
 * table that is not theirs says "Geen toegang", still without the retry button.
 * Screenshots: test-artifacts/table-member-*.png.
 *
 * Needs /usr/bin/chromium; run under `flock /tmp/wbm-web.lock`.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { take } from '../helpers/present.ts';
import { join } from 'node:path';
import {
  accessibilityViolations,
  ARTIFACTS,
  ensureWebBuild,
  hasChromium,
  launchBrowser,
  screenshot,
  signInThroughPage,
  startServer,
  type Browser,
  type TestServer,
} from './support.ts';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  if (!hasChromium) return;
  ensureWebBuild();
  server = await startServer(400, 3);
  browser = await launchBrowser(server.base);
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openTable(page: Page, regionId: string): Promise<void> {
  await page.goto(`${server.base}/tafels/${regionId}`);
  await page.locator('[data-testid=dashboard][data-ready=true], [data-testid=dashboard] .utrecht-alert--error').first().waitFor({ timeout: 60_000 });
}

describe.skipIf(!hasChromium)('the Tafeloverzicht for the table’s own gemeenten and market parties', () => {
  it.each([
    ['gemeente_editor', 'gemeente'],
    ['marktpartij_editor', 'marktpartij'],
  ] as const)(
    'shows the demo %s the table’s figures and says plainly what is not theirs',
    async (role, name) => {
      const page = await browser.context.newPage();
      await signInThroughPage(page, server.base, role);
      await openTable(page, 'vt-amsterdam-e-o');
      await expect.poll(() => page.locator('[data-testid=dashboard]').getAttribute('data-ready')).toBe('true');
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Amsterdam');
      // The table's aggregates are there.
      expect(await page.getByTestId('figure-projects').isVisible()).toBe(true);
      // When the data last changed (issue 15: the figures are computed once per data version), in Dutch time.
      expect(await page.getByTestId('stand-per').textContent()).toMatch(/^Stand per \d{1,2} \p{L}+ \d{4} om \d{2}:\d{2}/u);
      // The map draws its own projects from the compact points, asked on their own after the figures.
      await page.waitForFunction(() => performance.getEntriesByName('wbm:tafeloverzicht-kaart').length > 0, null, { timeout: 60_000 });
      expect(await page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.includes('/map-points')))).toBe(true);
      expect(await page.getByRole('heading', { name: 'Verwachte oplevering tegenover de opgave' }).isVisible()).toBe(true);
      // A plain explanation of what is not theirs to see.
      const note = page.getByTestId('member-note');
      expect(await note.isVisible()).toBe(true);
      expect(await note.textContent()).toMatch(/alleen van uw eigen projecten.*vertrouwelijk/s);
      // No "Geen toegang", no useless retry, no links to the secretary's report and export.
      expect(await page.getByText('Geen toegang').count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Probeer opnieuw' }).count()).toBe(0);
      expect(await page.getByRole('link', { name: 'Exporteren naar Excel' }).count()).toBe(0);
      expect(await page.getByText('Alternatieven zoeken voor een jaar met een tekort').count()).toBe(0);
      expect(await accessibilityViolations(page)).toEqual([]);
      await screenshot(page, `table-member-${name}.png`);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(ARTIFACTS, `table-member-${name}-top.png`) });

      // The Tafelrapport (typed in, there is no link to it) lists the projects of others: a plain notice
      // instead, with the way back to what they may see; no project of the table is listed.
      await page.goto(`${server.base}/tafels/vt-amsterdam-e-o/rapport`);
      await page.locator('[data-testid=report][data-ready=true]').waitFor({ timeout: 60_000 });
      expect(await page.getByTestId('report-member-notice').textContent()).toMatch(/vertrouwelijk/);
      expect(await page.getByRole('heading', { name: 'Vertraagde projecten' }).count()).toBe(0);
      expect(await page.getByText('Geen toegang').count()).toBe(0);
      expect(await page.getByTestId('report-member-notice').getByRole('link', { name: 'Tafeloverzicht' }).getAttribute('href')).toBe(
        '/tafels/vt-amsterdam-e-o',
      );
      await screenshot(page, `table-member-${name}-report.png`);

      // An area that is not theirs: "Geen toegang", said plainly, without a retry that cannot help. (The demo
      // market party has projects all over the country: for it, a gemeente where it has none.)
      const [other] = take(
        await server.services.db.query<{ code: string }>(
          `SELECT g.code FROM gemeenten g WHERE NOT EXISTS (
         SELECT 1 FROM projects p JOIN project_parties pp ON pp.project_id = p.id JOIN users u ON u.organisation_id = pp.organisation_id
         WHERE p.gemeente_code = g.code AND u.email = 'demo-marktpartij-editor@woningbouwmonitor.invalid') ORDER BY g.code LIMIT 1`,
        ),
        1,
      );
      await openTable(page, role === 'gemeente_editor' ? 'vt-u10' : `gemeente:${other.code}`);
      await page.getByText('Geen toegang').first().waitFor();
      expect(await page.getByRole('button', { name: 'Probeer opnieuw' }).count()).toBe(0);
      expect(await page.getByText('Opnieuw proberen helpt niet').isVisible()).toBe(true);
      await screenshot(page, `table-member-${name}-other-table.png`);
      await page.close();
      expect(browser.pageErrors).toEqual([]);
    },
    180_000,
  );
});

describe.skipIf(!hasChromium)('the Tafeloverzicht start page offers only tables and areas the person may open', () => {
  it('the demo gemeente sees its own table and gemeente; the public gets a plain way to sign in', async () => {
    const page = await browser.context.newPage();
    await signInThroughPage(page, server.base, 'gemeente_editor');
    await page.goto(`${server.base}/tafels`);
    const list = page.locator('.wbm-link-list');
    await list.waitFor();
    expect(await list.getByRole('link').allTextContents()).toEqual([expect.stringContaining('Amsterdam')]);
    const chooser = page.getByLabel('Tafel of gebied', { exact: true });
    await expect.poll(() => chooser.locator('option').count()).toBeGreaterThan(1);
    const options = await chooser.locator('option').allTextContents();
    // Its versnellingstafel and woondealregio (a member of both) and its own gemeente; no other table, no province.
    expect(options).toEqual([
      'Kies een tafel of gebied',
      expect.stringContaining('Versnellingstafel Amsterdam'),
      expect.stringContaining('Woondeal Metropoolregio Amsterdam'),
      'Gemeente Amsterdam',
    ]);
    await screenshot(page, 'tables-index-gemeente.png');

    await page.getByTestId('user-menu').getByRole('button', { name: 'Uitloggen' }).click();
    await page.goto(`${server.base}/tafels`);
    const note = page.getByTestId('tables-signed-out');
    await note.waitFor();
    expect(await note.getByRole('link', { name: 'Log in' }).getAttribute('href')).toBe('/inloggen?terug=%2Ftafels');
    expect(await page.locator('main a[href^="/tafels/"]').count()).toBe(0);
    expect(await page.getByLabel('Tafel of gebied', { exact: true }).count()).toBe(0);
    await screenshot(page, 'tables-index-public.png');
    await page.close();
    expect(browser.pageErrors).toEqual([]);
  }, 120_000);
});

describe.skipIf(!hasChromium)('an address that names nothing', () => {
  it('says "Niet gevonden" once, plainly, without the id or developer words', async () => {
    const page = await browser.context.newPage();
    await signInThroughPage(page, server.base, 'tafel_secretaris');
    for (const path of [
      '/tafels/vt-amsterdam-e-o/kwartaalronde/onzin',
      '/tafels/vt-amsterdam-e-o/kwartaalronde/00000000-0000-4000-8000-000000000000',
      '/projecten/niet-een-id',
    ]) {
      await page.goto(`${server.base}${path}`);
      await page.getByText('Niet gevonden').first().waitFor();
      const main = (await page.locator('main').textContent()) ?? '';
      expect(await page.getByText('Niet gevonden').count(), path).toBe(1);
      expect(await page.getByRole('heading', { level: 1 }).count(), path).toBe(1);
      expect(main, path).not.toMatch(/UUID|roundId|invoer is niet geldig|00000000|Projecten zoals ze toen stonden/);
      expect(await page.getByRole('button', { name: 'Probeer opnieuw' }).count(), path).toBe(0);
    }
    await screenshot(page, 'not-found-id.png');
    await page.close();
    expect(browser.pageErrors).toEqual([]);
  }, 120_000);
});
