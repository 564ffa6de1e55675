/** Reference lists: provincies, gemeenten, regions, organisations, boundaries (GeoJSON). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ORGANISATION_TYPES, REGION_KINDS } from '../../domain/codes.ts';
import type { Services } from '../../services/container.ts';
import { GemeenteCode, Problem, ProvincieCode } from '../schemas/common.ts';
import { OrganisationSchema } from '../schemas/organisations.schemas.ts';
import { RegionSchema } from '../schemas/regions.schemas.ts';

const Provincie = z.object({ code: z.string(), name: z.string() }).meta({ id: 'Provincie' });
const Gemeente = z
  .object({
    code: z.string(),
    name: z.string(),
    provincieCode: z.string(),
    coropCode: z.string(),
    coropName: z.string(),
  })
  .meta({ id: 'Gemeente' });
const GemeenteListItem = Gemeente.extend({
  provincieName: z.string(),
  projectCount: z
    .number()
    .int()
    .nullable()
    .describe(
      'Projects in the gemeente. Except for the ministry and administrators: null when fewer than 3 or computable back from a province total (src/domain/disclosure.ts)',
    ),
}).meta({ id: 'GemeenteListItem' });
const FeatureCollection = z
  .object({ type: z.literal('FeatureCollection'), features: z.array(z.any()) })
  .describe('GeoJSON (RFC 7946), WGS84')
  .meta({ id: 'FeatureCollection' });

export function referenceRoutes(services: Services): FastifyPluginAsyncZod {
  const ref = services.reference;
  return async (app) => {
    app.get('/provincies', {
      config: { access: 'public' },
      schema: { tags: ['reference'], summary: 'The 12 provinces', response: { 200: z.array(Provincie) } },
      handler: async () => ref.listProvincies(),
    });
    app.get('/gemeenten', {
      config: { access: 'public' },
      schema: {
        tags: ['reference'],
        summary: 'The 342 gemeenten (2025) with province, COROP region and project count',
        querystring: z.object({ provincie: ProvincieCode.optional() }),
        response: { 200: z.array(GemeenteListItem), 400: Problem },
      },
      handler: async (req) => {
        // The count is an aggregate: whoever does not see the whole register sees it as the public does (SPEC §1, §7).
        return services.publicStats.withProjectCounts(await ref.listGemeenten(req.query.provincie), req.principal);
      },
    });
    app.get('/gemeenten/:code', {
      config: { access: 'public' },
      schema: {
        tags: ['reference'],
        summary: 'One gemeente',
        params: z.object({ code: GemeenteCode }),
        response: { 200: Gemeente, 400: Problem, 404: Problem },
      },
      handler: async (req) => ref.getGemeente(req.params.code),
    });
    app.get('/regions', {
      config: { access: 'public' },
      schema: {
        tags: ['reference'],
        summary: 'Woondealregio’s and versnellingstafels (named sets of gemeenten): gemeenten now, stopped or not, number of members',
        querystring: z.object({ kind: z.enum(REGION_KINDS).optional() }),
        response: { 200: z.array(RegionSchema), 400: Problem },
      },
      handler: async (req) => ref.listRegions(req.query.kind),
    });
    app.get('/organisations', {
      config: { access: 'signed-in' },
      schema: {
        tags: ['reference'],
        summary: 'Organisations taking part',
        querystring: z.object({ type: z.enum(ORGANISATION_TYPES).optional() }),
        response: { 200: z.array(OrganisationSchema), 400: Problem },
      },
      handler: async (req) => ref.listOrganisations(req.query.type, req.principal),
    });
    app.get('/geo/gemeenten', {
      config: { access: 'public' },
      schema: { tags: ['geo'], summary: 'Gemeente boundaries 2025 (simplified)', response: { 200: FeatureCollection } },
      handler: async (_req, reply) => reply.type('application/geo+json').send(await ref.boundaries('gemeente')),
    });
    app.get('/geo/provincies', {
      config: { access: 'public' },
      schema: { tags: ['geo'], summary: 'Province boundaries 2025 (simplified)', response: { 200: FeatureCollection } },
      handler: async (_req, reply) => reply.type('application/geo+json').send(await ref.boundaries('provincie')),
    });
  };
}
