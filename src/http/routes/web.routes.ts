/**
 * Serves the web application: the Vite build in `web/dist` (`npm run build:web`). Files that exist
 * are sent as they are (hashed assets cached for a year); any other GET outside /api gets
 * index.html, so the client-side routes (/projecten/…, /kaart) work on reload and as links.
 */
import { existsSync, statSync } from 'node:fs';
import { extname, join, posix } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { REPO_ROOT } from '../../paths.ts';

export const WEB_DIST_DIR = join(REPO_ROOT, 'web', 'dist');

const ONE_YEAR_MS = 365 * 24 * 3600 * 1000;

export interface WebRoutesOptions {
  /** Directory of the built web app; defaults to `web/dist` in the repository. */
  distDir?: string;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export function webRoutes({ distDir = WEB_DIST_DIR }: WebRoutesOptions = {}): FastifyPluginAsync {
  return async (app) => {
    // Only the reply.sendFile decorator: the catch-all route below decides what to send.
    await app.register(fastifyStatic, { root: distDir, serve: false, suppressWarning: true });

    const sendIndex = (reply: FastifyReply) => {
      if (!existsSync(join(distDir, 'index.html'))) {
        return reply
          .code(503)
          .type('text/plain; charset=utf-8')
          .send('De webapplicatie is nog niet gebouwd. Voer `npm run build:web` uit (of start met `npm start`). De API werkt wel: /api/v1');
      }
      // index.html names the hashed assets of the current build: never cache it.
      return reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
    };

    app.get('/*', { schema: { hide: true } }, async (request, reply) => {
      let pathname: string;
      try {
        pathname = decodeURIComponent(request.url.split('?')[0] ?? '');
      } catch {
        return reply.callNotFound();
      }
      // Unknown API paths keep their problem+json 404.
      if (pathname === '/api' || pathname.startsWith('/api/')) return reply.callNotFound();

      const relative = posix.normalize(pathname).replace(/^\/+/, '');
      if (relative.split('/').includes('..') || relative.includes('\0')) return reply.callNotFound();
      if (relative && isFile(join(distDir, relative))) {
        const hashed = relative.startsWith('assets/');
        return reply.sendFile(relative, hashed ? { maxAge: ONE_YEAR_MS, immutable: true } : { maxAge: 0 });
      }
      // A missing file (e.g. an asset of an older build) is a real 404, not the app page.
      if (extname(relative)) return reply.callNotFound();
      return sendIndex(reply);
    });
  };
}
