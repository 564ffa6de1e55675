/** Pruning what the monitor no longer needs to keep about people's sign-in (src/domain/policy.ts POLICY.retention). SQL only. */
import type { Queryable } from './db.ts';

/** What was removed, per kind. */
export interface PruneCounts {
  sessions: number;
  invitations: number;
  apiTokens: number;
}

export function createRetentionRepository() {
  return {
    /** Remove expired sessions, finished invitations and revoked API tokens older than the given days. */
    async prune(q: Queryable, days: { sessions: number; invitations: number; apiTokens: number }): Promise<PruneCounts> {
      const sessions = await q.query(`DELETE FROM sessions WHERE expires_at < now() - make_interval(days => $1::int) RETURNING user_id`, [
        days.sessions,
      ]);
      const invitations = await q.query(
        `DELETE FROM invitations
         WHERE COALESCE(accepted_at, revoked_at, CASE WHEN expires_at < now() THEN expires_at END) < now() - make_interval(days => $1::int)
         RETURNING id`,
        [days.invitations],
      );
      const apiTokens = await q.query(`DELETE FROM api_tokens WHERE revoked_at < now() - make_interval(days => $1::int) RETURNING id`, [
        days.apiTokens,
      ]);
      return { sessions: sessions.length, invitations: invitations.length, apiTokens: apiTokens.length };
    },
  };
}

export type RetentionRepository = ReturnType<typeof createRetentionRepository>;
