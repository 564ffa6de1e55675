/** /api/v1/projects/{id}/withdraw, /reinstate, /merge, /merge-preview: ending a plan (issue 12 item 2). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../services/container.ts';
import { actorOf } from '../auth.ts';
import { Problem } from '../schemas/common.ts';
import { MergeBody, MergePreview, MergePreviewQuery, ReinstateBody, WithdrawBody } from '../schemas/lifecycle.schemas.ts';
import { ProjectDetail, ProjectIdParams } from '../schemas/project.schemas.ts';

/** Who may is decided per project by the service (src/domain/access.ts requireMayEndProject, requireMayMergeProjects). */
const SIGNED_IN = 'signed-in' as const;
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem };

export function lifecycleRoutes(services: Services): FastifyPluginAsyncZod {
  const lifecycle = services.lifecycle;
  return async (app) => {
    app.post('/projects/:id/withdraw', {
      config: { access: SIGNED_IN },
      schema: {
        tags: ['projects'],
        summary: 'Withdraw a plan that will not be built ("vervallen", counted as planuitval), with a reason and date; needs the version',
        params: ProjectIdParams,
        body: WithdrawBody,
        response: { 200: ProjectDetail, ...errors },
      },
      handler: async (req) => {
        const { version, ...request } = req.body;
        return lifecycle.withdraw(req.params.id, version, request, actorOf(req));
      },
    });

    app.post('/projects/:id/reinstate', {
      config: { access: SIGNED_IN },
      schema: {
        tags: ['projects'],
        summary: 'Make a withdrawn plan active again, with a reason; needs the version',
        params: ProjectIdParams,
        body: ReinstateBody,
        response: { 200: ProjectDetail, ...errors },
      },
      handler: async (req) => {
        const { version, ...request } = req.body;
        return lifecycle.reinstate(req.params.id, version, request, actorOf(req));
      },
    });

    app.get('/projects/:id/merge-preview', {
      config: { access: SIGNED_IN },
      schema: {
        tags: ['projects'],
        summary: 'What merging this project into another record of the same plan would move (changes nothing)',
        params: ProjectIdParams,
        querystring: MergePreviewQuery,
        response: { 200: MergePreview, ...errors },
      },
      handler: async (req) => lifecycle.mergePreview(req.params.id, req.query.into, req.principal),
    });

    app.post('/projects/:id/merge', {
      config: { access: SIGNED_IN },
      schema: {
        tags: ['projects'],
        summary:
          'Merge this duplicate into the record of the same plan that stays: its knelpunten and missing parties move, it is closed as "samengevoegd"; returns the record that stays',
        params: ProjectIdParams,
        body: MergeBody,
        response: { 200: ProjectDetail, ...errors },
      },
      handler: async (req) => lifecycle.merge(req.params.id, req.body.version, req.body.intoProjectId, req.body.intoVersion, actorOf(req)),
    });
  };
}
