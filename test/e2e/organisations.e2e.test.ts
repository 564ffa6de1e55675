/**
 * Issue 11 item 2 in headless Chromium: a province analyst (a real account with a password) opens "Organisaties"
 * from the header, types a wrong KvK number and gets the Dutch error next to the field with nothing saved, then
 * registers a market party with its KvK number, finds it by that number and renames it. Someone who may not
 * register organisations gets no "Organisaties" link. A duplicate is merged into the organisation kept: chosen by its KvK
 * number, a confirmation naming what moves, then it leaves the list. axe finds no violations. Screenshots:
 * test-artifacts/organisations.png, organisations-merge.png.
 *
 * Needs /usr/bin/chromium; run under `flock /tmp/wbm-web.lock`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDb } from '../helpers/test-db.ts';
import {
  accessibilityViolations,
  closeAndCheckPageErrors,
  hasChromium,
  pageWithPassword,
  screenshot,
  serveAccountsWithBrowser,
  type Browser,
  type TestServer,
} from './support.ts';

const ANALYST = { email: 'anna.analist@provincie.example', name: 'Anna Analist' };
const MINISTRY = { email: 'mira.ministerie@minbzk.example', name: 'Mira Ministerie' };
const PASSWORD = 'een lang en geheim wachtwoord';

let t: TestDb;
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  if (!hasChromium) return;
  ({ t, server, browser } = await serveAccountsWithBrowser(
    [
      { ...ANALYST, role: 'provincie_analist', provincieCode: 'PV27' },
      { ...MINISTRY, role: 'ministerie_analist' },
    ],
    PASSWORD,
  ));
}, 300_000);
afterAll(() => closeAndCheckPageErrors(browser, server));

const signIn = (who: { email: string; name: string }) => pageWithPassword(browser, server.base, who, PASSWORD);

const organisationCount = async () => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM organisations'))[0]!.n;

describe.skipIf(!hasChromium)('Organisaties: registering market parties', () => {
  it('a ministry analyst has no Organisaties link', async () => {
    const page = await signIn(MINISTRY);
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Organisaties' }).count()).toBe(0);
    await page.goto(`${server.base}/beheer/organisaties`);
    await page.getByTestId('organisations-not-allowed').waitFor();
    await page.context().clearCookies();
    await page.close();
  }, 60_000);

  it('refuses a wrong KvK number in Dutch and saves nothing, then registers and renames a market party', async () => {
    const page = await signIn(ANALYST);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Organisaties' }).click();
    await page.waitForURL((url) => url.pathname === '/beheer/organisaties');
    await page.getByRole('heading', { level: 1, name: 'Organisaties' }).waitFor();
    await page.getByTestId('organisations-table').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    const before = await organisationCount();
    const form = page.getByTestId('org-new-form');
    await form.getByLabel('Naam').fill('Bouwcombinatie Zaanstreek BV');
    await form.getByLabel('Soort organisatie').selectOption('ontwikkelaar');
    await form.getByLabel(/KvK-nummer/).fill('1234567');
    await form.getByRole('button', { name: 'Registreren' }).click();
    await form.getByText('Een KvK-nummer bestaat uit precies 8 cijfers').waitFor();
    expect(await form.getByLabel(/KvK-nummer/).getAttribute('aria-invalid')).toBe('true');
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await organisationCount()).toBe(before);

    await form.getByLabel(/KvK-nummer/).fill('76543210');
    await form.getByLabel(/Website/).fill('https://zaanstreek.example');
    await form.getByRole('button', { name: 'Registreren' }).click();
    await expect.poll(() => page.getByTestId('organisations-status').textContent()).toContain('is geregistreerd');
    expect(await organisationCount()).toBe(before + 1);
    const stored = (
      await t.db.query<{ name: string; kvk_number: string; type: string }>(
        `SELECT name, kvk_number, type FROM organisations WHERE kvk_number = '76543210'`,
      )
    )[0];
    expect(stored).toEqual({ name: 'Bouwcombinatie Zaanstreek BV', kvk_number: '76543210', type: 'ontwikkelaar' });

    // Found by its KvK number; renamed.
    await page.getByLabel('Zoek op naam of KvK-nummer').fill('7654');
    const row = page.locator('tr[data-kvk="76543210"]');
    await row.waitFor();
    expect(await page.locator('tbody tr').count()).toBe(1);
    await row.getByRole('button', { name: /Wijzigen/ }).click();
    const edit = page.getByTestId('org-edit-form');
    await edit.getByLabel('Naam').fill('Bouwcombinatie Zaanstreek B.V.');
    await edit.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => page.getByTestId('organisations-status').textContent()).toContain('is bijgewerkt');
    await expect.poll(() => row.getAttribute('data-name')).toBe('Bouwcombinatie Zaanstreek B.V.');

    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'organisations.png');
    expect(browser.pageErrors).toEqual([]);
    await page.close();
  }, 120_000);

  it('merges a duplicate into the organisation kept: choose it, see what moves, confirm; the duplicate leaves the list', async () => {
    // Still signed in as the province analyst (same browser context as the test before).
    const page = await browser.context.newPage();
    await page.goto(`${server.base}/beheer/organisaties`);
    await page.getByTestId('organisations-table').waitFor();
    const form = page.getByTestId('org-new-form');
    await form.getByLabel('Naam').fill('Zaanstreek Bouwcombinatie (dubbel)');
    await form.getByLabel('Soort organisatie').selectOption('ontwikkelaar');
    await form.getByRole('button', { name: 'Registreren' }).click();
    await expect.poll(() => page.getByTestId('organisations-status').textContent()).toContain('is geregistreerd');
    const [dup] = await t.db.query<{ id: string }>(`SELECT id FROM organisations WHERE name = 'Zaanstreek Bouwcombinatie (dubbel)'`);
    await withProjectAndPerson(dup!.id);

    await page.getByLabel('Zoek op naam of KvK-nummer').fill('dubbel');
    await page
      .locator('tbody tr')
      .filter({ hasText: 'dubbel' })
      .getByRole('button', { name: /Samenvoegen/ })
      .click();
    const merge = page.getByTestId('merge-form');
    // Nothing chosen: the Dutch error next to the field.
    await merge.getByRole('button', { name: 'Verder' }).click();
    await merge.getByText('Kies de organisatie die blijft.').waitFor();
    expect(await merge.getByLabel('Organisatie die blijft', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await accessibilityViolations(page)).toEqual([]);

    await merge.getByLabel(/Zoek de organisatie die blijft/).fill('76543210');
    await merge.getByLabel('Organisatie die blijft', { exact: true });
    const [kept] = await t.db.query<{ id: string }>(`SELECT id FROM organisations WHERE kvk_number = '76543210'`);
    await merge.getByLabel('Organisatie die blijft', { exact: true }).selectOption(kept!.id);
    await merge.getByRole('button', { name: 'Verder' }).click();
    const confirm = page.getByTestId('merge-confirm');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('1 project en 1 persoon gaan over naar ‘Bouwcombinatie Zaanstreek B.V.’');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'organisations-merge.png');

    await confirm.getByRole('button', { name: 'Ja, voeg samen' }).click();
    await expect.poll(() => page.getByTestId('organisations-status').textContent()).toContain('is samengevoegd met ‘Bouwcombinatie Zaanstreek B.V.’');
    await expect.poll(() => page.locator('tbody tr').filter({ hasText: 'dubbel' }).count()).toBe(0);
    const [stored] = await t.db.query<{ merged_into_id: string | null }>('SELECT merged_into_id FROM organisations WHERE id = $1', [dup!.id]);
    expect(stored?.merged_into_id).toBe(kept!.id);
    expect(browser.pageErrors).toEqual([]);
    await page.close();
  }, 120_000);
});

/** A project with the organisation as party and a person working for it (what the merge moves). */
async function withProjectAndPerson(organisationId: string): Promise<void> {
  const project = crypto.randomUUID();
  await t.db.query(
    `INSERT INTO projects (id, name, gemeente_code, provincie_code, plan_status, origin, phase, status, total_homes, affordable_homes, social_homes)
     VALUES ($1, 'Zaanoever', 'GM0479', 'PV27', 'vastgesteld', 'nieuwbouw', 'initiatief', 'groen', 10, 0, 0)`,
    [project],
  );
  await t.db.query(`INSERT INTO project_parties (project_id, organisation_id, role) VALUES ($1, $2, 'ontwikkelaar')`, [project, organisationId]);
  await t.db.query(
    `INSERT INTO users (id, email, name, role, organisation_id) VALUES ($1, 'piet@zaanstreek.example', 'Piet Zaan', 'marktpartij_editor', $2)`,
    [crypto.randomUUID(), organisationId],
  );
}
