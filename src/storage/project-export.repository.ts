/**
 * SQL of the streaming project export (SPEC §7): the project list's filter (filterSql), read in keyset
 * batches ordered by gemeente, name and id, each batch with its programme, jaarschijven and milestones in
 * three more queries. Nothing holds more than one batch.
 */
import type { Doelgroep, MilestoneCode, Segment, Woningtype } from '../domain/codes.ts';
import type { ExportProject, JaarschijfColumn } from '../domain/project-export.ts';
import type { Queryable } from './db.ts';
import { filterSql, type ProjectFilter } from './project.repository.ts';

/** Where the previous batch ended (keyset). */
export interface ExportCursor {
  gemeenteCode: string;
  name: string;
  id: string;
}

interface Row {
  id: string;
  name: string;
  gemeente_code: string;
  gemeente_name: string;
  provincie_code: string;
  description: string | null;
  plan_status: string;
  origin: string;
  flags: string[];
  lon: number | null;
  lat: number | null;
  synthetic: boolean;
  phase: string;
  status: string;
  total_homes: number;
  affordable_homes: number;
  max_delay_months: number;
  version: number;
  updated_at: Date | string;
}

export function createProjectExportRepository() {
  return {
    /** What the header needs before the first row: how many projects, how many synthetic, which jaarschijf columns. */
    async outline(q: Queryable, filter: ProjectFilter): Promise<{ total: number; synthetic: number; jaarschijfColumns: JaarschijfColumn[] }> {
      const { where, params } = filterSql(filter);
      const [counts] = await q.query<{ total: number; synthetic: number }>(
        `SELECT count(*)::int AS total, count(*) FILTER (WHERE p.synthetic)::int AS synthetic FROM projects p ${where}`,
        params,
      );
      const columns = await q.query<{ year: number; segment: Segment }>(
        `SELECT DISTINCT s.year, s.segment FROM project_jaarschijven s
          WHERE s.homes > 0 AND s.project_id IN (SELECT p.id FROM projects p ${where})`,
        params,
      );
      return { total: counts?.total ?? 0, synthetic: counts?.synthetic ?? 0, jaarschijfColumns: columns };
    },

    /** The next `limit` projects after `after` (the first ones without), with their parts. */
    async batch(q: Queryable, filter: ProjectFilter, after: ExportCursor | null, limit: number): Promise<ExportProject[]> {
      const { where, params } = filterSql(filter);
      const all = [...params];
      const param = (v: unknown) => {
        all.push(v);
        return `$${all.length}`;
      };
      const conditions = where ? [where.replace(/^WHERE /, '')] : [];
      if (after) conditions.push(`(p.gemeente_code, p.name, p.id) > (${param(after.gemeenteCode)}, ${param(after.name)}, ${param(after.id)}::uuid)`);
      const rows = await q.query<Row>(
        `SELECT p.id, p.name, p.gemeente_code, g.name AS gemeente_name, p.provincie_code, p.description, p.plan_status, p.origin, p.flags,
            p.lon, p.lat, p.synthetic, p.phase, p.status, p.total_homes, p.affordable_homes, p.max_delay_months, p.version, p.updated_at
          FROM projects p JOIN gemeenten g ON g.code = p.gemeente_code
          ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
          ORDER BY p.gemeente_code, p.name, p.id LIMIT ${param(limit)}`,
        all,
      );
      if (rows.length === 0) return [];
      const ids = rows.map((r) => r.id);
      const [programme, jaarschijven, milestones] = await Promise.all([
        q.query<{ project_id: string; segment: Segment; woningtype: Woningtype; doelgroep: Doelgroep; homes: number }>(
          'SELECT project_id, segment, woningtype, doelgroep, homes FROM project_programme WHERE project_id = ANY($1::uuid[])',
          [ids],
        ),
        q.query<{ project_id: string; year: number; segment: Segment; homes: number }>(
          'SELECT project_id, year, segment, homes FROM project_jaarschijven WHERE project_id = ANY($1::uuid[]) AND homes > 0',
          [ids],
        ),
        q.query<{ project_id: string; code: MilestoneCode; baseline_date: string | null; forecast_date: string | null; actual_date: string | null }>(
          `SELECT project_id, code, baseline_date::text AS baseline_date, forecast_date::text AS forecast_date, actual_date::text AS actual_date
            FROM project_milestones WHERE project_id = ANY($1::uuid[])`,
          [ids],
        ),
      ]);
      const byId = new Map<string, ExportProject>();
      const projects = rows.map((r) => {
        const p: ExportProject = {
          id: r.id,
          name: r.name,
          gemeenteCode: r.gemeente_code,
          gemeenteName: r.gemeente_name,
          provincieCode: r.provincie_code,
          planStatus: r.plan_status,
          origin: r.origin,
          flags: r.flags,
          description: r.description,
          phase: r.phase,
          status: r.status,
          maxDelayMonths: r.max_delay_months,
          totalHomes: r.total_homes,
          affordableHomes: r.affordable_homes,
          version: r.version,
          updatedAt: new Date(r.updated_at).toISOString(),
          location: r.lon === null || r.lat === null ? null : { lon: r.lon, lat: r.lat },
          synthetic: r.synthetic,
          programme: [],
          jaarschijven: [],
          milestones: [],
        };
        byId.set(p.id, p);
        return p;
      });
      for (const l of programme)
        (byId.get(l.project_id)!.programme as ExportProject['programme'][number][]).push({
          segment: l.segment,
          woningtype: l.woningtype,
          doelgroep: l.doelgroep,
          homes: l.homes,
        });
      for (const j of jaarschijven)
        (byId.get(j.project_id)!.jaarschijven as ExportProject['jaarschijven'][number][]).push({ year: j.year, segment: j.segment, homes: j.homes });
      for (const m of milestones)
        (byId.get(m.project_id)!.milestones as ExportProject['milestones'][number][]).push({
          code: m.code,
          baselineDate: m.baseline_date,
          forecastDate: m.forecast_date,
          actualDate: m.actual_date,
        });
      return projects;
    },
  };
}

export type ProjectExportRepository = ReturnType<typeof createProjectExportRepository>;

/** The cursor after a batch. */
export function cursorAfter(batch: readonly ExportProject[]): ExportCursor | null {
  const last = batch.at(-1);
  return last ? { gemeenteCode: last.gemeenteCode, name: last.name, id: last.id } : null;
}
