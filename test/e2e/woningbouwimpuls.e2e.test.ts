/**
 * Woningbouwimpuls in headless Chromium (issue 16 "Done when": "An end-to-end test in headless Chromium files a Wbi
 * application, scores it, ranks a tranche and downloads the decision list"; SPEC §4.2, `001 § Afspraak 19.2`). The
 * ministry opens a tranche on the page; the gemeente Amsterdam files an application for its own project while the
 * window is open and sees the check per criterion with the rule, its source and the maximum award; the gemeente
 * Amstelveen does not see Amsterdam's application; after the window closes the ministry enters the committee's scores,
 * fixes the ranking and downloads the decision list (the CSV names the project, its rank and amount). axe (WCAG 2.2 AA)
 * passes on each page, the Gebiedsbudget page too. Needs /usr/bin/chromium; run under `flock /tmp/wbm-web.lock`.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gemeenteOrganisationId } from '../../src/domain/identifiers.ts';
import { createServices } from '../../src/services/container.ts';
import { TEST_AUTH_OPTIONS } from '../helpers/auth.ts';
import { createTestDb } from '../helpers/test-db.ts';
import {
  accessibilityViolations,
  closeAndCheckPageErrors,
  ensureWebBuild,
  hasChromium,
  launchBrowser,
  screenshot,
  serve,
  signInWithPassword,
  type Browser,
  type TestServer,
} from './support.ts';

const PASSWORD = 'een lang genoeg wachtwoord voor de test';
const MINISTERIE = { email: 'analist@minvro.example.invalid', name: 'Analist Ministerie' };
const AMSTERDAM = { email: 'pl@amsterdam.example.invalid', name: 'Projectleider Amsterdam' };
const AMSTELVEEN = { email: 'pl@amstelveen.example.invalid', name: 'Projectleider Amstelveen' };
const PROJECT = 'Sluisbuurt Oost';

/** The monitor's "today": inside the window while the gemeente files, after it when the ministry ranks. */
let today = '2026-12-10';
let server: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  if (!hasChromium) return;
  ensureWebBuild();
  const t = await createTestDb();
  const services = createServices(t.db, { auth: TEST_AUTH_OPTIONS, today: () => today });
  const user = (who: { email: string; name: string }, role: 'ministerie_analist' | 'gemeente_editor', gemeenteCode: string | null) =>
    services.auth.createUser({
      ...who,
      password: PASSWORD,
      role,
      organisationId: gemeenteCode ? gemeenteOrganisationId(gemeenteCode) : null,
      gemeenteCode,
      regionId: null,
      provincieCode: null,
    });
  await user(MINISTERIE, 'ministerie_analist', null);
  const amsterdam = await user(AMSTERDAM, 'gemeente_editor', 'GM0363');
  await user(AMSTELVEEN, 'gemeente_editor', 'GM0362');
  await services.projects.create(
    {
      name: PROJECT,
      gemeenteCode: 'GM0363',
      planStatus: 'vastgesteld',
      programme: [{ segment: 'sociale_huur', woningtype: 'gestapeld', doelgroep: 'regulier', homes: 450 }],
      milestones: [
        { code: 'M06', baselineDate: '2027-01-01', forecastDate: '2027-01-01' },
        { code: 'M11', baselineDate: '2028-01-01', forecastDate: '2028-01-01' },
        { code: 'M12', baselineDate: '2030-01-01', forecastDate: '2030-01-01' },
      ],
      parties: [{ organisationId: gemeenteOrganisationId('GM0363'), role: 'bevoegd_gezag' }],
    } as never,
    { principal: amsterdam, via: 'ui' },
  );
  server = await serve(t, services);
  browser = await launchBrowser(server.base);
  page = await browser.context.newPage();
  page.on('pageerror', (err) => browser.pageErrors.push(`woningbouwimpuls: ${err.message}`));
}, 300_000);
afterAll(async () => {
  await closeAndCheckPageErrors(browser, server);
});

