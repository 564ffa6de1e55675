/**
 * /api/v1/imports/planlijst: the planlijst import through the API and the web app (issue 13 part 1; SPEC §7
 * "Excel/CSV import"). The file travels as base64 in JSON (no multipart here), the same body for inspect,
 * preview (writes nothing) and apply (all or nothing). Who may import where: src/domain/access.ts
 * planlijstImportArea (gemeente own, province its gemeenten, table secretary the table's, ministry/admin all).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PLANLIJST_IMPORT_ROLES } from '../../domain/access.ts';
import { ValidationError } from '../../domain/errors.ts';
import type { Services } from '../../services/container.ts';
import type { ImportFile, PlanlijstMapping } from '../../services/planlijst-import.service.ts';
import { actorOf } from '../auth.ts';
import { IMPORT_BODY_LIMIT_BYTES, IMPORT_FILE_LIMIT_BYTES } from '../request-limits.ts';
import { Problem } from '../schemas/common.ts';
import {
  ImportApplyBody,
  ImportFileBody,
  ImportInspection,
  ImportProgress,
  ImportProgressParams,
  ImportReport,
  ImportRunBody,
  ImportRuns,
} from '../schemas/planlijst-import.schemas.ts';

const errors = { 400: Problem, 401: Problem, 403: Problem, 413: Problem, 422: Problem };

/** The uploaded file, decoded; an empty or oversized one is a problem naming the field. */
function fileOf(body: { fileName: string; content: string }): ImportFile {
  const bytes = Buffer.from(body.content, 'base64');
  if (bytes.length === 0)
    throw new ValidationError([
      { path: 'content', code: 'required', message: 'Het bestand is leeg. Kies een .xlsx- of .csv-bestand met een kopregel.' },
    ]);
  if (bytes.length > IMPORT_FILE_LIMIT_BYTES)
    throw new ValidationError([
      { path: 'content', code: 'too_big', message: `Het bestand is groter dan ${IMPORT_FILE_LIMIT_BYTES / 1024 / 1024} MB. Splits het op.` },
    ]);
  return { name: body.fileName, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length) };
}

export function planlijstImportRoutes(services: Services): FastifyPluginAsyncZod {
  const gate = services.planlijstImports;
  return async (app) => {
    app.post('/imports/planlijst/inspect', {
      config: { access: PLANLIJST_IMPORT_ROLES },
      bodyLimit: IMPORT_BODY_LIMIT_BYTES,
      schema: {
        tags: ['import'],
        summary: 'Read a planlijst’s columns: a sample, the suggested mapping, the mapping saved for this source, value lists. Writes nothing.',
        body: ImportFileBody,
        response: { 200: ImportInspection, ...errors },
      },
      handler: async (req) => gate.inspect(fileOf(req.body), req.principal),
    });

    app.post('/imports/planlijst/preview', {
      config: { access: PLANLIJST_IMPORT_ROLES },
      bodyLimit: IMPORT_BODY_LIMIT_BYTES,
      schema: {
        tags: ['import'],
        summary: 'Check every row of a planlijst with a mapping and report what an import would do (row, column, problem). Writes nothing.',
        body: ImportRunBody,
        response: { 200: ImportReport, ...errors },
      },
      handler: async (req) => gate.preview(fileOf(req.body), req.body.mapping as PlanlijstMapping, actorOf(req), req.body.progressId),
    });

    app.post('/imports/planlijst/apply', {
      config: { access: PLANLIJST_IMPORT_ROLES },
      bodyLimit: IMPORT_BODY_LIMIT_BYTES,
      schema: {
        tags: ['import'],
        summary:
          'Import a planlijst in one transaction: all or nothing. With any rejected row nothing is written and `applied` is false; ' +
          'otherwise projects are created or updated by the source’s own id, the mapping is saved, every change audit-logged.',
        body: ImportApplyBody,
        response: { 200: ImportReport, ...errors },
      },
      handler: async (req) =>
        gate.apply(fileOf(req.body), req.body.mapping as PlanlijstMapping, actorOf(req), {
          progressId: req.body.progressId,
          withdrawMissing: req.body.withdrawMissing,
        }),
    });

    app.get('/imports/planlijst/progress/:progressId', {
      config: { access: PLANLIJST_IMPORT_ROLES },
      schema: {
        tags: ['import'],
        summary: 'How far the caller’s own running check or import is (the progressId it sent)',
        params: ImportProgressParams,
        response: { 200: ImportProgress, 400: Problem, 401: Problem, 403: Problem, 404: Problem },
      },
      handler: async (req) => gate.progress(req.params.progressId, req.principal),
    });

    app.get('/imports/planlijst/runs', {
      config: { access: PLANLIJST_IMPORT_ROLES },
      schema: {
        tags: ['import'],
        summary: 'The planlijst imports of the caller’s area, newest first (ministry and administrators: all)',
        response: { 200: ImportRuns, 401: Problem, 403: Problem },
      },
      handler: async (req) => gate.runs(req.principal),
    });
  };
}
