/** Invitations (migration 0014): one-time links to an account with a given role and scope. Only the token's hash is stored. SQL only. */
import type { Role } from '../domain/access.ts';
import type { AccountScope } from '../domain/account.ts';
import type { Queryable } from './db.ts';

export interface InvitationRow extends AccountScope {
  id: string;
  email: string;
  name: string;
  role: Role;
  invitedBy: string | null;
  invitedByName: string | null;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
  acceptedUserId: string | null;
  revokedAt: string | null;
  isDemo: boolean;
  /** Names of the scope, for the accept page and the list (null where the scope has none). */
  organisationName: string | null;
  gemeenteName: string | null;
  regionName: string | null;
  provincieName: string | null;
}

export interface NewInvitation extends AccountScope {
  id: string;
  tokenHash: string;
  email: string;
  name: string;
  role: Role;
  invitedBy: string;
  expiresAt: Date;
  isDemo: boolean;
}

const SELECT = `SELECT i.id, i.email, i.name, i.role, i.organisation_id::text AS "organisationId", i.gemeente_code AS "gemeenteCode",
  i.region_id AS "regionId", i.provincie_code AS "provincieCode", i.invited_by::text AS "invitedBy", u.name AS "invitedByName",
  i.created_at AS "createdAt", i.expires_at AS "expiresAt", i.accepted_at AS "acceptedAt", i.accepted_user_id::text AS "acceptedUserId",
  i.revoked_at AS "revokedAt", i.is_demo AS "isDemo", o.name AS "organisationName", g.name AS "gemeenteName", r.name AS "regionName",
  p.name AS "provincieName"
  FROM invitations i
  LEFT JOIN users u ON u.id = i.invited_by
  LEFT JOIN organisations o ON o.id = i.organisation_id
  LEFT JOIN gemeenten g ON g.code = i.gemeente_code
  LEFT JOIN regions r ON r.id = i.region_id
  LEFT JOIN provincies p ON p.code = i.provincie_code`;

type Raw = Omit<InvitationRow, 'createdAt' | 'expiresAt' | 'acceptedAt' | 'revokedAt'> &
  Record<'createdAt' | 'expiresAt', Date | string> &
  Record<'acceptedAt' | 'revokedAt', Date | string | null>;

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());
const toRow = (r: Raw): InvitationRow => ({
  ...r,
  createdAt: iso(r.createdAt)!,
  expiresAt: iso(r.expiresAt)!,
  acceptedAt: iso(r.acceptedAt),
  revokedAt: iso(r.revokedAt),
});

export function createInvitationRepository() {
  return {
    async insert(q: Queryable, i: NewInvitation): Promise<void> {
      await q.query(
        `INSERT INTO invitations (id, token_hash, email, name, role, organisation_id, gemeente_code, region_id, provincie_code, invited_by, expires_at, is_demo)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [
          i.id,
          i.tokenHash,
          i.email,
          i.name,
          i.role,
          i.organisationId,
          i.gemeenteCode,
          i.regionId,
          i.provincieCode,
          i.invitedBy,
          i.expiresAt,
          i.isDemo,
        ],
      );
    },

    async byId(q: Queryable, id: string): Promise<InvitationRow | null> {
      const [row] = await q.query<Raw>(`${SELECT} WHERE i.id = $1`, [id]);
      return row ? toRow(row) : null;
    },

    async byTokenHash(q: Queryable, tokenHash: string): Promise<InvitationRow | null> {
      const [row] = await q.query<Raw>(`${SELECT} WHERE i.token_hash = $1`, [tokenHash]);
      return row ? toRow(row) : null;
    },

    /** Not used, not withdrawn and not expired; newest first. */
    async listOpen(q: Queryable): Promise<InvitationRow[]> {
      return (
        await q.query<Raw>(`${SELECT} WHERE i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now() ORDER BY i.created_at DESC, i.id`)
      ).map(toRow);
    },

    /** Mark it used by this account, once: false when it was used or withdrawn meanwhile (another request was first). */
    async markAccepted(q: Queryable, id: string, userId: string): Promise<boolean> {
      const rows = await q.query(
        'UPDATE invitations SET accepted_at = now(), accepted_user_id = $2 WHERE id = $1 AND accepted_at IS NULL AND revoked_at IS NULL RETURNING id',
        [id, userId],
      );
      return rows.length === 1;
    },

    /** Withdraw it, unless it was used or withdrawn already: whether it changed. */
    async revoke(q: Queryable, id: string): Promise<boolean> {
      const rows = await q.query(
        'UPDATE invitations SET revoked_at = now() WHERE id = $1 AND accepted_at IS NULL AND revoked_at IS NULL RETURNING id',
        [id],
      );
      return rows.length === 1;
    },
  };
}

export type InvitationRepository = ReturnType<typeof createInvitationRepository>;
