/**
 * A table's meeting agenda and the gemeenten's proposals for alternatives (issue 12 items 6 and 7; `001 § Afspraak
 * 3B`): /regions/{regionId}/agenda and /regions/{regionId}/alternative-proposals.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../auth.ts';
import type { Services } from '../../services/container.ts';
import { Problem } from '../schemas/common.ts';
import { Agenda, Proposal, ProposalCreate, ProposalList, ProposalParams, ProposalWithdraw, RegionParams } from '../schemas/agenda.schemas.ts';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem };

export function agendaRoutes(services: Services): FastifyPluginAsyncZod {
  const { agenda, proposals } = services;
  return async (app) => {
    app.get('/regions/:regionId/agenda', {
      config: { access: 'signed-in' },
      schema: {
        tags: ['dashboard'],
        summary:
          'The agenda of the table’s quarterly meeting: escalated open knelpunten, seriously delayed projects, expired forecasts, parties that have ' +
          'not delivered in the round (the open one, else the latest) and the gemeenten’s proposals — each item with its projects. For those who ' +
          'see the whole table.',
        params: RegionParams,
        response: { 200: Agenda, ...errors },
      },
      handler: async (req) => agenda.agenda(req.params.regionId, req.principal),
    });

    app.get('/regions/:regionId/alternative-proposals', {
      config: { access: 'signed-in' },
      schema: {
        tags: ['dashboard'],
        summary:
          'Open proposals for alternatives of the table’s gemeenten: all of them for who sees the whole table, a gemeente’s own for its project ' +
          'leaders (who may also propose: mayPropose, with the projects and years to choose from)',
        params: RegionParams,
        response: { 200: ProposalList, ...errors },
      },
      handler: async (req) => proposals.list(req.params.regionId, req.principal),
    });

    app.post('/regions/:regionId/alternative-proposals', {
      config: { access: 'signed-in' },
      schema: {
        tags: ['dashboard'],
        summary:
          'A gemeente of the table puts forward an alternative project or the acceleration of one of its projects, with the homes it adds and the ' +
          'year; every problem next to its field (422); recorded in the audit trail',
        params: RegionParams,
        body: ProposalCreate,
        response: { 201: Proposal, ...errors },
      },
      handler: async (req, reply) => {
        const made = await proposals.create(req.params.regionId, req.body, actorOf(req));
        return reply.code(201).send(made);
      },
    });

    app.post('/regions/:regionId/alternative-proposals/:proposalId/withdraw', {
      config: { access: 'signed-in' },
      schema: {
        tags: ['dashboard'],
        summary: 'The gemeente that made a proposal withdraws it (kept, marked withdrawn); a stale version is 409; recorded in the audit trail',
        params: ProposalParams,
        body: ProposalWithdraw,
        response: { 200: Proposal, ...errors },
      },
      handler: async (req) => proposals.withdraw(req.params.regionId, req.params.proposalId, req.body.version, actorOf(req)),
    });
  };
}
