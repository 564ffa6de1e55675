/** /api/v1/auth: sign in (password, demo role, OpenID Connect), sign out, who am I, API tokens, accepting an invitation. */
import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ADMIN_ROLES, ROLES } from '../../domain/access.ts';
import { NotFoundError, TooManyRequestsError, UnauthorizedError } from '../../domain/errors.ts';
import type { AuthService } from '../../services/auth/auth.service.ts';
import type { InvitationService } from '../../services/invitation.service.ts';
import type { OidcService } from '../../services/auth/oidc.service.ts';
import { SESSION_COOKIE } from '../auth.ts';
import { SessionList } from '../schemas/auth.schemas.ts';
import { InvitationAccept, InvitationPreview } from '../schemas/invitations.schemas.ts';
import { IsoDateTime, Problem, Uuid } from '../schemas/common.ts';

const PrincipalSchema = z
  .object({
    kind: z.enum(['user', 'token', 'anonymous']),
    userId: z.string().nullable(),
    name: z.string(),
    role: z.enum(ROLES),
    organisationId: z.string().nullable(),
    gemeenteCode: z.string().nullable(),
    regionId: z.string().nullable(),
    provincieCode: z.string().nullable(),
  })
  .meta({ id: 'Principal' });
const Me = z
  .object({
    principal: PrincipalSchema,
    email: z.string().optional().describe('Your e-mail address (only with a browser session; the account page shows it)'),
    csrfToken: z.string().nullable().describe('Send as X-CSRF-Token on every change made with the session cookie'),
    demo: z.boolean().describe('Signed in as a demo role: clearly mark the UI'),
    demoModeAvailable: z.boolean(),
    oidcAvailable: z.boolean(),
  })
  .meta({ id: 'Me' });

const TokenList = z
  .object({
    items: z.array(z.object({ id: Uuid, name: z.string(), createdAt: IsoDateTime, lastUsedAt: IsoDateTime.nullable() })),
  })
  .meta({ id: 'ApiTokenList' });

/** Sign-in attempts per client address per minute (failed attempts per e-mail address: see the auth service). */
export const SIGN_IN_ATTEMPTS_PER_CLIENT = 30;

/** The invitation token in a link: 32 random bytes, base64url. */
const InvitationToken = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, { message: 'Deze uitnodigingslink is niet compleet.' });

