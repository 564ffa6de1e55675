/** Table dashboard (Tafeloverzicht) and alternatives for a region: load, then apply the pure domain. */
import { todayInNetherlands } from './today.ts';
import { proposeAlternatives, type Alternative } from '../domain/alternatives.ts';
import { summariseTable, type TableSummary } from '../domain/dashboard.ts';

type SummaryOptions = Parameters<typeof summariseTable>[1];
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import type { Region } from '../domain/geography.ts';
import type { RegionKind } from '../domain/codes.ts';
import {
  projectScope,
  requireAlternativesView,
  requireTableView,
  requireWholeTable,
  syntheticDataOnly,
  tableView,
  type Principal,
  type TableView,
} from '../domain/access.ts';
import type { AccessGuard } from './access.service.ts';
import { productionWeights } from '../domain/production-weights.ts';
import { regionAnnualTarget, type RegionTarget } from '../domain/targets.ts';
import type { DashboardRepository, NewEscalation } from '../storage/dashboard.repository.ts';
import { summarisePlanuitval, type Planuitval } from '../domain/withdrawal.ts';
import type { DelayReasonRepository } from '../storage/delay-reason.repository.ts';
import { describeDelayReason } from '../domain/delay-reason.ts';
import { newEscalationsSince } from '../domain/knelpunt.ts';
import type { Db } from '../storage/db.ts';
import type { GeographyRepository } from '../storage/geography.repository.ts';
import { createFigureCache, type FigureCache } from './figure-cache.ts';
import { createDataVersionReader, type DataVersionReader } from './data-version-reader.ts';

/** A defined region, or an area of the reference geography used as one (kind 'gebied'). */
export type Area = Omit<Region, 'kind'> & { kind: RegionKind | 'gebied' };

export interface RegionDashboard {
  region: Area;
  years: number[];
  targets: Array<{ year: number } & (RegionTarget | { homesPerYear: null; basis: 'onbekend'; explanation: string })>;
  summary: TableSummary;
  /** Withdrawn plans of the table (src/domain/withdrawal.ts): not in `summary`, counted here. */
  planuitval: Planuitval;
  /**
   * What the caller sees (src/domain/access.ts tableView): 'full', or 'member' (a gemeente or market party of
   * the table): all aggregates, but project-level items (delayed milestones, map points) only of the
   * `ownProjects` the caller may read.
   */
  access: { view: TableView; ownProjects: number };
  /** Open knelpunten newly escalated to the table (src/domain/knelpunt.ts newEscalationsSince), newest first. */
  newEscalations: { since: string; basis: 'round' | 'months'; items: NewEscalation[] };
  /** "Stand per": when the data these figures are computed from last changed (ISO 8601). */
  dataAsOf: string;
}

/**
 * The table's figures for everyone who sees the whole table: computed once per data version (figure-cache.ts).
 * Not the table's projects themselves (some 8 MB for 13,000 projects, per table and year range, issue 15 goal 3):
 * a member's own projects are read when a member asks.
 */
interface TableFigures {
  projectCount: number;
  targets: RegionDashboard['targets'];
  summary: TableSummary;
  planuitval: Planuitval;
  escalations: RegionDashboard['newEscalations'];
  options: SummaryOptions;
}

export interface AlternativesResult {
  region: Area;
  year: number;
  /** The table's figures: null when the caller may not read the table as a whole (per-project alternatives). */
  expected: number | null;
  target: number | null;
  shortfall: number | null;
  /** Why the table's figures are missing (Dutch); null when they are shown. */
  tableFiguresNote: string | null;
  candidates: Alternative[];
}

/** Shown instead of the table's figures to a caller who may read the project but not the whole table. */
export const TABLE_FIGURES_HIDDEN =
  'De totalen van de tafel (verwachte oplevering, opgave en tekort) ziet alleen wie de hele tafel mag inzien. U ziet hier alleen projecten die u zelf mag inzien.';

const MAX_YEARS = 15;

