/**
 * Merging a duplicate organisation into the one kept (issue 11 item 2; migration 0015): every reference moves,
 * the duplicate row stays, marked. SQL only; the service runs it in one transaction and decides who may.
 *
 * References to organisations: project parties, accounts, deliveries and confirmations of open quarterly rounds
 * (closed rounds are frozen by the database and keep what they recorded), the parties remembered of deleted projects
 * (for access to their audit trail), region memberships (region_organisations, with their dates) and invitations.
 */
import type { MergeCounts } from '../domain/organisation.ts';
import type { Queryable } from './db.ts';

const count = async (q: Queryable, sql: string, params: unknown[]): Promise<number> =>
  Number((await q.query<{ n: number | string }>(sql, params))[0]?.n ?? 0);

const OPEN_ROUND = 'round_id IN (SELECT id FROM rounds WHERE closed_at IS NULL)';

export function createOrganisationMergeRepository() {
  return {
    /** Lock both organisations for the merge (in id order, so two merges of the same pair wait for each other). */
    async lock(q: Queryable, ids: readonly string[]): Promise<void> {
      await q.query('SELECT id FROM organisations WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE', [ids]);
    },

    /** What would move from `duplicate` to `kept` (the preview). */
    async counts(q: Queryable, duplicate: string): Promise<MergeCounts> {
      return {
        projects: await count(q, 'SELECT count(DISTINCT project_id) AS n FROM project_parties WHERE organisation_id = $1', [duplicate]),
        people: await count(q, 'SELECT count(*) AS n FROM users WHERE organisation_id = $1', [duplicate]),
        deliveries:
          (await count(q, `SELECT count(*) AS n FROM round_deliveries WHERE organisation_id = $1 AND ${OPEN_ROUND}`, [duplicate])) +
          (await count(q, `SELECT count(*) AS n FROM round_confirmations WHERE organisation_id = $1 AND ${OPEN_ROUND}`, [duplicate])),
        regions: await count(q, 'SELECT count(*) AS n FROM region_organisations WHERE organisation_id = $1 AND left_on IS NULL', [duplicate]),
        invitations: await count(q, 'SELECT count(*) AS n FROM invitations WHERE organisation_id = $1', [duplicate]),
      };
    },

    /**
     * Move every reference from `duplicate` to `kept`. Where both would end up in one row (a project with both as
     * parties in the same role, a delivery of both for the same round and project, both members of a region) one
     * row stays: for deliveries the later one.
     */
    async moveReferences(q: Queryable, duplicate: string, kept: string): Promise<void> {
      await q.query(
        `INSERT INTO project_parties (project_id, organisation_id, role)
         SELECT project_id, $2, role FROM project_parties WHERE organisation_id = $1 ON CONFLICT DO NOTHING`,
        [duplicate, kept],
      );
      await q.query('DELETE FROM project_parties WHERE organisation_id = $1', [duplicate]);
      await q.query('UPDATE users SET organisation_id = $2, version = version + 1 WHERE organisation_id = $1', [duplicate, kept]);
      // Deliveries in open rounds: of two for the same round and project the later stays.
      await q.query(
        `DELETE FROM round_deliveries d USING round_deliveries k
         WHERE d.round_id = k.round_id AND d.project_id = k.project_id AND d.${OPEN_ROUND}
           AND ((d.organisation_id = $1 AND k.organisation_id = $2 AND d.delivered_at <= k.delivered_at)
             OR (d.organisation_id = $2 AND k.organisation_id = $1 AND d.delivered_at < k.delivered_at))`,
        [duplicate, kept],
      );
      await q.query(`UPDATE round_deliveries SET organisation_id = $2 WHERE organisation_id = $1 AND ${OPEN_ROUND}`, [duplicate, kept]);
      await q.query(`UPDATE round_confirmations SET organisation_id = $2 WHERE organisation_id = $1 AND ${OPEN_ROUND}`, [duplicate, kept]);
      await q.query(
        `UPDATE deleted_projects
         SET party_organisation_ids = ARRAY(SELECT DISTINCT unnest(array_replace(party_organisation_ids, $1::uuid, $2::uuid)))
         WHERE $1::uuid = ANY (party_organisation_ids)`,
        [duplicate, kept],
      );
      // Region memberships keep their dates. Where both are current members of one region, the duplicate's
      // membership ends today (one current membership per organisation and region) and stays as history.
      await q.query(
        `UPDATE region_organisations r SET left_on = GREATEST(r.joined_on, CURRENT_DATE)
         WHERE r.organisation_id = $1 AND r.left_on IS NULL
           AND EXISTS (SELECT 1 FROM region_organisations k WHERE k.region_id = r.region_id AND k.organisation_id = $2 AND k.left_on IS NULL)`,
        [duplicate, kept],
      );
      await q.query('UPDATE region_organisations SET organisation_id = $2 WHERE organisation_id = $1', [duplicate, kept]);
      await q.query('UPDATE invitations SET organisation_id = $2 WHERE organisation_id = $1', [duplicate, kept]);
    },

    /** Mark the duplicate as gone into `kept` (it stays in the database); the KvK number moves when `kept` has none. */
    async markMerged(q: Queryable, duplicate: string, kept: string): Promise<void> {
      const [dup] = await q.query<{ kvk: string | null }>('SELECT kvk_number AS kvk FROM organisations WHERE id = $1', [duplicate]);
      await q.query('UPDATE organisations SET merged_into_id = $2, merged_at = now(), version = version + 1 WHERE id = $1', [duplicate, kept]);
      const kvk = dup?.kvk ?? null;
      if (kvk !== null && (await count(q, 'SELECT count(*) AS n FROM organisations WHERE id = $1 AND kvk_number IS NULL', [kept])) === 1) {
        await q.query('UPDATE organisations SET kvk_number = NULL WHERE id = $1', [duplicate]);
        await q.query('UPDATE organisations SET kvk_number = $2 WHERE id = $1', [kept, kvk]);
      }
      await q.query('UPDATE organisations SET version = version + 1 WHERE id = $1', [kept]);
    },
  };
}

export type OrganisationMergeRepository = ReturnType<typeof createOrganisationMergeRepository>;
