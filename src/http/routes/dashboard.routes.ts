/** Table dashboard, alternatives and the table's exports (Excel workbook, PDF report); project exports: export.routes.ts. */
import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { KNELPUNT_CATEGORIES, MILESTONE_CODES, PHASES, PLAN_STATUSES, REGION_KINDS, SEGMENTS, STATUS_COLOURS } from '../../domain/codes.ts';
import { yearOf } from '../../domain/dates.ts';
import type { Services } from '../../services/container.ts';
import type { RegionDashboard } from '../../services/dashboard.service.ts';
import { dashboardWorkbook } from '../../services/export.service.ts';
import type { Principal } from '../../domain/access.ts';
import type { ProjectFilter } from '../../storage/project.repository.ts';
import { IsoDate, IsoDateTime, Problem, Uuid } from '../schemas/common.ts';
import { ProjectListQuery } from '../schemas/project.schemas.ts';
import { projectFilter } from './projects.routes.ts';
import { SESSION_COOKIE } from '../auth.ts';
import { createSharedResponses } from '../shared-response.ts';
import { ServiceUnavailableError } from '../../domain/errors.ts';

const Area = z
  .object({ id: z.string(), kind: z.enum([...REGION_KINDS, 'gebied']), name: z.string(), gemeenteCodes: z.array(z.string()) })
  .meta({ id: 'Area' });
const Count = z.object({ projects: z.number().int(), homes: z.number().int() });

/** Delayed milestones sent with the dashboard: the page shows 25, the table report 50 (issue 15 goal 5). */
export const DELAYED_ITEMS_SENT = 50;

/** A coordinate to 5 decimals (about 1 m): enough for a point on the map, half the digits. */
const coordinate = (x: number) => Math.round(x * 1e5) / 1e5;

/**
 * The dashboard as the page needs it (issue 15 goals 2 and 5): the worst delayed milestones only and the number of
 * map points (the points themselves are their own request, loaded after the figures); the figures (counts, sums) are
 * those of all projects.
 */
function dashboardForPage(d: RegionDashboard): z.input<typeof Dashboard> {
  const { mapPoints, ...summary } = d.summary;
  return {
    ...d,
    summary: {
      ...summary,
      delayedMilestones: { ...summary.delayedMilestones, items: summary.delayedMilestones.items.slice(0, DELAYED_ITEMS_SENT) },
      mapPointCount: mapPoints.length,
    },
  };
}

/** The dashboard's map points as compact arrays [id, name, lon, lat, status, homes]. */
function mapPointsForPage(d: RegionDashboard): z.input<typeof MapPoints> {
  return {
    regionId: d.region.id,
    view: d.access.view,
    mapPoints: d.summary.mapPoints.map((p) => [p.id, p.name, coordinate(p.lon), coordinate(p.lat), p.status, p.homes]),
    dataAsOf: d.dataAsOf,
  };
}

const MapPoint = z
  .tuple([Uuid, z.string(), z.number(), z.number(), z.enum(STATUS_COLOURS), z.number().int()])
  .describe('One project on the map as [id, name, lon, lat, status, homes]; WGS84, 5 decimals (about 1 m)')
  .meta({ id: 'MapPoint' });

