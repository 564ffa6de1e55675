/**
 * OGC API – Features (read-only) for GIS tools (SPEC §7; issue 13 part 4): which collections a caller sees and
 * their items. For everyone: the open-data aggregates per gemeente (now, and per quarter) on the gemeente
 * boundaries, with the disclosure rule of the public pages (public-stats.service.ts); no project. For the
 * signed-in: the projects with a location in their scope (src/domain/access.ts), as the streamed GeoJSON
 * export gives them (src/domain/project-geojson.ts).
 */
import { ANONYMOUS, requireOgcProjects, seesOgcProjects, type Principal } from '../domain/access.ts';
import { NotFoundError } from '../domain/errors.ts';
import { addKwartalen, kwartaalEnd, kwartaalStart, quarterOf, type Kwartaal } from '../domain/kwartaal.ts';
import { bboxesIntersect, CRS84, geometryBbox, type Bbox } from '../domain/ogc.ts';
import { FEATURE_MILESTONES, projectFeature, type FeatureSource } from '../domain/project-geojson.ts';
import type { Db } from '../storage/db.ts';
import type { OgcRepository } from '../storage/ogc.repository.ts';
import type { ProjectService } from './project.service.ts';
import type { PublicStatsService } from './public-stats.service.ts';
import type { ReferenceService } from './reference.service.ts';
import { todayInNetherlands } from './today.ts';

/** The Netherlands (incl. the Wadden and Zeeland) in WGS84. */
const NETHERLANDS: Bbox = [3.2, 50.7, 7.3, 53.6];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Quarters in the per-quarter collection: the current one and the seven before it (two years). */
const QUARTERS_SHOWN = 8;

export const OGC_COLLECTION_IDS = ['gemeenten', 'gemeenten-kwartalen', 'projecten'] as const;
export type OgcCollectionId = (typeof OGC_COLLECTION_IDS)[number];

export interface OgcCollectionInfo {
  id: OgcCollectionId;
  title: string;
  description: string;
  extent: { spatial: { bbox: number[][]; crs: string }; temporal?: { interval: Array<Array<string | null>>; trs: string } };
  itemType: 'feature';
  crs: string[];
}

export interface OgcItemsQuery {
  limit: number;
  offset: number;
  bbox?: Bbox;
  /** gemeenten-kwartalen only: one quarter of the eight. */
  kwartaal?: Kwartaal;
}

export interface OgcFeature {
  type: 'Feature';
  id: string;
  geometry: unknown;
  properties: Record<string, unknown>;
}

