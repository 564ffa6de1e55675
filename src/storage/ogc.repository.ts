/** What the OGC API Features projects collection reads beyond the project list: the M11/M12 dates of a page of projects. */
import type { MilestoneCode } from '../domain/codes.ts';
import type { Milestone } from '../domain/project.ts';
import type { Queryable } from './db.ts';

export type MilestoneDates = Pick<Milestone, 'code' | 'baselineDate' | 'forecastDate' | 'actualDate'>;

export function createOgcRepository() {
  return {
    /** The dates of these milestones of these projects, per project id. */
    async milestoneDates(q: Queryable, projectIds: readonly string[], codes: readonly MilestoneCode[]): Promise<Map<string, MilestoneDates[]>> {
      const out = new Map<string, MilestoneDates[]>();
      if (projectIds.length === 0) return out;
      const rows = await q.query<{
        project_id: string;
        code: MilestoneCode;
        baseline_date: string | null;
        forecast_date: string | null;
        actual_date: string | null;
      }>(
        `SELECT project_id, code, baseline_date::text AS baseline_date, forecast_date::text AS forecast_date, actual_date::text AS actual_date
          FROM project_milestones WHERE project_id = ANY($1::uuid[]) AND code = ANY($2::text[])`,
        [projectIds, codes],
      );
      for (const r of rows) {
        const list = out.get(r.project_id) ?? [];
        list.push({ code: r.code, baselineDate: r.baseline_date, forecastDate: r.forecast_date, actualDate: r.actual_date });
        out.set(r.project_id, list);
      }
      return out;
    },
  };
}

export type OgcRepository = ReturnType<typeof createOgcRepository>;
