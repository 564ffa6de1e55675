/** What the table's agenda needs beyond the dashboard's projects (issue 12 item 7): the open escalated knelpunten in full. SQL only. */
import type { AgendaKnelpunt } from '../domain/agenda.ts';
import type { Queryable } from './db.ts';
import { countedSql } from './lifecycle.repository.ts';

export function createAgendaRepository() {
  return {
    /** Open knelpunten escalated to the table, of the projects of these gemeenten; `syntheticOnly`: of demo projects only. */
    async escalatedKnelpunten(
      q: Queryable,
      gemeenteCodes: readonly string[],
      syntheticOnly: boolean,
    ): Promise<Array<AgendaKnelpunt & { projectId: string }>> {
      return q.query(
        `SELECT k.project_id AS "projectId", k.id, k.category, k.description, k.owner, k.raised_date AS "raisedDate", k.escalated,
           k.resolved_date AS "resolvedDate", k.escalated_on AS "escalatedDate", k.escalation_reason AS "escalationReason"
         FROM knelpunten k JOIN projects p ON p.id = k.project_id
         WHERE p.gemeente_code = ANY($1::text[]) AND k.escalated AND k.resolved_date IS NULL AND (NOT $2::boolean OR p.synthetic)
           AND ${countedSql('p')}
         ORDER BY k.raised_date, k.id`,
        [[...gemeenteCodes], syntheticOnly],
      );
    },

    /** Names of these gemeenten. */
    async gemeenteNames(q: Queryable, codes: readonly string[]): Promise<Map<string, string>> {
      const rows = await q.query<{ code: string; name: string }>('SELECT code, name FROM gemeenten WHERE code = ANY($1::text[])', [[...codes]]);
      return new Map(rows.map((r) => [r.code, r.name]));
    },
  };
}

export type AgendaRepository = ReturnType<typeof createAgendaRepository>;
