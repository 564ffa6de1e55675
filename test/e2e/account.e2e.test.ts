/**
 * Issue 11 item 3 in headless Chromium: a person with a real account (made here; demo mode stays on for the
 * rest of the site) opens "Mijn account", sees who they are, makes an API token (shown once; it works against
 * the API with Bearer), revokes it (then 401), sees two sessions after signing in from a second browser,
 * ends the other one (that browser's next request gets 401) and keeps their own. axe finds no violations.
 * Screenshots: test-artifacts/account.png, account-new-token.png.
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

const EMAIL = 'petra.analist@provincie.example';
const PASSWORD = 'een lang en geheim wachtwoord';

let server: TestServer;
let browser: Browser;
let second: Browser;

beforeAll(async () => {
  if (!hasChromium) return;
  const account = { email: EMAIL, name: 'Petra Analist', role: 'provincie_analist', provincieCode: 'PV27' } as const;
  ({ server, browser } = await serveAccountsWithBrowser([account], PASSWORD));
  second = await launchBrowser(server.base);
}, 300_000);
afterAll(async () => {
  await second?.close();
  await closeAndCheckPageErrors(browser, server);
});

const signIn = (on: Browser) => pageWithPassword(on, server.base, { email: EMAIL, name: 'Petra Analist' }, PASSWORD);

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

describe.skipIf(!hasChromium)('Mijn account: who you are, your API tokens and your sessions', () => {
  it('makes a token (shown once, works with Bearer), revokes it, and ends the session of another browser', async () => {
    const page = await signIn(browser);
    await page.getByTestId('user-menu').getByRole('link', { name: 'Mijn account' }).click();
    await page.waitForURL((url) => url.pathname === '/account');
    await page.getByRole('heading', { level: 1, name: 'Mijn account' }).waitFor();

    // Who you are.
    const profile = page.getByTestId('account-profile');
    await expect.poll(() => profile.textContent()).toContain('Noord-Holland');
    const text = await profile.textContent();
    expect(text).toContain('Petra Analist');
    expect(text).toContain(EMAIL);
    expect(text).toContain('Analist provincie');
    await page.getByTestId('no-tokens').waitFor();

    // Make a token: shown once, with a warning; it works against the API.
    await page.getByLabel('Naam van het nieuwe token').fill('Planningssysteem');
    await page.getByRole('button', { name: 'Token maken' }).click();
    const shown = page.getByTestId('new-token');
    await shown.waitFor();
    const token = (await shown.textContent())!.trim();
    expect(token).toMatch(/^wbm_/);
    expect(await page.getByText('U ziet het maar één keer').isVisible()).toBe(true);
    await screenshot(page, 'account-new-token.png');
    await page.getByRole('button', { name: 'Kopieer het token' }).click();
    await expect.poll(() => page.getByText(/gekopieerd|Kopiëren lukte niet/).count()).toBe(1);
    const row = page.locator('[data-token-name="Planningssysteem"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('Nog niet gebruikt');
    const me = await fetch(`${server.base}/api/v1/auth/me`, bearer(token));
    expect(me.status).toBe(200);
    expect(((await me.json()) as { principal: { name: string; kind: string } }).principal).toMatchObject({ name: 'Petra Analist', kind: 'token' });
    // Once put away, the secret is not on the page any more (and not in the list).
    await page.getByRole('button', { name: 'Ik heb het token bewaard' }).click();
    expect(await page.getByText(token).count()).toBe(0);

    // Sign in from a second browser: two sessions, this one marked.
    const other = await signIn(second);
    await page.reload();
    const sessions = page.getByTestId('session-table');
    await expect.poll(() => sessions.locator('tbody tr').count()).toBe(2);
    expect(await sessions.locator('tr[data-current="true"]').getByTestId('current-session').textContent()).toContain('deze sessie');

    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'account.png');

    // Revoke the token, after confirming: the API then refuses it.
    await row.getByRole('button', { name: /Intrekken/ }).click();
    await row.getByTestId('confirm-revoke').click();
    await expect.poll(() => page.getByTestId('token-status').textContent()).toContain('is ingetrokken');
    await page.getByTestId('no-tokens').waitFor();
    expect((await fetch(`${server.base}/api/v1/auth/me`, bearer(token))).status).toBe(401);
    expect((await fetch(`${server.base}/api/v1/projects`, bearer(token))).status).toBe(401);

    // End the other browser's session: its next request is refused; this one keeps working.
    expect((await other.request.get(`${server.base}/api/v1/auth/sessions`)).status()).toBe(200);
    await sessions
      .locator('tr[data-current="false"]')
      .getByRole('button', { name: /Uitloggen daar/ })
      .click();
    await expect.poll(() => page.getByTestId('session-status').textContent()).toContain('U bent uitgelogd in');
    await expect.poll(() => sessions.locator('tbody tr').count()).toBe(1);
    expect((await other.request.get(`${server.base}/api/v1/auth/sessions`)).status()).toBe(401);
    expect((await page.request.get(`${server.base}/api/v1/auth/sessions`)).status()).toBe(200);

    expect(await accessibilityViolations(page)).toEqual([]);
    expect([...browser.pageErrors, ...second.pageErrors]).toEqual([]);
    await page.close();
    await other.close();
  }, 120_000);
});
