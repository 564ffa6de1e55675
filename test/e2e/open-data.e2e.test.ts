/**
 * The public open-data page (issue 13 part 4) in headless Chromium, signed out, without demo mode: the figures
 * per gemeente for the last full quarter on the map and in the table, the lone project of a province hidden,
 * the downloads answering, the field definitions there, and axe (WCAG 2.2 AA) passing at 1280 and 390 px.
 * SPEC §1 (public: "aggregated open data and maps; no project-level confidential data"), §7, §8.
 * Screenshots: test-artifacts/open-data.png, open-data-390.png.
 *
 * Needs /usr/bin/chromium; skipped without it. Run under `flock /tmp/wbm-web.lock` (shares web/dist).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ACTOR } from '../helpers/auth.ts';
import { createServices } from '../../src/services/container.ts';
import { addKwartalen, kwartaalLabel, kwartaalStart, quarterOf } from '../../src/domain/kwartaal.ts';
import { createTestDb } from '../helpers/test-db.ts';
import {
  accessibilityViolations,
  closeAndCheckPageErrors,
  hasChromium,
  screenshot,
  serve,
  startWithBrowser,
  type Browser,
  type TestServer,
} from './support.ts';

const LONE = 'Vertrouwelijk Eenzaam Hof';
/** The quarter the page opens on: the last full one. */
const QUARTER = addKwartalen(quarterOf(new Date().toISOString().slice(0, 10)), -1);
const STARTED = `${kwartaalStart(QUARTER).slice(0, 8)}15`;

/**
 * Real projects (demo mode off), all started (M11) in QUARTER: Groningen 1 (hidden), Amsterdam 6 and Haarlem 4
 * (Noord-Holland is hidden beside Groningen, and with it its smallest gemeente, Haarlem), Utrecht 12.
 */
async function start(): Promise<TestServer> {
  const t = await createTestDb();
  const services = createServices(t.db, { auth: { demoMode: false } });
  const add = (name: string, gemeenteCode: string, homes: number) =>
    services.projects.create(
      {
        name,
        gemeenteCode,
        planStatus: 'onherroepelijk',
        location: { lon: 5.1, lat: 52.1 },
        programme: [{ segment: 'sociale_huur', woningtype: 'gestapeld', doelgroep: 'regulier', homes }],
        milestones: [
          { code: 'M01', baselineDate: '2024-01-10', forecastDate: '2024-01-10', actualDate: '2024-01-10' },
          { code: 'M11', baselineDate: STARTED, forecastDate: STARTED, actualDate: STARTED },
        ],
      },
      ADMIN_ACTOR,
    );
  await add(LONE, 'GM0014', 487);
  for (let i = 0; i < 6; i++) await add(`Vertrouwelijk Amstel ${i}`, 'GM0363', 50);
  for (let i = 0; i < 4; i++) await add(`Vertrouwelijk Spaarne ${i}`, 'GM0392', 40);
  for (let i = 0; i < 12; i++) await add(`Vertrouwelijk Merwede ${i}`, 'GM0344', 10);
  return serve(t, services);
}

describe.skipIf(!hasChromium)('open data page, signed out (SPEC §1 public, §7, §8)', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    ({ server, browser } = await startWithBrowser(start));
  }, 180_000);
  afterAll(() => closeAndCheckPageErrors(browser, server));

  it('shows the last quarter per gemeente on the map and in the table, small figures hidden, downloads and field definitions; axe at 1280 and 390 px', async () => {
    const page = await browser.open('/open-data');
    await page.getByRole('heading', { level: 1, name: 'Open data' }).waitFor();
    await page.locator('[data-testid=map][data-ready=true]').waitFor({ timeout: 60_000 });
    const table = page.getByTestId('open-data-table');
    await table.locator('tr[data-code=GM0344]').waitFor();
    await expect(page.getByLabel('Kwartaal', { exact: true }).inputValue()).resolves.toBe(QUARTER);
    await expect(page.getByRole('heading', { level: 2, name: `Cijfers per gemeente, ${kwartaalLabel(QUARTER)}` }).count()).resolves.toBe(1);

    const text = await page.locator('body').innerText();
    expect(text).toContain('Aantallen van minder dan 3 projecten tonen we niet');
    expect(text).not.toContain(LONE);
    expect(text).not.toContain('Vertrouwelijk');
    // Utrecht: 12 starts of 10 homes; Amsterdam: 6 of 50; Groningen's one and Haarlem's four hidden.
    await expect(table.locator('tr[data-code=GM0344] td').nth(0).innerText()).resolves.toBe('120');
    await expect(table.locator('tr[data-code=GM0363] td').nth(0).innerText()).resolves.toBe('300');
    await expect(table.locator('tr[data-code=GM0014] td').nth(0).innerText()).resolves.toContain('–');
    await expect(table.locator('tr[data-code=GM0392] td').nth(0).innerText()).resolves.toContain('–');
    // The page shows the server's address (OGC API Features); its random port may hold these digits too.
    expect(text.replaceAll(server.base, '')).not.toContain('487');
    await expect(page.getByRole('status').first().innerText()).resolves.toContain('op de kaart');

    // The field definitions and the downloads, which answer.
    const definitions = await page.getByTestId('open-data-definitions').innerText();
    for (const column of ['gestart_woningen', 'opgeleverd_woningen', 'pijplijn_woningen', 'kwartaal']) expect(definitions).toContain(column);
    const hrefs = await page
      .getByTestId('open-data-downloads')
      .locator('a')
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')!));
    expect(hrefs).toHaveLength(4);
    for (const href of hrefs) {
      const res = await browser.context.request.get(`${server.base}${href}`);
      expect(res.status(), href).toBe(200);
      expect(await res.text()).not.toContain('Vertrouwelijk');
    }
    const csv = await (await browser.context.request.get(`${server.base}${hrefs[0]}`)).text();
    expect(csv.split('\r\n')[0]).toMatch(/^gemeente_code,gemeente_naam,provincie_code,kwartaal,gestart_projecten,gestart_woningen,/);

    await expect(accessibilityViolations(page)).resolves.toEqual([]);
    await screenshot(page, 'open-data.png');

    // Another figure and an earlier quarter (before any start: nothing to show, no error).
    await page.getByLabel('Cijfer op de kaart', { exact: true }).selectOption('completedHomes');
    await page.getByLabel('Kwartaal', { exact: true }).selectOption(addKwartalen(QUARTER, -1));
    await expect(
      page.getByRole('heading', { level: 2, name: `Cijfers per gemeente, ${kwartaalLabel(addKwartalen(QUARTER, -1))}` }).count(),
    ).resolves.toBe(1);
    await table.locator('tr[data-code=GM0344]').waitFor();
    // The earlier quarter's figures replace the last ones once loaded.
    await expect.poll(() => table.locator('tr[data-code=GM0344] td').nth(0).innerText(), { timeout: 30_000 }).toBe('0');
    expect(await page.locator('body').innerText()).not.toContain('Er ging iets mis');

    await page.setViewportSize({ width: 390, height: 844 });
    await expect(accessibilityViolations(page)).resolves.toEqual([]);
    await screenshot(page, 'open-data-390.png');
    await page.close();
  }, 180_000);

  it('is linked from the public map', async () => {
    const page = await browser.open('/kaart');
    await page.getByRole('link', { name: 'open data' }).click();
    await page.getByRole('heading', { level: 1, name: 'Open data' }).waitFor();
    await page.close();
  }, 60_000);
});
