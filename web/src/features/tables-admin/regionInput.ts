/**
 * The Tafels inrichten forms' checks before sending, with the server's own rules (src/domain/region.ts), and how the
 * forms show the server's answer: errors next to the field they name (errors[].path), else one message.
 */
import { coverageInputProblems, regionNameProblems } from '../../../../src/domain/region.ts';
import { quarterOf } from '../../../../src/domain/kwartaal.ts';
import { ApiError } from '../../api/client.ts';
import type { components } from '../../api/generated/openapi.ts';

export type RegionRow = components['schemas']['Region'];
export type RegionDetail = components['schemas']['RegionDetail'];
export type FieldErrors = Record<string, string>;

/** The quarter of today (the default "Vanaf kwartaal"). */
export const currentQuarter = (): string => quarterOf(new Date().toISOString().slice(0, 10));

/** The current quarter and the few before it, newest first (a change cannot start in a later quarter). */
export function quarterChoices(current: string, count = 6): string[] {
  const [y, q] = [Number(current.slice(0, 4)), Number(current.slice(-1))];
  return Array.from({ length: count }, (_, i) => {
    const index = y * 4 + (q - 1) - i;
    return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
  });
}

/** "2027-Q1" → "1e kwartaal 2027". */
export const quarterText = (q: string | null, empty = '–') => (q ? `${q.slice(-1)}e kwartaal ${q.slice(0, 4)}` : empty);

/** Errors of a name and gemeenten, keyed by field ('name', 'gemeenteCodes', 'fromQuarter'), as the server would give them. */
export function regionFormErrors(
  input: { name?: string; gemeenteCodes?: string[]; fromQuarter?: string },
  regions: readonly { id: string; name: string }[],
  known: ReadonlySet<string>,
  ownId: string | null = null,
): FieldErrors {
  const issues = [
    ...(input.name === undefined ? [] : regionNameProblems(input.name, regions, ownId)),
    ...(input.gemeenteCodes === undefined ? [] : coverageInputProblems(input.gemeenteCodes, input.fromQuarter ?? '', known)),
  ];
  return Object.fromEntries(issues.map((i) => [i.path.replace(/\[\d+\]$/, ''), i.message]));
}

/** The server's answer as field errors (paths without their index) and, when no field is named, one message. */
export function problemOf(err: unknown): { errors: FieldErrors; message: string | null; stale: boolean } {
  if (err instanceof ApiError && err.problem?.errors?.length) {
    const errors: FieldErrors = {};
    for (const i of err.problem.errors) {
      const key = i.path.replace(/\[\d+\]$/, '');
      errors[key] = errors[key] ? `${errors[key]} ${i.message}` : i.message;
    }
    return { errors, message: null, stale: false };
  }
  if (err instanceof ApiError && err.status === 409) {
    return {
      errors: {},
      message: 'Iemand anders heeft deze tafel intussen gewijzigd. De gegevens zijn opnieuw geladen; voer uw wijziging opnieuw in.',
      stale: true,
    };
  }
  return { errors: {}, message: err instanceof ApiError ? (err.problem?.detail ?? err.message) : 'Het opslaan is niet gelukt.', stale: false };
}

/** The versnellingstafel a gemeente lies in now, other than `ownId` (for "this gemeente moves"). */
export function tableOf(regions: readonly RegionRow[], gemeenteCode: string, ownId: string | null): RegionRow | null {
  return regions.find((r) => r.kind === 'versnellingstafel' && r.id !== ownId && !r.endedOn && r.gemeenteCodes.includes(gemeenteCode)) ?? null;
}
