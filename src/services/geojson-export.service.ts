/**
 * The project list as GeoJSON, streamed (SPEC §7 "GeoJSON export for GIS"; issue 13 part 4: "large exports
 * stream"): the list's filter and scope, read in keyset batches (geojson-export.repository.ts) and written
 * feature by feature as the reader takes it, so the whole register is never held in memory. Only projects with
 * a location (a feature needs a geometry).
 */
import { Readable } from 'node:stream';
import { requireProjectScope, type Principal } from '../domain/access.ts';
import { projectFeature, type FeatureSource } from '../domain/project-geojson.ts';
import type { Db } from '../storage/db.ts';
import type { GemeenteAggregatesRepository } from '../storage/gemeente-aggregates.repository.ts';
import type { GeographyRepository } from '../storage/geography.repository.ts';
import type { ExportCursor } from '../storage/project-export.repository.ts';
import type { GeoJsonExportRepository } from '../storage/geojson-export.repository.ts';
import type { ProjectFilter } from '../storage/project.repository.ts';

/** Projects per query: as for the CSV/XLSX export (EXPORT_BATCH_SIZE), small so that each batch dies young. */
export const GEOJSON_BATCH_SIZE = 100;

const cursorAfter = (batch: readonly FeatureSource[]): ExportCursor | null => {
  const last = batch.at(-1);
  return last ? { gemeenteCode: last.gemeenteCode, name: last.name, id: last.id } : null;
};

export interface GeoJsonExportServiceDeps {
  db: Db;
  exports: GeoJsonExportRepository;
  publicDemoData: boolean;
  batchSize?: number;
  /** For the aggregates per gemeente (signed in): figures and boundaries. */
  aggregates: GemeenteAggregatesRepository;
  geography: GeographyRepository;
}

export function createGeoJsonExportService(deps: GeoJsonExportServiceDeps) {
  const { db, exports, publicDemoData } = deps;
  const batchSize = deps.batchSize ?? GEOJSON_BATCH_SIZE;

  return {
    /** A FeatureCollection of the projects the principal may see that match the filter; pulled batch by batch by the reader. */
    async projects(filter: ProjectFilter, principal: Principal): Promise<Readable> {
      // The same scope as the project list (src/domain/access.ts projectScope; demo principals: synthetic only).
      const scope = requireProjectScope(principal, publicDemoData);
      const scoped: ProjectFilter | null = scope === null ? null : { ...filter, scope, hasLocation: true };
      async function* chunks() {
        yield Buffer.from('{"type":"FeatureCollection","features":[');
        let after: ExportCursor | null = null;
        let first = true;
        while (scoped) {
          const batch = await exports.batch(db, scoped, after, batchSize);
          const features = batch.flatMap((p) => {
            const f = projectFeature(p);
            return f ? [JSON.stringify(f)] : [];
          });
          if (features.length > 0) {
            yield Buffer.from(`${first ? '' : ','}${features.join(',')}`);
            first = false;
          }
          if (batch.length < batchSize) break;
          after = cursorAfter(batch);
        }
        yield Buffer.from(']}');
      }
      return Readable.from(chunks(), { objectMode: false });
    },

    /**
     * The same selection as figures per gemeente on the gemeente boundaries (for the caller's own area: every
     * figure shown, as on the dashboard): projects, homes, affordable and social homes, per phase (projects and
     * homes) and homes per plan status. Only gemeenten with matching projects.
     */
    async aggregates(filter: ProjectFilter, principal: Principal) {
      const scope = requireProjectScope(principal, publicDemoData);
      const rows = scope === null ? [] : await deps.aggregates.perGemeente(db, { ...filter, scope });
      const boundaries = await deps.geography.boundaries(db, 'gemeente');
      const geometry = new Map(
        (boundaries.features as Array<{ properties: { code: string }; geometry: unknown }>).map((f) => [f.properties.code, f.geometry]),
      );
      return {
        type: 'FeatureCollection' as const,
        features: rows.map((r) => {
          const properties: Record<string, string | number> = {
            gemeenteCode: r.gemeenteCode,
            gemeenteName: r.gemeenteName,
            provincieCode: r.provincieCode,
            projects: r.projects,
            homes: r.homes,
            affordableHomes: r.affordableHomes,
            socialHomes: r.socialHomes,
          };
          for (const [phase, f] of Object.entries(r.byPhase)) {
            properties[`projects_${phase}`] = f.projects;
            properties[`homes_${phase}`] = f.homes;
          }
          for (const [status, homes] of Object.entries(r.homesByPlanStatus)) properties[`homes_${status}`] = homes;
          return { type: 'Feature' as const, id: r.gemeenteCode, properties, geometry: geometry.get(r.gemeenteCode) ?? null };
        }),
      };
    },
  };
}

export type GeoJsonExportService = ReturnType<typeof createGeoJsonExportService>;
