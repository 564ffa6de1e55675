/**
 * End-to-end test of the Plancapaciteit page (/plancapaciteit, issue 11 item 6) in headless Chromium: a real
 * server with about 300 synthetic demo projects, the demo accounts and one real (not demo) ministry analyst.
 * The demo ministry analyst reaches the page through the menu and sees the same total as the API, with the
 * policy source and no norm form (a demo account may not change norms); the demo province analyst starts in
 * Noord-Holland and splits it per gemeente through the form (the choice is in the address); the real analyst
 * sets a norm: a wrong value gets a Dutch message next to the field and changes nothing, a right one is saved
 * and tested against. axe-core on each. Screenshots: test-artifacts/plancapaciteit*.png.
 *
 * Needs /usr/bin/chromium (`apt-get install -y chromium chromium-driver`); skipped without it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../src/domain/access.ts';
import {
  accessibilityViolations,
  apiSession,
  closeAndCheckPageErrors,
  followMenuLink,
  hasChromium,
  screenshot,
  serveWithAccounts,
  signedInPage,
  signInThroughPage,
  startWithBrowser,
  type Browser,
  type TestServer,
} from './support.ts';

interface Plancapaciteit {
  area: { name: string };
  periods: { period: { key: string; label: string }; total: number; norm: number | null }[];
}

const ANALYST = { email: 'analist@ministerie.example', password: 'een lange wachtzin voor de plancapaciteit' };
const nl = (n: number) => new Intl.NumberFormat('nl-NL').format(n);

describe.skipIf(!hasChromium)('plancapaciteit page in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let analyst: Principal;
  const thisYear = new Date().getFullYear();

  beforeAll(async () => {
    ({ server, browser } = await startWithBrowser(async () => {
      const { server, principals } = await serveWithAccounts(
        [{ email: ANALYST.email, name: 'M. Analist', role: 'ministerie_analist' }],
        ANALYST.password,
        {
          projects: 300,
        },
      );
      [analyst] = principals as [Principal];
      return server;
    }));
  }, 180_000);

  afterAll(() => closeAndCheckPageErrors(browser, server));

  it('shows the ministry analyst plans against need per period, with the same figure as the API and the policy source', async () => {
    const page = await signedInPage(browser, server.base, 'ministerie_analist', '/plancapaciteit');
    await followMenuLink(page, 'Plancapaciteit', 'plancapaciteit', /\/plancapaciteit$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Plancapaciteit' }).isVisible()).resolves.toBe(true);

    const api = await apiSession(server.base, 'ministerie_analist');
    const figures = await api.get<Plancapaciteit>(`/national/plancapaciteit?area=nl&fromYear=${thisYear}`);
    const first = figures.periods[0]!;
    await expect(page.locator('[data-testid=capacity-table] tbody tr').count()).resolves.toBe(figures.periods.length);
    const row = page.locator(`[data-testid=capacity-table] tbody tr[data-period="${first.period.key}"]`);
    await expect(row.getByTestId('capacity-total').textContent()).resolves.toBe(nl(first.total));

    // The source by title and date; a demo account gets no norm form, and is told why.
    await expect(page.getByText('Bron: Kamerbrief over de aanpak van het woningtekort').isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('norm-form').count()).resolves.toBe(0);
    await expect(page.getByTestId('norm-demo-note').textContent()).resolves.toContain('demo-account');

    await expect(accessibilityViolations(page)).resolves.toEqual([]);
    await screenshot(page, 'plancapaciteit.png');
    await page.close();
  }, 120_000);

  it('lets the province analyst split the province per gemeente through the form; the choice is in the address', async () => {
    const page = await signedInPage(browser, server.base, 'provincie_analist', '/plancapaciteit (provincie)');
    await followMenuLink(page, 'Plancapaciteit', 'plancapaciteit');
    await expect(page.getByRole('heading', { level: 2, name: /Noord-Holland/ }).isVisible()).resolves.toBe(true);

    const form = page.getByTestId('plancapaciteit-choice');
    // Only areas of the own province are offered.
    const offered = await form.getByLabel('Gebied').locator('option').allTextContents();
    expect(offered).toContain('Provincie Noord-Holland');
    expect(offered).not.toContain('Provincie Utrecht');
    await form.getByLabel('Uitsplitsing').selectOption('gemeente');
    await form.getByRole('button', { name: 'Toon plancapaciteit' }).click();
    await page.waitForURL(/uitsplitsing=gemeente/);
    await page.locator('[data-testid=plancapaciteit][data-ready=true]').waitFor({ timeout: 60_000 });
    await expect(page.locator('[data-testid=breakdown-table] tbody tr[data-area="gemeente:GM0363"]').textContent()).resolves.toContain('Amsterdam');

    // The shared link opens the same choice.
    const shared = await browser.open(new URL(page.url()).pathname + new URL(page.url()).search);
    await shared.locator('[data-testid=plancapaciteit][data-ready=true]').waitFor({ timeout: 60_000 });
    await expect(shared.getByTestId('breakdown-table').isVisible()).resolves.toBe(true);
    await expect(accessibilityViolations(shared)).resolves.toEqual([]);
    await shared.close();
    await page.close();
  }, 120_000);

  it('opens on their own area for a table secretary and a gemeente; a market party gets no menu item and a plain message', async () => {
    const page = await browser.context.newPage();
    page.on('pageerror', (err) => browser.pageErrors.push(`/plancapaciteit (roles): ${err.message}`));
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    for (const [role, area] of [
      ['tafel_secretaris', /Versnellingstafel Amsterdam/],
      ['gemeente_editor', /Gemeente Amsterdam/],
    ] as const) {
      await signInThroughPage(page, server.base, role);
      await followMenuLink(page, 'Plancapaciteit', 'plancapaciteit');
      await expect(page.getByRole('heading', { level: 2, name: area }).isVisible()).resolves.toBe(true);
      await expect(page.getByTestId('norm-form').count()).resolves.toBe(0);
    }
    await signInThroughPage(page, server.base, 'marktpartij_editor');
    await expect(nav.getByRole('link', { name: 'Plancapaciteit' }).count()).resolves.toBe(0);
    await page.goto(`${server.base}/plancapaciteit`);
    await page.getByText('Uw account hoort niet bij een van die gebieden.').waitFor();
    await expect(accessibilityViolations(page)).resolves.toEqual([]);
    await page.close();
  }, 120_000);

  it('lets a (real) ministry analyst set a norm: a wrong value is refused in Dutch and changes nothing; a right one is saved', async () => {
    await browser.context.clearCookies();
    const login = await browser.context.request.post(`${server.base}/api/v1/auth/login`, { data: ANALYST });
    expect(login.status()).toBe(200);
    const page = await browser.open('/plancapaciteit?gebied=provincie:PV27');
    await page.locator('[data-testid=plancapaciteit][data-ready=true]').waitFor({ timeout: 60_000 });
    const form = page.getByTestId('norm-form');
    await form.waitFor();
    const norms = async () => (await (await browser.context.request.get(`${server.base}/api/v1/national/plancapaciteit/normen`)).json()).items;
    await expect(norms()).resolves.toEqual([]);

    const normField = form.getByLabel('Norm (procent van de behoefte)');
    await normField.fill('heel veel');
    await form.getByLabel('Reden').fill('Krimpregio: 130% is hier niet nodig.');
    await form.getByRole('button', { name: 'Norm opslaan' }).click();
    await form.getByText('Vul alleen een getal in, bijvoorbeeld 130 (voor 130%).').waitFor();
    await expect(normField.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(norms()).resolves.toEqual([]);
    await expect(accessibilityViolations(page)).resolves.toEqual([]);
    await screenshot(page, 'plancapaciteit-norm-fout.png');

    await normField.fill('110');
    await form.getByRole('button', { name: 'Norm opslaan' }).click();
    await expect(page.getByTestId('norm-saved').textContent()).resolves.toContain('110%');
    await screenshot(page, 'plancapaciteit-norm-opgeslagen.png');
    const saved = await norms();
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ areaId: 'provincie:PV27', norm: 1.1 });
    // The figures are tested against the new norm.
    await expect.poll(() => page.getByTestId('norm-source').textContent(), { timeout: 30_000 }).toContain('Krimpregio');
    await expect.poll(() => page.locator('[data-testid=capacity-table] tbody tr').first().locator('td').nth(5).textContent()).toBe('110%');

    // Someone else changes the norm meanwhile: this page's version is old, so its save is refused and nothing is overwritten.
    await server.services.national.setNorm('provincie:PV27', { norm: 1.2, reason: 'Elders gewijzigd.', version: saved[0].version }, analyst);
    await normField.fill('105');
    await form.getByRole('button', { name: 'Norm opslaan' }).click();
    await expect(form.getByRole('alert').textContent()).resolves.toContain('Iemand anders heeft deze norm intussen gewijzigd');
    expect((await norms())[0]).toMatchObject({ norm: 1.2 });
    await page.close();
  }, 120_000);
});
