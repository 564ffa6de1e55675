/** The planlijst import runs as the API lists them (tables of migration 0024: import_runs, import_sources). */
import type { Queryable } from './db.ts';

export interface ImportRunSummary {
  id: string;
  source: string;
  fileName: string;
  actorName: string;
  at: string;
  rowsRead: number;
  rowsValid: number;
  rowsRejected: number;
  created: number;
  updated: number;
  unchanged: number;
  removed: number;
  withdrawn: number;
  homes: number;
}

export function createImportRunsRepository() {
  return {
    /** Runs of the sources saved under this scope key (null: every run), newest first. */
    async list(q: Queryable, scopeKey: string | null, limit: number): Promise<ImportRunSummary[]> {
      const rows = await q.query<Omit<ImportRunSummary, 'at'> & { at: Date | string }>(
        `SELECT r.id, s.name AS source, r.file_name AS "fileName", r.actor_name AS "actorName", r.at,
            r.rows_read AS "rowsRead", r.rows_valid AS "rowsValid", r.rows_rejected AS "rowsRejected", r.created, r.updated,
            r.unchanged, r.removed, r.withdrawn, r.homes
          FROM import_runs r JOIN import_sources s ON s.id = r.source_id
          ${scopeKey === null ? '' : 'WHERE s.scope_key = $2'}
          ORDER BY r.at DESC, r.id LIMIT $1`,
        scopeKey === null ? [limit] : [limit, scopeKey],
      );
      return rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() }));
    },
  };
}

export type ImportRunsRepository = ReturnType<typeof createImportRunsRepository>;
