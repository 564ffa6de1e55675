/**
 * The mapping file of a planlijst import, checked (issue 13 part 1: "the mapping file maps the register's fields to
 * the file's column names, and value lists such as plan status labels to the register's categories"). The shape is
 * described in README "Importing a planlijst"; src/domain/planlijst/fields.ts says what each field means.
 */
import { z } from 'zod';
import { ORIGINS, PLAN_STATUSES, PROJECT_FLAGS, SEGMENTS } from '../domain/codes.ts';
import { ValidationError } from '../domain/errors.ts';
import { fieldKind, type PlanlijstMapping } from '../domain/planlijst/fields.ts';

const column = z.string().trim().min(1, 'een kolomnaam mag niet leeg zijn');
const segment = z.enum(SEGMENTS);

export const planlijstMappingSchema = z
  .object({
    source: z.string().trim().min(1, 'geef de bron een naam').max(200),
    sheet: z.string().min(1).optional(),
    fields: z.record(z.string(), z.union([column, z.object({ columns: z.array(column).min(1) }).strict()])).superRefine((fields, ctx) => {
      for (const key of Object.keys(fields)) {
        if (fieldKind(key) === null)
          ctx.addIssue({ code: 'custom', path: [key], message: 'is geen veld van het register (zie README, "Importing a planlijst")' });
      }
    }),
    values: z
      .object({
        planStatus: z.record(z.string(), z.enum(PLAN_STATUSES)).optional(),
        origin: z.record(z.string(), z.enum(ORIGINS)).optional(),
        flags: z.record(z.string(), z.enum(PROJECT_FLAGS)).optional(),
      })
      .strict()
      .optional(),
    options: z
      .object({
        firstYear: z.number().int().min(2000).max(2100).optional(),
        tenureSegments: z.object({ huur: segment, koop: segment, onbekend: segment }).strict().optional(),
        defaultSegment: segment.optional(),
        defaultPlanStatus: z.enum(PLAN_STATUSES).optional(),
        defaultOrigin: z.enum(ORIGINS).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

/** Check a mapping (parsed JSON); a ValidationError names every problem by its path in the file. */
export function parseMapping(value: unknown): PlanlijstMapping {
  const parsed = planlijstMappingSchema.safeParse(value);
  if (parsed.success) return parsed.data as PlanlijstMapping;
  throw new ValidationError(
    parsed.error.issues.map((i) => ({
      path: i.path.map(String).join('.') || '(koppeling)',
      code: 'invalid_mapping',
      message: i.message,
    })),
  );
}

/** Check a mapping file's text (JSON). */
export function parseMappingText(text: string): PlanlijstMapping {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new ValidationError([{ path: '(koppeling)', code: 'invalid_json', message: `geen geldige JSON: ${(err as Error).message}` }]);
  }
  return parseMapping(value);
}
