/**
 * Figures per gemeente of the projects matching a list filter (with the caller's scope in it): projects and
 * homes, affordable and social homes, and per phase and plan status. For the signed-in GeoJSON of aggregates
 * per gemeente (no suppression: the caller may read every project counted). One query.
 */
import { PHASES, PLAN_STATUSES, type Phase, type PlanStatus } from '../domain/codes.ts';
import type { Queryable } from './db.ts';
import { filterSql, type ProjectFilter } from './project.repository.ts';

export interface GemeenteAggregateRow {
  gemeenteCode: string;
  gemeenteName: string;
  provincieCode: string;
  projects: number;
  homes: number;
  affordableHomes: number;
  socialHomes: number;
  byPhase: Record<Phase, { projects: number; homes: number }>;
  homesByPlanStatus: Record<PlanStatus, number>;
}

export function createGemeenteAggregatesRepository() {
  return {
    async perGemeente(q: Queryable, filter: ProjectFilter): Promise<GemeenteAggregateRow[]> {
      const { where, params } = filterSql(filter);
      // The code lists are constants of the domain (no user input in the SQL text).
      const phaseColumns = PHASES.map(
        (ph, i) =>
          `count(*) FILTER (WHERE p.phase = '${ph}')::int AS ph${i}p, coalesce(sum(p.total_homes) FILTER (WHERE p.phase = '${ph}'), 0)::int AS ph${i}h`,
      );
      const statusColumns = PLAN_STATUSES.map((s, i) => `coalesce(sum(p.total_homes) FILTER (WHERE p.plan_status = '${s}'), 0)::int AS ps${i}h`);
      const rows = await q.query<Record<string, string | number>>(
        `SELECT p.gemeente_code, g.name AS gemeente_name, p.provincie_code, count(*)::int AS projects,
           coalesce(sum(p.total_homes), 0)::int AS homes, coalesce(sum(p.affordable_homes), 0)::int AS affordable,
           coalesce(sum(p.social_homes), 0)::int AS social, ${[...phaseColumns, ...statusColumns].join(', ')}
         FROM projects p JOIN gemeenten g ON g.code = p.gemeente_code ${where}
         GROUP BY p.gemeente_code, g.name, p.provincie_code ORDER BY p.gemeente_code`,
        params,
      );
      return rows.map((r) => ({
        gemeenteCode: String(r.gemeente_code),
        gemeenteName: String(r.gemeente_name),
        provincieCode: String(r.provincie_code),
        projects: Number(r.projects),
        homes: Number(r.homes),
        affordableHomes: Number(r.affordable),
        socialHomes: Number(r.social),
        byPhase: Object.fromEntries(
          PHASES.map((ph, i) => [ph, { projects: Number(r[`ph${i}p`]), homes: Number(r[`ph${i}h`]) }]),
        ) as GemeenteAggregateRow['byPhase'],
        homesByPlanStatus: Object.fromEntries(PLAN_STATUSES.map((s, i) => [s, Number(r[`ps${i}h`])])) as GemeenteAggregateRow['homesByPlanStatus'],
      }));
    },
  };
}

export type GemeenteAggregatesRepository = ReturnType<typeof createGemeenteAggregatesRepository>;
