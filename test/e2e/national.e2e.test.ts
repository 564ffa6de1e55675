/**
 * End-to-end test of the national dashboard (/landelijk, issue 3 point 5) in headless Chromium: a real
 * server with about 300 synthetic demo projects and the CBS figures, signed in as the demo ministry
 * analyst. Checks the province map and table, production against 100,000 with the real CBS figure for
 * 2019, the special targets, the PPM use per region, axe-core, and that a gemeente editor gets the public
 * version (figures of fewer than 3 projects hidden, with the rule). Screenshot: test-artifacts/landelijk-overzicht.png.
 *
 * Needs /usr/bin/chromium (`apt-get install -y chromium chromium-driver`); skipped without it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessibilityViolations,
  closeAndCheckPageErrors,
  followMenuLink,
  hasChromium,
  screenshot,
  signedInPage,
  startServer,
  startWithBrowser,
  type Browser,
  type TestServer,
} from './support.ts';

describe.skipIf(!hasChromium)('national dashboard in Chromium', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    ({ server, browser } = await startWithBrowser(() => startServer(300)));
    // BAG statuses (issue 13 item 3): two homes in Amsterdam started in 2023, one of them in use in 2024, and an office.
    const bag = [
      'verblijfsobject_id;pand_id;gemeente_code;woonfunctie;status;status_datum;pand_status;pand_status_datum;x;y',
      '0363010000000001;0363100000000001;GM0363;ja;Verblijfsobject gevormd;2023-01-05;Bouw gestart;2023-03-31;;',
      '0363010000000001;0363100000000001;GM0363;ja;Verblijfsobject in gebruik;2024-04-01;Pand in gebruik;2024-04-01;;',
      '0363010000000002;0363100000000001;GM0363;ja;Verblijfsobject gevormd;2023-01-05;Bouw gestart;2023-03-31;;',
      '0363010000000003;0363100000000002;GM0363;kantoorfunctie;Verblijfsobject gevormd;2023-01-05;Bouw gestart;2023-03-31;;',
    ].join('\n');
    const imported = await server.services.bagImport.importText(bag, { file: 'bag.csv', actorName: 'e2e' });
    expect(imported.errors).toEqual([]);
  }, 180_000);

  afterAll(() => closeAndCheckPageErrors(browser, server));

  it('shows the ministry analyst the national roll-up: map, production against 100,000, shares, special targets and PPM use', async () => {
    const page = await signedInPage(browser, server.base, 'ministerie_analist', '/landelijk');

    // Reached through the header navigation.
    await followMenuLink(page, 'Landelijk overzicht', 'national', /\/landelijk$/);
    await expect(page.evaluate(() => performance.getEntriesByName('wbm:landelijk').length)).resolves.toBe(1);
    await expect(page.getByRole('heading', { level: 1, name: 'Landelijk overzicht' }).isVisible()).resolves.toBe(true);

    // (1) Provinces: a drawn map, a text legend and a table with the twelve provinces.
    await expect(page.locator('[data-testid=national-map][data-ready=true] canvas').count()).resolves.toBeGreaterThan(0);
    await expect(page.getByTestId('national-map-legend').textContent()).resolves.toContain('Geen doel bekend');
    const provinceRows = page.locator('[data-testid=province-table] tbody tr');
    await expect(provinceRows.count()).resolves.toBe(12);
    await expect(page.getByTestId('province-table').textContent()).resolves.toContain('Noord-Holland');

    // (2) Production: the chart is drawn; the table has the real CBS figure of 2019 and the 100,000 target.
    await expect(page.locator('[data-testid=production-chart] canvas').count()).resolves.toBeGreaterThan(0);
    const row2019 = page.locator('[data-testid=production-table] tbody tr[data-year="2019"]');
    await expect(row2019.locator('td').first().textContent()).resolves.toBe('71.548');
    await expect(page.getByTestId('production-table').textContent()).resolves.toContain('100.000');

    // (3) Shares against 2/3 and 30%.
    await expect(page.getByTestId('shares-table').locator('tbody tr').count()).resolves.toBeGreaterThan(0);
    await expect(page.getByTestId('national-figures').textContent()).resolves.toMatch(/Doel: twee derde/);

    // (4) Special targets, each with progress or why it cannot be measured yet.
    const targets = page.getByTestId('special-target');
    expect(await targets.count()).toBeGreaterThanOrEqual(5);
    const names = await targets.locator('h3').allTextContents();
    expect(names).toEqual(
      expect.arrayContaining(['Woningen op doorbraaklocaties', 'Extra studentenwoningen en -kamers', 'Woningen in NPLV-gebieden']),
    );
    const notMeasurable = targets.filter({ hasText: 'Nog niet meetbaar' });
    if ((await notMeasurable.count()) > 0) await expect(notMeasurable.first().textContent()).resolves.toContain('Waarom niet meetbaar');

    // (5) PPM use per region.
    const ppmRows = page.locator('[data-testid=ppm-regions] tbody tr');
    expect(await ppmRows.count()).toBeGreaterThan(0);
    await expect(ppmRows.first().locator('td').nth(2).textContent()).resolves.toMatch(/^✓ Ja$|^✗ Nee$/);

    // (6) BAG: started and completed homes per year next to CBS and the monitor (SPEC §4.1 counting bases).
    const bag2023 = page.locator('[data-testid=bag-table] tbody tr[data-year="2023"]');
    await expect(bag2023.locator('td').nth(0).textContent()).resolves.toBe('2');
    await expect(bag2023.locator('td').nth(1).textContent()).resolves.toBe('0');
    const bag2024 = page.locator('[data-testid=bag-table] tbody tr[data-year="2024"]');
    await expect(bag2024.locator('td').nth(1).textContent()).resolves.toBe('1');

    // Real and synthetic figures are told apart.
    await expect(page.getByTestId('data-notes').textContent()).resolves.toMatch(/CBS[\s\S]*Verzonnen cijfers/);

    await expect(accessibilityViolations(page)).resolves.toEqual([]);
    await screenshot(page, 'landelijk-overzicht.png');
    // At 390 px wide too (the BAG table scrolls sideways inside its container).
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(page.getByTestId('bag-table').isVisible()).resolves.toBe(true);
    await expect(accessibilityViolations(page)).resolves.toEqual([]);
    await page.close();
  }, 120_000);

  it('shows a gemeente editor the public version of /landelijk (issue 8 item 23): the menu item, the figures, and the rule that hides small figures', async () => {
    const page = await signedInPage(browser, server.base, 'gemeente_editor', '/landelijk (gemeente)');
    await followMenuLink(page, 'Landelijk overzicht', 'national', /\/landelijk$/);
    await expect(page.getByTestId('national-no-access').count()).resolves.toBe(0);
    await expect(page.getByTestId('disclosure-rule').textContent()).resolves.toContain('Aantallen van minder dan 3 projecten tonen we niet');
    await expect(page.locator('[data-testid=province-table] tbody tr').count()).resolves.toBe(12);
    // The BAG section is for those who see the whole country.
    await expect(page.getByTestId('bag-table').count()).resolves.toBe(0);
    await expect(accessibilityViolations(page)).resolves.toEqual([]);
    await page.close();
  }, 60_000);
});
