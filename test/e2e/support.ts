/**
 * Shared set-up of the browser tests: a real server on a random port over an in-memory database with
 * synthetic demo projects, headless Chromium (playwright-core with the Debian `chromium` package),
 * sign-in as a demo role, axe-core checks and screenshots in test-artifacts/ (git-ignored).
 * Each test file starts one server and one browser and reuses them for all its tests.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import type { Principal } from '../../src/domain/access.ts';
import { buildApp } from '../../src/http/app.ts';
import { createServices, type ServiceOptions, type Services } from '../../src/services/container.ts';
import { TEST_AUTH_OPTIONS } from '../helpers/auth.ts';
import { createTestDb, type TestDb } from '../helpers/test-db.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const ROOT = join(import.meta.dirname, '..', '..');
export const ARTIFACTS = join(ROOT, 'test-artifacts');
export const hasChromium = existsSync(CHROMIUM);
const WEB_DIR = join(ROOT, 'web');
const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Demo roles (src/domain/access.ts), as the sign-in page names them. */
export type DemoRole = 'gemeente_editor' | 'marktpartij_editor' | 'tafel_secretaris' | 'provincie_analist' | 'ministerie_analist' | 'beheerder';
export const ROLE_NAMES: Record<DemoRole, string> = {
  gemeente_editor: 'Projectleider gemeente',
  marktpartij_editor: 'Ontwikkelaar, belegger of corporatie',
  tafel_secretaris: 'Secretaris versnellingstafel',
  provincie_analist: 'Analist provincie',
  ministerie_analist: 'Analist ministerie',
  beheerder: 'Beheerder',
};

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

