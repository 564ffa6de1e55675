/** Users, sessions and API tokens. Tokens are stored only as SHA-256 hashes. */
import type { Role } from '../domain/access.ts';
import type { Queryable } from './db.ts';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  passwordHash: string | null;
  role: Role;
  organisationId: string | null;
  gemeenteCode: string | null;
  regionId: string | null;
  provincieCode: string | null;
  isDemo: boolean;
  disabled: boolean;
}

const USER_COLUMNS = `id, email, name, password_hash AS "passwordHash", role, organisation_id AS "organisationId",
  gemeente_code AS "gemeenteCode", region_id AS "regionId", provincie_code AS "provincieCode", is_demo AS "isDemo", disabled`;

/** A browser session as its owner sees it (the token hash only to tell which one is the current one). */
export interface SessionRow {
  id: string;
  tokenHash: string;
  via: string;
  userAgent: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string;
}

export type NewUser = Omit<UserRow, 'disabled'> & { oidcIssuer?: string | null; oidcSubject?: string | null };

export function createAccountRepository() {
  return {
    async userByEmail(q: Queryable, email: string): Promise<UserRow | null> {
      const [row] = await q.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE email = $1`, [email]);
      return row ?? null;
    },
    async userById(q: Queryable, id: string): Promise<UserRow | null> {
      const [row] = await q.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [id]);
      return row ?? null;
    },
    async userByOidc(q: Queryable, issuer: string, subject: string): Promise<UserRow | null> {
      const [row] = await q.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE oidc_issuer = $1 AND oidc_subject = $2`, [issuer, subject]);
      return row ?? null;
    },
    async listUsers(q: Queryable): Promise<UserRow[]> {
      return q.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users ORDER BY email`);
    },
    async insertUser(q: Queryable, u: NewUser): Promise<void> {
      await q.query(
        `INSERT INTO users (id, email, name, password_hash, role, organisation_id, gemeente_code, region_id, provincie_code, is_demo, oidc_issuer, oidc_subject)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [
          u.id,
          u.email,
          u.name,
          u.passwordHash,
          u.role,
          u.organisationId,
          u.gemeenteCode,
          u.regionId,
          u.provincieCode,
          u.isDemo,
          u.oidcIssuer ?? null,
          u.oidcSubject ?? null,
        ],
      );
    },

    async linkOidc(q: Queryable, userId: string, issuer: string, subject: string): Promise<void> {
      await q.query('UPDATE users SET oidc_issuer = $2, oidc_subject = $3 WHERE id = $1', [userId, issuer, subject]);
    },

    async insertSession(
      q: Queryable,
      s: { id: string; tokenHash: string; userId: string; csrfToken: string; via: string; expiresAt: Date; userAgent: string | null },
    ): Promise<void> {
      await q.query(
        `INSERT INTO sessions (id, token_hash, user_id, csrf_token, via, expires_at, user_agent, last_used_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, now())`,
        [s.id, s.tokenHash, s.userId, s.csrfToken, s.via, s.expiresAt.toISOString(), s.userAgent],
      );
      // A new session is a sign-in: the account's last sign-in, shown to administrators (migration 0011).
      await q.query('UPDATE users SET last_sign_in_at = now() WHERE id = $1', [s.userId]);
    },
    /** The account of a valid session. `last_used_at` is written at most once a minute: no write per request. */
    async sessionUser(q: Queryable, tokenHash: string): Promise<(UserRow & { csrfToken: string; via: string; expiresAt: Date }) | null> {
      const [row] = await q.query<UserRow & { csrfToken: string; via: string; expiresAt: Date | string; stale: boolean }>(
        `SELECT ${USER_COLUMNS.replace(/(^|,\s*)(\w+)/g, '$1u.$2')}, s.csrf_token AS "csrfToken", s.via, s.expires_at AS "expiresAt",
           (s.last_used_at IS NULL OR s.last_used_at < now() - interval '1 minute') AS stale
         FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.token_hash = $1 AND s.expires_at > now() AND NOT u.disabled`,
        [tokenHash],
      );
      if (!row) return null;
      if (row.stale) await q.query('UPDATE sessions SET last_used_at = now() WHERE token_hash = $1', [tokenHash]);
      const { stale: _stale, expiresAt, ...user } = row;
      return { ...user, expiresAt: new Date(expiresAt) };
    },
    /** The sessions of an account that still work, most recently used first; never the token or its hash. */
    async listSessions(q: Queryable, userId: string): Promise<SessionRow[]> {
      const rows = await q.query<{
        id: string;
        tokenHash: string;
        via: string;
        userAgent: string | null;
        createdAt: Date | string;
        lastUsedAt: Date | string | null;
        expiresAt: Date | string;
      }>(
        `SELECT id, token_hash AS "tokenHash", via, user_agent AS "userAgent", created_at AS "createdAt", last_used_at AS "lastUsedAt",
           expires_at AS "expiresAt"
         FROM sessions WHERE user_id = $1 AND expires_at > now()
         ORDER BY COALESCE(last_used_at, created_at) DESC, id`,
        [userId],
      );
      return rows.map((r) => ({
        id: r.id,
        tokenHash: r.tokenHash,
        via: r.via,
        userAgent: r.userAgent,
        createdAt: new Date(r.createdAt).toISOString(),
        lastUsedAt: r.lastUsedAt === null ? null : new Date(r.lastUsedAt).toISOString(),
        expiresAt: new Date(r.expiresAt).toISOString(),
      }));
    },
    /** Whose session is this, and its token hash? Null for an unknown or expired session. */
    async sessionOwner(q: Queryable, id: string): Promise<{ userId: string; tokenHash: string } | null> {
      const [row] = await q.query<{ userId: string; tokenHash: string }>(
        `SELECT user_id AS "userId", token_hash AS "tokenHash" FROM sessions WHERE id = $1 AND expires_at > now()`,
        [id],
      );
      return row ?? null;
    },
    /** End a session of `userId`; false when there is no such session. */
    async deleteSessionById(q: Queryable, id: string, userId: string): Promise<boolean> {
      const rows = await q.query<{ id: string }>('DELETE FROM sessions WHERE id = $1 AND user_id = $2 RETURNING id', [id, userId]);
      return rows.length > 0;
    },
    async deleteSession(q: Queryable, tokenHash: string): Promise<void> {
      await q.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
    },

    async insertToken(q: Queryable, t: { id: string; tokenHash: string; name: string; userId: string }): Promise<void> {
      await q.query('INSERT INTO api_tokens (id, token_hash, name, user_id) VALUES ($1, $2, $3, $4)', [t.id, t.tokenHash, t.name, t.userId]);
    },
    /** The account of a valid API token. `last_used_at` is written at most once a minute: no write per request. */
    async tokenUser(q: Queryable, tokenHash: string): Promise<UserRow | null> {
      const [row] = await q.query<UserRow & { tokenId: string; stale: boolean }>(
        `SELECT ${USER_COLUMNS.replace(/(^|,\s*)(\w+)/g, '$1u.$2')}, t.id AS "tokenId",
           (t.last_used_at IS NULL OR t.last_used_at < now() - interval '1 minute') AS stale
         FROM api_tokens t JOIN users u ON u.id = t.user_id
         WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND NOT u.disabled`,
        [tokenHash],
      );
      if (!row) return null;
      if (row.stale) await q.query('UPDATE api_tokens SET last_used_at = now() WHERE id = $1', [row.tokenId]);
      const { tokenId: _id, stale: _stale, ...user } = row;
      return user;
    },
    /** Revoke a token (of `userId` only, unless null); null when there is no such working token. Its hash: to drop a cached lookup. */
    async revokeToken(q: Queryable, id: string, userId: string | null): Promise<{ userId: string; revokedAt: string; tokenHash: string } | null> {
      const [row] = await q.query<{ userId: string; revokedAt: Date | string; tokenHash: string }>(
        `UPDATE api_tokens SET revoked_at = now() WHERE id = $1 AND ($2::uuid IS NULL OR user_id = $2::uuid) AND revoked_at IS NULL
         RETURNING user_id AS "userId", revoked_at AS "revokedAt", token_hash AS "tokenHash"`,
        [id, userId],
      );
      return row ? { userId: row.userId, revokedAt: new Date(row.revokedAt).toISOString(), tokenHash: row.tokenHash } : null;
    },
    /** Whose token is this (and is that a demo account)? Null for an unknown or revoked token. */
    async tokenOwner(q: Queryable, id: string): Promise<{ userId: string; isDemo: boolean } | null> {
      const [row] = await q.query<{ userId: string; isDemo: boolean }>(
        `SELECT t.user_id AS "userId", u.is_demo AS "isDemo" FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.id = $1 AND t.revoked_at IS NULL`,
        [id],
      );
      return row ?? null;
    },
    /** The working (not revoked) API tokens of an account, newest first; never the hash. */
    async listTokens(q: Queryable, userId: string): Promise<Array<{ id: string; name: string; createdAt: string; lastUsedAt: string | null }>> {
      const rows = await q.query<{ id: string; name: string; createdAt: Date | string; lastUsedAt: Date | string | null }>(
        `SELECT id, name, created_at AS "createdAt", last_used_at AS "lastUsedAt" FROM api_tokens
         WHERE user_id = $1 AND revoked_at IS NULL ORDER BY created_at DESC, id`,
        [userId],
      );
      return rows.map((r) => ({
        id: r.id,
        name: r.name,
        createdAt: new Date(r.createdAt).toISOString(),
        lastUsedAt: r.lastUsedAt === null ? null : new Date(r.lastUsedAt).toISOString(),
      }));
    },
  };
}

export type AccountRepository = ReturnType<typeof createAccountRepository>;
