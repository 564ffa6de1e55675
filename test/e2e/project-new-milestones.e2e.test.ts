/**
 * Issue 12 item 2 in headless Chromium: a project is created with its milestones. The demo gemeente editor fills
 * the optional section "Mijlpalen (niet verplicht)" of "Nieuw project": an impossible date (31-02-2027) is refused
 * next to its field and in the focused summary, naming the row, and stays as typed; then the project is created with
 * two milestones (M06 with a basisplanning, M11 with basisplanning and prognose), and the milestone table on the
 * project page shows those dates. axe (WCAG 2.2 AA) passes with the section filled, at 1280 and at 390 px wide.
 * Screenshot: test-artifacts/project-new-milestones-390.png.
 *
 * Needs /usr/bin/chromium; run under `flock /tmp/wbm-heavy.lock`.
 */
import type { Locator, Page } from 'playwright-core';
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
  type Browser,
  type TestServer,
} from './support.ts';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  if (!hasChromium) return;
  ({ server, browser } = await startWithBrowser(() => startServer(10)));
}, 300_000);
afterAll(async () => {
  await closeAndCheckPageErrors(browser, server);
});

const milestoneRow = (form: Locator, n: number) => form.getByTestId('milestone-rows').getByRole('group', { name: `Regel ${n}`, exact: true });
const shortDate = (iso: string) =>
  new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

/** The error shown with a control (FormField: `<id>-error`, named in its aria-describedby). */
async function errorNextTo(control: Locator): Promise<string> {
  const id = await control.getAttribute('id');
  expect(await control.getAttribute('aria-describedby')).toContain(`${id}-error`);
  return (await control.page().locator(`[id="${id}-error"]`).textContent()) ?? '';
}

/** Elements of the form that reach past the right edge of the viewport. */
function wideElements(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('main form *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
      .map((e) => `${e.tagName.toLowerCase()}.${String(e.className)}`),
  );
}

describe.skipIf(!hasChromium)('a new project with its milestones (issue 12 item 2)', () => {
  it('refuses an impossible date next to its field and keeps it, then creates the project with two milestones', async () => {
    const page = await signedInPage(browser, server.base, 'gemeente_editor', 'gemeente');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Projecten' }).click();
    await page.getByRole('link', { name: 'Nieuw project' }).click();
    await page.waitForURL(/\/projecten\/nieuw$/);
    const form = page.getByTestId('new-project-form');
    await form.waitFor();
    await form.getByRole('region', { name: 'Mijlpalen (niet verplicht)' }).waitFor();
    // Optional: no row until one is added.
    expect(await form.getByTestId('milestone-rows').getByRole('group').count()).toBe(0);

    await form.getByLabel('Naam').fill('Mijlpalenhof');
    await form.getByLabel('Planstatus').selectOption({ label: 'Vastgesteld' });
    await form.getByRole('button', { name: 'Mijlpaal toevoegen' }).click();
    const first = milestoneRow(form, 1);
    // The focus goes to the new row's milestone.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(await first.getByLabel('Mijlpaal').getAttribute('id'));
    await first.getByLabel('Mijlpaal').selectOption('M06');
    expect(await first.getByLabel('Mijlpaal').locator('option:checked').textContent()).toBe('M06 Omgevingsplan(wijziging) vastgesteld');
    await first.getByLabel('Basisplanning').fill('01-03-2027');
    await form.getByRole('button', { name: 'Mijlpaal toevoegen' }).click();
    const second = milestoneRow(form, 2);
    await second.getByLabel('Mijlpaal').selectOption('M11');
    await second.getByLabel('Basisplanning').fill('31-02-2027');
    await second.getByLabel('Prognose').fill('15-10-2028');
    expect(await accessibilityViolations(page)).toEqual([]);

    await form.getByRole('button', { name: 'Project aanmaken' }).click();
    const summary = page.getByTestId('new-project-errors');
    await summary.waitFor();
    const message = 'Regel 2: ‘31-02-2027’ bestaat niet: februari 2027 heeft 28 dagen.';
    expect(await summary.textContent()).toContain(`Mijlpalen – basisplanning`);
    expect(await summary.textContent()).toContain(message);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('wbm-error-summary'))).toBe(true);
    expect(await errorNextTo(second.getByLabel('Basisplanning'))).toContain(message);
    expect(await second.getByLabel('Basisplanning').getAttribute('aria-invalid')).toBe('true');
    // Nothing typed is lost.
    expect(await second.getByLabel('Basisplanning').inputValue()).toBe('31-02-2027');
    expect(await second.getByLabel('Prognose').inputValue()).toBe('15-10-2028');
    expect(await first.getByLabel('Basisplanning').inputValue()).toBe('01-03-2027');
    expect(await form.getByLabel('Naam').inputValue()).toBe('Mijlpalenhof');
    expect(page.url()).toMatch(/\/projecten\/nieuw$/);
    expect(await accessibilityViolations(page)).toEqual([]);

    // At 390 px wide: the filled section with its error passes axe and nothing is wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await wideElements(page)).toEqual([]);
    await screenshot(page, 'project-new-milestones-390.png');
    await page.setViewportSize({ width: 1280, height: 900 });

    // The same milestone twice is named too.
    await second.getByLabel('Basisplanning').fill('01-09-2028');
    await second.getByLabel('Mijlpaal').selectOption('M06');
    await form.getByRole('button', { name: 'Project aanmaken' }).click();
    await expect.poll(() => summary.textContent()).toContain('Regel 2: Deze mijlpaal staat al in regel 1.');
    expect(await errorNextTo(second.getByLabel('Mijlpaal'))).toContain('Regel 2: Deze mijlpaal staat al in regel 1.');

    await second.getByLabel('Mijlpaal').selectOption('M11');
    await form.getByRole('button', { name: 'Project aanmaken' }).click();
    await page.waitForURL(/\/projecten\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: /Mijlpalenhof/ }).waitFor();

    const table = page.getByTestId('milestone-table');
    await table.waitFor();
    const cells = async (code: string) =>
      (await table.locator(`[data-milestone="${code}"] td, [data-milestone="${code}"] th`).allTextContents()).join(' | ');
    expect(await cells('M06')).toContain(shortDate('2027-03-01'));
    const m11 = await cells('M11');
    expect(m11).toContain(shortDate('2028-09-01'));
    expect(m11).toContain(shortDate('2028-10-15'));

    const id = /\/projecten\/([0-9a-f-]{36})$/.exec(new URL(page.url()).pathname)![1]!;
    const stored = await (
      await apiSession(server.base, 'gemeente_editor')
    ).get<{
      milestones: { code: string; baselineDate: string | null; forecastDate: string | null }[];
    }>(`/projects/${id}`);
    expect(stored.milestones).toHaveLength(12);
    expect(stored.milestones.find((m) => m.code === 'M06')).toMatchObject({ baselineDate: '2027-03-01', forecastDate: null });
    expect(stored.milestones.find((m) => m.code === 'M11')).toMatchObject({ baselineDate: '2028-09-01', forecastDate: '2028-10-15' });
    expect(stored.milestones.filter((m) => m.baselineDate || m.forecastDate).map((m) => m.code)).toEqual(['M06', 'M11']);
  }, 180_000);
});