const Dashboard = z
  .object({
    region: Area,
    years: z.array(z.number().int()),
    targets: z.array(
      z
        .object({
          year: z.number().int(),
          homesPerYear: z.number().nullable(),
          basis: z.enum(['vastgesteld', 'geschat', 'onbekend']),
          explanation: z.string(),
        })
        .meta({ id: 'DashboardTarget' }),
    ),
    summary: z.object({
      totals: z.object({
        projects: z.number().int(),
        homes: z.number().int(),
        affordableHomes: z.number().int(),
        socialHomes: z.number().int(),
        affordableShare: z.number(),
        socialShare: z.number(),
        syntheticProjects: z.number().int(),
      }),
      perYear: z.array(
        z
          .object({
            year: z.number().int(),
            expected: z.number().int(),
            expectedHard: z.number().int(),
            affordable: z.number().int(),
            social: z.number().int(),
            bySegment: z.record(z.enum(SEGMENTS), z.number().int()),
            target: z.number().nullable(),
            gap: z.number().nullable(),
          })
          .meta({ id: 'DashboardYear' }),
      ),
      byPhase: z.array(Count.extend({ phase: z.enum(PHASES) })),
      byPlanStatus: z.array(Count.extend({ planStatus: z.enum(PLAN_STATUSES) })),
      byStatus: z.array(z.object({ status: z.enum(STATUS_COLOURS), projects: z.number().int() })),
      delayedMilestones: z.object({
        count: z.number().int(),
        serious: z.number().int(),
        projects: z.number().int().describe('Projects with at least one delayed milestone (the list behind the figure)'),
        items: z
          .array(
            z
              .object({
                projectId: Uuid,
                projectName: z.string(),
                code: z.enum(MILESTONE_CODES),
                baselineDate: IsoDate,
                forecastDate: IsoDate,
                months: z.number().int(),
                severity: z.enum(['vertraagd', 'ernstig']),
                reason: z.string().nullable().describe('Why the forecast moved: the latest reason given when it moved past the tolerance'),
              })
              .meta({ id: 'DelayedMilestone' }),
          )
          .describe(
            `The ${DELAYED_ITEMS_SENT} worst delayed milestones, worst first (what the page and the table report show); all of them: the project list ` +
              'with delayed=true and the region, or the table workbook (export.xlsx)',
          ),
      }),
      expiredForecasts: z
        .object({ projects: z.number().int().describe('Projects with a forecast in the past and no actual date (the list behind the figure)') })
        .describe('Prognose verstreken'),
      knelpunten: z.array(
        z.object({ category: z.enum(KNELPUNT_CATEGORIES), open: z.number().int(), escalated: z.number().int(), projects: z.number().int() }),
      ),
      mapPointCount: z
        .number()
        .int()
        .describe('Projects on the map (with a location; a member: of its own projects). The points: GET /regions/{regionId}/map-points'),
    }),
    planuitval: z
      .object({
        projects: z
          .number()
          .int()
          .describe('Withdrawn plans (vervallen) of the table: the list behind the figure is the project list with lifecycle=vervallen'),
        homes: z.number().int(),
        perYear: z.array(z.object({ year: z.number().int(), projects: z.number().int(), homes: z.number().int() })),
      })
      .describe('Planuitval: plans of the table that were withdrawn, per year of withdrawal; they count in no other figure')
      .meta({ id: 'Planuitval' }),
    newEscalations: z
      .object({
        since: IsoDate.describe('Escalations on or after this date count as new'),
        basis: z
          .enum(['round', 'months'])
          .describe("'round': the day the table's open quarterly round opened; 'months': no round open, the last 3 months (POLICY)"),
        items: z.array(
          z
            .object({
              knelpuntId: Uuid,
              projectId: Uuid,
              projectName: z.string(),
              category: z.enum(KNELPUNT_CATEGORIES),
              description: z.string(),
              reason: z.string().nullable(),
              escalatedOn: IsoDate,
            })
            .meta({ id: 'NewEscalation' }),
        ),
      })
      .describe('Open knelpunten newly escalated to the table, newest first (a member: only of projects it may read)')
      .meta({ id: 'NewEscalations' }),
    access: z
      .object({
        view: z.enum(['full', 'member']),
        ownProjects: z.number().int().describe('Projects of the table the caller may read at project level'),
      })
      .describe(
        "What the caller sees: 'full', or 'member' (a gemeente of the table, or a market party in one of its projects): all figures of the table, " +
          'but delayed-milestone items and map points only of projects the caller may read (SPEC §7).',
      ),
    dataAsOf: IsoDateTime.describe(
      'Stand per: when the data these figures are computed from last changed. The figures are computed once per data version and reused until a write changes the data.',
    ),
  })
  .meta({ id: 'Dashboard' });

