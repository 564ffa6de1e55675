/** Serves the web pages (plain HTML + JS in `web/public`) from the same server. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyPluginAsync } from 'fastify';

const WEB_DIR = join(import.meta.dirname, '..', '..', '..', 'web', 'public');

const FILES: Record<string, string> = {
  '/': 'index.html',
  '/app.js': 'app.js',
  '/style.css': 'style.css',
};
const TYPES: Record<string, string> = { html: 'text/html; charset=utf-8', js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8' };

export function webRoutes(): FastifyPluginAsync {
  return async (app) => {
    for (const [url, file] of Object.entries(FILES)) {
      app.get(url, { schema: { hide: true } }, async (_req, reply) => {
        const body = readFileSync(join(WEB_DIR, file));
        return reply.type(TYPES[file.split('.').pop()!]).send(body);
      });
    }
  };
}
