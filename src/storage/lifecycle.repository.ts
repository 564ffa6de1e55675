/** SQL for ending a plan: withdraw ("vervallen"), make active again, merge a duplicate; planuitval per area (migration 0019). */
import type { IsoDate } from '../domain/dates.ts';
import type { Party } from '../domain/project.ts';
import { insertRows } from './batch.ts';
import type { Queryable } from './db.ts';

/**
 * SQL condition: the project (table alias `alias`) counts in the figures — neither withdrawn nor merged.
 * Which queries apply it, and why, is decided in src/domain/withdrawal.ts (countsInFigures).
 */
export function countedSql(alias = 'p'): string {
  return `(${alias}.withdrawn_date IS NULL AND ${alias}.merged_at IS NULL)`;
}

/** SQL condition: the project is planuitval — withdrawn, not merged (src/domain/withdrawal.ts isPlanuitval). */
export function planuitvalSql(alias = 'p'): string {
  return `(${alias}.withdrawn_date IS NOT NULL AND ${alias}.merged_at IS NULL)`;
}

/** The lifecycle columns of a project row (alias p), as the project repository reads them. */
export const LIFECYCLE_COLUMNS = `to_char(p.withdrawn_date, 'YYYY-MM-DD') AS withdrawn_date, p.withdrawn_reason, p.merged_into_id, p.merged_at,
  (SELECT m.name FROM projects m WHERE m.id = p.merged_into_id) AS merged_into_name`;

export function createLifecycleRepository() {
  /** Change one project row when its version is `expectedVersion`, bumping the version; false when it no longer matches. */
  async function updateVersioned(q: Queryable, id: string, expectedVersion: number, sets: string, params: unknown[]): Promise<boolean> {
    const rows = await q.query(`UPDATE projects SET ${sets}, version = version + 1, updated_at = now() WHERE id = $1 AND version = $2 RETURNING id`, [
      id,
      expectedVersion,
      ...params,
    ]);
    return rows.length > 0;
  }

  return {
    async withdraw(
      q: Queryable,
      id: string,
      expectedVersion: number,
      w: { date: IsoDate; reason: string; byUserId: string | null },
    ): Promise<boolean> {
      return updateVersioned(q, id, expectedVersion, 'withdrawn_date = $3::date, withdrawn_reason = $4, withdrawn_by = $5::uuid', [
        w.date,
        w.reason,
        w.byUserId,
      ]);
    },

    async reinstate(q: Queryable, id: string, expectedVersion: number): Promise<boolean> {
      return updateVersioned(q, id, expectedVersion, 'withdrawn_date = NULL, withdrawn_reason = NULL, withdrawn_by = NULL', []);
    },

    /** Close the duplicate as merged into `intoId`. */
    async markMerged(q: Queryable, id: string, expectedVersion: number, intoId: string): Promise<boolean> {
      return updateVersioned(q, id, expectedVersion, 'merged_into_id = $3::uuid, merged_at = now()', [intoId]);
    },

    /** A new version of the record that stays (it receives knelpunten and parties). */
    async touch(q: Queryable, id: string, expectedVersion: number): Promise<boolean> {
      return updateVersioned(q, id, expectedVersion, 'id = id', []);
    },

    /** Move knelpunten to another project (each gets a new version: it changed). */
    async moveKnelpunten(q: Queryable, fromId: string, toId: string, ids: readonly string[]): Promise<void> {
      if (ids.length === 0) return;
      await q.query('UPDATE knelpunten SET project_id = $2, version = version + 1 WHERE project_id = $1 AND id = ANY($3::uuid[])', [
        fromId,
        toId,
        [...ids],
      ]);
    },

    /** Add parties to a project (ones it has already are left as they are). */
    async addParties(q: Queryable, projectId: string, parties: readonly Party[]): Promise<void> {
      if (parties.length === 0) return;
      await insertRows(
        q,
        'project_parties',
        ['project_id', 'organisation_id', 'role'],
        parties.map((p) => [projectId, p.organisationId, p.role]),
        { suffix: 'ON CONFLICT DO NOTHING' },
      );
    },

    /** The withdrawn plans (planuitval) of these gemeenten (undefined: the whole country), with their withdrawal date and programme total. */
    async planuitval(
      q: Queryable,
      gemeenteCodes: readonly string[] | undefined,
      options: { syntheticOnly?: boolean } = {},
    ): Promise<Array<{ withdrawnDate: IsoDate; totalHomes: number }>> {
      return q.query(
        `SELECT to_char(p.withdrawn_date, 'YYYY-MM-DD') AS "withdrawnDate", p.total_homes AS "totalHomes"
         FROM projects p WHERE ($1::text[] IS NULL OR p.gemeente_code = ANY($1::text[])) AND ${planuitvalSql('p')} AND (p.synthetic OR NOT $2)`,
        [gemeenteCodes ? [...gemeenteCodes] : null, options.syntheticOnly ?? false],
      );
    },
  };
}

export type LifecycleRepository = ReturnType<typeof createLifecycleRepository>;
