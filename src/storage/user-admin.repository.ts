/** People's accounts as administrators manage them (issue 11 item 3): list, role and scope, deactivate. Never a secret. */
import type { Role } from '../domain/access.ts';
import type { AccountScope } from '../domain/account.ts';
import type { Queryable } from './db.ts';

export interface AccountRow extends AccountScope {
  id: string;
  name: string;
  email: string;
  role: Role;
  isDemo: boolean;
  disabled: boolean;
  createdAt: string;
  lastSignInAt: string | null;
  version: number;
}

interface RawAccount extends Omit<AccountRow, 'createdAt' | 'lastSignInAt'> {
  createdAt: Date | string;
  lastSignInAt: Date | string | null;
}

const COLUMNS = `id, name, email, role, organisation_id AS "organisationId", gemeente_code AS "gemeenteCode", region_id AS "regionId",
  provincie_code AS "provincieCode", is_demo AS "isDemo", disabled, created_at AS "createdAt", last_sign_in_at AS "lastSignInAt", version`;

const toRow = (r: RawAccount): AccountRow => ({
  ...r,
  createdAt: new Date(r.createdAt).toISOString(),
  lastSignInAt: r.lastSignInAt === null ? null : new Date(r.lastSignInAt).toISOString(),
});

export function createUserAdminRepository() {
  return {
    async list(q: Queryable): Promise<AccountRow[]> {
      return (await q.query<RawAccount>(`SELECT ${COLUMNS} FROM users ORDER BY lower(name), email, id`)).map(toRow);
    },

    /** One account; `lock`: FOR UPDATE, inside a transaction. */
    async byId(q: Queryable, id: string, lock = false): Promise<AccountRow | null> {
      const [row] = await q.query<RawAccount>(`SELECT ${COLUMNS} FROM users WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
      return row ? toRow(row) : null;
    },

    /** The scope values that do not exist (field names), so the caller can say which. */
    async unknownScope(q: Queryable, s: AccountScope): Promise<Array<keyof AccountScope>> {
      const checks: Array<[keyof AccountScope, string, string | null]> = [
        ['organisationId', 'SELECT 1 FROM organisations WHERE id::text = $1', s.organisationId],
        ['gemeenteCode', 'SELECT 1 FROM gemeenten WHERE code = $1', s.gemeenteCode],
        ['regionId', 'SELECT 1 FROM regions WHERE id = $1', s.regionId],
        ['provincieCode', 'SELECT 1 FROM provincies WHERE code = $1', s.provincieCode],
      ];
      const unknown: Array<keyof AccountScope> = [];
      for (const [field, sql, value] of checks) {
        if (value !== null && (await q.query(sql, [value])).length === 0) unknown.push(field);
      }
      return unknown;
    },

    /** Set role and scope when the version still matches; the new version, or null when it moved on. */
    async updateRoleScope(q: Queryable, id: string, version: number, role: Role, s: AccountScope): Promise<number | null> {
      const [row] = await q.query<{ version: number }>(
        `UPDATE users SET role = $3, organisation_id = $4, gemeente_code = $5, region_id = $6, provincie_code = $7, version = version + 1
         WHERE id = $1 AND version = $2 RETURNING version`,
        [id, version, role, s.organisationId, s.gemeenteCode, s.regionId, s.provincieCode],
      );
      return row?.version ?? null;
    },

    async setDisabled(q: Queryable, id: string, disabled: boolean): Promise<number> {
      const [row] = await q.query<{ version: number }>('UPDATE users SET disabled = $2, version = version + 1 WHERE id = $1 RETURNING version', [
        id,
        disabled,
      ]);
      return row?.version ?? 0;
    },

    /** End every session of the account; how many. */
    async endAllSessions(q: Queryable, userId: string): Promise<number> {
      return (await q.query('DELETE FROM sessions WHERE user_id = $1 RETURNING id', [userId])).length;
    },

    /** Revoke every working API token of the account; how many. */
    async revokeAllTokens(q: Queryable, userId: string): Promise<number> {
      return (await q.query('UPDATE api_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL RETURNING id', [userId])).length;
    },
  };
}

export type UserAdminRepository = ReturnType<typeof createUserAdminRepository>;
