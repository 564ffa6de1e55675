/**
 * Versnellingstafels and woondeal regions set up in the application (issue 11 item 1). The list stays GET /regions
 * (reference.routes.ts). Who may: administrators, province analysts within their province (create, rename, end,
 * gemeenten) and a table's secretary (its member organisations): src/domain/access.ts; the service asks access first.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { REGION_MEMBER_ROLES, REGION_SETUP_ROLES } from '../../domain/access.ts';
import type { Services } from '../../services/container.ts';
import { Problem, Uuid } from '../schemas/common.ts';
import {
  RegionCoverageBody,
  RegionCreateBody,
  RegionDetailSchema,
  RegionEndBody,
  RegionMemberBody,
  RegionRecordSchema,
  RegionRenameBody,
} from '../schemas/regions.schemas.ts';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem };
const RegionId = z.string().min(1).max(100).describe('Region id (e.g. vt-amsterdam-e-o)');
const WHO =
  'Administrators; a province analyst for tables whose gemeenten (old and new) all lie in their province; a demo account only regions it created.';

export function regionRoutes(services: Services): FastifyPluginAsyncZod {
  const { regionAdmin } = services;
  const params = z.object({ regionId: RegionId });
  return async (app) => {
    app.get('/regions/:regionId', {
      config: { access: 'signed-in' },
      schema: {
        tags: ['reference'],
        summary: 'A region: gemeenten now, coverage history, member organisations, secretaries, closed quarters, and what you may change',
        params,
        response: { 200: RegionDetailSchema, 400: Problem, 401: Problem, 404: Problem },
      },
      handler: async (req) => regionAdmin.detail(req.principal, req.params.regionId),
    });

    app.post('/regions', {
      config: { access: REGION_SETUP_ROLES },
      schema: {
        tags: ['reference'],
        summary: 'Create a versnellingstafel or woondeal region covering gemeenten from a quarter; recorded in the audit trail',
        description: `${WHO} A gemeente in another running versnellingstafel answers 409 naming that table unless moveFromOtherTables.`,
        body: RegionCreateBody,
        response: { 201: RegionRecordSchema, ...errors },
      },
      handler: async (req, reply) => {
        const created = await regionAdmin.create(req.principal, req.body);
        return reply.code(201).header('location', `/api/v1/regions/${created.id}`).send(created);
      },
    });

    app.patch('/regions/:regionId', {
      config: { access: REGION_SETUP_ROLES },
      schema: {
        tags: ['reference'],
        summary: 'Rename a region; send the version last read (stale: 409, nothing changes)',
        description: WHO,
        params,
        body: RegionRenameBody,
        response: { 200: RegionRecordSchema, ...errors },
      },
      handler: async (req) => regionAdmin.rename(req.principal, req.params.regionId, req.body),
    });

    app.post('/regions/:regionId/end', {
      config: { access: REGION_SETUP_ROLES },
      schema: {
        tags: ['reference'],
        summary: 'Stop a table on a date: it keeps its history, but no new quarterly round can be opened',
        description: WHO,
        params,
        body: RegionEndBody,
        response: { 200: RegionRecordSchema, ...errors },
      },
      handler: async (req) => regionAdmin.end(req.principal, req.params.regionId, req.body),
    });

    app.put('/regions/:regionId/gemeenten', {
      config: { access: REGION_SETUP_ROLES },
      schema: {
        tags: ['reference'],
        summary: 'Let the region cover exactly these gemeenten from a quarter (dated: closed quarters keep what they were)',
        description:
          `${WHO} Gemeenten added belong to the region from fromQuarter, removed ones until the quarter before; a quarter already closed ` +
          'for this table (or for a table a gemeente leaves) answers 422. A gemeente in another running versnellingstafel: 409 naming it unless moveFromOtherTables.',
        params,
        body: RegionCoverageBody,
        response: { 200: RegionRecordSchema, ...errors },
      },
      handler: async (req) => regionAdmin.changeGemeenten(req.principal, req.params.regionId, req.body),
    });

    app.post('/regions/:regionId/organisations', {
      config: { access: REGION_MEMBER_ROLES },
      schema: {
        tags: ['reference'],
        summary: 'Add a member organisation to a table (from today); recorded in the audit trail',
        description: `${WHO} Also the table's own secretary.`,
        params,
        body: RegionMemberBody,
        response: { 204: z.null(), ...errors },
      },
      handler: async (req, reply) => {
        await regionAdmin.addMember(req.principal, req.params.regionId, req.body.organisationId);
        return reply.code(204).send(null);
      },
    });

    app.delete('/regions/:regionId/organisations/:organisationId', {
      config: { access: REGION_MEMBER_ROLES },
      schema: {
        tags: ['reference'],
        summary: "End an organisation's membership of a table (today); the history keeps it",
        description: `${WHO} Also the table's own secretary.`,
        params: params.extend({ organisationId: Uuid }),
        response: { 204: z.null(), ...errors },
      },
      handler: async (req, reply) => {
        await regionAdmin.removeMember(req.principal, req.params.regionId, req.params.organisationId);
        return reply.code(204).send(null);
      },
    });
  };
}
