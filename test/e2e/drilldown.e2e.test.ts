/**
 * Issue 8 item 18 in headless Chromium: clicking a figure of the Tafeloverzicht opens the project list
 * with that figure's filter, and the number on the list page equals the figure (count of projects, or
 * the sum of homes, delayed milestones or open knelpunten). As the demo table secretary and the demo
 * ministry analyst. The Landelijk overzicht has no figure that opens the project list (checked, so a
 * link added later must come with its filter). Screenshots: test-artifacts/drilldown-*.png.
 *
 * Needs /usr/bin/chromium; run under `flock /tmp/wbm-web.lock`.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeAndCheckPageErrors,
  hasChromium,
  screenshot,
  signInThroughPage,
  startServer,
  startWithBrowser,
  type Browser,
  type TestServer,
} from './support.ts';

const TABLE_PATH = '/tafels/vt-amsterdam-e-o';

/** "1.234" / "12 projecten" / "in 5 projecten" → the first whole number in the text (Dutch thousands separator). */
function numberIn(text: string | null): number {
  const match = /\d[\d.]*/.exec(text ?? '');
  if (!match) throw new Error(`no number in '${text}'`);
  return Number(match[0].replace(/\./g, ''));
}

async function openDashboard(page: Page, base: string): Promise<void> {
  await page.goto(`${base}${TABLE_PATH}`);
  await page.locator('[data-testid=dashboard][data-ready=true]').waitFor({ timeout: 60_000 });
}

/** What the list page shows after a click: its project count and its sums. */
async function listFigures(page: Page): Promise<{ projects: number; sums: Record<string, number> }> {
  await page.waitForURL(/\/projecten\?/);
  const sums = page.getByTestId('list-sums');
  await sums.waitFor({ timeout: 30_000 });
  const projects = numberIn(await page.locator('.wbm-count strong').textContent());
  const values: Record<string, number> = {};
  for (const part of await sums.locator('[data-sum]').all())
    values[(await part.getAttribute('data-sum'))!] = Number(await part.getAttribute('data-value'));
  return { projects, sums: values };
}

interface Check {
  name: string;
  /** The link to click, found on the freshly loaded dashboard. */
  link: (page: Page) => Locator;
  /** The figure(s) shown next to it, read before the click. */
  read: (page: Page) => Promise<{ projects?: number; sums?: Record<string, number> }>;
}

const text = (l: Locator) => l.textContent();

const CHECKS: Check[] = [
  {
    name: 'Projecten',
    link: (p) => p.getByTestId('figure-projects').getByRole('link'),
    read: async (p) => ({
      projects: numberIn(await text(p.getByTestId('figure-projects').locator('.wbm-figure-card__value'))),
      sums: { homes: numberIn(await text(p.getByTestId('figure-projects').locator('.wbm-figure-card__detail'))) },
    }),
  },
  {
    name: 'Betaalbaar',
    link: (p) => p.getByTestId('figure-affordable').getByRole('link'),
    read: async (p) => ({ sums: { affordableHomes: numberIn(await text(p.getByTestId('figure-affordable').locator('.wbm-figure-card__detail'))) } }),
  },
  {
    name: 'Sociale huur',
    link: (p) => p.getByTestId('figure-social').getByRole('link'),
    read: async (p) => ({ sums: { socialHomes: numberIn(await text(p.getByTestId('figure-social').locator('.wbm-figure-card__detail'))) } }),
  },
  {
    name: 'Vertraagde mijlpalen',
    link: (p) => p.getByTestId('figure-delayed').getByRole('link'),
    read: async (p) => ({
      projects: numberIn(await text(p.getByTestId('figure-delayed').locator('.wbm-figure-card__detail'))),
      sums: { delayedMilestones: numberIn(await text(p.getByTestId('figure-delayed').locator('.wbm-figure-card__value'))) },
    }),
  },
  {
    name: 'Verwacht in het eerste jaar',
    link: (p) => p.getByTestId('completions-table').locator('tbody tr').first().getByRole('link'),
    read: async (p) => ({
      sums: { yearHomes: numberIn(await text(p.getByTestId('completions-table').locator('tbody tr').first().locator('td').first())) },
    }),
  },
  {
    name: 'Eerste fase met projecten',
    link: (p) =>
      p
        .getByTestId('pipeline-phase')
        .locator('tbody tr')
        .filter({ has: p.getByRole('link') })
        .first()
        .getByRole('link'),
    read: async (p) => {
      const cells = p
        .getByTestId('pipeline-phase')
        .locator('tbody tr')
        .filter({ has: p.getByRole('link') })
        .first()
        .locator('td');
      return { projects: numberIn(await text(cells.nth(0))), sums: { homes: numberIn(await text(cells.nth(1))) } };
    },
  },
  {
    name: 'Status rood',
    link: (p) => p.getByTestId('status-table').locator('tbody tr').last().getByRole('link'),
    read: async (p) => ({ projects: numberIn(await text(p.getByTestId('status-table').locator('tbody tr').last().locator('td').first())) }),
  },
  {
    name: 'Knelpunten van de grootste categorie',
    link: (p) => p.getByTestId('knelpunten-table').locator('tbody tr').first().getByRole('link'),
    read: async (p) => {
      const cells = p.getByTestId('knelpunten-table').locator('tbody tr').first().locator('td');
      return { projects: numberIn(await text(cells.nth(1))), sums: { openKnelpunten: numberIn(await text(cells.nth(0))) } };
    },
  },
];

