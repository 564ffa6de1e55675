/**
 * Open data per gemeente and quarter (SPEC §1 users: "public, researchers: aggregated open data and maps; no
 * project-level confidential data"; §7: "the public sees aggregates"; §8: a quarterly release with field
 * definitions). Pure: the service loads the projects' facts, this module counts them and applies the
 * disclosure rule of src/domain/disclosure.ts.
 *
 * Per gemeente and quarter:
 * - started: projects whose M11 (start bouw) has an actual date in the quarter, and their homes (the programme);
 * - completed: projects whose M12 (oplevering) has an actual date in the quarter, and the homes delivered (the
 *   M12 homes of a partial oplevering, else the programme);
 * - pipeline at the quarter's end, as far as the register knows it: projects that had reached at least one
 *   milestone (actual date on or before the last day of the quarter), had not been completed by then and had
 *   not been withdrawn by then; merged duplicates never count. Broken down by the phase they were in at that
 *   date (derived from the milestones reached by then, src/domain/phase.ts), by plan status and by segment
 *   (the register keeps no history of these two: the project's current plan status and programme).
 *
 * Disclosure (POLICY.disclosure.minProjects): every figure built from fewer projects is hidden. The same
 * pattern as the public aggregates (hiddenAreas): per quarter and measure, gemeenten are suppressed
 * within their province as if the province total were published, and a shown gemeente's breakdowns are
 * suppressed within that gemeente (its total is shown).
 */
import { PHASES, PLAN_STATUSES, SEGMENTS, type MilestoneCode, type Phase, type PlanStatus, type Segment } from './codes.ts';
import type { IsoDate } from './dates.ts';
import { discloseFigures, hiddenAreas, MIN_PUBLIC_PROJECTS, disclosureRule, type Figure, type PublicFigure } from './disclosure.ts';
import { kwartaalEnd, kwartaalStart, addKwartalen, compareKwartaal, type Kwartaal } from './kwartaal.ts';
import { derivePhase } from './phase.ts';
import type { Milestone } from './project.ts';

/** What open data needs of one project: no name, id or location. */
export interface OpenDataProject {
  gemeenteCode: string;
  provincieCode: string;
  planStatus: PlanStatus;
  totalHomes: number;
  /** Programme homes per segment (segments without homes may be left out). */
  segmentHomes: Partial<Record<Segment, number>>;
  /** Actual dates of the milestones reached. */
  actualDates: Partial<Record<MilestoneCode, IsoDate>>;
  /** Homes of a partial oplevering (M12); null: the whole programme. */
  m12Homes: number | null;
  withdrawnDate: IsoDate | null;
}

export interface GemeenteRef {
  code: string;
  name: string;
  provincieCode: string;
}

export const OPEN_DATA_MEASURES = ['started', 'completed', 'pipeline'] as const;
export type OpenDataMeasure = (typeof OPEN_DATA_MEASURES)[number];

export interface OpenDataCell {
  gemeenteCode: string;
  gemeenteName: string;
  provincieCode: string;
  quarter: Kwartaal;
  started: PublicFigure;
  completed: PublicFigure;
  pipeline: PublicFigure;
  pipelineByPhase: Array<PublicFigure & { phase: Phase }>;
  pipelineByPlanStatus: Array<PublicFigure & { planStatus: PlanStatus }>;
  pipelineBySegment: Array<PublicFigure & { segment: Segment }>;
}

export interface OpenDataQuarters {
  minProjects: number;
  rule: string;
  quarters: Kwartaal[];
  items: OpenDataCell[];
}

/** The quarters from `from` to `to`, both included, in order. */
export function quarterRange(from: Kwartaal, to: Kwartaal): Kwartaal[] {
  const out: Kwartaal[] = [];
  for (let q = from; compareKwartaal(q, to) <= 0; q = addKwartalen(q, 1)) out.push(q);
  return out;
}

const inQuarter = (date: IsoDate | undefined, start: IsoDate, end: IsoDate) => date !== undefined && date >= start && date <= end;

/** The phase a project was in on `date`, from the milestones it had reached by then (src/domain/phase.ts). */
export function phaseOn(project: OpenDataProject, date: IsoDate): Phase {
  const reached: Milestone[] = [];
  for (const [code, actualDate] of Object.entries(project.actualDates) as Array<[MilestoneCode, IsoDate]>) {
    if (actualDate > date) continue;
    reached.push({ code, ownerSide: 'publiek', baselineDate: null, forecastDate: null, actualDate, homes: code === 'M12' ? project.m12Homes : null });
  }
  return derivePhase(reached, project.totalHomes);
}

/** In the pipeline at the end of the day `date`: reached a milestone by then, not completed, not withdrawn. */
export function inPipelineOn(project: OpenDataProject, date: IsoDate): boolean {
  if (project.withdrawnDate !== null && project.withdrawnDate <= date) return false;
  if (!Object.values(project.actualDates).some((d) => d !== undefined && d <= date)) return false;
  return phaseOn(project, date) !== 'opgeleverd';
}

interface RawCell {
  started: Figure;
  completed: Figure;
  pipeline: Figure;
  byPhase: Record<Phase, Figure>;
  byPlanStatus: Record<PlanStatus, Figure>;
  bySegment: Record<Segment, Figure>;
}

const zero = (): Figure => ({ projects: 0, homes: 0 });
const add = (f: Figure, homes: number) => {
  f.projects += 1;
  f.homes += homes;
};
const record = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, zero()])) as Record<K, Figure>;

