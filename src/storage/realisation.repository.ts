/** Realisations: CBS 81955NED figures, the herindelingen and the opleveringen recorded in the monitor (M12). */
import type { Herindeling } from '../domain/herindelingen.ts';
import type { Oplevering } from '../domain/realisations.ts';
import type { Queryable } from './db.ts';

export interface CbsRow {
  code: string;
  year: number;
  codeIn2025: boolean;
  value: number;
}

export function createRealisationRepository() {
  return {
    /** CBS nieuwbouw per gemeente (classification of each year) and year; rows without a value are left out. */
    async cbsNewConstruction(q: Queryable): Promise<CbsRow[]> {
      return q.query<CbsRow>(
        `SELECT gemeente_code AS code, year, code_in_2025_list AS "codeIn2025", new_construction AS value
         FROM cbs_woningvoorraad WHERE new_construction IS NOT NULL ORDER BY year, gemeente_code`,
      );
    },

    async herindelingen(q: Queryable): Promise<Herindeling[]> {
      return q.query<Herindeling>(
        `SELECT gemeente_code AS "gemeenteCode", gemeente_name AS "gemeenteName", year, effective_date AS "effectiveDate", event,
           successor_code AS "successorCode", successor_name AS "successorName", weight, weight_basis AS "weightBasis"
         FROM herindelingen ORDER BY effective_date, gemeente_code, successor_code`,
      );
    },

    /** Opleveringen per gemeente and year from the M12 milestones (view project_opleveringen). */
    async opleveringen(
      q: Queryable,
      filter: { gemeenteCodes?: readonly string[]; years?: readonly number[]; syntheticOnly?: boolean } = {},
    ): Promise<Oplevering[]> {
      return q.query<Oplevering>(
        `SELECT gemeente_code AS "gemeenteCode", year, sum(homes)::int AS homes, count(*)::int AS projects
         FROM project_opleveringen
         WHERE ($1::text[] IS NULL OR gemeente_code = ANY($1::text[])) AND ($2::int[] IS NULL OR year = ANY($2::int[])) AND (synthetic OR NOT $3)
         GROUP BY gemeente_code, year ORDER BY year, gemeente_code`,
        [filter.gemeenteCodes ? [...filter.gemeenteCodes] : null, filter.years ? [...filter.years] : null, filter.syntheticOnly ?? false],
      );
    },

    /** Opleveringen per year over all gemeenten; `syntheticOnly`: of the synthetic demo projects only. */
    async opleveringenPerYear(
      q: Queryable,
      filter: { syntheticOnly?: boolean } = {},
    ): Promise<Array<{ year: number; homes: number; projects: number }>> {
      return q.query(
        `SELECT year, sum(homes)::int AS homes, count(*)::int AS projects FROM project_opleveringen WHERE (synthetic OR NOT $1) GROUP BY year ORDER BY year`,
        [filter.syntheticOnly ?? false],
      );
    },
  };
}

export type RealisationRepository = ReturnType<typeof createRealisationRepository>;
