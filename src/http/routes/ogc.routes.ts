/**
 * /api/v1/ogc: a read-only OGC API – Features (Part 1: Core, GeoJSON) endpoint, so GIS tools (QGIS, GDAL's OAPIF
 * driver) load the monitor's layers directly (SPEC §7 "open standards … GeoJSON export for GIS"; issue 13
 * part 4). Landing page, conformance, collections, items (limit/offset paging with next links, bbox,
 * numberMatched/numberReturned) and single items. Open-data collections for everyone; the projects collection
 * for the signed-in (an API token works: `Authorization: Bearer wbm_…`). What each caller sees is decided in
 * ogc.service.ts with src/domain/access.ts.
 */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { KWARTAAL_PATTERN, type Kwartaal } from '../../domain/kwartaal.ts';
import { itemsLinks, OGC_CONFORMANCE, OGC_DEFAULT_LIMIT, OGC_MAX_LIMIT, parseBbox, type Bbox } from '../../domain/ogc.ts';
import type { Services } from '../../services/container.ts';
import type { OgcCollectionInfo } from '../../services/ogc.service.ts';
import { Problem } from '../schemas/common.ts';

const GEOJSON = 'application/geo+json';
const JSON_TYPE = 'application/json';

const Link = z
  .object({
    href: z.string().describe('Absolute URL'),
    rel: z.string().describe('Relation (OGC API / IANA link relation)'),
    type: z.string().describe('Media type of the target'),
    title: z.string().optional(),
  })
  .meta({ id: 'OgcLink' });

const Landing = z
  .object({ title: z.string(), description: z.string(), links: z.array(Link) })
  .describe('OGC API landing page: links to the API definition, the conformance declaration and the collections')
  .meta({ id: 'OgcLandingPage' });

const Conformance = z
  .object({ conformsTo: z.array(z.string()).describe('URIs of the conformance classes implemented') })
  .meta({ id: 'OgcConformance' });

const Collection = z
  .object({
    id: z.string().describe('Collection id, used in the items path'),
    title: z.string(),
    description: z.string(),
    itemType: z.literal('feature'),
    crs: z.array(z.string()).describe('Coordinate reference systems: CRS84 (WGS84 longitude, latitude)'),
    extent: z.object({
      spatial: z.object({ bbox: z.array(z.array(z.number())), crs: z.string() }),
      temporal: z.object({ interval: z.array(z.array(z.string().nullable())), trs: z.string() }).optional(),
    }),
    links: z.array(Link),
  })
  .meta({ id: 'OgcCollection' });

const Collections = z.object({ links: z.array(Link), collections: z.array(Collection) }).meta({ id: 'OgcCollections' });

const CollectionParams = z.object({ collectionId: z.string().max(100).describe('gemeenten, gemeenten-kwartalen or projecten (signed in)') });

const ItemsQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .default(OGC_DEFAULT_LIMIT)
    .transform((n) => Math.min(n, OGC_MAX_LIMIT))
    .describe(`Features per page (default ${OGC_DEFAULT_LIMIT}; more than ${OGC_MAX_LIMIT} is answered with ${OGC_MAX_LIMIT})`),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0).describe('Features to skip (the `next` link carries it)'),
  bbox: z
    .string()
    .max(200)
    .optional()
    .transform((text, ctx): Bbox | undefined => {
      if (text === undefined) return undefined;
      const parsed = parseBbox(text);
      if ('error' in parsed) {
        ctx.addIssue({ code: 'custom', message: parsed.error });
        return z.NEVER;
      }
      return parsed.bbox;
    })
    .describe('minLon,minLat,maxLon,maxLat in WGS84 (CRS84): features whose geometry’s box meets it'),
  kwartaal: z
    .string()
    .regex(KWARTAAL_PATTERN, { message: 'Kwartaal heeft de vorm 2026-Q3.' })
    .optional()
    .describe('gemeenten-kwartalen: only this quarter'),
});

/** The absolute URL of the OGC root for this request (links must be absolute for GIS clients). */
function root(req: FastifyRequest): string {
  return `${req.protocol}://${req.host}/api/v1/ogc`;
}

function collectionLinks(base: string, c: OgcCollectionInfo) {
  return [
    { href: `${base}/collections/${c.id}`, rel: 'self', type: JSON_TYPE, title: c.title },
    { href: `${base}/collections/${c.id}/items`, rel: 'items', type: GEOJSON, title: `${c.title} (GeoJSON)` },
  ];
}

