/** Counts of projects and homes per gemeente for the public aggregates (src/domain/disclosure.ts). Set-based, two queries. */
import type { ProjectCellRow, SegmentCellRow } from '../domain/disclosure.ts';
import type { Queryable } from './db.ts';
import { countedSql } from './lifecycle.repository.ts';

export function createPublicStatsRepository() {
  return {
    /** Projects and homes per gemeente, phase and plan status; `provincieCode` limits to one province, `syntheticOnly` to the demo projects. */
    async projectCells(q: Queryable, provincieCode?: string, syntheticOnly = false): Promise<ProjectCellRow[]> {
      const rows = await q.query<ProjectCellRow>(
        `SELECT gemeente_code AS "gemeenteCode", provincie_code AS "provincieCode", phase, plan_status AS "planStatus",
           count(*)::int AS projects, coalesce(sum(total_homes), 0)::int AS homes
         FROM projects p WHERE ($1::text IS NULL OR provincie_code = $1) AND (synthetic OR NOT $2) AND ${countedSql('p')}
         GROUP BY gemeente_code, provincie_code, phase, plan_status`,
        [provincieCode ?? null, syntheticOnly],
      );
      return rows;
    },

    /** Programme homes per gemeente and segment with the number of projects that have homes in it. */
    async segmentCells(q: Queryable, provincieCode?: string, syntheticOnly = false): Promise<SegmentCellRow[]> {
      return q.query<SegmentCellRow>(
        `SELECT p.gemeente_code AS "gemeenteCode", p.provincie_code AS "provincieCode", pp.segment,
           count(DISTINCT p.id)::int AS projects, sum(pp.homes)::int AS homes
         FROM project_programme pp JOIN projects p ON p.id = pp.project_id
         WHERE pp.homes > 0 AND ($1::text IS NULL OR p.provincie_code = $1) AND (p.synthetic OR NOT $2) AND ${countedSql('p')}
         GROUP BY p.gemeente_code, p.provincie_code, pp.segment`,
        [provincieCode ?? null, syntheticOnly],
      );
    },
  };
}

export type PublicStatsRepository = ReturnType<typeof createPublicStatsRepository>;
