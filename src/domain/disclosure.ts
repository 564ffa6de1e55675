/**
 * What the public may see of the register: aggregates only, and no figure from which one project can be
 * read (SPEC §1 users: "public, researchers: aggregated open data and maps; no project-level confidential
 * data"; §7: "the PPM is a confidential working tool … the public sees aggregates").
 *
 * Rule (POLICY.disclosure.minProjects, default 3): a cell built from 1 or 2 projects is suppressed
 * (primary suppression). Where the total of a group of cells is published as well, one suppressed cell
 * could be computed back as total minus the others, so further cells are suppressed until the hidden
 * cells together hold at least the minimum number of projects and are at least two (secondary
 * suppression). Cells with no project are shown as 0: they reveal no project. Pure.
 */
import { AFFORDABLE_SEGMENTS, PHASES, PLAN_STATUSES, SEGMENTS, SOCIAL_SEGMENTS, type Phase, type PlanStatus, type Segment } from './codes.ts';
import type { NationalProject } from './forecast.ts';
import { BETER_BENUTTEN_ORIGINS, type TargetMetric } from './national.ts';
import { POLICY } from './policy.ts';

export const MIN_PUBLIC_PROJECTS = POLICY.disclosure.minProjects;

/** The rule in plain Dutch, as the public pages and the public API show it. */
export function disclosureRule(minProjects: number = MIN_PUBLIC_PROJECTS): string {
  return `Aantallen van minder dan ${minProjects} projecten tonen we niet, zodat geen enkel project herkenbaar is.`;
}

export interface SuppressOptions {
  minProjects?: number;
  /** The group's total is published too (then one hidden cell must not be computable as total minus the rest). */
  totalPublished?: boolean;
}

/** Which cells (given by their number of projects) to hide. */
export function suppressedCells(projectCounts: readonly number[], options: SuppressOptions = {}): boolean[] {
  const min = options.minProjects ?? MIN_PUBLIC_PROJECTS;
  const hidden = projectCounts.map((n) => n > 0 && n < min);
  if (!options.totalPublished) return hidden;
  const hiddenCount = () => hidden.filter(Boolean).length;
  const hiddenProjects = () => projectCounts.reduce((sum, n, i) => sum + (hidden[i] ? n : 0), 0);
  while (hiddenCount() > 0 && (hiddenCount() < 2 || hiddenProjects() < min)) {
    // Hide the smallest cell still shown that has projects; none left: nothing more can be done.
    let next: { index: number; projects: number } | undefined;
    for (const [i, n] of projectCounts.entries()) {
      if (!hidden[i] && n > 0 && (next === undefined || n < next.projects)) next = { index: i, projects: n };
    }
    if (next === undefined) break;
    hidden[next.index] = true;
  }
  return hidden;
}

/** A figure of projects and homes as the public sees it: null where suppressed. */
export interface PublicFigure {
  projects: number | null;
  homes: number | null;
  suppressed: boolean;
}

export interface Figure {
  projects: number;
  homes: number;
}

/** Applies the rule to a group of figures (e.g. the phases of one gemeente, the provinces of the nation). */
export function discloseFigures<T extends Figure>(
  cells: readonly T[],
  options: SuppressOptions = {},
): Array<Omit<T, 'projects' | 'homes'> & PublicFigure> {
  const hidden = suppressedCells(
    cells.map((c) => c.projects),
    options,
  );
  return cells.map((c, i) => (hidden[i] ? { ...c, projects: null, homes: null, suppressed: true } : { ...c, suppressed: false }));
}

/** One figure on its own (a total): hidden when built from too few projects. */
export function discloseFigure(figure: Figure, minProjects: number = MIN_PUBLIC_PROJECTS): PublicFigure {
  const [disclosed] = discloseFigures([figure], { minProjects });
  if (!disclosed) throw new Error('discloseFigures returned no figure for one figure');
  return disclosed;
}

// ---------------------------------------------------------------------------------------------------
// Aggregates per gemeente and province

/** Projects and homes per gemeente, phase and plan status (one row per combination that has projects). */
export interface ProjectCellRow {
  gemeenteCode: string;
  provincieCode: string;
  phase: Phase;
  planStatus: PlanStatus;
  projects: number;
  homes: number;
}

/** Homes in the programme per gemeente and segment, with the number of projects that have them. */
export interface SegmentCellRow {
  gemeenteCode: string;
  provincieCode: string;
  segment: Segment;
  projects: number;
  homes: number;
}

