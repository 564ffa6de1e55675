/** Schemas of the realisation sources of issue 13: BAG starts and completions next to CBS and the monitor. */
import { z } from 'zod';
import { AreaId, NationalArea } from './national.schemas.ts';

const Year = z.coerce.number().int().min(2000).max(2100);

export const BagRealisationsQuery = z.object({
  area: AreaId.default('nl'),
  period: z.enum(['year', 'quarter']).default('year').describe('Count per calendar year or per quarter'),
  fromYear: Year.optional(),
  toYear: Year.optional(),
});

export const BagRealisationsResponse = z
  .object({
    area: NationalArea,
    period: z.enum(['year', 'quarter']),
    source: z.string(),
    rows: z.array(
      z.object({
        gemeenteCode: z.string(),
        gemeenteName: z.string(),
        year: z.number().int(),
        quarter: z.number().int().min(1).max(4).nullable().describe('1–4; null when counted per year'),
        bagStarted: z.number().int().describe('Homes (verblijfsobjecten with woonfunctie) whose pand got status "Bouw gestart" in the period'),
        bagCompleted: z
          .number()
          .int()
          .describe('Homes whose verblijfsobject first got status "in gebruik" or "in gebruik (niet ingemeten)" in the period'),
        cbsNewConstruction: z
          .number()
          .int()
          .nullable()
          .describe("CBS nieuwbouw mapped to today's gemeenten; per year only, null without a CBS figure"),
        monitorStarted: z.number().int().describe('Homes of projects whose milestone M11 (start bouw) has its actual date in the period'),
        monitorCompleted: z.number().int().describe('Homes of projects whose milestone M12 (oplevering) has its actual date in the period'),
      }),
    ),
  })
  .meta({ id: 'BagRealisations' });
