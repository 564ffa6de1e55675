/**
 * Versnellingstafels and woondeal regions set up in the application (issue 11 item 1; migration 0013): the region
 * rows, their dated coverage (region_gemeente_periods) with region_gemeenten kept as the current coverage (the open
 * periods) that rounds, dashboards and project filters read, and member organisations. SQL only.
 */
import type { RegionKind } from '../domain/codes.ts';
import type { Kwartaal } from '../domain/kwartaal.ts';
import type { CoveragePeriod, CoveragePlan, RegionFacts } from '../domain/region.ts';
import type { Queryable } from './db.ts';

export interface RegionRecord {
  id: string;
  kind: RegionKind;
  name: string;
  isExample: boolean;
  synthetic: boolean;
  endedOn: string | null;
  version: number;
  createdAt: string | null;
}

export interface RegionListRecord extends Omit<RegionRecord, 'createdAt'> {
  gemeenteCodes: string[];
  memberCount: number;
}

export interface RegionMembership {
  organisationId: string;
  name: string;
  type: string;
  synthetic: boolean;
  joinedOn: string;
  leftOn: string | null;
}

export interface RegionSecretary {
  userId: string;
  name: string;
  email: string;
  isDemo: boolean;
}

export interface GemeenteFacts {
  code: string;
  name: string;
  provincieCode: string;
}

const REGION_SELECT = `SELECT id, kind, name, is_example AS "isExample", synthetic, to_char(ended_on, 'YYYY-MM-DD') AS "endedOn", version,
  created_at AS "createdAt" FROM regions`;
type RegionRow = Omit<RegionRecord, 'createdAt'> & { createdAt: Date | string | null };
const toRegion = (r: RegionRow): RegionRecord => ({ ...r, createdAt: r.createdAt === null ? null : new Date(r.createdAt).toISOString() });

const PERIOD_SELECT = `SELECT region_id AS "regionId", gemeente_code AS "gemeenteCode", from_quarter AS "fromQuarter", until_quarter AS "untilQuarter"
  FROM region_gemeente_periods`;

