/**
 * /api/v1/realisatiestimulans/*: the Realisatiestimulans (issue 16; SPEC §4.1) — the overview of the caller's area
 * (the ministry and administrators the nation with the budget check, a province analyst its province, a gemeente
 * only itself), one gemeente's figures with the projects behind every amount, its exports (CSV, XLSX), and the
 * earlier national contributions the deduction rule uses. Who sees what: src/domain/access.ts (INSTRUMENT_ROLES,
 * realisatiestimulansArea, CONTRIBUTION_EDITOR_ROLES). Each handler maps HTTP to one service call.
 */
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import Papa from 'papaparse';
import { z } from 'zod';
import { CONTRIBUTION_EDITOR_ROLES, INSTRUMENT_ROLES } from '../../domain/access.ts';
import { PROJECT_COLUMNS, projectRows, TOTAL_COLUMNS, totalRows } from '../../domain/instruments/realisatiestimulans-export.ts';
import { paymentQuarter } from '../../domain/instruments/realisatiestimulans.ts';
import type { Services } from '../../services/container.ts';
import type { ScenarioRequest } from '../../services/realisatiestimulans.service.ts';
import { actorOf } from '../auth.ts';
import { GemeenteCode, Problem, Uuid } from '../schemas/common.ts';
import {
  Contribution,
  ContributionCreate,
  GemeenteDetail,
  RealisatiestimulansOverview,
  ScenarioQuery,
  type ScenarioQueryType,
} from '../schemas/realisatiestimulans.schemas.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };

/** The scenario of the query: the deduction rule and the supplement amounts tried (not fixed by policy). */
function scenario(q: ScenarioQueryType): ScenarioRequest {
  const supplements = Object.fromEntries(
    (['nplvPerHomeEuros', 'elkeRegioTeltPerHomeEuros', 'ouderenPerHomeEuros', 'capaciteitPerGemeenteEuros'] as const)
      .filter((k) => q[k] !== undefined)
      .map((k) => [k, q[k]]),
  );
  return { deductionRule: q.deductionRule, supplements };
}

const download = (reply: FastifyReply, type: string, filename: string) =>
  reply.type(type).header('content-disposition', `attachment; filename="${filename}"`);

const EXPORT_DESCRIPTION =
  'One row per project line (a project counts once per basis: start bouw and oplevering), with the homes counted per segment and ' +
  'every amount; the totals per basis, year and status equal the sum of their rows (the capacity supplement is per gemeente-year). ' +
  'Amounts in whole euros ex BTW.';

