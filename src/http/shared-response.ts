/**
 * One response body for many callers (issue 15 goals 1–2): figures that are the same for every caller who may
 * see them (a Tafeloverzicht in the full view, per data version) are serialised with the route's schema once and
 * compressed once per encoding, then sent as bytes. Keyed by the identity of the cached figures object (a
 * WeakMap: when the figure cache drops the figures, the bodies go too) and a variant string naming everything
 * else the body depends on. The caller decides who may get the shared body; access is never decided here.
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Bodies under this size are sent as they are (as @fastify/compress does, see app.ts). */
const THRESHOLD = 1024;

type Encoding = 'br' | 'gzip' | 'identity';

/** The encoding to send: br, else gzip, else none, as the client's Accept-Encoding allows (q=0 refuses). */
export function negotiateEncoding(header: string | undefined): Encoding {
  if (!header) return 'identity';
  const accepted = new Map<string, number>();
  for (const part of header.split(',')) {
    const [token = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
    accepted.set(token.trim(), q ? Number(q[1]) : 1);
  }
  const weight = (e: string) => accepted.get(e) ?? accepted.get('*') ?? 0;
  if (weight('br') > 0) return 'br';
  if (weight('gzip') > 0) return 'gzip';
  return 'identity';
}

export function createSharedResponses() {
  const bodies = new WeakMap<object, Map<string, Buffer>>();
  return {
    /** Sends `build()` as JSON; the body (and each compressed form) is made once per `owner` and `variant`. */
    send(request: FastifyRequest, reply: FastifyReply, owner: object, variant: string, build: () => unknown): FastifyReply {
      let forOwner = bodies.get(owner);
      if (!forOwner) bodies.set(owner, (forOwner = new Map()));
      const jsonKey = `${variant}|json`;
      let json = forOwner.get(jsonKey);
      if (!json) forOwner.set(jsonKey, (json = Buffer.from(reply.serialize(build()) as string)));
      const encoding = json.byteLength < THRESHOLD ? 'identity' : negotiateEncoding(request.headers['accept-encoding']);
      reply.header('vary', 'accept-encoding').type('application/json; charset=utf-8');
      if (encoding === 'identity') return reply.send(json);
      const key = `${variant}|${encoding}`;
      let body = forOwner.get(key);
      if (!body) {
        body = encoding === 'br' ? brotliCompressSync(json, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }) : gzipSync(json);
        forOwner.set(key, body);
      }
      return reply.header('content-encoding', encoding).send(body);
    },
  };
}
