/** Shared zod schemas: the same schema validates requests, types handlers and feeds the OpenAPI document. */
import { z } from 'zod';
import { isIsoDate } from '../../domain/dates.ts';

// Validation messages in Dutch for the people who read them (SPEC §7).
z.config(z.locales.nl());

export const IsoDate = z
  .string()
  .refine(isIsoDate, { message: 'Ongeldige datum: gebruik JJJJ-MM-DD (bijvoorbeeld 2026-03-31).' })
  .describe('Calendar date, YYYY-MM-DD')
  .meta({ format: 'date', example: '2026-03-31' });

/** A moment in time, always with its time zone (RFC 3339 in UTC, as `Date.toISOString()` writes it). */
export const IsoDateTime = z
  .string()
  .describe('Date-time with time zone (RFC 3339, UTC)')
  .meta({ format: 'date-time', example: '2026-12-01T14:30:00.000Z' });

export const HomesCount = z
  .number()
  .int({ message: 'Aantal woningen moet een heel getal zijn.' })
  .min(0, { message: 'Aantal woningen kan niet negatief zijn.' })
  .max(100_000, { message: 'Meer dan 100.000 woningen in één regel is niet aannemelijk.' });

export const Version = z.number().int().min(1).describe('Version you last read; a stale version gets 409 and changes nothing');

export const GemeenteCode = z
  .string()
  .regex(/^GM\d{4}$/, { message: 'Gemeentecode heeft de vorm GM0363.' })
  .describe('CBS gemeente code');
export const ProvincieCode = z.string().regex(/^PV\d{2}$/, { message: 'Provinciecode heeft de vorm PV27.' });

export const Uuid = z.uuid({ message: 'Ongeldige id (verwacht een UUID).' });

/** One offending field of a request, or a consistency warning: where (`programme[1].homes`), which rule, and why in Dutch. */
export const Issue = z.object({ path: z.string(), code: z.string(), message: z.string() }).meta({ id: 'Issue' });

/**
 * RFC 9457 problem details, the body of every 4xx/5xx answer (src/http/problem.ts). Registered as the one
 * shared `components.schemas.Problem` of the OpenAPI document (API Design Rules /core/error-handling/problem-details).
 */
export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z.array(Issue).optional(),
    currentVersion: z.number().int().optional(),
  })
  .describe('RFC 9457 problem details')
  .meta({ id: 'Problem' });

/** Comma-separated list in a query string, e.g. `?phase=realisatie,vergunning`. */
export function csvList<T extends z.ZodType<string, string>>(item: T) {
  return z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item));
}
