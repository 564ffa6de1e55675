/**
 * Issue 11 item 1 in headless Chromium: Tafels inrichten. A province analyst (a real account with a password) opens
 * "Tafels inrichten" from the header, tries an empty name and a gemeente outside the province (a Dutch error, nothing
 * stored), creates a table of three gemeenten of the province, finds it in the list as a link, renames it and adds a
 * member organisation. A table secretary adds and removes a member of their own table but gets no form for its
 * gemeenten. A gemeente editor has no link and gets a plain message. axe finds no violations on either page.
 * Screenshots: test-artifacts/tables-admin.png, tables-admin-detail.png.
 *
 * Needs /usr/bin/chromium; run under `flock /tmp/wbm-web.lock`.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDb } from '../helpers/test-db.ts';
import {
  accessibilityViolations,
  closeAndCheckPageErrors,
  hasChromium,
  screenshot,
  serveWithAccounts,
  signedInPage,
  signInWithPassword,
  startWithBrowser,
  type Browser,
  type TestServer,
} from './support.ts';

const ANALYST = { email: 'piet.provincie@noord-holland.example', name: 'Piet Provincie' };
const SECRETARY = { email: 'sanne.secretaris@tafel.example', name: 'Sanne Secretaris' };
const PASSWORD = 'een lang en geheim wachtwoord';
const MARKET_PARTY = { id: '44444444-4444-4444-8444-444444444444', name: 'Bouwbedrijf Kennemerland BV' };

let t: TestDb;
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  if (!hasChromium) return;
  ({ server, browser } = await startWithBrowser(async () => {
    const started = await serveWithAccounts(
      [
        { ...ANALYST, role: 'provincie_analist', provincieCode: 'PV27' },
        { ...SECRETARY, role: 'tafel_secretaris' },
      ],
      PASSWORD,
    );
    t = started.t;
    // The secretary runs the example table Versnellingstafel Amsterdam e.o.
    await t.db.query("UPDATE users SET region_id = 'vt-amsterdam-e-o' WHERE email = $1", [SECRETARY.email]);
    await t.db.query("INSERT INTO organisations (id, name, type, synthetic) VALUES ($1, $2, 'ontwikkelaar', false)", [
      MARKET_PARTY.id,
      MARKET_PARTY.name,
    ]);
    return started.server;
  }));
}, 300_000);
afterAll(async () => {
  await closeAndCheckPageErrors(browser, server);
});

const regionCount = async () => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM regions'))[0]!.n;
const menuLink = (page: Page) => page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Tafels inrichten' });

async function pickGemeente(page: Page, form: ReturnType<Page['getByTestId']>, name: string) {
  await form.getByLabel('Gemeenten').fill(name);
  await form.getByRole('checkbox', { name: new RegExp(`^${name} \\(`) }).check();
}

/** A new page in a signed-out browser context (an earlier test may have left its session). */
async function newPage(label: string): Promise<Page> {
  await browser.context.clearCookies();
  const page = await browser.context.newPage();
  page.on('pageerror', (err) => browser.pageErrors.push(`${label}: ${err.message}`));
  return page;
}

