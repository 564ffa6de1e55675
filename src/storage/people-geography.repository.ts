/**
 * The geography the people rules need (src/domain/access.ts canAssignRoleScope), read whole in three small queries:
 * where each gemeente lies, which gemeenten each table has now, and which organisations are current members of a table
 * (region_organisations, not left). SQL only.
 */
import type { Queryable } from './db.ts';

export interface PeopleGeographyRows {
  gemeenten: Array<{ code: string; provincieCode: string }>;
  tableGemeenten: Array<{ regionId: string; gemeenteCode: string }>;
  memberships: Array<{ regionId: string; organisationId: string }>;
}

export interface ScopeCandidates {
  gemeenteCode: Array<{ value: string; label: string }>;
  regionId: Array<{ value: string; label: string }>;
  provincieCode: Array<{ value: string; label: string }>;
  organisationId: Array<{ value: string; label: string; type: string; synthetic: boolean }>;
}

export function createPeopleGeographyRepository() {
  return {
    /** Every gemeente, region, province and organisation by name: what a scope may be. */
    async candidates(q: Queryable): Promise<ScopeCandidates> {
      return {
        gemeenteCode: await q.query('SELECT code AS value, name AS label FROM gemeenten WHERE ended_on IS NULL ORDER BY name'),
        regionId: await q.query('SELECT id AS value, name AS label FROM regions ORDER BY name'),
        provincieCode: await q.query('SELECT code AS value, name AS label FROM provincies ORDER BY name'),
        organisationId: await q.query(
          "SELECT id::text AS value, name AS label, type, synthetic FROM organisations WHERE type <> 'gemeente' ORDER BY name",
        ),
      };
    },

    async load(q: Queryable): Promise<PeopleGeographyRows> {
      const gemeenten = await q.query<{ code: string; provincieCode: string }>('SELECT code, provincie_code AS "provincieCode" FROM gemeenten');
      const tableGemeenten = await q.query<{ regionId: string; gemeenteCode: string }>(
        'SELECT region_id AS "regionId", gemeente_code AS "gemeenteCode" FROM region_gemeenten',
      );
      const memberships = await q.query<{ regionId: string; organisationId: string }>(
        `SELECT region_id AS "regionId", organisation_id::text AS "organisationId" FROM region_organisations
         WHERE left_on IS NULL OR left_on > CURRENT_DATE`,
      );
      return { gemeenten, tableGemeenten, memberships };
    },
  };
}

export type PeopleGeographyRepository = ReturnType<typeof createPeopleGeographyRepository>;
