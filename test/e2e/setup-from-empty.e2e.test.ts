/**
 * Setting up for real, from an empty installation (issue 11, "Done when"): no demo mode, no demo data, one
 * administrator made on the command line. In the browser the administrator creates a versnellingstafel for three
 * gemeenten, registers a market party and invites a secretary and a gemeente project leader; the invitation links
 * come from the test's SMTP server. Each of them signs in and sees exactly their own table; the secretary opens a
 * quarter; the administrator deactivates the project leader, whose open session stops working at once.
 * SPEC §1 (users and roles), §2 (organisations, regions), §7 (sessions, audit trail).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSmtpSink } from '../helpers/smtp-sink.ts';
import { newInstallation, type CliInstallation } from './cli-server.ts';
import { accessibilityViolations, hasChromium, launchBrowser, screenshot, signInWithPassword, type Browser } from './support.ts';

const ADMIN = { email: 'beheer@zeeland.example', name: 'Bea Beheer' };
const ADMIN_PASSWORD = 'een lang beheerderswachtwoord';
const SECRETARY = { email: 'secretaris@bevelanden.example', name: 'Sam Secretaris' };
const LEADER = { email: 'projectleider@goes.example', name: 'Pim Projectleider' };
const TABLE = 'Versnellingstafel De Bevelanden';
/** Three Zeeland gemeenten that no example table covers. */
const GEMEENTEN = ['Goes', 'Kapelle', 'Borsele'];
const MARKET_PARTY = 'Bouwbedrijf Schelde Wonen BV';

let install: CliInstallation;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let base = '';
let admin: Browser;
let secretary: Browser;
let leader: Browser;
let adminPage: Page;
let leaderPage: Page;

/** Follows a link in the main menu, as a person would. */
async function menu(page: Page, name: string): Promise<void> {
  // As a person would: once the page in front of them has finished loading (a loaded machine can take a while).
  await page.waitForLoadState('networkidle');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name, exact: true }).click({ timeout: 60_000 });
  await page.getByRole('heading', { level: 1 }).first().waitFor();
}

async function expectAccessible(page: Page, name: string): Promise<void> {
  expect(await accessibilityViolations(page)).toEqual([]);
  await screenshot(page, `setup-${name}.png`);
}

/** Invites a person on the Mensen page; returns the link from the invitation mail. */
async function invite(page: Page, who: { email: string; name: string }, role: string, scopeLabel: string, scope: string): Promise<string> {
  const form = page.getByTestId('invite-form');
  await form.getByLabel('Naam', { exact: true }).fill(who.name);
  await form.getByLabel('E-mailadres').fill(who.email);
  await form.getByLabel('Rol').selectOption({ label: role });
  await form.getByLabel(scopeLabel).selectOption({ label: scope });
  await form.getByRole('button', { name: 'Uitnodiging versturen' }).click();
  await page.getByText(`De uitnodiging is verstuurd naar ${who.email}`).waitFor();
  const mail = await smtp.waitForMessageTo(who.email, 10_000);
  const link = /https?:\/\/\S+\/uitnodiging\/[A-Za-z0-9_-]+/.exec(mail.text)?.[0];
  if (!link) throw new Error(`no invitation link in the mail to ${who.email}:\n${mail.text}`);
  return link;
}

/** Accepts an invitation in a browser of their own: chooses a password and lands signed in. */
async function accept(browser: Browser, link: string, who: { name: string }, password: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(link);
  await page.getByRole('heading', { level: 1, name: 'Welkom bij de Woningbouwmonitor' }).waitFor();
  await page.getByLabel('Kies een wachtwoord').fill('te kort');
  await page.getByLabel('Herhaal het wachtwoord').fill('te kort');
  await page.getByRole('button', { name: 'Account aanmaken' }).click();
  await page
    .getByText(/minstens 12 tekens/)
    .first()
    .waitFor();
  await page.getByLabel('Kies een wachtwoord').fill(password);
  await page.getByLabel('Herhaal het wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Account aanmaken' }).click();
  await page.getByTestId('user-menu').filter({ hasText: who.name }).waitFor();
  return page;
}

/** The versnellingstafels the Tafeloverzicht offers this person. */
async function tablesOffered(page: Page): Promise<string[]> {
  await menu(page, 'Tafeloverzicht');
  await page.getByRole('heading', { level: 2, name: 'Versnellingstafels' }).waitFor();
  const list = page.locator('ul.wbm-link-list');
  await list.or(page.getByText('U neemt niet deel aan een versnellingstafel')).first().waitFor();
  return list.getByRole('link').allTextContents();
}

