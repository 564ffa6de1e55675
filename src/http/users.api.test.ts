/**
 * People management by administrators (issue 11 item 3; SPEC §1, §7; province analysts and table secretaries:
 * invitations.api.test.ts): the list of accounts (never a secret),
 * changing role and scope (checked against the role, optimistic locking, audited), and deactivating (the person's
 * sessions and API tokens stop working at once, they cannot sign in; not one's own account) and reactivating.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../domain/access.ts';
import { gemeenteOrganisationId } from '../domain/identifiers.ts';
import { SESSION_COOKIE } from './auth.ts';
import { createTestApp, type Inject, type TestApp } from '../../test/helpers/test-app.ts';
import { accountWithToken, authedInject } from '../../test/helpers/auth.ts';

const PASSWORD = 'een lang genoeg wachtwoord';
let t: TestApp;
let asAdmin: Inject;
let adminId: string;

beforeAll(async () => {
  t = await createTestApp({ prepare: (services) => services.auth.ensureDemoUsers() });
  const admin = await accountWithToken(t.services, 'beheerder');
  adminId = admin.principal.userId!;
  asAdmin = authedInject(t.app, admin.headers);
});
afterAll(() => t?.close());

let n = 0;
async function person(role: Role = 'ministerie_analist', scope: { provincieCode?: string } = {}) {
  n += 1;
  const email = `persoon-${n}@example.invalid`;
  const p = await t.services.auth.createUser({
    email,
    name: `Persoon ${n}`,
    password: PASSWORD,
    role,
    organisationId: null,
    gemeenteCode: null,
    regionId: null,
    provincieCode: scope.provincieCode ?? null,
  });
  return { id: p.userId!, email, principal: p };
}

async function signIn(email: string) {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: PASSWORD } });
  return res;
}

const auditOf = (id: string) =>
  t.db.query<{ action: string; actor_user_id: string; changes: Array<{ field: string; old: unknown; new: unknown }> }>(
    "SELECT action, actor_user_id, changes FROM audit_log WHERE entity_type = 'user' AND entity_id = $1 ORDER BY id",
    [id],
  );

describe('the list of accounts', () => {
  it('shows every account with role, scope, state, created, last sign-in and the demo flag, and no secret', async () => {
    const p = await person('provincie_analist', { provincieCode: 'PV27' });
    expect((await signIn(p.email)).statusCode).toBe(200);
    const res = await asAdmin('/api/v1/users');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as Array<Record<string, unknown>>;
    const row = items.find((i) => i.id === p.id)!;
    expect(row).toMatchObject({
      name: p.principal.name,
      email: p.email,
      role: 'provincie_analist',
      provincieCode: 'PV27',
      gemeenteCode: null,
      regionId: null,
      organisationId: null,
      isDemo: false,
      disabled: false,
      version: 1,
    });
    expect(Date.parse(row.createdAt as string)).not.toBeNaN();
    expect(Date.parse(row.lastSignInAt as string)).not.toBeNaN();
    expect(items.some((i) => i.isDemo === true)).toBe(true);
    expect(res.body).not.toMatch(/password|hash|scrypt|csrf|token/i);
  });

  it('is for administrators, province analysts and table secretaries (each their own area: invitations.api.test.ts), not others', async () => {
    for (const role of ['ministerie_analist', 'gemeente_editor', 'marktpartij_editor'] as const) {
      const res = await (await t.signedIn(role, { gemeenteCode: 'GM0363' }))('/api/v1/users');
      expect(res.statusCode).toBe(403);
    }
    // Without a province or a table there is no area: 403.
    expect((await (await t.signedIn('provincie_analist'))('/api/v1/users')).statusCode).toBe(403);
    expect((await (await t.signedIn('tafel_secretaris', { regionId: 'vt-amsterdam-e-o' }))('/api/v1/users')).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/users' })).statusCode).toBe(401);
  });

  it('a demo administrator sees and changes only demo accounts', async () => {
    const demo = await t.app.inject({ method: 'POST', url: '/api/v1/auth/demo', payload: { role: 'beheerder' } });
    expect(demo.statusCode).toBe(200);
    const cookies = { [SESSION_COOKIE]: demo.cookies.find((c) => c.name === SESSION_COOKIE)!.value };
    const headers = { 'x-csrf-token': demo.json().csrfToken as string };
    const list = await t.app.inject({ url: '/api/v1/users', cookies });
    expect(list.statusCode).toBe(200);
    const items = list.json().items as Array<{ isDemo: boolean }>;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.isDemo)).toBe(true);
    const real = await person();
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/users/${real.id}/deactivate`, cookies, headers });
    expect(res.statusCode).toBe(404);
  });
});

describe("changing a person's role and scope", () => {
  it('checks the scope against the role, with the field path and a Dutch message', async () => {
    const p = await person();
    const cases: Array<[Role, string]> = [
      ['gemeente_editor', 'gemeenteCode'],
      ['tafel_secretaris', 'regionId'],
      ['provincie_analist', 'provincieCode'],
      ['marktpartij_editor', 'organisationId'],
    ];
    for (const [role, path] of cases) {
      const res = await asAdmin({ method: 'PATCH', url: `/api/v1/users/${p.id}`, payload: { version: 1, role } });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors).toEqual([expect.objectContaining({ path, code: 'scope_required', message: expect.stringMatching(/hoort bij/) })]);
    }
    const unknown = await asAdmin({
      method: 'PATCH',
      url: `/api/v1/users/${p.id}`,
      payload: { version: 1, role: 'gemeente_editor', gemeenteCode: 'GM9999' },
    });
    expect(unknown.statusCode).toBe(422);
    expect(JSON.stringify(unknown.json())).toContain('Deze gemeente bestaat niet.');
    const bad = await asAdmin({ method: 'PATCH', url: `/api/v1/users/${p.id}`, payload: { version: 1, role: 'koning' } });
    expect(bad.statusCode).toBe(400);
    // Nothing changed.
    const row = (await asAdmin('/api/v1/users')).json().items.find((i: { id: string }) => i.id === p.id);
    expect(row).toMatchObject({ role: 'ministerie_analist', version: 1 });
  });

  it('changes role and scope with the version last read, audits it, and refuses a stale version (409)', async () => {
    const p = await person();
    const res = await asAdmin({
      method: 'PATCH',
      url: `/api/v1/users/${p.id}`,
      payload: { version: 1, role: 'gemeente_editor', gemeenteCode: 'GM0363' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      role: 'gemeente_editor',
      gemeenteCode: 'GM0363',
      organisationId: gemeenteOrganisationId('GM0363'),
      version: 2,
    });
    // The new role applies to the person's next request.
    const { token } = await t.services.auth.createApiToken(p.principal, 'test');
    const me = await t.app.inject({ url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.json().principal).toMatchObject({ role: 'gemeente_editor', gemeenteCode: 'GM0363' });
    const stale = await asAdmin({
      method: 'PATCH',
      url: `/api/v1/users/${p.id}`,
      payload: { version: 1, role: 'provincie_analist', provincieCode: 'PV27' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().currentVersion).toBe(2);
    const audit = await auditOf(p.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.action).toBe('rol of bereik gewijzigd');
    expect(audit[0]!.actor_user_id).toBe(adminId);
    expect(audit[0]!.changes).toEqual(
      expect.arrayContaining([
        { field: 'role', old: 'ministerie_analist', new: 'gemeente_editor' },
        { field: 'gemeenteCode', old: null, new: 'GM0363' },
      ]),
    );
  });

  it('an administrator does not change their own role', async () => {
    const res = await asAdmin({ method: 'PATCH', url: `/api/v1/users/${adminId}`, payload: { version: 1, role: 'ministerie_analist' } });
    expect(res.statusCode).toBe(422);
    expect(JSON.stringify(res.json())).toContain('U kunt uw eigen rol niet wijzigen');
  });

  it('an unknown account answers 404', async () => {
    const res = await asAdmin({ method: 'PATCH', url: `/api/v1/users/${crypto.randomUUID()}`, payload: { version: 1, role: 'ministerie_analist' } });
    expect(res.statusCode).toBe(404);
  });
});

describe('a browser session after its account changed (sessions are looked up once per few seconds)', () => {
  it('the new role applies to the next request of a session that was just used', async () => {
    const p = await person();
    const login = await signIn(p.email);
    const cookies = { [SESSION_COOKIE]: login.cookies.find((c) => c.name === SESSION_COOKIE)!.value };
    expect((await t.app.inject({ url: '/api/v1/auth/me', cookies })).json().principal.role).toBe('ministerie_analist');
    const res = await asAdmin({
      method: 'PATCH',
      url: `/api/v1/users/${p.id}`,
      payload: { version: 1, role: 'provincie_analist', provincieCode: 'PV27' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/auth/me', cookies })).json().principal).toMatchObject({
      role: 'provincie_analist',
      provincieCode: 'PV27',
    });
  });
});

describe('an API token after its account changed (tokens are looked up once per few seconds)', () => {
  it('the new role applies to the next request of a token that was just used', async () => {
    const p = await person();
    const { token } = await t.services.auth.createApiToken(p.principal, 'koppeling');
    const bearer = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: bearer })).json().principal.role).toBe('ministerie_analist');
    const res = await asAdmin({
      method: 'PATCH',
      url: `/api/v1/users/${p.id}`,
      payload: { version: 1, role: 'provincie_analist', provincieCode: 'PV27' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: bearer })).json().principal).toMatchObject({
      kind: 'token',
      role: 'provincie_analist',
      provincieCode: 'PV27',
    });
  });
});

describe('deactivating and reactivating', () => {
  it('ends all sessions and API tokens at once, refuses sign-in, audits it; reactivating lets the person sign in again', async () => {
    const p = await person();
    const login = await signIn(p.email);
    const cookies = { [SESSION_COOKIE]: login.cookies.find((c) => c.name === SESSION_COOKIE)!.value };
    const { token } = await t.services.auth.createApiToken(p.principal, 'eigen systeem');
    const bearer = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ url: '/api/v1/auth/me', cookies })).json().principal.userId).toBe(p.id);
    expect((await t.app.inject({ url: '/api/v1/auth/tokens', headers: bearer })).statusCode).toBe(200);

    const res = await asAdmin({ method: 'POST', url: `/api/v1/users/${p.id}/deactivate` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ disabled: true });

    // At once: the session is someone nobody, the token 401, and signing in is refused.
    expect((await t.app.inject({ url: '/api/v1/auth/me', cookies })).json().principal.kind).toBe('anonymous');
    expect((await t.app.inject({ url: '/api/v1/auth/tokens', cookies })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/v1/auth/tokens', headers: bearer })).statusCode).toBe(401);
    expect((await signIn(p.email)).statusCode).toBe(401);
    // Deleted and revoked in the database, not only refused.
    expect(await t.db.query('SELECT 1 FROM sessions WHERE user_id = $1', [p.id])).toHaveLength(0);
    expect(await t.db.query('SELECT 1 FROM api_tokens WHERE user_id = $1 AND revoked_at IS NULL', [p.id])).toHaveLength(0);

    const again = await asAdmin({ method: 'POST', url: `/api/v1/users/${p.id}/deactivate` });
    expect(again.statusCode).toBe(200);

    const back = await asAdmin({ method: 'POST', url: `/api/v1/users/${p.id}/reactivate` });
    expect(back.statusCode).toBe(200);
    expect(back.json()).toMatchObject({ disabled: false });
    expect((await signIn(p.email)).statusCode).toBe(200);
    // The old token stays revoked.
    expect((await t.app.inject({ url: '/api/v1/auth/tokens', headers: bearer })).statusCode).toBe(401);

    const audit = await auditOf(p.id);
    expect(audit.map((a) => a.action)).toEqual(['uitgezet', 'weer aangezet']);
    expect(audit[0]!.changes).toEqual([
      { field: 'disabled', old: false, new: true },
      { field: 'sessionsEnded', old: null, new: 1 },
      { field: 'apiTokensRevoked', old: null, new: 1 },
    ]);
  });

  it('an administrator cannot deactivate their own account (422, in Dutch)', async () => {
    const res = await asAdmin({ method: 'POST', url: `/api/v1/users/${adminId}/deactivate` });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(res.json())).toContain('U kunt uw eigen account niet uitzetten');
    expect((await asAdmin('/api/v1/users')).statusCode).toBe(200);
  });

  it('others may not deactivate anyone', async () => {
    const p = await person();
    const res = await (await t.signedIn('ministerie_analist'))({ method: 'POST', url: `/api/v1/users/${p.id}/deactivate` });
    expect(res.statusCode).toBe(403);
  });
});
