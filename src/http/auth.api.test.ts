/**
 * Sign-in (SPEC §7; issue: accounts and sessions): password sign-in with a session cookie, CSRF
 * protection on changes, rate-limited sign-in, demo sign-in, API tokens, and OpenID Connect against a
 * local mock identity provider.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { at, take } from '../../test/helpers/present.ts';
import { TEST_AUTH_OPTIONS } from '../../test/helpers/auth.ts';
import { createTestDb, type TestDb } from '../../test/helpers/test-db.ts';
import { sha256 } from '../services/auth/auth.service.ts';
import { createServices, type Services } from '../services/container.ts';
import { buildApp } from './app.ts';
import { SESSION_COOKIE } from './auth.ts';

let t: TestDb;
let app: FastifyInstance;
let services: Services;
let idp: Server;
let issuer = '';
const PASSWORD = 'correct horse battery staple';
const REDIRECT = 'http://localhost/api/v1/auth/oidc/callback';

/** A minimal OpenID provider: discovery, JWKS, and a token endpoint that checks PKCE. */
async function startMockIdp(): Promise<void> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  const codes = new Map<string, { challenge: string; email: string; sub: string }>();
  idp = createServer(async (req, res) => {
    const url = new URL(req.url!, issuer);
    const json = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/.well-known/openid-configuration') {
      return json({
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
      });
    }
    if (url.pathname === '/jwks') return json({ keys: [jwk] });
    if (url.pathname === '/authorize') {
      // The test plays the user: ?login=<email> decides who signs in.
      const code = randomBytes(8).toString('hex');
      codes.set(code, {
        challenge: url.searchParams.get('code_challenge')!,
        email: url.searchParams.get('login')!,
        sub: `sub-${url.searchParams.get('login')}`,
      });
      res.writeHead(302, { location: `${url.searchParams.get('redirect_uri')}?code=${code}&state=${url.searchParams.get('state')}` });
      return res.end();
    }
    if (url.pathname === '/token') {
      let body = '';
      for await (const chunk of req) body += chunk;
      const form = new URLSearchParams(body);
      const grant = codes.get(form.get('code') ?? '');
      const verifier = form.get('code_verifier') ?? '';
      if (!grant || createHash('sha256').update(verifier).digest('base64url') !== grant.challenge) {
        res.writeHead(400, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ error: 'invalid_grant' }));
      }
      const idToken = await new SignJWT({ email: grant.email, email_verified: true })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setIssuer(issuer)
        .setAudience('wbm')
        .setSubject(grant.sub)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(privateKey);
      return json({ access_token: 'at', token_type: 'Bearer', expires_in: 300, id_token: idToken });
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => idp.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  await startMockIdp();
  t = await createTestDb();
  services = createServices(t.db, {
    auth: TEST_AUTH_OPTIONS,
    oidc: { issuer, clientId: 'wbm', clientSecret: 'secret', redirectUri: REDIRECT, allowHttp: true },
  });
  app = await buildApp({ services });
  await services.auth.createUser({
    email: 'Editor@Amsterdam.example',
    name: 'Edith Editor',
    password: PASSWORD,
    role: 'gemeente_editor',
    gemeenteCode: 'GM0363',
    organisationId: null,
    regionId: null,
    provincieCode: null,
  });
  await services.auth.createUser({
    email: 'analist@vro.example',
    name: 'Anna Analist',
    password: null,
    role: 'ministerie_analist',
    gemeenteCode: null,
    organisationId: null,
    regionId: null,
    provincieCode: null,
  });
  await services.auth.ensureDemoUsers();
});
afterAll(async () => {
  await app?.close();
  await t?.close();
  idp?.close();
});

function sessionCookie(res: { cookies: Array<{ name: string; value: string; httpOnly?: boolean; sameSite?: string }> }) {
  return res.cookies.find((c) => c.name === SESSION_COOKIE);
}

