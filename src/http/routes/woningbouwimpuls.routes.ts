/**
 * /api/v1/woningbouwimpuls/* and /api/v1/gebiedsbudget/* (issue 16 parts 2–3; SPEC §4.2, §4.3). The gates name the
 * roles that can use an endpoint at all; the service asks src/domain/access.ts per application (a gemeente: its own,
 * for its own projects, during the window; the ministry and administrators: all, and the scoring and allocation).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SUBSIDY_ADMIN_ROLES, SUBSIDY_APPLICANT_ROLES, SUBSIDY_FILER_ROLES } from '../../domain/access.ts';
import type { Services } from '../../services/container.ts';
import { actorOf } from '../auth.ts';
import { Problem, Uuid } from '../schemas/common.ts';
import {
  Allocation,
  DecisionListQuery,
  GebiedsbudgetAreaList,
  GebiedsbudgetDecisionBody,
  GebiedsbudgetRequest,
  GebiedsbudgetRequestBody,
  GebiedsbudgetRequestList,
  ScoresBody,
  Tranche,
  TrancheBody,
  TrancheDetail,
  TrancheList,
  TrancheParams,
  WbiApplication,
  WbiApplicationBody,
  WbiApplicationUpdate,
} from '../schemas/woningbouwimpuls.schemas.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem };
const IdParams = z.object({ id: Uuid });

export function woningbouwimpulsRoutes(services: Services): FastifyPluginAsyncZod {
  const { woningbouwimpuls: wbi } = services;
  return async (app) => {
    app.get('/woningbouwimpuls/tranches', {
      config: { access: SUBSIDY_APPLICANT_ROLES },
      schema: {
        tags: ['instruments'],
        summary: 'Woningbouwimpuls tranches (application window, budget, award date); for gemeenten and the ministry',
        response: { 200: TrancheList, ...errors },
      },
      handler: async (req) => ({ items: await wbi.tranches(req.principal) }),
    });

    app.post('/woningbouwimpuls/tranches', {
      config: { access: SUBSIDY_ADMIN_ROLES },
      schema: {
        tags: ['instruments'],
        summary: 'Create a tranche (the ministry); all tranches together at most €470m',
        body: TrancheBody,
        response: { 201: Tranche, ...errors },
      },
      handler: async (req, reply) => {
        const made = await wbi.createTranche(req.body, actorOf(req));
        return reply.code(201).header('location', `/api/v1/woningbouwimpuls/tranches/${made.id}`).send(made);
      },
    });

    app.get('/woningbouwimpuls/tranches/:id', {
      config: { access: SUBSIDY_APPLICANT_ROLES },
      schema: {
        tags: ['instruments'],
        summary: 'A tranche with the applications you may read (a gemeente: its own), each with its eligibility per criterion and maximum award',
        params: TrancheParams,
        response: { 200: TrancheDetail, ...errors },
      },
      handler: async (req) => wbi.tranche(req.params.id, req.principal),
    });

    app.post('/woningbouwimpuls/tranches/:id/applications', {
      config: { access: SUBSIDY_FILER_ROLES },
      schema: {
        tags: ['instruments'],
        summary: 'File an application for one of your gemeente’s projects while the window is open (one per project per tranche)',
        params: TrancheParams,
        body: WbiApplicationBody,
        response: { 201: WbiApplication, ...errors },
      },
      handler: async (req, reply) => {
        const { projectId, ...input } = req.body;
        const made = await wbi.fileApplication(req.params.id, projectId, input, actorOf(req));
        return reply.code(201).header('location', `/api/v1/woningbouwimpuls/applications/${made.id}`).send(made);
      },
    });

    app.get('/woningbouwimpuls/applications/:id', {
      config: { access: SUBSIDY_APPLICANT_ROLES },
      schema: {
        tags: ['instruments'],
        summary: 'One application (its gemeente and the ministry; others 404)',
        params: IdParams,
        response: { 200: WbiApplication, ...errors },
      },
      handler: async (req) => wbi.application(req.params.id, req.principal),
    });

    app.put('/woningbouwimpuls/applications/:id', {
      config: { access: SUBSIDY_FILER_ROLES },
      schema: {
        tags: ['instruments'],
        summary: 'Change your application (the version last read) while the window is open',
        params: IdParams,
        body: WbiApplicationUpdate,
        response: { 200: WbiApplication, ...errors },
      },
      handler: async (req) => {
        const { version, ...input } = req.body;
        return wbi.updateApplication(req.params.id, version, input, actorOf(req));
      },
    });

    app.put('/woningbouwimpuls/applications/:id/scores', {
      config: { access: SUBSIDY_ADMIN_ROLES },
      schema: {
        tags: ['instruments'],
        summary: 'Enter (version 0) or change the toetsingscommissie’s scores on the four criteria (0–10, 25% each)',
        params: IdParams,
        body: ScoresBody,
        response: { 200: WbiApplication, ...errors },
      },
      handler: async (req) => {
        const { version, ...scores } = req.body;
        return wbi.putScores(req.params.id, version, scores, actorOf(req));
      },
    });

    app.get('/woningbouwimpuls/tranches/:id/allocation', {
      config: { access: SUBSIDY_ADMIN_ROLES },
      schema: {
        tags: ['instruments'],
        summary: 'The ranking and allocation of the tranche as it stands, with the tie and partial-award rule and an explanation per application',
        params: TrancheParams,
        response: { 200: Allocation, ...errors },
      },
      handler: async (req) => wbi.allocation(req.params.id, req.principal),
    });

    app.post('/woningbouwimpuls/tranches/:id/allocation', {
      config: { access: SUBSIDY_ADMIN_ROLES },
      schema: {
        tags: ['instruments'],
        summary: 'Rank the tranche and fix the allocation on the applications (after the window has closed; may be repeated)',
        params: TrancheParams,
        response: { 200: Allocation, ...errors },
      },
      handler: async (req) => wbi.allocate(req.params.id, actorOf(req)),
    });

    app.get('/woningbouwimpuls/tranches/:id/decision-list', {
      config: { access: SUBSIDY_ADMIN_ROLES },
      schema: {
        tags: ['instruments'],
        summary: 'The decision list of the tranche (rank, scores, amounts, outcome, explanation) as CSV (UTF-8 with BOM, `;`) or XLSX',
        params: TrancheParams,
        querystring: DecisionListQuery,
        produces: ['text/csv', XLSX],
      },
      handler: async (req, reply) => {
        const { body, fileName } = await wbi.decisionList(req.params.id, req.query.format, req.principal);
        return reply
          .type(req.query.format === 'csv' ? 'text/csv; charset=utf-8' : XLSX)
          .header('content-disposition', `attachment; filename="${fileName}"`)
          .send(body);
      },
    });

    app.get('/gebiedsbudget/areas', {
      config: { access: SUBSIDY_APPLICANT_ROLES },
      schema: {
        tags: ['instruments'],
        summary: 'The Rijk-designated grootschalige woningbouwgebieden the monitor knows, each with its source',
        response: { 200: GebiedsbudgetAreaList, ...errors },
      },
      handler: async (req) => ({ items: await wbi.areas(req.principal) }),
    });

    app.get('/gebiedsbudget/requests', {
      config: { access: SUBSIDY_APPLICANT_ROLES },
      schema: {
        tags: ['instruments'],
        summary:
          'Gebiedsbudget requests you may read (a gemeente: its own), with eligibility and the 50% cap, and the running total against the ceiling',
        response: { 200: GebiedsbudgetRequestList, ...errors },
      },
      handler: async (req) => wbi.requests(req.principal),
    });

    app.post('/gebiedsbudget/requests', {
      config: { access: SUBSIDY_FILER_ROLES },
      schema: {
        tags: ['instruments'],
        summary: 'File a gebiedsbudget request for a designated area (a gemeente)',
        body: GebiedsbudgetRequestBody,
        response: { 201: GebiedsbudgetRequest, ...errors },
      },
      handler: async (req, reply) => {
        const made = await wbi.fileRequest(req.body, actorOf(req));
        return reply.code(201).send(made);
      },
    });

    app.put('/gebiedsbudget/requests/:id/decision', {
      config: { access: SUBSIDY_ADMIN_ROLES },
      schema: {
        tags: ['instruments'],
        summary: 'Award (within the cap and the ceiling) or reject a gebiedsbudget request (the ministry)',
        params: IdParams,
        body: GebiedsbudgetDecisionBody,
        response: { 200: GebiedsbudgetRequest, ...errors },
      },
      handler: async (req) => {
        const { version, ...decision } = req.body;
        return wbi.decideRequest(req.params.id, version, decision, actorOf(req));
      },
    });
  };
}
