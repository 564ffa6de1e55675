/**
 * Invitations (issue 11 item 3; SPEC §1, §7) and people management by province analysts and table secretaries
 * (item 5): the mail arrives with a working one-time link; without mail the link comes back to the inviter; the
 * accept page's data needs no sign-in; accepting makes the account with the invitation's role and scope and signs in
 * (cookie + CSRF, like a password sign-in); a second use, an expired or withdrawn link fails; who may invite whom;
 * deactivating ends the person's session at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Inject, type TestApp } from '../../test/helpers/test-app.ts';
import { accountWithToken, authedInject } from '../../test/helpers/auth.ts';
import { startSmtpSink, type SmtpSink } from '../../test/helpers/smtp-sink.ts';
import { SESSION_COOKIE } from './auth.ts';

const PASSWORD = 'een lang genoeg wachtwoord';
const TABLE = 'vt-amsterdam-e-o';
const PARTY = '44444444-4444-4444-8444-444444444444';
let sink: SmtpSink;
let t: TestApp;
let noMail: TestApp;
let asAdmin: Inject;
let asSecretary: Inject;
let asProvince: Inject;
let secretaryId: string;

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await createTestApp({ mail: { smtpUrl: sink.url, from: 'Woningbouwmonitor <noreply@localhost>' }, publicUrl: 'https://monitor.example.nl' });
  noMail = await createTestApp();
  await t.services.repositories.organisations.insertMany(t.db, [
    { id: PARTY, name: 'Bouwbedrijf Tafel', type: 'bouwer', gemeenteCode: null, synthetic: false },
  ]);
  await t.db.query('INSERT INTO region_organisations (region_id, organisation_id) VALUES ($1, $2)', [TABLE, PARTY]);
  asAdmin = authedInject(t.app, (await accountWithToken(t.services, 'beheerder')).headers);
  const secretary = await accountWithToken(t.services, 'tafel_secretaris', { regionId: TABLE });
  secretaryId = secretary.principal.userId!;
  asSecretary = authedInject(t.app, secretary.headers);
  asProvince = authedInject(t.app, (await accountWithToken(t.services, 'provincie_analist', { provincieCode: 'PV27' })).headers);
});
afterAll(async () => {
  await t?.close();
  await noMail?.close();
  await sink?.close();
});

let n = 0;
const email = () => `genodigde-${++n}@example.invalid`;
const invite = (as: Inject, body: Record<string, unknown>) =>
  as({ method: 'POST', url: '/api/v1/invitations', payload: { name: `Genodigde ${n}`, ...body } });
const tokenOf = (text: string) => /\/uitnodiging\/([A-Za-z0-9_-]+)/.exec(text)![1]!;
const accept = (app: TestApp, token: string, password = PASSWORD) =>
  app.app.inject({ method: 'POST', url: `/api/v1/auth/invitations/${token}/accept`, payload: { password } });

describe('inviting by e-mail', () => {
  it('a table secretary invites a project leader of a gemeente of the table: the mail has a working link, the answer no link', async () => {
    const to = email();
    const res = await invite(asSecretary, { email: to.toUpperCase(), role: 'gemeente_editor', gemeenteCode: 'GM0363' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().mailSent).toBe(true);
    expect(res.json().link).toBeUndefined();
    expect(res.json().invitation).toMatchObject({ email: to, role: 'gemeente_editor', gemeenteCode: 'GM0363', gemeenteName: 'Amsterdam' });
    const mail = await sink.waitForMessageTo(to);
    expect(mail.subject).toBe('Uitnodiging voor de Woningbouwmonitor');
    expect(mail.text).toContain('https://monitor.example.nl/uitnodiging/');
    expect(mail.text).toContain('Projectleider gemeente (Amsterdam)');

    const token = tokenOf(mail.text);
    const preview = await t.app.inject({ url: `/api/v1/auth/invitations/${token}` });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({ email: to, roleLabel: 'Projectleider gemeente', scopeName: 'Amsterdam' });
    expect(preview.json().invitedByName).toMatch(/tafel_secretaris/);

    const accepted = await accept(t, token);
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect(accepted.json().principal).toMatchObject({ role: 'gemeente_editor', gemeenteCode: 'GM0363' });
    const cookie = accepted.cookies.find((c) => c.name === SESSION_COOKIE)!;
    expect(cookie.httpOnly).toBe(true);
    const me = await t.app.inject({ url: '/api/v1/auth/me', cookies: { [SESSION_COOKIE]: cookie.value } });
    expect(me.json()).toMatchObject({ email: to, csrfToken: accepted.json().csrfToken });
    // Signed in with the chosen password from now on.
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: to, password: PASSWORD } })).statusCode).toBe(200);

    // One-time: a second use fails, and the audit trail has the invitation and the account.
    const again = await accept(t, token);
    expect(again.statusCode).toBe(410);
    expect(again.json().detail).toMatch(/al gebruikt/);
    expect((await t.app.inject({ url: `/api/v1/auth/invitations/${token}` })).statusCode).toBe(410);
    const audit = await t.db.query<{ entity_type: string; action: string }>(
      "SELECT entity_type, action FROM audit_log WHERE entity_type IN ('uitnodiging', 'user') AND (entity_id = $1 OR entity_id = $2) ORDER BY id",
      [res.json().invitation.id, accepted.json().principal.userId],
    );
    expect(audit.map((a) => `${a.entity_type} ${a.action}`)).toEqual([
      'uitnodiging verstuurd',
      'uitnodiging geaccepteerd',
      'user aangemaakt via uitnodiging',
    ]);
  });

  it('without mail the link comes back to the inviter, who passes it on; it works', async () => {
    const asAdminNoMail = authedInject(noMail.app, (await accountWithToken(noMail.services, 'beheerder')).headers);
    const res = await invite(asAdminNoMail, { email: email(), role: 'provincie_analist', provincieCode: 'PV27' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().mailSent).toBe(false);
    expect(res.json().link).toMatch(/^http:\/\/localhost(:\d+)?\/uitnodiging\/[A-Za-z0-9_-]{40,}$/);
    expect((await accept(noMail, tokenOf(res.json().link))).statusCode).toBe(201);
  });

  it('a too-short password is refused next to the field, and the link still works', async () => {
    const to = email();
    await invite(asAdmin, { email: to, role: 'ministerie_analist' });
    const token = tokenOf((await sink.waitForMessageTo(to)).text);
    const short = await accept(t, token, 'kort');
    expect(short.statusCode).toBe(422);
    expect(short.json().errors[0]).toMatchObject({ path: 'password' });
    expect(short.json().errors[0].message).toMatch(/minstens 12 tekens/);
    expect((await accept(t, token)).statusCode).toBe(201);
  });

  it('an expired, a withdrawn and an unknown link fail with a Dutch reason', async () => {
    const expired = email();
    const made = await invite(asAdmin, { email: expired, role: 'ministerie_analist' });
    await t.db.query("UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = $1", [made.json().invitation.id]);
    const expiredToken = tokenOf((await sink.waitForMessageTo(expired)).text);
    const res = await accept(t, expiredToken);
    expect(res.statusCode).toBe(410);
    expect(res.json().detail).toMatch(/verlopen/);

    const revoked = email();
    const made2 = await invite(asSecretary, { email: revoked, role: 'gemeente_editor', gemeenteCode: 'GM0363' });
    const revokedToken = tokenOf((await sink.waitForMessageTo(revoked)).text);
    const open = (await asSecretary('/api/v1/invitations')).json().items as Array<{ id: string }>;
    expect(open.map((i) => i.id)).toContain(made2.json().invitation.id);
    expect((await asSecretary({ method: 'POST', url: `/api/v1/invitations/${made2.json().invitation.id}/revoke` })).json().revokedAt).not.toBeNull();
    expect((await accept(t, revokedToken)).json().detail).toMatch(/ingetrokken/);
    expect(((await asSecretary('/api/v1/invitations')).json().items as Array<{ id: string }>).map((i) => i.id)).not.toContain(
      made2.json().invitation.id,
    );

    expect((await t.app.inject({ url: `/api/v1/auth/invitations/${'x'.repeat(43)}` })).statusCode).toBe(404);
  });

  it('an address that has an account already: 409 on email', async () => {
    const to = email();
    await t.services.auth.createUser({
      email: to,
      name: 'Bestaat',
      password: null,
      role: 'ministerie_analist',
      organisationId: null,
      gemeenteCode: null,
      regionId: null,
      provincieCode: null,
    });
    const res = await invite(asAdmin, { email: to, role: 'ministerie_analist' });
    expect(res.statusCode).toBe(409);
    expect(res.json().errors[0].path).toBe('email');
  });

  it('the scope must fit the role (422 on the field) and exist', async () => {
    const res = await invite(asAdmin, { email: email(), role: 'gemeente_editor' });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].path).toBe('gemeenteCode');
    const unknown = await invite(asAdmin, { email: email(), role: 'tafel_secretaris', regionId: 'bestaat-niet' });
    expect(unknown.json().errors[0].path).toBe('regionId');
  });
});

describe('who may invite whom (issue 11 item 5)', () => {
  it('a table secretary: a gemeente outside the table or another role → 403; a member organisation of the table → 201', async () => {
    const outside = await invite(asSecretary, { email: email(), role: 'gemeente_editor', gemeenteCode: 'GM0014' });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().detail).toMatch(/gemeente in uw eigen gebied/);
    expect((await invite(asSecretary, { email: email(), role: 'provincie_analist', provincieCode: 'PV27' })).statusCode).toBe(403);
    expect((await invite(asSecretary, { email: email(), role: 'marktpartij_editor', organisationId: PARTY })).statusCode).toBe(201);
    const choices = (await asSecretary('/api/v1/invitations/choices')).json().roles as Array<{ role: string; options: Array<{ value: string }> }>;
    expect(choices.map((c) => c.role)).toEqual(['gemeente_editor', 'marktpartij_editor']);
    expect(choices[0]!.options.map((o) => o.value)).toContain('GM0363');
    expect(choices[0]!.options.map((o) => o.value)).not.toContain('GM0014');
    expect(choices[1]!.options.map((o) => o.value)).toEqual([PARTY]);
  });

  it('a province analyst: a table secretary of a table in the province, not a gemeente elsewhere', async () => {
    expect((await invite(asProvince, { email: email(), role: 'tafel_secretaris', regionId: TABLE })).statusCode).toBe(201);
    expect((await invite(asProvince, { email: email(), role: 'gemeente_editor', gemeenteCode: 'GM0014' })).statusCode).toBe(403);
    expect((await invite(asProvince, { email: email(), role: 'beheerder' })).statusCode).toBe(403);
  });
});

describe('managing people within one’s area', () => {
  const account = async (role: 'gemeente_editor', gemeenteCode: string) => {
    const to = email();
    const p = await t.services.auth.createUser({
      email: to,
      name: `Persoon ${gemeenteCode}`,
      password: PASSWORD,
      role,
      organisationId: null,
      gemeenteCode,
      regionId: null,
      provincieCode: null,
    });
    return { id: p.userId!, email: to };
  };

  it('a province analyst sees only the people in their province', async () => {
    const inside = await account('gemeente_editor', 'GM0363');
    const outside = await account('gemeente_editor', 'GM0014');
    const ids = ((await asProvince('/api/v1/users')).json().items as Array<{ id: string }>).map((a) => a.id);
    expect(ids).toContain(inside.id);
    expect(ids).not.toContain(outside.id);
    // The secretary of a table in the province is theirs to manage too.
    expect(ids).toContain(secretaryId);
  });

  it('a secretary may not give a role or scope they could not invite to, and an account outside answers 404', async () => {
    const inside = await account('gemeente_editor', 'GM0363');
    const outside = await account('gemeente_editor', 'GM0014');
    const toElsewhere = await asSecretary({
      method: 'PATCH',
      url: `/api/v1/users/${inside.id}`,
      payload: { version: 1, role: 'gemeente_editor', gemeenteCode: 'GM0014' },
    });
    expect(toElsewhere.statusCode).toBe(403);
    expect((await asSecretary({ method: 'POST', url: `/api/v1/users/${outside.id}/deactivate` })).statusCode).toBe(404);
    const own = await asSecretary({ method: 'POST', url: `/api/v1/users/${secretaryId}/deactivate` });
    expect(own.statusCode).toBe(422);
  });

  it("a deactivated account's session stops at once", async () => {
    const person = await account('gemeente_editor', 'GM0363');
    const signIn = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: person.email, password: PASSWORD } });
    const cookie = signIn.cookies.find((c) => c.name === SESSION_COOKIE)!.value;
    expect((await t.app.inject({ url: '/api/v1/auth/me', cookies: { [SESSION_COOKIE]: cookie } })).json().principal.role).toBe('gemeente_editor');
    expect((await asSecretary({ method: 'POST', url: `/api/v1/users/${person.id}/deactivate` })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/auth/me', cookies: { [SESSION_COOKIE]: cookie } })).json().principal.role).toBe('publiek');
    expect((await t.app.inject({ url: '/api/v1/projects', cookies: { [SESSION_COOKIE]: cookie } })).statusCode).not.toBe(500);
  });
});
