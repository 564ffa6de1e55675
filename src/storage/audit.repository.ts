/** The append-only audit trail (the table refuses UPDATE and DELETE itself). */
import type { FieldChange, Via } from '../domain/audit.ts';
import type { Queryable } from './db.ts';
import { insertRows } from './batch.ts';

export type { Via };

export interface AuditEntry {
  actorUserId: string | null;
  actorName: string;
  via: Via;
  entityType: string;
  entityId: string;
  action: string;
  changes: FieldChange[];
}

export interface AuditRecord extends AuditEntry {
  id: number;
  at: string;
}

export function createAuditRepository() {
  return {
    async append(q: Queryable, entries: readonly AuditEntry[]): Promise<void> {
      await insertRows(
        q,
        'audit_log',
        ['actor_user_id', 'actor_name', 'via', 'entity_type', 'entity_id', 'action', 'changes'],
        entries.map((e) => [e.actorUserId, e.actorName, e.via, e.entityType, e.entityId, e.action, JSON.stringify(e.changes)]),
        { casts: { changes: 'jsonb' } },
      );
    },
    async forEntity(q: Queryable, entityType: string, entityId: string, limit = 500): Promise<AuditRecord[]> {
      const rows = await q.query<AuditRecord & { at: Date }>(
        `SELECT id, at, actor_user_id AS "actorUserId", actor_name AS "actorName", via, entity_type AS "entityType",
           entity_id AS "entityId", action, changes FROM audit_log WHERE entity_type = $1 AND entity_id = $2 ORDER BY id DESC LIMIT $3`,
        [entityType, entityId, limit],
      );
      return rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() }));
    },
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
