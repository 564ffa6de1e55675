/**
 * Open books in headless Chromium (issue 12 item 5 and its "Done when": "a market party … enters open-book figures;
 * a second market party and another gemeente cannot see them (API and page), the table secretary can"). The demo
 * market party opens one of its Amsterdam projects, first sends wrong figures (the errors are named next to the
 * fields and in the summary, which takes the focus; what was typed stays), then the right ones. A second market party
 * of the same table and the gemeente Amstelveen (same table) do not see the project, let alone its open book (page
 * and API); the province analyst sees the project but nothing of the open book (API 403); the table's secretary sees
 * the figures without the form. axe (WCAG 2.2 AA) passes with the form open, at desktop width and at 390 px.
 * Screenshots: test-artifacts/open-book-*.png. Needs /usr/bin/chromium; run under `flock /tmp/wbm-heavy.lock`.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_AUTH_OPTIONS } from '../helpers/auth.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { createServices } from '../../src/services/container.ts';
import { gemeenteOrganisationId } from '../../src/domain/identifiers.ts';
import {
  accessibilityViolations,
  apiSession,
  closeAndCheckPageErrors,
  ensureWebBuild,
  hasChromium,
  launchBrowser,
  screenshot,
  serve,
  signedInPage,
  signInWithPassword,
  type Browser,
  type TestServer,
} from './support.ts';

const PASSWORD = 'een lang genoeg wachtwoord voor de test';
const SECOND_PARTY = { email: 'tweede.partij@example.invalid', name: 'Tweede Marktpartij' };
const AMSTELVEEN = { email: 'pl@amstelveen.example.invalid', name: 'Projectleider Amstelveen' };

let server: TestServer;
let browser: Browser;
/** A demo project in Amsterdam that the demo market party is party to, and the second market party is not. */
let projectId = '';
let projectName = '';

beforeAll(async () => {
  if (!hasChromium) return;
  ensureWebBuild();
  const t = await createTestDb();
  const services = createServices(t.db, { auth: TEST_AUTH_OPTIONS });
  await services.demoSeed.seed({ projects: 300, seed: 7, asOf: '2026-10-01' });
  await services.auth.ensureDemoUsers();
  const [demoParty] = await t.db.query<{ organisation_id: string }>(
    "SELECT organisation_id FROM users WHERE role = 'marktpartij_editor' AND is_demo ORDER BY email LIMIT 1",
  );
  const [project] = await t.db.query<{ id: string; name: string }>(
    `SELECT p.id, p.name FROM projects p JOIN project_parties pp ON pp.project_id = p.id
     WHERE p.gemeente_code = 'GM0363' AND pp.organisation_id = $1 ORDER BY p.name LIMIT 1`,
    [demoParty!.organisation_id],
  );
  projectId = project!.id;
  projectName = project!.name;
  // The second market party takes part in the same table (an Amsterdam project of its own), not in this project.
  const [second] = await t.db.query<{ organisation_id: string }>(
    `SELECT pp.organisation_id FROM project_parties pp JOIN projects p ON p.id = pp.project_id JOIN organisations o ON o.id = pp.organisation_id
     WHERE p.gemeente_code = 'GM0363' AND o.type <> 'gemeente' AND pp.organisation_id <> $1
       AND pp.organisation_id NOT IN (SELECT organisation_id FROM project_parties WHERE project_id = $2)
     ORDER BY pp.organisation_id LIMIT 1`,
    [demoParty!.organisation_id, projectId],
  );
  await services.auth.createUser({
    ...SECOND_PARTY,
    password: PASSWORD,
    role: 'marktpartij_editor',
    organisationId: second!.organisation_id,
    gemeenteCode: null,
    regionId: null,
    provincieCode: null,
  });
  await services.auth.createUser({
    ...AMSTELVEEN,
    password: PASSWORD,
    role: 'gemeente_editor',
    organisationId: gemeenteOrganisationId('GM0362'),
    gemeenteCode: 'GM0362',
    regionId: null,
    provincieCode: null,
  });
  server = await serve(t, services);
  browser = await launchBrowser(server.base);
}, 300_000);
afterAll(async () => {
  await closeAndCheckPageErrors(browser, server);
});

