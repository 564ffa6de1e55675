/**
 * Issue 12 items 3 and 4 in headless Chromium: knelpunten as a workflow and why a date moved. The demo gemeente
 * editor (Amsterdam) adds a knelpunt on the project page in at most 5 actions, escalates it to the table with a
 * reason; the demo secretary of the Versnellingstafel Amsterdam e.o. sees it first on the Tafeloverzicht ("Nieuw
 * geëscaleerde knelpunten"); the gemeente resolves it with a date and how. A milestone moved within the tolerance
 * takes 3 actions; moved past it, the form asks "Waarom schuift deze datum?", and the reason shows in "wat is er
 * veranderd". axe (WCAG 2.2 AA) passes on the project page with each form open, at 1280 and at 390 pixels wide.
 * Screenshots: test-artifacts/knelpunten-*.png.
 *
 * Needs /usr/bin/chromium; run under `flock /tmp/wbm-heavy.lock`.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonthsIso } from '../../src/domain/dates.ts';
import { quarterOf } from '../../src/domain/kwartaal.ts';
import { todayInNetherlands } from '../../src/services/today.ts';
import {
  accessibilityViolations,
  apiSession,
  closeAndCheckPageErrors,
  hasChromium,
  screenshot,
  signedInPage,
  signInThroughPage,
  startServer,
  startWithBrowser,
  type Browser,
  type TestServer,
} from './support.ts';

const TODAY = todayInNetherlands();
const TABLE = 'vt-amsterdam-e-o';
const NAME = 'Knelpuntenproef Oostpoort';
const BASELINE = addMonthsIso(TODAY, 6);
const DESCRIPTION = 'Geen aansluiting op het elektriciteitsnet voor 2029';
const REASON = 'Stedin reageert niet op de aanvraag; de tafel moet de netbeheerder aanspreken';
/** dd-mm-jjjj, as a person types it. */
const typed = (iso: string) => iso.split('-').reverse().join('-');

let server: TestServer;
let browser: Browser;
let projectId = '';
let gemeente: Page;

