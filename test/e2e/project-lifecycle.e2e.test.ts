/**
 * Issue 12 item 2 in headless Chromium: ending a plan. A gemeente editor (demo role, Amsterdam) withdraws a plan
 * with a reason (first sending the form empty: the errors are named next to the fields and in a summary that gets
 * the focus); the plan shows "Dit plan is vervallen op …" and the Tafeloverzicht's "Vervallen plannen (planuitval)"
 * figure equals the list behind it, where the plan carries the tag "Vervallen". The editor merges a duplicate into
 * the record that stays (its knelpunt moves) and deletes a record made in error after the confirmation that says
 * deleting is only for that. axe (WCAG 2.2 AA) finds nothing with each form open, at desktop width and 390 px wide.
 * Screenshots: test-artifacts/project-lifecycle-*.png.
 *
 * Needs /usr/bin/chromium; run under `flock /tmp/wbm-heavy.lock`.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessibilityViolations,
  apiSession,
  closeAndCheckPageErrors,
  hasChromium,
  screenshot,
  signedInPage,
  startServer,
  startWithBrowser,
  type ApiSession,
  type Browser,
  type TestServer,
} from './support.ts';

const TABLE = 'vt-amsterdam-e-o';
let server: TestServer;
let browser: Browser;
let api: ApiSession;
const ids: Record<'withdrawn' | 'stays' | 'duplicate' | 'mistake' | 'narrow', string> = {
  withdrawn: '',
  stays: '',
  duplicate: '',
  mistake: '',
  narrow: '',
};

async function createPlan(name: string, homes: number): Promise<string> {
  const res = await api.send<{ id: string }>('POST', '/projects', {
    name,
    gemeenteCode: 'GM0363',
    planStatus: 'vastgesteld',
    programme: [{ segment: 'sociale_huur', woningtype: 'gestapeld', doelgroep: 'regulier', homes }],
    jaarschijven: [{ year: 2028, segment: 'sociale_huur', homes }],
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

beforeAll(async () => {
  if (!hasChromium) return;
  ({ server, browser } = await startWithBrowser(() => startServer(0)));
  // Only these projects exist: the table's figures are theirs alone, and the gemeente editor may read them all.
  api = await apiSession(server.base, 'gemeente_editor');
  ids.withdrawn = await createPlan('Stationsgebied Noord', 120);
  ids.stays = await createPlan('Havenkwartier', 200);
  ids.duplicate = await createPlan('Havenkwartier (dubbel)', 200);
  ids.mistake = await createPlan('Testproject per vergissing', 5);
  ids.narrow = await createPlan('Buiksloterham Oost', 60);
  const knelpunt = await api.send('POST', `/projects/${ids.duplicate}/knelpunten`, {
    category: 'netcongestie',
    description: 'Geen aansluiting op het net voor 2029.',
    raisedDate: '2026-10-01',
  });
  expect(knelpunt.status).toBe(201);
}, 300_000);
afterAll(async () => {
  await closeAndCheckPageErrors(browser, server);
});

async function openProject(page: Page, id: string, name: string): Promise<void> {
  await page.goto(`${server.base}/projecten/${id}`);
  await page.getByRole('heading', { level: 1, name }).waitFor();
  await page.getByTestId('lifecycle-section').waitFor();
}

async function expectNoViolations(page: Page): Promise<void> {
  expect(await accessibilityViolations(page)).toEqual([]);
}

describe.skipIf(!hasChromium)('Plan beëindigen of samenvoegen', () => {
  let page: Page;

  it('withdraws a plan with a reason; the planuitval figure equals the list behind it', async () => {
    page = await signedInPage(browser, server.base, 'gemeente_editor', 'lifecycle');
    await openProject(page, ids.withdrawn, 'Stationsgebied Noord');
    await page.getByRole('button', { name: 'Plan laten vervallen' }).click();
    const form = page.getByTestId('withdraw-form');
    await expect.poll(() => form.getByLabel('Datum vervallen (verplicht)').inputValue()).toMatch(/^\d{2}-\d{2}-\d{4}$/);

    // Sent without a reason: named next to the field and in the summary, which has the focus.
    await form.getByRole('button', { name: 'Vervallen bevestigen' }).click();
    const summary = form.getByTestId('withdraw-form-errors');
    await summary.getByText('Vul de reden in waarom het plan vervalt.').waitFor();
    expect(await page.evaluate(() => document.activeElement?.contains(document.querySelector('[data-testid=withdraw-form-errors]')))).toBe(true);
    await expectNoViolations(page);
    await screenshot(page, 'project-lifecycle-withdraw.png');

    await form.getByLabel('Reden (verplicht)').fill('Gemeenteraad heeft het plan afgewezen.');
    await form.getByRole('button', { name: 'Vervallen bevestigen' }).click();
    const notice = page.getByTestId('lifecycle-notice');
    await notice.getByText(/^Dit plan is vervallen op .+\. Reden: Gemeenteraad heeft het plan afgewezen\.$/).waitFor();
    await page.getByTestId('lifecycle-status').getByText('Het plan is vervallen. Het telt nu mee als planuitval.').waitFor();
    await notice.getByRole('button', { name: 'Weer actief maken' }).click();
    await page.getByTestId('reinstate-form').getByLabel('Reden (verplicht)').waitFor();
    await expectNoViolations(page);
    await page.getByTestId('reinstate-form').getByRole('button', { name: 'Annuleren' }).click();

    // The Tafeloverzicht: planuitval 1 (120 homes), the projects figure without it; the list behind it holds exactly that plan.
    await page.goto(`${server.base}/tafels/${TABLE}`);
    await page.locator('[data-testid=dashboard][data-ready=true]').waitFor({ timeout: 60_000 });
    const figure = page.getByTestId('figure-planuitval');
    await expect.poll(() => figure.locator('.wbm-figure-card__value').textContent()).toBe('1');
    expect(await figure.locator('.wbm-figure-card__detail').textContent()).toContain('120 woningen die niet meer worden gebouwd');
    expect(await page.getByTestId('figure-projects').locator('.wbm-figure-card__value').textContent()).toBe('4');
    await figure.getByRole('link').click();
    await page.waitForURL(/\/projecten\?.*plannen=vervallen/);
    const table = page.getByTestId('project-table');
    await table.getByRole('link', { name: 'Stationsgebied Noord' }).waitFor();
    expect(await table.locator('tbody tr').count()).toBe(1);
    expect(await table.getByTestId('tag-vervallen').count()).toBe(1);
    // The sums come with the exact count, asked for beside the page.
    await expect.poll(() => page.getByTestId('list-sums').textContent()).toContain('120 woningen');
    expect(await page.getByLabel('Actief of vervallen').inputValue()).toBe('vervallen');

    // Plancapaciteit (the gemeente's own area): the same planuitval beside the capacity, with the same list behind it.
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Plancapaciteit' }).click();
    await page.locator('[data-testid=plancapaciteit][data-ready=true]').waitFor({ timeout: 60_000 });
    const capacity = page.getByTestId('plancapaciteit-planuitval');
    expect(await capacity.getAttribute('data-projects')).toBe('1');
    expect(await capacity.textContent()).toContain('is 1 plan vervallen, met 120 woningen');
    await page.getByRole('link', { name: 'Bekijk de vervallen plannen' }).click();
    await page.waitForURL(/\/projecten\?.*plannen=vervallen/);
    await table.getByRole('link', { name: 'Stationsgebied Noord' }).waitFor();
    expect(await table.locator('tbody tr').count()).toBe(1);
  });

  it('merges a duplicate into the record that stays, after showing what moves', async () => {
    await openProject(page, ids.duplicate, 'Havenkwartier (dubbel)');
    await page.getByRole('button', { name: 'Samenvoegen met een ander project' }).click();
    const form = page.getByTestId('merge-project-form');
    await form.getByRole('button', { name: 'Verder' }).click();
    await form.getByText('Kies het project dat blijft.').first().waitFor();
    await expectNoViolations(page);
    await form.getByLabel('Zoek het project dat blijft (naam)').fill('Haven');
    await expect
      .poll(() => form.getByLabel('Project dat blijft', { exact: true }).locator('option').allTextContents())
      .toContain('Havenkwartier (200 woningen)');
    await form.getByLabel('Project dat blijft', { exact: true }).selectOption({ label: 'Havenkwartier (200 woningen)' });
    await form.getByRole('button', { name: 'Verder' }).click();
    const confirm = page.getByTestId('merge-project-confirm');
    await confirm.getByText('1 knelpunt gaat over: Netcongestie (Geen aansluiting op het net voor 2029.).').waitFor();
    await expectNoViolations(page);
    await screenshot(page, 'project-lifecycle-merge.png');
    await confirm.getByRole('button', { name: 'Ja, voeg samen' }).click();

    const notice = page.getByTestId('lifecycle-notice');
    await notice.getByText(/^Dit project is samengevoegd met Havenkwartier/).waitFor();
    expect(await page.getByTestId('lifecycle-section').count()).toBe(0);
    await notice.getByRole('link', { name: 'Havenkwartier' }).click();
    await page.getByRole('heading', { level: 1, name: 'Havenkwartier' }).waitFor();
    await page.getByRole('region', { name: 'Knelpunten' }).getByText('Geen aansluiting op het net voor 2029.', { exact: true }).waitFor();
  });

  it('deletes a record made in error only after the confirmation that says so', async () => {
    await openProject(page, ids.mistake, 'Testproject per vergissing');
    await page.getByRole('button', { name: 'Project verwijderen' }).click();
    const confirm = page.getByTestId('delete-project-confirm');
    await confirm
      .getByText('Verwijderen is alleen voor een project dat per vergissing is aangemaakt. Laat een plan dat niet doorgaat vervallen.')
      .waitFor();
    await expectNoViolations(page);
    await confirm.getByRole('button', { name: 'Ja, verwijder dit project' }).click();
    await page.waitForURL(/\/projecten\?verwijderd=ja$/);
    await page.getByTestId('project-deleted').getByText('Het project is verwijderd.').waitFor();
    const table = page.getByTestId('project-table');
    await table.getByRole('link', { name: 'Havenkwartier', exact: true }).waitFor();
    expect(await table.getByRole('link', { name: 'Testproject per vergissing' }).count()).toBe(0);
    expect(await table.getByRole('link', { name: 'Havenkwartier (dubbel)' }).count()).toBe(0);
    expect(await table.getByRole('link', { name: 'Stationsgebied Noord' }).count()).toBe(0);
  });

  it('has no axe violations with the forms open at 390 px wide', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openProject(page, ids.narrow, 'Buiksloterham Oost');
    await page.getByRole('button', { name: 'Plan laten vervallen' }).click();
    await page.getByTestId('withdraw-form').getByRole('button', { name: 'Vervallen bevestigen' }).click();
    await page.getByTestId('withdraw-form-errors').waitFor();
    await expectNoViolations(page);
    await screenshot(page, 'project-lifecycle-390.png');
    await page.getByTestId('withdraw-form').getByRole('button', { name: 'Annuleren' }).click();
    await page.getByRole('button', { name: 'Samenvoegen met een ander project' }).click();
    await page.getByTestId('merge-project-form').waitFor();
    await expectNoViolations(page);
    await page.getByTestId('merge-project-form').getByRole('button', { name: 'Annuleren' }).click();
    await page.getByRole('button', { name: 'Project verwijderen' }).click();
    await page.getByTestId('delete-project-confirm').waitFor();
    await expectNoViolations(page);
    await page.close();
  });
});
