/**
 * The Financiële instrumenten landing page and the Realisatiestimulans pages (issue 16; SPEC §1, §4.1) in headless
 * Chromium over the demo dataset: the ministry opens the national page (budget against claims, payout, per
 * province and gemeente); the demo gemeente (Amsterdam) follows the menu to its own page, drills down from a year
 * to the projects behind its amount (their total equals the amount) and cannot open another gemeente's figures.
 * axe (WCAG 2.2 AA) passes on each page. Screenshots: test-artifacts/realisatiestimulans-*.png.
 *
 * Needs /usr/bin/chromium; skipped without it. Run under `flock /tmp/wbm-web.lock` (shares web/dist).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessibilityViolations,
  apiSession,
  closeAndCheckPageErrors,
  hasChromium,
  screenshot,
  signedInPage,
  startServer,
  startWithBrowser,
  type Browser,
  type TestServer,
} from './support.ts';

describe.skipIf(!hasChromium)('Realisatiestimulans pages (SPEC §4.1; a gemeente sees only its own figures)', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    ({ server, browser } = await startWithBrowser(() => startServer(600)));
  }, 240_000);
  afterAll(() => closeAndCheckPageErrors(browser, server));

  it('the ministry sees the three instruments, then the national figures with the budget and every gemeente; axe passes', async () => {
    const page = await signedInPage(browser, server.base, 'ministerie_analist', 'ministry');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Financiële instrumenten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Financiële instrumenten' }).waitFor();
    for (const id of ['realisatiestimulans', 'woningbouwimpuls', 'gebiedsbudget']) await page.getByTestId(`instrument-${id}`).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'realisatiestimulans-landing.png');

    await page.getByRole('link', { name: 'Realisatiestimulans' }).click();
    await page.getByRole('heading', { level: 1, name: 'Realisatiestimulans' }).waitFor();
    await page.getByTestId('rs-gemeenten').waitFor({ timeout: 60_000 });
    await page.getByTestId('rs-budget').waitFor();
    const text = await page.locator('main').innerText();
    expect(text).toContain('niet vastgelegd in beleid');
    expect(text).toContain('huurtoeslaggrens');
    expect(text).toContain('Staatscourant 2025, nr. 36777');

    // The Amsterdam row shows what the API computes for Amsterdam.
    const ministry = await apiSession(server.base, 'ministerie_analist');
    const amsterdam = await ministry.get<{ figures: { start_bouw: { realised: { netEuros: number } } } }>('/realisatiestimulans/gemeenten/GM0363');
    const row = page.getByTestId('rs-gemeenten').locator('tr[data-code=GM0363]');
    if (amsterdam.figures.start_bouw.realised.netEuros > 0) {
      await expect(row.locator('[data-net-start]').getAttribute('data-net-start')).resolves.toBe(
        String(amsterdam.figures.start_bouw.realised.netEuros),
      );
    }
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'realisatiestimulans-national.png');
    await page.close();
  }, 180_000);

  it('the gemeente lands on its own page, drills down to the projects behind an amount, and cannot open another gemeente', async () => {
    const page = await signedInPage(browser, server.base, 'gemeente_editor', 'gemeente');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Financiële instrumenten' }).click();
    await page.getByRole('link', { name: 'Realisatiestimulans' }).click();
    await page.waitForURL(/\/instrumenten\/realisatiestimulans\/GM0363/);
    await page.getByRole('heading', { level: 1, name: /Realisatiestimulans Amsterdam/ }).waitFor({ timeout: 60_000 });
    await page.getByTestId('rs-years-start_bouw').waitFor();

    // A year with projects: its amount equals the total of the projects behind it.
    const yearRow = page
      .getByTestId('rs-years-start_bouw')
      .locator('tbody tr')
      .filter({ has: page.getByRole('button', { name: /Bekijk projecten/ }) })
      .first();
    const amount = await yearRow.locator('[data-net]').getAttribute('data-net');
    await yearRow.getByRole('button', { name: /Bekijk projecten/ }).click();
    const total = page.getByTestId('rs-project-lines-total');
    await total.waitFor();
    await expect(total.getAttribute('data-net')).resolves.toBe(amount);
    expect(await page.getByTestId('rs-project-lines').locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'realisatiestimulans-gemeente.png');

    // A wrong supplement is refused at its field, and the figures shown stay.
    const lead = await page.getByTestId('rs-years-start_bouw').innerText();
    const supplement = page.getByLabel(/Opslag per betaalbare woning in een stedelijk focusgebied/);
    await supplement.fill('-500');
    await page.getByRole('button', { name: 'Toon de bedragen' }).click();
    await page.getByText('Een opslag kan niet negatief zijn.').waitFor();
    await expect(supplement.getAttribute('aria-invalid')).resolves.toBe('true');
    expect(page.url()).not.toContain('nplvPerHomeEuros');
    expect(await page.getByTestId('rs-years-start_bouw').innerText()).toBe(lead);
    expect(await accessibilityViolations(page)).toEqual([]);
    await supplement.fill('');
    await page.getByRole('button', { name: 'Toon de bedragen' }).click();

    // Another gemeente's figures: not found, on the page and in the API.
    await page.goto(`${server.base}/instrumenten/realisatiestimulans/GM0344`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page
      .getByText(/bestaat niet|niet gevonden/i)
      .first()
      .waitFor({ timeout: 30_000 });
    expect(await page.locator('main').innerText()).not.toContain('Geteld bij start bouw');
    const gemeente = await apiSession(server.base, 'gemeente_editor');
    expect((await gemeente.send('GET', '/realisatiestimulans/gemeenten/GM0344')).status).toBe(404);
    const own = await gemeente.get<{ gemeenten: Array<{ gemeenteCode: string }> }>('/realisatiestimulans');
    expect(own.gemeenten.map((g) => g.gemeenteCode)).toEqual(['GM0363']);
    await page.close();
  }, 180_000);
});
