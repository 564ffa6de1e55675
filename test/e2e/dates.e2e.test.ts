/**
 * Issue 8 items 1–2 in headless Chromium: the demo gemeente editor types an impossible date
 * (31-02-2027) as a forecast. The form refuses it next to the field, keeps what was typed, and the
 * stored forecast stays (checked through the API). Clearing the date is a deliberate act: its own
 * control, confirmed, and only then is the date gone. Screenshots: test-artifacts/datum-*.png.
 *
 * Needs /usr/bin/chromium; run under `flock /tmp/wbm-web.lock`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessibilityViolations,
  apiSession,
  ensureWebBuild,
  hasChromium,
  launchBrowser,
  screenshot,
  signInThroughPage,
  startServer,
  type ApiSession,
  type Browser,
  type TestServer,
} from './support.ts';

interface MilestoneView {
  code: string;
  ownerSide: string;
  baselineDate: string | null;
  forecastDate: string | null;
  actualDate: string | null;
}
interface ProjectView {
  id: string;
  name: string;
  version: number;
  milestones: MilestoneView[];
}

let server: TestServer;
let browser: Browser;
let editor: ApiSession;

beforeAll(async () => {
  if (!hasChromium) return;
  ensureWebBuild();
  server = await startServer(300, 8);
  browser = await launchBrowser(server.base);
  editor = await apiSession(server.base, 'gemeente_editor');
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A project of the editor's gemeente with a public milestone that has a forecast and no actual date. */
async function projectWithPublicForecast(): Promise<{ project: ProjectView; milestone: MilestoneView }> {
  const list = await editor.get<{ items: { id: string }[] }>('/projects?limit=100');
  for (const item of list.items) {
    const project = await editor.get<ProjectView>(`/projects/${item.id}`);
    const milestone = project.milestones.find((m) => m.ownerSide === 'publiek' && m.forecastDate && !m.actualDate);
    if (milestone) return { project, milestone };
  }
  throw new Error('no project with a public milestone still to come');
}

const isoToDutch = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;

describe.skipIf(!hasChromium)('a date is never lost to a typing error', () => {
  it('refuses 31-02-2027 next to the field with the text kept, stores nothing; clears only after confirmation', async () => {
    const { project, milestone } = await projectWithPublicForecast();
    const page = await browser.context.newPage();
    await signInThroughPage(page, server.base, 'gemeente_editor');
    await page.goto(`${server.base}/projecten/${project.id}`);
    await page.getByRole('heading', { level: 1, name: project.name }).waitFor();

    const form = page.getByTestId('milestone-edit-form');
    await form.getByLabel('Mijlpaal', { exact: true }).selectOption(milestone.code);
    const forecast = form.getByLabel('Prognosedatum', { exact: true });
    await expect.poll(() => forecast.inputValue()).toBe(isoToDutch(milestone.forecastDate!));

    // The impossible date: refused next to the field, the typed text stays, nothing is stored.
    await forecast.fill('31-02-2027');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    const fieldError = form.getByTestId('milestone-forecastDate').locator('.wbm-field-error');
    await fieldError.filter({ hasText: '‘31-02-2027’ bestaat niet: februari 2027 heeft 28 dagen.' }).waitFor();
    expect(await forecast.inputValue()).toBe('31-02-2027');
    expect(await forecast.getAttribute('aria-invalid')).toBe('true');
    const errorId = (await forecast.getAttribute('aria-describedby'))!.split(' ')[0];
    expect(await page.locator(`[id="${errorId}"]`).textContent()).toContain('bestaat niet');
    expect(await form.getByTestId('milestone-error-summary').textContent()).toContain('Prognosedatum');
    expect(await form.getByText(/is opgeslagen/).count()).toBe(0);
    const unchanged = await editor.get<ProjectView>(`/projects/${project.id}`);
    expect(unchanged.version).toBe(project.version);
    expect(unchanged.milestones.find((m) => m.code === milestone.code)!.forecastDate).toBe(milestone.forecastDate);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'datum-onmogelijk.png');

    // An emptied field does not clear either: it points to the clear control.
    await forecast.fill('');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await fieldError.filter({ hasText: 'Gebruik dan de knop ‘Prognosedatum wissen’' }).waitFor();
    expect((await editor.get<ProjectView>(`/projects/${project.id}`)).version).toBe(project.version);

    // Clearing on purpose: the control, a confirmation naming the date, then it is gone.
    await form.getByRole('button', { name: 'Prognosedatum wissen' }).click();
    const confirm = form.getByTestId('confirm-clear-forecastDate');
    await confirm.getByText(/Weet u zeker dat u de prognosedatum van/).waitFor();
    await screenshot(page, 'datum-wissen-bevestigen.png');
    expect(await accessibilityViolations(page)).toEqual([]);
    await confirm.getByRole('button', { name: 'Ja, wis de prognosedatum' }).click();
    await form.getByText(`De prognosedatum van mijlpaal ${milestone.code}`).filter({ hasText: 'is gewist.' }).waitFor();
    const cleared = await editor.get<ProjectView>(`/projects/${project.id}`);
    expect(cleared.milestones.find((m) => m.code === milestone.code)!.forecastDate).toBeNull();
    expect(cleared.version).toBe(project.version + 1);
    expect(await forecast.inputValue()).toBe('');
    await screenshot(page, 'datum-gewist.png');
    expect(browser.pageErrors).toEqual([]);
    await page.close();
  });
});