export interface AreaRef {
  code: string;
  name: string;
  provincieCode: string | null;
}

export interface PublicAreaAggregate extends PublicFigure {
  code: string;
  name: string;
  provincieCode: string | null;
  byPhase: Array<PublicFigure & { phase: Phase }>;
  byPlanStatus: Array<PublicFigure & { planStatus: PlanStatus }>;
  bySegment: Array<PublicFigure & { segment: Segment }>;
}

export interface PublicAggregates {
  level: 'gemeente' | 'provincie';
  minProjects: number;
  rule: string;
  total: PublicFigure;
  items: PublicAreaAggregate[];
}

const sum = (figures: readonly Figure[]): Figure => ({
  projects: figures.reduce((s, f) => s + f.projects, 0),
  homes: figures.reduce((s, f) => s + f.homes, 0),
});

/**
 * Which gemeenten and provinces to hide, as ONE pattern for both levels, so that no figure can be computed
 * back by combining them (nation = Σ provinces, province = Σ its gemeenten):
 * 1. gemeenten: fewer than the minimum, and within each province the secondary suppression (the province
 *    total may be shown);
 * 2. provinces: fewer than the minimum, and the secondary suppression under the national total;
 * 3. a hidden province whose gemeenten are all shown would be their sum: hide its smallest gemeente with
 *    projects too, so the hidden part (over all hidden provinces) stays unknown.
 */
export function hiddenAreas(
  gemeenten: ReadonlyArray<{ code: string; provincieCode: string; projects: number }>,
  provincies: ReadonlyArray<{ code: string; projects: number }>,
  minProjects: number = MIN_PUBLIC_PROJECTS,
): { gemeenten: Set<string>; provincies: Set<string> } {
  const hiddenG = new Set<string>();
  const byProvince = new Map<string, Array<{ code: string; projects: number }>>();
  for (const g of gemeenten) byProvince.set(g.provincieCode, [...(byProvince.get(g.provincieCode) ?? []), g]);
  for (const list of byProvince.values()) {
    const hidden = suppressedCells(
      list.map((g) => g.projects),
      { minProjects, totalPublished: true },
    );
    list.forEach((g, i) => hidden[i] && hiddenG.add(g.code));
  }
  const hiddenP = new Set<string>();
  const hidden = suppressedCells(
    provincies.map((p) => p.projects),
    { minProjects, totalPublished: true },
  );
  provincies.forEach((p, i) => hidden[i] && hiddenP.add(p.code));
  for (const code of hiddenP) {
    const list = (byProvince.get(code) ?? []).filter((g) => g.projects > 0);
    if (list.length === 0 || list.some((g) => hiddenG.has(g.code))) continue;
    hiddenG.add(list.reduce((a, b) => (b.projects < a.projects ? b : a)).code);
  }
  return { gemeenten: hiddenG, provincies: hiddenP };
}

/**
 * Public aggregates per gemeente or province from the cell rows (of the whole country: the hiding
 * pattern depends on all areas): totals, and per phase, plan status and segment, with the rule applied.
 * A shown area's breakdown is suppressed within the area (its total is shown).
 */
