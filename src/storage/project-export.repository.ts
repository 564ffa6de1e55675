/**
 * SQL of the streaming project export (SPEC §7): the project list's filter (filterSql), read in keyset
 * batches ordered by gemeente, name and id, each project with its programme, jaarschijven and milestones as
 * JSON arrays in the same row. Nothing holds more than one batch.
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
  programme: Array<[Segment, Woningtype, Doelgroep, number]> | null;
  jaarschijven: Array<[number, Segment, number]> | null;
  milestones: Array<[MilestoneCode, string | null, string | null, string | null]> | null;
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
      const page = exportPageSql(filter, after, limit);
      // One row per project, its parts as JSON arrays: far fewer rows to decode than three part queries (PGlite decodes every row in JS).
      const rows = await q.query<Row>(
        `SELECT p.id, p.name, p.gemeente_code, g.name AS gemeente_name, p.provincie_code, p.description, p.plan_status, p.origin, p.flags,
            p.lon, p.lat, p.synthetic, p.phase, p.status, p.total_homes, p.affordable_homes, p.max_delay_months, p.version, p.updated_at,
            (SELECT json_agg(json_build_array(x.segment, x.woningtype, x.doelgroep, x.homes)) FROM project_programme x WHERE x.project_id = p.id) AS programme,
            (SELECT json_agg(json_build_array(s.year, s.segment, s.homes)) FROM project_jaarschijven s WHERE s.project_id = p.id AND s.homes > 0) AS jaarschijven,
            (SELECT json_agg(json_build_array(m.code, m.baseline_date, m.forecast_date, m.actual_date)) FROM project_milestones m WHERE m.project_id = p.id) AS milestones
          FROM projects p JOIN gemeenten g ON g.code = p.gemeente_code
          ${page.sql}`,
        page.params,
      );
      return rows.map((r) => ({
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
        programme: (r.programme ?? []).map(([segment, woningtype, doelgroep, homes]) => ({ segment, woningtype, doelgroep, homes })),
        jaarschijven: (r.jaarschijven ?? []).map(([year, segment, homes]) => ({ year, segment, homes })),
        milestones: (r.milestones ?? []).map(([code, baselineDate, forecastDate, actualDate]) => ({ code, baselineDate, forecastDate, actualDate })),
      }));
    },
  };
}

export type ProjectExportRepository = ReturnType<typeof createProjectExportRepository>;

/** The cursor after a batch. */
/**
 * The list's filter, the projects after `after`, the export order (gemeente, name, id) and the limit: one
 * keyset page of an export. Shared by the CSV/XLSX and GeoJSON batches.
 */
export function exportPageSql(filter: ProjectFilter, after: ExportCursor | null, limit: number): { sql: string; params: unknown[] } {
  const { where, params } = filterSql(filter);
  const all = [...params];
  const param = (v: unknown) => {
    all.push(v);
    return `$${all.length}`;
  };
  const conditions = where ? [where.replace(/^WHERE /, '')] : [];
  if (after) conditions.push(`(p.gemeente_code, p.name, p.id) > (${param(after.gemeenteCode)}, ${param(after.name)}, ${param(after.id)}::uuid)`);
  const whereSql = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  return {
    sql: `${whereSql}
          ORDER BY p.gemeente_code, p.name, p.id LIMIT ${param(limit)}`,
    params: all,
  };
}

export function cursorAfter(batch: readonly ExportProject[]): ExportCursor | null {
  const last = batch.at(-1);
  return last ? { gemeenteCode: last.gemeenteCode, name: last.name, id: last.id } : null;
}
