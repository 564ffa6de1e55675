/**
 * SQL of "Mijn kwartaalronde": the open rounds a party takes part in and its own projects there, with
 * what the state and the "let op" facts are decided on. Two queries whatever the number of projects
 * (no query per project): one for the rounds, one for all their projects.
 */
import type { Kwartaal } from '../domain/kwartaal.ts';
import type { Milestone } from '../domain/project.ts';
import type { Queryable } from './db.ts';
import { countedSql } from './lifecycle.repository.ts';

/** Whose rounds: a gemeente (its projects) or a market party (the projects it is party to), and for which organisation it delivers. */
export interface MyRoundWho {
  /** The organisation whose deliveries count (src/domain/access.ts deliveringOrganisation). */
  organisationId: string;
  /** A gemeente editor: the gemeente whose projects are its own. */
  gemeenteCode: string | null;
  /** A market party: the organisation whose projects are its own. */
  partyOrganisationId: string | null;
  /** Demo roles: synthetic demo projects only. */
  syntheticOnly: boolean;
  /** Roles whose edits deliver for their organisation (src/domain/access.ts PARTY_ROLES). */
  partyRoles: readonly string[];
}

export interface MyOpenRoundRecord {
  id: string;
  regionId: string;
  regionName: string;
  quarter: Kwartaal;
  deadline: string;
}

export interface MyRoundProjectRow {
  roundId: string;
  id: string;
  name: string;
  gemeenteCode: string;
  gemeenteName: string;
  version: number;
  milestones: Array<Pick<Milestone, 'code' | 'ownerSide' | 'baselineDate' | 'forecastDate' | 'actualDate'>>;
  openKnelpunten: number;
  editedAt: string | null;
  confirmedAt: string | null;
}

/**
 * The caller's own projects among those of alias `p` (parameters $1 gemeente code, $2 party organisation, $3
 * synthetic only); a withdrawn or merged plan is in no round (as in round.repository.ts).
 */
const OWN_PROJECT = `(($1::text IS NOT NULL AND p.gemeente_code = $1::text)
    OR ($2::uuid IS NOT NULL AND EXISTS (SELECT 1 FROM project_parties pp WHERE pp.project_id = p.id AND pp.organisation_id = $2::uuid)))
  AND (NOT $3::boolean OR p.synthetic) AND ${countedSql('p')}`;

/**
 * The organisation an audit entry's author delivers for: its own organisation, or for a gemeente editor
 * without one its gemeente's (as src/storage/round.repository.ts liveEdits attributes edits).
 */
const EDITOR_ORGANISATION = `COALESCE(u.organisation_id,
  (SELECT gm.id FROM organisations gm WHERE gm.type = 'gemeente' AND gm.gemeente_code = u.gemeente_code LIMIT 1))`;

const isoOrNull = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

export function createMyRoundRepository() {
  return {
    /**
     * Open rounds of the tables the caller takes part in: a gemeente in the table, or a party of one of
     * the projects in the table's gemeenten. Deadline first.
     */
    async openRounds(q: Queryable, who: MyRoundWho): Promise<MyOpenRoundRecord[]> {
      return q.query<MyOpenRoundRecord>(
        `SELECT r.id, r.region_id AS "regionId", reg.name AS "regionName", r.quarter, to_char(r.deadline, 'YYYY-MM-DD') AS deadline
         FROM rounds r JOIN regions reg ON reg.id = r.region_id
         WHERE r.closed_at IS NULL AND (
           ($1::text IS NOT NULL AND EXISTS (SELECT 1 FROM region_gemeenten rg WHERE rg.region_id = r.region_id AND rg.gemeente_code = $1::text))
           OR ($2::uuid IS NOT NULL AND EXISTS (
             SELECT 1 FROM region_gemeenten rg JOIN projects p ON p.gemeente_code = rg.gemeente_code
             WHERE rg.region_id = r.region_id AND ${OWN_PROJECT})))
         ORDER BY r.deadline, reg.name, r.id`,
        [who.gemeenteCode, who.partyOrganisationId, who.syntheticOnly],
      );
    },

    /** The caller's projects in these rounds, with milestones, open knelpunten, and its organisation's edit and confirmation in each round. */
    async projects(q: Queryable, roundIds: readonly string[], who: MyRoundWho): Promise<MyRoundProjectRow[]> {
      if (roundIds.length === 0) return [];
      const rows = await q.query<MyRoundProjectRow & { editedAt: Date | string | null; confirmedAt: Date | string | null }>(
        `SELECT r.id AS "roundId", p.id, p.name, p.gemeente_code AS "gemeenteCode", g.name AS "gemeenteName", p.version,
           COALESCE((SELECT jsonb_agg(jsonb_build_object('code', m.code, 'ownerSide', m.owner_side, 'baselineDate', m.baseline_date,
               'forecastDate', m.forecast_date, 'actualDate', m.actual_date) ORDER BY m.code)
             FROM project_milestones m WHERE m.project_id = p.id), '[]'::jsonb) AS milestones,
           (SELECT count(*)::int FROM knelpunten k WHERE k.project_id = p.id AND k.resolved_date IS NULL) AS "openKnelpunten",
           (SELECT max(a.at) FROM audit_log a JOIN users u ON u.id = a.actor_user_id AND u.role = ANY($5::text[])
             WHERE a.project_id = p.id AND a.at >= r.opened_at AND ${EDITOR_ORGANISATION} = $4::uuid) AS "editedAt",
           (SELECT d.delivered_at FROM round_deliveries d
             WHERE d.round_id = r.id AND d.project_id = p.id AND d.organisation_id = $4::uuid AND d.via = 'bevestigd') AS "confirmedAt"
         FROM rounds r
         JOIN region_gemeenten rg ON rg.region_id = r.region_id
         JOIN projects p ON p.gemeente_code = rg.gemeente_code
         JOIN gemeenten g ON g.code = p.gemeente_code
         WHERE r.id = ANY($6::uuid[]) AND ${OWN_PROJECT}
         ORDER BY r.id, p.name, p.id`,
        [who.gemeenteCode, who.partyOrganisationId, who.syntheticOnly, who.organisationId, [...who.partyRoles], roundIds],
      );
      return rows.map((r) => ({ ...r, editedAt: isoOrNull(r.editedAt), confirmedAt: isoOrNull(r.confirmedAt) }));
    },

    /** Name and type of the caller's organisation. */
    async organisation(q: Queryable, id: string): Promise<{ id: string; name: string; type: string } | null> {
      const [row] = await q.query<{ id: string; name: string; type: string }>('SELECT id, name, type FROM organisations WHERE id = $1', [id]);
      return row ?? null;
    },
  };
}

export type MyRoundRepository = ReturnType<typeof createMyRoundRepository>;
