/**
 * SQL of the streamed GeoJSON export (SPEC §7): the project list's filter (filterSql) in keyset batches ordered
 * by gemeente, name and id (the order of the CSV/XLSX export), one query per batch with only what a feature
 * carries — the list's columns and the M11/M12 dates — so a batch holds little and makes little garbage.
 */
import type { FeatureSource } from '../domain/project-geojson.ts';
import type { Queryable } from './db.ts';
import { exportPageSql, type ExportCursor } from './project-export.repository.ts';
import type { ProjectFilter } from './project.repository.ts';

interface Row {
  id: string;
  name: string;
  gemeente_code: string;
  gemeente_name: string;
  provincie_code: string;
  plan_status: string;
  phase: string;
  status: string;
  max_delay_months: number;
  total_homes: number;
  affordable_homes: number;
  social_homes: number;
  origin: string;
  flags: string[];
  synthetic: boolean;
  version: number;
  updated_at: Date | string;
  lon: number | null;
  lat: number | null;
  m11_baseline: string | null;
  m11_forecast: string | null;
  m11_actual: string | null;
  m12_baseline: string | null;
  m12_forecast: string | null;
  m12_actual: string | null;
}

export function createGeoJsonExportRepository() {
  return {
    /** The next `limit` projects after `after` (the first ones without). */
    async batch(q: Queryable, filter: ProjectFilter, after: ExportCursor | null, limit: number): Promise<FeatureSource[]> {
      const page = exportPageSql(filter, after, limit);
      const rows = await q.query<Row>(
        `SELECT p.id, p.name, p.gemeente_code, g.name AS gemeente_name, p.provincie_code, p.plan_status, p.phase, p.status, p.max_delay_months,
            p.total_homes, p.affordable_homes, p.social_homes, p.origin, p.flags, p.synthetic, p.version, p.updated_at, p.lon, p.lat,
            m11.baseline_date::text AS m11_baseline, m11.forecast_date::text AS m11_forecast, m11.actual_date::text AS m11_actual,
            m12.baseline_date::text AS m12_baseline, m12.forecast_date::text AS m12_forecast, m12.actual_date::text AS m12_actual
          FROM projects p JOIN gemeenten g ON g.code = p.gemeente_code
          LEFT JOIN project_milestones m11 ON m11.project_id = p.id AND m11.code = 'M11'
          LEFT JOIN project_milestones m12 ON m12.project_id = p.id AND m12.code = 'M12'
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
        phase: r.phase,
        status: r.status,
        maxDelayMonths: r.max_delay_months,
        totalHomes: r.total_homes,
        affordableHomes: r.affordable_homes,
        socialHomes: r.social_homes,
        origin: r.origin,
        flags: r.flags,
        synthetic: r.synthetic,
        version: r.version,
        updatedAt: new Date(r.updated_at).toISOString(),
        location: r.lon === null || r.lat === null ? null : { lon: r.lon, lat: r.lat },
        milestones: [
          { code: 'M11', baselineDate: r.m11_baseline, forecastDate: r.m11_forecast, actualDate: r.m11_actual },
          { code: 'M12', baselineDate: r.m12_baseline, forecastDate: r.m12_forecast, actualDate: r.m12_actual },
        ],
      }));
    },
  };
}

export type GeoJsonExportRepository = ReturnType<typeof createGeoJsonExportRepository>;