describe('password sign-in and sessions', () => {
  it('signs in with a session cookie that is HttpOnly and SameSite, and /auth/me shows who it is', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'editor@amsterdam.example', password: PASSWORD } });
    expect(res.statusCode, res.body).toBe(200);
    const cookie = sessionCookie(res)!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    const me = await app.inject({ url: '/api/v1/auth/me', cookies: { [SESSION_COOKIE]: cookie.value } });
    expect(me.json()).toMatchObject({ principal: { name: 'Edith Editor', role: 'gemeente_editor' }, demo: false });
    expect(me.json().csrfToken).toBeTruthy();
  });

  it('refuses a wrong password without saying whether the account exists', async () => {
    const wrong = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'editor@amsterdam.example', password: 'nope' } });
    const unknown = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'nobody@example.invalid', password: 'nope' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(unknown.json().detail);
  });

  it('requires the CSRF token for changes made with the session cookie', async () => {
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'editor@amsterdam.example', password: PASSWORD } });
    const cookies = { [SESSION_COOKIE]: sessionCookie(login)!.value };
    const body = { name: 'CSRF-test', gemeenteCode: 'GM0363', planStatus: 'visie' };
    const without = await app.inject({ method: 'POST', url: '/api/v1/projects', cookies, payload: body });
    expect(without.statusCode).toBe(403);
    expect(without.json().detail).toContain('CSRF');
    const withToken = await app.inject({
      method: 'POST',
      url: '/api/v1/projects',
      cookies,
      headers: { 'x-csrf-token': login.json().csrfToken },
      payload: body,
    });
    expect(withToken.statusCode, withToken.body).toBe(201);
    const trail = await app.inject({ url: `/api/v1/projects/${withToken.json().id}/audit`, cookies });
    expect(trail.json().items[0]).toMatchObject({ actorName: 'Edith Editor', via: 'ui', action: 'aangemaakt' });
  });

  it('signs out: the session no longer works', async () => {
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'editor@amsterdam.example', password: PASSWORD } });
    const cookies = { [SESSION_COOKIE]: sessionCookie(login)!.value };
    await app.inject({ method: 'POST', url: '/api/v1/auth/logout', cookies, headers: { 'x-csrf-token': login.json().csrfToken } });
    expect((await app.inject({ url: '/api/v1/organisations', cookies })).statusCode).toBe(401);
  });

  it('rate-limits sign-in attempts per address and account', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push(
        (
          await app.inject({
            method: 'POST',
            url: '/api/v1/auth/login',
            remoteAddress: '10.9.9.9',
            payload: { email: 'victim@example.invalid', password: `guess${i}` },
          })
        ).statusCode,
      );
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  // Issue 8 item 9: the limit used to be keyed before the body was read, so it ignored the e-mail address.
  it('limits failed sign-ins per e-mail address, from whatever client address they come', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: `10.20.0.${i + 1}`,
        payload: { email: ` Target${i % 2 ? '' : '@'}@Example.invalid `.replace('@@', '@'), password: `guess${i}` },
      });
      statuses.push(res.statusCode);
      if (res.statusCode === 429) {
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
        expect(res.json().detail).toContain('Te veel mislukte inlogpogingen');
      }
    }
    expect(statuses).toEqual([...Array(10).fill(401), 429]);
    // The right password does not get through while the address is blocked (no oracle either).
    await services.auth.createUser({
      email: 'blocked@example.invalid',
      name: 'Geblokkeerd',
      password: PASSWORD,
      role: 'gemeente_editor',
      gemeenteCode: 'GM0363',
      organisationId: null,
      regionId: null,
      provincieCode: null,
    });
    for (let i = 0; i < 10; i++)
      await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: `10.21.0.${i + 1}`,
        payload: { email: 'blocked@example.invalid', password: 'fout' },
      });
    const right = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: '10.21.1.1',
      payload: { email: 'blocked@example.invalid', password: PASSWORD },
    });
    expect(right.statusCode).toBe(429);
  });

  it('limits sign-in attempts per client address, whatever the e-mail address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      statuses.push(
        (
          await app.inject({
            method: 'POST',
            url: '/api/v1/auth/login',
            remoteAddress: '10.30.0.1',
            payload: { email: `spray${i}@example.invalid`, password: 'x' },
          })
        ).statusCode,
      );
    }
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    const refused = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: '10.30.0.1',
      payload: { email: 'spray@example.invalid', password: 'x' },
    });
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json().detail).toMatch(/^Te veel inlogpogingen vanaf dit adres\. Probeer het over \d+ seconden opnieuw\.$/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('takes the client address from X-Forwarded-For only when TRUST_PROXY is set', async () => {
    const attempts = async (target: FastifyInstance, prefix: string) => {
      const statuses: number[] = [];
      for (let i = 0; i < 31; i++) {
        const res = await target.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          remoteAddress: '10.40.0.1',
          headers: { 'x-forwarded-for': `192.0.2.${i + 1}` },
          payload: { email: `${prefix}${i}@example.invalid`, password: 'x' },
        });
        statuses.push(res.statusCode);
      }
      return statuses;
    };
    // Not configured: the forwarded header is ignored, so it cannot be used to dodge the limit.
    expect((await attempts(app, 'direct')).at(-1)).toBe(429);
    const proxied = await buildApp({ services, trustProxy: true });
    try {
      // Behind a trusted proxy: each client has its own limit, so one client does not lock out everyone.
      expect(await attempts(proxied, 'proxied')).toEqual(Array(31).fill(401));
    } finally {
      await proxied.close();
    }
  });
});

