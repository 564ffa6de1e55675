/**
 * The printable table report as PDF, rendered in headless Chromium from the same web page people see
 * (`/tafels/{regionId}/rapport`), so the report and the screen never differ. The browser acts as the
 * caller: it gets the caller's session cookie or API token, so it sees exactly what the caller may see.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServiceUnavailableError } from '../domain/errors.ts';

export interface ReportRequest {
  baseUrl: string;
  regionId: string;
  /** The caller's credentials, handed to the browser. */
  sessionCookie?: { name: string; value: string };
  bearerToken?: string;
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Each render starts a Chromium (~150–300 MB, a CPU core for seconds): at most MAX_CONCURRENT at once,
 * MAX_QUEUED more wait their turn, and beyond that the caller is told to try again later (503 with
 * Retry-After) instead of the server running out of memory (issue 8 item 14).
 */
export const REPORT_LIMITS = { maxConcurrent: 2, maxQueued: 4, retryAfterSeconds: 30 };

/** A tiny counting semaphore with a bounded queue. */
export function createRenderGate(limits: { maxConcurrent: number; maxQueued: number; retryAfterSeconds: number }) {
  let running = 0;
  const waiting: Array<() => void> = [];
  return {
    get running() {
      return running;
    },
    get queued() {
      return waiting.length;
    },
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (running >= limits.maxConcurrent) {
        if (waiting.length >= limits.maxQueued) {
          throw new ServiceUnavailableError(
            `Er worden nu te veel PDF-rapporten tegelijk gemaakt. Probeer het over ${limits.retryAfterSeconds} seconden opnieuw.`,
            limits.retryAfterSeconds,
          );
        }
        await new Promise<void>((resolve) => waiting.push(resolve));
      } else {
        running += 1;
      }
      try {
        return await task();
      } finally {
        // Hand the slot straight to the next in line, or free it.
        const next = waiting.shift();
        if (next) next();
        else running -= 1;
      }
    },
  };
}

export function createReportService(options: {
  chromiumPath: string;
  timeoutMs?: number;
  limits?: Partial<typeof REPORT_LIMITS>;
  /** The renderer (tests inject a slow one); defaults to headless Chromium. */
  render?: (request: ReportRequest) => Promise<Buffer>;
}) {
  const gate = createRenderGate({ ...REPORT_LIMITS, ...options.limits });
  const render = options.render ?? ((request: ReportRequest) => renderInChromium(options, request));
  return {
    gate,
    /** The table report as PDF; refused with 503 + Retry-After when too many are being made. */
    tablePdf: (request: ReportRequest): Promise<Buffer> => gate.run(() => render(request)),
  };
}

async function renderInChromium(options: { chromiumPath: string; timeoutMs?: number }, request: ReportRequest): Promise<Buffer> {
  let playwright: typeof import('playwright-core');
  try {
    playwright = await import('playwright-core');
  } catch {
    throw new ServiceUnavailableError('Het PDF-rapport is niet beschikbaar: playwright-core ontbreekt.');
  }
  const profile = mkdtempSync(join(tmpdir(), 'wbm-report-'));
  let context: Awaited<ReturnType<typeof playwright.chromium.launchPersistentContext>>;
  try {
    context = await playwright.chromium.launchPersistentContext(profile, {
      executablePath: options.chromiumPath,
      headless: true,
      args: CHROMIUM_ARGS,
      extraHTTPHeaders: request.bearerToken ? { authorization: `Bearer ${request.bearerToken}` } : undefined,
    });
  } catch (err) {
    rmSync(profile, { recursive: true, force: true });
    throw new ServiceUnavailableError(
      `Het PDF-rapport is niet beschikbaar: Chromium start niet (${options.chromiumPath}). ${(err as Error).message.split('\n')[0]}`,
    );
  }
  try {
    if (request.sessionCookie) {
      await context.addCookies([{ ...request.sessionCookie, url: request.baseUrl, httpOnly: true, sameSite: 'Lax' }]);
    }
    const page = await context.newPage();
    await page.emulateMedia({ media: 'print' });
    await page.goto(`${request.baseUrl}/tafels/${encodeURIComponent(request.regionId)}/rapport`, { waitUntil: 'load' });
    await page.waitForSelector('body[data-ready="true"]', { timeout: options.timeoutMs ?? 30_000 });
    return await page.pdf({ format: 'A4', printBackground: true, margin: { top: '15mm', bottom: '15mm', left: '12mm', right: '12mm' } });
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

export type ReportService = ReturnType<typeof createReportService>;
