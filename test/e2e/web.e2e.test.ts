/**
 * End-to-end tests of the web application in headless Chromium (playwright-core with the Debian
 * `chromium` package): a real server on a random port, an in-memory database with 200 synthetic
 * projects, and the Vite build in web/dist (built here when missing or older than its sources).
 * Screenshots go to test-artifacts/ (git-ignored).
 *
 * Needs /usr/bin/chromium (`apt-get install -y chromium chromium-driver`); skipped without it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { createServices } from '../../src/services/container.ts';
import { createTestDb, type TestDb } from '../helpers/test-db.ts';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = join(import.meta.dirname, '..', '..');
const WEB_DIR = join(ROOT, 'web');
const ARTIFACTS = join(ROOT, 'test-artifacts');
const hasChromium = existsSync(CHROMIUM);
const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

if (!hasChromium) {
  console.warn(`[web e2e] skipped: no Chromium at ${CHROMIUM}. Install it with: apt-get install -y chromium chromium-driver`);
}

/** Newest modification time under a directory (sources of the web build). */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds web/dist unless it is there and newer than every source file of the web app. */
function ensureWebBuild() {
  const index = join(WEB_DIR, 'dist', 'index.html');
  const sourcesChanged = Math.max(newestMtime(join(WEB_DIR, 'src')), statSync(join(WEB_DIR, 'index.html')).mtimeMs, statSync(join(WEB_DIR, 'vite.config.ts')).mtimeMs);
  if (existsSync(index) && statSync(index).mtimeMs >= sourcesChanged) return;
  execFileSync(join(ROOT, 'node_modules', '.bin', 'vite'), ['build', '--config', join(WEB_DIR, 'vite.config.ts'), '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
    // Vitest sets NODE_ENV=test, which would give a development build of React.
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

interface ProjectListItem {
  id: string;
  name: string;
}

describe.skipIf(!hasChromium)('web application in Chromium', () => {
  let t: TestDb;
  let app: FastifyInstance;
  let base: string;
  let context: BrowserContext;
  let profileDir: string;
  const pageErrors: string[] = [];

  const apiGet = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${base}/api/v1${path}`);
    expect(res.status, path).toBe(200);
    return (await res.json()) as T;
  };

  async function openPage(path: string): Promise<Page> {
    const page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(`${path}: ${err.message}`));
    await page.goto(`${base}${path}`);
    return page;
  }

  const screenshot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, name), fullPage: true });

  /** Runs axe-core (WCAG 2.0–2.2 A/AA rules) on the page as it is now; returns the violations found. */
  async function accessibilityViolations(page: Page): Promise<string[]> {
    await page.addScriptTag({ path: AXE_SCRIPT });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
      const result = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] });
      return result.violations.map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    return violations;
  }

  beforeAll(async () => {
    ensureWebBuild();
    mkdirSync(ARTIFACTS, { recursive: true });
    t = await createTestDb();
    const services = createServices(t.db);
    await services.demoSeed.seed({ projects: 200, seed: 1, asOf: '2026-10-01' });
    app = await buildApp({ services });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    base = `http://127.0.0.1:${address.port}`;
    profileDir = mkdtempSync(join(tmpdir(), 'wbm-chromium-'));
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      headless: true,
      locale: 'nl-NL',
      viewport: { width: 1280, height: 900 },
      args: ['--lang=nl-NL', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  afterAll(async () => {
    await context?.close();
    await app?.close();
    await t?.close();
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
    expect(pageErrors).toEqual([]);
  });

  it('shows the project list at / and filters it by gemeente through the URL', async () => {
    const gemeenten = await apiGet<{ code: string; name: string; projectCount: number }[]>('/gemeenten');
    const gemeente = gemeenten.reduce((a, b) => (b.projectCount > a.projectCount ? b : a));
    expect(gemeente.projectCount).toBeGreaterThan(1);

    const page = await openPage('/');
    await page.waitForURL(/\/projecten$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Projecten' }).isVisible()).resolves.toBe(true);
    await page.getByText('Let op: dit zijn verzonnen demogegevens').waitFor();
    await page.getByRole('status').filter({ hasText: '200 projecten' }).waitFor();
    await expect(page.locator('[data-testid=project-table] tbody tr').first().locator('.wbm-demo-badge').textContent()).resolves.toMatch(/^Demo/);

    await expect(accessibilityViolations(page)).resolves.toEqual([]);

    // Keyboard: the first Tab reaches the skip link, which leads to the main content.
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Direct naar de inhoud');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('inhoud');

    await page.getByLabel('Gemeente', { exact: true }).selectOption(gemeente.code);
    await page.getByRole('button', { name: 'Toon projecten' }).click();
    await page.waitForURL(new RegExp(`gemeente=${gemeente.code}`));
    const expectedCount = `${gemeente.projectCount} projecten`;
    await page.getByRole('status').filter({ hasText: expectedCount }).waitFor();

    const gemeenteCells = await page.locator('[data-testid=project-table] tbody tr td:nth-child(2)').allTextContents();
    expect(gemeenteCells.length).toBe(Math.min(gemeente.projectCount, 25));
    expect(new Set(gemeenteCells)).toEqual(new Set([gemeente.name]));
    await screenshot(page, 'projecten-gefilterd-op-gemeente.png');

    // The filter lives in the URL: a reload shows the same list.
    await page.reload();
    await page.getByRole('status').filter({ hasText: expectedCount }).waitFor();
    await expect(page.getByLabel('Gemeente', { exact: true }).inputValue()).resolves.toBe(gemeente.code);
    await page.close();
  });

  it('moves the M12 forecast far past its baseline and shows the milestone as seriously delayed', async () => {
    // A project still to be delivered, whose oplevering (M12) has a baseline and no actual date.
    const list = await apiGet<{ items: ProjectListItem[] }>('/projects?phase=vergunning,realisatie&status=groen,oranje&limit=50');
    let target: { id: string; name: string; baseline: string } | undefined;
    for (const item of list.items) {
      const detail = await apiGet<{ milestones: { code: string; baselineDate: string | null; actualDate: string | null }[] }>(`/projects/${item.id}`);
      const m12 = detail.milestones.find((m) => m.code === 'M12');
      if (m12?.baselineDate && !m12.actualDate) {
        target = { id: item.id, name: item.name, baseline: m12.baselineDate };
        break;
      }
    }
    expect(target, 'a demo project with a pending M12').toBeDefined();
    const { id, name, baseline } = target!;
    const farLater = `${Number(baseline.slice(0, 4)) + 3}${baseline.slice(4)}`;

    const page = await openPage(`/projecten/${id}`);
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.getByRole('table', { name: /Woningbouwprogramma/ }).waitFor();
    await page.locator('[data-testid=jaarschijven-chart] canvas').waitFor();

    await page.getByRole('button', { name: 'Wijzig M12 Oplevering' }).click();
    await expect(page.getByLabel('Mijlpaal', { exact: true }).inputValue()).resolves.toBe('M12');
    await page.getByLabel('Prognosedatum').fill(farLater);
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Mijlpaal M12 Oplevering is opgeslagen.').waitFor();

    const delayCell = page.getByTestId('delay-M12');
    await expect(delayCell.textContent()).resolves.toContain('Ernstig vertraagd, 36 maanden later');
    await expect(page.getByTestId('project-status').textContent()).resolves.toContain('Ernstig vertraagd');
    await expect(page.getByTestId('status-reasons').textContent()).resolves.toContain('M12 Oplevering: 36 maanden later dan gepland');
    await expect(accessibilityViolations(page)).resolves.toEqual([]);
    await screenshot(page, 'project-m12-ernstig-vertraagd.png');

    // A rule broken on the server (oplevering before start bouw) is shown next to the field, in Dutch.
    await page.getByLabel('Werkelijke datum (gehaald op)').fill('2000-01-01');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    const actualField = page.getByLabel('Werkelijke datum (gehaald op)');
    await page.locator('.wbm-field-error').filter({ hasText: 'ligt vóór' }).waitFor();
    await expect(actualField.getAttribute('aria-invalid')).resolves.toBe('true');
    const describedBy = (await actualField.getAttribute('aria-describedby'))!.split(' ')[0];
    await expect(page.locator(`[id="${describedBy}"]`).textContent()).resolves.toContain('ligt vóór');
    await expect(accessibilityViolations(page)).resolves.toEqual([]);
    await screenshot(page, 'project-validatiefout.png');
    await page.close();
  });

  it('explains a version conflict and saves after loading the latest version', async () => {
    const list = await apiGet<{ items: (ProjectListItem & { version: number })[] }>('/projects?phase=planvorming,planologische_procedure&limit=1');
    const { id, name } = list.items[0];
    // A new M11 forecast one day after the current one keeps the milestones in order.
    const before = await apiGet<{ milestones: { code: string; baselineDate: string | null; forecastDate: string | null }[] }>(`/projects/${id}`);
    const m11 = before.milestones.find((m) => m.code === 'M11')!;
    const newForecast = new Date(Date.parse(`${m11.forecastDate ?? m11.baselineDate}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const page = await openPage(`/projecten/${id}`);
    await page.getByRole('heading', { level: 1, name }).waitFor();

    // Someone else changes the project after this page loaded it.
    const current = await apiGet<{ version: number }>(`/projects/${id}`);
    const other = await fetch(`${base}/api/v1/projects/${id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ version: current.version, description: 'Gewijzigd door een collega' }),
    });
    expect(other.status).toBe(200);

    await page.getByLabel('Mijlpaal', { exact: true }).selectOption('M11');
    await page.getByLabel('Prognosedatum').fill(newForecast);
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Iemand anders was u voor').waitFor();
    await screenshot(page, 'project-versieconflict.png');

    await page.getByRole('button', { name: 'Laad de nieuwste versie' }).click();
    await page.getByText('De nieuwste versie van het project is geladen.').waitFor();
    await page.getByText('Gewijzigd door een collega').waitFor();
    await expect(page.getByLabel('Prognosedatum').inputValue()).resolves.toBe(newForecast);
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Mijlpaal M11 Start bouw is opgeslagen.').waitFor();
    const after = await apiGet<{ milestones: { code: string; forecastDate: string | null }[] }>(`/projects/${id}`);
    expect(after.milestones.find((m) => m.code === 'M11')!.forecastDate).toBe(newForecast);
    await page.close();
  });

  it('draws the map with province boundaries and project points, with a text legend', async () => {
    const page = await openPage('/kaart');
    await page.locator('[data-testid=map][data-ready=true]').waitFor();
    await page.getByRole('status').filter({ hasText: '200 projecten op de kaart' }).waitFor();
    await page.getByRole('heading', { name: 'Legenda' }).waitFor();
    for (const text of ['Op schema', 'Aandacht nodig', 'Ernstig vertraagd']) await page.getByText(text, { exact: true }).first().waitFor();
    await expect(accessibilityViolations(page)).resolves.toEqual([]);
    await page.getByLabel('Provincie').selectOption({ label: 'Utrecht' });
    await page.waitForURL(/provincie=PV26/);
    await page.getByRole('status').filter({ hasText: 'op de kaart in Utrecht' }).waitFor();
    await page.waitForTimeout(500); // let the map finish drawing for the screenshot
    await screenshot(page, 'kaart-utrecht.png');
    await page.close();
  });
});
