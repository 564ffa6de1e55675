/**
 * Forecast of completions per area (gemeente, region, provincie, nation): jaarschijven × realisation
 * assumption, an uncertainty band from the Monte-Carlo simulation over the delays observed in the
 * project history, and the gap with the targets. Issue 3 "Forecast". Loads through repositories,
 * computes in the domain.
 */
import { requireReadableAreaUnits, syntheticDataOnly, type AreaFacts, type Principal } from '../domain/access.ts';
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import {
  DEFAULT_ASSUMPTIONS,
  forecastByYear,
  gap,
  plannedRows,
  pointEstimate,
  type ForecastYear,
  type GapRow,
  type NationalProject,
  type RealisationAssumptions,
} from '../domain/forecast.ts';
import type { Region } from '../domain/geography.ts';
import {
  areaAnnualTarget,
  housingTargets,
  NATION_AREA_ID,
  resolveArea,
  type AreaTarget,
  type GemeenteRef,
  type NationalArea,
  type TargetRecord,
} from '../domain/national.ts';
import { POLICY } from '../domain/policy.ts';
import { productionWeights } from '../domain/production-weights.ts';
import {
  bandFor,
  completionDelay,
  knownCompletionDelay,
  simulate,
  summariseDelays,
  type Band,
  type SimulationProject,
  type SimulationResult,
} from '../domain/simulation.ts';
import type { Target } from '../domain/targets.ts';
import { homesPerYear } from '../domain/national-summary.ts';
import type { Db } from '../storage/db.ts';
import type { GeographyRepository } from '../storage/geography.repository.ts';
import type { NationalRepository } from '../storage/national.repository.ts';
import type { RealisationRepository } from '../storage/realisation.repository.ts';

/** Reference data every national computation needs, loaded once per request. */
export interface AreaContext {
  gemeenten: GemeenteRef[];
  regions: Region[];
  targetRecords: TargetRecord[];
  housingTargets: Target[];
  provincieOf: Map<string, string>;
  weights: Map<string, number>;
  /** CBS 81955NED national nieuwbouw per year. */
  cbsTotals: Map<number, number>;
}

export async function loadAreaContext(
  db: Db,
  deps: { geography: GeographyRepository; national: NationalRepository; realisations: RealisationRepository },
): Promise<AreaContext> {
  const [refs, regions, targetRecords, cbs] = await Promise.all([
    deps.national.gemeenten(db),
    deps.geography.listRegions(db),
    deps.national.listTargets(db),
    deps.national.cbsSummary(db),
  ]);
  // One row per code holding its mean gives productionWeights the same mean as all its years would.
  const weights = productionWeights(
    cbs.means.map((c) => ({ gemeente_code: c.code, year: 'mean', new_construction: c.mean })),
    refs.map((g) => g.code),
  );
  return {
    gemeenten: refs,
    regions,
    targetRecords,
    housingTargets: housingTargets(targetRecords),
    provincieOf: new Map(refs.map((g) => [g.code, g.provincieCode])),
    weights,
    cbsTotals: cbs.totals,
  };
}

export function findArea(ctx: AreaContext, areaId: string): NationalArea {
  const area = resolveArea(areaId, ctx.gemeenten, ctx.regions);
  if (!area) throw new NotFoundError('Gebied', areaId);
  return area;
}

/** The facts the area rules need (src/domain/access.ts) of an area of the national geography. */
export function areaFactsOf(ctx: AreaContext, area: NationalArea): AreaFacts {
  return {
    id: area.id,
    gemeenteCodes: area.gemeenteCodes,
    provincieCodes: [...new Set(area.gemeenteCodes.map((c) => ctx.provincieOf.get(c)!).filter(Boolean))],
  };
}

/** Units of a breakdown the caller may not see are left out; the response says how many (null: none). */
export interface OmittedUnits {
  units: number;
  message: string;
}

/**
 * The access check of every area-level national figure: the area itself must be readable (else 403),
 * and of its breakdown only the units the caller may read are kept (src/domain/access.ts). Mandatory
 * in the services, so no route can forget it. SPEC §7.
 */
export function authorizeAreaAndUnits(
  ctx: AreaContext,
  principal: Principal,
  area: NationalArea,
  units: readonly NationalArea[] = [],
): { units: NationalArea[]; omitted: OmittedUnits | null } {
  const withFacts = units.map((u) => ({ ...areaFactsOf(ctx, u), unit: u }));
  const { units: readable, omitted } = requireReadableAreaUnits(principal, areaFactsOf(ctx, area), withFacts);
  return {
    units: readable.map((r) => r.unit),
    omitted:
      omitted === 0
        ? null
        : {
            units: omitted,
            message:
              omitted === 1
                ? 'Eén gebied in de uitsplitsing is weggelaten: u heeft geen toegang tot de cijfers van dat gebied.'
                : `${omitted} gebieden in de uitsplitsing zijn weggelaten: u heeft geen toegang tot de cijfers van die gebieden.`,
          },
  };
}

