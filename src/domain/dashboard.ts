/**
 * The figures of a table dashboard (Tafeloverzicht), computed from a set of projects. Pure, so the
 * same function serves live data and a frozen quarter. SPEC §1 (versnellingstafel needs), §2, §3.
 */
import { expiredForecasts } from './forecast-expired.ts';
import {
  AFFORDABLE_SEGMENTS,
  HARD_PLAN_STATUSES,
  KNELPUNT_CATEGORIES,
  PHASES,
  PLAN_STATUSES,
  SEGMENTS,
  SOCIAL_SEGMENTS,
  STATUS_COLOURS,
  type KnelpuntCategory,
  type MilestoneCode,
  type Phase,
  type PlanStatus,
  type Segment,
  type StatusColour,
} from './codes.ts';
import { DEFAULT_TOLERANCE, milestoneDelay, type DelaySeverity, type DelayTolerance } from './delay.ts';
import type { GeoPoint, Jaarschijf, Knelpunt, Milestone } from './project.ts';

export interface DashboardProject {
  id: string;
  name: string;
  gemeenteCode: string;
  planStatus: PlanStatus;
  phase: Phase;
  status: StatusColour;
  totalHomes: number;
  affordableHomes: number;
  socialHomes: number;
  location: GeoPoint | null;
  synthetic: boolean;
  jaarschijven: readonly Jaarschijf[];
  milestones: readonly Milestone[];
  knelpunten: readonly Pick<Knelpunt, 'category' | 'escalated' | 'resolvedDate'>[];
}

export interface YearFigures {
  year: number;
  expected: number;
  /** Of which in projects with a hard plan (onherroepelijk or vastgesteld). SPEC §2. */
  expectedHard: number;
  affordable: number;
  social: number;
  bySegment: Record<Segment, number>;
  target: number | null;
  /** expected − target (negative: shortfall). */
  gap: number | null;
}

export interface DelayedMilestone {
  projectId: string;
  projectName: string;
  code: MilestoneCode;
  baselineDate: string;
  forecastDate: string;
  months: number;
  severity: Exclude<DelaySeverity, 'geen'>;
  /** Why the forecast moved (the latest delay reason given, src/domain/delay-reason.ts); filled in by the service. */
  reason: string | null;
}

export interface TableSummary {
  totals: {
    projects: number;
    homes: number;
    affordableHomes: number;
    socialHomes: number;
    affordableShare: number;
    socialShare: number;
    syntheticProjects: number;
  };
  perYear: YearFigures[];
  byPhase: Array<{ phase: Phase; projects: number; homes: number }>;
  byPlanStatus: Array<{ planStatus: PlanStatus; projects: number; homes: number }>;
  byStatus: Array<{ status: StatusColour; projects: number }>;
  /** Milestones still to come delayed beyond the tolerance; `projects`: how many projects have one (the drill-down list). */
  delayedMilestones: { count: number; serious: number; projects: number; items: DelayedMilestone[] };
  /**
   * Projects with a forecast that has passed without an actual date ("prognose verstreken",
   * src/domain/forecast-expired.ts; SPEC §2); counted only when `today` is given.
   */
  expiredForecasts: { projects: number };
  /** Open knelpunten per category; `projects`: how many projects have one open (the drill-down list). */
  knelpunten: Array<{ category: KnelpuntCategory; open: number; escalated: number; projects: number }>;
  mapPoints: Array<{ id: string; name: string; lon: number; lat: number; status: StatusColour; homes: number }>;
}

export interface SummaryOptions {
  years: readonly number[];
  /** Annual target per year, if known. */
  targetFor?: (year: number) => number | null;
  tolerance?: DelayTolerance;
  /** Today (YYYY-MM-DD), for expired forecasts. */
  today?: string;
  /** How many delayed milestones to list (all are counted). */
  maxDelayedItems?: number;
}

const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

