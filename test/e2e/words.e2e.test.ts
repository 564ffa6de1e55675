/**
 * No developer words on screen (issue 8 item 22): every page, signed out and as a few roles, in headless
 * Chromium. The visible text must not name SPEC sections, seed files (001 § …), "seed", "design", "synthetisch" or
 * "ontwerpkeuze", and counts agree with their noun ("1 provincie", not "1 provincies"). SPEC §7 (Dutch user
 * interface in plain language), SPEC §3 (name a source by its title and date on screen).
 *
 * Needs /usr/bin/chromium; skipped without it. Run under `flock /tmp/wbm-web.lock` (shares web/dist).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { at } from '../helpers/present.ts';
import {
  apiSession,
  ensureWebBuild,
  hasChromium,
  launchBrowser,
  signInContext,
  startServer,
  type Browser,
  type DemoRole,
  type TestServer,
} from './support.ts';

/** Words of the developers' documents; a seed number (001) but not the 000 of 100.000. */
const DEVELOPER_WORDS = /SPEC|§|\bseeds?\b|design|ontwerpkeuze|synthetisch|(?<![\d.,])00[0-4](?![\d.,])/i;
/** "1 provincies", "1 gemeenten", "1 projecten": a single count with a plural noun. */
const WRONG_PLURAL =
  /(?<![\d.,])1 (provincies|gemeenten|projecten|regio’s|regio's|tafels|knelpunten|open knelpunten|mijlpalen|vertraagde mijlpalen|partijen|organisaties|woningen|betaalbare woningen|sociale huurwoningen|kandidaten|leveringen)\b/;

const TABLE = 'vt-amsterdam-e-o';

describe.skipIf(!hasChromium)('words on screen, every page, as several roles', () => {
  let server: TestServer;
  let browser: Browser;
  let projectId = '';

  beforeAll(async () => {
    ensureWebBuild();
    server = await startServer(300);
    browser = await launchBrowser(server.base);
    const admin = await apiSession(server.base, 'beheerder');
    projectId = at((await admin.get<{ items: Array<{ id: string }> }>('/projects?gemeente=GM0363&limit=1')).items, 0).id;
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const pages = () => [
    '/inloggen',
    '/mijn-kwartaalronde',
    '/projecten',
    `/projecten/${projectId}`,
    '/kaart',
    '/landelijk',
    '/tafels',
    `/tafels/${TABLE}`,
    `/tafels/${TABLE}/rapport`,
    `/tafels/${TABLE}/kwartaalronde`,
    `/tafels/${TABLE}/agenda`,
    '/doelen',
    '/instrumenten',
    '/instrumenten/realisatiestimulans',
    '/instrumenten/realisatiestimulans/GM0363',
    '/instrumenten/woningbouwimpuls',
    '/instrumenten/gebiedsbudget',
    '/plancapaciteit',
    '/account',
    '/beheer/mensen',
    '/beheer/organisaties',
    '/beheer/tafels',
    `/beheer/tafels/${TABLE}`,
    '/uitnodiging/een-link-die-niet-bestaat',
  ];

  it.each([['publiek'], ['tafel_secretaris'], ['gemeente_editor'], ['ministerie_analist'], ['provincie_analist'], ['beheerder']] as const)(
    'as %s',
    async (who) => {
      await browser.context.clearCookies();
      if (who !== 'publiek') await signInContext(browser.context, server.base, who as DemoRole);
      const found: string[] = [];
      const read = async (path: string) => {
        const page = await browser.open(path);
        await page.locator('main h1').first().waitFor({ timeout: 30_000 });
        await page.waitForLoadState('networkidle', { timeout: 30_000 }).catch(() => undefined);
        const text = await page.locator('body').innerText();
        for (const line of text.split('\n')) {
          if (DEVELOPER_WORDS.test(line)) found.push(`${who} ${path}: ${line.trim().slice(0, 160)}`);
          if (WRONG_PLURAL.test(line)) found.push(`${who} ${path} (meervoud): ${line.trim().slice(0, 160)}`);
        }
        // Headings read as one text by screen readers: no word said twice ("Versnellingstafel Versnellingstafel …"),
        // and no two headings with the same text on one page (two targets both called "Nieuwe woningen").
        const headings = (await page.locator('main h1, main h2, main h3').allTextContents()).map((h) => h.replace(/\s+/g, ' ').trim());
        for (const h of headings) if (/\b(\p{L}+) \1\b/iu.test(h)) found.push(`${who} ${path} (kop herhaalt een woord): ${h}`);
        for (const h of new Set(headings)) if (headings.filter((x) => x === h).length > 1) found.push(`${who} ${path} (kop twee keer): ${h}`);
        await page.close();
      };
      // Three pages at a time: most of each page's time is waiting for the network to go quiet.
      const queue = [...pages()];
      await Promise.all(
        [1, 2, 3].map(async () => {
          for (let path = queue.shift(); path !== undefined; path = queue.shift()) await read(path);
        }),
      );
      found.sort();
      expect(found).toEqual([]);
    },
    300_000,
  );
});
