/**
 * End-to-end tests of the web application in headless Chromium (playwright-core with the Debian
 * `chromium` package): a real server on a random port, an in-memory database with 200 synthetic
 * projects, and the Vite build in web/dist (built here when missing or older than its sources).
 * The browser is signed in as the demo administrator (who may see and change everything); the
 * quarterly-round story with the other roles is in quarterly-round.e2e.test.ts.
 * Screenshots go to test-artifacts/ (git-ignored).
 *
 * Needs /usr/bin/chromium (`apt-get install -y chromium chromium-driver`); skipped without it.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { at } from '../helpers/present.ts';
import {
  giveDelayReasonIfAsked,
  accessibilityViolations as axeViolations,
  apiSession,
  ensureWebBuild,
  hasChromium,
  launchBrowser,
  screenshot,
  signInContext,
  startServer,
  type ApiSession,
  type Browser,
  type TestServer,
} from './support.ts';

interface ProjectListItem {
  id: string;
  name: string;
}

describe.skipIf(!hasChromium)('web application in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let admin: ApiSession;
  let base: string;

  const apiGet = <T>(path: string): Promise<T> => admin.get<T>(path);
  const openPage = (path: string): Promise<Page> => browser.open(path);
  const accessibilityViolations = (page: Page) => axeViolations(page);

  beforeAll(async () => {
    ensureWebBuild();
    server = await startServer(200);
    base = server.base;
    browser = await launchBrowser(base);
    await signInContext(browser.context, base, 'beheerder');
    admin = await apiSession(base, 'beheerder');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    expect(browser?.pageErrors ?? []).toEqual([]);
  });

  it('shows the project list at / and filters it by gemeente through the URL', async () => {
    const gemeenten = await apiGet<{ code: string; name: string; projectCount: number }[]>('/gemeenten');
    const gemeente = gemeenten.reduce((a, b) => (b.projectCount > a.projectCount ? b : a));
    expect(gemeente.projectCount).toBeGreaterThan(1);

    const page = await openPage('/');
    await page.waitForURL(/\/projecten$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Projecten' }).isVisible()).resolves.toBe(true);
    await page.getByText('Let op: dit zijn verzonnen demogegevens').waitFor();
    await page.getByRole('status').filter({ hasText: '200 projecten' }).waitFor();
    await expect(page.locator('[data-testid=project-table] tbody tr').first().locator('.wbm-demo-badge').textContent()).resolves.toMatch(/^Demo/);

    await expect(accessibilityViolations(page)).resolves.toEqual([]);

    // Keyboard: the first Tab reaches the skip link, which leads to the main content.
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Direct naar de inhoud');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('inhoud');

    await page.getByLabel('Gemeente', { exact: true }).selectOption(gemeente.code);
    await page.getByRole('button', { name: 'Toon projecten' }).click();
    await page.waitForURL(new RegExp(`gemeente=${gemeente.code}`));
    const expectedCount = `${gemeente.projectCount} projecten`;
    await page.getByRole('status').filter({ hasText: expectedCount }).waitFor();

    const gemeenteCells = await page.locator('[data-testid=project-table] tbody tr td:nth-child(2)').allTextContents();
    expect(gemeenteCells.length).toBe(Math.min(gemeente.projectCount, 25));
    expect(new Set(gemeenteCells)).toEqual(new Set([gemeente.name]));
    await screenshot(page, 'projecten-gefilterd-op-gemeente.png');

    // The filter lives in the URL: a reload shows the same list.
    await page.reload();
    await page.getByRole('status').filter({ hasText: expectedCount }).waitFor();
    // The list can arrive before the gemeente names that fill the select; the filter shows once they are there.
    await expect.poll(() => page.getByLabel('Gemeente', { exact: true }).inputValue()).toBe(gemeente.code);
    await page.close();
  });

  it('moves the M12 forecast far past its baseline and shows the milestone as seriously delayed', async () => {
    // A project still to be delivered, whose oplevering (M12) has a baseline and no actual date.
    const list = await apiGet<{ items: ProjectListItem[] }>('/projects?phase=vergunning,realisatie&status=groen,oranje&limit=50');
    let target: { id: string; name: string; baseline: string } | undefined;
    for (const item of list.items) {
      const detail = await apiGet<{ milestones: { code: string; baselineDate: string | null; actualDate: string | null }[] }>(`/projects/${item.id}`);
      const m12 = detail.milestones.find((m) => m.code === 'M12');
      if (m12?.baselineDate && !m12.actualDate) {
        target = { id: item.id, name: item.name, baseline: m12.baselineDate };
        break;
      }
    }
    expect(target, 'a demo project with a pending M12').toBeDefined();
    const { id, name, baseline } = target!;
    const farLater = `${Number(baseline.slice(0, 4)) + 3}${baseline.slice(4)}`;

    const page = await openPage(`/projecten/${id}`);
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.getByRole('table', { name: /Woningbouwprogramma/ }).waitFor();
    await page.locator('[data-testid=jaarschijven-chart] canvas').waitFor();

    await page.getByRole('button', { name: 'Wijzig M12 Oplevering' }).click();
    await expect(page.getByLabel('Mijlpaal', { exact: true }).inputValue()).resolves.toBe('M12');
    await page.getByLabel('Prognosedatum').fill(farLater);
    await giveDelayReasonIfAsked(page);
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Mijlpaal M12 Oplevering is opgeslagen.').waitFor();

    const delayCell = page.getByTestId('delay-M12');
    await expect(delayCell.textContent()).resolves.toContain('Ernstig vertraagd, 36 maanden later');
    await expect(page.getByTestId('project-status').textContent()).resolves.toContain('Ernstig vertraagd');
    await expect(page.getByTestId('status-reasons').textContent()).resolves.toContain('M12 Oplevering: 36 maanden later dan gepland');
    await expect(accessibilityViolations(page)).resolves.toEqual([]);
    await screenshot(page, 'project-m12-ernstig-vertraagd.png');

    // A rule broken on the server (oplevering before start bouw) is shown next to the field, in Dutch.
    await page.getByLabel('Werkelijke datum (gehaald op)').fill('2000-01-01');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    const actualField = page.getByLabel('Werkelijke datum (gehaald op)');
    await page.locator('.wbm-field-error').filter({ hasText: 'ligt vóór' }).waitFor();
    await expect(actualField.getAttribute('aria-invalid')).resolves.toBe('true');
    const describedBy = (await actualField.getAttribute('aria-describedby'))!.split(' ')[0];
    await expect(page.locator(`[id="${describedBy}"]`).textContent()).resolves.toContain('ligt vóór');
    await expect(accessibilityViolations(page)).resolves.toEqual([]);
    await screenshot(page, 'project-validatiefout.png');
    await page.close();
  });

  it('explains a version conflict and saves after loading the latest version', async () => {
    const list = await apiGet<{ items: (ProjectListItem & { version: number })[] }>('/projects?phase=planvorming,planologische_procedure&limit=1');
    const { id, name } = at(list.items, 0);
    // A new M11 forecast one day after the current one keeps the milestones in order.
    const before = await apiGet<{ milestones: { code: string; baselineDate: string | null; forecastDate: string | null }[] }>(`/projects/${id}`);
    const m11 = before.milestones.find((m) => m.code === 'M11')!;
    const newForecast = new Date(Date.parse(`${m11.forecastDate ?? m11.baselineDate}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const page = await openPage(`/projecten/${id}`);
    await page.getByRole('heading', { level: 1, name }).waitFor();

    // Someone else changes the project after this page loaded it.
    const current = await apiGet<{ version: number }>(`/projects/${id}`);
    const other = await (
      await apiSession(base, 'beheerder')
    ).send('PATCH', `/projects/${id}`, { version: current.version, description: 'Gewijzigd door een collega' });
    expect(other.status).toBe(200);

    await page.getByLabel('Mijlpaal', { exact: true }).selectOption('M11');
    await page.getByLabel('Prognosedatum').fill(newForecast);
    await giveDelayReasonIfAsked(page);
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Iemand anders was u voor').waitFor();
    await screenshot(page, 'project-versieconflict.png');

    await page.getByRole('button', { name: 'Laad de nieuwste versie' }).click();
    await page.getByText('De nieuwste versie van het project is geladen.').waitFor();
    await page.getByText('Gewijzigd door een collega').waitFor();
    await expect(page.getByLabel('Prognosedatum').inputValue()).resolves.toBe(newForecast);
    await giveDelayReasonIfAsked(page);
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Mijlpaal M11 Start bouw is opgeslagen.').waitFor();
    const after = await apiGet<{ milestones: { code: string; forecastDate: string | null }[] }>(`/projects/${id}`);
    expect(after.milestones.find((m) => m.code === 'M11')!.forecastDate).toBe(newForecast);
    await page.close();
  });

  it('draws the map with province boundaries and project points, with a text legend', async () => {
    const page = await openPage('/kaart');
    await page.locator('[data-testid=map][data-ready=true]').waitFor();
    await page.getByRole('status').filter({ hasText: '200 projecten op de kaart' }).waitFor();
    await page.getByRole('heading', { name: 'Legenda' }).waitFor();
    for (const text of ['Op schema', 'Aandacht nodig', 'Ernstig vertraagd']) await page.getByText(text, { exact: true }).first().waitFor();
    await expect(accessibilityViolations(page)).resolves.toEqual([]);
    await page.getByLabel('Provincie').selectOption({ label: 'Utrecht' });
    await page.waitForURL(/provincie=PV26/);
    await page.getByRole('status').filter({ hasText: 'op de kaart in Utrecht' }).waitFor();
    await page.waitForTimeout(500); // let the map finish drawing for the screenshot
    await screenshot(page, 'kaart-utrecht.png');
    await page.close();
  });
});
