/**
 * The national roll-up (issue 3): production realised (CBS) and forecast against 100,000 a year, the
 * affordable and social shares, progress on the special targets, per province the attainment of its
 * target (for a map), and per versnellingstafel/region the use of the PPM; and plancapaciteit against
 * need with the 130% test. Set-based loading, pure computation in the domain.
 */
import { summarisePlanuitval, type Planuitval } from '../domain/withdrawal.ts';
import { HARD_PLAN_STATUSES, PLAN_STATUSES, type PlanStatus } from '../domain/codes.ts';
import { isIsoDate } from '../domain/dates.ts';
import { ConflictError, NotFoundError, ValidationError } from '../domain/errors.ts';
import { DEFAULT_ASSUMPTIONS, forecastByYear, pointEstimate, type RealisationAssumptions } from '../domain/forecast.ts';
import {
  NATION_AREA_ID,
  ppmUsage,
  ppmWindow,
  specialTargetProgress,
  type AreaTarget,
  type NationalArea,
  type PpmUsage,
  type SpecialTargetProgress,
} from '../domain/national.ts';
import {
  calculatePlancapaciteit,
  capacityPeriods,
  normFor,
  type AppliedNorm,
  type Need,
  type Period,
  type PeriodCapacity,
} from '../domain/plancapaciteit.ts';
import { POLICY } from '../domain/policy.ts';
import { bandFor, type Band } from '../domain/simulation.ts';
import { plannedByArea } from '../domain/national-summary.ts';
import type { NationalSummaryStore } from './national-summary-store.ts';
import { createFigureCache } from './figure-cache.ts';
import { readDataVersion } from '../storage/data-version.repository.ts';
import type { Db } from '../storage/db.ts';
import type { GeographyRepository } from '../storage/geography.repository.ts';
import type { NationalRepository } from '../storage/national.repository.ts';
import type { RealisationRepository } from '../storage/realisation.repository.ts';
import { requireMayChangeNorm, requireSignedIn, syntheticDataOnly, type Principal } from '../domain/access.ts';
import { diffFields } from '../domain/audit.ts';
import type { AuditRepository } from '../storage/audit.repository.ts';
import {
  areaFactsOf,
  authorizeAreaAndUnits,
  combineYear,
  findArea,
  loadAreaContext,
  targetOf,
  type AreaContext,
  type AreaForecastYear,
  type Breakdown,
  type OmittedUnits,
  type SimulationInfo,
} from './forecast.service.ts';

const FIRST_CBS_YEAR = 2012;

export interface OverviewRequest {
  /** Focus year of the map and the special targets (default: the year of asOf). */
  year?: number;
  /** 'YYYY-MM-DD': today for the quarter of the PPM figures (default: the clock). */
  asOf?: string;
  runs?: number;
  seed?: number;
}

export interface ProductionYear extends AreaForecastYear {
  /** CBS nieuwbouw (81955NED, 2012–2020, and later years loaded with `wbm import cbs`); null where CBS has no figure in the data. */
  realisedCbs: number | null;
  /** Opleveringen recorded in the monitor (M12). */
  opleveringenMonitor: number;
  affordableShare: number | null;
  socialShare: number | null;
}

export interface ProvinceAttainment {
  code: string;
  name: string;
  year: number;
  planned: number;
  expected: number;
  p10: number | null;
  p50: number | null;
  p90: number | null;
  target: number | null;
  targetBasis: AreaTarget['basis'];
  /** expected / target (for colouring a map); null without a target. */
  attainment: number | null;
  attainmentP50: number | null;
  gap: number | null;
}

export type RegionAttainment = Omit<ProvinceAttainment, 'code'> & { id: string; kind: string };

export interface PpmArea extends PpmUsage {
  id: string;
  kind: string;
  name: string;
  gemeenten: number;
}

export interface NationalOverview {
  asOf: string;
  /** When the data last changed ("stand per", ISO 8601): the figures count every change up to then. */
  dataAsOf: string;
  year: number;
  assumptions: { byPlanStatus: RealisationAssumptions; source: string; validFrom: string };
  simulation: SimulationInfo;
  production: { target: AreaTarget & { year: number }; source: string; years: ProductionYear[] };
  affordability: {
    year: number;
    expected: number;
    affordableShare: number | null;
    socialShare: number | null;
    targetAffordableShare: number;
    targetSocialShare: number;
    /** The years the share targets apply to (null: the policy default, no period known). */
    affordableYears: { from: number; to: number } | null;
    socialYears: { from: number; to: number } | null;
    meetsAffordable: boolean | null;
    meetsSocial: boolean | null;
  };
  specialTargets: SpecialTargetProgress[];
  provinces: ProvinceAttainment[];
  /** Versnellingstafels and woondealregio's: expected against target in the focus year (for a map). */
  regions: RegionAttainment[];
  ppm: { quarter: string; quarterStart: string; overdueBefore: string; rule: string; regions: PpmArea[]; provinces: PpmArea[] };
  notes: string[];
}

