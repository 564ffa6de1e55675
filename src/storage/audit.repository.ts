/** The append-only audit trail (the table refuses UPDATE and DELETE itself). */
import type { FieldChange, Via } from '../domain/audit.ts';
import { queryOne, type Queryable } from './db.ts';
import { insertRows } from './batch.ts';
import { copyRows } from './copy.ts';

export type { Via };

export interface AuditEntry {
  actorUserId: string | null;
  actorName: string;
  via: Via;
  entityType: string;
  entityId: string;
  action: string;
  changes: FieldChange[];
  /** The project the change belongs to (a project or one of its knelpunten). */
  projectId?: string | null;
}

export interface AuditRecord extends AuditEntry {
  id: number;
  at: string;
}

/** What remains of a deleted project to decide who may read its audit trail (migration 0009). */
export interface DeletedProject {
  id: string;
  name: string;
  gemeenteCode: string;
  provincieCode: string;
  regionIds: string[];
  partyOrganisationIds: string[];
  synthetic: boolean;
  deletedAt: string;
}

export function createAuditRepository() {
  return {
    /** Keep the facts of a project being deleted (same transaction as the delete). */
    async recordDeletedProject(q: Queryable, p: Omit<DeletedProject, 'deletedAt'>): Promise<void> {
      await q.query(
        `INSERT INTO deleted_projects (id, name, gemeente_code, provincie_code, region_ids, party_organisation_ids, synthetic)
         VALUES ($1, $2, $3, $4, $5::text[], $6::uuid[], $7) ON CONFLICT (id) DO NOTHING`,
        [p.id, p.name, p.gemeenteCode, p.provincieCode, p.regionIds, p.partyOrganisationIds, p.synthetic],
      );
    },

    async deletedProject(q: Queryable, id: string): Promise<DeletedProject | null> {
      const [row] = await q.query<Omit<DeletedProject, 'deletedAt'> & { deletedAt: Date }>(
        `SELECT id, name, gemeente_code AS "gemeenteCode", provincie_code AS "provincieCode", region_ids AS "regionIds",
           party_organisation_ids AS "partyOrganisationIds", synthetic, deleted_at AS "deletedAt" FROM deleted_projects WHERE id = $1`,
        [id],
      );
      return row
        ? {
            ...row,
            regionIds: [...row.regionIds],
            partyOrganisationIds: [...row.partyOrganisationIds],
            deletedAt: new Date(row.deletedAt).toISOString(),
          }
        : null;
    },

    async append(q: Queryable, entries: readonly AuditEntry[]): Promise<void> {
      await insertRows(
        q,
        'audit_log',
        ['actor_user_id', 'actor_name', 'via', 'entity_type', 'entity_id', 'action', 'changes', 'project_id'],
        entries.map((e) => [e.actorUserId, e.actorName, e.via, e.entityType, e.entityId, e.action, JSON.stringify(e.changes), e.projectId ?? null]),
        { casts: { changes: 'jsonb', project_id: 'uuid' } },
      );
    },
    /** As append, through COPY (src/storage/copy.ts): an import of tens of thousands of projects. */
    async copyMany(q: Queryable, entries: readonly AuditEntry[]): Promise<void> {
      await copyRows(
        q,
        'audit_log',
        ['actor_user_id', 'actor_name', 'via', 'entity_type', 'entity_id', 'action', 'changes', 'project_id'],
        entries.map((e) => [e.actorUserId, e.actorName, e.via, e.entityType, e.entityId, e.action, JSON.stringify(e.changes), e.projectId ?? null]),
      );
    },
    /**
     * The trail of a project and its knelpunten, newest first, a page at a time. `hiddenEntityTypes`: entries the
     * reader may not see (the open book's, src/domain/access.ts hiddenAuditEntities), left out of the page and the total.
     */
    async forProject(
      q: Queryable,
      projectId: string,
      page: { limit: number; offset: number },
      hiddenEntityTypes: readonly string[] = [],
    ): Promise<{ items: AuditRecord[]; total: number }> {
      const rows = await q.query<AuditRecord & { at: Date }>(
        `SELECT id, at, actor_user_id AS "actorUserId", actor_name AS "actorName", via, entity_type AS "entityType",
           entity_id AS "entityId", action, changes FROM audit_log WHERE project_id = $1 AND NOT (entity_type = ANY($4::text[]))
         ORDER BY id DESC LIMIT $2 OFFSET $3`,
        [projectId, page.limit, page.offset, [...hiddenEntityTypes]],
      );
      const { total } = await queryOne<{ total: number }>(
        q,
        'SELECT count(*) AS total FROM audit_log WHERE project_id = $1 AND NOT (entity_type = ANY($2::text[]))',
        [projectId, [...hiddenEntityTypes]],
      );
      return { items: rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() })), total };
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