const MapPoints = z
  .object({
    regionId: z.string(),
    view: z.enum(['full', 'member']).describe("As the dashboard's `access.view`: a member gets the points of its own projects only"),
    mapPoints: z
      .array(MapPoint)
      .describe('The projects with a location, as compact arrays (the map of the Tafeloverzicht): a few bytes per project instead of an object'),
    dataAsOf: IsoDateTime.describe('Stand per, as the dashboard'),
  })
  .meta({ id: 'DashboardMapPoints' });

const Alternatives = z
  .object({
    region: Area,
    year: z.number().int(),
    expected: z.number().int().nullable().describe('The table’s expected completions; null for a caller who may not read the table as a whole'),
    target: z.number().int().nullable(),
    shortfall: z.number().int().nullable().describe('null for a caller who may not read the table as a whole'),
    tableFiguresNote: z.string().nullable().describe('Why the table’s figures are left out (Dutch); null when they are shown'),
    candidates: z.array(
      z
        .object({
          projectId: Uuid,
          projectName: z.string(),
          gemeenteCode: z.string(),
          kind: z.enum(['naar_voren_halen', 'programma_uitbreiden']),
          score: z.number(),
          homesLater: z.number().int(),
          reasons: z.array(z.string()),
        })
        .meta({ id: 'AlternativeCandidate' }),
    ),
  })
  .meta({ id: 'Alternatives' });

const RegionParams = z.object({ regionId: z.string().min(1).max(100) });
const YearRange = z.object({
  fromYear: z.coerce.number().int().min(2000).max(2100).optional(),
  toYear: z.coerce.number().int().min(2000).max(2100).optional(),
});
const EXPORT_LIMIT = 200_000;
const ExportQuery = ProjectListQuery.omit({ limit: true, offset: true, cursor: true, total: true });

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A region id as part of a file name: anything but letters, digits and '-' becomes '_'. */
const fileSafe = (id: string) => id.replace(/[^a-zA-Z0-9-]/g, '_');
/** Sends a file to be saved under this name. */
const download = (reply: FastifyReply, type: string, filename: string, body: Buffer | Readable) =>
  reply.type(type).header('content-disposition', `attachment; filename="${filename}"`).send(body);

