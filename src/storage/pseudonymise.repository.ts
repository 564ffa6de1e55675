/**
 * Pseudonymising a person's account (migration 0016): their name and e-mail address are replaced everywhere they are
 * kept — the account, their invitations, and in the audit trail the actor name of what they did and the name/e-mail
 * values of the entries about their account — and their sign-in data, sessions and API tokens go. SQL only; the
 * service runs it in one transaction after the access and domain rules.
 */
import type { Queryable } from './db.ts';

export interface PseudonymiseTarget {
  id: string;
  email: string;
  disabled: boolean;
  isDemo: boolean;
}

/** What was removed or rewritten (the counts in the audit entry). */
export interface PseudonymiseCounts {
  auditEntriesRewritten: number;
  sessionsEnded: number;
  apiTokensDeleted: number;
  invitationsRevoked: number;
}

/** The entries about the person: their account, and invitations they accepted or that were sent to their address. */
const ABOUT_PERSON = `((entity_type IN ('user', 'gebruiker') AND entity_id = $1::text)
  OR (entity_type = 'uitnodiging' AND entity_id IN (SELECT id::text FROM invitations WHERE accepted_user_id = $1::uuid OR email = $4)))`;

/** `changes` with the old/new values of the name and e-mail fields replaced (a JSON null stays null). */
const REWRITTEN_CHANGES = `(SELECT jsonb_agg(
    CASE WHEN c ->> 'field' IN ('name', 'email') THEN c || jsonb_build_object(
      'old', CASE WHEN c -> 'old' IS NULL OR c -> 'old' = 'null'::jsonb THEN c -> 'old' WHEN c ->> 'field' = 'name' THEN to_jsonb($2::text) ELSE to_jsonb($3::text) END,
      'new', CASE WHEN c -> 'new' IS NULL OR c -> 'new' = 'null'::jsonb THEN c -> 'new' WHEN c ->> 'field' = 'name' THEN to_jsonb($2::text) ELSE to_jsonb($3::text) END)
    ELSE c END ORDER BY n)
  FROM jsonb_array_elements(changes) WITH ORDINALITY AS e(c, n))`;

export function createPseudonymiseRepository() {
  return {
    /** The account, locked for the change. */
    async target(q: Queryable, userId: string): Promise<PseudonymiseTarget | null> {
      const [row] = await q.query<PseudonymiseTarget>('SELECT id, email, disabled, is_demo AS "isDemo" FROM users WHERE id = $1 FOR UPDATE', [
        userId,
      ]);
      return row ?? null;
    },

    /** Replace the person's name and e-mail address everywhere and remove their sign-in data (inside a transaction). */
    async pseudonymise(q: Queryable, person: PseudonymiseTarget, pseudonym: { name: string; email: string }): Promise<PseudonymiseCounts> {
      const params = [person.id, pseudonym.name, pseudonym.email, person.email];
      // The audit trail's trigger allows this one narrow update, for this person, in this transaction only.
      await q.query(`SELECT set_config('wbm.pseudonymise', $1, true)`, [person.id]);
      const byThem = await q.query('UPDATE audit_log SET actor_name = $2 WHERE actor_user_id = $1 AND actor_name <> $2 RETURNING id', [
        person.id,
        pseudonym.name,
      ]);
      const about = await q.query(
        `UPDATE audit_log SET changes = ${REWRITTEN_CHANGES}
         WHERE ${ABOUT_PERSON} AND jsonb_typeof(changes) = 'array' AND jsonb_array_length(changes) > 0
           AND EXISTS (SELECT 1 FROM jsonb_array_elements(changes) c WHERE c ->> 'field' IN ('name', 'email'))
         RETURNING id`,
        params,
      );
      const revoked = await q.query(
        'UPDATE invitations SET revoked_at = now() WHERE email = $1 AND accepted_at IS NULL AND revoked_at IS NULL RETURNING id',
        [person.email],
      );
      await q.query('UPDATE invitations SET name = $2, email = $3 WHERE accepted_user_id = $1 OR email = $4', params);
      const sessions = await q.query('DELETE FROM sessions WHERE user_id = $1 RETURNING user_id', [person.id]);
      const tokens = await q.query('DELETE FROM api_tokens WHERE user_id = $1 RETURNING id', [person.id]);
      await q.query(
        `UPDATE users SET name = $2, email = $3, password_hash = NULL, oidc_issuer = NULL, oidc_subject = NULL,
           pseudonymised_at = now(), version = version + 1 WHERE id = $1`,
        params.slice(0, 3),
      );
      const rewritten = new Set([...byThem, ...about].map((r) => String((r as { id: unknown }).id)));
      return {
        auditEntriesRewritten: rewritten.size,
        sessionsEnded: sessions.length,
        apiTokensDeleted: tokens.length,
        invitationsRevoked: revoked.length,
      };
    },
  };
}

export type PseudonymiseRepository = ReturnType<typeof createPseudonymiseRepository>;