/** Opens the project page and waits until it shows the project (or says it cannot). */
async function openProject(page: Page): Promise<void> {
  await page.goto(`${server.base}/projecten/${projectId}`);
  await page.getByRole('heading', { level: 1 }).filter({ hasText: /\S/ }).first().waitFor();
  await page.getByText('Het project wordt geladen…').waitFor({ state: 'detached' });
}

const openBookHeading = (page: Page) => page.getByRole('heading', { name: 'Open boek', exact: true });
const field = (page: Page, label: string) => page.getByRole('textbox', { name: label, exact: true });

/** The open book as an API session of `role` gets it: status only. */
async function apiStatus(session: { send: (m: string, p: string) => Promise<{ status: number }> }): Promise<number> {
  return (await session.send('GET', `/projects/${projectId}/open-book`)).status;
}

describe.skipIf(!hasChromium)('open books in the browser (issue 12 item 5)', () => {
  it('lets the market party of the project enter the figures: errors next to the fields, nothing lost, then saved', async () => {
    const page = await signedInPage(browser, server.base, 'marktpartij_editor', 'market party');
    await openProject(page);
    await openBookHeading(page).waitFor();
    expect(await page.getByTestId('open-book-audience').textContent()).toContain(
      'Alleen zichtbaar voor de partijen van dit project en de secretaris van de versnellingstafel.',
    );
    await page.getByTestId('open-book-empty').waitFor();
    expect(await page.getByRole('heading', { name: 'Open boek bijwerken' }).isVisible()).toBe(true);

    // Wrong figures first: a negative amount, cents, and a peildatum in the future.
    await field(page, 'Totale kosten (€)').fill('-5');
    await field(page, 'Totale opbrengsten (€)').fill('9.000.000,50');
    await field(page, 'Bijdragen van overheden (€)').fill('2.000.000');
    await field(page, 'Peildatum').fill('31-12-2099');
    await page.getByRole('button', { name: 'Open boek opslaan' }).click();
    const summary = page.getByTestId('open-book-error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Totale kosten (€): De totale kosten kunnen niet negatief zijn.');
    expect(await summary.textContent()).toContain('Totale opbrengsten (€): De totale opbrengsten vult u in hele euro’s in, zonder centen.');
    expect(await summary.textContent()).toContain('Peildatum: De peildatum (31 december 2099) ligt na vandaag');
    // The summary has the focus; each message also stands next to its field; what was typed stays.
    expect(await page.evaluate(() => document.activeElement?.contains(document.querySelector('[data-testid=open-book-error-summary]')))).toBe(true);
    expect(await page.locator('#open-book-costs-error').textContent()).toContain('kunnen niet negatief zijn');
    expect(await field(page, 'Totale kosten (€)').getAttribute('aria-invalid')).toBe('true');
    expect(await field(page, 'Totale opbrengsten (€)').inputValue()).toBe('9.000.000,50');
    expect(await field(page, 'Peildatum').inputValue()).toBe('31-12-2099');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'open-book-errors.png');
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await accessibilityViolations(page)).toEqual([]);
    // The section and its form fit the phone's width (no sideways scrolling to reach a field or the button).
    for (const part of [page.locator('section[aria-labelledby=open-boek]'), page.getByTestId('open-book-form')]) {
      const box = (await part.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    }
    await screenshot(page, 'open-book-errors-390.png');
    await page.setViewportSize({ width: 1280, height: 900 });

    // Following a link in the summary puts the focus in the field.
    await summary.getByRole('link', { name: 'Peildatum' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('open-book-peildatum');

    await field(page, 'Totale kosten (€)').fill('12.500.000');
    await field(page, 'Totale opbrengsten (€)').fill('9000000');
    await field(page, 'Peildatum').fill('30-09-2026');
    await page.getByRole('button', { name: 'Open boek opslaan' }).click();
    await page.getByTestId('open-book-status').filter({ hasText: 'Het open boek is opgeslagen.' }).waitFor();
    const figures = page.getByTestId('open-book-figures');
    await figures.waitFor();
    const text = (await figures.textContent()) ?? '';
    expect(text).toContain('Totale kosten€ 12.500.000');
    expect(text).toContain('Onrendabele top€ 3.500.000');
    expect(text).toContain('Onrendabele top na bijdragen€ 1.500.000');
    expect(text).toContain('Peildatum30 september 2026');
    expect(text).toMatch(/versie 1/);
    expect(await page.getByTestId('open-book-error-summary').count()).toBe(0);
    // The form now holds the saved figures.
    expect(await field(page, 'Totale opbrengsten (€)').inputValue()).toBe('9.000.000');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'open-book-saved.png');
    await page.close();
  });

  it('shows a second market party and another gemeente of the same table nothing of it (page and API)', async () => {
    for (const who of [SECOND_PARTY, AMSTELVEEN]) {
      // The browser is still signed in as someone else: sign in afresh.
      await browser.context.clearCookies();
      const page = await browser.context.newPage();
      page.on('pageerror', (err) => browser.pageErrors.push(`${who.name}: ${err.message}`));
      await signInWithPassword(page, server.base, who, PASSWORD);
      await openProject(page);
      // The project itself is not theirs: "Niet gevonden", and nothing of the open book.
      await page.getByText('Niet gevonden').waitFor();
      expect(await openBookHeading(page).count()).toBe(0);
      expect(await page.getByText('€ 12.500.000').count()).toBe(0);
      const status = await page.evaluate(async (id) => (await fetch(`/api/v1/projects/${id}/open-book`)).status, projectId);
      expect(status, who.name).toBe(404);
      await page.close();
    }
  });

  it('shows the province analyst the project but nothing of its open book (API 403)', async () => {
    const page = await signedInPage(browser, server.base, 'provincie_analist', 'province');
    await openProject(page);
    await page.getByRole('heading', { level: 1, name: projectName }).waitFor();
    await page.getByRole('heading', { name: 'Partijen' }).waitFor();
    expect(await openBookHeading(page).count()).toBe(0);
    expect(await page.getByText('Open boek').count()).toBe(0);
    expect(await page.getByText('€ 12.500.000').count()).toBe(0);
    expect(await apiStatus(await apiSession(server.base, 'provincie_analist'))).toBe(403);
    expect(await apiStatus(await apiSession(server.base, 'ministerie_analist'))).toBe(403);
    await page.close();
  });

  it('shows the table’s secretary the figures, without the form; the gemeente of the project may change them', async () => {
    const page = await signedInPage(browser, server.base, 'tafel_secretaris', 'secretary');
    await openProject(page);
    await openBookHeading(page).waitFor();
    const figures = page.getByTestId('open-book-figures');
    await figures.waitFor();
    expect(await figures.textContent()).toContain('Onrendabele top€ 3.500.000');
    expect(await page.getByRole('heading', { name: 'Open boek bijwerken' }).count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'open-book-secretary.png');
    expect(await apiStatus(await apiSession(server.base, 'tafel_secretaris'))).toBe(200);
    await page.close();

    const gemeente = await signedInPage(browser, server.base, 'gemeente_editor', 'gemeente');
    await openProject(gemeente);
    await gemeente.getByTestId('open-book-figures').waitFor();
    expect(await gemeente.getByRole('heading', { name: 'Open boek bijwerken' }).isVisible()).toBe(true);
    await gemeente.setViewportSize({ width: 390, height: 844 });
    expect(await accessibilityViolations(gemeente)).toEqual([]);
    await screenshot(gemeente, 'open-book-gemeente-390.png');
    await gemeente.close();
  });
});
