/**
 * Completion forecast from the jaarschijven: expected completions per year = planned homes × the
 * realisation assumption of the plan status (configurable in policy.ts and shown with the result).
 * Issue 3 "Forecast"; SPEC §2 (jaarschijven, plan status), §3 (targets). Pure.
 */
import { AFFORDABLE_SEGMENTS, PLAN_STATUSES, SEGMENTS, SOCIAL_SEGMENTS, type PlanStatus } from './codes.ts';
import { POLICY } from './policy.ts';

export type RealisationAssumptions = Record<PlanStatus, number>;

export const DEFAULT_ASSUMPTIONS: RealisationAssumptions = { ...POLICY.realisation.byPlanStatus };

/** Planned homes of one area (gemeente or provincie code), year and plan status (jaarschijven summed over projects). */
export interface PlannedRow {
  code: string;
  year: number;
  planStatus: PlanStatus;
  homes: number;
  /** Of which betaalbaar (sociale huur, middenhuur, betaalbare koop). SPEC §2 Segments. */
  affordable: number;
  /** Of which sociale huur. */
  social: number;
}

/**
 * A project as the national computations need it (loaded set-based for the whole country): where it
 * lies, how hard its plan is, what it builds for whom, its completion milestones and its jaarschijven
 * (flat arrays: year, segment index into SEGMENTS, homes).
 */
export interface NationalProject {
  /** 32 bits of the project id: seeds the project's own random stream in the simulation. */
  key: number;
  gemeenteCode: string;
  planStatus: PlanStatus;
  origin: string;
  flags: readonly string[];
  /** A corporatie is party to the project. */
  corporatie: boolean;
  totalHomes: number;
  /** Programme homes in total, for ouderen/woonzorg and for students. */
  programmeHomes: number;
  elderlyHomes: number;
  studentHomes: number;
  m12: { baselineDate: string | null; forecastDate: string | null; actualDate: string | null } | null;
  /** Homes of a partial oplevering (M12); null: the whole project. */
  m12Homes: number | null;
  m11: { baselineDate: string | null; forecastDate: string | null; actualDate: string | null } | null;
  /** The jaarschijven as three columns of one length: index i of each is one jaarschijf (so `i < years.length` indexes all three). */
  years: readonly number[];
  segments: readonly number[];
  homes: readonly number[];
  /** Synthetic demo project: figures for demo roles use only these (src/domain/access.ts syntheticDataOnly). */
  synthetic?: boolean;
}

const AFFORDABLE_INDEX = new Set(AFFORDABLE_SEGMENTS.map((s) => SEGMENTS.indexOf(s)));
const SOCIAL_INDEX = new Set(SOCIAL_SEGMENTS.map((s) => SEGMENTS.indexOf(s)));

/** Sum the jaarschijven of projects per area code (`codeOf`; null skips the project), year and plan status. */
export function plannedRows(
  projects: readonly NationalProject[],
  codeOf: (p: NationalProject) => string | null,
  fromYear: number,
  toYear: number,
): PlannedRow[] {
  const rows = new Map<string, PlannedRow>();
  for (const p of projects) {
    const code = codeOf(p);
    if (code === null) continue;
    for (let i = 0; i < p.years.length; i++) {
      const year = p.years[i]!; // i < years.length: the three columns have one length
      if (year < fromYear || year > toYear) continue;
      const key = `${code}|${year}|${p.planStatus}`;
      let r = rows.get(key);
      if (!r) {
        r = { code, year, planStatus: p.planStatus, homes: 0, affordable: 0, social: 0 };
        rows.set(key, r);
      }
      const h = p.homes[i]!;
      const segment = p.segments[i]!;
      r.homes += h;
      if (AFFORDABLE_INDEX.has(segment)) r.affordable += h;
      if (SOCIAL_INDEX.has(segment)) r.social += h;
    }
  }
  return [...rows.values()];
}

export interface ForecastYear {
  year: number;
  /** Homes in the jaarschijven (all plan statuses). */
  planned: number;
  /** planned × realisation assumption of each plan status. */
  expected: number;
  expectedAffordable: number;
  expectedSocial: number;
  byPlanStatus: Record<PlanStatus, { planned: number; expected: number }>;
}

const emptyYear = (year: number): ForecastYear => ({
  year,
  planned: 0,
  expected: 0,
  expectedAffordable: 0,
  expectedSocial: 0,
  byPlanStatus: Object.fromEntries(PLAN_STATUSES.map((s) => [s, { planned: 0, expected: 0 }])) as ForecastYear['byPlanStatus'],
});

/** Check assumptions: every plan status present, each a fraction 0–1. Returns the offending statuses. */
export function invalidAssumptions(assumptions: Partial<Record<string, number>>): string[] {
  return PLAN_STATUSES.filter((s) => {
    const v = assumptions[s];
    return typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1;
  });
}

/**
 * Expected completions per year for the rows whose code is in `codes` (all rows when null). `years`
 * fixes the rows returned (a year without plans gives zeros).
 */
export function forecastByYear(
  rows: readonly PlannedRow[],
  codes: ReadonlySet<string> | null,
  years: readonly number[],
  assumptions: RealisationAssumptions = DEFAULT_ASSUMPTIONS,
): ForecastYear[] {
  const byYear = new Map(years.map((y) => [y, emptyYear(y)]));
  for (const r of rows) {
    if (codes && !codes.has(r.code)) continue;
    const y = byYear.get(r.year);
    if (!y) continue;
    const expected = r.homes * assumptions[r.planStatus];
    y.planned += r.homes;
    y.expected += expected;
    y.byPlanStatus[r.planStatus].planned += r.homes;
    y.byPlanStatus[r.planStatus].expected += expected;
    y.expectedAffordable += r.affordable * assumptions[r.planStatus];
    y.expectedSocial += r.social * assumptions[r.planStatus];
  }
  return [...byYear.values()];
}

export interface GapRow {
  year: number;
  target: number | null;
  /** expected − target (negative: shortfall); null without a target. */
  gap: number | null;
  /** expected / target; null without a target. */
  attainment: number | null;
}

/** Gap between an expected figure and an annual target. */
export function gap(year: number, expected: number, target: number | null): GapRow {
  if (target === null || !(target > 0)) return { year, target, gap: target === null ? null : expected - target, attainment: null };
  return { year, target, gap: expected - target, attainment: expected / target };
}

/** Opleveringen per year recorded by milestone M12 (actual date): its homes if partial, else the project's total. Issue 3. */
export function opleveringenPerYear(projects: readonly NationalProject[]): Map<number, { homes: number; projects: number }> {
  const out = new Map<number, { homes: number; projects: number }>();
  for (const p of projects) {
    const date = p.m12?.actualDate;
    if (!date) continue;
    const year = Number(date.slice(0, 4));
    const r = out.get(year) ?? { homes: 0, projects: 0 };
    r.homes += p.m12Homes ?? p.totalHomes;
    r.projects += 1;
    out.set(year, r);
  }
  return out;
}

/**
 * The one forecast figure shown as "verwacht" (issue 8 item 19): the median (P50) of the simulation,
 * which counts plan drop-out and the delays observed, so it lies inside its own P10–P90 band by
 * construction. Without a band (years before the simulation starts) it is planned × realisation
 * assumption. "Gepland" (the jaarschijven as the projects give them) is shown next to it under its own name.
 */
export function pointEstimate(expectedWithoutDelay: number, band: { p10: number; p50: number; p90: number } | null | undefined): number {
  return band ? band.p50 : expectedWithoutDelay;
}