async function signInAs(who: { email: string; name: string }): Promise<void> {
  await browser.context.clearCookies();
  await signInWithPassword(page, server.base, who, PASSWORD);
}
const field = (label: string) => page.getByLabel(label, { exact: true });
async function expectAxeClean(name: string): Promise<void> {
  await screenshot(page, `woningbouwimpuls-${name}.png`);
  expect(await accessibilityViolations(page)).toEqual([]);
}
async function openTranche(): Promise<void> {
  await page.goto(`${server.base}/instrumenten/woningbouwimpuls`);
  await page.getByRole('link', { name: 'Tranche 2027' }).click();
  await page.getByRole('heading', { level: 1, name: 'Woningbouwimpuls: Tranche 2027' }).waitFor();
}

describe.skipIf(!hasChromium)('Woningbouwimpuls in the browser (issue 16)', () => {
  it('the ministry opens a tranche on the page', async () => {
    await signInAs(MINISTERIE);
    await page.goto(`${server.base}/instrumenten`);
    await page.getByRole('link', { name: 'Woningbouwimpuls' }).click();
    await page.getByRole('heading', { level: 1, name: 'Woningbouwimpuls' }).waitFor();
    await field('Naam').fill('Tranche 2027');
    await field('Aanvragen kan vanaf').fill('01-12-2026');
    await field('Aanvragen kan tot en met').fill('31-12-2026');
    await field('Toekenning verwacht op').fill('01-03-2027');
    await field('Budget (euro)').fill('5000000');
    await page.getByRole('button', { name: 'Tranche aanmaken' }).click();
    await page.getByTestId('wbi-tranche-status').filter({ hasText: 'Tranche 2027 is aangemaakt' }).waitFor();
    await page.getByRole('link', { name: 'Tranche 2027' }).waitFor();
    expect(await page.getByTestId('wbi-budget-total').textContent()).toContain('€ 5.000.000 van de € 470.000.000');
    await expectAxeClean('ministerie');
  });

  it('the gemeente files an application for its own project and sees the check per criterion and the maximum award', async () => {
    await signInAs(AMSTERDAM);
    await openTranche();
    await page.getByTestId('wbi-no-applications').waitFor();
    // A field left empty is named in the summary before anything is sent.
    await page.getByRole('button', { name: 'Aanvraag indienen' }).click();
    await page.getByTestId('wbi-application-errors').filter({ hasText: 'Project' }).waitFor();
    await page.getByLabel('Project', { exact: true }).selectOption({ label: PROJECT });
    const values: Array<[string, string]> = [
      ['Aantal woningen in het project', '450'],
      ['Waarvan betaalbaar', '300'],
      ['Noodzakelijke publieke investeringen (euro)', '30.000.000'],
      ['Opbrengst uit kostenverhaal (euro)', '8.000.000'],
      ['Opbrengst uit grondverkoop (euro)', '10.000.000'],
      ['Andere bijdragen van het Rijk (euro)', '0'],
      ['Gevraagde bijdrage (euro)', '3.500.000'],
      ['Bijdrage van gemeente, provincie of regio (euro)', '4.000.000'],
      ['Start bouw eerste woningen', '01-06-2028'],
      ['Start bouw laatste woningen', '01-06-2033'],
    ];
    for (const [label, value] of values) await field(label).fill(value);
    await page.getByLabel('De infrastructurele ontsluiting').check();
    for (const label of [
      'Het project is nodig om de afspraken in de woondeal te halen',
      'Het geld uit de Realisatiestimulans is niet genoeg om het knelpunt op te lossen',
      'De gemeente werkt volgens de principes van parallel plannen',
      'Het project wordt besproken aan de versnellingstafel, met de publiek-private monitor',
      'De partijen praten met elkaar op basis van open boeken',
    ])
      await page.getByLabel(label).check();
    await field('Welk knelpunt lost de bijdrage op?').fill('Een nieuwe brug over het kanaal');
    await page.getByRole('button', { name: 'Aanvraag indienen' }).click();
    await page.getByTestId('wbi-application-status').filter({ hasText: 'voldoet aan alle voorwaarden' }).waitFor();
    const application = page.getByTestId('wbi-application').filter({ hasText: PROJECT });
    await application.waitFor();
    expect(await application.getByTestId('wbi-maximum-award').textContent()).toBe('€ 12.000.000');
    const eligibility = application.getByTestId('wbi-eligibility');
    expect(await eligibility.locator('[data-met=ja]').count()).toBe(13);
    expect(await eligibility.textContent()).toContain('Het project heeft minstens 200 woningen.');
    expect(await eligibility.textContent()).toContain('Bron: Bijlage bij de Kamerbrief over de Woontop (december 2024)');
    // While the window is open the gemeente changes its application (the version it read).
    await application.getByTestId('wbi-edit-application').click();
    const edit = page.getByTestId('wbi-application-edit-form');
    expect(await edit.getByLabel('Gevraagde bijdrage (euro)', { exact: true }).inputValue()).toBe('3500000');
    await edit.getByLabel('Gevraagde bijdrage (euro)', { exact: true }).fill('4.000.000');
    await edit.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await edit.getByTestId('wbi-application-status').filter({ hasText: 'is aangepast' }).waitFor();
    await page.locator(`tr[data-project="${PROJECT}"]`).filter({ hasText: '€ 4.000.000' }).waitFor();
    await expectAxeClean('gemeente');
  });

  it('another gemeente does not see the application', async () => {
    await signInAs(AMSTELVEEN);
    await openTranche();
    await page.getByTestId('wbi-no-applications').waitFor();
    expect(await page.locator('main').textContent()).not.toContain(PROJECT);
    const api = await page.request.get(`${server.base}/api/v1/woningbouwimpuls/tranches`);
    const trancheId = ((await api.json()) as { items: Array<{ id: string }> }).items[0]!.id;
    const detail = (await (await page.request.get(`${server.base}/api/v1/woningbouwimpuls/tranches/${trancheId}`)).json()) as {
      applications: unknown[];
    };
    expect(detail.applications).toEqual([]);
  });

  it('after the window the ministry scores, fixes the ranking and downloads the decision list', async () => {
    today = '2027-01-05';
    await signInAs(MINISTERIE);
    await openTranche();
    const application = page.getByTestId('wbi-application').filter({ hasText: PROJECT });
    for (const [label, value] of [
      ['Noodzaak', '8'],
      ['Effectiviteit', '7'],
      ['Efficiëntie', '6'],
      ['Urgentie', '9'],
    ] as const)
      await application.getByLabel(label, { exact: true }).fill(value);
    await application.getByRole('button', { name: 'Scores opslaan' }).click();
    await application.getByTestId('wbi-scores-status').filter({ hasText: 'De scores zijn opgeslagen.' }).waitFor();
    await page.getByTestId('wbi-allocate').click();
    await page.getByTestId('wbi-allocate-status').filter({ hasText: 'De rangschikking is vastgelegd' }).waitFor();
    const row = page.locator(`tr[data-project="${PROJECT}"]`).last();
    await row.filter({ hasText: 'Toegekend' }).waitFor();
    expect(await page.getByTestId('wbi-allocation-rule').textContent()).toContain('gelijke totaalscore');
    await expectAxeClean('verdeling');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('wbi-decision-list').getByRole('link', { name: 'CSV' }).click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const [header, first] = csv.trim().split('\r\n');
    expect(header).toBe(
      'Rang;Gemeente;Project;Totaalscore;Noodzaak;Effectiviteit;Efficiëntie;Urgentie;Gevraagd (euro);Maximale bijdrage (euro);Toegekend (euro);Uitkomst;Toelichting',
    );
    expect(first!.split(';').slice(0, 12)).toEqual([
      '1',
      'Amsterdam',
      PROJECT,
      '7,5',
      '8',
      '7',
      '6',
      '9',
      '4000000',
      '12000000',
      '4000000',
      'Toegekend',
    ]);
  });

  it('the Gebiedsbudget page passes axe for the gemeente and the ministry', async () => {
    await page.goto(`${server.base}/instrumenten/gebiedsbudget`);
    await page.getByTestId('gb-totals').waitFor();
    await expectAxeClean('gebiedsbudget-ministerie');
    await signInAs(AMSTERDAM);
    await page.goto(`${server.base}/instrumenten/gebiedsbudget`);
    await page.getByTestId('gb-request-form').waitFor();
    await expectAxeClean('gebiedsbudget-gemeente');
  });
});