export function createRegionAdminRepository() {
  return {
    /** One region; `forUpdate` locks its row until the transaction ends (one change at a time). */
    async get(q: Queryable, id: string, forUpdate = false): Promise<RegionRecord | null> {
      const [row] = await q.query<RegionRow>(`${REGION_SELECT} WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
      return row ? toRegion(row) : null;
    },

    /** Every region as the coverage rules see it: stopped or not, and its latest closed quarter. */
    async facts(q: Queryable): Promise<RegionFacts[]> {
      return q.query<RegionFacts>(
        `SELECT r.id, r.kind, r.name, r.ended_on IS NOT NULL AS ended,
           (SELECT max(quarter) FROM rounds WHERE region_id = r.id AND closed_at IS NOT NULL) AS "lastClosedQuarter"
         FROM regions r ORDER BY r.name`,
      );
    },

    async gemeenten(q: Queryable): Promise<GemeenteFacts[]> {
      return q.query<GemeenteFacts>('SELECT code, name, provincie_code AS "provincieCode" FROM gemeenten ORDER BY code');
    },

    /** The open periods (current and planned coverage) of every region. */
    async openPeriods(q: Queryable): Promise<CoveragePeriod[]> {
      return q.query<CoveragePeriod>(`${PERIOD_SELECT} WHERE until_quarter IS NULL`);
    },

    /** The whole coverage history of a region, oldest first. */
    async periods(q: Queryable, regionId: string): Promise<CoveragePeriod[]> {
      return q.query<CoveragePeriod>(
        `${PERIOD_SELECT} WHERE region_id = $1 ORDER BY from_quarter NULLS FIRST, gemeente_code, until_quarter NULLS LAST`,
        [regionId],
      );
    },

    async closedQuarters(q: Queryable, regionId: string): Promise<Kwartaal[]> {
      const rows = await q.query<{ quarter: Kwartaal }>(
        'SELECT quarter FROM rounds WHERE region_id = $1 AND closed_at IS NOT NULL ORDER BY quarter',
        [regionId],
      );
      return rows.map((r) => r.quarter);
    },

    async insert(q: Queryable, region: { id: string; kind: RegionKind; name: string; synthetic: boolean }): Promise<void> {
      await q.query('INSERT INTO regions (id, kind, name, is_example, synthetic, version, created_at) VALUES ($1, $2, $3, false, $4, 1, now())', [
        region.id,
        region.kind,
        region.name,
        region.synthetic,
      ]);
    },

    /** Change name and end date when `version` is still current, and count one version up; false when stale. */
    async update(q: Queryable, id: string, fields: { name: string; endedOn: string | null }, version: number): Promise<boolean> {
      const rows = await q.query(
        'UPDATE regions SET name = $2, ended_on = $3::date, version = version + 1 WHERE id = $1 AND version = $4 RETURNING id',
        [id, fields.name, fields.endedOn, version],
      );
      return rows.length === 1;
    },

    /** Count the version up for a change elsewhere (coverage) when `version` is still current; false when stale. */
    async touch(q: Queryable, id: string, version: number): Promise<boolean> {
      return (await q.query('UPDATE regions SET version = version + 1 WHERE id = $1 AND version = $2 RETURNING id', [id, version])).length === 1;
    },

    /** Write a coverage change: periods closed, dropped and opened; region_gemeenten follows the open periods. */
    async applyCoverage(q: Queryable, plan: CoveragePlan): Promise<void> {
      for (const c of plan.close) {
        await q.query('UPDATE region_gemeente_periods SET until_quarter = $3 WHERE region_id = $1 AND gemeente_code = $2 AND until_quarter IS NULL', [
          c.regionId,
          c.gemeenteCode,
          c.untilQuarter,
        ]);
      }
      for (const c of plan.cancel) {
        await q.query('DELETE FROM region_gemeente_periods WHERE region_id = $1 AND gemeente_code = $2 AND until_quarter IS NULL', [
          c.regionId,
          c.gemeenteCode,
        ]);
      }
      for (const c of [...plan.close, ...plan.cancel]) {
        await q.query('DELETE FROM region_gemeenten WHERE region_id = $1 AND gemeente_code = $2', [c.regionId, c.gemeenteCode]);
      }
      for (const o of plan.open) {
        await q.query('INSERT INTO region_gemeente_periods (region_id, gemeente_code, from_quarter) VALUES ($1, $2, $3)', [
          o.regionId,
          o.gemeenteCode,
          o.fromQuarter,
        ]);
        await q.query('INSERT INTO region_gemeenten (region_id, gemeente_code) VALUES ($1, $2) ON CONFLICT DO NOTHING', [o.regionId, o.gemeenteCode]);
      }
    },

    /** Every membership of the table, current ones first, with the organisation's name. */
    async members(q: Queryable, regionId: string): Promise<RegionMembership[]> {
      return q.query<RegionMembership>(
        `SELECT ro.organisation_id AS "organisationId", o.name, o.type, o.synthetic, to_char(ro.joined_on, 'YYYY-MM-DD') AS "joinedOn",
           to_char(ro.left_on, 'YYYY-MM-DD') AS "leftOn"
         FROM region_organisations ro JOIN organisations o ON o.id = ro.organisation_id
         WHERE ro.region_id = $1 ORDER BY ro.left_on IS NOT NULL, o.name, ro.joined_on`,
        [regionId],
      );
    },

    /** Add a current member from a date; false when it is a member already. */
    async addMember(q: Queryable, regionId: string, organisationId: string, joinedOn: string): Promise<boolean> {
      const rows = await q.query(
        `INSERT INTO region_organisations (region_id, organisation_id, joined_on) VALUES ($1, $2, $3::date)
         ON CONFLICT (region_id, organisation_id) WHERE left_on IS NULL DO NOTHING RETURNING id`,
        [regionId, organisationId, joinedOn],
      );
      return rows.length === 1;
    },

    /** End a current membership on a date (not before it began); false when the organisation is no current member. */
    async removeMember(q: Queryable, regionId: string, organisationId: string, leftOn: string): Promise<boolean> {
      const rows = await q.query(
        `UPDATE region_organisations SET left_on = GREATEST($3::date, joined_on)
         WHERE region_id = $1 AND organisation_id = $2 AND left_on IS NULL RETURNING id`,
        [regionId, organisationId, leftOn],
      );
      return rows.length === 1;
    },

    /** The accounts that run this table (role tafel_secretaris with this region), active ones. */
    async secretaries(q: Queryable, regionId: string): Promise<RegionSecretary[]> {
      return q.query<RegionSecretary>(
        `SELECT id AS "userId", name, email, is_demo AS "isDemo" FROM users
         WHERE role = 'tafel_secretaris' AND region_id = $1 AND NOT disabled ORDER BY name`,
        [regionId],
      );
    },

    /** Every region (of a kind) with its current gemeenten and how many organisations are members now. */
    async list(q: Queryable, kind?: RegionKind): Promise<RegionListRecord[]> {
      return q.query<RegionListRecord>(
        `SELECT r.id, r.kind, r.name, r.is_example AS "isExample", r.synthetic, to_char(r.ended_on, 'YYYY-MM-DD') AS "endedOn", r.version,
           COALESCE((SELECT array_agg(rg.gemeente_code ORDER BY rg.gemeente_code) FROM region_gemeenten rg WHERE rg.region_id = r.id), '{}') AS "gemeenteCodes",
           (SELECT count(*)::int FROM region_organisations ro WHERE ro.region_id = r.id AND ro.left_on IS NULL) AS "memberCount"
         FROM regions r WHERE ($1::text IS NULL OR r.kind = $1) ORDER BY r.name`,
        [kind ?? null],
      );
    },
  };
}

export type RegionAdminRepository = ReturnType<typeof createRegionAdminRepository>;