export function authRoutes(deps: {
  auth: AuthService;
  oidc: OidcService | null;
  invitations: InvitationService;
  secureCookies: boolean;
}): FastifyPluginAsyncZod {
  const { auth, oidc, invitations } = deps;
  const cookieOptions = (maxAgeSeconds: number) => ({
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: deps.secureCookies,
    maxAge: maxAgeSeconds,
  });
  const sessionSeconds = auth.options.sessionHours * 3600;

  return async (app) => {
    // Sign-in attempts are limited per client address here (req.ip: the proxy's header counts only with
    // TRUST_PROXY), and failed attempts per e-mail address in the auth service, to slow down guessing.
    await app.register(rateLimit, {
      global: false,
      errorResponseBuilder: (_req, context) =>
        new TooManyRequestsError(
          `Te veel inlogpogingen vanaf dit adres. Probeer het over ${Math.ceil(context.ttl / 1000)} seconden opnieuw.`,
          Math.ceil(context.ttl / 1000),
        ),
    });

    app.get('/auth/me', {
      config: { access: 'public' },
      schema: { tags: ['auth'], summary: 'Who is signed in (the public when nobody)', response: { 200: Me } },
      handler: async (req) => {
        const session = req.sessionToken ? await auth.sessionPrincipal(req.sessionToken) : null;
        return {
          principal: req.principal,
          ...(session ? { email: session.email } : {}),
          csrfToken: session?.csrfToken ?? null,
          demo: session?.demo ?? false,
          demoModeAvailable: auth.options.demoMode,
          oidcAvailable: oidc !== null,
        };
      },
    });

    app.post('/auth/login', {
      config: {
        access: 'public',
        // The body is not read yet when this limit is checked: the key is the client address only.
        rateLimit: { max: SIGN_IN_ATTEMPTS_PER_CLIENT, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with e-mail address and password; sets the session cookie',
        body: z.object({ email: z.string().max(320), password: z.string().max(200) }),
        response: { 200: Me, 400: Problem, 401: Problem, 429: Problem },
      },
      handler: async (req, reply) => {
        const s = await auth.signIn(req.body.email, req.body.password, req.headers['user-agent'] ?? null);
        reply.setCookie(SESSION_COOKIE, s.token, cookieOptions(sessionSeconds));
        return {
          principal: s.principal,
          email: s.email,
          csrfToken: s.csrfToken,
          demo: false,
          demoModeAvailable: auth.options.demoMode,
          oidcAvailable: oidc !== null,
        };
      },
    });

    app.post('/auth/demo', {
      config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Demo mode: sign in as one of the demo roles (only when demo mode is on)',
        body: z.object({ role: z.enum(ROLES).exclude(['publiek']) }),
        response: { 200: Me, 400: Problem, 403: Problem, 404: Problem },
      },
      handler: async (req, reply) => {
        const s = await auth.signInDemo(req.body.role, req.headers['user-agent'] ?? null);
        reply.setCookie(SESSION_COOKIE, s.token, cookieOptions(sessionSeconds));
        return { principal: s.principal, email: s.email, csrfToken: s.csrfToken, demo: true, demoModeAvailable: true, oidcAvailable: oidc !== null };
      },
    });

    app.post('/auth/logout', {
      config: { access: 'public' },
      schema: { tags: ['auth'], summary: 'Sign out', response: { 204: z.null() } },
      handler: async (req, reply) => {
        if (req.sessionToken) await auth.signOut(req.sessionToken);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.code(204).send(null);
      },
    });

    app.post('/auth/tokens', {
      config: { access: 'signed-in' },
      // Refused to an API token before the body is read (like the access rule itself).
      onRequest: async (req) => auth.assertMayCreateTokens(req.principal),
      schema: {
        tags: ['auth'],
        summary:
          'Create an API token acting as you (for quarterly submissions from your own system); shown once. Only with a browser session, not with an API token',
        body: z.object({ name: z.string().trim().min(1).max(100) }),
        response: { 201: z.object({ id: Uuid, name: z.string(), token: z.string() }), 400: Problem, 401: Problem, 403: Problem },
      },
      handler: async (req, reply) => reply.code(201).send(await auth.createApiToken(req.principal, req.body.name, req.via)),
    });

    app.get('/auth/tokens', {
      config: { access: 'signed-in' },
      schema: { tags: ['auth'], summary: 'Your API tokens that still work (never the token itself)', response: { 200: TokenList, 401: Problem } },
      handler: async (req) => ({ items: await auth.listApiTokens(req.principal) }),
    });

    app.get('/users/:userId/tokens', {
      config: { access: ADMIN_ROLES },
      schema: {
        tags: ['auth'],
        summary: "Administrator: an account's API tokens that still work (never the token itself)",
        params: z.object({ userId: Uuid }),
        response: { 200: TokenList, 401: Problem, 403: Problem, 404: Problem },
      },
      handler: async (req) => ({ items: await auth.listApiTokens(req.principal, req.params.userId) }),
    });

    app.delete('/auth/tokens/:id', {
      config: { access: 'signed-in' },
      schema: {
        tags: ['auth'],
        summary: "Revoke one of your API tokens (an administrator: anyone's); recorded in the audit trail",
        params: z.object({ id: Uuid }),
        response: { 204: z.null(), 401: Problem, 404: Problem },
      },
      handler: async (req, reply) => {
        await auth.revokeApiToken(req.principal, req.params.id, req.via);
        return reply.code(204).send(null);
      },
    });

    app.get('/auth/sessions', {
      config: { access: 'signed-in' },
      schema: {
        tags: ['auth'],
        summary: 'Your browser sessions that still work, the current one marked (never a secret)',
        description:
          'Only with a browser session (the session cookie): an API token has no session and gets 403, as it may not create API tokens either.',
        response: { 200: SessionList, 401: Problem, 403: Problem },
      },
      handler: async (req) => ({ items: await auth.listSessions(req.principal, req.sessionToken) }),
    });

    app.delete('/auth/sessions/:id', {
      config: { access: 'signed-in' },
      schema: {
        tags: ['auth'],
        summary: 'End one of your browser sessions (ending the current one signs you out); recorded in the audit trail',
        description:
          "Only with a browser session (403 with an API token). Someone else's session answers 404, exactly as an unknown id: " +
          "an administrator ends other people's sessions by deactivating their account.",
        params: z.object({ id: Uuid }),
        response: { 204: z.null(), 401: Problem, 403: Problem, 404: Problem },
      },
      handler: async (req, reply) => {
        const { current } = await auth.endSession(req.principal, req.params.id, req.sessionToken, req.via);
        if (current) reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.code(204).send(null);
      },
    });

    app.get('/auth/invitations/:token', {
      config: { access: 'public', rateLimit: { max: SIGN_IN_ATTEMPTS_PER_CLIENT, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'What an invitation link is for (who invites, name, e-mail, role, gemeente / table / organisation, until when); no sign-in needed',
        description: 'Unknown link: 404. Used, withdrawn or expired: 410, with the reason in Dutch.',
        params: z.object({ token: InvitationToken }),
        response: { 200: InvitationPreview, 400: Problem, 404: Problem, 410: Problem, 429: Problem },
      },
      handler: async (req) => invitations.preview(req.params.token),
    });

    app.post('/auth/invitations/:token/accept', {
      config: { access: 'public', rateLimit: { max: SIGN_IN_ATTEMPTS_PER_CLIENT, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary:
          "Accept an invitation with a password of one's own: the account is made with the invitation's role and scope, and signed in (session cookie)",
        description:
          'The link works once: a second use answers 410. Password rules as for every account (422 on password). ' +
          'An e-mail address that got an account meanwhile: 409 on email. Recorded in the audit trail.',
        params: z.object({ token: InvitationToken }),
        body: InvitationAccept,
        response: { 201: Me, 400: Problem, 404: Problem, 409: Problem, 410: Problem, 422: Problem, 429: Problem },
      },
      handler: async (req, reply) => {
        const user = await invitations.acceptWithPassword(req.params.token, req.body.password);
        const s = await auth.startSessionFor(user, 'password', req.headers['user-agent'] ?? null);
        reply.setCookie(SESSION_COOKIE, s.token, cookieOptions(sessionSeconds));
        return reply.code(201).send({
          principal: s.principal,
          email: s.email,
          csrfToken: s.csrfToken,
          demo: s.demo,
          demoModeAvailable: auth.options.demoMode,
          oidcAvailable: oidc !== null,
        });
      },
    });

    app.get('/auth/oidc/login', {
      config: { access: 'public', rateLimit: { max: SIGN_IN_ATTEMPTS_PER_CLIENT, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary:
          'Start OpenID Connect sign-in (redirects to the identity provider); with ?invitation=<token> the account is made from that invitation',
        querystring: z.object({ invitation: InvitationToken.optional() }),
        response: { 302: z.null(), 400: Problem, 404: Problem, 410: Problem, 429: Problem },
      },
      handler: async (req, reply) => {
        if (!oidc) throw new NotFoundError('Inlogmethode', 'OpenID Connect (niet ingesteld)');
        // An invitation is checked before leaving for the provider, and carried through the state cookie.
        if (req.query.invitation) await invitations.preview(req.query.invitation);
        const { url, state } = await oidc.start();
        const cookieState = req.query.invitation ? `${state}.${req.query.invitation}` : state;
        reply.setCookie('wbm_oidc', cookieState, { ...cookieOptions(600), path: '/api/v1/auth/oidc' });
        return reply.redirect(url);
      },
    });

    app.get('/auth/oidc/callback', {
      config: { access: 'public' },
      schema: { tags: ['auth'], summary: 'OpenID Connect redirect target', response: { 302: z.null(), 401: Problem, 404: Problem } },
      handler: async (req, reply) => {
        if (!oidc) throw new NotFoundError('Inlogmethode', 'OpenID Connect (niet ingesteld)');
        const state = req.cookies.wbm_oidc;
        if (!state) throw new UnauthorizedError('De inlogpoging is verlopen. Probeer het opnieuw.');
        const search = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
        // state.verifier[.invitation token]: with an invitation, the account is made from it and linked to this identity.
        const invitation = state.split('.')[2];
        const user = invitation ? await invitations.acceptWithOidc(invitation, await oidc.identify(search, state)) : await oidc.finish(search, state);
        const s = await auth.startSessionFor(user, 'oidc', req.headers['user-agent'] ?? null);
        reply.clearCookie('wbm_oidc', { path: '/api/v1/auth/oidc' });
        reply.setCookie(SESSION_COOKIE, s.token, cookieOptions(sessionSeconds));
        return reply.redirect('/');
      },
    });
  };
}