export interface CapacityDrillDown {
  planStatuses: PlanStatus[];
  /** The project list filtered by area and plan status (the list has no year-range filter; projectIds is exact). */
  href: string;
  projectIds?: string[];
  truncated?: boolean;
}

export interface AreaPlancapaciteit {
  area: NationalArea;
  /** The area's norm in its first period (each period has its own: `periods[].norm`); value null: no norm, no verdict. */
  norm: AppliedNorm;
  periods: Array<PeriodCapacity & { drillDown: { hard: CapacityDrillDown; soft: CapacityDrillDown } }>;
  withoutYear: { hard: number; soft: number };
}

export interface PlancapaciteitResult extends AreaPlancapaciteit {
  fromYear: number;
  /** Withdrawn plans of the area (src/domain/withdrawal.ts): in no capacity figure; `href` is the list behind the count. */
  planuitval: Planuitval & { href: string };
  definitions: { hard: string; soft: string; need: string; test: string };
  breakdown: AreaPlancapaciteit[];
  /** Units of the breakdown left out because the caller may not read them; null when none. */
  breakdownOmitted: OmittedUnits | null;
}

const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

export function createNationalService(deps: {
  db: Db;
  geography: GeographyRepository;
  national: NationalRepository;
  realisations: RealisationRepository;
  /** The sums per gemeente behind the overview (national-summary-store.ts). */
  summaries: NationalSummaryStore;
  /** Norm changes go into the audit trail (SPEC §7). */
  audit: AuditRepository;
  now?: () => Date;
  /** Demo mode: the public's figures come from the synthetic demo projects only (src/domain/access.ts). */
  publicDemoData?: boolean;
}) {
  const { db, national } = deps;
  const now = deps.now ?? (() => new Date());
  const today = () => now().toISOString().slice(0, 10);
  const ppmCache = createFigureCache(8);

  function areaUnits(ctx: AreaContext, area: NationalArea, breakdown: Breakdown): NationalArea[] {
    if (breakdown === 'gemeente') return area.gemeenteCodes.map((c) => findArea(ctx, `gemeente:${c}`));
    if (breakdown === 'provincie')
      return [...new Set(area.gemeenteCodes.map((c) => ctx.provincieOf.get(c)!))].sort().map((c) => findArea(ctx, `provincie:${c}`));
    if (breakdown === 'region') {
      const members = new Set(area.gemeenteCodes);
      return ctx.regions.filter((r) => r.gemeenteCodes.some((c) => members.has(c))).map((r) => findArea(ctx, r.id));
    }
    return [];
  }

  function needFor(ctx: AreaContext, area: NationalArea, period: Period): Need {
    let total = 0;
    let estimated = false;
    for (let y = period.from; y <= period.to; y++) {
      const t = targetOf(ctx, area, y);
      if (t.homesPerYear === null) {
        return { homes: null, basis: 'onbekend', explanation: `Geen opgave bekend voor ${y}; de behoefte over ${period.label} is onbekend.` };
      }
      total += t.homesPerYear;
      if (t.basis === 'geschat') estimated = true;
    }
    return {
      homes: Math.round(total),
      basis: estimated ? 'geschat' : 'vastgesteld',
      explanation: `Behoefte = de woningbouwopgave (doelen) over ${period.label}${estimated ? ', deels geschat uit de provinciale opgave naar de CBS-productie per gemeente' : ''}.`,
    };
  }

  return {
    /**
     * The national figures in full, as the ministry sees them. `principal`: a demo role (and the public in demo
     * mode) gets figures of the synthetic demo projects only (src/domain/access.ts). SPEC §7. Who sees them
     * unhidden is decided by the caller (public-stats.service.ts overviewFor).
     */
    async overview(request: OverviewRequest, principal: Principal): Promise<NationalOverview> {
      // The public in demo mode included: it lists the demo projects, so real figures would be computable back. SPEC §7.
      const syntheticOnly = syntheticDataOnly(principal, deps.publicDemoData ?? false);
      const asOf = request.asOf ?? today();
      if (!isIsoDate(asOf)) throw new ValidationError([{ path: 'asOf', code: 'date', message: 'Ongeldige datum: gebruik JJJJ-MM-DD.' }]);
      const asOfYear = Number(asOf.slice(0, 4));
      const year = request.year ?? asOfYear;
      if (year < FIRST_CBS_YEAR) {
        throw new ValidationError([
          { path: 'year', code: 'year_range', message: `Kies een jaar vanaf ${FIRST_CBS_YEAR} (het eerste jaar met CBS-cijfers in de data).` },
        ]);
      }
      const runs = request.runs ?? POLICY.simulation.runs;
      const seed = request.seed ?? POLICY.simulation.seed;
      const toYear = Math.max(POLICY.plancapaciteit.firstPeriodEnd, year + 4);
      const simFrom = Math.min(Math.max(asOfYear, FIRST_CBS_YEAR), year);
      const assumptions = DEFAULT_ASSUMPTIONS;
      const window = ppmWindow(asOf);

      const dataVersion = await readDataVersion(db);
      // The PPM counts read every project: once per data version, quarter and variant, kept for new processes too (issue 15 goal 4).
      const ppmCounts = (by: 'region' | 'provincie') => {
        const key = `ppm|${by}|${window.quarterStart}|${window.overdueBefore}|${syntheticOnly ? 'demo' : 'alle'}`;
        return ppmCache.get(dataVersion.version, key, () =>
          deps.summaries.kept(key, dataVersion, () => national.ppmCounts(db, by, window.quarterStart, window.overdueBefore, syntheticOnly)),
        );
      };
      const [ctx, sums, ppmRegions, ppmProvinces, provincies] = await Promise.all([
        loadAreaContext(db, deps),
        deps.summaries.load(syntheticOnly ? 'demo' : 'alle'),
        ppmCounts('region'),
        ppmCounts('provincie'),
        deps.geography.listProvincies(db),
      ]);
      // Planned homes per province (their sum is the nation).
      const planned = sums.derive(`planned|provincie|${FIRST_CBS_YEAR}-${toYear}`, () =>
        plannedByArea(sums.combined.planned, (g) => ctx.provincieOf.get(g) ?? null, FIRST_CBS_YEAR, toYear),
      );

      // Simulation over all gemeenten; bands per province and for the nation.
      const codes = ctx.gemeenten.map((g) => g.code);
      const { input, result, info } = await deps.summaries.simulate(sums, codes, assumptions, { runs, seed, fromYear: simFrom, toYear });
      const bandOf = (gemeenteCodes: readonly string[]): Map<number, Band> =>
        new Map(
          bandFor(
            result,
            gemeenteCodes.map((c) => input.gemeenteIndex.get(c)!),
          ).map((b) => [b.year, b]),
        );

      const nation = findArea(ctx, NATION_AREA_ID);
      const years = Array.from({ length: toYear - FIRST_CBS_YEAR + 1 }, (_, i) => FIRST_CBS_YEAR + i);
      const nationalForecast = forecastByYear(planned, null, years, assumptions);
      const nationalBand = bandOf(codes);
      const cbsTotals = ctx.cbsTotals;
      const monitor = sums.combined.opleveringen;
      const productionYears: ProductionYear[] = nationalForecast.map((f) => ({
        ...combineYear(f, nationalBand.get(f.year), targetOf(ctx, nation, f.year)),
        realisedCbs: cbsTotals.get(f.year) ?? null,
        opleveringenMonitor: monitor.get(f.year)?.homes ?? 0,
        affordableShare: share(f.expectedAffordable, f.expected),
        socialShare: share(f.expectedSocial, f.expected),
      }));

      // Affordability in the focus year against 2/3 betaalbaar and 30% sociaal (targets as data, POLICY as fallback).
      // A share target applies only to its own years (issue 8 item 20): outside them there is no verdict.
      const shareRecord = (metric: string) =>
        ctx.targetRecords.find(
          (t) => t.metric === metric && t.geoLevel === 'nation' && t.preferred && t.share !== null && year >= t.periodStart && year <= t.periodEnd,
        ) ?? ctx.targetRecords.find((t) => t.metric === metric && t.geoLevel === 'nation' && t.preferred && t.share !== null);
      const affordableRecord = shareRecord('betaalbaar_aandeel');
      const socialRecord = shareRecord('sociaal_aandeel');
      const yearsOf = (r: typeof affordableRecord) => (r ? { from: r.periodStart, to: r.periodEnd } : null);
      const inYears = (r: typeof affordableRecord) => !r || (year >= r.periodStart && year <= r.periodEnd);
      const focus = productionYears.find((y) => y.year === year)!;
      const targetAffordableShare = affordableRecord?.share ?? POLICY.targets.affordableShare;
      const targetSocialShare = socialRecord?.share ?? POLICY.targets.socialShare;

      // Special targets from the national facts.
      const facts = sums.combined.facts;

      // Provinces for the map.
      const provinceName = new Map(provincies.map((p) => [p.code, p.name]));
      const attainmentOf = (area: NationalArea, f: { planned: number; expected: number }) => {
        const band = bandOf(area.gemeenteCodes).get(year);
        const t = targetOf(ctx, area, year);
        const target = t.homesPerYear;
        // One forecast figure: the median of the simulation, as in the production table (issue 8 item 19).
        const expected = pointEstimate(f.expected, band);
        return {
          year,
          planned: f.planned,
          expected,
          p10: band?.p10 ?? null,
          p50: band?.p50 ?? null,
          p90: band?.p90 ?? null,
          target,
          targetBasis: t.basis,
          attainment: target ? expected / target : null,
          attainmentP50: target && band ? band.p50 / target : null,
          gap: target === null ? null : expected - target,
        };
      };
      const provinces: ProvinceAttainment[] = provincies.map((p) => {
        const f = forecastByYear(planned, new Set([p.code]), [year], assumptions)[0]!; // one year asked, one back
        return { code: p.code, name: p.name, ...attainmentOf(findArea(ctx, `provincie:${p.code}`), f) };
      });
      // Regions (versnellingstafels, woondealregio's) for the map: their gemeenten's planned homes in the focus year.
      const plannedByGemeente = sums.derive(`planned|gemeente|${year}`, () => plannedByArea(sums.combined.planned, (g) => g, year, year));
      const regions: RegionAttainment[] = ctx.regions.map((r) => {
        const area = findArea(ctx, r.id);
        const f = forecastByYear(plannedByGemeente, new Set(area.gemeenteCodes), [year], assumptions)[0]!;
        return { id: r.id, kind: r.kind, name: r.name, ...attainmentOf(area, f) };
      });

      const regionMeta = new Map(ctx.regions.map((r) => [r.id, r]));
      const gemeentenPer = new Map<string, number>();
      for (const g of ctx.gemeenten) gemeentenPer.set(g.provincieCode, (gemeentenPer.get(g.provincieCode) ?? 0) + 1);
      const ppmRegionsOut: PpmArea[] = ppmRegions
        .filter((r) => regionMeta.has(r.id))
        .map(({ id, ...c }) => ({
          id,
          kind: regionMeta.get(id)!.kind,
          name: regionMeta.get(id)!.name,
          gemeenten: regionMeta.get(id)!.gemeenteCodes.length,
          ...ppmUsage(c),
        }))
        .sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'versnellingstafel' ? -1 : 1));
      const ppmProvincesOut: PpmArea[] = ppmProvinces.map(({ id, ...c }) => ({
        id: `provincie:${id}`,
        kind: 'provincie',
        name: provinceName.get(id) ?? id,
        gemeenten: gemeentenPer.get(id) ?? 0,
        ...ppmUsage(c),
      }));

      const nationTarget = targetOf(ctx, nation, year);
      const lastCbsYear = Math.max(...cbsTotals.keys());
      return {
        asOf,
        dataAsOf: dataVersion.changedAt,
        year,
        assumptions: { byPlanStatus: assumptions, source: POLICY.realisation.source, validFrom: POLICY.realisation.validFrom },
        simulation: info,
        production: {
          target: { ...nationTarget, year },
          source:
            'Gerealiseerd: CBS 81955NED (nieuwbouw, bruto). Gepland: de jaarschijven van de projecten. Verwacht: de mediaan van de simulatie ' +
            '(jaarschijven × realisatiekans per planstatus, met de waargenomen vertragingen); bandbreedte: P10–P90 van dezelfde simulatie.',
          years: productionYears,
        },
        affordability: {
          year,
          expected: focus.expected,
          affordableShare: focus.affordableShare,
          socialShare: focus.socialShare,
          targetAffordableShare,
          targetSocialShare,
          affordableYears: yearsOf(affordableRecord),
          socialYears: yearsOf(socialRecord),
          meetsAffordable:
            focus.affordableShare === null || !inYears(affordableRecord) ? null : focus.affordableShare >= targetAffordableShare - 1e-9,
          meetsSocial: focus.socialShare === null || !inYears(socialRecord) ? null : focus.socialShare >= targetSocialShare - 1e-9,
        },
        specialTargets: specialTargetProgress(
          ctx.targetRecords,
          facts,
          year,
          assumptions,
          (y) => productionYears.find((p) => p.year === y)?.expected ?? null,
        ),
        provinces,
        regions,
        ppm: {
          ...window,
          rule:
            'Bijgewerkt dit kwartaal: project gewijzigd op of na de eerste dag van het kwartaal. Achterstallig: niet bijgewerkt in dit of het vorige kwartaal ' +
            '(Bijlage bij Kamerbrief Woontop, december 2024, afspraak 3B: de PPM wordt elk kwartaal bijgewerkt). PPM in gebruik: de tafel heeft projecten in de monitor.',
          regions: ppmRegionsOut,
          provinces: ppmProvincesOut,
        },
        notes: [
          `CBS-cijfers per gemeente zijn in de data beschikbaar voor ${FIRST_CBS_YEAR}–${lastCbsYear}; latere jaren tonen alleen de monitor en de verwachting.`,
          'Voorbeeldregio’s en demoprojecten zijn verzonnen; de cijfers zijn dan alleen een voorbeeld.',
        ],
      };
    },

    async plancapaciteit(
      request: {
        area?: string;
        breakdown?: Breakdown;
        fromYear?: number;
        includeProjects?: boolean;
        projectLimit?: number;
      },
      /** Whose figures: the area and every unit of the breakdown are checked (src/domain/access.ts). */
      principal: Principal,
    ): Promise<PlancapaciteitResult> {
      const fromYear = request.fromYear ?? now().getFullYear();
      const { firstPeriodEnd, secondPeriod } = POLICY.plancapaciteit;
      const periods = capacityPeriods(fromYear, firstPeriodEnd, secondPeriod);
      if (periods.length === 0) {
        throw new ValidationError([{ path: 'fromYear', code: 'year_range', message: `Kies een beginjaar tot en met ${secondPeriod.to}.` }]);
      }
      const ctx = await loadAreaContext(db, deps);
      const area = findArea(ctx, request.area ?? NATION_AREA_ID);
      const { units, omitted } = authorizeAreaAndUnits(ctx, principal, area, areaUnits(ctx, area, request.breakdown ?? 'none'));
      const codes = [...new Set([...area.gemeenteCodes, ...units.flatMap((u) => u.gemeenteCodes)])];
      const [rows, norms] = await Promise.all([
        national.capacityRows(db, {
          fromYear,
          toYear: secondPeriod.to,
          gemeenteCodes: area.kind === 'land' ? undefined : codes,
          syntheticOnly: syntheticDataOnly(principal),
        }),
        national.listNorms(db),
      ]);
      // Where and when the 130% applies (issue 8 item 25): a norm set for the area, else only listed areas to 2030.
      const normOf = (a: NationalArea, p: Period) =>
        normFor(
          a.id,
          p,
          norms.find((n) => n.areaId === a.id),
          POLICY.plancapaciteit,
        );
      const hard = [...HARD_PLAN_STATUSES];
      const soft = PLAN_STATUSES.filter((s) => !hard.includes(s));
      const limit = Math.min(request.projectLimit ?? 500, 5000);

      const forArea = async (a: NationalArea, withIds: boolean): Promise<AreaPlancapaciteit> => {
        const first = periods[0];
        const norm = first ? normOf(a, first) : { value: null, source: '' };
        const calc = calculatePlancapaciteit(
          rows,
          a.kind === 'land' ? null : new Set(a.gemeenteCodes),
          periods,
          (p) => needFor(ctx, a, p),
          (p) => normOf(a, p).value,
        );
        const region = a.kind === 'land' ? '' : `region=${encodeURIComponent(a.id)}&`;
        const drill = async (statuses: PlanStatus[], p: Period): Promise<CapacityDrillDown> => {
          const d: CapacityDrillDown = { planStatuses: statuses, href: `/api/v1/projects?${region}planStatus=${statuses.join(',')}` };
          if (withIds) {
            const ids = await national.capacityProjectIds(db, {
              gemeenteCodes: a.gemeenteCodes,
              planStatuses: statuses,
              fromYear,
              from: p.from,
              to: p.to,
              limit: limit + 1,
              syntheticOnly: syntheticDataOnly(principal),
            });
            d.projectIds = ids.slice(0, limit);
            d.truncated = ids.length > limit;
          }
          return d;
        };
        const periodsOut = [];
        for (const p of calc.periods) periodsOut.push({ ...p, drillDown: { hard: await drill(hard, p.period), soft: await drill(soft, p.period) } });
        return { area: a, norm, periods: periodsOut, withoutYear: calc.withoutYear };
      };

      const main = await forArea(area, request.includeProjects ?? false);
      const withdrawn = await national.withdrawnProjects(db, area.kind === 'land' ? undefined : area.gemeenteCodes, {
        syntheticOnly: syntheticDataOnly(principal),
      });
      const areaQuery = area.kind === 'land' ? '' : `region=${encodeURIComponent(area.id)}&`;
      const planuitval = { ...summarisePlanuitval(withdrawn), href: `/api/v1/projects?${areaQuery}lifecycle=vervallen` };
      const breakdown: AreaPlancapaciteit[] = [];
      for (const u of units) breakdown.push(await forArea(u, false));
      return {
        ...main,
        fromYear,
        planuitval,
        definitions: {
          hard: 'Hard = onherroepelijk + vastgesteld.',
          soft: 'Zacht = in voorbereiding, visie/potentie en onbekend.',
          need: 'Behoefte = de woningbouwopgave uit de doelen (vastgesteld of geschat), opgeteld over de jaren van de periode.',
          test:
            `Toets: plancapaciteit (hard + zacht, woningen nog op te leveren; achterstallige jaarschijven tellen in ${fromYear}) ≥ norm × behoefte. ` +
            'De norm van 130% geldt tot en met 2030 in gebieden met de grootste opgave; elders is hij niet altijd nodig. Zonder norm voor een gebied of periode staat ' +
            'alleen de verhouding erbij, zonder oordeel. Een norm is per gebied in te stellen, met een reden.',
        },
        breakdown,
        breakdownOmitted: omitted,
      };
    },

    /** The norms that differ from the default: settings for whoever is signed in. */
    async listNorms(principal: Principal) {
      requireSignedIn(principal);
      return national.listNorms(db);
    },

    /** Set the plancapaciteit norm of an area (new: no version; change: the version last read). */
    async setNorm(areaId: string, body: { norm: number; reason: string; version?: number }, principal: Principal) {
      const ctx = await loadAreaContext(db, deps);
      const area = findArea(ctx, areaId);
      authorizeAreaAndUnits(ctx, principal, area);
      requireMayChangeNorm(principal, areaFactsOf(ctx, area));
      if (!body.reason?.trim())
        throw new ValidationError([
          { path: 'reason', code: 'required', message: 'Geef een reden voor de afwijkende norm (bijvoorbeeld krimpregio).' },
        ]);
      const version = await db.transaction(async (tx) => {
        const existing = (await national.listNorms(tx)).find((n) => n.areaId === areaId);
        if (existing && body.version === undefined) {
          throw new ConflictError(
            `Voor dit gebied is al een norm ingesteld (versie ${existing.version}); stuur die versie mee om hem te wijzigen.`,
            existing.version,
          );
        }
        if (!existing && body.version !== undefined) throw new NotFoundError('Norm voor gebied', areaId);
        const v = await national.upsertNorm(tx, areaId, body.norm, body.reason.trim(), existing ? body.version! : null);
        if (v === null)
          throw new ConflictError(
            `Iemand anders heeft deze norm intussen gewijzigd (nu versie ${existing?.version}). Laad hem opnieuw.`,
            existing?.version,
          );
        // Every changed row is audited, norms too. SPEC §7.
        await deps.audit.append(tx, [
          {
            actorUserId: principal.userId,
            actorName: principal.name,
            via: principal.kind === 'token' ? 'api' : 'ui',
            entityType: 'plancapaciteitnorm',
            entityId: areaId,
            action: existing ? 'norm gewijzigd' : 'norm ingesteld',
            changes: diffFields(existing ? { norm: existing.norm, reason: existing.reason } : {}, { norm: body.norm, reason: body.reason.trim() }),
          },
        ]);
        return v;
      });
      return (await national.listNorms(db)).find((n) => n.areaId === areaId && n.version === version)!;
    },
  };
}

export type NationalService = ReturnType<typeof createNationalService>;