export function publicAggregates(
  level: 'gemeente' | 'provincie',
  areas: { gemeenten: readonly AreaRef[]; provincies: readonly AreaRef[] },
  rows: readonly ProjectCellRow[],
  segmentRows: readonly SegmentCellRow[],
  minProjects: number = MIN_PUBLIC_PROJECTS,
): PublicAggregates {
  const summarise = (a: AreaRef, keyOf: (r: { gemeenteCode: string; provincieCode: string }) => string) => {
    const mine = rows.filter((r) => keyOf(r) === a.code);
    const segs = segmentRows.filter((r) => keyOf(r) === a.code);
    return {
      area: a,
      total: sum(mine),
      byPhase: PHASES.map((phase) => ({ phase, ...sum(mine.filter((r) => r.phase === phase)) })),
      byPlanStatus: PLAN_STATUSES.map((planStatus) => ({ planStatus, ...sum(mine.filter((r) => r.planStatus === planStatus)) })),
      bySegment: SEGMENTS.map((segment) => ({ segment, ...sum(segs.filter((r) => r.segment === segment)) })),
    };
  };
  const gemeenten = areas.gemeenten.map((a) => summarise(a, (r) => r.gemeenteCode));
  const provincies = areas.provincies.map((a) => summarise(a, (r) => r.provincieCode));
  const hidden = hiddenAreas(
    gemeenten.map((g) => ({ code: g.area.code, provincieCode: g.area.provincieCode ?? '', projects: g.total.projects })),
    provincies.map((p) => ({ code: p.area.code, projects: p.total.projects })),
    minProjects,
  );
  const total = discloseFigure(sum(rows), minProjects);
  const raw = level === 'gemeente' ? gemeenten : provincies;
  const hiddenSet = level === 'gemeente' ? hidden.gemeenten : hidden.provincies;

  const items = raw.map((r): PublicAreaAggregate => {
    const inner = { minProjects, totalPublished: true };
    const hide = <T extends object>(t: T): T & PublicFigure => ({ ...t, projects: null, homes: null, suppressed: true });
    if (hiddenSet.has(r.area.code)) {
      return {
        ...r.area,
        projects: null,
        homes: null,
        suppressed: true,
        byPhase: r.byPhase.map(({ phase }) => hide({ phase })),
        byPlanStatus: r.byPlanStatus.map(({ planStatus }) => hide({ planStatus })),
        bySegment: r.bySegment.map(({ segment }) => hide({ segment })),
      };
    }
    return {
      ...r.area,
      ...r.total,
      suppressed: false,
      byPhase: discloseFigures(r.byPhase, inner),
      byPlanStatus: discloseFigures(r.byPlanStatus, inner),
      bySegment: discloseFigures(r.bySegment, inner),
    };
  });
  return { level, minProjects, rule: disclosureRule(minProjects), total, items };
}

// ---------------------------------------------------------------------------------------------------
// How many projects are behind a figure of the national overview

/** Number of projects with homes in their jaarschijven in `year`, per area (`areasOf` gives the areas of a project). */
export function projectsWithHomesIn(
  projects: readonly NationalProject[],
  year: number,
  areasOf: (p: NationalProject) => readonly string[],
): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of projects) {
    if (!p.years.some((y, i) => y === year && (p.homes[i] ?? 0) > 0)) continue;
    for (const a of areasOf(p)) out.set(a, (out.get(a) ?? 0) + 1);
  }
  return out;
}

/** Number of projects with homes in their jaarschijven per year (the national production per year). */
export function projectsPerYear(projects: readonly NationalProject[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const p of projects) {
    for (const y of new Set(p.years.filter((_, i) => (p.homes[i] ?? 0) > 0))) out.set(y, (out.get(y) ?? 0) + 1);
  }
  return out;
}

const BB_ORIGINS = new Set<string>(BETER_BENUTTEN_ORIGINS);
const AFFORDABLE = new Set(AFFORDABLE_SEGMENTS.map((s) => SEGMENTS.indexOf(s)));
const SOCIAL = new Set(SOCIAL_SEGMENTS.map((s) => SEGMENTS.indexOf(s)));

/**
 * Number of projects that a special target's measured figure is built from (the part that is counted:
 * for a share, the projects in its numerator), over the years `from`–`to`.
 */
export function specialTargetProjects(metric: TargetMetric, projects: readonly NationalProject[], from: number, to: number): number {
  const homesIn = (p: NationalProject, segment?: Set<number>) =>
    p.years.some((y, i) => y >= from && y <= to && (p.homes[i] ?? 0) > 0 && (!segment || segment.has(p.segments[i] ?? -1)));
  const counts: Record<TargetMetric, (p: NationalProject) => boolean> = {
    woningbouw: (p) => homesIn(p),
    betaalbaar_aandeel: (p) => homesIn(p, AFFORDABLE),
    sociaal_aandeel: (p) => homesIn(p, SOCIAL),
    sociale_huur_corporaties: (p) => p.corporatie && homesIn(p, SOCIAL),
    woondeals: (p) => p.flags.includes('woondeal_locatie') && homesIn(p),
    ouderenwoningen: (p) => p.elderlyHomes > 0 && homesIn(p),
    studentenkamers: (p) => p.studentHomes > 0 && homesIn(p),
    industrieel_aandeel: (p) => p.flags.includes('industrieel') && homesIn(p),
    beter_benutten: (p) => BB_ORIGINS.has(p.origin) && homesIn(p),
    nplv: (p) => p.flags.includes('nplv') && homesIn(p),
    doorbraaklocaties: (p) => p.flags.includes('doorbraaklocatie') && p.totalHomes > 0,
  };
  return projects.filter(counts[metric]).length;
}
