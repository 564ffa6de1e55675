/**
 * /api/v1/open-data/*: open data per gemeente and quarter, readable without an account (SPEC §1 "public,
 * researchers: aggregated open data and maps; no project-level confidential data", §7, §8 "field definitions").
 * JSON (with the field definitions in the OpenAPI document), CSV and GeoJSON; the figures and the suppression
 * rule are those of src/domain/open-data.ts. No project is named, identified or located.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import Papa from 'papaparse';
import { openDataCsvColumns, openDataCsvRow } from '../../domain/open-data.ts';
import type { Kwartaal } from '../../domain/kwartaal.ts';
import type { Services } from '../../services/container.ts';
import type { OpenDataRequest } from '../../services/public-stats.service.ts';
import { Problem } from '../schemas/common.ts';
import {
  MAX_OPEN_DATA_QUARTERS,
  OPEN_DATA_CSV_FIELDS,
  OpenDataQuartersResponse,
  OpenDataQuery,
  SUPPRESSION_RULE,
} from '../schemas/open-data.schemas.ts';

/** The request as the service takes it (the query schema has checked the range; `from` defaults to `to`). */
function request(q: { from?: string; to?: string; gemeente?: string; provincie?: string }): OpenDataRequest {
  return { from: (q.from ?? q.to) as Kwartaal | undefined, to: q.to as Kwartaal | undefined, gemeente: q.gemeente, provincie: q.provincie };
}

export function openDataRoutes(services: Services): FastifyPluginAsyncZod {
  const stats = services.publicStats;
  return async (app) => {
    app.get('/open-data/quarters', {
      config: { access: 'public' },
      schema: {
        tags: ['open data'],
        summary: 'Open data per gemeente and quarter: homes started, completed and in the pipeline (by phase, plan status, segment)',
        description: `Aggregates only; readable without an account. At most ${MAX_OPEN_DATA_QUARTERS} quarters per request. ${SUPPRESSION_RULE}`,
        querystring: OpenDataQuery,
        response: { 200: OpenDataQuartersResponse, 400: Problem },
      },
      handler: async (req) => stats.quarters(request(req.query)),
    });

    app.get('/open-data/quarters.csv', {
      config: { access: 'public' },
      schema: {
        tags: ['open data'],
        summary: 'The same open data as CSV (comma-separated, UTF-8, one row per gemeente and quarter, a suppressed figure is empty)',
        description:
          `Columns: ${OPEN_DATA_CSV_FIELDS.map(([name, definition]) => `\`${name}\` (${definition})`).join('; ')}. ` +
          `Counts are numbers of projects, homes are dwellings (woningen). ${SUPPRESSION_RULE}`,
        querystring: OpenDataQuery,
        produces: ['text/csv'],
      },
      handler: async (req, reply) => {
        const data = await stats.quarters(request(req.query));
        const csv = Papa.unparse({ fields: openDataCsvColumns(), data: data.items.map(openDataCsvRow) }, { newline: '\r\n' });
        const name = `woningbouw-open-data-${data.quarters[0] ?? ''}${data.quarters.length > 1 ? `-${data.quarters.at(-1)}` : ''}.csv`;
        return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}"`).send(`${csv}\r\n`);
      },
    });

    app.get('/open-data/quarters.geojson', {
      config: { access: 'public' },
      schema: {
        tags: ['open data'],
        summary: 'The same open data on the gemeente boundaries as GeoJSON (WGS84): one feature per gemeente and quarter, flat properties',
        description: `Properties: gemeenteCode, gemeenteName, provincieCode, quarter, startedProjects, startedHomes, completedProjects, completedHomes, pipelineProjects, pipelineHomes, pipelineHomes_<phase|planStatus|segment>; as in the JSON. ${SUPPRESSION_RULE}`,
        querystring: OpenDataQuery,
        produces: ['application/geo+json'],
      },
      handler: async (req, reply) => reply.type('application/geo+json').send(await stats.quartersGeoJson(request(req.query))),
    });
  };
}
