/**
 * Issue 11 item 3 in headless Chromium: an administrator (a real account with a password) opens "Mensen" from the
 * header, sees the accounts, gets a Dutch error when a role is chosen without the werkgebied it needs, changes a
 * person's role and werkgebied, and deactivates that person after a confirmation: the person's other browser,
 * signed in all along, gets 401 on its next request and cannot sign in again. Someone who is not an administrator
 * gets no "Mensen" link. axe finds no violations. Screenshot: test-artifacts/people.png.
 *
 * Needs /usr/bin/chromium; run under `flock /tmp/wbm-web.lock`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessibilityViolations,
  closeAndCheckPageErrors,
  hasChromium,
  launchBrowser,
  pageWithPassword,
  screenshot,
  serveAccountsWithBrowser,
  type Browser,
  type TestServer,
} from './support.ts';

const ADMIN = { email: 'bea.beheer@provincie.example', name: 'Bea Beheer' };
const PERSON = { email: 'piet.projectleider@gemeente.example', name: 'Piet Projectleider' };
const PASSWORD = 'een lang en geheim wachtwoord';

let server: TestServer;
let browser: Browser;
let second: Browser;

beforeAll(async () => {
  if (!hasChromium) return;
  ({ server, browser } = await serveAccountsWithBrowser(
    [
      { ...ADMIN, role: 'beheerder' },
      { ...PERSON, role: 'ministerie_analist' },
    ],
    PASSWORD,
  ));
  second = await launchBrowser(server.base);
}, 300_000);
afterAll(async () => {
  await second?.close();
  await closeAndCheckPageErrors(browser, server);
});

const signIn = (on: Browser, who: { email: string; name: string }) => pageWithPassword(on, server.base, who, PASSWORD);

describe.skipIf(!hasChromium)('Mensen: administrators manage people', () => {
  it('changes a role and werkgebied, and deactivates a person whose other browser is then refused', async () => {
    // The person is signed in elsewhere all along; no "Mensen" link for them.
    const other = await signIn(second, PERSON);
    expect(await other.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mensen' }).count()).toBe(0);
    expect((await other.request.get(`${server.base}/api/v1/auth/me`)).status()).toBe(200);

    const page = await signIn(browser, ADMIN);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mensen' }).click();
    await page.waitForURL((url) => url.pathname === '/beheer/mensen');
    await page.getByRole('heading', { level: 1, name: 'Mensen' }).waitFor();
    const row = page.locator(`tr[data-email="${PERSON.email}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('Analist ministerie');
    expect(await row.textContent()).toContain('Actief');
    // Own account: no way to deactivate it.
    const own = page.locator(`tr[data-email="${ADMIN.email}"]`);
    expect(await own.getByRole('button', { name: /Uitzetten/ }).count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);

    // A role without the werkgebied it needs: a Dutch error next to the field, nothing sent.
    await row.getByRole('button', { name: /Wijzigen/ }).click();
    const form = page.getByTestId('role-scope-form');
    await form.getByLabel('Rol').selectOption('gemeente_editor');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.getByText('hoort bij een gemeente').waitFor();
    expect(await form.getByLabel('Gemeente').getAttribute('aria-invalid')).toBe('true');
    expect(await accessibilityViolations(page)).toEqual([]);
    await form.getByLabel('Gemeente').selectOption({ label: 'Amsterdam' });
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => page.getByTestId('people-status').textContent()).toContain('Projectleider gemeente');
    await expect.poll(() => row.textContent()).toContain('Gemeente Amsterdam');

    // Deactivate after a confirmation: the other browser's next request is refused at once.
    await row.getByRole('button', { name: /Uitzetten/ }).click();
    await row.getByTestId('confirm-deactivate').click();
    await expect.poll(() => page.getByTestId('people-status').textContent()).toContain('staat uit');
    await expect.poll(() => row.getAttribute('data-disabled')).toBe('true');
    expect((await other.request.get(`${server.base}/api/v1/auth/sessions`)).status()).toBe(401);
    expect((await other.request.post(`${server.base}/api/v1/auth/login`, { data: { email: PERSON.email, password: PASSWORD } })).status()).toBe(401);

    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'people.png');
    expect([...browser.pageErrors, ...second.pageErrors]).toEqual([]);
    await page.close();
    await other.close();
  }, 120_000);
});
