/** /api/v1/projects: the project register and its parts. */
import { todayInNetherlands } from '../../services/today.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../services/container.ts';
import { decodeCursor, type ProjectFilter, type SortKey } from '../../storage/project.repository.ts';
import { ValidationError } from '../../domain/errors.ts';
import { actorOf } from '../auth.ts';
import { fastSerializerCompiler } from '../fast-serializer.ts';
import { createSharedResponses } from '../shared-response.ts';
import { IsoDateTime, Problem, Version } from '../schemas/common.ts';
import {
  Jaarschijf,
  Knelpunt,
  KnelpuntCreateBody,
  KnelpuntEscalateBody,
  KnelpuntParams,
  KnelpuntResolveBody,
  KnelpuntPatchBody,
  Milestone,
  MilestoneChange,
  MilestoneInput,
  MilestoneParams,
  Party,
  ProgrammeLine,
  ProjectCreateBody,
  ProjectDetail,
  ProjectIdParams,
  ProjectList,
  ProjectListQuery,
  ProjectPatchBody,
} from '../schemas/project.schemas.ts';
import { BaselineHistoryEntry, RebaselineBody } from '../schemas/round.schemas.ts';

/** `region` names a defined region or an area of the reference geography (`gemeente:`, `corop:`, `provincie:`). */
function areaFilter(region: string | undefined): Pick<ProjectFilter, 'regionId' | 'gemeenteCodes' | 'provincieCodes' | 'coropCodes'> {
  if (!region) return {};
  const [prefix, code] = region.split(':');
  if (prefix === 'gemeente' && code) return { gemeenteCodes: [code] };
  if (prefix === 'corop' && code) return { coropCodes: [code] };
  if (prefix === 'provincie' && code) return { provincieCodes: [code] };
  return { regionId: region };
}

/** The project list's query string (also used by the exports) as a filter for the project service. */
export function projectFilter(q: Omit<z.output<typeof ProjectListQuery>, 'limit' | 'offset' | 'cursor' | 'total'>): ProjectFilter {
  const area = areaFilter(q.region);
  return {
    gemeenteCodes: [...(q.gemeente ?? []), ...(area.gemeenteCodes ?? [])],
    provincieCodes: [...(q.provincie ?? []), ...(area.provincieCodes ?? [])],
    coropCodes: area.coropCodes,
    regionId: area.regionId,
    year: q.year,
    planStatuses: q.planStatus,
    phases: q.phase,
    statuses: q.status,
    flags: q.flags,
    knelpuntCategories: q.knelpunt,
    delayed: q.delayed,
    forecastExpiredAsOf: q.forecastExpired ? todayInNetherlands() : undefined,
    homesIn: q.homesIn,
    synthetic: q.synthetic,
    q: q.q,
    // Active plans unless asked otherwise: the list's sums equal the figures (src/domain/withdrawal.ts).
    lifecycle: q.lifecycle ?? 'actief',
  };
}

/** Project endpoints need an account; what each role may see or change is decided per project by the service. */
const SIGNED_IN = 'signed-in' as const;

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem };
// Bounded like the integer column it is compared with (a larger number used to reach SQL and end in a 500).
const VersionQuery = z.object({ version: z.coerce.number().int().min(1).max(2_147_483_647) });

