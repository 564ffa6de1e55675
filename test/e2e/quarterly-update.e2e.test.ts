/**
 * Issue 12's "Done when", played in headless Chromium: a gemeente (Zeist, 20 projects, at the versnellingstafel
 * Utrecht U10) does its whole quarterly round from the page it lands on after signing in — confirms 14 projects
 * unchanged, moves milestones on 4 (one past the delay tolerance, with a reason), adds and escalates a knelpunt,
 * creates a project with programme and jaarschijven and changes the plan status of one. Every click, fill, choice
 * and submit is counted per task, and after signing in no address is typed: every page is reached by clicking.
 * Then a market party updates a private milestone and enters open-book figures that a second market party and
 * another gemeente cannot see (API and page) and the table's secretary can; the secretary's agenda lists exactly
 * the escalated knelpunt and the parties that have not delivered; a reminder e-mail reaches the test's own SMTP
 * server with a link that works.
 *
 * The counts and the scripted time are printed at the end (and written to test-artifacts/quarterly-update.json).
 * Screenshots (test-artifacts/): ronde-*.png.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../src/domain/access.ts';
import type { Actor } from '../../src/domain/audit.ts';
import { gemeenteOrganisationId } from '../../src/domain/identifiers.ts';
import { ADMIN_ACTOR } from '../helpers/auth.ts';
import { at } from '../helpers/present.ts';
import { samplePlan } from '../helpers/builders.ts';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.ts';
import {
  ARTIFACTS,
  accessibilityViolations,
  closeAndCheckPageErrors,
  hasChromium,
  screenshot,
  serveAccountsWithBrowser,
  signInWithPassword,
  type Browser,
  type TestServer,
} from './support.ts';

const PASSWORD = 'Kwartaalronde-in-de-browser-2026';
const TABLE = 'vt-u10';
const ZEIST = 'GM0355';
const DE_BILT = 'GM0310';
const QUARTER = '2026-Q4';
const DEADLINE = '2027-01-15';

const people = {
  zeist: { email: 'projectleider@zeist.example', name: 'Pim Projectleider', role: 'gemeente_editor' as const, gemeenteCode: ZEIST },
  deBilt: { email: 'wonen@debilt.example', name: 'Bea de Bilt', role: 'gemeente_editor' as const, gemeenteCode: DE_BILT },
  secretary: { email: 'secretaris@u10.example', name: 'Sanne Secretaris', role: 'tafel_secretaris' as const, regionId: TABLE },
  developer: { email: 'ontwikkelaar@bouwbedrijf.example', name: 'Olaf Ontwikkelaar' },
  otherDeveloper: { email: 'belegger@fonds.example', name: 'Bram Belegger' },
};

/** Counts what a person does in the browser, per task; refuses typed addresses once `noAddresses` is set. */
class Actions {
  readonly counts: Record<string, number> = {};
  task = '';
  start(task: string): void {
    this.task = task;
    this.counts[task] ??= 0;
  }
  private count(): void {
    if (!this.task) throw new Error('no task started');
    this.counts[this.task] = (this.counts[this.task] ?? 0) + 1;
  }
  async click(target: Locator): Promise<void> {
    this.count();
    await target.click();
  }
  async fill(target: Locator, value: string): Promise<void> {
    this.count();
    await target.fill(value);
  }
  async choose(target: Locator, value: string | { label: string }): Promise<void> {
    this.count();
    await target.selectOption(value);
  }
}

/** After this, page.goto fails the test: the gemeente reaches every page by clicking. */
function forbidTypedAddresses(page: Page): void {
  page.goto = () => {
    throw new Error('page.goto after signing in: the person must reach every page by clicking');
  };
}

