/** Table dashboard (Tafeloverzicht) and alternatives for a region: load, then apply the pure domain. */
import { proposeAlternatives, type Alternative } from '../domain/alternatives.ts';
import { summariseTable, type TableSummary } from '../domain/dashboard.ts';
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import type { Region } from '../domain/geography.ts';
import type { RegionKind } from '../domain/codes.ts';
import type { Principal } from '../domain/access.ts';
import type { AccessGuard } from './access.service.ts';
import { productionWeights } from '../domain/production-weights.ts';
import { regionAnnualTarget, type RegionTarget } from '../domain/targets.ts';
import type { DashboardRepository } from '../storage/dashboard.repository.ts';
import type { Db } from '../storage/db.ts';
import type { GeographyRepository } from '../storage/geography.repository.ts';

/** A defined region, or an area of the reference geography used as one (kind 'gebied'). */
export type Area = Omit<Region, 'kind'> & { kind: RegionKind | 'gebied' };

export interface RegionDashboard {
  region: Area;
  years: number[];
  targets: Array<{ year: number } & (RegionTarget | { homesPerYear: null; basis: 'onbekend'; explanation: string })>;
  summary: TableSummary;
}

export interface AlternativesResult {
  region: Area;
  year: number;
  expected: number;
  target: number | null;
  shortfall: number;
  candidates: Alternative[];
}

const MAX_YEARS = 15;

export function createDashboardService(deps: { db: Db; dashboards: DashboardRepository; geography: GeographyRepository; access: AccessGuard; now?: () => Date }) {
  const { db, dashboards, geography, access } = deps;
  const now = deps.now ?? (() => new Date());

  /**
   * A defined region (woondealregio, versnellingstafel) by id, or an area of the reference geography
   * as a region: `gemeente:GM0363`, `corop:CR23` (close to a woningmarktregio), `provincie:PV27`.
   */
  async function findRegion(regionId: string): Promise<Area> {
    const [prefix, code] = regionId.split(':');
    if (code && ['gemeente', 'corop', 'provincie'].includes(prefix)) {
      const gemeenten = await geography.listGemeenten(db);
      const members = gemeenten.filter((g) =>
        prefix === 'gemeente' ? g.code === code : prefix === 'corop' ? g.coropCode === code : g.provincieCode === code,
      );
      if (members.length === 0) throw new NotFoundError('Gebied', regionId);
      const first = members[0];
      const name = prefix === 'gemeente' ? `Gemeente ${first.name}` : prefix === 'corop' ? `COROP-gebied ${first.coropName}` : `Provincie ${first.provincieName}`;
      return { id: regionId, kind: 'gebied', name, gemeenteCodes: members.map((g) => g.code) };
    }
    const region = (await geography.listRegions(db)).find((r) => r.id === regionId);
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

  function yearRange(fromYear?: number, toYear?: number): number[] {
    const from = fromYear ?? now().getFullYear();
    const to = toYear ?? from + 6;
    if (to < from || to - from >= MAX_YEARS) {
      throw new ValidationError([{ path: 'toYear', code: 'year_range', message: `Kies een periode van 1 tot ${MAX_YEARS} jaar, met het eindjaar na het beginjaar.` }]);
    }
    return Array.from({ length: to - from + 1 }, (_, i) => from + i);
  }

  return {
    async regionDashboard(regionId: string, range: { fromYear?: number; toYear?: number }, principal: Principal): Promise<RegionDashboard> {
      const region = await findRegion(regionId);
      await access.assertCanReadArea(db, principal, region);
      const years = yearRange(range.fromYear, range.toYear);
      const [projects, targets] = await Promise.all([dashboards.loadProjects(db, region.gemeenteCodes), targetsFor(region, years)]);
      const targetByYear = new Map(targets.map((t) => [t.year, t.homesPerYear]));
      const summary = summariseTable(projects, { years, targetFor: (y) => targetByYear.get(y) ?? null });
      return { region, years, targets, summary };
    },

    async regionAlternatives(regionId: string, year: number, principal: Principal, excludeProjectId?: string): Promise<AlternativesResult> {
      const region = await findRegion(regionId);
      if (!excludeProjectId) await access.assertCanReadArea(db, principal, region);
      const [projects, [target]] = await Promise.all([dashboards.loadProjects(db, region.gemeenteCodes), targetsFor(region, [year])]);
      const expected = summariseTable(projects, { years: [year] }).perYear[0].expected;
      const targetHomes = target.homesPerYear === null ? null : Math.round(target.homesPerYear);
      return {
        region,
        year,
        expected,
        target: targetHomes,
        shortfall: targetHomes === null ? 0 : Math.max(0, targetHomes - expected),
        candidates: proposeAlternatives(projects, { year, excludeProjectId }),
      };
    },

    /** Alternatives for a (delayed) project: in its versnellingstafel, else its woondealregio, else its COROP area. */
    async projectAlternatives(projectId: string, gemeenteCode: string, coropCode: string, year: number, principal: Principal): Promise<AlternativesResult> {
      const regions = await this.regionsOf(gemeenteCode);
      const result = await this.regionAlternatives(regions[0]?.id ?? `corop:${coropCode}`, year, principal, projectId);
      // Only candidates the principal may see at project level are named. SPEC §7.
      const visible = await dashboards.readableIds(db, result.candidates.map((c) => c.projectId), principal);
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
