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
