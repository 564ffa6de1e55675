/** Set-based loading of the projects of a set of gemeenten for dashboards and alternatives. */
import type { DashboardProject } from '../domain/dashboard.ts';
import type { KnelpuntCategory } from '../domain/codes.ts';
import type { Jaarschijf, Knelpunt, Milestone } from '../domain/project.ts';
import { housingTargets } from '../domain/national.ts';
import type { Target } from '../domain/targets.ts';
import { createNationalRepository } from './national.repository.ts';
import type { ProjectScope } from '../domain/access.ts';
import type { Queryable } from './db.ts';
import { countedSql, createLifecycleRepository } from './lifecycle.repository.ts';
import { filterSql } from './project.repository.ts';

/** An open knelpunt newly escalated to the table (Tafeloverzicht, "Nieuw geëscaleerde knelpunten"). */
export interface NewEscalation {
  knelpuntId: string;
  projectId: string;
  projectName: string;
  category: KnelpuntCategory;
  description: string;
  reason: string | null;
  escalatedOn: string;
}

function groupBy<T extends { project_id: string }>(rows: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const r of rows) {
    const list = map.get(r.project_id);
    if (list) list.push(r);
    else map.set(r.project_id, [r]);
  }
  return map;
}

export function createDashboardRepository() {
  const targets = createNationalRepository();
  return {
    /**
     * Projects of the given gemeenten with their jaarschijven, pending milestones and open knelpunten
     * (what the dashboard and the alternatives need), in four queries.
     */
    async loadProjects(
      q: Queryable,
      gemeenteCodes: readonly string[],
      options: { syntheticOnly?: boolean; ids?: readonly string[] } = {},
    ): Promise<DashboardProject[]> {
      const codes = [...gemeenteCodes];
      // `syntheticOnly`: decided by the service (src/domain/access.ts syntheticDataOnly). SPEC §7.
      // Withdrawn and merged projects count in no figure of the table (src/domain/withdrawal.ts).
      // `ids`: only these projects (a table member's own).
      const only = `${options.syntheticOnly ? ' AND p.synthetic' : ''} AND ${countedSql('p')}${options.ids ? ' AND p.id = ANY($2::uuid[])' : ''}`;
      const params = options.ids ? [codes, [...options.ids]] : [codes];
      const projects = await q.query<
        Omit<DashboardProject, 'jaarschijven' | 'milestones' | 'knelpunten' | 'location'> & { lon: number | null; lat: number | null }
      >(
        `SELECT id, name, gemeente_code AS "gemeenteCode", plan_status AS "planStatus", phase, status, total_homes AS "totalHomes",
           affordable_homes AS "affordableHomes", social_homes AS "socialHomes", lon, lat, synthetic
         FROM projects p WHERE gemeente_code = ANY($1::text[])${only} ORDER BY name, id`,
        params,
      );
      const schijven = groupBy(
        await q.query<Jaarschijf & { project_id: string }>(
          `SELECT s.project_id, s.year, s.segment, s.homes FROM project_jaarschijven s JOIN projects p ON p.id = s.project_id
           WHERE p.gemeente_code = ANY($1::text[])${only}`,
          params,
        ),
      );
      const milestones = groupBy(
        await q.query<Milestone & { project_id: string }>(
          `SELECT m.project_id, m.code, m.owner_side AS "ownerSide", m.baseline_date AS "baselineDate", m.forecast_date AS "forecastDate",
             m.actual_date AS "actualDate", m.homes
           FROM project_milestones m JOIN projects p ON p.id = m.project_id
           WHERE p.gemeente_code = ANY($1::text[]) AND m.actual_date IS NULL${only}`,
          params,
        ),
      );
      const knelpunten = groupBy(
        await q.query<Pick<Knelpunt, 'category' | 'escalated' | 'resolvedDate'> & { project_id: string }>(
          `SELECT k.project_id, k.category, k.escalated, k.resolved_date AS "resolvedDate" FROM knelpunten k
           JOIN projects p ON p.id = k.project_id WHERE p.gemeente_code = ANY($1::text[]) AND k.resolved_date IS NULL${only}`,
          params,
        ),
      );
      return projects.map(({ lon, lat, ...p }) => ({
        ...p,
        location: lon === null || lat === null ? null : { lon, lat },
        jaarschijven: schijven.get(p.id) ?? [],
        milestones: milestones.get(p.id) ?? [],
        knelpunten: knelpunten.get(p.id) ?? [],
      }));
    },

    /** The withdrawn plans (planuitval) of these gemeenten, with their withdrawal date and programme total. */
    withdrawnProjects: createLifecycleRepository().planuitval,

    /** The day (in the Netherlands) the region's open quarterly round opened; null when none is open. */
    async openRoundOpenedOn(q: Queryable, regionId: string): Promise<string | null> {
      const [row] = await q.query<{ day: string }>(
        `SELECT (opened_at AT TIME ZONE 'Europe/Amsterdam')::date::text AS day FROM rounds WHERE region_id = $1 AND closed_at IS NULL`,
        [regionId],
      );
      return row?.day ?? null;
    },

    /** Open knelpunten of these gemeenten escalated on or after `since`, newest first. */
    async newEscalations(
      q: Queryable,
      gemeenteCodes: readonly string[],
      since: string,
      options: { syntheticOnly?: boolean } = {},
    ): Promise<NewEscalation[]> {
      const only = options.syntheticOnly ? ' AND p.synthetic' : '';
      return q.query<NewEscalation>(
        `SELECT k.id AS "knelpuntId", p.id AS "projectId", p.name AS "projectName", k.category, k.description,
           k.escalation_reason AS reason, k.escalated_on::text AS "escalatedOn"
         FROM knelpunten k JOIN projects p ON p.id = k.project_id
         WHERE p.gemeente_code = ANY($1::text[]) AND k.escalated AND k.resolved_date IS NULL AND k.escalated_on >= $2::date${only}
         ORDER BY k.escalated_on DESC, p.name, k.id`,
        [[...gemeenteCodes], since],
      );
    },

    /** The ids of the projects in these gemeenten (to decide which of them a table member may see). */
    async projectIdsIn(q: Queryable, gemeenteCodes: readonly string[]): Promise<string[]> {
      const rows = await q.query<{ id: string }>('SELECT id FROM projects WHERE gemeente_code = ANY($1::text[])', [[...gemeenteCodes]]);
      return rows.map((r) => r.id);
    },

    /** Which of these projects lie within `scope` (the caller's project scope, decided by src/domain/access.ts projectScope). */
    async idsWithin(q: Queryable, ids: readonly string[], scope: ProjectScope): Promise<Set<string>> {
      if (scope === null || ids.length === 0) return new Set();
      const { where, params } = filterSql({ scope });
      const rows = await q.query<{ id: string }>(
        `SELECT p.id FROM projects p ${where ? `${where} AND` : 'WHERE'} p.id = ANY($${params.length + 1}::uuid[])`,
        [...params, ids],
      );
      return new Set(rows.map((r) => r.id));
    },

    /** The housing-count targets (share targets and other metrics are not comparable with completions). */
    async listTargets(q: Queryable): Promise<Target[]> {
      return housingTargets(await targets.listTargets(q));
    },

    /** Mean yearly CBS new construction (all years loaded) per 2025 gemeente (rows for later codes only). */
    async productionRows(q: Queryable): Promise<Array<{ gemeente_code: string; year: number; new_construction: number | null }>> {
      return q.query('SELECT gemeente_code, year, new_construction FROM cbs_woningvoorraad');
    },
  };
}

export type DashboardRepository = ReturnType<typeof createDashboardRepository>;
