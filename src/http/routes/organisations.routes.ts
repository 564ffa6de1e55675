/**
 * The organisations register (issue 11 item 2): register and correct market parties, corporations and other
 * non-public organisations. Listing stays GET /organisations (reference.routes.ts). Who may: administrators and
 * province analysts (src/domain/access.ts canRegisterOrganisations); the service asks access first.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ORGANISATION_REGISTRAR_ROLES } from '../../domain/access.ts';
import type { Services } from '../../services/container.ts';
import { Problem, Uuid } from '../schemas/common.ts';
import {
  OrganisationCreateBody,
  OrganisationMergeBody,
  OrganisationMergePreviewSchema,
  OrganisationPatchBody,
  OrganisationSchema,
} from '../schemas/organisations.schemas.ts';

/** Route gate; the service decides per organisation (demo scope, reference bodies). */
const REGISTRARS = ORGANISATION_REGISTRAR_ROLES;
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
const mergeErrors = { ...errors, 422: Problem };

export function organisationRoutes(services: Services): FastifyPluginAsyncZod {
  const { organisations } = services;
  return async (app) => {
    app.post('/organisations', {
      config: { access: REGISTRARS },
      schema: {
        tags: ['reference'],
        summary: 'Register a market party, corporation or other non-public organisation (a KvK number already registered: 409)',
        body: OrganisationCreateBody,
        response: { 201: OrganisationSchema, ...errors },
      },
      handler: async (req, reply) => {
        const created = await organisations.create(req.body, req.principal);
        return reply.code(201).header('location', `/api/v1/organisations/${created.id}`).send(created);
      },
    });

    app.patch('/organisations/:id', {
      config: { access: REGISTRARS },
      schema: {
        tags: ['reference'],
        summary: 'Rename or correct an organisation; send the version last read (stale: 409, nothing changes)',
        params: z.object({ id: Uuid }),
        body: OrganisationPatchBody,
        response: { 200: OrganisationSchema, ...errors },
      },
      handler: async (req) => {
        const { version, ...patch } = req.body;
        return organisations.update(req.params.id, version, patch, req.principal);
      },
    });

    app.get('/organisations/:id', {
      config: { access: 'signed-in' },
      schema: {
        tags: ['reference'],
        summary: 'One organisation; a merged duplicate names the organisation it went into (mergedInto)',
        params: z.object({ id: Uuid }),
        response: { 200: OrganisationSchema, 400: Problem, 401: Problem, 404: Problem },
      },
      handler: async (req) => organisations.get(req.params.id, req.principal),
    });

    app.get('/organisations/:id/merge-preview', {
      config: { access: REGISTRARS },
      schema: {
        tags: ['reference'],
        summary: 'What would move when this duplicate is merged into another organisation (nothing changes)',
        params: z.object({ id: Uuid }),
        querystring: z.object({ into: Uuid.describe('The organisation to keep') }),
        response: { 200: OrganisationMergePreviewSchema, ...mergeErrors },
      },
      handler: async (req) => organisations.mergePreview(req.params.id, req.query.into, req.principal),
    });

    app.post('/organisations/:id/merge', {
      config: { access: REGISTRARS },
      schema: {
        tags: ['reference'],
        summary:
          'Merge this duplicate into another organisation: every project, person, open-round delivery, region membership and invitation moves in one transaction; the duplicate stays, marked, and is left out of lists. Public bodies cannot be merged (422); stale versions: 409',
        params: z.object({ id: Uuid }),
        body: OrganisationMergeBody,
        response: { 200: OrganisationMergePreviewSchema, ...mergeErrors },
      },
      handler: async (req) => organisations.merge(req.params.id, req.body, req.principal),
    });
  };
}
