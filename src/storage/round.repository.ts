/**
 * All SQL of the quarterly round: rounds, confirmations, delivery facts and frozen snapshots.
 * Reads of a whole region are set-based (one query per table, never one per project): a table can
 * have ~2,000 projects.
 */
import { countedSql } from './lifecycle.repository.ts';
import type { OrganisationType, RegionKind } from '../domain/codes.ts';
import type { Kwartaal } from '../domain/kwartaal.ts';
import type { Knelpunt } from '../domain/project.ts';
import type { DeliveryVia, Round } from '../domain/round.ts';
import type { MilestoneDates } from '../domain/forecast-expired.ts';
import type { Phase, PlanStatus, StatusColour } from '../domain/codes.ts';
import { insertRows } from './batch.ts';
import { queryOne, type Queryable } from './db.ts';
import { projectParts, type ProjectParts, type ProjectSummary } from './project.repository.ts';

/** A round as stored, with its region's name and, once closed, the number of projects frozen. */
export interface RoundRecord extends Round {
  regionName: string;
  projectCount: number | null;
}

/** What delivery is decided on, per project, plus what the status list shows. */
export interface DeliveryFactsRow {
  projectId: string;
  name: string;
  gemeenteCode: string;
  gemeenteName: string;
  updatedAt: string;
  /** The milestones' dates (for expired forecasts). */
  milestones: MilestoneDates[];
  /** Organisations that answer for a side of the project: its gemeente and every party. */
  parties: Array<{ organisationId: string; type: OrganisationType }>;
}

/** A delivery recorded in a round for one party and one project. */
export interface DeliveryRecord {
  projectId: string;
  organisationId: string;
  via: DeliveryVia;
  at: string;
  onBehalf: boolean;
  reason: string | null;
  recordedByName: string | null;
  recordedByUserId: string | null;
  batchId: string | null;
}

/** The latest edit of a project by a user of an organisation since the round opened (from the audit trail). */
export interface EditRecord {
  projectId: string;
  organisationId: string;
  at: string;
}

export interface ConfirmationInsert {
  organisationId: string;
  recordedByUserId: string | null;
  recordedByName: string;
  /** Reason when recorded on behalf of the party by the secretary; null for the party itself. */
  onBehalfReason: string | null;
  batchId: string;
}

export interface SnapshotRow {
  projectId: string;
  delivery: DeliveryVia | null;
  data: unknown;
}

/** The headline figures of a project as frozen in one round. */
export interface SnapshotHeadline {
  name: string;
  phase: Phase;
  status: StatusColour;
  planStatus: PlanStatus;
  totalHomes: number;
  maxDelayMonths: number;
  version: number;
}

export interface SnapshotFilter {
  /** Demo roles: the synthetic demo projects only (src/domain/access.ts syntheticDataOnly). */
  syntheticOnly?: boolean;
  gemeenteCodes?: string[];
  planStatuses?: string[];
  phases?: string[];
  statuses?: string[];
  q?: string;
}

export const SNAPSHOT_SORT = {
  name: `s.data->>'name'`,
  gemeente: `s.data->>'gemeenteName'`,
  totalHomes: `(s.data->>'totalHomes')::int`,
  affordableHomes: `(s.data->>'affordableHomes')::int`,
  maxDelayMonths: `(s.data->>'maxDelayMonths')::int`,
} as const;
export type SnapshotSortKey = keyof typeof SNAPSHOT_SORT;

export interface RegionParts extends ProjectParts {
  knelpunten: Map<string, Knelpunt[]>;
}

interface RoundRow {
  id: string;
  region_id: string;
  region_name: string;
  quarter: Kwartaal;
  deadline: string;
  opened_at: Date | string;
  closed_at: Date | string | null;
  project_count: number | null;
}

const iso = (v: Date | string) => new Date(v).toISOString();
const isoOrNull = (v: Date | string | null) => (v === null ? null : iso(v));

const ROUND_SELECT = `SELECT r.id, r.region_id, reg.name AS region_name, r.quarter, r.deadline, r.opened_at, r.closed_at, r.project_count
  FROM rounds r JOIN regions reg ON reg.id = r.region_id`;