async function expectAccessible(page: Page, name: string): Promise<void> {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await accessibilityViolations(page), `${name} at ${width}px`).toEqual([]);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe.skipIf(!hasChromium)('a gemeente does its whole quarterly round in the browser (issue 12)', () => {
  let server: TestServer;
  let browser: Browser;
  let sink: SmtpSink;
  let page: Page;
  const actions = new Actions();
  const projectIds: string[] = [];
  const names: string[] = [];
  let developerOrg = '';
  let otherDeveloperOrg = '';
  let deBiltProjectId = '';
  let started = 0;
  /** Milliseconds of scripted user work (sign-in and set-up excluded). */
  let scripted = 0;
  let secretaryPage: Page;

  beforeAll(async () => {
    sink = await startSmtpSink();
    const started = await serveAccountsWithBrowser(
      [
        { ...people.zeist, organisationId: gemeenteOrganisationId(ZEIST) },
        { ...people.deBilt, organisationId: gemeenteOrganisationId(DE_BILT) },
        people.secretary,
      ],
      PASSWORD,
      null,
      { mail: { smtpUrl: sink.url, from: 'Woningbouwmonitor <noreply@woningbouwmonitor.example>' } },
    );
    server = started.server;
    browser = started.browser;
    const { services } = server;
    const [, , secretaryPrincipal] = started.principals as [Principal, Principal, Principal];

    // Two market parties, each with one person.
    developerOrg = (await services.organisations.create({ name: 'Bouwbedrijf Heuvelrug', type: 'ontwikkelaar' }, ADMIN_ACTOR.principal)).id;
    otherDeveloperOrg = (await services.organisations.create({ name: 'Woonfonds Vecht', type: 'belegger' }, ADMIN_ACTOR.principal)).id;
    for (const [who, organisationId] of [
      [people.developer, developerOrg],
      [people.otherDeveloper, otherDeveloperOrg],
    ] as const) {
      await services.auth.createUser({
        ...who,
        password: PASSWORD,
        role: 'marktpartij_editor',
        organisationId,
        gemeenteCode: null,
        regionId: null,
        provincieCode: null,
      });
    }

    // Zeist's 20 projects, all on schedule; the developer is a party of the first three.
    for (let i = 1; i <= 20; i++) {
      const name = `Zeist plan ${String(i).padStart(2, '0')}`;
      const plan = samplePlan();
      const project = await services.projects.create(
        {
          name,
          gemeenteCode: ZEIST,
          planStatus: 'vastgesteld',
          origin: 'nieuwbouw',
          flags: [],
          location: null,
          programme: plan.programme,
          jaarschijven: plan.jaarschijven,
          milestones: [
            { code: 'M06', baselineDate: '2025-03-01', actualDate: '2025-04-15' },
            { code: 'M09', baselineDate: '2027-03-01', forecastDate: '2027-03-01' },
            { code: 'M11', baselineDate: '2027-09-01', forecastDate: '2027-09-01' },
            { code: 'M12', baselineDate: '2029-06-01', forecastDate: '2029-06-01' },
          ],
          parties: [
            { organisationId: gemeenteOrganisationId(ZEIST), role: 'bevoegd_gezag' },
            ...(i <= 3 ? [{ organisationId: developerOrg, role: 'ontwikkelaar' as const }] : []),
          ],
        },
        ADMIN_ACTOR,
      );
      projectIds.push(project.id);
      names.push(name);
    }
    // De Bilt has one project, with the second market party.
    deBiltProjectId = (
      await services.projects.create(
        {
          name: 'De Bilt Larenstein',
          gemeenteCode: DE_BILT,
          planStatus: 'onherroepelijk',
          origin: 'nieuwbouw',
          flags: [],
          location: null,
          ...samplePlan(),
          milestones: [{ code: 'M11', baselineDate: '2027-05-01', forecastDate: '2027-05-01' }],
          parties: [
            { organisationId: gemeenteOrganisationId(DE_BILT), role: 'bevoegd_gezag' },
            { organisationId: otherDeveloperOrg, role: 'belegger' },
          ],
        },
        ADMIN_ACTOR,
      )
    ).id;

    const secretary: Actor = { principal: secretaryPrincipal, via: 'ui' };
    await services.rounds.openRound(TABLE, { quarter: QUARTER, deadline: DEADLINE }, secretary);
  }, 240_000);

  afterAll(async () => {
    await closeAndCheckPageErrors(browser, server);
    await sink?.close();
    const total = Object.values(actions.counts).reduce((a, b) => a + b, 0);
    const summary = { counts: actions.counts, total, scriptedSeconds: Math.round(scripted / 100) / 10 };
    writeFileSync(join(ARTIFACTS, 'quarterly-update.json'), JSON.stringify(summary, null, 2));
    console.log('issue 12 user actions per task:', JSON.stringify(summary));
  });

  it('signs in and lands on "Mijn kwartaalronde" with the deadline and all 20 projects to do', async () => {
    page = await browser.context.newPage();
    page.on('pageerror', (err) => browser.pageErrors.push(`gemeente: ${err.message}`));
    await signInWithPassword(page, server.base, people.zeist, PASSWORD);
    forbidTypedAddresses(page);
    started = Date.now();
    await page.waitForURL(/\/mijn-kwartaalronde$/);
    await page.getByRole('heading', { level: 1, name: 'Mijn kwartaalronde' }).waitFor();
    await expect(page.getByText('15 januari 2027').first()).toBeTruthy();
    for (const name of names) await page.getByRole('link', { name, exact: true }).waitFor();
    await screenshot(page, 'ronde-start.png');
    await expectAccessible(page, 'Mijn kwartaalronde');
  });

  it('confirms 14 unchanged projects with one action each', async () => {
    for (const name of names.slice(4, 18)) {
      actions.start('bevestig een ongewijzigd project');
      const before = actions.counts[actions.task] ?? 0;
      await actions.click(page.getByRole('button', { name: `Ongewijzigd bevestigen: ${name}`, exact: true }));
      await page.getByText(`Ongewijzigd bevestigd: ${name}`).waitFor();
      expect((actions.counts[actions.task] ?? 0) - before).toBe(1);
    }
    expect(actions.counts['bevestig een ongewijzigd project']).toBe(14);
    await screenshot(page, 'ronde-bevestigd.png');
  });

  /** From Mijn kwartaalronde to a project: one click on its name (counted as its own task). */
  async function openProject(name: string): Promise<void> {
    actions.start('open een project vanuit Mijn kwartaalronde');
    await actions.click(page.getByRole('link', { name, exact: true }));
    await page.getByRole('heading', { level: 1, name }).waitFor();
  }

  /** Back to Mijn kwartaalronde: the link in the open-round notice (counted as its own task). */
  async function backToMyRound(): Promise<void> {
    actions.start('terug naar Mijn kwartaalronde');
    await actions.click(page.getByTestId('open-round-notice').getByRole('link', { name: 'Naar Mijn kwartaalronde' }));
    await page.getByRole('heading', { level: 1, name: 'Mijn kwartaalronde' }).waitFor();
  }

  /** Moves M09's forecast to `date` (dd-mm-jjjj); returns the actions it took. */
  async function moveM09(date: string, reason?: { category: string; text: string }): Promise<number> {
    actions.start(reason ? 'verschuif een mijlpaal voorbij de tolerantie (met reden)' : 'verschuif een mijlpaal');
    const before = actions.counts[actions.task] ?? 0;
    const form = page.getByTestId('milestone-edit-form');
    await actions.click(page.getByRole('button', { name: /^Wijzig M09/ }));
    await actions.fill(form.getByLabel('Prognosedatum'), date);
    if (reason) {
      const why = form.getByRole('group', { name: 'Waarom schuift deze datum?' });
      await actions.choose(why.getByLabel('Soort knelpunt'), { label: reason.category });
      await actions.fill(why.getByLabel('Toelichting'), reason.text);
    }
    await actions.click(form.getByRole('button', { name: 'Opslaan' }));
    await form.getByText(/Mijlpaal M09 .* is opgeslagen\./).waitFor();
    return (actions.counts[actions.task] ?? 0) - before;
  }

  it('moves milestones on 4 projects, one past the tolerance with a reason (at most 3 actions for a move)', async () => {
    for (const [i, name] of names.slice(0, 4).entries()) {
      await openProject(name);
      if (i === 0) {
        await moveM09('01-08-2027', { category: 'Netcongestie', text: 'Aansluiting pas na verzwaring van het station' });
      } else {
        expect(await moveM09(`01-0${3 + i}-2027`)).toBeLessThanOrEqual(3);
      }
      if (i < 3) await backToMyRound();
    }
  });

  it('adds a knelpunt in at most 5 actions and escalates it to the table', async () => {
    // Still on the fourth project's page: the knelpunt belongs to it.
    actions.start('voeg een knelpunt toe');
    await actions.click(page.getByRole('button', { name: 'Knelpunt toevoegen' }));
    const form = page.getByTestId('knelpunt-form');
    await actions.choose(form.getByLabel('Soort knelpunt'), { label: 'Stikstof' });
    await actions.fill(form.getByLabel('Omschrijving'), 'Vergunning wacht op de stikstofberekening');
    await actions.fill(form.getByLabel('Wie moet actie nemen'), 'Provincie Utrecht');
    await actions.click(form.getByRole('button', { name: 'Knelpunt opslaan' }));
    await page.getByTestId('knelpunt-status').filter({ hasText: 'is toegevoegd' }).waitFor();
    expect(actions.counts['voeg een knelpunt toe']).toBeLessThanOrEqual(5);

    actions.start('escaleer een knelpunt naar de tafel');
    await actions.click(page.getByRole('button', { name: /^Escaleren naar de tafel\s*:\s*Stikstof/ }));
    const escalate = page.getByTestId('escalate-form');
    await actions.fill(escalate.getByLabel('Waarom moet de tafel dit oppakken?'), 'De provincie moet de berekening voorrang geven');
    await actions.click(escalate.getByRole('button', { name: 'Escaleren' }));
    await page.getByTestId('knelpunt-status').filter({ hasText: 'geëscaleerd naar de versnellingstafel' }).waitFor();
    await screenshot(page, 'ronde-knelpunt.png');
    await expectAccessible(page, 'project page with a knelpunt');
    await backToMyRound();
  });

  it('creates a new project with programme and jaarschijven', async () => {
    actions.start('maak een nieuw project');
    await actions.click(page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Projecten', exact: true }));
    await actions.click(page.getByTestId('new-project-link'));
    const form = page.getByTestId('new-project-form');
    await actions.fill(form.getByLabel('Naam', { exact: true }), 'Zeist Kerckebosch fase 3');
    await actions.choose(form.getByLabel('Planstatus'), { label: 'In voorbereiding' });
    await actions.fill(page.getByTestId('programme-rows').getByLabel('Aantal woningen'), '48');
    await actions.fill(page.getByTestId('jaarschijven-rows').getByLabel('Jaar'), '2029');
    await actions.fill(page.getByTestId('jaarschijven-rows').getByLabel('Aantal woningen'), '48');
    await expectAccessible(page, 'Nieuw project');
    await actions.click(form.getByRole('button', { name: 'Project aanmaken' }));
    await page.getByRole('heading', { level: 1, name: 'Zeist Kerckebosch fase 3' }).waitFor();
    await page.getByText(/^48, waarvan 48 betaalbaar/).waitFor();
    await screenshot(page, 'ronde-nieuw-project.png');
    await backToMyRound();
  });

  it('changes the plan status of one project', async () => {
    await openProject(at(names, 18));
    actions.start('wijzig de planstatus');
    await actions.click(page.getByRole('button', { name: 'Kerngegevens wijzigen' }));
    const form = page.getByTestId('core-edit-form');
    await actions.choose(form.getByLabel('Planstatus'), { label: 'Onherroepelijk' });
    await actions.click(form.getByRole('button', { name: 'Opslaan' }));
    await page.getByText('De kerngegevens zijn opgeslagen.').waitFor();
    expect(actions.counts['wijzig de planstatus']).toBeLessThanOrEqual(4);
    await backToMyRound();
    // Only the twentieth project is left to do.
    await page.locator('[data-testid=my-round][data-ready=true]').waitFor();
    expect(await page.locator('tr[data-state=te_doen]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-project')))).toEqual([names[19]]);
    await screenshot(page, 'ronde-klaar.png');
  });

  /** A new page signed in as `who` (the browser's earlier session is dropped first: one person at a time). */
  async function signIn(who: { email: string; name: string }, label: string): Promise<Page> {
    await browser.context.clearCookies();
    const p = await browser.context.newPage();
    p.on('pageerror', (err) => browser.pageErrors.push(`${label}: ${err.message}`));
    await signInWithPassword(p, server.base, who, PASSWORD);
    return p;
  }

  const openBookStatus = (p: Page, id: string) =>
    p.evaluate(async (projectId) => (await fetch(`/api/v1/projects/${projectId}/open-book`)).status, id);

  it('a market party updates a private milestone and enters open-book figures', async () => {
    scripted += Date.now() - started;
    await page.close();
    const developer = await signIn(people.developer, 'developer');
    started = Date.now();
    await developer.waitForURL(/\/mijn-kwartaalronde$/);
    await developer.getByRole('link', { name: names[0], exact: true }).click();
    await developer.getByRole('heading', { level: 1, name: names[0] }).waitFor();
    // M11 start bouw is the private side's: the developer may change it.
    const form = developer.getByTestId('milestone-edit-form');
    await developer.getByRole('button', { name: /^Wijzig M11/ }).click();
    await form.getByLabel('Prognosedatum').fill('01-10-2027');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.getByText(/Mijlpaal M11 .* is opgeslagen\./).waitFor();

    const field = (label: string) => developer.getByRole('textbox', { name: label, exact: true });
    await field('Totale kosten (€)').fill('14.200.000');
    await field('Totale opbrengsten (€)').fill('11.000.000');
    await field('Bijdragen van overheden (€)').fill('1.500.000');
    await field('Peildatum').fill('30-09-2026');
    await developer.getByRole('button', { name: 'Open boek opslaan' }).click();
    await developer.getByTestId('open-book-status').filter({ hasText: 'Het open boek is opgeslagen.' }).waitFor();
    expect(await developer.getByTestId('open-book-figures').textContent()).toContain('€ 14.200.000');
    await screenshot(developer, 'ronde-open-boek.png');
    await expectAccessible(developer, 'project page with the open book');
    expect(await openBookStatus(developer, at(projectIds, 0))).toBe(200);
    scripted += Date.now() - started;
    await developer.close();
  });

  it('a second market party and another gemeente see nothing of the open book (page and API); the secretary sees it', async () => {
    for (const [who, label] of [
      [people.otherDeveloper, 'second market party'],
      [people.deBilt, 'De Bilt'],
    ] as const) {
      const p = await signIn(who, label);
      await p.goto(`${server.base}/projecten/${at(projectIds, 0)}`);
      await p.getByRole('heading', { level: 1 }).first().waitFor();
      await p.getByText('Het project wordt geladen…').waitFor({ state: 'detached' });
      expect(await p.getByRole('heading', { name: 'Open boek', exact: true }).count(), label).toBe(0);
      expect(await p.getByText('14.200.000').count(), label).toBe(0);
      expect([403, 404], label).toContain(await openBookStatus(p, at(projectIds, 0)));
      await p.close();
    }
    const secretary = await signIn(people.secretary, 'secretary');
    await secretary.goto(`${server.base}/projecten/${at(projectIds, 0)}`);
    await secretary.getByRole('heading', { name: 'Open boek', exact: true }).waitFor();
    expect(await secretary.getByTestId('open-book-figures').textContent()).toContain('€ 14.200.000');
    expect(await openBookStatus(secretary, at(projectIds, 0))).toBe(200);
    await secretary.close();
  });

  it("the secretary's agenda lists exactly the escalated knelpunt and the parties that have not delivered", async () => {
    const secretary = await signIn(people.secretary, 'secretary agenda');
    // The secretary lands on the Tafeloverzicht: the escalation is new, and the moved date says why it moved.
    await secretary.getByTestId('new-escalations').getByRole('link', { name: names[3] }).waitFor();
    await secretary.getByText('Aansluiting pas na verzwaring van het station').first().waitFor();
    await secretary.getByRole('link', { name: 'Agenda tafeloverleg' }).first().click();
    await secretary.locator('[data-testid=agenda][data-ready=true]').waitFor({ timeout: 60_000 });
    const items = (key: string) => secretary.getByTestId(`agenda-section-${key}`).getByTestId('agenda-item');
    expect(await items('knelpunten').getByRole('link').allTextContents()).toEqual([names[3]]);
    // Zeist left one project to do, the developer two (it updated only the first of its three), and De Bilt and
    // the second market party did nothing.
    expect((await items('levering').locator('strong').allTextContents()).sort()).toEqual(
      ['Bouwbedrijf Heuvelrug', 'Gemeente De Bilt', 'Gemeente Zeist', 'Woonfonds Vecht'].sort(),
    );
    await screenshot(secretary, 'ronde-agenda.png');
    await expectAccessible(secretary, 'Agenda tafeloverleg');
    secretaryPage = secretary;
  });

  it('sends a reminder by e-mail that arrives with a working link to Mijn kwartaalronde', async () => {
    const secretary = secretaryPage;
    await secretary.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Tafeloverzicht' }).click();
    const tableLink = secretary.getByRole('main').getByRole('link', { name: 'Versnellingstafel Utrecht U10 (voorbeeld)' });
    const roundLink = secretary.getByRole('link', { name: 'Kwartaalronde', exact: true });
    await tableLink.or(roundLink).first().waitFor();
    if (await tableLink.count()) await tableLink.first().click();
    await roundLink.first().click();
    await secretary.getByRole('button', { name: 'Herinnering per e-mail versturen' }).click();
    await secretary.getByTestId('reminders-status').filter({ hasText: 'Herinnering verstuurd' }).waitFor();
    const mail = await sink.waitForMessageTo(people.otherDeveloper.email);
    const link = mail.text.match(/https?:\/\/\S+\/mijn-kwartaalronde/)?.[0];
    expect(link, mail.text).toBeTruthy();
    await secretary.close();
    // The second market party follows the link: after signing in it is on its Mijn kwartaalronde, with the De Bilt project to do.
    await browser.context.clearCookies();
    const p = await browser.context.newPage();
    await p.goto(link as string);
    await p.getByTestId('my-round-signed-out').getByRole('link', { name: 'Log in' }).click();
    await p.getByLabel('E-mailadres').fill(people.otherDeveloper.email);
    await p.getByLabel('Wachtwoord').fill(PASSWORD);
    await p.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await p.waitForURL(/\/mijn-kwartaalronde$/);
    expect(await p.getByRole('link', { name: 'De Bilt Larenstein', exact: true }).getAttribute('href')).toContain(deBiltProjectId);
    await p.close();
  });
});