export function realisatiestimulansRoutes(services: Services): FastifyPluginAsyncZod {
  const rs = services.realisatiestimulans;
  return async (app) => {
    app.get('/realisatiestimulans', {
      config: { access: INSTRUMENT_ROLES },
      schema: {
        tags: ['instruments'],
        summary:
          'Realisatiestimulans of the caller’s area per gemeente and province on both counting bases, with the payout schedule and (nationally) the budget check',
        description:
          'The ministry and administrators see every gemeente and the budget against claims with the shortfall and the pro-rata factor; a province ' +
          'analyst its province; a gemeente only itself. Supplement amounts are a scenario (query), not fixed by policy.',
        querystring: ScenarioQuery,
        response: { 200: RealisatiestimulansOverview, ...errors },
      },
      handler: async (req) => rs.overview(scenario(req.query), req.principal),
    });

    app.get('/realisatiestimulans/gemeenten/:gemeenteCode', {
      config: { access: INSTRUMENT_ROLES },
      schema: {
        tags: ['instruments'],
        summary: 'One gemeente’s Realisatiestimulans on both bases, with every project line behind the amounts (404 outside the caller’s area)',
        params: z.object({ gemeenteCode: GemeenteCode }),
        querystring: ScenarioQuery,
        response: { 200: GemeenteDetail, ...errors },
      },
      handler: async (req) => rs.gemeente(req.params.gemeenteCode, scenario(req.query), req.principal),
    });

    app.get('/realisatiestimulans/gemeenten/:gemeenteCode/export.csv', {
      config: { access: INSTRUMENT_ROLES },
      schema: {
        tags: ['instruments'],
        summary: 'The gemeente’s project lines as CSV (UTF-8 with BOM, `;`-separated, for Dutch Excel)',
        description: `${EXPORT_DESCRIPTION} Columns: ${PROJECT_COLUMNS.join(', ')}.`,
        params: z.object({ gemeenteCode: GemeenteCode }),
        querystring: ScenarioQuery,
        produces: ['text/csv'],
      },
      handler: async (req, reply) => {
        const detail = await rs.gemeente(req.params.gemeenteCode, scenario(req.query), req.principal);
        const csv = Papa.unparse(
          { fields: [...PROJECT_COLUMNS], data: projectRows(detail.projects, paymentQuarter) },
          { delimiter: ';', newline: '\r\n' },
        );
        return download(reply, 'text/csv; charset=utf-8', `realisatiestimulans-${detail.gemeenteCode}.csv`).send(`\ufeff${csv}\r\n`);
      },
    });

    app.get('/realisatiestimulans/gemeenten/:gemeenteCode/export.xlsx', {
      config: { access: INSTRUMENT_ROLES },
      schema: {
        tags: ['instruments'],
        summary: 'The gemeente’s Realisatiestimulans as an Excel workbook: sheet Projecten (the lines) and sheet Totalen (per basis, year, status)',
        description: EXPORT_DESCRIPTION,
        params: z.object({ gemeenteCode: GemeenteCode }),
        querystring: ScenarioQuery,
        produces: [XLSX],
      },
      handler: async (req, reply) => {
        const detail = await rs.gemeente(req.params.gemeenteCode, scenario(req.query), req.principal);
        const wb = new ExcelJS.Workbook();
        const lines = wb.addWorksheet('Projecten');
        lines.addRow([...PROJECT_COLUMNS]).font = { bold: true };
        lines.addRows(projectRows(detail.projects, paymentQuarter));
        const totals = wb.addWorksheet('Totalen');
        totals.addRow([...TOTAL_COLUMNS]).font = { bold: true };
        totals.addRows(totalRows(detail.figures));
        const body = Buffer.from(await wb.xlsx.writeBuffer());
        return download(reply, XLSX, `realisatiestimulans-${detail.gemeenteCode}.xlsx`).send(body);
      },
    });

    app.get('/realisatiestimulans/bijdragen', {
      config: { access: INSTRUMENT_ROLES },
      schema: {
        tags: ['instruments'],
        summary: 'Earlier national contributions to projects in the caller’s area (the data of the deduction rule)',
        querystring: z.object({ projectId: Uuid.optional().describe('Only this project') }),
        response: { 200: z.object({ items: z.array(Contribution) }), ...errors },
      },
      handler: async (req) => ({ items: await rs.contributions({ projectId: req.query.projectId }, req.principal) }),
    });

    app.post('/realisatiestimulans/bijdragen', {
      config: { access: CONTRIBUTION_EDITOR_ROLES },
      schema: {
        tags: ['instruments'],
        summary: 'Record an earlier national contribution to a project (the ministry, administrators); in the project’s audit trail',
        body: ContributionCreate,
        response: { 201: Contribution, ...errors, 422: Problem },
      },
      handler: async (req, reply) => {
        const created = await rs.addContribution(req.body, actorOf(req));
        return reply.code(201).header('location', `/api/v1/realisatiestimulans/bijdragen/${created.id}`).send(created);
      },
    });

    app.delete('/realisatiestimulans/bijdragen/:id', {
      config: { access: CONTRIBUTION_EDITOR_ROLES },
      schema: {
        tags: ['instruments'],
        summary: 'Remove a recorded earlier national contribution (the ministry, administrators); in the project’s audit trail',
        params: z.object({ id: Uuid }),
        response: { 204: z.null().describe('Removed'), ...errors },
      },
      handler: async (req, reply) => {
        await rs.removeContribution(req.params.id, actorOf(req));
        return reply.code(204).send(null);
      },
    });
  };
}