/** The raw (undisclosed) figures of one gemeente in one quarter. */
export function rawQuarterFigures(projects: readonly OpenDataProject[], quarter: Kwartaal): RawCell {
  const start = kwartaalStart(quarter);
  const end = kwartaalEnd(quarter);
  const cell: RawCell = {
    started: zero(),
    completed: zero(),
    pipeline: zero(),
    byPhase: record(PHASES),
    byPlanStatus: record(PLAN_STATUSES),
    bySegment: record(SEGMENTS),
  };
  for (const p of projects) {
    if (inQuarter(p.actualDates.M11, start, end)) add(cell.started, p.totalHomes);
    if (inQuarter(p.actualDates.M12, start, end)) add(cell.completed, p.m12Homes ?? p.totalHomes);
    if (!inPipelineOn(p, end)) continue;
    add(cell.pipeline, p.totalHomes);
    add(cell.byPhase[phaseOn(p, end)], p.totalHomes);
    add(cell.byPlanStatus[p.planStatus], p.totalHomes);
    for (const s of SEGMENTS) {
      const homes = p.segmentHomes[s] ?? 0;
      if (homes > 0) add(cell.bySegment[s], homes);
    }
  }
  return cell;
}

const HIDDEN: PublicFigure = { projects: null, homes: null, suppressed: true };
const shown = (f: Figure): PublicFigure => ({ ...f, suppressed: false });

/**
 * Open data per gemeente and quarter with the disclosure rule applied. `gemeenten` is the whole country
 * (the hiding pattern depends on every gemeente of a province); the caller may filter the result.
 */
export function openDataQuarters(
  gemeenten: readonly GemeenteRef[],
  projects: readonly OpenDataProject[],
  quarters: readonly Kwartaal[],
  minProjects: number = MIN_PUBLIC_PROJECTS,
): OpenDataQuarters {
  const byGemeente = new Map<string, OpenDataProject[]>();
  for (const p of projects) byGemeente.set(p.gemeenteCode, [...(byGemeente.get(p.gemeenteCode) ?? []), p]);
  const items: OpenDataCell[] = [];
  for (const quarter of quarters) {
    const raw = gemeenten.map((g) => ({ g, cell: rawQuarterFigures(byGemeente.get(g.code) ?? [], quarter) }));
    const hidden = {} as Record<OpenDataMeasure, Set<string>>;
    for (const measure of OPEN_DATA_MEASURES) {
      const perProvince = new Map<string, number>();
      for (const { g, cell } of raw) perProvince.set(g.provincieCode, (perProvince.get(g.provincieCode) ?? 0) + cell[measure].projects);
      hidden[measure] = hiddenAreas(
        raw.map(({ g, cell }) => ({ code: g.code, provincieCode: g.provincieCode, projects: cell[measure].projects })),
        [...perProvince].map(([code, n]) => ({ code, projects: n })),
        minProjects,
      ).gemeenten;
    }
    const inner = { minProjects, totalPublished: true };
    for (const { g, cell } of raw) {
      const pipelineHidden = hidden.pipeline.has(g.code);
      items.push({
        gemeenteCode: g.code,
        gemeenteName: g.name,
        provincieCode: g.provincieCode,
        quarter,
        started: hidden.started.has(g.code) ? HIDDEN : shown(cell.started),
        completed: hidden.completed.has(g.code) ? HIDDEN : shown(cell.completed),
        pipeline: pipelineHidden ? HIDDEN : shown(cell.pipeline),
        pipelineByPhase: pipelineHidden
          ? PHASES.map((phase) => ({ phase, ...HIDDEN }))
          : discloseFigures(
              PHASES.map((phase) => ({ phase, ...cell.byPhase[phase] })),
              inner,
            ),
        pipelineByPlanStatus: pipelineHidden
          ? PLAN_STATUSES.map((planStatus) => ({ planStatus, ...HIDDEN }))
          : discloseFigures(
              PLAN_STATUSES.map((planStatus) => ({ planStatus, ...cell.byPlanStatus[planStatus] })),
              inner,
            ),
        pipelineBySegment: pipelineHidden
          ? SEGMENTS.map((segment) => ({ segment, ...HIDDEN }))
          : discloseFigures(
              SEGMENTS.map((segment) => ({ segment, ...cell.bySegment[segment] })),
              inner,
            ),
      });
    }
  }
  return { minProjects, rule: disclosureRule(minProjects), quarters: [...quarters], items };
}

/** The flat CSV columns of a cell, in order (field definitions: OpenDataFields in the HTTP schemas). */
export function openDataCsvColumns(): string[] {
  return [
    'gemeente_code',
    'gemeente_naam',
    'provincie_code',
    'kwartaal',
    'gestart_projecten',
    'gestart_woningen',
    'opgeleverd_projecten',
    'opgeleverd_woningen',
    'pijplijn_projecten',
    'pijplijn_woningen',
    ...PHASES.map((p) => `pijplijn_woningen_fase_${p}`),
    ...PLAN_STATUSES.map((s) => `pijplijn_woningen_planstatus_${s}`),
    ...SEGMENTS.map((s) => `pijplijn_woningen_segment_${s}`),
  ];
}

/** One CSV row of a cell, in the order of openDataCsvColumns(); a hidden figure is empty. */
export function openDataCsvRow(c: OpenDataCell): Array<string | number> {
  const v = (n: number | null) => (n === null ? '' : n);
  return [
    c.gemeenteCode,
    c.gemeenteName,
    c.provincieCode,
    c.quarter,
    v(c.started.projects),
    v(c.started.homes),
    v(c.completed.projects),
    v(c.completed.homes),
    v(c.pipeline.projects),
    v(c.pipeline.homes),
    ...c.pipelineByPhase.map((f) => v(f.homes)),
    ...c.pipelineByPlanStatus.map((f) => v(f.homes)),
    ...c.pipelineBySegment.map((f) => v(f.homes)),
  ];
}
