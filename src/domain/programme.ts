/** Programme totals and shares. SPEC §2 "Segments", SPEC §3. */
import { AFFORDABLE_SEGMENTS, SEGMENTS, SOCIAL_SEGMENTS, type Segment } from './codes.ts';

interface Counted {
  segment: Segment;
  homes: number;
}

export interface ProgrammeTotals {
  totalHomes: number;
  affordableHomes: number;
  socialHomes: number;
  /** Betaalbaar share of the total, 0 when the programme is empty. */
  affordableShare: number;
  socialShare: number;
  bySegment: Record<Segment, number>;
}

export function homesBySegment(lines: readonly Counted[]): Record<Segment, number> {
  const bySegment = Object.fromEntries(SEGMENTS.map((s) => [s, 0])) as Record<Segment, number>;
  for (const line of lines) bySegment[line.segment] += line.homes;
  return bySegment;
}

/** Totals of a programme (or of jaarschijven); betaalbaar = sociale huur + middenhuur + betaalbare koop. */
export function programmeTotals(lines: readonly Counted[]): ProgrammeTotals {
  const bySegment = homesBySegment(lines);
  const totalHomes = SEGMENTS.reduce((sum, s) => sum + bySegment[s], 0);
  const affordableHomes = AFFORDABLE_SEGMENTS.reduce((sum, s) => sum + bySegment[s], 0);
  const socialHomes = SOCIAL_SEGMENTS.reduce((sum, s) => sum + bySegment[s], 0);
  return {
    totalHomes,
    affordableHomes,
    socialHomes,
    affordableShare: totalHomes === 0 ? 0 : affordableHomes / totalHomes,
    socialShare: totalHomes === 0 ? 0 : socialHomes / totalHomes,
    bySegment,
  };
}

/** One segment whose jaarschijven do not add up to its programme. */
export interface JaarschijvenMismatch {
  segment: Segment;
  /** Homes in the jaarschijven of this segment. */
  planned: number;
  /** Homes in the programme of this segment. */
  programme: number;
}

/**
 * The segments whose jaarschijven (planned completions per year) do not sum to the programme, in the
 * order of SEGMENTS; none when there are no jaarschijven yet (nothing planned is not a contradiction).
 * SPEC §2 "Project": the programme (homes per segment × type) and the jaarschijven (completions per year
 * and segment) describe the same homes.
 */
export function jaarschijvenMismatches(programme: readonly Counted[], jaarschijven: readonly Counted[]): JaarschijvenMismatch[] {
  if (jaarschijven.length === 0) return [];
  const planned = homesBySegment(jaarschijven);
  const programmed = homesBySegment(programme);
  return SEGMENTS.filter((s) => planned[s] !== programmed[s]).map((segment) => ({
    segment,
    planned: planned[segment],
    programme: programmed[segment],
  }));
}