describe('demo mode and API tokens', () => {
  it('signs in as a demo role, marked as demo', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/demo', payload: { role: 'tafel_secretaris' } });
    expect(res.json()).toMatchObject({ demo: true, principal: { role: 'tafel_secretaris', regionId: 'vt-amsterdam-e-o' } });
  });

  it('issues API tokens that act as the account and can be revoked', async () => {
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'editor@amsterdam.example', password: PASSWORD } });
    const cookies = { [SESSION_COOKIE]: sessionCookie(login)!.value };
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      cookies,
      headers: { 'x-csrf-token': login.json().csrfToken },
      payload: { name: 'ERP-koppeling' },
    });
    expect(created.statusCode).toBe(201);
    const bearer = { authorization: `Bearer ${created.json().token}` };
    // Issue 8 item 10: a token cannot make tokens (they would outlive its revocation).
    const child = await app.inject({ method: 'POST', url: '/api/v1/auth/tokens', headers: bearer, payload: { name: 'kind' } });
    expect(child.statusCode).toBe(403);
    expect(child.headers['content-type']).toContain('application/problem+json');
    expect(child.json().detail).toContain('in de browser');
    const me = await app.inject({ url: '/api/v1/auth/me', headers: bearer });
    expect(me.json().principal).toMatchObject({ kind: 'token', name: 'Edith Editor' });
    const viaApi = await app.inject({
      method: 'POST',
      url: '/api/v1/projects',
      headers: bearer,
      payload: { name: 'Via API', gemeenteCode: 'GM0363', planStatus: 'visie' },
    });
    expect((await app.inject({ url: `/api/v1/projects/${viaApi.json().id}/audit`, headers: bearer })).json().items[0].via).toBe('api');
    await app.inject({ method: 'DELETE', url: `/api/v1/auth/tokens/${created.json().id}`, headers: bearer });
    expect((await app.inject({ url: '/api/v1/projects', headers: bearer })).statusCode).toBe(401);
  });
});