/** Builds web/dist unless it is there and newer than every source file of the web app (and the domain code it imports). */
export function ensureWebBuild(): void {
  const index = join(WEB_DIR, 'dist', 'index.html');
  const sourcesChanged = Math.max(
    newestMtime(join(WEB_DIR, 'src')),
    newestMtime(join(ROOT, 'src', 'domain')),
    statSync(join(WEB_DIR, 'index.html')).mtimeMs,
    statSync(join(WEB_DIR, 'vite.config.ts')).mtimeMs,
  );
  if (existsSync(index) && statSync(index).mtimeMs >= sourcesChanged) return;
  execFileSync(join(ROOT, 'node_modules', '.bin', 'vite'), ['build', '--config', join(WEB_DIR, 'vite.config.ts'), '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
    // Vitest sets NODE_ENV=test, which would give a development build of React.
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

export interface TestServer {
  base: string;
  services: Services;
  close(): Promise<void>;
}

/** A server with `projects` synthetic demo projects (as of 2026-10-01) and the demo accounts. */
export async function startServer(projects: number, seed = 1): Promise<TestServer> {
  const t: TestDb = await createTestDb();
  const services = createServices(t.db);
  await services.demoSeed.seed({ projects, seed, asOf: '2026-10-01' });
  await services.auth.ensureDemoUsers();
  return serve(t, services);
}

/** Serves these services over their test database on a free port; close() stops both. */
export async function serve(t: TestDb, services: Services): Promise<TestServer> {
  const app: FastifyInstance = await buildApp({ services });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    base: `http://127.0.0.1:${address.port}`,
    services,
    close: async () => {
      await app.close();
      await t.close();
    },
  };
}

export interface Browser {
  context: BrowserContext;
  /** Uncaught errors of every page opened through `open`. */
  pageErrors: string[];
  open(path: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * `bypassCSP`: axe-core is injected as an inline script, which the site's Content-Security-Policy
 * refuses; the policy itself is checked with `bypassCSP: false` in security-headers.e2e.test.ts.
 */
export async function launchBrowser(base: string, options: { bypassCSP?: boolean } = {}): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const profileDir = mkdtempSync(join(tmpdir(), 'wbm-chromium-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    bypassCSP: options.bypassCSP ?? true,
    executablePath: CHROMIUM,
    headless: true,
    locale: 'nl-NL',
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    args: [
      '--lang=nl-NL',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const pageErrors: string[] = [];
  return {
    context,
    pageErrors,
    async open(path: string) {
      const page = await context.newPage();
      page.on('pageerror', (err) => pageErrors.push(`${path}: ${err.message}`));
      await page.goto(`${base}${path}`);
      return page;
    },
    async close() {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

export const screenshot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, name), fullPage: true });

/** Runs axe-core (WCAG 2.0–2.2 A/AA rules) on the page as it is now; returns the violations found. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE_SCRIPT });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    const result = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] });
    return result.violations.map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/** Signs in through the sign-in page as a demo role; waits until the page has moved on. */
export async function signInThroughPage(page: Page, base: string, role: DemoRole): Promise<void> {
  await page.goto(`${base}/inloggen`);
  const signedIn = page.getByTestId('user-menu');
  const roleChoice = page.getByLabel(ROLE_NAMES[role], { exact: true });
  await signedIn.or(roleChoice).first().waitFor();
  if (await signedIn.isVisible()) await signedIn.getByRole('button', { name: 'Uitloggen' }).click();
  await roleChoice.check();
  await page.getByRole('button', { name: 'Inloggen als demogebruiker' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/inloggen'));
  await page.getByTestId('user-menu').filter({ hasText: ROLE_NAMES[role] }).waitFor();
}

/** Signs the browser in as a demo role without the page (a session cookie in the context). */
export async function signInContext(context: BrowserContext, base: string, role: DemoRole): Promise<void> {
  const res = await context.request.post(`${base}/api/v1/auth/demo`, { data: { role } });
  if (!res.ok()) throw new Error(`demo sign-in as ${role}: ${res.status()}`);
}

/** An API client with its own session, for set-up and for "someone else" changing data meanwhile. */
export async function apiSession(base: string, role: DemoRole) {
  const res = await fetch(`${base}/api/v1/auth/demo`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ role }),
  });
  if (!res.ok) throw new Error(`demo sign-in as ${role}: ${res.status}`);
  const [cookie = ''] = (res.headers.get('set-cookie') ?? '').split(';'); // split gives at least one part
  const { csrfToken, principal } = (await res.json()) as { csrfToken: string; principal: { organisationId: string | null; name: string } };
  const call = async <T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> => {
    const r = await fetch(`${base}/api/v1${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    return { status: r.status, body: (text ? JSON.parse(text) : null) as T };
  };
  return {
    principal,
    /** GET that must answer 200. */
    async get<T>(path: string): Promise<T> {
      const r = await call<T>('GET', path);
      if (r.status !== 200) throw new Error(`GET ${path}: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body;
    },
    send: call,
  };
}

export type ApiSession = Awaited<ReturnType<typeof apiSession>>;

/** A real (not demo) account for a browser test, signed in with e-mail address and password. */
export interface TestAccount {
  email: string;
  name: string;
  role: DemoRole;
  provincieCode?: string;
  regionId?: string;
  /** A gemeente editor's gemeente (CBS code). */
  gemeenteCode?: string;
  /** The organisation the person works for (a gemeente's or a market party's). */
  organisationId?: string;
}

/**
 * A server on a fresh database with the demo accounts and these real accounts (all with `password`), for tests
 * that sign in as a real person; with `demoProjects`, also that many synthetic demo projects (as of 2026-10-01).
 * Returns the database too, for tests that check what was stored, and the accounts as principals (in the same order).
 */
export async function serveWithAccounts(
  accounts: readonly TestAccount[],
  password: string,
  demoProjects: { projects: number; seed?: number } | null = null,
  /** Outgoing mail (e.g. to the test mail sink, test/helpers/smtp-sink.ts) and the base URL of links in mails. */
  mail: Pick<ServiceOptions, 'mail' | 'publicUrl'> = {},
): Promise<{ t: TestDb; server: TestServer; principals: Principal[] }> {
  const t = await createTestDb();
  const services = createServices(t.db, { auth: TEST_AUTH_OPTIONS, ...mail });
  if (demoProjects) await services.demoSeed.seed({ projects: demoProjects.projects, seed: demoProjects.seed ?? 1, asOf: '2026-10-01' });
  await services.auth.ensureDemoUsers();
  const principals: Principal[] = [];
  for (const a of accounts) {
    const principal = await services.auth.createUser({
      email: a.email,
      name: a.name,
      password,
      role: a.role,
      organisationId: a.organisationId ?? null,
      gemeenteCode: a.gemeenteCode ?? null,
      regionId: a.regionId ?? null,
      provincieCode: a.provincieCode ?? null,
    });
    principals.push(principal);
  }
  return { t, server: await serve(t, services), principals };
}

/** Signs in on the sign-in page with e-mail address and password, and waits until the header names the person. */
export async function signInWithPassword(page: Page, base: string, who: { email: string; name: string }, password: string): Promise<void> {
  await page.goto(`${base}/inloggen`);
  await page.getByLabel('E-mailadres').fill(who.email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/inloggen'));
  await page.getByTestId('user-menu').filter({ hasText: who.name }).waitFor();
}

/**
 * serveWithAccounts (same arguments) and one browser on that server, the web app built first when its sources changed:
 * the database, the server, the accounts as principals and the browser.
 */
export async function serveAccountsWithBrowser(
  ...args: Parameters<typeof serveWithAccounts>
): Promise<Awaited<ReturnType<typeof serveWithAccounts>> & { browser: Browser }> {
  ensureWebBuild();
  const started = await serveWithAccounts(...args);
  return { ...started, browser: await launchBrowser(started.server.base) };
}

/** A new page of `browser`, signed in as `who` with e-mail address and password (signInWithPassword). */
export async function pageWithPassword(browser: Browser, base: string, who: { email: string; name: string }, password: string): Promise<Page> {
  const page = await browser.context.newPage();
  await signInWithPassword(page, base, who, password);
  return page;
}

/** Builds the web app when its sources changed, then starts the server `start` makes and one browser on it. */
export async function startWithBrowser(start: () => Promise<TestServer>): Promise<{ server: TestServer; browser: Browser }> {
  ensureWebBuild();
  const server = await start();
  return { server, browser: await launchBrowser(server.base) };
}

/** Closes the browser and the server (either may not have started), then fails when a page had an uncaught error. */
export async function closeAndCheckPageErrors(browser: Browser | undefined, server: TestServer | undefined): Promise<void> {
  await browser?.close();
  await server?.close();
  const errors = browser?.pageErrors ?? [];
  if (errors.length > 0) throw new Error(`uncaught errors in the pages:\n${errors.join('\n')}`);
}

/** A new page of `browser` whose uncaught errors count in browser.pageErrors (named `label`), signed in as a demo role. */
export async function signedInPage(browser: Browser, base: string, role: DemoRole, label: string): Promise<Page> {
  const page = await browser.context.newPage();
  page.on('pageerror', (err) => browser.pageErrors.push(`${label}: ${err.message}`));
  await signInThroughPage(page, base, role);
  return page;
}

/**
 * Follows the link `name` of the header menu and waits until the page's element with test id `testId` says
 * data-ready=true (and, when `path` is given, first until the address matches it).
 */
export async function followMenuLink(page: Page, name: string, testId: string, path?: RegExp): Promise<void> {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name }).click();
  if (path) await page.waitForURL(path);
  await page.locator(`[data-testid=${testId}][data-ready=true]`).waitFor({ timeout: 60_000 });
}

/**
 * When the milestone form asks why a date moves (a forecast moved later, past the delay tolerance: issue 12 item 4),
 * gives a reason — a knelpunt category and a short text. Does nothing when the form does not ask.
 */
export async function giveDelayReasonIfAsked(scope: Page | Locator, text = 'Vertraging bij de netbeheerder'): Promise<void> {
  const why = scope.getByRole('group', { name: 'Waarom schuift deze datum?' });
  if (!(await why.isVisible())) return;
  await why.getByLabel('Soort knelpunt').selectOption({ label: 'Netcongestie' });
  await why.getByLabel('Toelichting').fill(text);
}
