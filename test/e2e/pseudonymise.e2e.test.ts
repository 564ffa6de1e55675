/**
 * Issue 11 item 3 ("Personal data") in headless Chromium: an administrator removes the data of a person who left.
 * On Mensen a deactivated account offers "Gegevens verwijderen"; the dialog says in plain words what happens and
 * that it cannot be undone; after confirming, the row shows the pseudonym and "Gegevens verwijderd", and the
 * account's name and e-mail address are replaced in the database. An active account has no such button. axe finds
 * no violations. Screenshot: test-artifacts/pseudonymise.png.
 *
 * Needs /usr/bin/chromium; run under `flock /tmp/wbm-web.lock`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pseudonymFor } from '../../src/domain/pseudonymise.ts';
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

const ADMIN = { email: 'bea.beheer@minbzk.example', name: 'Bea Beheer' };
const LEAVER = { email: 'lotte.vertrekt@minbzk.example', name: 'Lotte Vertrekt' };
const PASSWORD = 'een lang en geheim wachtwoord';

let t: TestDb;
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  if (!hasChromium) return;
  ({ t, server, browser } = await serveAccountsWithBrowser(
    [
      { ...ADMIN, role: 'beheerder' },
      { ...LEAVER, role: 'ministerie_analist' },
    ],
    PASSWORD,
  ));
}, 300_000);
afterAll(() => closeAndCheckPageErrors(browser, server));

describe.skipIf(!hasChromium)('Mensen: removing the data of someone who left', () => {
  it('offers it only for a deactivated account, explains it, and replaces name and e-mail', async () => {
    const page = await pageWithPassword(browser, server.base, ADMIN, PASSWORD);
    await page.goto(`${server.base}/beheer/mensen`);
    const row = page.locator(`tr[data-email="${LEAVER.email}"]`);
    await row.waitFor();
    expect(await row.getByRole('button', { name: /Gegevens verwijderen/ }).count()).toBe(0);

    const [leaver] = await t.db.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [LEAVER.email]);
    await t.db.query('UPDATE users SET disabled = true WHERE id = $1', [leaver!.id]);
    await page.reload();
    await row.getByRole('button', { name: /Gegevens verwijderen/ }).click();
    const dialog = page.getByTestId('pseudonymise-dialog');
    await dialog.getByRole('heading', { name: `Gegevens van ${LEAVER.name} verwijderen?` }).waitFor();
    expect(await dialog.textContent()).toContain('U kunt dit niet terugdraaien.');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'pseudonymise.png');

    await dialog.getByRole('button', { name: 'Ja, verwijder de gegevens' }).click();
    const pseudonym = pseudonymFor(leaver!.id);
    await page.locator(`tr[data-email="${pseudonym.email}"]`).getByTestId('pseudonymised').waitFor();
    expect(await page.getByText(`De gegevens van ${LEAVER.name} zijn verwijderd`).count()).toBe(1);
    const [stored] = await t.db.query<{ name: string; email: string; password_hash: string | null }>(
      'SELECT name, email, password_hash FROM users WHERE id = $1',
      [leaver!.id],
    );
    expect(stored).toEqual({ name: pseudonym.name, email: pseudonym.email, password_hash: null });
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.close();
  }, 120_000);
});
