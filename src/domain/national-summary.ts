/**
 * The national overview from sums per gemeente (issue 15 goal 4). Everything the overview shows is a sum over
 * gemeenten: planned homes per year and plan status, opleveringen, the special-target facts, the observed
 * completion delays (as a histogram: the sorted samples are the same), and the simulation, whose runs add up per
 * gemeente because each project draws from its own random stream (simulation.ts). So each gemeente is summarised
 * on its own, kept while its projects do not change, and only changed gemeenten are summarised again: at 400,000
 * projects the overview then reads a few hundred summaries instead of every project.
 *
 * Pure: no I/O. Summing gemeenten in code order gives the planned homes, opleveringen, delays and simulation bands
 * exactly as a computation over all projects does; the programme shares of the facts (ouderen, studenten) are
 * fractional and may differ from it in the last bits of a floating-point number.
 */
import { PLAN_STATUSES, type PlanStatus } from './codes.ts';
import { opleveringenPerYear, plannedRows, type NationalProject, type PlannedRow, type RealisationAssumptions } from './forecast.ts';
import { emptyFactRow, nationalFacts, type FactRow, type NationalFacts } from './national.ts';
import { completionDelay, knownCompletionDelay, type SimulationProject } from './simulation.ts';

/** What the national overview needs of one gemeente's projects; plain JSON. */
export interface GemeenteSummary {
  /** Jaarschijven per year and plan status, all years (code: the gemeente). */
  planned: PlannedRow[];
  /** Opleveringen recorded by M12 per year: [year, homes, projects]. */
  opleveringen: Array<[number, number, number]>;
  facts: { perYear: Array<[number, Record<PlanStatus, FactRow>]>; doorbraakHomes: Record<PlanStatus, number> };
  /** Observed completion delays (simulation.ts completionDelay) as [months, how many projects]. */
  delays: Array<[number, number]>;
}

/** The summary of one gemeente's projects. */
export function summariseGemeente(projects: readonly NationalProject[]): GemeenteSummary {
  const facts = nationalFacts(projects);
  const delays = new Map<number, number>();
  for (const p of projects) {
    const d = completionDelay(p.m12, p.m11);
    if (d !== null) delays.set(d, (delays.get(d) ?? 0) + 1);
  }
  return {
    planned: plannedRows(projects, (p) => p.gemeenteCode, -Infinity, Infinity),
    opleveringen: [...opleveringenPerYear(projects)].map(([year, r]) => [year, r.homes, r.projects]),
    facts: { perYear: [...facts.perYear], doorbraakHomes: facts.doorbraakHomes },
    delays: [...delays],
  };
}

/** The sums of many gemeenten, as the functions over all projects give them (forecast.ts, national.ts). */
export interface CombinedSummary {
  /** plannedRows with the gemeente as code, every year. */
  planned: PlannedRow[];
  opleveringen: Map<number, { homes: number; projects: number }>;
  facts: NationalFacts;
  /** Every observed delay, ascending (as simulationInput gives them). */
  delaySamples: number[];
}

/** Combine gemeente summaries; pass them in gemeente-code order for results that do not depend on the caller. */
export function combineSummaries(summaries: Iterable<GemeenteSummary>): CombinedSummary {
  const planned: PlannedRow[] = [];
  const opleveringen = new Map<number, { homes: number; projects: number }>();
  const facts: NationalFacts = {
    perYear: new Map(),
    doorbraakHomes: Object.fromEntries(PLAN_STATUSES.map((s) => [s, 0])) as Record<PlanStatus, number>,
  };
  const delays = new Map<number, number>();
  for (const s of summaries) {
    planned.push(...s.planned);
    for (const [year, homes, projects] of s.opleveringen) {
      const r = opleveringen.get(year) ?? { homes: 0, projects: 0 };
      r.homes += homes;
      r.projects += projects;
      opleveringen.set(year, r);
    }
    for (const status of PLAN_STATUSES) facts.doorbraakHomes[status] += s.facts.doorbraakHomes[status];
    for (const [year, perStatus] of s.facts.perYear) {
      let into = facts.perYear.get(year);
      if (!into) {
        into = Object.fromEntries(PLAN_STATUSES.map((st) => [st, emptyFactRow()])) as Record<PlanStatus, FactRow>;
        facts.perYear.set(year, into);
      }
      for (const status of PLAN_STATUSES) {
        const to = into[status];
        const from = perStatus[status];
        for (const k of Object.keys(to) as Array<keyof FactRow>) to[k] += from[k];
      }
    }
    for (const [months, n] of s.delays) delays.set(months, (delays.get(months) ?? 0) + n);
  }
  const delaySamples: number[] = [];
  for (const [months, n] of [...delays].sort((a, b) => a[0] - b[0])) for (let i = 0; i < n; i++) delaySamples.push(months);
  return { planned, opleveringen, facts, delaySamples };
}