describe.skipIf(!hasChromium)('Tafels inrichten', () => {
  it('a gemeente editor has no link and gets a plain message', async () => {
    const page = await signedInPage(browser, server.base, 'gemeente_editor', 'gemeente');
    expect(await menuLink(page).count()).toBe(0);
    await page.goto(`${server.base}/beheer/tafels`);
    await page.getByTestId('tables-admin-not-allowed').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.context().clearCookies();
    await page.close();
  }, 60_000);

  it('a province analyst creates a table of three gemeenten, renames it and adds a member; wrong input stores nothing', async () => {
    const page = await newPage('analyst');
    await signInWithPassword(page, server.base, ANALYST, PASSWORD);
    await menuLink(page).click();
    await page.waitForURL((url) => url.pathname === '/beheer/tafels');
    await page.getByTestId('tables-admin-table').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    const before = await regionCount();
    const form = page.getByTestId('region-new-form');
    // An empty name and no gemeenten: Dutch errors next to the fields, nothing sent.
    await form.getByRole('button', { name: 'Versnellingstafel aanmaken' }).click();
    await form.getByText('Vul de naam van de tafel of regio in.').waitFor();
    await form.getByText('Kies minstens één gemeente.').waitFor();
    expect(await form.getByLabel('Naam').getAttribute('aria-invalid')).toBe('true');
    expect(await accessibilityViolations(page)).toEqual([]);

    // A gemeente outside the province: the server's Dutch refusal, nothing stored.
    await form.getByLabel('Naam').fill('Tafel Noord-Kennemerland');
    await form.getByLabel('Soort').selectOption('versnellingstafel');
    await pickGemeente(page, form, 'Alkmaar');
    await pickGemeente(page, form, 'Utrecht');
    await form.getByRole('button', { name: 'Versnellingstafel aanmaken' }).click();
    await page.getByText('U mag alleen tafels inrichten waarvan alle gemeenten in uw eigen provincie liggen.').waitFor();
    expect(await regionCount()).toBe(before);

    await form.getByRole('checkbox', { name: /^Utrecht \(/ }).uncheck();
    await pickGemeente(page, form, 'Castricum');
    await pickGemeente(page, form, 'Heiloo');
    expect(await form.getByLabel('Vanaf kwartaal').inputValue()).toMatch(/^\d{4}-Q[1-4]$/);
    await form.getByRole('button', { name: 'Versnellingstafel aanmaken' }).click();
    await expect.poll(() => page.getByTestId('tables-admin-status').textContent()).toContain('is aangemaakt');
    expect(await regionCount()).toBe(before + 1);
    const [stored] = await t.db.query<{ id: string; codes: string[] }>(
      `SELECT r.id, array_agg(rg.gemeente_code ORDER BY rg.gemeente_code) AS codes FROM regions r JOIN region_gemeenten rg ON rg.region_id = r.id
       WHERE r.name = 'Tafel Noord-Kennemerland' GROUP BY r.id`,
    );
    expect(stored!.codes).toEqual(['GM0361', 'GM0383', 'GM0399']);

    // The new table is in the list as a link with its name; its page renames it and adds a member.
    await page.getByTestId('tables-admin-table').getByRole('link', { name: 'Tafel Noord-Kennemerland' }).click();
    await page.getByTestId('region-admin').waitFor();
    await screenshot(page, 'tables-admin-detail.png');
    const rename = page.getByTestId('region-rename-form');
    await rename.getByLabel('Naam').fill('Tafel Alkmaar e.o.');
    await rename.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tafel Alkmaar e.o.' }).waitFor();

    const members = page.getByTestId('region-member-form');
    await members.getByLabel('Zoek een organisatie').fill('Kennemerland');
    await members.getByLabel('Organisatie', { exact: true }).selectOption(MARKET_PARTY.id);
    await members.getByRole('button', { name: 'Deelnemer toevoegen' }).click();
    await page.locator(`tr[data-organisation="${MARKET_PARTY.id}"][data-current="ja"]`).waitFor();
    expect(await page.getByRole('link', { name: 'Nodig een secretaris uit' }).getAttribute('href')).toBe(
      `/beheer/mensen?uitnodigen=tafel_secretaris&regionId=${stored!.id}`,
    );
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.goto(`${server.base}/beheer/tafels`);
    await page.getByTestId('tables-admin-table').getByRole('link', { name: 'Tafel Alkmaar e.o.' }).waitFor();
    await screenshot(page, 'tables-admin.png');
    await page.context().clearCookies();
    await page.close();
  }, 180_000);

  it('a table secretary adds and removes a member of their own table, but cannot change its gemeenten', async () => {
    const page = await newPage('secretary');
    await signInWithPassword(page, server.base, SECRETARY, PASSWORD);
    await menuLink(page).click();
    await page.getByTestId('tables-admin-table').waitFor();
    expect(await page.getByTestId('region-new-form').count()).toBe(0);
    await page
      .getByTestId('tables-admin-table')
      .getByRole('link', { name: /Versnellingstafel Amsterdam/ })
      .click();
    await page.getByTestId('region-admin').waitFor();
    expect(await page.getByTestId('region-coverage-form').count()).toBe(0);
    expect(await page.getByTestId('region-rename-form').count()).toBe(0);

    const members = page.getByTestId('region-member-form');
    await members.getByLabel('Zoek een organisatie').fill('Kennemerland');
    await members.getByLabel('Organisatie', { exact: true }).selectOption(MARKET_PARTY.id);
    await members.getByRole('button', { name: 'Deelnemer toevoegen' }).click();
    const row = page.locator(`tr[data-organisation="${MARKET_PARTY.id}"][data-current="ja"]`);
    await row.waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await row.getByRole('button', { name: /Verwijderen/ }).click();
    await page.locator(`tr[data-organisation="${MARKET_PARTY.id}"][data-current="nee"]`).waitFor();
    const [membership] = await t.db.query<{ left_on: string | null }>(
      `SELECT to_char(left_on, 'YYYY-MM-DD') AS left_on FROM region_organisations WHERE region_id = 'vt-amsterdam-e-o' AND organisation_id = $1`,
      [MARKET_PARTY.id],
    );
    expect(membership!.left_on).not.toBeNull();
    await page.context().clearCookies();
    await page.close();
  }, 120_000);
});
