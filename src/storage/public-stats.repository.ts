/** Counts of projects and homes per gemeente for the public aggregates (src/domain/disclosure.ts). Set-based, two queries. */
import type { ProjectCellRow, SegmentCellRow } from '../domain/disclosure.ts';
import type { OpenDataProject } from '../domain/open-data.ts';
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

    /**
     * What open data needs of every project that is not a merged duplicate (withdrawn ones too: they were in the
     * pipeline before their withdrawal): gemeente, plan status, homes per segment, milestone actual dates.
     * No name, id or location leaves this query. `syntheticOnly`: the demo projects only.
     */
    async openDataProjects(q: Queryable, syntheticOnly = false): Promise<OpenDataProject[]> {
      const rows = await q.query<{
        gemeente_code: string;
        provincie_code: string;
        plan_status: OpenDataProject['planStatus'];
        total_homes: number;
        withdrawn_date: string | null;
        segments: Record<string, number> | null;
        actuals: Record<string, string> | null;
        m12_homes: number | null;
      }>(
        `SELECT p.gemeente_code, p.provincie_code, p.plan_status, p.total_homes, to_char(p.withdrawn_date, 'YYYY-MM-DD') AS withdrawn_date,
           (SELECT json_object_agg(s.segment, s.homes) FROM (SELECT segment, sum(homes)::int AS homes FROM project_programme
              WHERE project_id = p.id AND homes > 0 GROUP BY segment) s) AS segments,
           (SELECT json_object_agg(m.code, to_char(m.actual_date, 'YYYY-MM-DD')) FROM project_milestones m
              WHERE m.project_id = p.id AND m.actual_date IS NOT NULL) AS actuals,
           (SELECT m.homes FROM project_milestones m WHERE m.project_id = p.id AND m.code = 'M12' AND m.actual_date IS NOT NULL) AS m12_homes
         FROM projects p WHERE p.merged_at IS NULL AND (p.synthetic OR NOT $1)`,
        [syntheticOnly],
      );
      return rows.map((r) => ({
        gemeenteCode: r.gemeente_code,
        provincieCode: r.provincie_code,
        planStatus: r.plan_status,
        totalHomes: r.total_homes,
        segmentHomes: r.segments ?? {},
        actualDates: r.actuals ?? {},
        m12Homes: r.m12_homes,
        withdrawnDate: r.withdrawn_date,
      }));
    },
  };
}

export type PublicStatsRepository = ReturnType<typeof createPublicStatsRepository>;