export function targetOf(ctx: AreaContext, area: NationalArea, year: number): AreaTarget {
  return areaAnnualTarget(area, year, ctx.housingTargets, ctx.provincieOf, ctx.weights);
}

export interface SimulationInput {
  projects: SimulationProject[];
  delaySamples: number[];
  /** Index of each gemeente code in the simulation. */
  gemeenteIndex: Map<string, number>;
}

/** Turn the national projects into simulation input: delay samples over all projects, projects of the given gemeenten. */
export function simulationInput(
  projects: readonly NationalProject[],
  gemeenteCodes: readonly string[],
  assumptions: RealisationAssumptions,
): SimulationInput {
  const gemeenteIndex = new Map(gemeenteCodes.map((c, i) => [c, i]));
  const delaySamples: number[] = [];
  const out: SimulationProject[] = [];
  for (const p of projects) {
    const d = completionDelay(p.m12, p.m11);
    if (d !== null) delaySamples.push(d);
    const g = gemeenteIndex.get(p.gemeenteCode);
    if (g === undefined || p.years.length === 0) continue;
    out.push({
      key: p.key,
      gemeente: g,
      probability: assumptions[p.planStatus],
      completed: Boolean(p.m12?.actualDate),
      knownDelayMonths: knownCompletionDelay(p.m12),
      ...homesPerYear(p.years, p.homes),
    });
  }
  // In ascending order: which observed delay a project draws must not depend on the order the projects were
  // loaded in (a parallel scan on PostgreSQL returns them in another order each time).
  delaySamples.sort((a, b) => a - b);
  return { projects: out, delaySamples, gemeenteIndex };
}

/**
 * The national project dataset, kept in memory and refreshed gemeente by gemeente: on every call a
 * cheap fingerprint per gemeente is read and only gemeenten whose projects changed are loaded again
 * (one project edited: one gemeente reloaded). Figures derived from the dataset and simulations are
 * reused until anything changes. Loads are serialised; concurrent callers wait for the one running.
 */
export function createNationalDataLoader(deps: { db: Db; national: NationalRepository }) {
  const store = new Map<string, { fingerprint: string; projects: NationalProject[] }>();
  let all: NationalProject[] = [];
  let counter = 0;
  let version = 'leeg';
  let queue: Promise<unknown> = Promise.resolve();
  let demoView: { version: string; projects: NationalProject[] } | null = null;
  // Figures derived from the dataset (pure functions of it), kept until the data changes. Bounded.
  const derived = new Map<string, unknown>();
  const remember = <T>(key: string, compute: () => T): T => {
    if (derived.has(key)) return derived.get(key) as T;
    const value = compute();
    if (derived.size >= 64) derived.delete(derived.keys().next().value!);
    derived.set(key, value);
    return value;
  };

  async function refresh(): Promise<{ version: string; projects: NationalProject[] }> {
    const fingerprints = await deps.national.gemeenteFingerprints(deps.db);
    const changed = [...fingerprints].filter(([g, f]) => store.get(g)?.fingerprint !== f).map(([g]) => g);
    const removed = [...store.keys()].filter((g) => !fingerprints.has(g));
    if (changed.length > 0 || removed.length > 0) {
      const fresh = changed.length === 0 ? [] : await deps.national.projectDataset(deps.db, store.size === 0 ? undefined : changed);
      const byGemeente = new Map<string, NationalProject[]>(changed.map((g) => [g, []]));
      for (const p of fresh) byGemeente.get(p.gemeenteCode)?.push(p);
      // Each gemeente's projects by key: sums over them come out the same whatever order the database returned.
      for (const [g, projects] of byGemeente) store.set(g, { fingerprint: fingerprints.get(g)!, projects: projects.sort((a, b) => a.key - b.key) });
      for (const g of removed) store.delete(g);
      all = [...store.keys()].sort().flatMap((g) => store.get(g)!.projects);
      version = `v${++counter}`;
      derived.clear();
    }
    return { version, projects: all };
  }

  return {
    /**
     * The current dataset and its version (changes whenever any project changed). `syntheticOnly`: the
     * synthetic demo projects only, for demo roles (src/domain/access.ts syntheticDataOnly), under a
     * version of its own so derived figures and simulations are never shared with the full dataset.
     */
    async load(options: { syntheticOnly?: boolean } = {}): Promise<{ version: string; projects: NationalProject[] }> {
      const next = queue.then(refresh, refresh);
      queue = next.catch(() => undefined);
      const full = await next;
      if (!options.syntheticOnly) return full;
      if (demoView?.version !== full.version) demoView = { version: full.version, projects: full.projects.filter((p) => p.synthetic) };
      return { version: `${full.version}|demo`, projects: demoView.projects };
    },

    /** A figure derived from the dataset of `version`, computed once per version and key. */
    derive<T>(version: string, key: string, compute: () => T): T {
      return remember(`${version}|${key}`, compute);
    },

    /** Run (or reuse) the simulation of these projects for this version, gemeenten, window, seed and assumptions. */
    simulate(
      version: string,
      projects: readonly NationalProject[],
      gemeenteCodes: readonly string[],
      assumptions: RealisationAssumptions,
      opts: { runs: number; seed: number; fromYear: number; toYear: number },
    ): { input: SimulationInput; result: SimulationResult; info: SimulationInfo } {
      const codesKey = gemeenteCodes.join(',');
      const input = remember(`${version}|input|${codesKey}|${JSON.stringify(assumptions)}`, () =>
        simulationInput(projects, gemeenteCodes, assumptions),
      );
      const run = remember(`${version}|simulation|${codesKey}|${JSON.stringify(assumptions)}|${JSON.stringify(opts)}`, () =>
        runSimulation(input, opts),
      );
      return { input, ...run };
    },
  };
}

