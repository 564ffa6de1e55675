/**
 * Removing a person's data when they leave (issue 11 item 3, "Personal data"; SPEC §7): a deactivated account is
 * pseudonymised — name and e-mail replaced in the account, invitations and audit trail, sign-in data, sessions and
 * tokens gone, open invitations revoked — while the audit trail keeps who did what.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountWithToken, authedInject } from '../../test/helpers/auth.ts';
import { createTestApp, type Inject, type TestApp } from '../../test/helpers/test-app.ts';
import { pseudonymFor } from '../domain/pseudonymise.ts';

let t: TestApp;
let admin: Inject;
let province: Inject;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signedIn('beheerder');
  province = await t.signedIn('provincie_analist', { provincieCode: 'PV27' });
});
afterAll(async () => {
  await t?.close();
});

const pseudonymise = (as: Inject, id: string) => as({ method: 'POST', url: `/api/v1/users/${id}/pseudonymise` });

describe('pseudonymising a person who left', () => {
  it('refuses an active account (422 saying to deactivate first); then replaces the data and keeps who did what', async () => {
    const { principal, headers } = await accountWithToken(t.services, 'ministerie_analist');
    const leaver = authedInject(t.app, headers);
    const id = principal.userId!;
    const [before] = await t.db.query<{ email: string }>('SELECT email FROM users WHERE id = $1', [id]);
    // Something the person did, and an open invitation to their address.
    await t.db.query(
      `INSERT INTO audit_log (actor_user_id, actor_name, via, entity_type, entity_id, action, changes) VALUES ($1, $2, 'ui', 'project', $3, 'gewijzigd', '[]')`,
      [id, principal.name, randomUUID()],
    );
    await t.db.query(
      `INSERT INTO audit_log (actor_user_id, actor_name, via, entity_type, entity_id, action, changes) VALUES (NULL, 'cli', 'cli', 'user', $1, 'aangemaakt', $2::jsonb)`,
      [
        id,
        JSON.stringify([
          { field: 'email', old: null, new: before!.email },
          { field: 'role', old: null, new: 'ministerie_analist' },
        ]),
      ],
    );
    await t.db.query(
      `INSERT INTO invitations (id, token_hash, email, name, role, expires_at) VALUES ($1, $2, $3, $4, 'ministerie_analist', now() + interval '7 days')`,
      [randomUUID(), randomUUID(), before!.email, principal.name],
    );

    const active = await pseudonymise(admin, id);
    expect(active.statusCode).toBe(422);
    expect(active.json().errors[0]).toMatchObject({ code: 'not_deactivated' });
    expect(active.json().errors[0].message).toMatch(/Zet het account eerst uit/);

    expect((await admin({ method: 'POST', url: `/api/v1/users/${id}/deactivate` })).statusCode).toBe(200);
    expect((await pseudonymise(province, id)).statusCode).toBe(403);
    const res = await pseudonymise(admin, id);
    expect(res.statusCode, res.body).toBe(200);
    const pseudonym = pseudonymFor(id);
    expect(res.json()).toMatchObject({ ...pseudonym, removed: { apiTokensDeleted: 1, invitationsRevoked: 1 } });
    expect(pseudonym.name).toBe(`Voormalig gebruiker ${id.slice(0, 8)}`);

    const [account] = await t.db.query<Record<string, unknown>>(
      'SELECT name, email, password_hash, oidc_subject, pseudonymised_at FROM users WHERE id = $1',
      [id],
    );
    expect(account).toMatchObject({ name: pseudonym.name, email: pseudonym.email, password_hash: null, oidc_subject: null });
    expect(account!.pseudonymised_at).not.toBeNull();
    expect((await t.db.query('SELECT 1 FROM api_tokens WHERE user_id = $1', [id])).length).toBe(0);
    expect((await leaver({ url: '/api/v1/auth/me' })).statusCode).toBe(401);

    // The trail: same entries, same actor id; no old name or e-mail left anywhere in it.
    const trail = await t.db.query<{ actor_user_id: string | null; actor_name: string; action: string; changes: unknown }>(
      `SELECT actor_user_id, actor_name, action, changes FROM audit_log WHERE actor_user_id = $1::uuid OR (entity_type = 'user' AND entity_id = $1::text) ORDER BY id`,
      [id],
    );
    expect(JSON.stringify(trail)).not.toContain(before!.email);
    expect(JSON.stringify(trail)).not.toContain(principal.name);
    expect(trail.find((e) => e.action === 'gewijzigd')).toMatchObject({ actor_user_id: id, actor_name: pseudonym.name });
    const last = trail.at(-1)!;
    expect(last.action).toBe('gepseudonimiseerd');
    expect(last.changes).toEqual(expect.arrayContaining([{ field: 'apiTokensDeleted', old: null, new: 1 }]));
    const invitations = await t.db.query<{ email: string; revoked_at: Date | null }>(
      'SELECT email, revoked_at FROM invitations WHERE email IN ($1, $2)',
      [before!.email, pseudonym.email],
    );
    expect(invitations).toHaveLength(1);
    expect(invitations[0]!.email).toBe(pseudonym.email);
    expect(invitations[0]!.revoked_at).not.toBeNull();

    // Irreversible and once: a second time says so.
    const again = await pseudonymise(admin, id);
    expect(again.statusCode).toBe(422);
    expect(again.json().errors[0]).toMatchObject({ code: 'already_pseudonymised' });
  });

  it('an unknown account answers 404', async () => {
    expect((await pseudonymise(admin, randomUUID())).statusCode).toBe(404);
  });
});