describe('listing and revoking API tokens (issue 8 item 10)', () => {
  async function signedIn(email: string, password = PASSWORD) {
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
    expect(login.statusCode, login.body).toBe(200);
    return { cookies: { [SESSION_COOKIE]: sessionCookie(login)!.value }, headers: { 'x-csrf-token': login.json().csrfToken as string } };
  }

  it('a user lists their own tokens without the secret, and revokes them; the audit trail records both', async () => {
    await services.auth.createUser({
      email: 'lijst@example.invalid',
      name: 'Lies Lijst',
      password: PASSWORD,
      role: 'gemeente_editor',
      gemeenteCode: 'GM0363',
      organisationId: null,
      regionId: null,
      provincieCode: null,
    });
    const s = await signedIn('lijst@example.invalid');
    const a = (await app.inject({ method: 'POST', url: '/api/v1/auth/tokens', ...s, payload: { name: 'Koppeling A' } })).json();
    const b = (await app.inject({ method: 'POST', url: '/api/v1/auth/tokens', ...s, payload: { name: 'Koppeling B' } })).json();
    await app.inject({ url: '/api/v1/auth/me', headers: { authorization: `Bearer ${a.token}` } }); // records last use
    const list = await app.inject({ url: '/api/v1/auth/tokens', cookies: s.cookies });
    expect(list.statusCode, list.body).toBe(200);
    const items = list.json().items as Array<Record<string, unknown>>;
    expect(items.map((i) => i.name).sort()).toEqual(['Koppeling A', 'Koppeling B']);
    expect(items.find((i) => i.id === a.id)).toMatchObject({ lastUsedAt: expect.any(String), createdAt: expect.any(String) });
    expect(items.find((i) => i.id === b.id)).toMatchObject({ lastUsedAt: null });
    expect(list.body).not.toContain(a.token);
    expect(list.body).not.toContain(a.token.slice(4));
    expect(Object.keys(at(items, 0)).sort()).toEqual(['createdAt', 'id', 'lastUsedAt', 'name']);

    // Someone else cannot revoke it (answers as unknown).
    const other = await signedIn('editor@amsterdam.example');
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/auth/tokens/${a.id}`, ...other })).statusCode).toBe(404);
    expect((await app.inject({ url: '/api/v1/auth/me', headers: { authorization: `Bearer ${a.token}` } })).statusCode).toBe(200);

    expect((await app.inject({ method: 'DELETE', url: `/api/v1/auth/tokens/${a.id}`, ...s })).statusCode).toBe(204);
    expect((await app.inject({ url: '/api/v1/auth/me', headers: { authorization: `Bearer ${a.token}` } })).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/v1/auth/tokens', cookies: s.cookies })).json().items.map((i: { id: string }) => i.id)).toEqual([b.id]);

    const trail = await services.repositories.audit.forEntity(t.db, 'api_token', a.id);
    expect(trail.map((e) => [e.action, e.actorName, e.via])).toEqual([
      ['ingetrokken', 'Lies Lijst', 'ui'],
      ['aangemaakt', 'Lies Lijst', 'ui'],
    ]);
    expect(JSON.stringify(trail)).not.toContain(a.token);
  });

  it("an administrator lists and revokes anyone's tokens; others may not list someone else's", async () => {
    const owner = await services.auth.createUser({
      email: 'eigenaar@example.invalid',
      name: 'Eva Eigenaar',
      password: PASSWORD,
      role: 'marktpartij_editor',
      gemeenteCode: null,
      organisationId: null,
      regionId: null,
      provincieCode: null,
    });
    await services.auth.createUser({
      email: 'beheer@example.invalid',
      name: 'Bert Beheer',
      password: PASSWORD,
      role: 'beheerder',
      gemeenteCode: null,
      organisationId: null,
      regionId: null,
      provincieCode: null,
    });
    const o = await signedIn('eigenaar@example.invalid');
    const token = (await app.inject({ method: 'POST', url: '/api/v1/auth/tokens', ...o, payload: { name: 'ERP' } })).json();
    const admin = await signedIn('beheer@example.invalid');
    const listed = await app.inject({ url: `/api/v1/users/${owner.userId}/tokens`, cookies: admin.cookies });
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json().items).toEqual([expect.objectContaining({ id: token.id, name: 'ERP' })]);
    expect((await app.inject({ url: `/api/v1/users/${owner.userId}/tokens`, cookies: o.cookies })).statusCode).toBe(403);
    expect((await app.inject({ url: `/api/v1/users/${crypto.randomUUID()}/tokens`, cookies: admin.cookies })).statusCode).toBe(404);

    expect((await app.inject({ method: 'DELETE', url: `/api/v1/auth/tokens/${token.id}`, ...admin })).statusCode).toBe(204);
    expect((await app.inject({ url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token.token}` } })).statusCode).toBe(401);
    const [entry] = await services.repositories.audit.forEntity(t.db, 'api_token', token.id);
    expect(entry).toMatchObject({ action: 'ingetrokken', actorName: 'Bert Beheer' });
  });
});

