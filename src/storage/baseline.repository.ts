/** The baseline history: one row per re-baseline act, with its reason (SPEC §2 "kept in history"). */
import type { BaselineChange, BaselineHistoryEntry } from '../domain/baseline.ts';
import { queryOne, type Queryable } from './db.ts';

interface Row {
  id: string;
  project_id: string;
  changed_at: Date | string;
  project_version: number;
  reason: string;
  changes: BaselineChange[];
}

const toEntry = (r: Row): BaselineHistoryEntry => ({
  id: r.id,
  projectId: r.project_id,
  changedAt: new Date(r.changed_at).toISOString(),
  projectVersion: r.project_version,
  reason: r.reason,
  changes: r.changes,
});

export function createBaselineHistoryRepository() {
  return {
    async insert(q: Queryable, entry: Omit<BaselineHistoryEntry, 'changedAt'>): Promise<BaselineHistoryEntry> {
      const row = await queryOne<Row>(
        q,
        `INSERT INTO baseline_history (id, project_id, changed_at, project_version, reason, changes)
         VALUES ($1, $2, now(), $3, $4, $5::jsonb) RETURNING *`,
        [entry.id, entry.projectId, entry.projectVersion, entry.reason, JSON.stringify(entry.changes)],
      );
      return toEntry(row);
    },

    /** A project's re-baselines, oldest first; `since` (ISO timestamp) keeps only later ones. */
    async listByProject(q: Queryable, projectId: string, since?: string): Promise<BaselineHistoryEntry[]> {
      const rows = await q.query<Row>(
        `SELECT * FROM baseline_history WHERE project_id = $1 AND ($2::timestamptz IS NULL OR changed_at > $2::timestamptz)
         ORDER BY changed_at, id`,
        [projectId, since ?? null],
      );
      return rows.map(toEntry);
    },
  };
}

export type BaselineHistoryRepository = ReturnType<typeof createBaselineHistoryRepository>;