describe.skipIf(!hasChromium)('setting up from an empty installation', () => {
  beforeAll(async () => {
    smtp = await startSmtpSink();
    install = newInstallation();
    const created = await install.wbm(['user', 'add', '--email', ADMIN.email, '--name', ADMIN.name, '--role', 'beheerder'], {
      WBM_PASSWORD: ADMIN_PASSWORD,
    });
    expect(created).toContain('account created');
    ({ base } = await install.serve({ DEMO_MODE: 'false', SMTP_URL: smtp.url }));
    [admin, secretary, leader] = await Promise.all([launchBrowser(base), launchBrowser(base), launchBrowser(base)]);
  }, 180_000);

  afterAll(async () => {
    for (const b of [admin, secretary, leader]) await b?.close();
    await install?.close();
    await smtp?.close();
  });

  it('has no demo sign-in and no projects; the administrator signs in with the password', async () => {
    adminPage = await admin.open('/inloggen');
    await adminPage.getByLabel('E-mailadres').waitFor();
    expect(await adminPage.getByRole('button', { name: 'Inloggen als demogebruiker' }).count()).toBe(0);
    await signInWithPassword(adminPage, base, ADMIN, ADMIN_PASSWORD);
    const health = (await (await adminPage.request.get(`${base}/api/v1/health`)).json()) as { projects?: number };
    expect(health.projects ?? 0).toBe(0);
  });

  it('the administrator creates a versnellingstafel for three gemeenten', async () => {
    await menu(adminPage, 'Tafels inrichten');
    const form = adminPage.getByTestId('region-new-form');
    await form.getByLabel('Naam', { exact: true }).fill(TABLE);
    for (const name of GEMEENTEN) {
      await form.getByLabel('Gemeenten').fill(name);
      await form.getByRole('checkbox', { name: new RegExp(`^${name} `) }).check();
    }
    await form.getByRole('button', { name: 'Versnellingstafel aanmaken' }).click();
    await adminPage.getByRole('link', { name: TABLE }).first().waitFor();
    await expectAccessible(adminPage, 'tables-admin');
  });

  it('the administrator registers a market party', async () => {
    await menu(adminPage, 'Organisaties');
    const form = adminPage.getByTestId('org-new-form');
    await form.getByLabel('Naam').fill(MARKET_PARTY);
    await form.getByLabel('Soort organisatie').selectOption('ontwikkelaar');
    await form.getByLabel(/KvK-nummer/).fill('12345678');
    await form.getByRole('button', { name: 'Registreren' }).click();
    await expect.poll(() => adminPage.getByTestId('organisations-status').textContent()).toContain('is geregistreerd');
  });

  let secretaryLink = '';
  let leaderLink = '';
  it('the administrator invites a secretary and a gemeente project leader; the links arrive by mail', async () => {
    await menu(adminPage, 'Mensen');
    secretaryLink = await invite(adminPage, SECRETARY, 'Secretaris versnellingstafel', 'Versnellingstafel', TABLE);
    leaderLink = await invite(adminPage, LEADER, 'Projectleider gemeente', 'Gemeente', 'Goes');
    await expectAccessible(adminPage, 'people-invited');
  });

  it('each accepts, signs in and sees exactly their own table', async () => {
    const secretaryPage = await accept(secretary, secretaryLink, SECRETARY, 'secretaris wachtwoord 2026');
    expect(await tablesOffered(secretaryPage)).toEqual([TABLE]);
    leaderPage = await accept(leader, leaderLink, LEADER, 'projectleider wachtwoord 2026');
    expect(await tablesOffered(leaderPage)).toEqual([TABLE]);
    await expectAccessible(leaderPage, 'leader-tables');

    // The secretary opens a quarter from the table's page.
    await secretaryPage.locator('ul.wbm-link-list').getByRole('link', { name: TABLE }).click();
    await secretaryPage.getByRole('link', { name: 'Kwartaalronde', exact: true }).click();
    const open = secretaryPage.getByRole('button', { name: /^Open / });
    await open.click();
    await secretaryPage
      .getByText(/is open/)
      .first()
      .waitFor();
    await expectAccessible(secretaryPage, 'secretary-round');
  });

  it('the administrator deactivates the project leader, whose session stops at once', async () => {
    const sessions = () => leaderPage.request.get(`${base}/api/v1/auth/sessions`);
    expect((await sessions()).status()).toBe(200);
    // The administrator comes back to Mensen from elsewhere: the two new accounts are listed.
    await menu(adminPage, 'Tafeloverzicht');
    await menu(adminPage, 'Mensen');
    const row = adminPage.getByRole('row').filter({ hasText: LEADER.email });
    await row.getByRole('button', { name: /Uitzetten/ }).click();
    await adminPage.getByTestId('confirm-deactivate').click();
    await row.getByText('Uitgezet').waitFor();
    expect((await sessions()).status()).toBe(401);
    const me = (await (await leaderPage.request.get(`${base}/api/v1/auth/me`)).json()) as { principal: { role: string } };
    expect(me.principal.role).toBe('publiek');
    await leaderPage.reload();
    await leaderPage.getByTestId('user-menu').filter({ hasText: LEADER.name }).waitFor({ state: 'detached' });
  });
});
