/**
 * Authentication and endpoint access for the HTTP layer (SPEC §7).
 * - Every route under /api/v1 must declare `config.access`; the app refuses to start otherwise,
 *   so a new endpoint cannot be added without a rule.
 * - A request is identified by an API token (`Authorization: Bearer wbm_…`, for systems) or a session
 *   cookie (the browser). Requests that change something with a session cookie must carry the session's
 *   CSRF token in `X-CSRF-Token`.
 * - Resource-level rules (own gemeente, own table, party to the project) are applied by the services.
 */
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ANONYMOUS, requireEndpointAccess, type EndpointAccess, type Principal } from '../domain/access.ts';
import { ForbiddenError, UnauthorizedError } from '../domain/errors.ts';
import type { AuthService } from '../services/auth/auth.service.ts';
import type { Actor, Via } from '../domain/audit.ts';

/** Who may call an endpoint: anyone, anyone signed in, or a role group exported by src/domain/access.ts. */
export type Access = EndpointAccess;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    principal: Principal;
    via: Via;
    sessionToken: string | null;
  }
}

export const SESSION_COOKIE = 'wbm_session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface RouteRule {
  method: string;
  url: string;
  access: Access;
}

/** Every API route with its access rule, for the authorisation matrix test and the docs. */
export const ROUTE_RULES: RouteRule[] = [];

export const authPlugin = fp<{ auth: AuthService; prefix: string; secureCookies: boolean }>(async (app: FastifyInstance, opts) => {
  await app.register(cookie);
  app.decorateRequest('principal', null as unknown as Principal);
  app.decorateRequest('via', 'api');
  app.decorateRequest('sessionToken', null);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith(opts.prefix) || route.method === 'HEAD' || route.url.endsWith('/openapi.json')) return;
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${String(route.method)} ${route.url} has no access rule (config.access).`);
    for (const method of [route.method].flat()) ROUTE_RULES.push({ method: String(method), url: route.url, access });
  });

  app.addHook('onRequest', async (request: FastifyRequest) => {
    request.principal = ANONYMOUS;
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      const principal = await opts.auth.tokenPrincipal(header.slice(7).trim());
      if (!principal) throw new UnauthorizedError('Het API-token is onbekend of ingetrokken.');
      request.principal = principal;
      request.via = 'api';
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await opts.auth.sessionPrincipal(token);
    if (!session) return; // expired: treat as signed out
    if (UNSAFE.has(request.method) && request.headers['x-csrf-token'] !== session.csrfToken) {
      throw new ForbiddenError('Het formulier is verlopen of niet vanuit deze site verstuurd (CSRF-controle). Laad de pagina opnieuw.');
    }
    request.principal = session.principal;
    request.via = 'ui';
    request.sessionToken = token;
  });

  // The endpoint's access rule is checked right after the caller is known, before the body is read,
  // parsed or validated: the public and wrong roles learn nothing from validation errors and cost no
  // parsing work (issue 8 item 11).
  app.addHook('onRequest', async (request) => {
    assertEndpointAccess(request.routeOptions.config?.access, request.principal);
  });
});

/** Refuses a caller the endpoint's access rule does not admit: 401 for the public, 403 for a wrong role (src/domain/access.ts). */
export const assertEndpointAccess: (access: Access | undefined, principal: Principal) => void = requireEndpointAccess;

/** Actor for the services: who does it, and through which channel. */
export function actorOf(request: FastifyRequest): Actor {
  return { principal: request.principal, via: request.via };
}
