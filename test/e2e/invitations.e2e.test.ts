/**
 * Issue 11 item 3 (invitations) in headless Chromium, with mail to the test mail sink (test/helpers/smtp-sink.ts):
 * a table secretary (a real account) opens "Mensen", gets Dutch errors for an empty invitation form, and invites a
 * project leader of a gemeente of their table (only the table's gemeenten are offered); the mail arrives with a link;
 * the link opens the accept page signed out (another browser); a too-short password gets a Dutch error next to the
 * field; the account is made and the person lands on their own start page, signed in. A ministry analyst has no
 * "Mensen" link and gets a plain message. axe clean on both pages. Screenshots: invitations-people.png,
 * invitations-accept.png.
 *
 * Needs /usr/bin/chromium; run under `flock /tmp/wbm-web.lock`.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.ts';
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

const SECRETARY = { email: 'sanne.secretaris@tafel.example', name: 'Sanne Secretaris' };
const ANALYST = { email: 'mo.ministerie@rijk.example', name: 'Mo Ministerie' };
const INVITED = { email: 'gijs.gemeente@amsterdam.example', name: 'Gijs Gemeente' };
const PASSWORD = 'een lang en geheim wachtwoord';

let sink: SmtpSink;
let server: TestServer;
let browser: Browser;
/** A second browser that is never signed in before the invitation is accepted. */
let signedOut: Browser;

beforeAll(async () => {
  if (!hasChromium) return;
  sink = await startSmtpSink();
  const mail = { mail: { smtpUrl: sink.url, from: 'Woningbouwmonitor <noreply@localhost>' } };
  const accounts = [
    { ...SECRETARY, role: 'tafel_secretaris' as const, regionId: 'vt-amsterdam-e-o' },
    { ...ANALYST, role: 'ministerie_analist' as const },
  ];
  ({ server, browser } = await serveAccountsWithBrowser(accounts, PASSWORD, null, mail));
  signedOut = await launchBrowser(server.base);
}, 300_000);
afterAll(async () => {
  await signedOut?.close();
  await sink?.close();
  await closeAndCheckPageErrors(browser, server);
});

const menuLink = (page: Page) => page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mensen' });

describe.skipIf(!hasChromium)('Invitations: a table secretary invites, the invited person makes their account', () => {
  it('a ministry analyst has no Mensen link and gets a plain message', async () => {
    const page = await pageWithPassword(signedOut, server.base, ANALYST, PASSWORD);
    expect(await menuLink(page).count()).toBe(0);
    await page.goto(`${server.base}/beheer/mensen`);
    await page.getByTestId('people-not-allowed').waitFor();
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.close();
  });

  let link = '';
  it('the secretary invites a project leader of a gemeente of the table; the mail has the link', async () => {
    const page = await pageWithPassword(browser, server.base, SECRETARY, PASSWORD);
    await menuLink(page).click();
    await page.getByTestId('invite-form').waitFor();
    const roles = await page.getByLabel('Rol', { exact: true }).locator('option').allTextContents();
    expect(roles).toEqual(['Projectleider gemeente', 'Ontwikkelaar, belegger of corporatie']);
    const gemeenten = await page.getByLabel('Gemeente', { exact: true }).locator('option').allTextContents();
    expect(gemeenten).toContain('Amsterdam');
    expect(gemeenten).not.toContain('Groningen');

    // Nothing filled in: Dutch errors next to the fields and in a summary; nothing is sent.
    await page.getByRole('button', { name: 'Uitnodiging versturen' }).click();
    await expect.poll(() => page.locator('#invite-name-error').textContent()).toContain('Vul de naam in');
    expect(await page.locator('#invite-email').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#invite-scope-error').textContent()).toContain('gemeente');
    expect(sink.messages).toHaveLength(0);

    await page.getByLabel('Naam', { exact: true }).fill(INVITED.name);
    await page.getByLabel('E-mailadres', { exact: true }).fill(INVITED.email);
    await page.getByLabel('Rol', { exact: true }).selectOption({ label: 'Projectleider gemeente' });
    await page.getByLabel('Gemeente', { exact: true }).selectOption({ label: 'Amsterdam' });
    await page.getByRole('button', { name: 'Uitnodiging versturen' }).click();
    await expect.poll(() => page.getByTestId('invitation-sent').textContent()).toContain(`De uitnodiging is verstuurd naar ${INVITED.email}`);
    await page.getByTestId('invitations-table').locator(`tr[data-email="${INVITED.email}"]`).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'invitations-people.png');

    const mail = await sink.waitForMessageTo(INVITED.email);
    expect(mail.text).toContain('Sanne Secretaris nodigt u uit');
    link = /https?:\/\/\S+\/uitnodiging\/\S+/.exec(mail.text)![0];
    expect(link.startsWith(server.base)).toBe(true);
  });

  it('the link opens the accept page signed out; a too-short password is refused in Dutch; the account is made and signed in', async () => {
    const page = await signedOut.context.newPage();
    await page.goto(link);
    await page.getByTestId('invitation-details').waitFor();
    const details = await page.getByTestId('invitation-details').textContent();
    expect(details).toContain(INVITED.email);
    expect(details).toContain('Projectleider gemeente');
    expect(details).toContain('Amsterdam');
    expect(await page.getByTestId('invitation').textContent()).toContain('Sanne Secretaris nodigt u uit');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Kies een wachtwoord').fill('kort');
    await page.getByLabel('Herhaal het wachtwoord').fill('kort');
    await page.getByRole('button', { name: 'Account aanmaken' }).click();
    await expect.poll(() => page.locator('#accept-password-error').textContent()).toContain('minstens 12 tekens');
    expect(await page.getByLabel('Kies een wachtwoord').getAttribute('aria-invalid')).toBe('true');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'invitations-accept.png');

    await page.getByLabel('Kies een wachtwoord').fill(PASSWORD);
    await page.getByLabel('Herhaal het wachtwoord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Account aanmaken' }).click();
    await page.waitForURL((url) => url.pathname === '/mijn-kwartaalronde');
    await page.getByTestId('user-menu').filter({ hasText: INVITED.name }).waitFor();

    // The link worked once: opening it again says so.
    await page.goto(link);
    await expect.poll(() => page.getByTestId('invitation-gone').textContent()).toContain('al gebruikt');
  });
});