describe.skipIf(!hasChromium)('drill-down from figures to the project list in Chromium (issue 8 item 18)', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    ({ server, browser } = await startWithBrowser(() => startServer(400, 3)));
  }, 180_000);

  afterAll(() => closeAndCheckPageErrors(browser, server));

  async function clickEveryFigure(page: Page, who: string) {
    await openDashboard(page, server.base);
    await screenshot(page, `drilldown-tafeloverzicht-${who}.png`);
    for (const check of CHECKS) {
      await openDashboard(page, server.base);
      const figure = await check.read(page);
      await check.link(page).click();
      const list = await listFigures(page);
      if (figure.projects !== undefined) expect(list.projects, `${who}: ${check.name}, projecten`).toBe(figure.projects);
      for (const [key, value] of Object.entries(figure.sums ?? {})) expect(list.sums[key], `${who}: ${check.name}, ${key}`).toBe(value);
    }
  }

  it('as the demo table secretary: every figure opens a list with the same number', async () => {
    const page = await browser.context.newPage();
    page.on('pageerror', (err) => browser.pageErrors.push(`secretaris: ${err.message}`));
    await signInThroughPage(page, server.base, 'tafel_secretaris');
    await clickEveryFigure(page, 'secretaris');
    // The delayed figure names milestones and projects, and its list is smaller than the whole table.
    await openDashboard(page, server.base);
    await expect(text(page.getByTestId('figure-delayed'))).resolves.toMatch(/Vertraagde mijlpalen[\d.]+in [\d.]+ projecten/);
    const all = numberIn(await text(page.getByTestId('figure-projects').locator('.wbm-figure-card__value')));
    await page.getByTestId('figure-delayed').getByRole('link').click();
    expect((await listFigures(page)).projects).toBeLessThan(all);
    await screenshot(page, 'drilldown-vertraagd-secretaris.png');
    await page.close();
  }, 400_000);

  it('as the demo ministry analyst: the same on the table, and the Landelijk overzicht has no figure that opens the project list', async () => {
    const page = await browser.context.newPage();
    page.on('pageerror', (err) => browser.pageErrors.push(`ministerie: ${err.message}`));
    await signInThroughPage(page, server.base, 'ministerie_analist');
    await clickEveryFigure(page, 'ministerie');
    await page.goto(`${server.base}/landelijk`);
    await page.locator('[data-testid=national][data-ready=true]').waitFor({ timeout: 60_000 });
    await screenshot(page, 'drilldown-landelijk-ministerie.png');
    await expect(page.getByTestId('national').locator('a[href^="/projecten"]').count()).resolves.toBe(0);
    await page.close();
  }, 400_000);
});
