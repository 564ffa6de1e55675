/**
 * /api/v1/national/* (the national roll-up) and /api/v1/targets (targets as dated data), issue 3.
 * Each handler maps HTTP to one service call.
 */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { TARGET_EDITOR_ROLES } from '../../domain/access.ts';
import { ValidationError } from '../../domain/errors.ts';
import type { Services } from '../../services/container.ts';
import type { UploadFormat } from '../../services/target.service.ts';
import { Problem, Uuid } from '../schemas/common.ts';
import {
  AreaId,
  ForecastQuery,
  ForecastResponse,
  HerindelingenResponse,
  ImportResponse,
  Norm,
  NormBody,
  OverviewQuery,
  OverviewResponse,
  PlancapaciteitQuery,
  PlancapaciteitResponse,
  RealisationsQuery,
  RealisationsResponse,
  ReconciliationQuery,
  ReconciliationResponse,
  TargetCreateBody,
  TargetListQuery,
  TargetPatchBody,
  TargetSchema,
} from '../schemas/national.schemas.ts';
import { BagRealisationsQuery, BagRealisationsResponse } from '../schemas/realisation-sources.schemas.ts';

/** Who may change targets and norms (route level); the target service limits a province analyst to its province (src/domain/access.ts). */
const TARGET_EDITORS = TARGET_EDITOR_ROLES;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem };

const actor = (req: FastifyRequest) => req.principal;

/** The upload's format: from `?format=`, the content type, or the file's first bytes (an .xlsx is a zip: "PK"). */
function uploadFormat(req: FastifyRequest<{ Querystring: { format?: UploadFormat } }>, body: Buffer): UploadFormat {
  if (req.query.format) return req.query.format;
  const type = (String(req.headers['content-type'] ?? '').split(';')[0] ?? '').trim();
  if (type === XLSX) return 'xlsx';
  if (type === 'text/csv' || type === 'text/plain') return 'csv';
  return body.subarray(0, 2).toString('latin1') === 'PK' ? 'xlsx' : 'csv';
}