export function dashboardRoutes(services: Services): FastifyPluginAsyncZod {
  const { dashboard, projects } = services;
  const shared = createSharedResponses();

  async function allProjects(q: z.output<typeof ExportQuery>, principal: Principal, extra: ProjectFilter = {}) {
    const filter: ProjectFilter = { ...projectFilter(q), ...extra };
    const sort = q.sort.replace(/^-/, '') as Parameters<typeof projects.list>[1]['sort'];
    return (await projects.list(filter, { limit: EXPORT_LIMIT, offset: 0, sort, descending: q.sort.startsWith('-') }, principal)).items;
  }

  return async (app) => {
    app.get('/regions/:regionId/dashboard', {
      config: { access: 'signed-in' },
      schema: {
        tags: ['dashboard'],
        summary:
          'Table dashboard (Tafeloverzicht) of a region or area (gemeente:GM…, corop:CR…, provincie:PV…). Gemeenten of the table and market parties ' +
          'in its projects get the member view (see `access`).',
        params: RegionParams,
        querystring: YearRange,
        response: { 200: Dashboard, 400: Problem, 401: Problem, 403: Problem, 404: Problem, 422: Problem },
      },
      handler: async (req, reply) => {
        const data = await dashboard.regionDashboard(req.params.regionId, req.query, req.principal);
        // Members get their own projects' items: built for them. The full view is the same for every full reader of
        // this scope and data version (the summary object is the cached one): serialised and compressed once.
        if (data.access.view !== 'full') return dashboardForPage(data);
        return shared.send(req, reply, data.summary, `${data.region.id}|${data.years.join(',')}|${data.dataAsOf}`, () => dashboardForPage(data));
      },
    });

    app.get('/regions/:regionId/map-points', {
      config: { access: 'signed-in' },
      schema: {
        tags: ['dashboard'],
        summary:
          'The map of the Tafeloverzicht: its projects with a location as compact arrays, asked by the page after the figures. The same ' +
          'access as the dashboard: a member gets the points of its own projects only.',
        params: RegionParams,
        querystring: YearRange,
        response: { 200: MapPoints, 400: Problem, 401: Problem, 403: Problem, 404: Problem, 422: Problem },
      },
      handler: async (req, reply) => {
        const data = await dashboard.regionDashboard(req.params.regionId, req.query, req.principal);
        if (data.access.view !== 'full') return mapPointsForPage(data);
        return shared.send(req, reply, data.summary, `map|${data.region.id}|${data.dataAsOf}`, () => mapPointsForPage(data));
      },
    });

    app.get('/regions/:regionId/alternatives', {
      config: { access: 'signed-in' },
      schema: {
        tags: ['dashboard'],
        summary: 'Candidate projects to bring forward or enlarge when the region falls short in a year',
        params: RegionParams,
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
        response: { 200: Alternatives, 400: Problem, 401: Problem, 403: Problem, 404: Problem },
      },
      handler: async (req) => dashboard.regionAlternatives(req.params.regionId, req.query.year, req.principal),
    });

    app.get('/projects/:id/alternatives', {
      config: { access: 'signed-in' },
      schema: {
        tags: ['dashboard'],
        summary:
          'Alternatives for a (delayed) project in its versnellingstafel, woondealregio or COROP area. Candidates only of projects the caller may read; ' +
          'the table’s figures (expected, target, shortfall) only for those who may read the table’s own alternatives.',
        params: z.object({ id: Uuid }),
        response: { 200: Alternatives, 400: Problem, 404: Problem },
      },
      handler: async (req) => {
        const project = await projects.get(req.params.id, req.principal);
        const gemeente = await services.reference.getGemeente(project.gemeenteCode);
        const m12 = project.milestones.find((m) => m.code === 'M12');
        const when = m12?.baselineDate ?? m12?.forecastDate;
        const year = when ? yearOf(when) : new Date().getFullYear();
        return dashboard.projectAlternatives(project.id, project.gemeenteCode, gemeente.coropCode, year, req.principal);
      },
    });

    app.get('/regions/:regionId/export.xlsx', {
      config: { access: 'signed-in' },
      schema: {
        tags: ['export'],
        summary: 'Excel workbook with the dashboard figures and all projects of a region',
        params: RegionParams,
        querystring: YearRange,
        produces: [XLSX],
      },
      handler: async (req, reply) => {
        // The table's workbook is for those who may read the whole table (members see the overview only).
        const data = await dashboard.wholeTableDashboard(req.params.regionId, req.query, req.principal);
        const list = await allProjects(ExportQuery.parse({ region: req.params.regionId }), req.principal);
        const body = dashboardWorkbook(data, list);
        return download(reply, XLSX, `tafeloverzicht-${fileSafe(req.params.regionId)}.xlsx`, body);
      },
    });

    app.get('/regions/:regionId/report.pdf', {
      config: { access: 'signed-in' },
      schema: {
        tags: ['export'],
        summary: 'Printable quarterly table report as PDF, rendered from the report page in headless Chromium',
        params: RegionParams,
        produces: ['application/pdf'],
      },
      handler: async (req, reply) => {
        // Access check and 404 first; the table report is for those who may read the whole table.
        await dashboard.wholeTableDashboard(req.params.regionId, {}, req.principal);
        const address = req.server.server.address();
        if (!address || typeof address === 'string')
          throw new ServiceUnavailableError('Het PDF-rapport kan alleen worden gemaakt als de server luistert.');
        const session = req.cookies[SESSION_COOKIE];
        const bearer = req.headers.authorization?.startsWith('Bearer ') ? req.headers.authorization.slice(7).trim() : undefined;
        const pdf = await services.reports.tablePdf({
          baseUrl: `http://127.0.0.1:${address.port}`,
          regionId: req.params.regionId,
          sessionCookie: session ? { name: SESSION_COOKIE, value: session } : undefined,
          bearerToken: bearer,
        });
        return download(reply, 'application/pdf', `tafelrapport-${fileSafe(req.params.regionId)}.pdf`, pdf);
      },
    });
  };
}