export type NationalDataLoader = ReturnType<typeof createNationalDataLoader>;

export interface SimulationInfo {
  runs: number;
  seed: number;
  fromYear: number;
  toYear: number;
  delays: ReturnType<typeof summariseDelays> & { source: string };
  method: string;
}

export const SIMULATION_METHOD =
  'Per run gaat elk niet-opgeleverd project door met de realisatiekans van zijn planstatus (anders levert het niets op), en schuift het ' +
  'zijn jaarschijven op met een vertraging getrokken uit de waargenomen vertragingen van alle projecten (M12, anders M11: ' +
  'verwachte of werkelijke datum min basisdatum), verminderd met de vertraging die het project zelf al meldt. P10/P50/P90 zijn ' +
  'percentielen over de runs: 10%, 50% en 90% van de uitkomsten ligt daaronder. Dezelfde berekening geeft steeds dezelfde uitkomst.';

export function runSimulation(
  input: SimulationInput,
  opts: { runs: number; seed: number; fromYear: number; toYear: number },
): { result: SimulationResult; info: SimulationInfo } {
  const result = simulate(input.projects, { ...opts, gemeenten: input.gemeenteIndex.size, delaySamples: input.delaySamples });
  return { result, info: simulationInfo(input.delaySamples, opts) };
}

/** What the figures say of their simulation: its parameters, the observed delays it drew from, and the method. */
export function simulationInfo(
  delaySamples: readonly number[],
  opts: { runs: number; seed: number; fromYear: number; toYear: number },
): SimulationInfo {
  return {
    ...opts,
    delays: {
      ...summariseDelays(delaySamples),
      source: 'M12 (anders M11) van alle projecten: verwachte of werkelijke datum min basisdatum, in hele maanden',
    },
    method: SIMULATION_METHOD,
  };
}

export interface AreaForecastYear extends ForecastYear, Omit<GapRow, 'year'> {
  /** The point estimate: the median (P50) of the simulation where there is a band (pointEstimate in the domain). */
  expected: number;
  /** Planned × realisation assumption, without the simulated delays. */
  expectedWithoutDelay: number;
  /** 'p50': `expected` is the band's median; 'zonder_simulatie': no band in this year. */
  expectedBasis: 'p50' | 'zonder_simulatie';
  p10: number | null;
  p50: number | null;
  p90: number | null;
  targetBasis: AreaTarget['basis'];
  /** p50 − target; null without a target or band. */
  gapP50: number | null;
}

export interface AreaForecast {
  area: NationalArea;
  perYear: AreaForecastYear[];
  targetExplanation: string;
}

export interface ForecastResult {
  area: NationalArea;
  years: number[];
  assumptions: { byPlanStatus: RealisationAssumptions; source: string; validFrom: string };
  simulation: SimulationInfo;
  perYear: AreaForecastYear[];
  targetExplanation: string;
  breakdown: AreaForecast[];
  /** Units of the breakdown left out because the caller may not read them; null when none. */
  breakdownOmitted: OmittedUnits | null;
}

export type Breakdown = 'none' | 'gemeente' | 'provincie' | 'region';

export interface ForecastRequest {
  area?: string;
  fromYear?: number;
  toYear?: number;
  runs?: number;
  seed?: number;
  breakdown?: Breakdown;
  assumptions?: Partial<RealisationAssumptions>;
}

const MAX_YEARS = 25;

