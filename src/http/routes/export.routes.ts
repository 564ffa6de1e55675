/**
 * Exports of the project list (SPEC §7, issue 13 part 4): CSV and XLSX streamed from the database in
 * batches (the planlijst columns that the import reads back), and GeoJSON for GIS. Same filters and
 * scope as the project list; an account is needed (the public in demo mode reads the list only).
 */
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Principal } from '../../domain/access.ts';
import type { Services } from '../../services/container.ts';
import { projectsGeoJson } from '../../services/export.service.ts';
import type { ProjectFilter } from '../../storage/project.repository.ts';
import { ProjectListQuery } from '../schemas/project.schemas.ts';
import { projectFilter } from './projects.routes.ts';

const EXPORT_LIMIT = 200_000;
/** The list's query without paging; `sort` is ignored by the streaming exports (they run by gemeente, name and id). */
const ExportQuery = ProjectListQuery.omit({ limit: true, offset: true });

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends a file to be saved under this name. */
const download = (reply: FastifyReply, type: string, filename: string) =>
  reply.type(type).header('content-disposition', `attachment; filename="${filename}"`);

export function exportRoutes(services: Services): FastifyPluginAsyncZod {
  const { projects, projectExports } = services;

  async function allProjects(q: z.output<typeof ExportQuery>, principal: Principal, extra: ProjectFilter = {}) {
    const filter: ProjectFilter = { ...projectFilter(q), ...extra };
    const sort = q.sort.replace(/^-/, '') as Parameters<typeof projects.list>[1]['sort'];
    return (await projects.list(filter, { limit: EXPORT_LIMIT, offset: 0, sort, descending: q.sort.startsWith('-') }, principal)).items;
  }

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

    app.get('/projects/export.geojson', {
      config: { access: 'signed-in' },
      schema: { tags: ['export'], summary: 'GeoJSON export of the projects with a location (same filters as the list)', querystring: ExportQuery },
      handler: async (req, reply) => reply.type('application/geo+json').send(projectsGeoJson(await allProjects(req.query, req.principal))),
    });
  };
}