function toRound(r: RoundRow): RoundRecord {
  return {
    id: r.id,
    regionId: r.region_id,
    regionName: r.region_name,
    quarter: r.quarter,
    deadline: r.deadline,
    openedAt: iso(r.opened_at),
    closedAt: isoOrNull(r.closed_at),
    projectCount: r.project_count,
  };
}

/** Projects of a region: those in the region's gemeenten (SPEC §2 "Geography": a versnellingstafel is a set of gemeenten). */
const REGION_PROJECT_IDS = `SELECT p.id FROM projects p JOIN region_gemeenten rg ON rg.gemeente_code = p.gemeente_code WHERE rg.region_id = $1 AND ${countedSql('p')}`;

export function createRoundRepository() {
  return {
    async getRegion(q: Queryable, regionId: string): Promise<{ id: string; kind: RegionKind; name: string; endedOn: string | null } | null> {
      const [row] = await q.query<{ id: string; kind: RegionKind; name: string; endedOn: string | null }>(
        `SELECT id, kind, name, to_char(ended_on, 'YYYY-MM-DD') AS "endedOn" FROM regions WHERE id = $1`,
        [regionId],
      );
      return row ?? null;
    },

    /** Lock the region row so two requests cannot open a round for it at the same time. */
    async lockRegion(q: Queryable, regionId: string): Promise<void> {
      await q.query('SELECT id FROM regions WHERE id = $1 FOR UPDATE', [regionId]);
    },

    async listByRegion(q: Queryable, regionId: string): Promise<RoundRecord[]> {
      const rows = await q.query<RoundRow>(`${ROUND_SELECT} WHERE r.region_id = $1 ORDER BY r.quarter DESC`, [regionId]);
      return rows.map(toRound);
    },

    /** A round; `forUpdate` locks it until the transaction ends (close and confirm serialise on it). */
    async get(q: Queryable, roundId: string, options: { forUpdate?: boolean } = {}): Promise<RoundRecord | null> {
      const [row] = await q.query<RoundRow>(`${ROUND_SELECT} WHERE r.id = $1 ${options.forUpdate ? 'FOR UPDATE OF r' : ''}`, [roundId]);
      return row ? toRound(row) : null;
    },

    /** Insert a round opened now (database clock: the same clock as projects.updated_at). */
    async insert(q: Queryable, round: { id: string; regionId: string; quarter: Kwartaal; deadline: string }): Promise<void> {
      await q.query('INSERT INTO rounds (id, region_id, quarter, deadline, opened_at) VALUES ($1, $2, $3, $4::date, now())', [
        round.id,
        round.regionId,
        round.quarter,
        round.deadline,
      ]);
    },

    async markClosed(q: Queryable, roundId: string, projectCount: number): Promise<void> {
      await q.query('UPDATE rounds SET closed_at = now(), project_count = $2 WHERE id = $1 AND closed_at IS NULL', [roundId, projectCount]);
    },

    /** Every project now in the region, with its milestones' dates and the organisations that answer for it. */
    async liveDeliveryFacts(q: Queryable, round: Pick<Round, 'id' | 'regionId'>): Promise<DeliveryFactsRow[]> {
      const rows = await q.query<Omit<DeliveryFactsRow, 'updatedAt'> & { updatedAt: Date | string }>(
        `SELECT p.id AS "projectId", p.name, p.gemeente_code AS "gemeenteCode", g.name AS "gemeenteName", p.updated_at AS "updatedAt",
           COALESCE((SELECT jsonb_agg(jsonb_build_object('code', m.code, 'ownerSide', m.owner_side, 'forecastDate', m.forecast_date, 'actualDate', m.actual_date) ORDER BY m.code)
             FROM project_milestones m WHERE m.project_id = p.id), '[]'::jsonb) AS milestones,
           COALESCE((SELECT jsonb_agg(jsonb_build_object('organisationId', x.id, 'type', x.type) ORDER BY x.id) FROM (
               SELECT o.id, o.type FROM organisations o WHERE o.type = 'gemeente' AND o.gemeente_code = p.gemeente_code
               UNION SELECT o.id, o.type FROM project_parties pp JOIN organisations o ON o.id = pp.organisation_id WHERE pp.project_id = p.id) x), '[]'::jsonb) AS parties
         FROM rounds r
         JOIN region_gemeenten rg ON rg.region_id = r.region_id
         JOIN projects p ON p.gemeente_code = rg.gemeente_code
         JOIN gemeenten g ON g.code = p.gemeente_code
         WHERE r.id = $1 AND r.region_id = $2 AND ${countedSql('p')}
         ORDER BY g.name, p.name, p.id`,
        [round.id, round.regionId],
      );
      return rows.map((r) => ({ ...r, updatedAt: iso(r.updatedAt) }));
    },

    /**
     * Edits of the region's projects since the round opened, per editing organisation: a user of a
     * gemeente (its gemeente) or of a market party (its organisation). Read from the audit trail, which
     * knows who changed what; edits by others (secretary, administrator) deliver for no party. `partyRoles`: the
     * roles whose users deliver for their organisation (src/domain/access.ts PARTY_ROLES).
     */
    async liveEdits(q: Queryable, roundId: string, partyRoles: readonly string[]): Promise<EditRecord[]> {
      const rows = await q.query<EditRecord & { at: Date | string }>(
        `SELECT a.project_id AS "projectId", org.id AS "organisationId", max(a.at) AS at
         FROM rounds r
         JOIN region_gemeenten rg ON rg.region_id = r.region_id
         JOIN projects p ON p.gemeente_code = rg.gemeente_code
         JOIN audit_log a ON a.project_id = p.id AND a.at >= r.opened_at
         JOIN users u ON u.id = a.actor_user_id AND u.role = ANY($2::text[])
         JOIN organisations org ON org.id = COALESCE(u.organisation_id,
           (SELECT gm.id FROM organisations gm WHERE gm.type = 'gemeente' AND gm.gemeente_code = u.gemeente_code LIMIT 1))
         WHERE r.id = $1 AND ${countedSql('p')}
         GROUP BY a.project_id, org.id`,
        [roundId, [...partyRoles]],
      );
      return rows.map((r) => ({ ...r, at: iso(r.at) }));
    },

    /** Deliveries recorded in a round (confirmations; once closed also the edits frozen with it). */
    async deliveries(q: Queryable, roundId: string): Promise<DeliveryRecord[]> {
      const rows = await q.query<DeliveryRecord & { at: Date | string }>(
        `SELECT project_id AS "projectId", organisation_id AS "organisationId", via, delivered_at AS at, on_behalf AS "onBehalf", reason,
           recorded_by_name AS "recordedByName", recorded_by_user_id AS "recordedByUserId", batch_id AS "batchId"
         FROM round_deliveries WHERE round_id = $1`,
        [roundId],
      );
      return rows.map((r) => ({ ...r, at: iso(r.at) }));
    },

    /** Freeze the edits of the open round as deliveries (at close): an edit counts before a confirmation. */
    async freezeEdits(q: Queryable, roundId: string, edits: readonly EditRecord[]): Promise<void> {
      if (edits.length === 0) return;
      await q.query(
        `INSERT INTO round_deliveries (round_id, project_id, organisation_id, via, delivered_at)
         SELECT $1, e.project_id, e.organisation_id, 'gewijzigd', e.at
         FROM unnest($2::uuid[], $3::uuid[], $4::timestamptz[]) AS e (project_id, organisation_id, at)
         ON CONFLICT (round_id, project_id, organisation_id)
         DO UPDATE SET via = 'gewijzigd', delivered_at = EXCLUDED.delivered_at, on_behalf = false, reason = NULL, recorded_by_user_id = NULL, recorded_by_name = NULL`,
        [roundId, edits.map((e) => e.projectId), edits.map((e) => e.organisationId), edits.map((e) => e.at)],
      );
    },

    /** Delivery facts of a closed round, as frozen in its snapshots. */
    async snapshotDeliveryFacts(q: Queryable, roundId: string): Promise<DeliveryFactsRow[]> {
      return q.query<DeliveryFactsRow>(
        `SELECT s.project_id AS "projectId", s.data->>'name' AS name, s.data->>'gemeenteCode' AS "gemeenteCode",
           s.data->>'gemeenteName' AS "gemeenteName", s.data->>'updatedAt' AS "updatedAt",
           COALESCE((SELECT jsonb_agg(jsonb_build_object('code', m->'code', 'ownerSide', m->'ownerSide', 'forecastDate', m->'forecastDate', 'actualDate', m->'actualDate'))
             FROM jsonb_array_elements(s.data->'milestones') m), '[]'::jsonb) AS milestones,
           COALESCE((SELECT jsonb_agg(jsonb_build_object('organisationId', x.id, 'type', x.type) ORDER BY x.id) FROM (
               SELECT o.id, o.type FROM organisations o WHERE o.type = 'gemeente' AND o.gemeente_code = s.data->>'gemeenteCode'
               UNION SELECT o.id, o.type FROM jsonb_array_elements(s.data->'parties') pp JOIN organisations o ON o.id = (pp->>'organisationId')::uuid) x), '[]'::jsonb) AS parties
         FROM round_snapshots s
         WHERE s.round_id = $1
         ORDER BY s.data->>'gemeenteName', s.data->>'name', s.project_id`,
        [roundId],
      );
    },

    /** For each id: the project (for the access check), whether it lies in the region (ids that do not exist are absent). */
    async projectMembership(q: Queryable, regionId: string, projectIds: readonly string[]) {
      const rows = await q.query<{ id: string; name: string; gemeente_name: string; in_region: boolean }>(
        `SELECT p.id, p.name, g.name AS gemeente_name,
           EXISTS (SELECT 1 FROM region_gemeenten rg WHERE rg.region_id = $1 AND rg.gemeente_code = p.gemeente_code) AS in_region
         FROM projects p JOIN gemeenten g ON g.code = p.gemeente_code WHERE p.id = ANY($2::uuid[])`,
        [regionId, projectIds],
      );
      return new Map(rows.map((r) => [r.id, { name: r.name, gemeenteName: r.gemeente_name, inRegion: r.in_region }]));
    },

    /** Record confirmations for one party in one statement; returns the ids newly confirmed (already delivered ones stay as they were). */
    async confirm(q: Queryable, roundId: string, projectIds: readonly string[], c: ConfirmationInsert): Promise<string[]> {
      if (projectIds.length === 0) return [];
      const rows = await q.query<{ project_id: string }>(
        `INSERT INTO round_deliveries (round_id, project_id, organisation_id, via, delivered_at, recorded_by_user_id, recorded_by_name, on_behalf, reason, batch_id)
         SELECT $1, id, $3::uuid, 'bevestigd', now(), $4::uuid, $5, $6::text IS NOT NULL, $6::text, $7::uuid FROM unnest($2::uuid[]) AS id
         ON CONFLICT (round_id, project_id, organisation_id) DO NOTHING RETURNING project_id`,
        [roundId, projectIds, c.organisationId, c.recordedByUserId, c.recordedByName, c.onBehalfReason, c.batchId],
      );
      return rows.map((r) => r.project_id);
    },

    /** Confirmations to undo: one batch, or one party's confirmation of one project. */
    async confirmationsOf(
      q: Queryable,
      roundId: string,
      which: { batchId: string } | { projectId: string; organisationId: string },
    ): Promise<DeliveryRecord[]> {
      const [where, params] =
        'batchId' in which
          ? ['batch_id = $2', [roundId, which.batchId]]
          : ['project_id = $2 AND organisation_id = $3', [roundId, which.projectId, which.organisationId]];
      const rows = await q.query<DeliveryRecord & { at: Date | string }>(
        `SELECT project_id AS "projectId", organisation_id AS "organisationId", via, delivered_at AS at, on_behalf AS "onBehalf", reason,
           recorded_by_name AS "recordedByName", recorded_by_user_id AS "recordedByUserId", batch_id AS "batchId"
         FROM round_deliveries WHERE round_id = $1 AND via = 'bevestigd' AND ${where} ORDER BY project_id FOR UPDATE`,
        params,
      );
      return rows.map((r) => ({ ...r, at: iso(r.at) }));
    },

    async deleteConfirmations(q: Queryable, roundId: string, rows: readonly Pick<DeliveryRecord, 'projectId' | 'organisationId'>[]): Promise<number> {
      if (rows.length === 0) return 0;
      const deleted = await q.query<{ project_id: string }>(
        `DELETE FROM round_deliveries d USING unnest($2::uuid[], $3::uuid[]) AS x (project_id, organisation_id)
         WHERE d.round_id = $1 AND d.project_id = x.project_id AND d.organisation_id = x.organisation_id AND d.via = 'bevestigd' RETURNING d.project_id`,
        [roundId, rows.map((r) => r.projectId), rows.map((r) => r.organisationId)],
      );
      return deleted.length;
    },

    async organisations(q: Queryable, ids: readonly string[]): Promise<Map<string, { name: string; type: OrganisationType }>> {
      if (ids.length === 0) return new Map();
      const rows = await q.query<{ id: string; name: string; type: OrganisationType }>(
        'SELECT id, name, type FROM organisations WHERE id = ANY($1::uuid[])',
        [ids],
      );
      return new Map(rows.map((r) => [r.id, { name: r.name, type: r.type }]));
    },

    /**
     * Block every project write until this transaction ends, so the snapshot is one consistent moment.
     * Every project change (parts, knelpunten, delete) updates its `projects` row, which this lock waits
     * for and blocks; reads go on.
     */
    async lockProjectsForSnapshot(q: Queryable): Promise<void> {
      await q.query('LOCK TABLE projects IN SHARE MODE');
    },

    /** The parts of every project in the region, grouped per project, ordered as the project repository orders them. */
    async regionParts(q: Queryable, regionId: string): Promise<RegionParts> {
      const where = `project_id IN (${REGION_PROJECT_IDS})`;
      const parts = await projectParts(q, where, [regionId]);
      const knelpunten = await q.query<Knelpunt>(
        `SELECT id, project_id AS "projectId", category, description, owner, raised_date AS "raisedDate", escalated,
           escalated_on AS "escalatedOn", escalation_reason AS "escalationReason", resolution,
           resolved_date AS "resolvedDate", version FROM knelpunten WHERE ${where} ORDER BY project_id, raised_date, id`,
        [regionId],
      );
      const knelpuntenByProject = new Map<string, Knelpunt[]>();
      for (const k of knelpunten) {
        let list = knelpuntenByProject.get(k.projectId);
        if (!list) knelpuntenByProject.set(k.projectId, (list = []));
        list.push(k);
      }
      return { ...parts, knelpunten: knelpuntenByProject };
    },

    /** Write snapshots in multi-row batches (each row carries a full project view of a few kB). */
    async insertSnapshots(q: Queryable, roundId: string, rows: readonly SnapshotRow[]): Promise<void> {
      await insertRows(
        q,
        'round_snapshots',
        ['round_id', 'project_id', 'delivery', 'data'],
        rows.map((r) => [roundId, r.projectId, r.delivery, JSON.stringify(r.data)]),
        { batchSize: 250, casts: { data: 'jsonb' } },
      );
    },

    /** Project summaries as frozen in a round: the project view without its parts. */
    async listSnapshots(
      q: Queryable,
      roundId: string,
      filter: SnapshotFilter,
      page: { limit: number; offset: number; sort: SnapshotSortKey; descending: boolean },
    ): Promise<{ items: ProjectSummary[]; total: number }> {
      const clauses = ['s.round_id = $1'];
      const params: unknown[] = [roundId];
      const add = (sql: (n: string) => string, value: unknown) => {
        params.push(value);
        clauses.push(sql(`$${params.length}`));
      };
      if (filter.syntheticOnly) clauses.push(`(s.data->>'synthetic')::boolean`);
      if (filter.gemeenteCodes?.length) add((n) => `s.data->>'gemeenteCode' = ANY(${n}::text[])`, filter.gemeenteCodes);
      if (filter.planStatuses?.length) add((n) => `s.data->>'planStatus' = ANY(${n}::text[])`, filter.planStatuses);
      if (filter.phases?.length) add((n) => `s.data->>'phase' = ANY(${n}::text[])`, filter.phases);
      if (filter.statuses?.length) add((n) => `s.data->>'status' = ANY(${n}::text[])`, filter.statuses);
      if (filter.q) add((n) => `s.data->>'name' ILIKE ${n}`, `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      const where = clauses.join(' AND ');
      const n = params.length;
      // The stored view minus its parts is exactly a project list item (ProjectSummary).
      const rows = await q.query<{ item: ProjectSummary }>(
        `SELECT s.data - '{programme,jaarschijven,milestones,parties,knelpunten,warnings}'::text[] AS item
         FROM round_snapshots s WHERE ${where}
         ORDER BY ${SNAPSHOT_SORT[page.sort]} ${page.descending ? 'DESC' : 'ASC'}, s.project_id LIMIT $${n + 1} OFFSET $${n + 2}`,
        [...params, page.limit, page.offset],
      );
      const { total } = await queryOne<{ total: number }>(q, `SELECT count(*) AS total FROM round_snapshots s WHERE ${where}`, params);
      return { items: rows.map((r) => r.item), total };
    },

    async getSnapshot(q: Queryable, roundId: string, projectId: string): Promise<unknown | null> {
      const [row] = await q.query<{ data: unknown }>('SELECT data FROM round_snapshots WHERE round_id = $1 AND project_id = $2', [
        roundId,
        projectId,
      ]);
      return row ? row.data : null;
    },

    /**
     * The latest closed round that concerns a project: one that froze it, or one of a region its
     * gemeente lies in (a project created since then has no snapshot there yet).
     */
    async latestClosedRoundFor(q: Queryable, projectId: string, gemeenteCode: string): Promise<RoundRecord | null> {
      const [row] = await q.query<RoundRow>(
        `${ROUND_SELECT}
         WHERE r.closed_at IS NOT NULL AND (
           EXISTS (SELECT 1 FROM round_snapshots s WHERE s.round_id = r.id AND s.project_id = $1)
           OR EXISTS (SELECT 1 FROM region_gemeenten rg WHERE rg.region_id = r.region_id AND rg.gemeente_code = $2))
         ORDER BY r.quarter DESC, r.closed_at DESC, r.id LIMIT 1`,
        [projectId, gemeenteCode],
      );
      return row ? toRound(row) : null;
    },

    async regionContains(q: Queryable, regionId: string, gemeenteCode: string): Promise<boolean> {
      return (await q.query('SELECT 1 FROM region_gemeenten WHERE region_id = $1 AND gemeente_code = $2', [regionId, gemeenteCode])).length > 0;
    },

    /** Every closed round that froze this project, latest quarter first, with the frozen summary figures. */
    async snapshotsOfProject(q: Queryable, projectId: string) {
      const rows = await q.query<RoundRow & { delivery: DeliveryVia | null; summary: SnapshotHeadline }>(
        `SELECT r.id, r.region_id, reg.name AS region_name, r.quarter, r.deadline, r.opened_at, r.closed_at, r.project_count, s.delivery,
           jsonb_build_object('name', s.data->'name', 'phase', s.data->'phase', 'status', s.data->'status', 'planStatus', s.data->'planStatus',
             'totalHomes', s.data->'totalHomes', 'maxDelayMonths', s.data->'maxDelayMonths', 'version', s.data->'version') AS summary
         FROM round_snapshots s JOIN rounds r ON r.id = s.round_id JOIN regions reg ON reg.id = r.region_id
         WHERE s.project_id = $1 ORDER BY r.quarter DESC, r.closed_at DESC`,
        [projectId],
      );
      return rows.map((r) => ({ round: toRound(r), delivery: r.delivery, summary: r.summary }));
    },
  };
}

export type RoundRepository = ReturnType<typeof createRoundRepository>;