/** planned rows of gemeenten re-keyed to the area `codeOf` gives (null: left out) and limited to the years, summed. */
export function plannedByArea(
  rows: readonly PlannedRow[],
  codeOf: (gemeenteCode: string) => string | null,
  fromYear: number,
  toYear: number,
): PlannedRow[] {
  const out = new Map<string, PlannedRow>();
  for (const r of rows) {
    if (r.year < fromYear || r.year > toYear) continue;
    const code = codeOf(r.code);
    if (code === null) continue;
    const key = `${code}|${r.year}|${r.planStatus}`;
    const into = out.get(key);
    if (!into) out.set(key, { ...r, code });
    else {
      into.homes += r.homes;
      into.affordable += r.affordable;
      into.social += r.social;
    }
  }
  return [...out.values()];
}

/**
 * A gemeente's projects as simulation input, packed in 32-bit integers so it can be kept outside the process:
 * per project [key, plan status index, completed, known delay, n, then n × (year, homes)]. The probability is
 * the realisation assumption of the plan status, applied when unpacked. Projects in key order, as the
 * national dataset holds them, so a gemeente's runs add up in the same order.
 */
export function packSimulationProjects(projects: readonly NationalProject[]): Int32Array {
  const out: number[] = [];
  for (const p of projects) {
    if (p.years.length === 0) continue;
    const { years, homes } = homesPerYear(p.years, p.homes);
    out.push(p.key | 0, PLAN_STATUSES.indexOf(p.planStatus), p.m12?.actualDate ? 1 : 0, knownCompletionDelay(p.m12), years.length);
    for (let i = 0; i < years.length; i++) out.push(years[i]!, homes[i]!); // one length
  }
  return Int32Array.from(out);
}

/** The projects of `packSimulationProjects`, placed in gemeente `gemeente` of a simulation. */
export function unpackSimulationProjects(packed: Int32Array, gemeente: number, assumptions: RealisationAssumptions): SimulationProject[] {
  const out: SimulationProject[] = [];
  for (let at = 0; at < packed.length;) {
    const key = packed[at]! >>> 0;
    const status = PLAN_STATUSES[packed[at + 1]!]!; // written from PLAN_STATUSES
    const completed = packed[at + 2] === 1;
    const knownDelayMonths = packed[at + 3]!;
    const n = packed[at + 4]!;
    at += 5;
    const years: number[] = [];
    const homes: number[] = [];
    for (let i = 0; i < n; i++, at += 2) {
      years.push(packed[at]!);
      homes.push(packed[at + 1]!);
    }
    out.push({ key, gemeente, probability: assumptions[status], completed, knownDelayMonths, years, homes });
  }
  return out;
}

/**
 * The simulation moves whole years of a project: its homes summed over the segments per year, the years in the
 * order they first appear. A small linear search per jaarschijf (a project has a handful): no map per project,
 * which at 400,000 projects cost more than the simulation itself.
 */
export function homesPerYear(years: readonly number[], homes: readonly number[]): { years: number[]; homes: number[] } {
  const outYears: number[] = [];
  const outHomes: number[] = [];
  for (let i = 0; i < years.length; i++) {
    const year = years[i]!; // i < years.length: the jaarschijf columns have one length (NationalProject)
    const at = outYears.indexOf(year);
    if (at < 0) {
      outYears.push(year);
      outHomes.push(homes[i] ?? 0);
    } else outHomes[at]! += homes[i] ?? 0;
  }
  // Copied to their exact length: the input is kept per data version, and an array grown by push holds room for 16+.
  return { years: outYears.slice(), homes: outHomes.slice() };
}
