/**
 * Open data per gemeente and quarter (src/domain/open-data.ts): the response and its field definitions. Every
 * field is described here, so the OpenAPI document is the data set's codebook (SPEC §8: "field definitions").
 */
import { z } from 'zod';
import { PHASES, PLAN_STATUSES, SEGMENTS } from '../../domain/codes.ts';
import { KWARTAAL_PATTERN } from '../../domain/kwartaal.ts';
import { MIN_PUBLIC_PROJECTS } from '../../domain/disclosure.ts';
import { GemeenteCode, ProvincieCode } from './common.ts';

export const SUPPRESSION_RULE =
  `Suppression: a figure built from fewer than ${MIN_PUBLIC_PROJECTS} projects (POLICY.disclosure.minProjects) is null with suppressed=true ` +
  '(primary suppression). Per quarter and measure, the gemeenten of a province are suppressed as if the province total were published: ' +
  'further gemeenten are hidden until the hidden ones hold at least the minimum together and are at least two (secondary suppression). ' +
  'Within a shown gemeente the same is done for its breakdowns. 0 is shown as 0 (it reveals no project).';

export const QuarterText = z
  .string()
  .regex(KWARTAAL_PATTERN, { message: 'Kwartaal heeft de vorm 2026-Q3.' })
  .describe('Calendar quarter, `YYYY-Qn` (e.g. 2026-Q3)');

/** A figure as published: projects and homes, null when suppressed. */
const figure = (what: string, homesUnit: string) =>
  z
    .object({
      projects: z.number().int().nullable().describe(`Number of projects ${what}; null when suppressed`),
      homes: z.number().int().nullable().describe(`${homesUnit}; unit: dwellings (woningen); null when suppressed`),
      suppressed: z.boolean().describe('True when this figure is hidden by the suppression rule (see `rule`)'),
    })
    .describe(`${what}. ${SUPPRESSION_RULE}`);

const PipelineBreakdownFigure = {
  projects: z.number().int().nullable().describe('Projects in the pipeline in this category at the quarter’s end; null when suppressed'),
  homes: z.number().int().nullable().describe('Their homes (programme); unit: dwellings; null when suppressed'),
  suppressed: z.boolean().describe('True when hidden by the suppression rule'),
};

export const OpenDataCell = z
  .object({
    gemeenteCode: GemeenteCode.describe('CBS gemeente code of 2025 (e.g. GM0363)'),
    gemeenteName: z.string().describe('Name of the gemeente (2025)'),
    provincieCode: z.string().describe('CBS province code of the gemeente (e.g. PV27)'),
    quarter: QuarterText.describe('The calendar quarter of the figures, `YYYY-Qn`'),
    started: figure(
      'that started construction in the quarter (milestone M11 start bouw with an actual date in the quarter)',
      'Homes in the programme of those projects',
    ),
    completed: figure(
      'completed in the quarter (milestone M12 oplevering with an actual date in the quarter)',
      'Homes delivered: the homes of a partial oplevering, else the programme',
    ),
    pipeline: figure(
      'in the pipeline at the last day of the quarter: a milestone reached (actual date) on or before that day, not completed and not withdrawn by then',
      'Homes in the programme of those projects',
    ),
    pipelineByPhase: z
      .array(
        z.object({
          phase: z.enum(PHASES).describe('Phase at the quarter’s end, derived from the milestones reached by then'),
          ...PipelineBreakdownFigure,
        }),
      )
      .describe('The pipeline by phase at the quarter’s end (all phases, in order)'),
    pipelineByPlanStatus: z
      .array(
        z.object({
          planStatus: z.enum(PLAN_STATUSES).describe('Plan status (hardheid); the register keeps no history of it: the current plan status'),
          ...PipelineBreakdownFigure,
        }),
      )
      .describe('The pipeline by plan status (all statuses)'),
    pipelineBySegment: z
      .array(
        z.object({
          segment: z.enum(SEGMENTS).describe('Housing segment; homes = homes of that segment in the programme (current programme)'),
          ...PipelineBreakdownFigure,
        }),
      )
      .describe('The pipeline by segment; a project counts in every segment it has homes in'),
  })
  .meta({ id: 'OpenDataQuarterCell' });

export const OpenDataQuartersResponse = z
  .object({
    minProjects: z.number().int().describe('Figures built from fewer projects than this are not shown'),
    rule: z.string().describe('The suppression rule in plain Dutch, for display'),
    quarters: z.array(QuarterText).describe('The quarters in this response, in order'),
    items: z.array(OpenDataCell).describe('One row per gemeente and quarter'),
  })
  .describe(`Open data per gemeente and quarter. No project is named, identified or located. ${SUPPRESSION_RULE}`)
  .meta({ id: 'OpenDataQuarters' });

/** At most ten years of quarters in one answer. */
export const MAX_OPEN_DATA_QUARTERS = 40;
const quarterIndex = (q: string) => Number(q.slice(0, 4)) * 4 + Number(q.slice(6)) - 1;

export const OpenDataQuery = z
  .object({
    from: QuarterText.optional().describe('First quarter (default: `to`)'),
    to: QuarterText.optional().describe('Last quarter (default: the current quarter)'),
    gemeente: GemeenteCode.optional().describe('Only this gemeente'),
    provincie: ProvincieCode.optional().describe('Only the gemeenten of this province'),
  })
  .superRefine((q, ctx) => {
    if (!q.from || !q.to) return;
    if (q.from > q.to) ctx.addIssue({ code: 'custom', path: ['from'], message: 'Het eerste kwartaal (from) ligt na het laatste (to).' });
    else if (quarterIndex(q.to) - quarterIndex(q.from) + 1 > MAX_OPEN_DATA_QUARTERS)
      ctx.addIssue({ code: 'custom', path: ['from'], message: `Vraag hoogstens ${MAX_OPEN_DATA_QUARTERS} kwartalen tegelijk op.` });
  });

/** The CSV columns with their definitions (the route's description lists them). */
export const OPEN_DATA_CSV_FIELDS: ReadonlyArray<[string, string]> = [
  ['gemeente_code', 'CBS gemeente code (2025)'],
  ['gemeente_naam', 'name of the gemeente'],
  ['provincie_code', 'CBS province code'],
  ['kwartaal', 'calendar quarter, YYYY-Qn'],
  ['gestart_projecten', 'projects with start bouw (M11 actual date) in the quarter'],
  ['gestart_woningen', 'their homes (programme), dwellings'],
  ['opgeleverd_projecten', 'projects with oplevering (M12 actual date) in the quarter'],
  ['opgeleverd_woningen', 'homes delivered, dwellings'],
  ['pijplijn_projecten', 'projects in the pipeline at the quarter’s last day'],
  ['pijplijn_woningen', 'their homes (programme), dwellings'],
  ...PHASES.map((p): [string, string] => [`pijplijn_woningen_fase_${p}`, `pipeline homes in phase ${p} at the quarter’s end`]),
  ...PLAN_STATUSES.map((s): [string, string] => [`pijplijn_woningen_planstatus_${s}`, `pipeline homes with plan status ${s}`]),
  ...SEGMENTS.map((s): [string, string] => [`pijplijn_woningen_segment_${s}`, `pipeline homes of segment ${s} in the programme`]),
];