export function combineYear(f: ForecastYear, band: Band | undefined, target: AreaTarget): AreaForecastYear {
  const targetHomes = target.homesPerYear === null ? null : target.homesPerYear;
  const expected = pointEstimate(f.expected, band);
  const g = gap(f.year, expected, targetHomes);
  return {
    ...f,
    expected,
    expectedWithoutDelay: f.expected,
    expectedBasis: band ? 'p50' : 'zonder_simulatie',
    target: g.target,
    gap: g.gap,
    attainment: g.attainment,
    targetBasis: target.basis,
    p10: band?.p10 ?? null,
    p50: band?.p50 ?? null,
    p90: band?.p90 ?? null,
    gapP50: band && targetHomes !== null ? band.p50 - targetHomes : null,
  };
}

export function createForecastService(deps: {
  db: Db;
  geography: GeographyRepository;
  national: NationalRepository;
  realisations: RealisationRepository;
  data: NationalDataLoader;
  now?: () => Date;
}) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());

  function unitsOf(ctx: AreaContext, area: NationalArea, breakdown: Breakdown): NationalArea[] {
    const members = new Set(area.gemeenteCodes);
    if (breakdown === 'gemeente') return area.gemeenteCodes.map((c) => findArea(ctx, `gemeente:${c}`));
    if (breakdown === 'provincie') {
      const codes = [...new Set(area.gemeenteCodes.map((c) => ctx.provincieOf.get(c)!))].sort();
      return codes.map((c) => findArea(ctx, `provincie:${c}`));
    }
    if (breakdown === 'region') {
      return ctx.regions
        .filter((r) => r.gemeenteCodes.some((c) => members.has(c)))
        .map((r) => ({ id: r.id, kind: r.kind, name: r.name, gemeenteCodes: [...r.gemeenteCodes].sort() }));
    }
    return [];
  }

  return {
    /** The forecast of an area the principal may read, split into the units of the breakdown the principal may read. */
    async forecast(request: ForecastRequest, principal: Principal): Promise<ForecastResult> {
      const fromYear = request.fromYear ?? now().getFullYear();
      const toYear = request.toYear ?? Math.max(POLICY.plancapaciteit.firstPeriodEnd, fromYear + 6);
      if (toYear < fromYear || toYear - fromYear >= MAX_YEARS) {
        throw new ValidationError([
          { path: 'toYear', code: 'year_range', message: `Kies een periode van 1 tot ${MAX_YEARS} jaar, met het eindjaar na het beginjaar.` },
        ]);
      }
      const runs = request.runs ?? POLICY.simulation.runs;
      const seed = request.seed ?? POLICY.simulation.seed;
      const assumptions: RealisationAssumptions = { ...DEFAULT_ASSUMPTIONS, ...request.assumptions };
      const ctx = await loadAreaContext(db, deps);
      const area = findArea(ctx, request.area ?? NATION_AREA_ID);
      const breakdown = request.breakdown ?? (area.kind === 'land' ? 'provincie' : 'gemeente');
      const { units, omitted } = authorizeAreaAndUnits(ctx, principal, area, unitsOf(ctx, area, breakdown));
      // The breakdown may reach outside the area (a region overlapping it): load what every unit needs.
      const codes = [...new Set([...area.gemeenteCodes, ...units.flatMap((u) => u.gemeenteCodes)])].sort();
      const years = Array.from({ length: toYear - fromYear + 1 }, (_, i) => fromYear + i);

      const { version, projects } = await deps.data.load({ syntheticOnly: syntheticDataOnly(principal) });
      const members = new Set(codes);
      const planned = deps.data.derive(version, `planned|gemeente|${codes.join(',')}|${fromYear}-${toYear}`, () =>
        plannedRows(projects, (p) => (members.has(p.gemeenteCode) ? p.gemeenteCode : null), fromYear, toYear),
      );
      const { input, result, info } = deps.data.simulate(version, projects, codes, assumptions, { runs, seed, fromYear, toYear });

      const forecastOf = (a: NationalArea): AreaForecast => {
        const perYear = forecastByYear(planned, new Set(a.gemeenteCodes), years, assumptions);
        const bands = bandFor(
          result,
          a.gemeenteCodes.map((c) => input.gemeenteIndex.get(c)!),
        );
        const targets = years.map((y) => targetOf(ctx, a, y));
        return {
          area: a,
          // One target per year, and at least one year.
          perYear: perYear.map((f, i) => combineYear(f, bands[i], targets[i]!)),
          targetExplanation: targets.find((t) => t.homesPerYear !== null)?.explanation ?? targets[0]!.explanation,
        };
      };
      const main = forecastOf(area);
      return {
        area,
        years,
        assumptions: { byPlanStatus: assumptions, source: POLICY.realisation.source, validFrom: POLICY.realisation.validFrom },
        simulation: info,
        perYear: main.perYear,
        targetExplanation: main.targetExplanation,
        breakdown: units.map(forecastOf),
        breakdownOmitted: omitted,
      };
    },
  };
}

export type ForecastService = ReturnType<typeof createForecastService>;