describe('listing and ending browser sessions (issue 11 item 3)', () => {
  async function signedIn(email: string, userAgent: string) {
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password: PASSWORD },
      headers: { 'user-agent': userAgent },
    });
    expect(login.statusCode, login.body).toBe(200);
    const token = sessionCookie(login)!.value;
    return { token, cookies: { [SESSION_COOKIE]: token }, headers: { 'x-csrf-token': login.json().csrfToken as string } };
  }

  it('each person sees their own sessions (the current one marked, no secret) and ends one; others answer as unknown', async () => {
    await services.auth.createUser({
      email: 'sessies@example.invalid',
      name: 'Sanne Sessie',
      password: PASSWORD,
      role: 'provincie_analist',
      gemeenteCode: null,
      organisationId: null,
      regionId: null,
      provincieCode: 'PV27',
    });
    const laptop = await signedIn('sessies@example.invalid', 'Laptop-browser/1.0');
    const phone = await signedIn('sessies@example.invalid', 'Telefoon-browser/2.0');
    const list = await app.inject({ url: '/api/v1/auth/sessions', cookies: laptop.cookies });
    expect(list.statusCode, list.body).toBe(200);
    const items = list.json().items as Array<Record<string, unknown>>;
    expect(items).toHaveLength(2);
    expect(Object.keys(at(items, 0)).sort()).toEqual(['createdAt', 'current', 'expiresAt', 'id', 'lastUsedAt', 'userAgent', 'via']);
    const mine = items.find((i) => i.current)!;
    const other = items.find((i) => !i.current)!;
    expect(mine).toMatchObject({ userAgent: 'Laptop-browser/1.0', via: 'password', lastUsedAt: expect.any(String) });
    expect(other).toMatchObject({ userAgent: 'Telefoon-browser/2.0', current: false });
    expect(Date.parse(String(mine.expiresAt))).toBeGreaterThan(Date.now());
    for (const secret of [laptop.token, phone.token, laptop.headers['x-csrf-token'], sha256(laptop.token)]) expect(list.body).not.toContain(secret);

    // Someone else's session answers exactly as an unknown one.
    const stranger = await signedIn('editor@amsterdam.example', 'Ander/1.0');
    const foreign = await app.inject({ method: 'DELETE', url: `/api/v1/auth/sessions/${String(other.id)}`, ...stranger });
    const unknownId = crypto.randomUUID();
    const unknown = await app.inject({ method: 'DELETE', url: `/api/v1/auth/sessions/${unknownId}`, ...stranger });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body.replaceAll(String(other.id), '<id>')).toBe(unknown.body.replaceAll(unknownId, '<id>'));
    const theirs = (await app.inject({ url: '/api/v1/auth/sessions', cookies: stranger.cookies })).json().items as Array<{ id: string }>;
    expect(theirs.map((i) => i.id)).not.toContain(other.id);
    expect(theirs.map((i) => i.id)).not.toContain(mine.id);

    // Ending the other session: its cookie signs nobody in any more; this one keeps working.
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/auth/sessions/${String(other.id)}`, ...laptop })).statusCode).toBe(204);
    expect((await app.inject({ url: '/api/v1/auth/tokens', cookies: phone.cookies })).statusCode).toBe(401);
    const after = (await app.inject({ url: '/api/v1/auth/sessions', cookies: laptop.cookies })).json().items as Array<{ id: string }>;
    expect(after.map((i) => i.id)).toEqual([mine.id]);
    const [entry] = await services.repositories.audit.forEntity(t.db, 'session', String(other.id));
    expect(entry).toMatchObject({ action: 'beëindigd', actorName: 'Sanne Sessie', via: 'ui' });

    // Ending the current session signs out: the cookie is cleared and no longer works.
    const ended = await app.inject({ method: 'DELETE', url: `/api/v1/auth/sessions/${String(mine.id)}`, ...laptop });
    expect(ended.statusCode).toBe(204);
    expect(sessionCookie(ended)?.value ?? '').toBe('');
    expect((await app.inject({ url: '/api/v1/auth/sessions', cookies: laptop.cookies })).statusCode).toBe(401);
  });

  it('an API token has no session: it may neither list nor end sessions (403), and the public gets 401', async () => {
    const s = await signedIn('editor@amsterdam.example', 'Browser/1.0');
    const { token } = (await app.inject({ method: 'POST', url: '/api/v1/auth/tokens', ...s, payload: { name: 'Koppeling' } })).json();
    const bearer = { authorization: `Bearer ${token as string}` };
    const listed = await app.inject({ url: '/api/v1/auth/sessions', headers: bearer });
    expect(listed.statusCode).toBe(403);
    expect(listed.headers['content-type']).toContain('application/problem+json');
    expect(listed.json().detail).toContain('niet met een API-token');
    const id = (await app.inject({ url: '/api/v1/auth/sessions', cookies: s.cookies })).json().items[0].id as string;
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/auth/sessions/${id}`, headers: bearer })).statusCode).toBe(403);
    expect((await app.inject({ url: '/api/v1/auth/sessions' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/auth/sessions/${id}` })).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/v1/auth/sessions', cookies: s.cookies })).statusCode).toBe(200);
  });
});

describe('OpenID Connect sign-in (authorization code + PKCE)', () => {
  async function oidcLogin(email: string, invitation?: string) {
    const start = await app.inject({ url: `/api/v1/auth/oidc/login${invitation ? `?invitation=${invitation}` : ''}` });
    expect(start.statusCode).toBe(302);
    const stateCookie = start.cookies.find((c) => c.name === 'wbm_oidc')!;
    const authorize = new URL(start.headers.location as string);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    authorize.searchParams.set('login', email);
    const idpAnswer = await fetch(authorize, { redirect: 'manual' });
    const callback = new URL(idpAnswer.headers.get('location')!);
    return app.inject({ url: `/api/v1/auth/oidc/callback${callback.search}`, cookies: { wbm_oidc: stateCookie.value } });
  }

  it('signs in a provisioned account by its verified e-mail address and links it', async () => {
    const res = await oidcLogin('analist@vro.example');
    expect(res.statusCode, res.body).toBe(302);
    const cookie = sessionCookie(res)!;
    const me = await app.inject({ url: '/api/v1/auth/me', cookies: { [SESSION_COOKIE]: cookie.value } });
    expect(me.json().principal).toMatchObject({ name: 'Anna Analist', role: 'ministerie_analist' });
    const [linked] = take(await t.db.query<{ oidc_subject: string }>("SELECT oidc_subject FROM users WHERE email = 'analist@vro.example'"), 1);
    expect(linked.oidc_subject).toBe('sub-analist@vro.example');
  });

  it('refuses people without an account', async () => {
    const res = await oidcLogin('stranger@example.invalid');
    expect(res.statusCode).toBe(401);
    expect(res.json().detail).toContain('geen account');
  });

  it('accepting an invitation with the organisation account makes the account from the invitation and links the identity (once)', async () => {
    const admin = await services.auth.createUser({
      email: 'beheer-oidc@example.invalid',
      name: 'Beheer',
      password: null,
      role: 'beheerder',
      organisationId: null,
      gemeenteCode: null,
      regionId: null,
      provincieCode: null,
    });
    const made = await services.invitations.create(
      admin,
      { email: 'nieuw@vro.example', name: 'Nina Nieuw', role: 'provincie_analist', provincieCode: 'PV27' },
      'system',
      'http://localhost',
    );
    const token = made.link!.split('/').at(-1)!;
    const res = await oidcLogin('nieuw@vro.example', token);
    expect(res.statusCode, res.body).toBe(302);
    const me = await app.inject({ url: '/api/v1/auth/me', cookies: { [SESSION_COOKIE]: sessionCookie(res)!.value } });
    expect(me.json().principal).toMatchObject({ name: 'Nina Nieuw', role: 'provincie_analist', provincieCode: 'PV27' });
    const [linked] = take(await t.db.query<{ oidc_subject: string }>("SELECT oidc_subject FROM users WHERE email = 'nieuw@vro.example'"), 1);
    expect(linked.oidc_subject).toBe('sub-nieuw@vro.example');
    // The link is used: starting again with it is refused before leaving for the provider.
    expect((await app.inject({ url: `/api/v1/auth/oidc/login?invitation=${token}` })).statusCode).toBe(410);
  });
});
