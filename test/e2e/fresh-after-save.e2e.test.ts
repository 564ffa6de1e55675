/**
 * Issue 9 item 3 in headless Chromium: after a milestone is saved, the Tafeloverzicht and the round
 * page show the new state at once, without a page reload, even though both were opened (and so
 * cached by the web's data layer) before the change.
 *
 * The demo market party opens the Tafeloverzicht of a table it works in and the open quarter's round
 * page, goes to one of its projects there and moves the oplevering's (M12) forecast 14 months past its
 * baseline. Then, moving inside the single-page app only (links, no reload), the Tafeloverzicht shows
 * one more delayed milestone (figure "Vertraagde mijlpalen") and the round page shows the party's part
 * of that project as delivered ("bijgewerkt") and one more delivered project for the party. The
 * expected figures are read from the API after the save; the test fails on a cache that shows what it
 * held before the save (a data layer without invalidation).
 *
 * Needs /usr/bin/chromium; run under `flock /tmp/wbm-web.lock`.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  giveDelayReasonIfAsked,
  apiSession,
  closeAndCheckPageErrors,
  hasChromium,
  signInThroughPage,
  startServer,
  startWithBrowser,
  type ApiSession,
  type Browser,
  type TestServer,
} from './support.ts';

const TABLE = 'vt-amsterdam-e-o';
const TABLE_PATH = `/tafels/${TABLE}`;

interface Milestone {
  code: string;
  ownerSide: string;
  baselineDate: string | null;
  forecastDate: string | null;
  actualDate: string | null;
  delay: { months: number; severity: string };
}
interface ProjectDetail {
  id: string;
  name: string;
  gemeenteCode: string;
  milestones: Milestone[];
}
interface Dashboard {
  summary: { delayedMilestones: { count: number } };
}
interface RoundDetail {
  id: string;
  projects: { projectId: string; parties: { organisationId: string; via: string | null }[] }[];
  organisations: { organisationId: string; name: string; total: number; delivered: number }[];
}

/** `2029-07-29` plus `months` months (day clamped to 28 to stay valid). */
function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const index = y! * 12 + (m! - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-${String(Math.min(d!, 28)).padStart(2, '0')}`;
}
const isoToDutch = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
const nl = (n: number) => n.toLocaleString('nl-NL');

/** The quarter of today and the 15th of the month after it (the round page's defaults). */
function currentQuarter(): { quarter: string; deadline: string } {
  const now = new Date();
  const q = Math.floor(now.getUTCMonth() / 3) + 1;
  const endMonth = q * 3; // 3, 6, 9, 12
  const year = endMonth === 12 ? now.getUTCFullYear() + 1 : now.getUTCFullYear();
  const month = endMonth === 12 ? 1 : endMonth + 1;
  return { quarter: `${now.getUTCFullYear()}-Q${q}`, deadline: `${year}-${String(month).padStart(2, '0')}-15` };
}

describe.skipIf(!hasChromium)('the Tafeloverzicht and the round page are up to date right after a milestone is saved (issue 9)', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let secretary: ApiSession;
  let developer: ApiSession;
  let project: ProjectDetail;
  let milestone: Milestone;

  const openRound = async () => {
    const rounds = await secretary.get<{ items: { id: string; status: string }[] }>(`/regions/${TABLE}/rounds`);
    return secretary.get<RoundDetail>(`/rounds/${rounds.items.find((r) => r.status === 'open')!.id}`);
  };
  const delayedCount = async () => (await secretary.get<Dashboard>(`/regions/${TABLE}/dashboard`)).summary.delayedMilestones.count;

  beforeAll(async () => {
    ({ server, browser } = await startWithBrowser(() => startServer(300)));
    page = await browser.open('/');
    secretary = await apiSession(server.base, 'tafel_secretaris');
    developer = await apiSession(server.base, 'marktpartij_editor');

    // The secretary opens the current quarter.
    const opened = await secretary.send('POST', `/regions/${TABLE}/rounds`, currentQuarter());
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);

    // A project of the developer in the table with its oplevering (M12, the last milestone) still to come and on time: it will slip.
    const table = (await secretary.get<{ id: string; gemeenteCodes: string[] }[]>('/regions')).find((r) => r.id === TABLE)!;
    const own = await developer.get<{ items: { id: string; gemeenteCode: string }[] }>('/projects?limit=200');
    for (const item of own.items.filter((x) => table.gemeenteCodes.includes(x.gemeenteCode))) {
      const detail = await developer.get<ProjectDetail>(`/projects/${item.id}`);
      const m = detail.milestones.find((x) => x.code === 'M12' && x.baselineDate && x.forecastDate && !x.actualDate && x.delay.severity === 'geen');
      if (m) {
        project = detail;
        milestone = m;
        break;
      }
    }
    expect(project, 'a project of the demo developer in the table with M12 on time').toBeDefined();
  }, 300_000);

  afterAll(() => closeAndCheckPageErrors(browser, server));

  it('shows the new delayed count and delivery without a reload', async () => {
    const organisationId = developer.principal.organisationId!;
    const roundBefore = await openRound();
    const organisation = roundBefore.organisations.find((o) => o.organisationId === organisationId)!;
    expect(roundBefore.projects.find((p) => p.projectId === project.id)!.parties.find((x) => x.organisationId === organisationId)?.via).toBeNull();
    const delayedBefore = await delayedCount();

    await signInThroughPage(page, server.base, 'marktpartij_editor');

    // 1. The Tafeloverzicht, loaded once; from here on the page is never reloaded.
    await page.goto(`${server.base}${TABLE_PATH}`);
    await page.locator('[data-testid=dashboard][data-ready=true]').waitFor();
    await expect(page.getByTestId('figure-delayed').locator('.wbm-figure-card__value').textContent()).resolves.toBe(nl(delayedBefore));
    await page.evaluate(() => ((window as unknown as { wbmNotReloaded: boolean }).wbmNotReloaded = true));

    // 2. The round page (a link on the Tafeloverzicht).
    await page.getByRole('link', { name: /^Naar de kwartaalronde/ }).click();
    const organisationRow = page.getByTestId('organisation-delivery').locator(`tr[data-organisation="${organisation.name}"]`);
    await expect.poll(() => organisationRow.textContent()).toContain(`${nl(organisation.delivered)} van ${nl(organisation.total)}`);

    // 3. The project (its link on the round page), and the milestone moved 14 months past its baseline.
    const search = page.getByLabel('Zoek op project of gemeente');
    await search.fill(project.name);
    const projectRow = page.getByTestId('project-delivery').locator(`tr[data-project="${project.name}"]`);
    await expect.poll(() => projectRow.textContent()).toContain(`${organisation.name}: nog niet geleverd`);
    await projectRow.getByRole('link', { name: project.name }).click();
    await page.getByRole('heading', { level: 1, name: project.name }).waitFor();
    const form = page.getByTestId('milestone-edit-form');
    await form.getByLabel('Mijlpaal', { exact: true }).selectOption(milestone.code);
    const forecast = form.getByLabel('Prognosedatum', { exact: true });
    await expect.poll(() => forecast.inputValue()).toBe(isoToDutch(milestone.forecastDate!));
    await forecast.fill(isoToDutch(addMonths(milestone.baselineDate!, 14)));
    await giveDelayReasonIfAsked(form);
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => form.textContent(), { timeout: 15_000 }).toMatch(/Mijlpaal \S+ .* is opgeslagen\./);

    // What the server now says.
    const delayedAfter = await delayedCount();
    expect(delayedAfter).toBe(delayedBefore + 1);
    const roundAfter = await openRound();
    expect(roundAfter.projects.find((p) => p.projectId === project.id)!.parties.find((x) => x.organisationId === organisationId)?.via).toBe(
      'gewijzigd',
    );
    const organisationAfter = roundAfter.organisations.find((o) => o.organisationId === organisationId)!;
    expect(organisationAfter.delivered).toBe(organisation.delivered + 1);

    // 4. Back to the Tafeloverzicht through the menu and the table's link: the new figure, as soon as it is drawn.
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Tafeloverzicht' }).click();
    await page.waitForURL((url) => url.pathname === '/tafels');
    await page.locator(`a[href="${TABLE_PATH}"]`).first().click();
    await page.waitForURL((url) => url.pathname === TABLE_PATH);
    await page.locator('[data-testid=dashboard][data-ready=true]').waitFor();
    await expect(page.getByTestId('figure-delayed').locator('.wbm-figure-card__value').textContent()).resolves.toBe(nl(delayedAfter));

    // 5. And the round page: the party's part of the project is delivered, its count one higher.
    await page.getByRole('link', { name: /^Naar de kwartaalronde/ }).click();
    await page.getByTestId('organisation-delivery').waitFor();
    await expect(organisationRow.textContent()).resolves.toContain(`${nl(organisationAfter.delivered)} van ${nl(organisationAfter.total)}`);
    await search.fill(project.name);
    await expect.poll(() => projectRow.textContent()).toContain(`${organisation.name}: bijgewerkt op`);

    // All of it without a page load.
    expect(await page.evaluate(() => (window as unknown as { wbmNotReloaded?: boolean }).wbmNotReloaded)).toBe(true);
  });
});
