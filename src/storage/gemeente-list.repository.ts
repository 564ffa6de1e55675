/**
 * Applying a newer gemeente list (issue 13 item 5, `wbm reference update-gemeenten`): gemeenten and their
 * organisations, herindelingen, the end of merged gemeenten (migration 0025 gemeenten.ended_on), and moving projects,
 * region memberships, gemeente targets and accounts to the successor. The caller runs it in one transaction.
 */
import { gemeenteOrganisationId } from '../domain/identifiers.ts';
import type { GemeenteListRow } from '../domain/gemeente-list-update.ts';
import type { Herindeling } from '../domain/herindelingen.ts';
import { insertRows } from './batch.ts';
import type { Queryable } from './db.ts';

export function createGemeenteListRepository() {
  return {
    /** The gemeenten in use (not ended). */
    async currentGemeenten(q: Queryable): Promise<Array<{ code: string; name: string; provincieCode: string }>> {
      return q.query(`SELECT code, name, provincie_code AS "provincieCode" FROM gemeenten WHERE ended_on IS NULL ORDER BY code`);
    },

    async provincieCodes(q: Queryable): Promise<Set<string>> {
      return new Set((await q.query<{ code: string }>('SELECT code FROM provincies')).map((r) => r.code));
    },

    /** Insert or update the gemeenten of the list (open again if ended) and an organisation for each new one. */
    async upsertGemeenten(q: Queryable, list: readonly GemeenteListRow[]): Promise<void> {
      await insertRows(
        q,
        'gemeenten',
        ['code', 'name', 'provincie_code', 'corop_code', 'corop_name'],
        list.map((g) => [g.code, g.name, g.provincieCode, g.coropCode, g.coropName]),
        {
          suffix: `ON CONFLICT (code) DO UPDATE SET name = excluded.name, provincie_code = excluded.provincie_code,
            corop_code = excluded.corop_code, corop_name = excluded.corop_name, ended_on = NULL`,
        },
      );
      await insertRows(
        q,
        'organisations',
        ['id', 'name', 'type', 'gemeente_code', 'synthetic'],
        list.map((g) => [gemeenteOrganisationId(g.code), `Gemeente ${g.name}`, 'gemeente', g.code, false]),
        { suffix: 'ON CONFLICT (id) DO UPDATE SET name = excluded.name' },
      );
    },

    async upsertHerindelingen(q: Queryable, rows: readonly Herindeling[], verification: string): Promise<void> {
      await insertRows(
        q,
        'herindelingen',
        [
          'gemeente_code',
          'gemeente_name',
          'year',
          'effective_date',
          'event',
          'successor_code',
          'successor_name',
          'weight',
          'weight_basis',
          'verification',
        ],
        rows.map((h) => [
          h.gemeenteCode,
          h.gemeenteName,
          h.year,
          h.effectiveDate,
          h.event,
          h.successorCode,
          h.successorName,
          h.weight,
          h.weightBasis,
          verification,
        ]),
        {
          casts: { effective_date: 'date' },
          suffix: `ON CONFLICT (gemeente_code, successor_code) DO UPDATE SET gemeente_name = excluded.gemeente_name, year = excluded.year,
            effective_date = excluded.effective_date, event = excluded.event, successor_name = excluded.successor_name, weight = excluded.weight,
            weight_basis = excluded.weight_basis`,
        },
      );
    },

    async endGemeente(q: Queryable, code: string, endedOn: string): Promise<void> {
      await q.query(`UPDATE gemeenten SET ended_on = $2::date WHERE code = $1`, [code, endedOn]);
    },

    /** Move the projects of `from` to `to` (and its province); returns the moved projects with their old facts. */
    async moveProjects(q: Queryable, from: string, to: string): Promise<Array<{ id: string; provincieCode: string; newProvincieCode: string }>> {
      return q.query(
        `WITH old AS (SELECT id, provincie_code FROM projects WHERE gemeente_code = $1 FOR UPDATE)
         UPDATE projects p SET gemeente_code = $2, provincie_code = g.provincie_code, version = p.version + 1, updated_at = now()
         FROM old, gemeenten g WHERE p.id = old.id AND g.code = $2
         RETURNING p.id, old.provincie_code AS "provincieCode", p.provincie_code AS "newProvincieCode"`,
        [from, to],
      );
    },

    /**
     * Region memberships follow: `from` leaves every region it is in (its open period ends with `lastQuarter`) and `to`
     * joins from `firstQuarter` where it is not a member yet. Returns the regions changed.
     */
    async moveRegionMemberships(q: Queryable, from: string, to: string, lastQuarter: string, firstQuarter: string): Promise<string[]> {
      const regions = (
        await q.query<{ region_id: string }>('SELECT region_id FROM region_gemeenten WHERE gemeente_code = $1 ORDER BY region_id', [from])
      ).map((r) => r.region_id);
      for (const region of regions) {
        await q.query(`INSERT INTO region_gemeenten (region_id, gemeente_code) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [region, to]);
        await q.query(`DELETE FROM region_gemeenten WHERE region_id = $1 AND gemeente_code = $2`, [region, from]);
        await q.query(
          `UPDATE region_gemeente_periods SET until_quarter = GREATEST($3, COALESCE(from_quarter, $3))
           WHERE region_id = $1 AND gemeente_code = $2 AND until_quarter IS NULL`,
          [region, from, lastQuarter],
        );
        await q.query(
          `INSERT INTO region_gemeente_periods (region_id, gemeente_code, from_quarter)
           SELECT $1, $2, $3 WHERE NOT EXISTS (SELECT 1 FROM region_gemeente_periods WHERE region_id = $1 AND gemeente_code = $2 AND until_quarter IS NULL)`,
          [region, to, firstQuarter],
        );
      }
      return regions;
    },

    /** Preferred gemeente targets counted in homes of these codes (share targets cannot be added up). */
    async gemeenteTargets(
      q: Queryable,
      codes: readonly string[],
    ): Promise<
      Array<{ id: string; geoCode: string; metric: string; unit: string; periodStart: number; periodEnd: number; homes: number; kind: string }>
    > {
      return q.query(
        `SELECT id, geo_code AS "geoCode", metric, unit, period_start AS "periodStart", period_end AS "periodEnd", homes, kind FROM targets
         WHERE geo_level = 'gemeente' AND geo_code = ANY($1::text[]) AND preferred AND homes IS NOT NULL ORDER BY id`,
        [[...codes]],
      );
    },

    /** The successor's target made of the merged ones (preferred); the old ones stay as history, no longer preferred. */
    async replaceTargets(
      q: Queryable,
      merged: {
        id: string;
        geoCode: string;
        geoName: string;
        metric: string;
        unit: string;
        periodStart: number;
        periodEnd: number;
        homes: number;
        kind: string;
        note: string;
      },
      oldIds: readonly string[],
    ): Promise<void> {
      await q.query(`UPDATE targets SET preferred = false, version = version + 1, updated_at = now() WHERE id = ANY($1::uuid[])`, [[...oldIds]]);
      await q.query(
        `INSERT INTO targets (id, geo_level, geo_code, geo_name, metric, unit, period_start, period_end, homes, kind, note, preferred)
         VALUES ($1, 'gemeente', $2, $3, $4, $5, $6, $7, $8, $9, $10, true)`,
        [
          merged.id,
          merged.geoCode,
          merged.geoName,
          merged.metric,
          merged.unit,
          merged.periodStart,
          merged.periodEnd,
          merged.homes,
          merged.kind,
          merged.note,
        ],
      );
    },

    /** Accounts and open invitations of a gemeente follow it to its successor. Returns how many accounts moved. */
    async moveAccounts(q: Queryable, from: string, to: string): Promise<number> {
      const users = await q.query(`UPDATE users SET gemeente_code = $2 WHERE gemeente_code = $1 RETURNING id`, [from, to]);
      await q.query(`UPDATE invitations SET gemeente_code = $2 WHERE gemeente_code = $1 AND accepted_at IS NULL AND revoked_at IS NULL`, [from, to]);
      return users.length;
    },
  };
}

export type GemeenteListRepository = ReturnType<typeof createGemeenteListRepository>;