beforeAll(async () => {
  if (!hasChromium) return;
  ({ server, browser } = await startWithBrowser(() => startServer(20)));
  // A project of the gemeente Amsterdam with a public milestone, and a closed quarter to compare with.
  const asGemeente = await apiSession(server.base, 'gemeente_editor');
  const created = await asGemeente.send<{ id: string }>('POST', '/projects', {
    name: NAME,
    gemeenteCode: 'GM0363',
    planStatus: 'vastgesteld',
    programme: [{ segment: 'sociale_huur', woningtype: 'gestapeld', doelgroep: 'regulier', homes: 80 }],
    milestones: [{ code: 'M09', baselineDate: BASELINE, forecastDate: BASELINE }],
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  projectId = created.body.id;
  const asSecretary = await apiSession(server.base, 'tafel_secretaris');
  const round = await asSecretary.send<{ id: string }>('POST', `/regions/${TABLE}/rounds`, {
    quarter: quarterOf(TODAY),
    deadline: addMonthsIso(TODAY, 1),
  });
  expect(round.status, JSON.stringify(round.body)).toBe(201);
  const closed = await asSecretary.send('POST', `/rounds/${round.body.id}/close`);
  expect(closed.status, JSON.stringify(closed.body)).toBe(200);
  gemeente = await signedInPage(browser, server.base, 'gemeente_editor', 'gemeente');
}, 300_000);
afterAll(async () => {
  await closeAndCheckPageErrors(browser, server);
});

/** axe at desktop width and at 390 pixels (a phone), back to desktop after. */
async function expectAccessible(page: Page, name: string): Promise<void> {
  expect(await accessibilityViolations(page), `${name} (1280 px)`).toEqual([]);
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await accessibilityViolations(page), `${name} (390 px)`).toEqual([]);
  await screenshot(page, `knelpunten-${name}-390.png`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** A button of the knelpunt's card; its accessible name names the knelpunt ("Oplossen: Netcongestie, Geen aansluiting …"). */
const knelpuntButton = (page: Page, action: string) =>
  page.getByRole('button', { name: new RegExp(`^${action}\\s*:\\s*Netcongestie, Geen aansluiting`) });

describe.skipIf(!hasChromium)('knelpunten as a workflow, and why a date moved', () => {
  it('the gemeente adds a knelpunt from the project page in at most 5 actions (axe passes with the form open)', async () => {
    await gemeente.goto(`${server.base}/projecten/${projectId}`);
    await gemeente.getByRole('heading', { level: 1, name: NAME }).waitFor();
    let actions = 0;
    const act = async (step: () => Promise<unknown>) => {
      actions += 1;
      await step();
    };
    await act(() => gemeente.getByRole('button', { name: 'Knelpunt toevoegen' }).click());
    const form = gemeente.getByTestId('knelpunt-form');
    // "Gemeld op" is today already: only change it if needed.
    expect(await form.getByLabel('Gemeld op').inputValue()).toBe(typed(TODAY));
    await expectAccessible(gemeente, 'toevoegen');
    await act(() => form.getByLabel('Soort knelpunt').selectOption({ label: 'Netcongestie' }));
    await act(() => form.getByLabel('Omschrijving').fill(DESCRIPTION));
    await act(() => form.getByLabel('Wie moet actie nemen').fill('Stedin'));
    await act(() => form.getByRole('button', { name: 'Knelpunt opslaan' }).click());
    await gemeente.getByTestId('knelpunt-status').filter({ hasText: 'Het knelpunt Netcongestie is toegevoegd.' }).waitFor();
    expect(actions).toBeLessThanOrEqual(5);
    const card = gemeente.getByTestId('knelpunt').filter({ hasText: DESCRIPTION });
    await expect(card.textContent()).resolves.toContain('Stedin');
  });

  it('an empty form names what is missing next to the fields, focus on the summary, and keeps what was typed', async () => {
    await gemeente.getByRole('button', { name: 'Knelpunt toevoegen' }).click();
    const form = gemeente.getByTestId('knelpunt-form');
    await form.getByLabel('Wie moet actie nemen').fill('Gemeente');
    await form.getByRole('button', { name: 'Knelpunt opslaan' }).click();
    const summary = gemeente.getByTestId('knelpunt-error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Soort knelpunt: Kies de soort knelpunt.');
    expect(await form.getByLabel('Omschrijving').getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByLabel('Wie moet actie nemen').inputValue()).toBe('Gemeente');
    expect(await gemeente.evaluate(() => document.activeElement?.classList.contains('wbm-error-summary'))).toBe(true);
    await expectAccessible(gemeente, 'fouten');
    await form.getByRole('button', { name: 'Annuleren' }).click();
  });

  it('the gemeente escalates it to the table with a reason (axe passes with the form open)', async () => {
    await knelpuntButton(gemeente, 'Escaleren naar de tafel').click();
    const form = gemeente.getByTestId('escalate-form');
    await expectAccessible(gemeente, 'escaleren');
    await form.getByLabel('Waarom moet de tafel dit oppakken?').fill(REASON);
    await form.getByRole('button', { name: 'Escaleren' }).click();
    await gemeente.getByTestId('knelpunt-status').filter({ hasText: 'geëscaleerd naar de versnellingstafel' }).waitFor();
    const card = gemeente.getByTestId('knelpunt').filter({ hasText: DESCRIPTION });
    expect(await card.textContent()).toContain(REASON);
    expect(await card.textContent()).toContain('Geëscaleerd naar de versnellingstafel op');
  });

  it('the secretary sees the new escalation first on the Tafeloverzicht, with project link, reason and date', async () => {
    const secretary = await signedInPage(browser, server.base, 'tafel_secretaris', 'secretaris');
    await secretary.goto(`${server.base}/tafels/${TABLE}`);
    await secretary.locator('[data-testid=dashboard][data-ready=true]').waitFor({ timeout: 60_000 });
    const headings = await secretary.getByRole('heading', { level: 2 }).allTextContents();
    const first = headings.indexOf('Nieuw geëscaleerde knelpunten');
    expect(first).toBeGreaterThanOrEqual(0);
    expect(first).toBeLessThan(headings.indexOf('Verwachte oplevering tegenover de opgave'));
    const row = secretary.getByTestId('new-escalations').getByRole('row').nth(1);
    const text = await row.textContent();
    expect(text).toContain(NAME);
    expect(text).toContain(REASON);
    await screenshot(secretary, 'knelpunten-tafeloverzicht.png');
    await row.getByRole('link', { name: NAME }).click();
    await secretary.getByRole('heading', { level: 1, name: NAME }).waitFor();
    // The secretary reads the knelpunten but does not change them.
    expect(await secretary.getByRole('button', { name: 'Knelpunt toevoegen' }).count()).toBe(0);
    await secretary.close();
    // One browser context, one session: the gemeente signs in again and opens its project.
    await signInThroughPage(gemeente, server.base, 'gemeente_editor');
    await gemeente.goto(`${server.base}/projecten/${projectId}`);
    await gemeente.getByRole('heading', { level: 1, name: NAME }).waitFor();
  });

  it('the gemeente resolves it with the date and how (axe passes with the form open)', async () => {
    await knelpuntButton(gemeente, 'Oplossen').click();
    const form = gemeente.getByTestId('resolve-form');
    expect(await form.getByLabel('Opgelost op').inputValue()).toBe(typed(TODAY));
    await expectAccessible(gemeente, 'oplossen');
    await form.getByLabel('Hoe is het opgelost?').fill('Tijdelijke aansluiting met een bouwstroomkast');
    await form.getByRole('button', { name: 'Oplossen' }).click();
    await gemeente.getByTestId('knelpunt-status').filter({ hasText: 'Het knelpunt Netcongestie is opgelost.' }).waitFor();
    const card = gemeente.getByTestId('knelpunt').filter({ hasText: DESCRIPTION });
    expect(await card.textContent()).toContain(`Opgelost op`);
    expect(await card.textContent()).toContain('Tijdelijke aansluiting met een bouwstroomkast');
    const changes = gemeente.getByTestId('changes');
    await changes.filter({ hasText: 'Knelpunt opgelost op' }).waitFor();
    expect(await changes.textContent()).toContain('Nieuw knelpunt (Netcongestie)');
  });

  it('a move within the tolerance takes 3 actions; past it, the form asks why, and the reason shows in "wat is er veranderd"', async () => {
    let actions = 0;
    const act = async (step: () => Promise<unknown>) => {
      actions += 1;
      await step();
    };
    const form = gemeente.getByTestId('milestone-edit-form');
    await act(() => gemeente.getByRole('button', { name: /^Wijzig M09/ }).click());
    await act(() => form.getByLabel('Prognosedatum').fill(typed(addMonthsIso(BASELINE, 1))));
    expect(await form.getByRole('group', { name: 'Waarom schuift deze datum?' }).count()).toBe(0);
    await act(() => form.getByRole('button', { name: 'Opslaan' }).click());
    await form.getByText(/Mijlpaal M09 .* is opgeslagen\./).waitFor();
    expect(actions).toBe(3);

    const late = addMonthsIso(BASELINE, 6);
    await gemeente.getByRole('button', { name: /^Wijzig M09/ }).click();
    await form.getByLabel('Prognosedatum').fill(typed(late));
    const why = form.getByRole('group', { name: 'Waarom schuift deze datum?' });
    await why.waitFor();
    // Saving without a reason saves nothing and says what is missing.
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await gemeente.getByTestId('milestone-error-summary').filter({ hasText: 'Licht kort toe waarom de datum schuift.' }).waitFor();
    await expectAccessible(gemeente, 'mijlpaal-reden');
    await why.getByLabel('Soort knelpunt').selectOption({ label: 'Netcongestie' });
    await why.getByLabel('Toelichting').fill('Aansluiting pas na verzwaring van het station');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.getByText(/Mijlpaal M09 .* is opgeslagen\./).waitFor();
    const changes = gemeente.getByTestId('changes');
    await changes.filter({ hasText: 'Reden: Netcongestie: Aansluiting pas na verzwaring van het station' }).waitFor();
    await screenshot(gemeente, 'knelpunten-project.png');
    await expectAccessible(gemeente, 'project');
  });
});