export function projectRoutes(services: Services): FastifyPluginAsyncZod {
  const projects = services.projects;
  const shared = createSharedResponses();
  return async (app) => {
    app.get('/projects', {
      // Public at route level: in demo mode the public lists the synthetic demo projects; otherwise 401.
      config: { access: 'public' },
      schema: {
        tags: ['projects'],
        summary: 'List projects with filters and pagination',
        querystring: ProjectListQuery,
        response: { 200: ProjectList, 400: Problem, 422: Problem },
      },
      // Every list page is serialised: compiled once from the schema instead of zod's encode per response (fast-serializer.ts).
      serializerCompiler: fastSerializerCompiler,
      handler: async (req, reply) => {
        const q = req.query;
        const order = { sort: q.sort.replace(/^-/, '') as SortKey, descending: q.sort.startsWith('-') };
        const after = q.cursor === undefined ? undefined : decodeCursor(q.cursor, order);
        if (after === null || (after && q.offset > 0)) {
          throw new ValidationError([
            {
              path: 'cursor',
              code: 'invalid_cursor',
              message:
                after === null
                  ? 'Deze cursor hoort niet bij deze sortering. Gebruik de nextCursor van de vorige pagina met dezelfde sortering.'
                  : 'Geef een cursor of een offset, niet allebei.',
            },
          ]);
        }
        const page = await projects.list(
          projectFilter(q),
          { limit: q.limit, offset: q.offset, ...order, ...(after ? { after } : {}) },
          req.principal,
          q.total,
        );
        // A page kept per data version (list-page-cache.ts) is the same object for everyone it is kept for: serialised and compressed once.
        return shared.send(req, reply, page, 'page', () => page);
      },
    });

    app.post('/projects', {
      config: { access: SIGNED_IN },
      schema: { tags: ['projects'], summary: 'Create a project', body: ProjectCreateBody, response: { 201: ProjectDetail, ...errors } },
      handler: async (req, reply) => {
        const created = await projects.create(req.body, actorOf(req));
        return reply.code(201).header('location', `/api/v1/projects/${created.id}`).send(created);
      },
    });

    app.get('/projects/:id', {
      config: { access: 'public' },
      schema: {
        tags: ['projects'],
        summary: 'Get a project with all its parts',
        params: ProjectIdParams,
        response: { 200: ProjectDetail, ...errors },
      },
      handler: async (req) => projects.get(req.params.id, req.principal),
    });

    app.patch('/projects/:id', {
      config: { access: SIGNED_IN },
      schema: {
        tags: ['projects'],
        summary: 'Change a project (fields given only); needs the current version',
        params: ProjectIdParams,
        body: ProjectPatchBody,
        response: { 200: ProjectDetail, ...errors },
      },
      handler: async (req) => {
        const { version, ...patch } = req.body;
        return projects.update(req.params.id, version, patch, actorOf(req));
      },
    });

    app.delete('/projects/:id', {
      config: { access: SIGNED_IN },
      schema: {
        tags: ['projects'],
        summary: 'Delete a project; needs the current version',
        params: ProjectIdParams,
        querystring: VersionQuery,
        response: { 204: z.null(), ...errors },
      },
      handler: async (req, reply) => {
        await projects.delete(req.params.id, req.query.version, actorOf(req));
        return reply.code(204).send(null);
      },
    });

    // Parts of a project: read as a list, replace as a whole with the project version.
    const parts = [
      { path: 'milestones', item: MilestoneInput, out: Milestone, summary: 'milestones M01–M12' },
      { path: 'programme', item: ProgrammeLine, out: ProgrammeLine, summary: 'programme (homes per segment × type)' },
      { path: 'jaarschijven', item: Jaarschijf, out: Jaarschijf, summary: 'jaarschijven (planned completions per year and segment)' },
      { path: 'parties', item: Party, out: Party, summary: 'parties and their roles' },
    ] as const;
    for (const part of parts) {
      app.get(`/projects/:id/${part.path}`, {
        config: { access: SIGNED_IN },
        schema: { tags: ['projects'], summary: `List the ${part.summary}`, params: ProjectIdParams, response: { 200: z.array(part.out), ...errors } },
        handler: async (req) => (await projects.get(req.params.id, req.principal))[part.path],
      });
      app.put(`/projects/:id/${part.path}`, {
        config: { access: SIGNED_IN },
        schema: {
          tags: ['projects'],
          summary: `Replace the ${part.summary}; needs the project version`,
          params: ProjectIdParams,
          body: z.object({ version: Version, items: z.array(part.item as z.ZodType) }),
          response: { 200: ProjectDetail, ...errors },
        },
        handler: async (req) => {
          const body = req.body as { version: number; items: never[] };
          return projects.update(req.params.id, body.version, { [part.path]: body.items }, actorOf(req));
        },
      });
    }

    app.patch('/projects/:id/milestones/:code', {
      config: { access: SIGNED_IN },
      schema: {
        tags: ['projects'],
        summary: 'Change one milestone (e.g. move its forecast); needs the project version',
        params: MilestoneParams,
        body: MilestoneChange,
        response: { 200: ProjectDetail, ...errors },
      },
      handler: async (req) => {
        const { version, delayReason, ...change } = req.body;
        return projects.updateMilestone(req.params.id, req.params.code, version, change, actorOf(req), delayReason);
      },
    });

    app.post('/projects/:id/rebaseline', {
      config: { access: SIGNED_IN },
      schema: {
        tags: ['projects'],
        summary: 'Re-baseline milestones: an explicit act of the table, with a reason, kept in history (SPEC §2); needs the project version',
        params: ProjectIdParams,
        body: RebaselineBody,
        response: { 200: ProjectDetail, ...errors },
      },
      handler: async (req) => {
        const { version, ...request } = req.body;
        return projects.rebaseline(req.params.id, version, request, actorOf(req));
      },
    });

    app.get('/projects/:id/baseline-history', {
      config: { access: SIGNED_IN },
      schema: {
        tags: ['projects'],
        summary: 'The re-baselines of a project with their reasons, oldest first',
        params: ProjectIdParams,
        response: { 200: z.array(BaselineHistoryEntry), ...errors },
      },
      handler: async (req) => projects.baselineHistory(req.params.id, req.principal),
    });

    app.get('/projects/:id/audit', {
      config: { access: SIGNED_IN },
      schema: {
        tags: ['projects'],
        summary: 'Audit trail of the project: who changed which field when, old and new value, via UI, API or import',
        params: ProjectIdParams,
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(1000).default(100),
          offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
        }),
        response: {
          200: z.object({
            total: z.number().int(),
            items: z.array(
              z.object({
                id: z.number().int(),
                at: IsoDateTime,
                actorUserId: z.string().nullable(),
                actorName: z.string(),
                via: z.enum(['ui', 'api', 'import', 'cli', 'system']),
                entityType: z.string(),
                entityId: z.string(),
                action: z.string(),
                changes: z.array(z.object({ field: z.string(), old: z.unknown(), new: z.unknown() })),
              }),
            ),
          }),
          ...errors,
        },
      },
      handler: async (req) => projects.auditTrail(req.params.id, req.principal, req.query),
    });

    app.get('/projects/:id/knelpunten', {
      config: { access: SIGNED_IN },
      schema: {
        tags: ['knelpunten'],
        summary: 'List the knelpunten of a project',
        params: ProjectIdParams,
        response: { 200: z.array(Knelpunt), ...errors },
      },
      handler: async (req) => projects.listKnelpunten(req.params.id, req.principal),
    });

    app.post('/projects/:id/knelpunten', {
      config: { access: SIGNED_IN },
      schema: {
        tags: ['knelpunten'],
        summary: 'Raise a knelpunt on a project',
        params: ProjectIdParams,
        body: KnelpuntCreateBody,
        response: { 201: Knelpunt, ...errors },
      },
      handler: async (req, reply) => reply.code(201).send(await projects.addKnelpunt(req.params.id, req.body, actorOf(req))),
    });

    app.patch('/projects/:id/knelpunten/:knelpuntId', {
      config: { access: SIGNED_IN },
      schema: {
        tags: ['knelpunten'],
        summary:
          'Change a knelpunt; escalating needs escalationReason, resolving a date and how (or use …/escalate and …/resolve); needs its version',
        params: KnelpuntParams,
        body: KnelpuntPatchBody,
        response: { 200: Knelpunt, ...errors },
      },
      handler: async (req) => {
        const { version, ...change } = req.body;
        return projects.updateKnelpunt(req.params.id, req.params.knelpuntId, version, change, actorOf(req));
      },
    });

    app.post('/projects/:id/knelpunten/:knelpuntId/escalate', {
      config: { access: SIGNED_IN },
      schema: {
        tags: ['knelpunten'],
        summary: 'Escalate a knelpunt to the versnellingstafel, with the reason the table must pick it up; needs its version',
        params: KnelpuntParams,
        body: KnelpuntEscalateBody,
        response: { 200: Knelpunt, ...errors },
      },
      handler: async (req) => projects.escalateKnelpunt(req.params.id, req.params.knelpuntId, req.body.version, req.body.reason, actorOf(req)),
    });

    app.post('/projects/:id/knelpunten/:knelpuntId/resolve', {
      config: { access: SIGNED_IN },
      schema: {
        tags: ['knelpunten'],
        summary: 'Resolve a knelpunt: when (not before it was raised, not after today) and how; needs its version',
        params: KnelpuntParams,
        body: KnelpuntResolveBody,
        response: { 200: Knelpunt, ...errors },
      },
      handler: async (req) => {
        const { version, ...resolution } = req.body;
        return projects.resolveKnelpunt(req.params.id, req.params.knelpuntId, version, resolution, actorOf(req));
      },
    });

    app.delete('/projects/:id/knelpunten/:knelpuntId', {
      config: { access: SIGNED_IN },
      schema: {
        tags: ['knelpunten'],
        summary: 'Delete a knelpunt; needs its version',
        params: KnelpuntParams,
        querystring: VersionQuery,
        response: { 204: z.null(), ...errors },
      },
      handler: async (req, reply) => {
        await projects.deleteKnelpunt(req.params.id, req.params.knelpuntId, req.query.version, actorOf(req));
        return reply.code(204).send(null);
      },
    });
  };
}
