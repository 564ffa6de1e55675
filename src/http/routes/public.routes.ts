/**
 * /api/v1/public/*: what anyone may read without an account (SPEC §1 "public, researchers: aggregated
 * open data and maps; no project-level confidential data", §7). Counts of projects and homes per gemeente
 * or province by phase, plan status and segment; no figure from fewer than POLICY.disclosure.minProjects
 * projects (src/domain/disclosure.ts); no project named or located.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PHASES, PLAN_STATUSES, SEGMENTS } from '../../domain/codes.ts';
import type { Services } from '../../services/container.ts';
import { Problem, ProvincieCode } from '../schemas/common.ts';

const Figure = {
  projects: z.number().int().nullable().describe('Number of projects; null when hidden (fewer than the minimum, or computable back from a total)'),
  homes: z.number().int().nullable().describe('Homes (programme); null when hidden'),
  suppressed: z.boolean().describe('Hidden by the rule in `rule`'),
};

const AreaAggregate = z
  .object({
    code: z.string(),
    name: z.string(),
    provincieCode: z.string().nullable(),
    ...Figure,
    byPhase: z.array(z.object({ phase: z.enum(PHASES), ...Figure })),
    byPlanStatus: z.array(z.object({ planStatus: z.enum(PLAN_STATUSES), ...Figure })),
    bySegment: z.array(z.object({ segment: z.enum(SEGMENTS), ...Figure })),
  })
  .meta({ id: 'PublicAreaAggregate' });

export const PublicAggregatesResponse = z
  .object({
    level: z.enum(['gemeente', 'provincie']),
    minProjects: z.number().int().describe('Figures built from fewer projects than this are not shown'),
    rule: z.string().describe('The rule in plain Dutch, for display'),
    total: z.object(Figure),
    items: z.array(AreaAggregate),
  })
  .meta({ id: 'PublicAggregates' });

const AggregatesQuery = z.object({
  level: z.enum(['gemeente', 'provincie']).default('provincie').describe('One row per gemeente or per province'),
  provincie: ProvincieCode.optional().describe('Only this province'),
});

export function publicRoutes(services: Services): FastifyPluginAsyncZod {
  const stats = services.publicStats;
  return async (app) => {
    app.get('/public/aggregates', {
      config: { access: 'public' },
      schema: {
        tags: ['public'],
        summary: 'Projects and homes per gemeente or province, by phase, plan status and segment; figures of fewer than 3 projects are hidden',
        querystring: AggregatesQuery,
        response: { 200: PublicAggregatesResponse, 400: Problem },
      },
      handler: async (req) => stats.aggregates(req.query.level, req.query.provincie),
    });

    app.get('/public/aggregates.geojson', {
      config: { access: 'public' },
      schema: {
        tags: ['public'],
        summary: 'The same aggregates on the gemeente or province boundaries as GeoJSON (WGS84), for maps and GIS',
        querystring: AggregatesQuery,
        produces: ['application/geo+json'],
      },
      handler: async (req, reply) => reply.type('application/geo+json').send(await stats.aggregatesGeoJson(req.query.level, req.query.provincie)),
    });
  };
}