export function createOgcService(deps: {
  db: Db;
  ogc: OgcRepository;
  publicStats: PublicStatsService;
  projects: ProjectService;
  reference: ReferenceService;
  today?: () => string;
}) {
  const { db, ogc, publicStats, projects } = deps;
  const today = deps.today ?? (() => todayInNetherlands());

  function quarters(): { from: Kwartaal; to: Kwartaal } {
    const to = quarterOf(today());
    return { from: addKwartalen(to, -(QUARTERS_SHOWN - 1)), to };
  }

  function info(id: OgcCollectionId): OgcCollectionInfo {
    const spatial = { bbox: [[...NETHERLANDS]], crs: CRS84 };
    const base = { id, itemType: 'feature' as const, crs: [CRS84] };
    switch (id) {
      case 'gemeenten':
        return {
          ...base,
          title: 'Woningbouwplannen per gemeente (open data)',
          description:
            'Projects and homes per gemeente now, by phase and segment, on the gemeente boundaries (2025). Aggregates only: a figure of fewer than 3 projects is empty (suppressed), as on the public map.',
          extent: { spatial },
        };
      case 'gemeenten-kwartalen': {
        const { from, to } = quarters();
        return {
          ...base,
          title: 'Woningbouw per gemeente en kwartaal (open data)',
          description:
            'Per gemeente and quarter (the last eight): homes started (M11) and completed (M12), and the pipeline at the quarter’s end by phase, plan status and segment. ' +
            'One feature per gemeente and quarter (id GM0363-2026-Q3); `kwartaal=2026-Q3` gives one quarter. Field definitions: /api/v1/open-data/quarters in the OpenAPI document. Small figures suppressed.',
          extent: {
            spatial,
            temporal: {
              interval: [[`${kwartaalStart(from)}T00:00:00Z`, `${kwartaalEnd(to)}T23:59:59Z`]],
              trs: 'http://www.opengis.net/def/uom/ISO-8601/0/Gregorian',
            },
          },
        };
      }
      case 'projecten':
        return {
          ...base,
          title: 'Projecten (alleen na inloggen)',
          description:
            'The housing projects with a location that you may see (your werkgebied), as Point features with the project list’s properties and the M11/M12 dates. Signed-in users only (API token: Authorization: Bearer …).',
          extent: { spatial },
        };
    }
  }

  /** The collections this caller sees: the open data for everyone, the projects only for the signed-in with a scope. */
  function visible(principal: Principal): OgcCollectionId[] {
    return OGC_COLLECTION_IDS.filter((id) => id !== 'projecten' || seesOgcProjects(principal));
  }

  function requireCollection(id: string, principal: Principal): OgcCollectionId {
    if (id === 'projecten') {
      requireOgcProjects(principal);
      return id;
    }
    // Every caller may read the open-data collections (the decision: the public's view, as for ANONYMOUS).
    if (!visible(ANONYMOUS).includes(id as OgcCollectionId)) throw new NotFoundError('Collectie', id);
    return id as OgcCollectionId;
  }

  /** The open-data features of a public collection, in a stable order. */
  async function publicFeatures(id: Exclude<OgcCollectionId, 'projecten'>, kwartaal?: Kwartaal): Promise<OgcFeature[]> {
    if (id === 'gemeenten') {
      const fc = await publicStats.aggregatesGeoJson('gemeente');
      return fc.features.map((f) => ({ type: 'Feature', id: f.id, geometry: f.geometry, properties: f.properties }));
    }
    const range = kwartaal ? { from: kwartaal, to: kwartaal } : quarters();
    const fc = await publicStats.quartersGeoJson(range);
    return fc.features.map((f) => ({ type: 'Feature', id: f.id, geometry: f.geometry, properties: f.properties }));
  }

  async function projectSources(items: ReadonlyArray<Omit<FeatureSource, 'milestones'>>): Promise<OgcFeature[]> {
    const dates = await ogc.milestoneDates(
      db,
      items.map((p) => p.id),
      FEATURE_MILESTONES,
    );
    return items.flatMap((p) => {
      const f = projectFeature({ ...p, milestones: dates.get(p.id) ?? [] });
      return f ? [f] : [];
    });
  }

  return {
    /** The collections for this caller (the OGC `/collections` resource). */
    async collections(principal: Principal): Promise<OgcCollectionInfo[]> {
      return visible(principal).map(info);
    },

    /** One collection: 404 for an unknown id, 401/403 for projects without sign-in or scope. */
    async collection(id: string, principal: Principal): Promise<OgcCollectionInfo> {
      return info(requireCollection(id, principal));
    },

    /** A page of a collection's items matching the query, with the number matched in all. */
    async items(id: string, query: OgcItemsQuery, principal: Principal): Promise<{ features: OgcFeature[]; numberMatched: number }> {
      const collection = requireCollection(id, principal);
      if (collection === 'projecten') {
        const page = await projects.list(
          { hasLocation: true, lifecycle: 'actief', ...(query.bbox ? { bbox: query.bbox } : {}) },
          { limit: query.limit, offset: query.offset, sort: 'name', descending: false },
          principal,
        );
        return { features: await projectSources(page.items), numberMatched: page.total };
      }
      const all = await publicFeatures(collection, collection === 'gemeenten-kwartalen' ? query.kwartaal : undefined);
      const matched = query.bbox
        ? all.filter((f) => {
            const box = geometryBbox(f.geometry);
            return box !== null && bboxesIntersect(box, query.bbox!);
          })
        : all;
      return { features: matched.slice(query.offset, query.offset + query.limit), numberMatched: matched.length };
    },

    /** One item by its id: 404 when the collection has no such feature (or the caller may not read the project). */
    async item(id: string, featureId: string, principal: Principal): Promise<OgcFeature> {
      const collection = requireCollection(id, principal);
      if (collection === 'projecten') {
        if (!UUID.test(featureId)) throw new NotFoundError('Project', featureId);
        const p = await projects.get(featureId, principal);
        const gemeente = await deps.reference.getGemeente(p.gemeenteCode);
        const [feature] = await projectSources([{ ...p, gemeenteName: gemeente.name }]);
        if (!feature) throw new NotFoundError('Project met een locatie', featureId);
        return feature;
      }
      const quarter = /-(\d{4}-Q[1-4])$/.exec(featureId)?.[1] as Kwartaal | undefined;
      const all = await publicFeatures(collection, collection === 'gemeenten-kwartalen' ? quarter : undefined);
      const feature = all.find((f) => f.id === featureId);
      if (!feature) throw new NotFoundError('Object', featureId);
      return feature;
    },
  };
}

export type OgcService = ReturnType<typeof createOgcService>;
