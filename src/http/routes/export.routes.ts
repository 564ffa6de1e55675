/**
 * Exports of the project list (SPEC §7, issue 13 part 4): CSV and XLSX streamed from the database in
 * batches (the planlijst columns that the import reads back), and GeoJSON for GIS. Same filters and
 * scope as the project list; an account is needed (the public in demo mode reads the list only).
 */
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../services/container.ts';
import { ProjectListQuery } from '../schemas/project.schemas.ts';
import { projectFilter } from './projects.routes.ts';

/** The list's query without paging; `sort` is ignored by the streaming exports (they run by gemeente, name and id). */
const ExportQuery = ProjectListQuery.omit({ limit: true, offset: true, cursor: true, total: true });

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends a file to be saved under this name. */
const download = (reply: FastifyReply, type: string, filename: string) =>
  reply.type(type).header('content-disposition', `attachment; filename="${filename}"`);

export function exportRoutes(services: Services): FastifyPluginAsyncZod {
  const { projectExports, geoJsonExports } = services;

  return async (app) => {
    app.get('/projects/export.csv', {
      config: { access: 'signed-in' },
      schema: {
        tags: ['export'],
        summary:
          'CSV export of the project list (same filters as the list), streamed: one row per project with programme, jaarschijven and ' +
          'milestone dates, in the planlijst layout the import reads back. UTF-8 with BOM, `;`-separated, decimal comma (Dutch Excel).',
        querystring: ExportQuery,
        produces: ['text/csv'],
      },
      handler: async (req, reply) => {
        const body = await projectExports.csv(projectFilter(req.query), req.principal);
        return download(reply, 'text/csv; charset=utf-8', 'projecten.csv').send(body);
      },
    });

    app.get('/projects/export.xlsx', {
      config: { access: 'signed-in' },
      schema: {
        tags: ['export'],
        summary:
          'Excel export of the project list (same filters as the list), streamed: sheet Projecten in the planlijst layout of the CSV ' +
          '(dates as date cells) and sheet Toelichting (with the demo-data notice).',
        querystring: ExportQuery,
        produces: [XLSX],
      },
      handler: async (req, reply) => {
        const body = await projectExports.xlsx(projectFilter(req.query), req.principal);
        return download(reply, XLSX, 'projecten.xlsx').send(body);
      },
    });

    app.get('/projects/aggregates.geojson', {
      config: { access: 'signed-in' },
      schema: {
        tags: ['export'],
        summary:
          'The projects of the list (same filters, your own area) as figures per gemeente on the gemeente boundaries (GeoJSON, WGS84): projects, homes, ' +
          'affordable and social homes, `projects_<phase>`/`homes_<phase>` and `homes_<planStatus>`. No figure is hidden: you may read every project counted ' +
          '(the public aggregates are /public/aggregates.geojson and /open-data/quarters.geojson).',
        querystring: ExportQuery,
        produces: ['application/geo+json'],
      },
      handler: async (req, reply) => {
        const body = await geoJsonExports.aggregates(projectFilter(req.query), req.principal);
        return reply.type('application/geo+json').send(body);
      },
    });

    app.get('/projects/export.geojson', {
      config: { access: 'signed-in' },
      schema: {
        tags: ['export'],
        summary:
          'GeoJSON (RFC 7946, WGS84) export of the projects with a location (same filters as the list), streamed: one Point feature per project ' +
          'with the list’s properties and the M11/M12 dates (`M11_baseline`, `M11_forecast`, `M11_actual`, …)',
        querystring: ExportQuery,
        produces: ['application/geo+json'],
      },
      handler: async (req, reply) => {
        const body = await geoJsonExports.projects(projectFilter(req.query), req.principal);
        return download(reply, 'application/geo+json', 'projecten.geojson').send(body);
      },
    });
  };
}