export function summariseTable(projects: readonly DashboardProject[], options: SummaryOptions): TableSummary {
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  const perYear = new Map<number, YearFigures>(
    options.years.map((year) => [
      year,
      {
        year,
        expected: 0,
        expectedHard: 0,
        affordable: 0,
        social: 0,
        bySegment: Object.fromEntries(SEGMENTS.map((s) => [s, 0])) as Record<Segment, number>,
        target: null,
        gap: null,
      },
    ]),
  );
  const byPhase = new Map(PHASES.map((phase) => [phase, { phase, projects: 0, homes: 0 }]));
  const byPlanStatus = new Map(PLAN_STATUSES.map((planStatus) => [planStatus, { planStatus, projects: 0, homes: 0 }]));
  const byStatus = new Map(STATUS_COLOURS.map((status) => [status, { status, projects: 0 }]));
  const knelpunten = new Map(KNELPUNT_CATEGORIES.map((category) => [category, { category, open: 0, escalated: 0, projects: 0 }]));
  const delayed: DelayedMilestone[] = [];
  const totals = { projects: 0, homes: 0, affordableHomes: 0, socialHomes: 0, affordableShare: 0, socialShare: 0, syntheticProjects: 0 };
  const mapPoints: TableSummary['mapPoints'] = [];

  let expiredProjects = 0;
  for (const p of projects) {
    totals.projects++;
    if (options.today && expiredForecasts(p.milestones, options.today).length > 0) expiredProjects++;
    totals.homes += p.totalHomes;
    totals.affordableHomes += p.affordableHomes;
    totals.socialHomes += p.socialHomes;
    if (p.synthetic) totals.syntheticProjects++;
    const phase = byPhase.get(p.phase)!;
    phase.projects++;
    phase.homes += p.totalHomes;
    const plan = byPlanStatus.get(p.planStatus)!;
    plan.projects++;
    plan.homes += p.totalHomes;
    byStatus.get(p.status)!.projects++;
    if (p.location) mapPoints.push({ id: p.id, name: p.name, lon: p.location.lon, lat: p.location.lat, status: p.status, homes: p.totalHomes });

    const hard = HARD_PLAN_STATUSES.includes(p.planStatus);
    for (const s of p.jaarschijven) {
      const y = perYear.get(s.year);
      if (!y) continue;
      y.expected += s.homes;
      if (hard) y.expectedHard += s.homes;
      if (AFFORDABLE_SEGMENTS.includes(s.segment)) y.affordable += s.homes;
      if (SOCIAL_SEGMENTS.includes(s.segment)) y.social += s.homes;
      y.bySegment[s.segment] += s.homes;
    }
    for (const m of p.milestones) {
      if (m.actualDate || !m.baselineDate || !m.forecastDate) continue;
      const delay = milestoneDelay(m, tolerance);
      if (delay.severity === 'geen') continue;
      delayed.push({
        projectId: p.id,
        projectName: p.name,
        code: m.code,
        baselineDate: m.baselineDate,
        forecastDate: m.forecastDate,
        months: delay.months,
        severity: delay.severity,
        reason: null,
      });
    }
    const categories = new Set<KnelpuntCategory>();
    for (const k of p.knelpunten) {
      if (k.resolvedDate) continue;
      const c = knelpunten.get(k.category)!;
      c.open++;
      if (k.escalated) c.escalated++;
      categories.add(k.category);
    }
    for (const category of categories) knelpunten.get(category)!.projects++;
  }
  totals.affordableShare = share(totals.affordableHomes, totals.homes);
  totals.socialShare = share(totals.socialHomes, totals.homes);
  for (const y of perYear.values()) {
    y.target = options.targetFor?.(y.year) ?? null;
    y.gap = y.target === null ? null : y.expected - Math.round(y.target);
  }
  delayed.sort((a, b) => b.months - a.months || a.projectName.localeCompare(b.projectName));
  return {
    totals,
    perYear: [...perYear.values()],
    byPhase: [...byPhase.values()],
    byPlanStatus: [...byPlanStatus.values()],
    byStatus: [...byStatus.values()],
    delayedMilestones: {
      count: delayed.length,
      serious: delayed.filter((d) => d.severity === 'ernstig').length,
      projects: new Set(delayed.map((d) => d.projectId)).size,
      items: delayed.slice(0, options.maxDelayedItems ?? 100),
    },
    expiredForecasts: { projects: expiredProjects },
    knelpunten: [...knelpunten.values()],
    mapPoints,
  };
}
