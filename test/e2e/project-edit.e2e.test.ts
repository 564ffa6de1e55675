/**
 * Issue 12 item 2 in headless Chromium: everything the gemeente owns is editable in the browser. The demo gemeente
 * editor (Amsterdam) opens "Nieuw project" from the project list; wrong input (negative homes, a point outside the
 * Netherlands, a programme line twice) gets a Dutch error next to its field and in a focused summary, and what was
 * typed stays; it creates a project with RD New coordinates and one with a click on the map, each with programme and
 * jaarschijven (the sum warning shows while they differ). On the project page it changes the plan status (3 actions),
 * the programme and the parties; a version conflict offers the newest version and keeps the input. A market party
 * gets no forms. axe (WCAG 2.2 AA) passes on the new page and the open edit forms, at 1280 and at 390 px wide.
 * Screenshots: test-artifacts/project-new.png, project-new-390.png, project-edit-forms.png.
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
  ({ server, browser } = await startWithBrowser(() => startServer(40)));
}, 300_000);
afterAll(async () => {
  await closeAndCheckPageErrors(browser, server);
});

interface StoredProject {
  id: string;
  name: string;
  gemeenteCode: string;
  planStatus: string;
  synthetic: boolean;
  location: { lon: number; lat: number } | null;
  programme: { segment: string; woningtype: string; doelgroep: string; homes: number }[];
  jaarschijven: { year: number; segment: string; homes: number }[];
  parties: { organisationId: string; role: string }[];
  milestones: { code: string }[];
  version: number;
}

const projectIdOf = (page: Page) => /\/projecten\/([0-9a-f-]{36})$/.exec(new URL(page.url()).pathname)?.[1] ?? '';

/** Opens "Nieuw project" the way a person does: the menu's Projecten, then the button on the list. */
async function openNewProject(page: Page): Promise<Locator> {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Projecten' }).click();
  await page.getByRole('link', { name: 'Nieuw project' }).click();
  await page.waitForURL(/\/projecten\/nieuw$/);
  const form = page.getByTestId('new-project-form');
  await form.waitFor();
  return form;
}

const programmeRow = (form: Locator, n: number) => form.getByTestId('programme-rows').getByRole('group', { name: `Regel ${n}`, exact: true });
const jaarschijfRow = (form: Locator, n: number) => form.getByTestId('jaarschijven-rows').getByRole('group', { name: `Regel ${n}`, exact: true });
const partyRow = (form: Locator, n: number) => form.getByTestId('party-rows').getByRole('group', { name: `Regel ${n}`, exact: true });

/** Elements of the forms that reach past the right edge of the viewport (tables scroll in their own region). */
function wideElements(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('main form *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
      .map((e) => `${e.tagName.toLowerCase()}.${String(e.className)}`),
  );
}

/** The number of the first row whose segment is `segment` (the server keeps its own order of the lines). */
async function rowOfSegment(rows: (n: number) => Locator, segment: string): Promise<number> {
  for (let n = 1; n < 20; n++) if ((await rows(n).getByLabel('Segment').inputValue()) === segment) return n;
  throw new Error(`no row with segment ${segment}`);
}

/** The error shown right above a control (FormField: `<id>-error`, named in its aria-describedby). */
async function errorNextTo(control: Locator): Promise<string> {
  const id = await control.getAttribute('id');
  return (await control.page().locator(`[id="${id}-error"]`).textContent()) ?? '';
}