export function nationalRoutes(services: Services): FastifyPluginAsyncZod {
  const { targets, national, forecast, realisations } = services;
  return async (app) => {
    // Spreadsheet uploads arrive as the raw file (Content-Type text/csv or the .xlsx type); scoped to this plugin.
    app.addContentTypeParser(
      ['text/csv', 'text/plain', XLSX, 'application/octet-stream'],
      { parseAs: 'buffer', bodyLimit: 5 * 1024 * 1024 },
      (_req, body, done) => done(null, body),
    );

    // ----- targets -----------------------------------------------------------------------------------

    app.get('/targets', {
      config: { access: 'public' },
      schema: {
        tags: ['targets'],
        summary: 'Targets as dated data (SPEC §3): housing targets per geography and the special targets, each with its source',
        querystring: TargetListQuery,
        response: { 200: z.object({ items: z.array(TargetSchema) }), 400: Problem },
      },
      handler: async (req) => ({ items: await targets.list(req.query, req.principal) }),
    });

    app.post('/targets', {
      config: { access: TARGET_EDITORS },
      schema: {
        tags: ['targets'],
        summary: 'Create a target (needs a source: sourceUrl or sourceRef)',
        body: TargetCreateBody,
        response: { 201: TargetSchema, ...errors },
      },
      handler: async (req, reply) => {
        const created = await targets.create(req.body, actor(req));
        return reply.code(201).header('location', `/api/v1/targets/${created.id}`).send(created);
      },
    });

    app.patch('/targets/:id', {
      config: { access: TARGET_EDITORS },
      schema: {
        tags: ['targets'],
        summary: 'Change a target; send the version last read (stale: 409, nothing changes)',
        params: z.object({ id: Uuid }),
        body: TargetPatchBody,
        response: { 200: TargetSchema, ...errors },
      },
      handler: async (req) => {
        const { version, ...patch } = req.body;
        return targets.update(req.params.id, version, patch, actor(req));
      },
    });

    app.post('/targets/import', {
      config: { access: TARGET_EDITORS },
      schema: {
        tags: ['targets'],
        summary:
          'Import targets from an .xlsx or .csv file sent as the request body (Content-Type text/csv or the .xlsx type). All or nothing: ' +
          'problems are reported per row as errors[].path = rows[i].field (i counts data rows from 0; the message names the spreadsheet line).',
        consumes: ['text/csv', XLSX],
        querystring: z.object({ format: z.enum(['csv', 'xlsx']).optional() }),
        response: { 200: ImportResponse, ...errors },
      },
      handler: async (req) => {
        const body = req.body as unknown;
        if (!Buffer.isBuffer(body) || body.length === 0) {
          throw new ValidationError([
            { path: 'file', code: 'required', message: 'Stuur het bestand (.xlsx of .csv) mee als inhoud van het verzoek.' },
          ]);
        }
        return targets.importFile(body, uploadFormat(req, body), actor(req));
      },
    });

    // ----- national roll-up ----------------------------------------------------------------------------

    app.get('/national/overview', {
      // Public (SPEC §1: the public sees "aggregated open data and maps"): the ministry and administrators get every
      // figure; everyone else the public version, where figures of fewer than 3 projects are hidden (`disclosure`).
      config: { access: 'public' },
      schema: {
        tags: ['national'],
        summary:
          'National roll-up: realised and forecast production against 100,000, shares, special targets, provinces (map) and PPM use per region. ' +
          'Public: figures built from fewer than 3 projects are hidden (see `disclosure` and `suppressed`); the ministry sees them all.',
        querystring: OverviewQuery,
        response: { 200: OverviewResponse, ...errors },
      },
      handler: async (req) => services.publicStats.overviewFor(req.query, req.principal),
    });

    app.get('/national/forecast', {
      config: { access: 'signed-in' },
      schema: {
        tags: ['national'],
        summary:
          'Expected completions per year of an area (jaarschijven × realisation assumption) with a P10/P50/P90 band and the gap with the target',
        querystring: ForecastQuery,
        response: { 200: ForecastResponse, ...errors },
      },
      handler: async (req) => forecast.forecast(req.query, req.principal),
    });

    app.get('/national/realisations', {
      config: { access: 'public' },
      schema: {
        tags: ['national'],
        summary: 'CBS new construction (81955NED) per gemeente and year, in the original classification or mapped to the 2025 gemeenten',
        querystring: RealisationsQuery,
        response: { 200: RealisationsResponse, ...errors },
      },
      handler: async (req) => realisations.realisations(req.query, req.principal),
    });

    app.get('/national/realisations/bag', {
      config: { access: 'signed-in' },
      schema: {
        tags: ['national'],
        summary:
          'Homes started and completed per the BAG (building register) per gemeente and year or quarter, next to CBS and the monitor (M11/M12)',
        querystring: BagRealisationsQuery,
        response: { 200: BagRealisationsResponse, ...errors },
      },
      handler: async (req) => services.bagImport.realisations(req.query, req.principal),
    });

    app.get('/national/herindelingen', {
      config: { access: 'public' },
      schema: {
        tags: ['national'],
        summary: 'Gemeentelijke herindelingen 2012–2025 used to map CBS figures onto the 2025 gemeenten, with the resolved successors',
        response: { 200: HerindelingenResponse },
      },
      handler: async () => realisations.herindelingen(),
    });

    app.get('/national/reconciliation', {
      config: { access: 'signed-in' },
      schema: {
        tags: ['national'],
        summary: 'Opleveringen in the monitor (M12) against CBS new construction per gemeente and year, for the years both exist',
        querystring: ReconciliationQuery,
        response: { 200: ReconciliationResponse, ...errors },
      },
      handler: async (req) => {
        const q = req.query;
        const area = q.area ?? (q.gemeente ? `gemeente:${q.gemeente}` : q.provincie ? `provincie:${q.provincie}` : 'nl');
        return realisations.reconciliation({ year: q.year, area }, req.principal);
      },
    });

    app.get('/national/plancapaciteit', {
      config: { access: 'signed-in' },
      schema: {
        tags: ['national'],
        summary: 'Hard and soft plancapaciteit per period against need (the targets) with the 130% test, and the projects behind each figure',
        querystring: PlancapaciteitQuery,
        response: { 200: PlancapaciteitResponse, ...errors },
      },
      handler: async (req) => national.plancapaciteit(req.query, req.principal),
    });

    app.get('/national/plancapaciteit/normen', {
      config: { access: 'signed-in' },
      schema: {
        tags: ['national'],
        summary: 'Areas whose plancapaciteit norm differs from the default 130%',
        response: { 200: z.object({ items: z.array(Norm) }) },
      },
      handler: async (req) => ({ items: await national.listNorms(req.principal) }),
    });

    app.put('/national/plancapaciteit/normen/:areaId', {
      config: { access: TARGET_EDITORS },
      schema: {
        tags: ['national'],
        summary: 'Set the plancapaciteit norm of an area (SPEC §3, 002 § 1: 130% is "niet altijd nodig"); a change needs the version last read',
        params: z.object({ areaId: AreaId }),
        body: NormBody,
        response: { 200: Norm, ...errors },
      },
      handler: async (req) => national.setNorm(req.params.areaId, req.body, req.principal),
    });
  };
}
