/**
 * Issue 5's main paths in headless Chromium, as one quarter at the versnellingstafel Amsterdam e.o.
 * (the demo table): the secretary signs in and opens the quarter, looks at the Tafeloverzicht and drills
 * down to a project; a developer moves a milestone past its tolerance and sees it flagged; the demo
 * gemeente confirms its unchanged projects after a summary and undoes it (issue 8 item 17), the
 * secretary records a delivery on a party's behalf with a reason and closes the quarter; in the next quarter an
 * edit conflict is resolved and the change shows up in "what changed since last quarter"; the
 * secretary re-baselines with a reason; the Excel exports and the printable report are checked.
 * The tests run in order and share one server, one browser and the state they build up.
 *
 * Screenshots (test-artifacts/): tafeloverzicht.png, project-na-kwartaal.png, kwartaalronde-bevestigen.png, kwartaalronde.png,
 * tafelrapport.png, tafelrapport-print.png.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { at, present, take } from '../helpers/present.ts';
import {
  accessibilityViolations,
  apiSession,
  ensureWebBuild,
  hasChromium,
  launchBrowser,
  screenshot,
  giveDelayReasonIfAsked,
  signInThroughPage,
  startServer,
  type ApiSession,
  type Browser,
  type TestServer,
} from './support.ts';

const TABLE = 'vt-amsterdam-e-o';
const TABLE_PATH = `/tafels/${TABLE}`;

interface Milestone {
  code: string;
  baselineDate: string | null;
  forecastDate: string | null;
  actualDate: string | null;
  delay: { months: number; severity: string };
}
interface ProjectDetail {
  id: string;
  name: string;
  version: number;
  milestones: Milestone[];
}
interface RoundDetail {
  id: string;
  quarter: string;
  status: string;
  delivery: { total: number; delivered: number; changed: number; confirmed: number; outstanding: number };
  projects: { projectId: string; name: string; delivered: boolean; via: string | null; parties: { organisationId: string; via: string | null }[] }[];
  organisations: { organisationId: string; name: string; total: number; delivered: number; outstanding: number; onBehalf: number }[];
}
interface ConfirmPreview {
  organisationName: string;
  projects: { projectId: string; name: string }[];
  refused: { projectId: string; message: string }[];
}

/** `2029-07-29` plus `months` months (day clamped to 28 to stay valid). */
function addMonths(iso: string, months: number): string {
  const [y, m, d] = take(iso.split('-').map(Number), 3);
  const index = y * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-${String(Math.min(d, 28)).padStart(2, '0')}`;
}

describe.skipIf(!hasChromium)('a quarter at the versnellingstafel (issue 5)', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let secretary: ApiSession;
  let developer: ApiSession;
  let admin: ApiSession;
  /** The developer's project in the table whose oplevering (M12) is on time: it will slip. */
  let project: ProjectDetail;
  let firstRound: RoundDetail;

  const go = async (path: string) => {
    await page.goto(`${server.base}${path}`);
  };
  const expectAccessible = async () => expect(await accessibilityViolations(page)).toEqual([]);
  const currentRound = async () => {
    const rounds = await secretary.get<{ items: { id: string; status: string }[] }>(`/regions/${TABLE}/rounds`);
    return secretary.get<RoundDetail>(`/rounds/${rounds.items.find((r) => r.status === 'open')!.id}`);
  };

  beforeAll(async () => {
    ensureWebBuild();
    server = await startServer(300);
    browser = await launchBrowser(server.base);
    page = await browser.open('/');
    secretary = await apiSession(server.base, 'tafel_secretaris');
    developer = await apiSession(server.base, 'marktpartij_editor');
    admin = await apiSession(server.base, 'beheerder');

    // The developer's project in the table with an oplevering still to come, now on time.
    const table = await secretary
      .get<{ gemeenteCodes: string[] }[]>('/regions')
      .then((rs) => (rs as unknown as { id: string; gemeenteCodes: string[] }[]).find((r) => r.id === TABLE)!);
    const own = await developer.get<{ items: { id: string; gemeenteCode: string }[] }>('/projects?limit=200');
    for (const p of own.items.filter((x) => table.gemeenteCodes.includes(x.gemeenteCode))) {
      const detail = await developer.get<ProjectDetail>(`/projects/${p.id}`);
      const m12 = detail.milestones.find((m) => m.code === 'M12');
      if (m12?.baselineDate && !m12.actualDate && m12.delay.severity === 'geen') {
        project = detail;
        break;
      }
    }
    expect(project, 'a project of the demo developer in the table with M12 on time').toBeDefined();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    expect(browser?.pageErrors ?? []).toEqual([]);
  });

  it('signs in as the demo table secretary, clearly marked as demo', async () => {
    await go('/inloggen');
    await page.getByRole('heading', { name: /Probeer een rol uit/ }).waitFor();
    await expectAccessible();
    await signInThroughPage(page, server.base, 'tafel_secretaris');
    // The secretary lands on the own table's dashboard; the header says who is signed in, and "Demo".
    await page.waitForURL(new RegExp(`${TABLE_PATH}$`));
    const menu = page.getByTestId('user-menu');
    await expect(menu.textContent()).resolves.toMatch(/Secretaris versnellingstafel.*Demo/);
    await expect(menu.getByRole('button', { name: 'Uitloggen' }).isVisible()).resolves.toBe(true);
  });

  it('opens the quarter with a deadline', async () => {
    await go(`${TABLE_PATH}/kwartaalronde`);
    await page.getByRole('heading', { name: 'Een kwartaal openen' }).waitFor();
    const quarter = await page.getByLabel('Kwartaal', { exact: true }).inputValue();
    await page.getByRole('button', { name: /^Open / }).click();
    await page.getByRole('heading', { name: /^Stand van/ }).waitFor();
    firstRound = await currentRound();
    expect(firstRound.quarter).toBe(quarter);
    expect(firstRound.delivery.delivered).toBe(0);
    await page
      .getByTestId('delivery-summary')
      .filter({ hasText: `0 van de ${firstRound.delivery.total} projecten geleverd` })
      .waitFor();
  });

  it('shows the Tafeloverzicht: figures against the target, chart, map and delivery, every figure linked', async () => {
    // The start page points the secretary to the own table.
    await go('/tafels');
    await page.getByText('Uw tafel:').getByRole('link').click();
    await page.waitForURL(new RegExp(`${TABLE_PATH}$`));
    await expectAccessible();
    await page.locator('[data-testid=dashboard][data-ready=true]').waitFor();
    const dashboard = await secretary.get<{ summary: { totals: { projects: number }; perYear: { year: number; expected: number }[] } }>(
      `/regions/${TABLE}/dashboard`,
    );
    await expect(page.getByTestId('figure-projects').textContent()).resolves.toContain(String(dashboard.summary.totals.projects));
    await page.locator('[data-testid=completions-chart] canvas').waitFor();
    await page
      .getByTestId('target-basis')
      .filter({ hasText: /Opgave (geschat|vastgesteld)/ })
      .waitFor();
    await page
      .getByTestId('delivery-summary')
      .filter({ hasText: `0 van de ${firstRound.delivery.total} projecten geleverd` })
      .waitFor();
    await page.locator('[data-testid=dashboard-map][data-ready=true]').waitFor();
    await expectAccessible();
    await screenshot(page, 'tafeloverzicht.png');

    // Drill down: a year of the chart's table → the projects with completions that year → one project.
    const year = dashboard.summary.perYear.find((y) => y.expected > 0)!.year;
    await page
      .getByTestId('completions-table')
      .getByRole('link', { name: new RegExp(`^${year}`) })
      .click();
    await page.waitForURL(new RegExp(`/projecten\\?regio=${TABLE}&jaar=${year}$`));
    const behind = await secretary.get<{ total: number; items: { name: string }[] }>(`/projects?region=${TABLE}&year=${year}&sort=name&limit=1`);
    await page
      .getByRole('status')
      .filter({ hasText: new RegExp(`^${behind.total} project`) })
      .waitFor();
    const first = page.locator('[data-testid=project-table] tbody tr').first().getByRole('link');
    await expect(first.textContent()).resolves.toBe(behind.items[0]?.name);
    await first.click();
    await page.getByRole('heading', { level: 1, name: at(behind.items, 0).name }).waitFor();
    await page.getByRole('heading', { name: 'Wat is er veranderd sinds vorig kwartaal' }).waitFor();
    await page.getByText('Er is nog geen gesloten kwartaal om mee te vergelijken.').waitFor();
  });

  it('lets the developer move a milestone forecast past its tolerance, and flags it as delayed', async () => {
    await signInThroughPage(page, server.base, 'marktpartij_editor');
    await go(`/projecten/${project.id}`);
    await page.getByRole('heading', { level: 1, name: project.name }).waitFor();
    // Five months later than the baseline: beyond the 3-month tolerance, not yet "serious" (12).
    const baseline = project.milestones.find((m) => m.code === 'M12')!.baselineDate!;
    await page.getByRole('button', { name: 'Wijzig M12 Oplevering' }).click();
    await page.getByLabel('Prognosedatum').fill(addMonths(baseline, 5));
    await giveDelayReasonIfAsked(page);
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await page.getByText('Mijlpaal M12 Oplevering is opgeslagen.').waitFor();
    await expect(page.getByTestId('delay-M12').textContent()).resolves.toMatch(/^Vertraagd, \d maanden later/);
    await expect(page.getByTestId('status-reasons').textContent()).resolves.toContain('M12 Oplevering');
    // A developer may not re-baseline: that is an act of the table.
    await expect(page.getByTestId('rebaseline-form').count()).resolves.toBe(0);
    await expectAccessible();
  });

  it('lets the gemeente confirm its unchanged projects after one summary, and undo it (issue 8 items 16–17)', async () => {
    const gemeente = await apiSession(server.base, 'gemeente_editor');
    const own = gemeente.principal.organisationId!;
    const before = await currentRound();
    // The developer's edit delivered the developer's side of that project, not the gemeente's.
    const edited = before.projects.find((p) => p.projectId === project.id)!;
    expect(edited.parties.find((p) => p.organisationId === developer.principal.organisationId)?.via).toBe('gewijzigd');
    const organisation = before.organisations.find((o) => o.organisationId === own)!;
    const preview = (await gemeente.send<ConfirmPreview>('POST', `/rounds/${before.id}/confirmations/preview`, {})).body;
    const n = preview.projects.length;
    expect(n).toBeGreaterThan(1);

    await signInThroughPage(page, server.base, 'gemeente_editor');
    await go(`${TABLE_PATH}/kwartaalronde`);
    const row = page.getByTestId('organisation-delivery').locator(`tr[data-organisation="${organisation.name}"]`);
    // The button offers what can be confirmed now; projects with an expired forecast are named apart.
    if (preview.refused.length > 0)
      await expect(row.getByTestId('confirm-blocked').textContent()).resolves.toMatch(
        new RegExp(`^${preview.refused.length} project(en)? met een verstreken prognose`),
      );
    await row.getByRole('button', { name: `Bevestig alle ${n} ongewijzigde projecten van ${organisation.name}` }).click();
    // Asked once, with the count and the list (collapsed) of what will be confirmed.
    const summary = page.getByTestId('confirm-summary');
    await summary.getByRole('heading', { name: `${n} projecten van ${organisation.name} bevestigen als ongewijzigd?` }).waitFor();
    await summary.getByText(`Toon de ${n} projecten`).click();
    await expect(summary.getByTestId('confirm-summary-projects').locator('li').count()).resolves.toBe(n);
    await expect(summary.getByTestId('confirm-summary-projects').textContent()).resolves.toContain(preview.projects[0]?.name);
    if (preview.refused.length > 0)
      await summary
        .getByTestId('confirm-summary-refused')
        .getByText(/Prognose verstreken|prognose van M/)
        .first()
        .waitFor();
    expect((await currentRound()).delivery).toEqual(before.delivery);
    await expectAccessible();
    await screenshot(page, 'kwartaalronde-bevestigen.png');

    await summary.getByRole('button', { name: `Ja, bevestig ${n} projecten` }).click();
    await page
      .getByTestId('round-message')
      .filter({ hasText: `${n} projecten van ${organisation.name} bevestigd als ongewijzigd.` })
      .waitFor();
    const after = await currentRound();
    const mine = (r: RoundDetail) => r.organisations.find((o) => o.organisationId === own)!;
    expect(mine(after).delivered).toBe(organisation.delivered + n);
    // Other parties count what they did themselves: nothing changed for them.
    expect(after.organisations.filter((o) => o.organisationId !== own)).toEqual(before.organisations.filter((o) => o.organisationId !== own));

    // Undo, until the quarter closes: the counts go back.
    await page.getByRole('button', { name: /^Ongedaan maken/ }).click();
    await page
      .getByTestId('round-message')
      .filter({ hasText: `De bevestiging van ${n} projecten van ${organisation.name} is ongedaan gemaakt.` })
      .waitFor();
    await expect(row.textContent()).resolves.toContain(`${organisation.delivered} van ${organisation.total}`);
    const undone = await currentRound();
    expect(mine(undone)).toEqual(mine(before));
    expect(undone.delivery).toEqual(before.delivery);
    await expectAccessible();
  });

  it('lets the secretary record a delivery on behalf of a party, with a reason, shown as such', async () => {
    await signInThroughPage(page, server.base, 'tafel_secretaris');
    const before = await currentRound();
    let organisation: RoundDetail['organisations'][number] | undefined;
    let n = 0;
    for (const o of before.organisations.filter((x) => x.outstanding > 0)) {
      const preview = (
        await secretary.send<ConfirmPreview>('POST', `/rounds/${before.id}/confirmations/preview`, {
          organisationId: o.organisationId,
          reason: 'Voorbeeld van de bevestiging',
        })
      ).body;
      if (preview.projects.length > 0) {
        organisation = o;
        n = preview.projects.length;
        break;
      }
    }
    expect(organisation).toBeDefined();
    await go(`${TABLE_PATH}/kwartaalronde`);
    const row = page.getByTestId('organisation-delivery').locator(`tr[data-organisation="${organisation!.name}"]`);
    await row.getByRole('button', { name: `Namens ${organisation!.name} vastleggen…` }).click();
    const summary = page.getByTestId('confirm-summary');
    await summary.getByRole('heading', { name: `van ${organisation!.name} namens de partij bevestigen als ongewijzigd?` }).waitFor();
    // Without a reason it is refused next to the field.
    await summary.getByRole('button', { name: /^Ja, bevestig/ }).click();
    await summary.getByText(/Geef een reden van minstens 10 tekens/).waitFor();
    await summary.getByLabel('Reden (verplicht)').fill('Per mail gemeld: geen wijzigingen dit kwartaal.');
    await summary.getByRole('button', { name: /^Ja, bevestig/ }).click();
    await page.getByTestId('round-message').filter({ hasText: `bevestigd als ongewijzigd.` }).waitFor();
    await row.getByText(`namens ${organisation!.name} vastgelegd door de secretaris`).waitFor();
    const after = await currentRound();
    expect(after.organisations.find((o) => o.organisationId === organisation!.organisationId)).toMatchObject({
      delivered: organisation!.delivered + n,
      onBehalf: n,
    });

    // The reminder list names who still has to deliver, ready to paste into a mail.
    const late = after.organisations.find((o) => o.outstanding > 0)!;
    await page.waitForFunction(
      (text) => (document.querySelector('textarea.wbm-mail-text') as HTMLTextAreaElement | null)?.value.includes(text) ?? false,
      `${late.name}: ${late.outstanding} van ${late.total} projecten nog niet geleverd`,
    );
    await expectAccessible();
    await screenshot(page, 'kwartaalronde.png');
  });

  it('closes the quarter after a confirmation step and opens the next one', async () => {
    await page.getByRole('button', { name: /sluiten…$/ }).click();
    await page.getByRole('heading', { name: /Weet u zeker dat u .* wilt sluiten\?/ }).waitFor();
    await expectAccessible();
    await page.getByRole('button', { name: /^Ja, sluit / }).click();
    await page
      .getByText(/is gesloten$/)
      .first()
      .waitFor();
    await page
      .getByTestId('closed-rounds')
      .getByRole('link', { name: /kwartaal/ })
      .first()
      .waitFor();
    const rounds = await secretary.get<{ items: { id: string; status: string; quarter: string }[] }>(`/regions/${TABLE}/rounds`);
    expect(rounds.items[0]).toMatchObject({ id: firstRound.id, status: 'gesloten' });

    // The frozen view of the closed quarter shows the project as it was then.
    await page.getByRole('link', { name: /Bekijk de stand van/ }).click();
    await page.getByTestId('asof-table').waitFor();
    await page.getByLabel('Zoek op projectnaam').fill(project.name);
    await page.getByRole('button', { name: 'Zoek' }).click();
    await page
      .getByTestId('asof-table')
      .getByRole('link', { name: new RegExp(`^${project.name}`) })
      .waitFor();
    await expectAccessible();

    await go(`${TABLE_PATH}/kwartaalronde`);
    await page.getByRole('button', { name: /^Open / }).click();
    await page.getByRole('heading', { name: /^Stand van/ }).waitFor();
    expect((await currentRound()).quarter > firstRound.quarter).toBe(true);
  });

  it('resolves an edit conflict, and shows the change in the next quarter’s diff', async () => {
    await signInThroughPage(page, server.base, 'marktpartij_editor');
    await go(`/projecten/${project.id}`);
    await page.getByRole('heading', { level: 1, name: project.name }).waitFor();

    // Someone else saves the project after this page loaded it.
    const current = await admin.get<ProjectDetail>(`/projects/${project.id}`);
    expect(
      (await admin.send('PATCH', `/projects/${project.id}`, { version: current.version, description: 'Gewijzigd door een collega' })).status,
    ).toBe(200);

    const m11 = current.milestones.find((m) => m.code === 'M11')!;
    const newForecast = addMonths((m11.forecastDate ?? m11.baselineDate)!, 2);
    await page.getByLabel('Mijlpaal', { exact: true }).selectOption('M11');
    await page.getByLabel('Prognosedatum').fill(newForecast);
    await giveDelayReasonIfAsked(page);
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await page.getByText('Iemand anders was u voor').waitFor();
    await page.getByRole('button', { name: 'Laad de nieuwste versie' }).click();
    await page.getByText('De nieuwste versie van het project is geladen.').waitFor();
    await page.getByText('Gewijzigd door een collega').first().waitFor();
    await expect(page.getByLabel('Prognosedatum').inputValue()).resolves.toBe(newForecast);
    await giveDelayReasonIfAsked(page);
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await page.getByText('Mijlpaal M11 Start bouw is opgeslagen.').waitFor();

    // Compared with the quarter just closed: only what changed since, in words.
    const changes = page.getByTestId('changes');
    await changes.filter({ hasText: 'Start bouw' }).waitFor();
    await expect(changes.textContent()).resolves.not.toContain('Oplevering (M12)');
    // Delivery per party: the project counts as delivered in the closed quarter only when every party delivered its side.
    const frozen = present((await secretary.get<{ items: { delivery: string | null }[] }>(`/projects/${project.id}/snapshots`)).items[0]);
    const shown = frozen.delivery === 'gewijzigd' ? 'Bijgewerkt' : frozen.delivery === 'bevestigd' ? 'Bevestigd ongewijzigd' : 'Niet geleverd';
    await page.getByTestId('quarter-history').getByText(shown).first().waitFor();
    await expectAccessible();
  });

  it('lets the secretary re-baseline with a reason, kept in the history', async () => {
    await signInThroughPage(page, server.base, 'tafel_secretaris');
    await go(`/projecten/${project.id}`);
    const form = page.getByTestId('rebaseline-form');
    await form.waitFor();
    // Without a reason the form says exactly what is missing.
    await form.getByRole('button', { name: 'Basisplanning vaststellen' }).click();
    await form.getByText(/Geef een reden van minstens 10 tekens/).waitFor();
    await expect(form.getByLabel('Reden (verplicht)').getAttribute('aria-invalid')).resolves.toBe('true');
    const reason = 'Besluit tafel: oplevering later door netcongestie.';
    await form.getByLabel('Reden (verplicht)').fill(reason);
    await expect(form.getByLabel(/M12 Oplevering/).isChecked()).resolves.toBe(true);
    await form.getByRole('button', { name: 'Basisplanning vaststellen' }).click();
    await form.getByText('De basisplanning is opnieuw vastgesteld.', { exact: false }).waitFor();
    await page.getByTestId('baseline-history').filter({ hasText: reason }).waitFor();
    await expect(page.getByTestId('delay-M12').textContent()).resolves.toMatch(/^Op tijd/);
    await page.getByTestId('changes').filter({ hasText: reason }).waitFor();
    await expectAccessible();
    await screenshot(page, 'project-na-kwartaal.png');
  });

  it('downloads the Excel exports with the projects behind the filters', async () => {
    await go(`/projecten?regio=${TABLE}`);
    const listed = await secretary.get<{ total: number }>(`/projects?region=${TABLE}&limit=1`);
    await page
      .getByRole('status')
      .filter({ hasText: new RegExp(`^${listed.total} projecten`) })
      .waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Exporteren naar Excel' }).click()]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Projecten')!;
    expect(sheet.rowCount - 1).toBe(listed.total);
    const names = sheet.getColumn(2).values.slice(2).map(String);
    expect(names).toContain(project.name);

    await go(TABLE_PATH);
    await page.locator('[data-testid=dashboard][data-ready=true]').waitFor();
    const [tableDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Exporteren naar Excel' }).click()]);
    const tableBook = new ExcelJS.Workbook();
    await tableBook.xlsx.load(readFileSync((await tableDownload.path())!) as unknown as ArrayBuffer);
    expect(tableBook.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['Per jaar', 'Projecten']));
    expect(tableBook.getWorksheet('Projecten')!.rowCount - 1).toBe(listed.total);
  });

  it('renders the printable Tafelrapport completely, with an SVG chart, and marks it ready', async () => {
    await go(`${TABLE_PATH}/rapport`);
    await page.waitForFunction(() => document.body.dataset.ready === 'true');
    await page.locator('[data-testid=report] [data-testid=completions-chart] svg').first().waitFor();
    for (const testId of ['completions-table', 'delayed-table', 'knelpunten-table', 'delivery-summary']) {
      await expect(page.getByTestId(testId).count(), testId).resolves.toBe(1);
    }
    await expectAccessible();
    await screenshot(page, 'tafelrapport.png');
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('header.wbm-header').isVisible()).resolves.toBe(false);
    await screenshot(page, 'tafelrapport-print.png');
    await page.emulateMedia({ media: 'screen' });
  });

  it('downloads the Tafelrapport as a PDF rendered from the same page', async () => {
    await go(TABLE_PATH);
    await page.locator('[data-testid=dashboard][data-ready=true]').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('link', { name: 'Tafelrapport downloaden (pdf)' }).click(),
    ]);
    const pdf = readFileSync((await download.path())!);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdf.toString('latin1');
    expect((text.match(/\/Type\s*\/Page\b/g) ?? []).length).toBeGreaterThanOrEqual(1);
    // Chromium writes the page title into the PDF metadata, as UTF-16 hex or as a literal string.
    const hex = /\/Title\s*<([0-9A-Fa-f]+)>/.exec(text)?.[1];
    const title = hex ? Buffer.from(hex.slice(4), 'hex').swap16().toString('utf16le') : (/\/Title\s*\(([^)]*)\)/.exec(text)?.[1] ?? '');
    expect(title).toContain('Tafelrapport');
    expect(title).toContain('Amsterdam');
    // Someone outside the table gets no report.
    expect((await developer.send('GET', `/regions/${TABLE}/report.pdf`)).status).toBe(403);
  });
});