export function createDashboardService(deps: {
  db: Db;
  dashboards: DashboardRepository;
  delayReasons: DelayReasonRepository;
  geography: GeographyRepository;
  access: AccessGuard;
  now?: () => Date;
  /** Figures per data version; shared by the services of one process (default: one of its own). */
  figures?: FigureCache;
  /** The data version, one read shared by concurrent requests (default: a reader of its own). */
  versions?: DataVersionReader;
}) {
  const { db, dashboards, delayReasons, geography, access } = deps;
  const now = deps.now ?? (() => new Date());
  const figures = deps.figures ?? createFigureCache();
  const versions = deps.versions ?? createDataVersionReader(db);

  /** The reference geography (regions, gemeenten) read now; `reference(version)`: read once per data version, like the figures. */
  const current = {
    regions: () => geography.listRegions(db),
    gemeenten: () => geography.listGemeenten(db),
    provincieOf: () => geography.gemeenteCodes(db),
  };
  const reference = (version: number): typeof current => ({
    regions: () => figures.get(version, 'reference|regions', current.regions),
    gemeenten: () => figures.get(version, 'reference|gemeenten', current.gemeenten),
    provincieOf: () => figures.get(version, 'reference|provincie-of', current.provincieOf),
  });

  /**
   * A defined region (woondealregio, versnellingstafel) by id, or an area of the reference geography
   * as a region: `gemeente:GM0363`, `corop:CR23` (close to a woningmarktregio), `provincie:PV27`.
   */
  async function findRegion(regionId: string, ref = current): Promise<Area> {
    const [prefix = '', code] = regionId.split(':');
    if (code && ['gemeente', 'corop', 'provincie'].includes(prefix)) {
      const gemeenten = await ref.gemeenten();
      const members = gemeenten.filter((g) =>
        prefix === 'gemeente' ? g.code === code : prefix === 'corop' ? g.coropCode === code : g.provincieCode === code,
      );
      const first = members[0];
      if (!first) throw new NotFoundError('Gebied', regionId);
      const name =
        prefix === 'gemeente'
          ? `Gemeente ${first.name}`
          : prefix === 'corop'
            ? `COROP-gebied ${first.coropName}`
            : `Provincie ${first.provincieName}`;
      return { id: regionId, kind: 'gebied', name, gemeenteCodes: members.map((g) => g.code) };
    }
    const region = (await ref.regions()).find((r) => r.id === regionId);
    if (!region) throw new NotFoundError('Regio', regionId);
    return region;
  }

  /** Annual targets of a region per year, from the targets table (estimated where needed). */
  async function targetsFor(region: Area, years: number[]) {
    const [targets, gemeenten, production] = await Promise.all([
      dashboards.listTargets(db),
      geography.gemeenteCodes(db),
      dashboards.productionRows(db),
    ]);
    const weights = productionWeights(production, [...gemeenten.keys()]);
    return years.map((year) => ({
      year,
      ...(regionAnnualTarget(region, year, targets, gemeenten, weights) ?? {
        homesPerYear: null,
        basis: 'onbekend' as const,
        explanation: 'Geen opgave bekend voor dit jaar.',
      }),
    }));
  }

  /**
   * Knelpunten newly escalated to a table: since its open round opened, else in the last months (src/domain/knelpunt.ts
   * newEscalationsSince). An area that is no defined region has no round.
   */
  async function newEscalations(region: Area, today: string, syntheticOnly: boolean): Promise<RegionDashboard['newEscalations']> {
    const openedOn = region.kind === 'gebied' ? null : await dashboards.openRoundOpenedOn(db, region.id);
    const { since, basis } = newEscalationsSince(openedOn, today);
    return { since, basis, items: await dashboards.newEscalations(db, region.gemeenteCodes, since, { syntheticOnly }) };
  }

  /** Each delayed milestone listed with the latest reason given for moving it (src/domain/delay-reason.ts). */
  async function withDelayReasons(summary: TableSummary): Promise<TableSummary> {
    const items = summary.delayedMilestones.items;
    const reasons = await delayReasons.latestFor(db, [...new Set(items.map((i) => i.projectId))]);
    const reasonOf = (i: (typeof items)[number]) => {
      const r = reasons.get(`${i.projectId}/${i.code}`);
      return r ? describeDelayReason(r) : null;
    };
    return { ...summary, delayedMilestones: { ...summary.delayedMilestones, items: items.map((i) => ({ ...i, reason: reasonOf(i) })) } };
  }

  function yearRange(fromYear?: number, toYear?: number): number[] {
    const from = fromYear ?? now().getFullYear();
    const to = toYear ?? from + 6;
    if (to < from || to - from >= MAX_YEARS) {
      throw new ValidationError([
        { path: 'toYear', code: 'year_range', message: `Kies een periode van 1 tot ${MAX_YEARS} jaar, met het eindjaar na het beginjaar.` },
      ]);
    }
    return Array.from({ length: to - from + 1 }, (_, i) => from + i);
  }

  return {
    async regionDashboard(regionId: string, range: { fromYear?: number; toYear?: number }, principal: Principal): Promise<RegionDashboard> {
      const data = await versions.read();
      const ref = reference(data.version);
      const region = await findRegion(regionId, ref);
      const facts = { ...(await access.areaFacts(db, region, await ref.provincieOf())), isTable: region.kind !== 'gebied' };
      // Full readers are decided before anything is loaded; members need to know which projects are theirs.
      let view = tableView(principal, facts, false);
      let own: Set<string> | null = null;
      if (view !== 'full') {
        own = await dashboards.idsWithin(db, await dashboards.projectIdsIn(db, region.gemeenteCodes), projectScope(principal));
        view = requireTableView(principal, facts, own.size > 0);
      }
      const years = yearRange(range.fromYear, range.toYear);
      const syntheticOnly = syntheticDataOnly(principal);
      const today = todayInNetherlands(now());
      // The same figures for every caller of this scope until the data change; access is applied below, per caller.
      const key = `table|${region.id}|${region.gemeenteCodes.join(',')}|${years.join(',')}|${syntheticOnly}|${today}`;
      const { projectCount, targets, summary, planuitval, escalations, options } = await figures.get<TableFigures>(data.version, key, async () => {
        const [projects, targets, withdrawn] = await Promise.all([
          dashboards.loadProjects(db, region.gemeenteCodes, { syntheticOnly }),
          targetsFor(region, years),
          dashboards.withdrawnProjects(db, region.gemeenteCodes, { syntheticOnly }),
        ]);
        const targetByYear = new Map(targets.map((t) => [t.year, t.homesPerYear]));
        const options: SummaryOptions = { years, targetFor: (y: number) => targetByYear.get(y) ?? null, today };
        return {
          projectCount: projects.length,
          targets,
          summary: await withDelayReasons(summariseTable(projects, options)),
          planuitval: summarisePlanuitval(withdrawn),
          escalations: await newEscalations(region, today, syntheticOnly),
          options,
        };
      });
      if (view === 'full' || own === null) {
        return {
          region,
          years,
          targets,
          summary,
          planuitval,
          access: { view: 'full', ownProjects: projectCount },
          newEscalations: escalations,
          dataAsOf: data.changedAt,
        };
      }
      // Members: the table's aggregates; names and places only of their own projects. SPEC §7.
      const mine = await dashboards.loadProjects(db, region.gemeenteCodes, { syntheticOnly, ids: [...own] });
      const ownSummary = summariseTable(mine, options);
      return {
        region,
        years,
        targets,
        summary: await withDelayReasons({
          ...summary,
          delayedMilestones: { ...summary.delayedMilestones, items: ownSummary.delayedMilestones.items },
          mapPoints: ownSummary.mapPoints,
        }),
        planuitval,
        access: { view: 'member', ownProjects: mine.length },
        newEscalations: { ...escalations, items: escalations.items.filter((e) => own!.has(e.projectId)) },
        dataAsOf: data.changedAt,
      };
    },

    async regionAlternatives(regionId: string, year: number, principal: Principal, excludeProjectId?: string): Promise<AlternativesResult> {
      const region = await findRegion(regionId);
      // One rule for the table part, whether asked for the table or for one of its projects. SPEC §7.
      const tableVisible = requireAlternativesView(principal, await access.areaFacts(db, region), excludeProjectId !== undefined) === 'table';
      const [projects, targets] = await Promise.all([
        dashboards.loadProjects(db, region.gemeenteCodes, { syntheticOnly: syntheticDataOnly(principal) }),
        targetsFor(region, [year]),
      ]);
      // One year asked, one year back.
      const expected = summariseTable(projects, { years: [year] }).perYear[0]!.expected;
      const target = targets[0]!;
      const targetHomes = target.homesPerYear === null ? null : Math.round(target.homesPerYear);
      const candidates = proposeAlternatives(projects, { year, excludeProjectId });
      if (!tableVisible) return { region, year, expected: null, target: null, shortfall: null, tableFiguresNote: TABLE_FIGURES_HIDDEN, candidates };
      return {
        region,
        year,
        expected,
        target: targetHomes,
        shortfall: targetHomes === null ? 0 : Math.max(0, targetHomes - expected),
        tableFiguresNote: null,
        candidates,
      };
    },

    /**
     * The dashboard behind the table report and the export of all the table's projects: only for those
     * who see the whole table (src/domain/access.ts requireWholeTable); members get 403. SPEC §7.
     */
    async wholeTableDashboard(regionId: string, range: { fromYear?: number; toYear?: number }, principal: Principal): Promise<RegionDashboard> {
      const data = await this.regionDashboard(regionId, range, principal);
      requireWholeTable(data.access.view);
      return data;
    },

    /** Alternatives for a (delayed) project: in its versnellingstafel, else its woondealregio, else its COROP area. */
    async projectAlternatives(
      projectId: string,
      gemeenteCode: string,
      coropCode: string,
      year: number,
      principal: Principal,
    ): Promise<AlternativesResult> {
      const regions = await this.regionsOf(gemeenteCode);
      const result = await this.regionAlternatives(regions[0]?.id ?? `corop:${coropCode}`, year, principal, projectId);
      // Only candidates the principal may see at project level are named. SPEC §7.
      const visible = await dashboards.idsWithin(
        db,
        result.candidates.map((c) => c.projectId),
        projectScope(principal),
      );
      return { ...result, candidates: result.candidates.filter((c) => visible.has(c.projectId)) };
    },

    /** The regions (tables first) a gemeente belongs to. */
    async regionsOf(gemeenteCode: string): Promise<Region[]> {
      const regions = await geography.listRegions(db);
      return regions
        .filter((r) => r.gemeenteCodes.includes(gemeenteCode))
        .sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'versnellingstafel' ? -1 : 1));
    },
  };
}

export type DashboardService = ReturnType<typeof createDashboardService>;