describe.skipIf(!hasChromium)('create and edit a project in the browser (issue 12 item 2)', () => {
  let gemeente: Page;
  let rdProjectId = '';

  it('a gemeente editor creates a project with RD New coordinates; wrong input is named next to its field and kept', async () => {
    gemeente = await signedInPage(browser, server.base, 'gemeente_editor', 'gemeente');
    const form = await openNewProject(gemeente);
    await expect.poll(() => form.getByLabel('Gemeente').locator('option:checked').textContent()).toBe('Amsterdam');
    expect(await accessibilityViolations(gemeente)).toEqual([]);

    // Wrong: negative homes and a point far outside the Netherlands.
    await form.getByLabel('Naam').fill('Havenkwartier Noord');
    await form.getByLabel('Planstatus').selectOption({ label: 'Vastgesteld' });
    await form.getByLabel('RD New (x/y in meters)').check();
    await form.getByLabel('X (meters)').fill('900000');
    await form.getByLabel('Y (meters)').fill('900000');
    await programmeRow(form, 1).getByLabel('Aantal woningen').fill('-5');
    await form.getByRole('button', { name: 'Project aanmaken' }).click();
    const summary = gemeente.getByTestId('new-project-errors');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Regel 1: Aantal woningen kan niet negatief zijn.');
    expect(await gemeente.evaluate(() => document.activeElement?.classList.contains('wbm-error-summary'))).toBe(true);
    expect(await errorNextTo(programmeRow(form, 1).getByLabel('Aantal woningen'))).toContain('Regel 1: Aantal woningen kan niet negatief zijn.');
    expect(await errorNextTo(form.getByLabel('X (meters)'))).toContain('Dit punt ligt niet in Nederland.');
    expect(await form.getByLabel('Naam').inputValue()).toBe('Havenkwartier Noord');
    expect(await programmeRow(form, 1).getByLabel('Aantal woningen').inputValue()).toBe('-5');
    expect(await form.getByLabel('X (meters)').inputValue()).toBe('900000');
    expect(gemeente.url()).toMatch(/\/projecten\/nieuw$/);
    expect(await accessibilityViolations(gemeente)).toEqual([]);

    // The same programme line twice: the server refuses it, and its error stands next to the second row.
    await form.getByLabel('X (meters)').fill('121400');
    await form.getByLabel('Y (meters)').fill('487400');
    await programmeRow(form, 1).getByLabel('Aantal woningen').fill('120');
    await form.getByRole('button', { name: 'Programmaregel toevoegen' }).click();
    await programmeRow(form, 2).getByLabel('Aantal woningen').fill('10');
    await form.getByRole('button', { name: 'Project aanmaken' }).click();
    await expect.poll(() => summary.textContent()).toContain('Regel 2: De combinatie sociale huur, onbekend, regulier staat er twee keer in.');
    expect(await errorNextTo(programmeRow(form, 2).getByLabel('Segment'))).toContain('Regel 2: De combinatie');
    expect(await programmeRow(form, 2).getByLabel('Aantal woningen').inputValue()).toBe('10');

    // Make it right: a middenhuur line; jaarschijven that first differ from the programme (warning), then agree.
    await programmeRow(form, 2).getByLabel('Segment').selectOption({ label: 'Middenhuur' });
    await programmeRow(form, 2).getByLabel('Woningtype').selectOption({ label: 'Gestapeld' });
    await jaarschijfRow(form, 1).getByLabel('Jaar').fill('2028');
    await jaarschijfRow(form, 1).getByLabel('Aantal woningen').fill('100');
    const warning = form.getByTestId('jaarschijven-sum-warning');
    await warning.waitFor();
    expect(await warning.textContent()).toContain('Sociale huur: in de jaarschijven 100 woningen, in het programma 120 woningen.');
    expect(await warning.textContent()).toContain('Middenhuur: in de jaarschijven 0 woningen, in het programma 10 woningen.');
    await form.getByRole('button', { name: 'Jaarschijf toevoegen' }).click();
    await jaarschijfRow(form, 2).getByLabel('Jaar').fill('2029');
    await jaarschijfRow(form, 2).getByLabel('Aantal woningen').fill('20');
    await form.getByRole('button', { name: 'Jaarschijf toevoegen' }).click();
    await jaarschijfRow(form, 3).getByLabel('Jaar').fill('2029');
    await jaarschijfRow(form, 3).getByLabel('Segment').selectOption({ label: 'Middenhuur' });
    await jaarschijfRow(form, 3).getByLabel('Aantal woningen').fill('10');
    await warning.waitFor({ state: 'detached' });
    expect(await form.getByTestId('jaarschijven-sum').textContent()).toContain('Jaarschijven samen: 130 woningen. Programma: 130 woningen.');

    // A party: a demo corporation or developer, as bevoegd gezag's partner.
    const orgs = await (await apiSession(server.base, 'gemeente_editor')).get<{ id: string; name: string; type: string }[]>('/organisations');
    const partner = orgs.find((o) => o.type !== 'gemeente' && o.type !== 'provincie')!;
    await form.getByRole('button', { name: 'Partij toevoegen' }).click();
    await partyRow(form, 1).getByLabel('Organisatie').selectOption(partner.id);
    await partyRow(form, 1).getByLabel('Rol').selectOption({ label: 'Ontwikkelaar' });
    await form.getByLabel('Doorbraaklocatie').check();
    await screenshot(gemeente, 'project-new.png');

    await form.getByRole('button', { name: 'Project aanmaken' }).click();
    await gemeente.waitForURL(/\/projecten\/[0-9a-f-]{36}$/);
    await gemeente.getByRole('heading', { level: 1, name: /Havenkwartier Noord/ }).waitFor();
    rdProjectId = projectIdOf(gemeente);
    const stored = await (await apiSession(server.base, 'gemeente_editor')).get<StoredProject>(`/projects/${rdProjectId}`);
    expect(stored).toMatchObject({ name: 'Havenkwartier Noord', gemeenteCode: 'GM0363', planStatus: 'vastgesteld', synthetic: true });
    // RD 121400/487400 is the Dam in Amsterdam.
    expect(stored.location!.lat).toBeCloseTo(52.373, 2);
    expect(stored.location!.lon).toBeCloseTo(4.894, 2);
    expect(stored.programme).toHaveLength(2);
    expect(stored.programme).toContainEqual({ segment: 'sociale_huur', woningtype: 'onbekend', doelgroep: 'regulier', homes: 120 });
    expect(stored.programme).toContainEqual({ segment: 'middenhuur', woningtype: 'gestapeld', doelgroep: 'regulier', homes: 10 });
    expect(stored.jaarschijven).toHaveLength(3);
    expect(stored.parties).toEqual([{ organisationId: partner.id, role: 'ontwikkelaar' }]);
    expect(stored.milestones).toHaveLength(12);
  }, 180_000);

  it('creates a project by clicking the map, with one programme line and one jaarschijf', async () => {
    const form = await openNewProject(gemeente);
    await form.getByLabel('Naam').fill('Kaartproject Oost');
    await form.getByLabel('Planstatus').selectOption({ label: 'In voorbereiding' });
    const map = form.locator('[data-testid=location-map][data-ready=true]');
    await map.waitFor({ timeout: 60_000 });
    // The map opens on Amsterdam; give it a moment to fit the gemeente, then click its middle.
    await gemeente.waitForTimeout(500);
    await map.click();
    await expect.poll(() => form.getByLabel('Breedtegraad (noord)').inputValue()).not.toBe('');
    const lat = Number((await form.getByLabel('Breedtegraad (noord)').inputValue()).replace(',', '.'));
    const lon = Number((await form.getByLabel('Lengtegraad (oost)').inputValue()).replace(',', '.'));
    expect(lat).toBeGreaterThan(52.25);
    expect(lat).toBeLessThan(52.45);
    expect(lon).toBeGreaterThan(4.7);
    expect(lon).toBeLessThan(5.1);
    await programmeRow(form, 1).getByLabel('Aantal woningen').fill('40');
    await jaarschijfRow(form, 1).getByLabel('Jaar').fill('2027');
    await jaarschijfRow(form, 1).getByLabel('Aantal woningen').fill('40');
    expect(await accessibilityViolations(gemeente)).toEqual([]);
    await form.getByRole('button', { name: 'Project aanmaken' }).click();
    await gemeente.waitForURL(/\/projecten\/[0-9a-f-]{36}$/);
    const stored = await (await apiSession(server.base, 'gemeente_editor')).get<StoredProject>(`/projects/${projectIdOf(gemeente)}`);
    expect(stored.location!.lat).toBeCloseTo(lat, 5);
    expect(stored.location!.lon).toBeCloseTo(lon, 5);
    expect(stored.programme).toEqual([{ segment: 'sociale_huur', woningtype: 'onbekend', doelgroep: 'regulier', homes: 40 }]);
    expect(stored.jaarschijven).toEqual([{ year: 2027, segment: 'sociale_huur', homes: 40 }]);
  }, 180_000);

  it('changes the plan status in three actions, and the programme and the parties, on the project page', async () => {
    await gemeente.goto(`${server.base}/projecten/${rdProjectId}`);
    await gemeente.getByRole('heading', { level: 1, name: /Havenkwartier Noord/ }).waitFor();

    // Plan status: open, choose, save.
    await gemeente.getByRole('button', { name: 'Kerngegevens wijzigen' }).click();
    const core = gemeente.getByTestId('core-edit-form');
    await core.getByLabel('Planstatus').selectOption({ label: 'Onherroepelijk' });
    await core.getByRole('button', { name: 'Opslaan' }).click();
    await gemeente.getByText('De kerngegevens zijn opgeslagen.').waitFor();
    expect(await gemeente.locator('section[aria-labelledby=kerngegevens] dl').textContent()).toContain('Onherroepelijk');

    // A point outside the Netherlands: named next to the field, nothing lost.
    await gemeente.getByRole('button', { name: 'Kerngegevens wijzigen' }).click();
    await core.getByLabel('WGS84 (lengte-/breedtegraad)').check();
    await core.getByLabel('Breedtegraad (noord)').fill('48,86');
    await core.getByLabel('Lengtegraad (oost)').fill('2,35');
    await core.getByRole('button', { name: 'Opslaan' }).click();
    await core.getByTestId('core-edit-form-errors').waitFor();
    expect(await errorNextTo(core.getByLabel('Breedtegraad (noord)'))).toContain('Dit punt ligt niet in Nederland.');
    expect(await core.getByLabel('Breedtegraad (noord)').inputValue()).toBe('48,86');
    await core.getByRole('button', { name: 'Annuleren' }).click();

    // Programme: a negative number is refused next to its row; then 150 sociale huur.
    await gemeente.getByRole('button', { name: 'Programma wijzigen' }).click();
    const programme = gemeente.getByTestId('programme-edit-form');
    const social = await rowOfSegment((n) => programmeRow(programme, n), 'sociale_huur');
    await programmeRow(programme, social).getByLabel('Aantal woningen').fill('-1');
    await programme.getByRole('button', { name: 'Opslaan' }).click();
    expect(await errorNextTo(programmeRow(programme, social).getByLabel('Aantal woningen'))).toContain(
      `Regel ${social}: Aantal woningen kan niet negatief zijn.`,
    );
    await programmeRow(programme, social).getByLabel('Aantal woningen').fill('150');
    // The jaarschijven (120 + 10) no longer add up: the form says so before saving.
    expect(await programme.getByTestId('jaarschijven-sum-warning').textContent()).toContain('in het programma 150 woningen');

    // Parties: open that form too, then check axe with the open forms.
    await gemeente.getByRole('button', { name: 'Partijen wijzigen' }).click();
    const parties = gemeente.getByTestId('parties-edit-form');
    expect(await accessibilityViolations(gemeente)).toEqual([]);
    await screenshot(gemeente, 'project-edit-forms.png');
    await programme.getByRole('button', { name: 'Opslaan' }).click();
    await gemeente.getByText('Het programma is opgeslagen.').waitFor();

    const orgs = await (await apiSession(server.base, 'gemeente_editor')).get<{ id: string; type: string }[]>('/organisations');
    const corporation = orgs.filter((o) => o.type !== 'gemeente' && o.type !== 'provincie')[1]!;
    await parties.getByRole('button', { name: 'Partij toevoegen' }).click();
    await partyRow(parties, 2).getByLabel('Organisatie').selectOption(corporation.id);
    await partyRow(parties, 2).getByLabel('Rol').selectOption({ label: 'Belegger' });
    await parties.getByRole('button', { name: 'Opslaan' }).click();
    await gemeente.getByText('De partijen zijn opgeslagen.').waitFor();

    const stored = await (await apiSession(server.base, 'gemeente_editor')).get<StoredProject>(`/projects/${rdProjectId}`);
    expect(stored.planStatus).toBe('onherroepelijk');
    expect(stored.programme.find((l) => l.segment === 'sociale_huur')?.homes).toBe(150);
    expect(stored.parties).toContainEqual({ organisationId: corporation.id, role: 'belegger' });
  }, 180_000);

  it('explains a version conflict, keeps the input and saves after loading the newest version', async () => {
    await gemeente.getByRole('button', { name: 'Jaarschijven wijzigen' }).click();
    const form = gemeente.getByTestId('jaarschijven-edit-form');
    let row = 1;
    while ((await jaarschijfRow(form, row).getByLabel('Jaar').inputValue()) !== '2028') row++;
    await jaarschijfRow(form, row).getByLabel('Aantal woningen').fill('140');
    // Someone else changes the project meanwhile.
    const other = await apiSession(server.base, 'gemeente_editor');
    const current = await other.get<StoredProject>(`/projects/${rdProjectId}`);
    expect((await other.send('PATCH', `/projects/${rdProjectId}`, { version: current.version, name: 'Havenkwartier Noord (fase 1)' })).status).toBe(
      200,
    );
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.getByText('Iemand anders was u voor').waitFor();
    await form.getByRole('button', { name: 'Laad de nieuwste versie' }).click();
    await form.getByText('De nieuwste versie van het project is geladen.').waitFor();
    expect(await jaarschijfRow(form, row).getByLabel('Aantal woningen').inputValue()).toBe('140');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await gemeente.getByText('De jaarschijven zijn opgeslagen.').waitFor();
    const stored = await other.get<StoredProject>(`/projects/${rdProjectId}`);
    expect(stored.name).toBe('Havenkwartier Noord (fase 1)');
    expect(stored.jaarschijven.find((j) => j.year === 2028)?.homes).toBe(140);
  }, 120_000);

  it('passes axe at 390 px wide on the new page and the open edit forms, with nothing wider than the screen', async () => {
    await gemeente.setViewportSize({ width: 390, height: 844 });
    const form = await openNewProject(gemeente);
    await form.locator('[data-testid=location-map][data-ready=true]').waitFor({ timeout: 60_000 });
    expect(await accessibilityViolations(gemeente)).toEqual([]);
    expect(await wideElements(gemeente)).toEqual([]);
    await screenshot(gemeente, 'project-new-390.png');

    await gemeente.goto(`${server.base}/projecten/${rdProjectId}`);
    for (const name of ['Kerngegevens wijzigen', 'Programma wijzigen', 'Jaarschijven wijzigen', 'Partijen wijzigen']) {
      await gemeente.getByRole('button', { name }).click();
    }
    await gemeente.getByTestId('parties-edit-form').waitFor();
    expect(await accessibilityViolations(gemeente)).toEqual([]);
    expect(await wideElements(gemeente)).toEqual([]);
    await gemeente.setViewportSize({ width: 1280, height: 900 });
    await gemeente.close();
  }, 180_000);

  it('offers a market party neither "Nieuw project" nor the edit forms', async () => {
    const page = await signedInPage(browser, server.base, 'marktpartij_editor', 'marktpartij');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Projecten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Projecten' }).waitFor();
    await page.getByTestId('project-table').waitFor();
    expect(await page.getByRole('link', { name: 'Nieuw project' }).count()).toBe(0);
    await page.getByTestId('project-table').getByRole('link').first().click();
    await page.getByRole('heading', { name: 'Mijlpalen' }).waitFor();
    expect(await page.getByRole('button', { name: /wijzigen$/ }).count()).toBe(0);
    await page.goto(`${server.base}/projecten/nieuw`);
    await page.getByTestId('new-project-not-allowed').waitFor();
    await page.close();
  }, 120_000);
});
