/**
 * Issue 11 item 4 (targets) in headless Chromium: the demo province analyst opens Doelen from the header,
 * adds a target for a gemeente of the province and sees it listed with the figures the API returns; an
 * impossible figure is refused next to its field and nothing is saved; a small CSV with one bad row shows
 * that row's problem and adds nothing (all or nothing). axe on the page with both error reports shown.
 * Screenshot: test-artifacts/doelen.png.
 *
 * Needs /usr/bin/chromium; run under `flock /tmp/wbm-web.lock`.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessibilityViolations,
  apiSession,
  closeAndCheckPageErrors,
  followMenuLink,
  hasChromium,
  screenshot,
  signedInPage,
  startServer,
  startWithBrowser,
  type ApiSession,
  type Browser,
  type TestServer,
} from './support.ts';

interface TargetView {
  id: string;
  geoCode: string | null;
  geoName: string;
  periodStart: number;
  periodEnd: number;
  homes: number | null;
  synthetic?: boolean;
}

let server: TestServer;
let browser: Browser;
let analyst: ApiSession;
let page: Page;

const listTargets = async () => (await analyst.get<{ items: TargetView[] }>('/targets')).items;

/** Chooses a CSV file with these lines to import and presses "Importeren". */
async function importCsv(lines: string[]) {
  await page.getByTestId('target-import-file').setInputFiles({ name: 'doelen.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
  await page.getByRole('button', { name: 'Importeren' }).click();
}

/** Opens "Doel toevoegen", fills in a target of the gemeente Amsterdam as typed here and presses "Opslaan"; returns the form. */
async function saveNewAmsterdamTarget(typed: { start: string; end: string; homes: string; source: string }) {
  await page.getByRole('button', { name: 'Doel toevoegen' }).click();
  const form = page.getByTestId('target-form');
  await form.getByLabel('Niveau').selectOption('gemeente');
  await form.getByTestId('target-geoCode').selectOption('GM0363');
  await form.getByLabel('Beginjaar').fill(typed.start);
  await form.getByLabel('Eindjaar').fill(typed.end);
  await form.getByLabel('Aantal').fill(typed.homes);
  await form.getByLabel('Bron: titel en datum van het document').fill(typed.source);
  await form.getByRole('button', { name: 'Opslaan' }).click();
  return form;
}

describe.skipIf(!hasChromium)('Doelen in Chromium', () => {
  beforeAll(async () => {
    ({ server, browser } = await startWithBrowser(() => startServer(30, 3)));
    analyst = await apiSession(server.base, 'provincie_analist');
    page = await signedInPage(browser, server.base, 'provincie_analist', '/doelen');
    await followMenuLink(page, 'Doelen', 'targets', /\/doelen$/);
  }, 300_000);

  afterAll(async () => {
    await page?.close();
    await closeAndCheckPageErrors(browser, server);
  });

  it('adds a target for a gemeente of the province and lists it with the figures the API returns', async () => {
    await expect(page.getByRole('heading', { level: 1, name: 'Doelen' }).isVisible()).resolves.toBe(true);
    // Only the province's targets: the real Noord-Holland target is there (read only for a demo account), Zuid-Holland's is not.
    const table = page.getByTestId('targets-table');
    await expect(table.textContent()).resolves.toContain('Noord-Holland');
    await expect(table.textContent()).resolves.not.toContain('Zuid-Holland');

    await saveNewAmsterdamTarget({ start: '2026', end: '2030', homes: '12.345', source: 'Woondeal regio Amsterdam, 12 oktober 2022' });
    await page.getByTestId('target-saved').filter({ hasText: 'is toegevoegd' }).waitFor();

    const stored = (await listTargets()).find((t) => t.geoCode === 'GM0363' && t.homes === 12345);
    expect(stored).toMatchObject({ geoName: 'Amsterdam', periodStart: 2026, periodEnd: 2030, synthetic: true });
    const row = table.locator(`tr[data-target-id="${stored!.id}"]`);
    await expect(row.locator('[data-field=figure]').textContent()).resolves.toBe('12.345 woningen');
    await expect(row.locator('[data-field=period]').textContent()).resolves.toBe(`${stored!.periodStart}–${stored!.periodEnd}`);
    await expect(row.textContent()).resolves.toContain('Woondeal regio Amsterdam, 12 oktober 2022');
    await expect(row.getByRole('button', { name: /Wijzigen/ }).count()).resolves.toBe(1);
  }, 60_000);

  it('says "iemand anders was u voor" when the target changed meanwhile, keeps what was typed, and saves after loading the newest version', async () => {
    const stored = (await listTargets()).find((t) => t.geoCode === 'GM0363' && t.homes === 12345);
    const row = page.getByTestId('targets-table').locator(`tr[data-target-id="${stored!.id}"]`);
    await row.getByRole('button', { name: /Wijzigen/ }).click();
    const form = page.getByTestId('target-form');
    await expect(form.getByLabel('Aantal').inputValue()).resolves.toBe('12345');
    // Someone else (another session) changes the same target first.
    const other = await analyst.send<TargetView & { version: number }>('PATCH', `/targets/${stored!.id}`, {
      version: 1,
      note: 'Aangepast door een collega',
    });
    expect(other.status).toBe(200);

    await form.getByLabel('Aantal').fill('13000');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('alert').filter({ hasText: 'Iemand anders was u voor' }).waitFor();
    await expect(form.getByLabel('Aantal').inputValue()).resolves.toBe('13000');
    await form.getByRole('button', { name: 'Laad de nieuwste versie' }).click();
    await form.getByText('De nieuwste versie van de doelen is geladen').waitFor();
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByTestId('target-saved').filter({ hasText: 'is gewijzigd' }).waitFor();
    await expect(row.locator('[data-field=figure]').textContent()).resolves.toBe('13.000 woningen');
    const after = (await listTargets()).find((t) => t.id === stored!.id);
    expect(after).toMatchObject({ homes: 13000 });
  }, 60_000);

  it('refuses an impossible figure next to its field and saves nothing', async () => {
    const before = (await listTargets()).length;
    const form = await saveNewAmsterdamTarget({ start: '2030', end: '2026', homes: '-40', source: 'Een brief' });

    const homesField = form.locator('.utrecht-form-field--invalid').filter({ has: page.getByTestId('target-homes') });
    await expect(homesField.textContent()).resolves.toContain('Vul het aantal woningen in als heel getal van 0 of meer.');
    const endField = form.locator('.utrecht-form-field--invalid').filter({ has: page.getByTestId('target-periodEnd') });
    await expect(endField.textContent()).resolves.toContain('Het eindjaar mag niet voor het beginjaar liggen.');
    await expect(page.getByTestId('target-error-summary').textContent()).resolves.toContain('Aantal');
    await expect(form.getByLabel('Aantal').inputValue()).resolves.toBe('-40');
    await expect(page.getByTestId('target-homes').getAttribute('aria-invalid')).resolves.toBe('true');
    expect((await listTargets()).length).toBe(before);
  }, 60_000);

  it('imports nothing from a CSV with one bad row and names that row and column', async () => {
    const before = (await listTargets()).length;
    await importCsv([
      'geoLevel,geoCode,geoName,periodStart,periodEnd,homes,sourceRef',
      'gemeente,GM0363,Amsterdam,2031,2035,5000,"Woondeal regio Amsterdam, 12 oktober 2022"',
      'gemeente,GM0363,Amsterdam,2036,2040,veel,"Woondeal regio Amsterdam, 12 oktober 2022"',
    ]);
    const report = page.getByTestId('target-import-error-table');
    await report.waitFor();
    const rows = report.locator('tbody tr');
    await expect(rows.count()).resolves.toBe(1);
    await expect(rows.first().textContent()).resolves.toMatch(/^3.*Aantal \(homes\).*'veel' is geen heel getal/);
    await expect(page.getByTestId('target-import-errors').textContent()).resolves.toContain('Er is niets geïmporteerd');
    expect((await listTargets()).length).toBe(before);

    await expect(accessibilityViolations(page)).resolves.toEqual([]);
    await screenshot(page, 'doelen.png');
  }, 60_000);

  it('imports a correct CSV: says how many targets were added and changed, and lists them', async () => {
    await importCsv([
      'geoLevel;geoCode;geoName;periodStart;periodEnd;homes;sourceRef',
      'gemeente;GM0363;Amsterdam;2031;2035;5000;Woondeal regio Amsterdam, 12 oktober 2022',
      'gemeente;GM0363;Amsterdam;2026;2030;13000;Woondeal regio Amsterdam, 12 oktober 2022',
    ]);
    await expect(page.getByTestId('target-import-result').textContent()).resolves.toBe('2 regels gelezen: 1 doel toegevoegd en 1 doel gewijzigd.');
    const added = (await listTargets()).find((t) => t.geoCode === 'GM0363' && t.periodStart === 2031);
    expect(added).toMatchObject({ homes: 5000, synthetic: true });
    await page.locator(`[data-testid=targets-table] tr[data-target-id="${added!.id}"]`).waitFor();
  }, 60_000);
});
