/** Schemas of the planlijst import API (issue 13 part 1): file upload as base64 JSON, mapping, report, progress, runs. */
import { z } from 'zod';
import { ORIGINS, PLAN_STATUSES, PROJECT_FLAGS, SEGMENTS } from '../../domain/codes.ts';
import { IMPORT_FILE_LIMIT_BYTES } from '../request-limits.ts';
import { IsoDateTime, Uuid } from './common.ts';

const segment = z.enum(SEGMENTS);

export const PlanlijstMapping = z
  .object({
    source: z.string().describe('Name of the source (a province’s plan monitor, a gemeente’s list); the mapping is saved under it'),
    sheet: z.string().optional().describe('XLSX: the sheet to read (default: the first)'),
    fields: z
      .record(z.string(), z.union([z.string(), z.object({ columns: z.array(z.string()) })]))
      .describe(
        'Register field → column (or { columns: [...] }: counts summed, text the first non-empty). Fields: externalId, name, gemeenteCode, gemeente, ' +
          'provincie, description, planStatus, origin, flags, synthetic, homesTotal, homes.<segment>, tenure.<huur|koop|onbekend>, ' +
          'woningtype.<grondgebonden|gestapeld|onbekend>, doelgroep.<ouderen|student|flex|woonzorg>, completions.<year>[.<segment>], ' +
          'completions.<from>-<to>, completions.onbekend, milestones.<Mnn>.<basis|prognose|gerealiseerd>, x, y (RD New or WGS84)',
      ),
    values: z
      .object({
        planStatus: z.record(z.string(), z.enum(PLAN_STATUSES)).optional(),
        origin: z.record(z.string(), z.enum(ORIGINS)).optional(),
        flags: z.record(z.string(), z.enum(PROJECT_FLAGS)).optional(),
      })
      .optional()
      .describe('The file’s labels → register codes'),
    options: z
      .object({
        firstYear: z.number().int().optional(),
        tenureSegments: z.object({ huur: segment, koop: segment, onbekend: segment }).optional(),
        defaultSegment: segment.optional(),
        defaultPlanStatus: z.enum(PLAN_STATUSES).optional(),
        defaultOrigin: z.enum(ORIGINS).optional(),
      })
      .optional(),
  })
  .meta({ id: 'PlanlijstMapping' });

/** Base64 characters needed for a file of the largest size. */
const MAX_BASE64 = Math.ceil(IMPORT_FILE_LIMIT_BYTES / 3) * 4;

export const ImportFileBody = z
  .object({
    fileName: z.string().trim().min(1).max(255).describe('The file’s name; .xlsx is read as Excel, anything else as CSV (separator sniffed)'),
    content: z
      .string()
      .min(1)
      .max(MAX_BASE64)
      .describe(`The file, base64-encoded (at most ${IMPORT_FILE_LIMIT_BYTES / 1024 / 1024} MB before encoding)`),
  })
  .meta({ id: 'ImportFile' });

const ProgressId = z.uuid().describe('Chosen by the client; GET /imports/planlijst/progress/{progressId} reports how far the run is');

export const ImportRunBody = ImportFileBody.extend({
  mapping: PlanlijstMapping,
  progressId: ProgressId.optional(),
}).meta({ id: 'ImportRunRequest' });

export const ImportApplyBody = ImportRunBody.extend({
  withdrawMissing: z.boolean().optional().describe('Withdraw the projects of this source that are no longer in the file (default: only report them)'),
}).meta({ id: 'ImportApplyRequest' });

export const ImportInspection = z
  .object({
    columns: z.array(z.string()),
    sampleRows: z.array(z.array(z.string())).describe('The first rows with content, as text, one entry per column'),
    rowCount: z.number().int().describe('Rows with content (empty rows not counted)'),
    suggested: PlanlijstMapping.describe('The automatic suggestion for these headers'),
    savedMapping: PlanlijstMapping.nullable().describe('The mapping saved at the last import of this source in the caller’s area'),
    valueLists: z
      .record(z.string(), z.array(z.string()))
      .describe('Per column with at most 40 distinct values: those values (for the value mapping)'),
  })
  .meta({ id: 'ImportInspection' });

export const ImportReport = z
  .object({
    rowsRead: z.number().int(),
    rowsValid: z.number().int(),
    rowsRejected: z.number().int(),
    rowsEmpty: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    removed: z.number().int().describe('In the source before, not in this file: reported, withdrawn only with withdrawMissing'),
    withdrawn: z.number().int(),
    homes: z.number().int().describe('Total homes in the valid rows'),
    problems: z
      .array(z.object({ row: z.number().int(), column: z.string().nullable(), problem: z.string() }).meta({ id: 'ImportProblem' }))
      .describe('Every problem, by row (row = the spreadsheet row number, header = row 1); any problem and nothing is applied'),
    notes: z.array(z.string()).describe('Plain-Dutch notes on what was done (old gemeente names resolved, periods spread, …)'),
    changes: z.array(
      z
        .object({
          kind: z.enum(['created', 'updated', 'removed']),
          externalId: z.string(),
          projectId: Uuid.nullable(),
          name: z.string(),
          fields: z.array(z.string()),
        })
        .meta({ id: 'ImportChange' }),
    ),
    applied: z.boolean().describe('False for a preview, or when rows were rejected (nothing was written)'),
  })
  .meta({ id: 'ImportReport' });

export const ImportProgressParams = z.object({ progressId: z.uuid() });

export const ImportProgress = z
  .object({
    stage: z.enum(['lezen', 'controleren', 'opslaan', 'klaar']),
    done: z.number().int(),
    total: z.number().int(),
  })
  .meta({ id: 'ImportProgress' });

export const ImportRuns = z
  .array(
    z
      .object({
        id: Uuid,
        source: z.string(),
        fileName: z.string(),
        actorName: z.string(),
        at: IsoDateTime,
        rowsRead: z.number().int(),
        rowsValid: z.number().int(),
        rowsRejected: z.number().int(),
        created: z.number().int(),
        updated: z.number().int(),
        unchanged: z.number().int(),
        removed: z.number().int(),
        withdrawn: z.number().int(),
        homes: z.number().int(),
      })
      .meta({ id: 'ImportRun' }),
  )
  .meta({ id: 'ImportRuns' });
