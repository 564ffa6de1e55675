/**
 * Security headers on every response (issue 8 item 12):
 * - Content-Security-Policy: scripts only from this site (no inline script: index.html has none), no
 *   plugins, nobody may frame the pages (`frame-ancestors 'none'`, against clickjacking), forms and
 *   fetches only to this site. Styles allow 'unsafe-inline' because the map (MapLibre) and the charts
 *   (ECharts) write style attributes into their HTML; styles cannot run code. The map's web worker is
 *   started from a blob: URL, hence `worker-src blob:`; map and chart images may be data:/blob: URLs.
 * - X-Content-Type-Options: nosniff (a file is only ever what its Content-Type says).
 * - Referrer-Policy: same-origin (addresses of pages, which may name a project, do not leave the site).
 * The Swagger UI (/api/v1/docs) and the PDF renderer (headless Chromium loading the report page) work
 * under the same policy.
 */
import type { FastifyInstance } from 'fastify';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "child-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      if (!reply.hasHeader(name)) reply.header(name, value);
    }
    return payload;
  });
}
