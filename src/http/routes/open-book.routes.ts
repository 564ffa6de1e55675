/**
 * /api/v1/projects/{id}/open-book (issue 12 item 5): the confidential open-book figures of a project. Not part of
 * ProjectDetail, the project list or any export: only here. The gates name the roles that can be a reader or party at
 * all; the service decides per project (src/domain/access.ts canReadOpenBook / canEditOpenBook).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OPEN_BOOK_EDITOR_ROLES, OPEN_BOOK_READER_ROLES } from '../../domain/access.ts';
import type { Services } from '../../services/container.ts';
import { actorOf } from '../auth.ts';
import { Problem } from '../schemas/common.ts';
import { OpenBookBody, OpenBookSchema } from '../schemas/open-book.schemas.ts';
import { ProjectIdParams } from '../schemas/project.schemas.ts';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem };

export function openBookRoutes(services: Services): FastifyPluginAsyncZod {
  const { openBooks } = services;
  return async (app) => {
    app.get('/projects/:id/open-book', {
      config: { access: OPEN_BOOK_READER_ROLES },
      schema: {
        tags: ['projects'],
        summary:
          'The open-book figures of a project (grondexploitatie totals, onrendabele top); 204 when none were entered yet. ' +
          'Only for the parties of the project and the secretary of its versnellingstafel (others 403; a project the caller may not read 404)',
        params: ProjectIdParams,
        response: { 200: OpenBookSchema, 204: z.null(), ...errors },
      },
      handler: async (req, reply) => {
        const book = await openBooks.get(req.params.id, req.principal);
        return book ? book : reply.code(204).send(null);
      },
    });

    app.put('/projects/:id/open-book', {
      config: { access: OPEN_BOOK_EDITOR_ROLES },
      schema: {
        tags: ['projects'],
        summary:
          'Enter (version 0) or change (the version last read) the open-book figures of a project; only its parties (the gemeente and the market parties)',
        params: ProjectIdParams,
        body: OpenBookBody,
        response: { 200: OpenBookSchema, ...errors },
      },
      handler: async (req) => {
        const { version, ...figures } = req.body;
        return openBooks.put(req.params.id, version, figures, actorOf(req));
      },
    });
  };
}
