/**
 * Issue 12 item 1 in headless Chromium: "Mijn kwartaalronde". The secretary of the demo table Amsterdam e.o.
 * opens the current quarter; the demo gemeente project leader (Amsterdam) signs in and lands on Mijn
 * kwartaalronde, sees the quarter and its deadline, confirms one unchanged project with one click (the row says
 * "Bevestigd" without a reload and the focus stays in the row), and is told next to the row why a project with an
 * expired forecast cannot be confirmed. The project list and the project page name the open round. A secretary
 * is told whom the page is for. axe (WCAG 2.2 AA) finds nothing on the page at 1280 and at 390 pixels wide.
 * SPEC §2 "Quarterly round" (keep the round light); `001 § Afspraak 3B`.
 *
 * Screenshots: test-artifacts/mijn-kwartaalronde.png, mijn-kwartaalronde-390.png.
 * Needs /usr/bin/chromium; run under `flock /tmp/wbm-heavy.lock`.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kwartaalLabel, quarterOf } from '../../src/domain/kwartaal.ts';
import { todayInNetherlands } from '../../src/services/today.ts';
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
const QUARTER = quarterOf(todayInNetherlands());

interface MyRoundProject {
  id: string;
  name: string;
  version: number;
  state: string;
  attention: { expiredForecasts: unknown[] };
}
interface MyRounds {
  rounds: Array<{ id: string; regionName: string; deadline: string; projects: MyRoundProject[] }>;
}
interface Milestone {
  code: string;
  ownerSide: string;
  forecastDate: string | null;
  actualDate: string | null;
}

describe.skipIf(!hasChromium)('Mijn kwartaalronde (issue 12 item 1)', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let gemeente: ApiSession;
  /** An unchanged project to confirm, and one whose public forecast has passed. */
  let unchanged: MyRoundProject;
  let expired: MyRoundProject;
  /** The demo table's name, as the page shows it. */
  let tableName = '';

  beforeAll(async () => {
    ({ server, browser } = await startWithBrowser(() => startServer(250)));
    const secretary = await apiSession(server.base, 'tafel_secretaris');
    const deadline = `${QUARTER.slice(0, 4)}-${String(Number(QUARTER.slice(-1)) * 3).padStart(2, '0')}-28`;
    const opened = await secretary.send('POST', `/regions/${TABLE}/rounds`, { quarter: QUARTER, deadline });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    gemeente = await apiSession(server.base, 'gemeente_editor');
    const mine = await gemeente.get<MyRounds>('/me/rounds');
    tableName = mine.rounds[0]!.regionName;
    const todo = mine.rounds[0]!.projects.filter((p) => p.state === 'te_doen');
    unchanged = todo.find((p) => p.attention.expiredForecasts.length === 0)!;
    expect(unchanged).toBeDefined();
    expired = todo.find((p) => p.attention.expiredForecasts.length > 0) ?? (await withExpiredForecast(todo.find((p) => p !== unchanged)!));
  }, 300_000);
  afterAll(async () => {
    await closeAndCheckPageErrors(browser, server);
  });

  /** Let a public forecast of `p` pass (as the administrator, whose edit delivers for no party). */
  async function withExpiredForecast(p: MyRoundProject): Promise<MyRoundProject> {
    const admin = await apiSession(server.base, 'beheerder');
    const project = await admin.get<{ version: number; milestones: Milestone[] }>(`/projects/${p.id}`);
    const m = project.milestones.find((x) => x.ownerSide === 'publiek' && x.actualDate === null && x.forecastDate !== null)!;
    const res = await admin.send('PATCH', `/projects/${p.id}/milestones/${m.code}`, { version: project.version, forecastDate: '2026-01-05' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return p;
  }

  const row = (name: string) => page.getByTestId('my-round-projects').locator(`tr[data-project="${name}"]`);

  it('the gemeente lands on Mijn kwartaalronde after signing in, with the quarter and its deadline', async () => {
    page = await signedInPage(browser, server.base, 'gemeente_editor', 'gemeente');
    await page.waitForURL(/\/mijn-kwartaalronde$/);
    await page.locator('[data-testid=my-round][data-ready=true]').waitFor({ timeout: 60_000 });
    expect(await page.title()).toContain('Mijn kwartaalronde');
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Mijn kwartaalronde');
    await page.getByRole('heading', { level: 2, name: `Kwartaalronde ${kwartaalLabel(QUARTER)} – ${tableName}` }).waitFor();
    expect(await page.getByTestId('round-deadline').innerText()).toMatch(
      /^Lever uiterlijk \w+dag \d+ \w+ \d{4} — (nog \d+ dagen?|vandaag is de laatste dag)$/,
    );
    expect(await page.getByTestId('round-summary').innerText()).toMatch(
      /^Van uw \d+ projecten? (zijn|is) er \d+ te doen, 0 bijgewerkt en 0 bevestigd\./,
    );
    await expect(page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn kwartaalronde' }).count()).resolves.toBe(1);
  });

  it('confirms one unchanged project with one click: the row says Bevestigd without a reload, and the focus stays in the row', async () => {
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    await expect(row(unchanged.name).getByTestId('project-state').innerText()).resolves.toBe('Te doen');
    await row(unchanged.name)
      .getByRole('button', { name: `Ongewijzigd bevestigen: ${unchanged.name}` })
      .click();
    await row(unchanged.name).getByTestId('confirmed').waitFor();
    await expect(row(unchanged.name).getByTestId('project-state').innerText()).resolves.toMatch(/^Bevestigd/);
    expect(await row(unchanged.name).getByRole('button').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('confirmed');
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    await expect(page.getByTestId('my-round-message').innerText()).resolves.toBe(`${unchanged.name} is bevestigd als ongewijzigd.`);
    // The server has it too, for this gemeente's side.
    const after = await gemeente.get<MyRounds>('/me/rounds');
    expect(after.rounds[0]!.projects.find((p) => p.id === unchanged.id)!.state).toBe('bevestigd');
  });

  it('a project with an expired forecast is refused, with the reason next to the row', async () => {
    await page.reload();
    await page.locator('[data-testid=my-round][data-ready=true]').waitFor();
    await expect(row(expired.name).getByTestId('project-attention').innerText()).resolves.toContain('Prognose verstreken');
    const button = row(expired.name).getByRole('button', { name: `Ongewijzigd bevestigen: ${expired.name}` });
    await button.click();
    const error = row(expired.name).getByTestId('confirm-error');
    await error.waitFor();
    expect(await error.innerText()).toContain(`${expired.name} kan niet als ongewijzigd worden bevestigd`);
    expect(await button.evaluate((b) => b === document.activeElement)).toBe(true);
    await expect(row(expired.name).getByTestId('project-state').innerText()).resolves.toBe('Te doen');
  });

  it('passes axe (WCAG 2.2 AA) at 1280 and at 390 pixels wide', async () => {
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'mijn-kwartaalronde.png');
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await accessibilityViolations(page)).toEqual([]);
    // Nothing sticks out sideways: a wide table scrolls in its own area.
    const sticksOut = await page.evaluate(() =>
      [...document.querySelectorAll('main *')]
        .filter((e) => !e.closest('.wbm-table-scroll') && e.getBoundingClientRect().right > window.innerWidth + 1)
        .map((e) => `${e.tagName.toLowerCase()}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`),
    );
    expect(sticksOut).toEqual([]);
    // The projects fit the phone: no sideways scrolling in the table either.
    const table = page.getByTestId('my-round-projects').locator('xpath=..');
    expect(await table.evaluate((e) => e.scrollWidth - e.clientWidth)).toBeLessThanOrEqual(1);
    await screenshot(page, 'mijn-kwartaalronde-390.png');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it("the project page names the open round and this gemeente's state for the project; the project list names the round", async () => {
    await row(unchanged.name).getByRole('link', { name: unchanged.name }).click();
    const notice = page.getByTestId('open-round-notice');
    await notice.waitFor();
    expect(await notice.innerText()).toContain(`Kwartaalronde ${kwartaalLabel(QUARTER)} van ${tableName} is open tot`);
    expect(await notice.innerText()).toContain('Uw stand voor dit project: bevestigd.');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Projecten' }).click();
    await page.waitForURL(/\/projecten(\?|$)/);
    await page.getByTestId('open-round-notice').waitFor();
    await page.getByTestId('open-round-notice').getByRole('link', { name: 'Naar Mijn kwartaalronde' }).click();
    await page.locator('[data-testid=my-round][data-ready=true]').waitFor();
  });

  it('tells a secretary whom the page is for, with a link to the round of the table', async () => {
    const secretaryPage = await signedInPage(browser, server.base, 'tafel_secretaris', 'secretaris');
    await secretaryPage.goto(`${server.base}/mijn-kwartaalronde`);
    const notice = secretaryPage.getByTestId('my-round-not-a-party');
    await notice.waitFor();
    expect(await notice.innerText()).toContain('Deze pagina is voor gemeenten en marktpartijen');
    await notice.getByRole('link', { name: 'Naar de kwartaalronde van uw tafel' }).click();
    await secretaryPage.waitForURL(new RegExp(`/tafels/${TABLE}/kwartaalronde$`));
    expect(await accessibilityViolations(secretaryPage)).toEqual([]);
  });
});
