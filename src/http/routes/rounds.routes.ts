/**
 * The quarterly round of a versnellingstafel (SPEC §2 "Quarterly round", `001 § Afspraak 3B`):
 * /regions/{regionId}/rounds, /rounds/{roundId}/…, and per project what changed since a closed quarter.
 */
import { actorOf } from '../auth.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../services/container.ts';
import type { SnapshotSortKey } from '../../storage/round.repository.ts';
import { Problem } from '../schemas/common.ts';
import { ProjectDetail, ProjectIdParams, ProjectList } from '../schemas/project.schemas.ts';
import {
  ChangesQuery,
  ConfirmBody,
  ConfirmPreview,
  ConfirmResult,
  OpenRoundBody,
  ProjectChanges,
  ProjectSnapshots,
  RegionIdParams,
  Reminders,
  RemindersSent,
  RoundDetail,
  RoundIdParams,
  RoundList,
  RoundProjectParams,
  RoundProjectsQuery,
  SendRemindersBody,
  UndoBody,
  UndoResult,
} from '../schemas/round.schemas.ts';

const errors = { 400: Problem, 404: Problem, 409: Problem, 422: Problem };

export function roundRoutes(services: Services): FastifyPluginAsyncZod {
  const rounds = services.rounds;
  return async (app) => {
    app.get('/regions/:regionId/rounds', {
      config: { access: 'signed-in' },
      schema: {
        tags: ['rounds'],
        summary: 'List the quarterly rounds of a region, latest quarter first',
        params: RegionIdParams,
        response: { 200: RoundList, ...errors },
      },
      handler: async (req) => rounds.listRounds(req.params.regionId, req.principal),
    });

    app.post('/regions/:regionId/rounds', {
      config: { access: 'signed-in' },
      schema: {
        tags: ['rounds'],
        summary: 'Open a quarter for a versnellingstafel (one open round at a time; the previous one must be closed)',
        params: RegionIdParams,
        body: OpenRoundBody,
        response: { 201: RoundDetail, ...errors },
      },
      handler: async (req, reply) => {
        const round = await rounds.openRound(req.params.regionId, req.body, actorOf(req));
        return reply.code(201).header('location', `/api/v1/rounds/${round.id}`).send(round);
      },
    });

    app.get('/rounds/:roundId', {
      config: { access: 'signed-in' },
      schema: {
        tags: ['rounds'],
        summary: 'A round with its delivery status per project and per organisation',
        params: RoundIdParams,
        response: { 200: RoundDetail, ...errors },
      },
      handler: async (req) => rounds.getRound(req.params.roundId, req.principal),
    });

    app.post('/rounds/:roundId/close', {
      config: { access: 'signed-in' },
      schema: {
        tags: ['rounds'],
        summary: 'Close a round and freeze a snapshot of every project of the region; a closed round never changes',
        params: RoundIdParams,
        response: { 200: RoundDetail, ...errors },
      },
      handler: async (req) => rounds.closeRound(req.params.roundId, actorOf(req)),
    });

    app.post('/rounds/:roundId/confirmations', {
      config: { access: 'signed-in' },
      schema: {
        tags: ['rounds'],
        summary: 'Confirm projects unchanged in one action: a list of projects, or all outstanding projects of an organisation',
        params: RoundIdParams,
        body: ConfirmBody,
        response: { 200: ConfirmResult, ...errors },
      },
      handler: async (req) => rounds.confirm(req.params.roundId, req.body, actorOf(req)),
    });

    app.post('/rounds/:roundId/confirmations/preview', {
      config: { access: 'signed-in' },
      schema: {
        tags: ['rounds'],
        summary: 'What a confirmation would confirm and leave out, without writing (shown before asking once)',
        params: RoundIdParams,
        body: ConfirmBody,
        response: { 200: ConfirmPreview, ...errors },
      },
      handler: async (req) => rounds.previewConfirmation(req.params.roundId, req.body, req.principal),
    });

    app.post('/rounds/:roundId/confirmations/undo', {
      config: { access: 'signed-in' },
      schema: {
        tags: ['rounds'],
        summary: "Undo a confirmation until the quarter closes: one action (batchId) or one party's confirmation of one project",
        params: RoundIdParams,
        body: UndoBody,
        response: { 200: UndoResult, ...errors },
      },
      handler: async (req) => rounds.undoConfirmation(req.params.roundId, req.body, actorOf(req)),
    });

    app.get('/rounds/:roundId/reminders', {
      config: { access: 'signed-in' },
      schema: {
        tags: ['rounds'],
        summary:
          'Organisations that have not delivered all their projects, with those projects (for a reminder mail); whether e-mail is set up, and the ' +
          'reminders sent so far',
        params: RoundIdParams,
        response: { 200: Reminders, ...errors },
      },
      handler: async (req) => services.roundReminders.overview(req.params.roundId, req.principal),
    });

    app.post('/rounds/:roundId/reminders', {
      config: { access: 'signed-in' },
      schema: {
        tags: ['rounds'],
        summary:
          'E-mail a reminder to every active person of each party that has not delivered (or of the chosen organisations): the deadline, their ' +
          'projects still to do and a link to their page Mijn kwartaalronde. For who runs the round; logged on the round and in the audit trail. ' +
          'A closed round is 409; without e-mail set up (SMTP_URL) 503.',
        params: RoundIdParams,
        body: SendRemindersBody,
        response: { 200: RemindersSent, ...errors, 503: Problem },
      },
      handler: async (req) => services.roundReminders.send(req.params.roundId, req.body, actorOf(req), `${req.protocol}://${req.host}`),
    });

    app.get('/rounds/:roundId/projects', {
      config: { access: 'signed-in' },
      schema: {
        tags: ['rounds'],
        summary: 'Projects as of a closed quarter (frozen summaries, same items as the project list)',
        params: RoundIdParams,
        querystring: RoundProjectsQuery,
        response: { 200: ProjectList, ...errors },
      },
      handler: async (req) => {
        const q = req.query;
        return rounds.listRoundProjects(
          req.params.roundId,
          { gemeenteCodes: q.gemeente, planStatuses: q.planStatus, phases: q.phase, statuses: q.status, q: q.q },
          { limit: q.limit, offset: q.offset, sort: q.sort.replace(/^-/, '') as SnapshotSortKey, descending: q.sort.startsWith('-') },
          req.principal,
        );
      },
    });

    app.get('/rounds/:roundId/projects/:projectId', {
      config: { access: 'signed-in' },
      schema: {
        tags: ['rounds'],
        summary: 'A project as frozen when the quarter closed',
        params: RoundProjectParams,
        response: { 200: ProjectDetail, ...errors },
      },
      handler: async (req) => rounds.getRoundProject(req.params.roundId, req.params.projectId, req.principal),
    });

    app.get('/projects/:id/changes', {
      config: { access: 'signed-in' },
      schema: {
        tags: ['rounds'],
        summary: 'What changed in a project since a closed quarter, in plain Dutch',
        params: ProjectIdParams,
        querystring: ChangesQuery,
        response: { 200: ProjectChanges, ...errors },
      },
      handler: async (req) => rounds.changes(req.params.id, req.query.since, req.principal),
    });

    app.get('/projects/:id/snapshots', {
      config: { access: 'signed-in' },
      schema: {
        tags: ['rounds'],
        summary: 'The closed quarters that froze this project, latest first',
        params: ProjectIdParams,
        response: { 200: ProjectSnapshots, ...errors },
      },
      handler: async (req) => rounds.projectSnapshots(req.params.id, req.principal),
    });
  };
}