export function ogcRoutes(services: Services): FastifyPluginAsyncZod {
  const { ogc } = services;
  return async (app) => {
    app.get('/ogc', {
      config: { access: 'public' },
      schema: { tags: ['ogc'], summary: 'OGC API – Features landing page (for GIS tools such as QGIS)', response: { 200: Landing } },
      handler: async (req) => {
        const base = root(req);
        return {
          title: 'Woningbouwmonitor – OGC API Features',
          description:
            'Read-only layers of the Woningbouwmonitor for GIS: open data per gemeente (now and per quarter) for everyone, the projects in your werkgebied after signing in.',
          links: [
            { href: base, rel: 'self', type: JSON_TYPE, title: 'Deze pagina' },
            {
              href: `${req.protocol}://${req.host}/api/v1/openapi.json`,
              rel: 'service-desc',
              type: 'application/vnd.oai.openapi+json;version=3.1',
              title: 'API-definitie',
            },
            { href: `${req.protocol}://${req.host}/api/v1/docs`, rel: 'service-doc', type: 'text/html', title: 'API-documentatie' },
            { href: `${base}/conformance`, rel: 'conformance', type: JSON_TYPE, title: 'Conformiteit' },
            { href: `${base}/collections`, rel: 'data', type: JSON_TYPE, title: 'Collecties' },
          ],
        };
      },
    });

    app.get('/ogc/conformance', {
      config: { access: 'public' },
      schema: { tags: ['ogc'], summary: 'The OGC API conformance classes implemented (Core, GeoJSON)', response: { 200: Conformance } },
      handler: async () => ({ conformsTo: [...OGC_CONFORMANCE] }),
    });

    app.get('/ogc/collections', {
      config: { access: 'public' },
      schema: {
        tags: ['ogc'],
        summary: 'The collections this caller may read: open data per gemeente for everyone, projects for the signed-in',
        response: { 200: Collections },
      },
      handler: async (req) => {
        const base = root(req);
        const list = await ogc.collections(req.principal);
        return {
          links: [{ href: `${base}/collections`, rel: 'self', type: JSON_TYPE, title: 'Collecties' }],
          collections: list.map((c) => ({ ...c, links: collectionLinks(base, c) })),
        };
      },
    });

    app.get('/ogc/collections/:collectionId', {
      config: { access: 'public' },
      schema: {
        tags: ['ogc'],
        summary: 'One collection (projecten: signed in only)',
        params: CollectionParams,
        response: { 200: Collection, 400: Problem, 401: Problem, 403: Problem, 404: Problem },
      },
      handler: async (req) => {
        const c = await ogc.collection(req.params.collectionId, req.principal);
        return { ...c, links: collectionLinks(root(req), c) };
      },
    });

    app.get('/ogc/collections/:collectionId/items', {
      config: { access: 'public' },
      schema: {
        tags: ['ogc'],
        summary: 'A page of the collection’s features as GeoJSON (WGS84), with numberMatched, numberReturned and next/prev links',
        params: CollectionParams,
        querystring: ItemsQuery,
        produces: [GEOJSON],
        response: { 400: Problem, 401: Problem, 403: Problem, 404: Problem },
      },
      handler: async (req, reply) => {
        const { limit, offset, bbox, kwartaal } = req.query;
        const { collectionId } = req.params;
        const page = await ogc.items(collectionId, { limit, offset, bbox, kwartaal: kwartaal as Kwartaal | undefined }, req.principal);
        const base = root(req);
        const kept: Record<string, string> = {};
        if (bbox) kept.bbox = bbox.join(',');
        if (kwartaal) kept.kwartaal = kwartaal;
        const body = {
          type: 'FeatureCollection' as const,
          timeStamp: new Date().toISOString(),
          numberMatched: page.numberMatched,
          numberReturned: page.features.length,
          features: page.features,
          links: itemsLinks(`${base}/collections/${collectionId}/items`, `${base}/collections/${collectionId}`, kept, {
            offset,
            limit,
            returned: page.features.length,
            matched: page.numberMatched,
          }),
        };
        // GeoJSON as built (no response schema for 200: the properties differ per collection).
        return reply.type(GEOJSON).send(body as never);
      },
    });

    app.get('/ogc/collections/:collectionId/items/:featureId', {
      config: { access: 'public' },
      schema: {
        tags: ['ogc'],
        summary: 'One feature of the collection as GeoJSON',
        params: CollectionParams.extend({
          featureId: z.string().max(100).describe('The feature’s id (a gemeente code, GM0363-2026-Q3, or a project id)'),
        }),
        produces: [GEOJSON],
        response: { 400: Problem, 401: Problem, 403: Problem, 404: Problem },
      },
      handler: async (req, reply) => {
        const { collectionId, featureId } = req.params;
        const feature = await ogc.item(collectionId, featureId, req.principal);
        const base = root(req);
        const self = `${base}/collections/${collectionId}/items/${encodeURIComponent(featureId)}`;
        const links = [
          { href: self, rel: 'self', type: GEOJSON, title: 'Dit object' },
          { href: `${base}/collections/${collectionId}`, rel: 'collection', type: JSON_TYPE, title: 'De collectie' },
        ];
        return reply.type(GEOJSON).send({ ...feature, links } as never);
      },
    });
  };
}
