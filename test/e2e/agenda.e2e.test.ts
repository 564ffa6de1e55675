/**
 * Issue 12 items 6–8 in headless Chromium, at the Versnellingstafel Rotterdam, with mail to the test's own SMTP server
 * (test/helpers/smtp-sink.ts). Real accounts (a demo role sends no mail). The fixture, made through the API:
 *   Hart van Zuid (Rotterdam + Maasstad Ontwikkeling): start bouw three years late, an escalated open knelpunt;
 *   Rivium (Capelle): a forecast that passed; Feijenoord (Rotterdam + Woonstad): an escalated open knelpunt, one not
 *   escalated. The quarter is open; Rotterdam has confirmed its projects, so Capelle, Maasstad and Woonstad have not
 *   delivered.
 * The secretary opens the agenda from the Tafeloverzicht by clicking (exactly the two escalated knelpunten and the three
 * undelivered parties), prints it (print style: no menu, no buttons), goes to the round page and e-mails the reminders:
 * they arrive for exactly the undelivered parties with a link to Mijn kwartaalronde. A project leader of Rotterdam
 * proposes an alternative on the Tafeloverzicht (an error first, named next to the field); the secretary sees it on the
 * Tafeloverzicht and in the agenda. axe (WCAG 2.2 AA) on the agenda at 1280 and 390 px wide, and on the proposal form.
 * Screenshots: agenda.png, agenda-390.png, agenda-print.png, voorstel-gemeente.png, herinneringen.png.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonthsIso } from '../../src/domain/dates.ts';
import { gemeenteOrganisationId } from '../../src/domain/identifiers.ts';
import { kwartaalEnd, quarterOf } from '../../src/domain/kwartaal.ts';
import { todayInNetherlands } from '../../src/services/today.ts';
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

const REGION = 'vt-rotterdam';
const TABLE_NAME = 'Versnellingstafel Rotterdam (voorbeeld)';
const ROTTERDAM = gemeenteOrganisationId('GM0599');
const CAPELLE = gemeenteOrganisationId('GM0502');
const DEV = '11111111-1111-4111-8111-111111111111';
const CORP = '22222222-2222-4222-8222-222222222222';
const PASSWORD = 'een lang en geheim wachtwoord';
const SECRETARY = { email: 'sam.secretaris@tafel.example', name: 'Sam Secretaris' };
const LEADER = { email: 'rita.rotterdam@rotterdam.example', name: 'Rita Rotterdam' };
const CAPELLE_LEADER = { email: 'cas.capelle@capelle.example', name: 'Cas Capelle' };
const DEV_EDITOR = { email: 'mo.maasstad@maasstad.example', name: 'Mo Maasstad' };
const TODAY = todayInNetherlands();

let sink: SmtpSink;
let server: TestServer;
let browser: Browser;
let secretary: Page;
let token = '';

/** The API as an administrator (set-up only). */
async function admin(method: string, path: string, body?: unknown) {
  const res = await fetch(`${server.base}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as { id: string };
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

const project = (name: string, gemeenteCode: string, parties: Array<[string, string]>, milestones: object[]) =>
  admin('POST', '/projects', {
    name,
    gemeenteCode,
    planStatus: 'vastgesteld',
    milestones,
    parties: parties.map(([organisationId, role]) => ({ organisationId, role })),
  });

beforeAll(async () => {
  if (!hasChromium) return;
  sink = await startSmtpSink();
  const mail = { mail: { smtpUrl: sink.url, from: 'Woningbouwmonitor <noreply@localhost>' } };
  const accounts = [
    { ...SECRETARY, role: 'tafel_secretaris' as const, regionId: REGION },
    { ...LEADER, role: 'gemeente_editor' as const, gemeenteCode: 'GM0599', organisationId: ROTTERDAM },
    { ...CAPELLE_LEADER, role: 'gemeente_editor' as const, gemeenteCode: 'GM0502' },
  ];
  let principals;
  ({ server, browser, principals } = await serveAccountsWithBrowser(accounts, PASSWORD, null, mail));
  const services = server.services;
  await services.repositories.organisations.insertMany(services.db, [
    { id: DEV, name: 'Maasstad Ontwikkeling BV', type: 'ontwikkelaar', gemeenteCode: null, synthetic: false },
    { id: CORP, name: 'Woonstad Rotterdam', type: 'corporatie', gemeenteCode: null, synthetic: false },
  ]);
  await services.auth.createUser({
    ...DEV_EDITOR,
    password: PASSWORD,
    role: 'marktpartij_editor',
    organisationId: DEV,
    gemeenteCode: null,
    regionId: null,
    provincieCode: null,
  });
  const administrator = await services.auth.createUser({
    email: 'beheer@example.invalid',
    name: 'Beheerder',
    password: null,
    role: 'beheerder',
    organisationId: null,
    gemeenteCode: null,
    regionId: null,
    provincieCode: null,
  });
  token = (await services.auth.createApiToken(administrator, 'set-up')).token;

  const late = await project(
    'Hart van Zuid',
    'GM0599',
    [
      [ROTTERDAM, 'bevoegd_gezag'],
      [DEV, 'ontwikkelaar'],
    ],
    [
      { code: 'M11', baselineDate: addMonthsIso(TODAY, -24), forecastDate: addMonthsIso(TODAY, 12) },
      { code: 'M12', baselineDate: addMonthsIso(TODAY, 0), forecastDate: addMonthsIso(TODAY, 36) },
    ],
  );
  await project(
    'Rivium',
    'GM0502',
    [[CAPELLE, 'bevoegd_gezag']],
    [{ code: 'M09', baselineDate: addMonthsIso(TODAY, -3), forecastDate: addMonthsIso(TODAY, -2) }],
  );
  const feijenoord = await project(
    'Feijenoord',
    'GM0599',
    [
      [ROTTERDAM, 'bevoegd_gezag'],
      [CORP, 'corporatie'],
    ],
    [{ code: 'M12', baselineDate: addMonthsIso(TODAY, 24), forecastDate: addMonthsIso(TODAY, 24) }],
  );
  const raisedDate = addMonthsIso(TODAY, -1);
  await admin('POST', `/projects/${late.id}/knelpunten`, {
    category: 'netcongestie',
    description: 'Geen netaansluiting',
    raisedDate,
    escalated: true,
    escalationReason: 'Netbeheerder reageert niet',
  });
  await admin('POST', `/projects/${feijenoord.id}/knelpunten`, {
    category: 'stikstof',
    description: 'Stikstofruimte',
    raisedDate,
    escalated: true,
    escalationReason: 'Provincie moet beslissen',
  });
  await admin('POST', `/projects/${feijenoord.id}/knelpunten`, { category: 'geluid', description: 'Niet geëscaleerd', raisedDate, escalated: false });
  const quarter = quarterOf(TODAY);
  const round = await admin('POST', `/regions/${REGION}/rounds`, { quarter, deadline: kwartaalEnd(quarter) });
  // Rotterdam has delivered (recorded on its behalf here); Capelle, Maasstad and Woonstad have not.
  await admin('POST', `/rounds/${round.id}/confirmations`, { organisationId: ROTTERDAM, reason: 'Namens Rotterdam vastgelegd (test)' });
  expect(principals).toHaveLength(3);
  secretary = await pageWithPassword(browser, server.base, SECRETARY, PASSWORD);
}, 300_000);
afterAll(async () => {
  await sink?.close();
  await closeAndCheckPageErrors(browser, server);
});

/** From the menu to the table's Tafeloverzicht, by clicking. */
async function openTafeloverzicht(page: Page) {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Tafeloverzicht' }).click();
  await page.getByRole('link', { name: TABLE_NAME }).first().click();
  await page.locator('[data-testid=dashboard][data-ready=true]').waitFor({ timeout: 60_000 });
}

async function openAgenda(page: Page) {
  await openTafeloverzicht(page);
  await page.getByRole('link', { name: 'Agenda tafeloverleg' }).click();
  await page.locator('[data-testid=agenda][data-ready=true]').waitFor({ timeout: 60_000 });
}

const itemsOf = (page: Page, key: string) => page.getByTestId(`agenda-section-${key}`).getByTestId('agenda-item');

describe.skipIf(!hasChromium)('the table’s agenda, reminders by e-mail and proposals of the gemeenten (issue 12 items 6–8)', () => {
  it('the secretary opens the agenda from the Tafeloverzicht: exactly the escalated knelpunten and the undelivered parties', async () => {
    await openAgenda(secretary);
    await secretary.getByRole('heading', { level: 1, name: 'Agenda tafeloverleg' }).waitFor();
    expect(await secretary.getByText(TABLE_NAME, { exact: false }).first().isVisible()).toBe(true);
    const knelpunten = itemsOf(secretary, 'knelpunten');
    expect(await knelpunten.count()).toBe(2);
    expect((await knelpunten.getByRole('link').allTextContents()).sort()).toEqual(['Feijenoord', 'Hart van Zuid']);
    const parties = itemsOf(secretary, 'levering');
    expect(await parties.count()).toBe(3);
    const subjects = await parties.locator('strong').allTextContents();
    expect(subjects.sort()).toEqual(['Gemeente Capelle aan den IJssel', 'Maasstad Ontwikkeling BV', 'Woonstad Rotterdam']);
    expect(await itemsOf(secretary, 'vertraagd').getByRole('link').allTextContents()).toEqual(['Hart van Zuid']);
    expect(await itemsOf(secretary, 'prognoses').getByRole('link').allTextContents()).toEqual(['Rivium']);
    await screenshot(secretary, 'agenda.png');
    expect(await accessibilityViolations(secretary)).toEqual([]);

    // An item links to its project page.
    await knelpunten.getByRole('link', { name: 'Hart van Zuid' }).click();
    await secretary.waitForURL(/\/projecten\/[0-9a-f-]{36}$/);
    await secretary.goBack();
    await secretary.locator('[data-testid=agenda][data-ready=true]').waitFor();

    // At 390 px wide.
    await secretary.setViewportSize({ width: 390, height: 844 });
    expect(await accessibilityViolations(secretary)).toEqual([]);
    await screenshot(secretary, 'agenda-390.png');
    await secretary.setViewportSize({ width: 1280, height: 900 });

    // Printable: the print style leaves out the menu and the buttons.
    await secretary.emulateMedia({ media: 'print' });
    expect(await secretary.getByRole('navigation', { name: 'Hoofdmenu' }).isVisible()).toBe(false);
    expect(await secretary.getByRole('button', { name: 'Afdrukken' }).isVisible()).toBe(false);
    expect(await secretary.getByRole('heading', { level: 1, name: 'Agenda tafeloverleg' }).isVisible()).toBe(true);
    await screenshot(secretary, 'agenda-print.png');
    await secretary.emulateMedia({ media: 'screen' });
    expect(await secretary.getByRole('button', { name: 'Afdrukken' }).isVisible()).toBe(true);
  });

  it('the secretary e-mails the reminders from the round page: they arrive for exactly the undelivered parties, logged on the round', async () => {
    await openTafeloverzicht(secretary);
    await secretary.getByRole('link', { name: 'Kwartaalronde', exact: true }).click();
    await secretary.getByRole('link', { name: 'Agenda tafeloverleg' }).waitFor();
    const send = secretary.getByRole('button', { name: 'Herinnering per e-mail versturen' });
    await send.click();
    await secretary.getByTestId('reminders-status').filter({ hasText: 'Herinnering verstuurd aan 2 mensen van 2 organisaties.' }).waitFor();
    expect(await secretary.getByTestId('reminders-status').textContent()).toContain('Bij Woonstad Rotterdam is niemand met een account');
    const capelle = await sink.waitForMessageTo(CAPELLE_LEADER.email);
    const dev = await sink.waitForMessageTo(DEV_EDITOR.email);
    expect(sink.messages.flatMap((m) => m.to).sort()).toEqual([CAPELLE_LEADER.email, DEV_EDITOR.email].sort());
    expect(capelle.text).toContain('- Rivium (Capelle aan den IJssel)');
    expect(dev.text).toContain('- Hart van Zuid (Rotterdam)');
    const link = /^https?:\/\/\S+$/m.exec(dev.text)![0];
    expect(link).toBe(`${server.base}/mijn-kwartaalronde`);
    expect((await fetch(link)).status).toBe(200);
    const log = secretary.getByTestId('reminders-log');
    await log.getByText('Maasstad Ontwikkeling BV').waitFor();
    expect(await log.getByRole('row').count()).toBe(4);
    expect(await log.getByText('Niemand met een e-mailadres').count()).toBe(1);
    await screenshot(secretary, 'herinneringen.png');
    expect(await accessibilityViolations(secretary)).toEqual([]);
  });

  it('a gemeente of the table proposes an alternative; the secretary sees it on the Tafeloverzicht and in the agenda', async () => {
    // The project leader in a browser of their own (the secretary stays signed in in the first).
    const own = await launchBrowser(server.base);
    const leader = await pageWithPassword(own, server.base, LEADER, PASSWORD);
    leader.on('pageerror', (err) => own.pageErrors.push(err.message));
    await openTafeloverzicht(leader);
    const form = leader.getByTestId('proposal-form');
    await form.getByLabel('Titel').fill('Flexwoningen Zuidplein');
    await form.getByRole('button', { name: 'Alternatief voorstellen' }).click();
    // No homes yet: named next to the field and in the summary, which gets the focus; the title stays.
    await leader.getByTestId('proposal-error-summary').getByRole('link', { name: 'Aantal woningen erbij' }).waitFor();
    expect(await form.getByLabel('Titel').inputValue()).toBe('Flexwoningen Zuidplein');
    expect(await leader.evaluate(() => document.activeElement?.closest('[tabindex="-1"]') !== null)).toBe(true);
    await form.getByLabel('Aantal woningen erbij').fill('120');
    await form.getByLabel('Jaar').selectOption(String(Number(TODAY.slice(0, 4)) + 1));
    await form.getByRole('button', { name: 'Alternatief voorstellen' }).click();
    await leader.getByTestId('proposal-status').filter({ hasText: 'is naar de tafel gestuurd' }).waitFor();
    await leader.getByTestId('proposals-table').getByRole('rowheader', { name: 'Flexwoningen Zuidplein' }).waitFor();
    await screenshot(leader, 'voorstel-gemeente.png');
    expect(await accessibilityViolations(leader)).toEqual([]);
    await own.close();
    expect(own.pageErrors).toEqual([]);

    await openTafeloverzicht(secretary);
    await secretary.getByTestId('table-proposals').getByRole('rowheader', { name: 'Flexwoningen Zuidplein' }).waitFor();
    await secretary.getByRole('link', { name: 'Agenda tafeloverleg' }).click();
    await secretary.locator('[data-testid=agenda][data-ready=true]').waitFor();
    expect(await itemsOf(secretary, 'alternatieven').locator('strong').allTextContents()).toEqual(['Flexwoningen Zuidplein']);
  });
});
