/**
 * What the public sees of the register (SPEC §1: "public, researchers: aggregated open data and maps; no
 * project-level confidential data"; §7): counts of projects and homes per gemeente and province (JSON and
 * GeoJSON), the project count per gemeente of the reference list, and the national overview, each with
 * the rule of src/domain/disclosure.ts applied (no figure from fewer than POLICY.disclosure.minProjects
 * projects). No project is named or located.
 */
import {
  disclosureRule,
  MIN_PUBLIC_PROJECTS,
  projectsPerYear,
  projectsWithHomesIn,
  publicAggregates,
  specialTargetProjects,
  suppressedCells,
  type PublicAggregates,
} from '../domain/disclosure.ts';
import { PLAN_STATUSES } from '../domain/codes.ts';
import { ANONYMOUS, seesSmallFigures, seesWholeRegister, syntheticDataOnly, type Principal } from '../domain/access.ts';
import type { NationalProject } from '../domain/forecast.ts';
import { openDataQuarters, quarterRange, type OpenDataCell, type OpenDataQuarters } from '../domain/open-data.ts';
import { quarterOf, type Kwartaal } from '../domain/kwartaal.ts';
import { todayInNetherlands } from './today.ts';
import type { Db } from '../storage/db.ts';
import type { GeographyRepository } from '../storage/geography.repository.ts';
import type { PublicStatsRepository } from '../storage/public-stats.repository.ts';
import type { NationalOverview, NationalService, OverviewRequest } from './national.service.ts';

export type AggregateLevel = 'gemeente' | 'provincie';

export interface OpenDataRequest {
  /** First quarter; default: the current quarter. */
  from?: Kwartaal;
  /** Last quarter; default: the current quarter. */
  to?: Kwartaal;
  gemeente?: string;
  provincie?: string;
}

/** The flat properties of one open-data cell as a GeoJSON feature (and an OGC API Features item). */
export function openDataProperties(c: OpenDataCell): Record<string, string | number | boolean | null> {
  const properties: Record<string, string | number | boolean | null> = {
    gemeenteCode: c.gemeenteCode,
    gemeenteName: c.gemeenteName,
    provincieCode: c.provincieCode,
    quarter: c.quarter,
    startedProjects: c.started.projects,
    startedHomes: c.started.homes,
    completedProjects: c.completed.projects,
    completedHomes: c.completed.homes,
    pipelineProjects: c.pipeline.projects,
    pipelineHomes: c.pipeline.homes,
  };
  for (const f of c.pipelineByPhase) properties[`pipelineHomes_${f.phase}`] = f.homes;
  for (const f of c.pipelineByPlanStatus) properties[`pipelineHomes_${f.planStatus}`] = f.homes;
  for (const f of c.pipelineBySegment) properties[`pipelineHomes_${f.segment}`] = f.homes;
  return properties;
}

export interface PublicOverview extends NationalOverview {
  disclosure: { minProjects: number; rule: string };
}

export function createPublicStatsService(deps: {
  db: Db;
  geography: GeographyRepository;
  stats: PublicStatsRepository;
  data: { load(filter?: { syntheticOnly?: boolean }): Promise<{ version: string; projects: NationalProject[] }> };
  /** Demo mode: the public lists the synthetic demo projects, so its figures are of those only (src/domain/access.ts). */
  publicDemoData?: boolean;
  /** The full national figures, hidden here for whoever may not see them unhidden. */
  national?: Pick<NationalService, 'overview'>;
}) {
  const { db, geography, stats } = deps;
  // The public's register: in demo mode the demo projects only, else real figures would be computable back
  // from the aggregates minus the demo projects it can list (SPEC §7).
  const syntheticOnly = syntheticDataOnly(ANONYMOUS, deps.publicDemoData ?? false);

  /** Computed over the whole country (the hiding pattern depends on every area), then limited to the province asked for. */
  async function aggregates(level: AggregateLevel, provincie?: string): Promise<PublicAggregates> {
    const [rows, segments, provincies, gemeenten] = await Promise.all([
      stats.projectCells(db, undefined, syntheticOnly),
      stats.segmentCells(db, undefined, syntheticOnly),
      geography.listProvincies(db),
      geography.listGemeenten(db),
    ]);
    const result = publicAggregates(
      level,
      {
        provincies: provincies.map((p) => ({ code: p.code, name: p.name, provincieCode: null })),
        gemeenten: gemeenten.map((g) => ({ code: g.code, name: g.name, provincieCode: g.provincieCode })),
      },
      rows,
      segments,
    );
    if (!provincie) return result;
    return { ...result, items: result.items.filter((i) => (level === 'gemeente' ? i.provincieCode : i.code) === provincie) };
  }

  /** Open data per gemeente and quarter (src/domain/open-data.ts), computed over the whole country, then filtered. */
  async function quarters(request: OpenDataRequest = {}): Promise<OpenDataQuarters> {
    const current = quarterOf(todayInNetherlands());
    const to = request.to ?? current;
    const from = request.from ?? to;
    const [projects, gemeenten] = await Promise.all([stats.openDataProjects(db, syntheticOnly), geography.listGemeenten(db)]);
    const result = openDataQuarters(
      gemeenten.map((g) => ({ code: g.code, name: g.name, provincieCode: g.provincieCode })),
      projects,
      quarterRange(from, to),
    );
    const items = result.items.filter(
      (i) => (!request.gemeente || i.gemeenteCode === request.gemeente) && (!request.provincie || i.provincieCode === request.provincie),
    );
    return { ...result, items };
  }

  return {
    aggregates,
    quarters,

    /** The open data of the quarters on the gemeente boundaries: one feature per gemeente and quarter (id `GM0363-2026-Q3`). */
    async quartersGeoJson(request: OpenDataRequest = {}) {
      const [data, boundaries] = await Promise.all([quarters(request), geography.boundaries(db, 'gemeente')]);
      const geometry = new Map(
        (boundaries.features as Array<{ properties: { code: string }; geometry: unknown }>).map((f) => [f.properties.code, f.geometry]),
      );
      return {
        type: 'FeatureCollection' as const,
        rule: data.rule,
        minProjects: data.minProjects,
        features: data.items
          .filter((c) => geometry.has(c.gemeenteCode))
          .map((c) => ({
            type: 'Feature' as const,
            id: `${c.gemeenteCode}-${c.quarter}`,
            properties: openDataProperties(c),
            geometry: geometry.get(c.gemeenteCode),
          })),
      };
    },

    /** The aggregates on the boundaries of the areas, as GeoJSON (flat properties, for GIS). */
    async aggregatesGeoJson(level: AggregateLevel, provincie?: string) {
      const [data, boundaries] = await Promise.all([aggregates(level, provincie), geography.boundaries(db, level)]);
      const byCode = new Map(data.items.map((i) => [i.code, i]));
      const features = (boundaries.features as Array<{ type: 'Feature'; id: string; properties: { code: string }; geometry: unknown }>)
        .filter((f) => byCode.has(f.properties.code))
        .map((f) => {
          const a = byCode.get(f.properties.code)!;
          const properties: Record<string, string | number | boolean | null> = {
            code: a.code,
            name: a.name,
            provincieCode: a.provincieCode,
            projects: a.projects,
            homes: a.homes,
            suppressed: a.suppressed,
          };
          for (const p of a.byPhase) properties[`homes_${p.phase}`] = p.homes;
          for (const s of a.bySegment) properties[`homes_${s.segment}`] = s.homes;
          return { type: 'Feature' as const, id: a.code, properties, geometry: f.geometry };
        });
      return { type: 'FeatureCollection' as const, rule: data.rule, minProjects: data.minProjects, features };
    },

    /**
     * The national overview as this principal may see it: in full for those who see small figures (ministry,
     * administrators: src/domain/access.ts seesSmallFigures), else the public version, with the default number
     * of simulation runs (a heavy computation is not for anyone to ask for). SPEC §1, §7.
     */
    async overviewFor(
      request: OverviewRequest,
      principal: Principal,
    ): Promise<NationalOverview & { disclosure: PublicOverview['disclosure'] | null }> {
      if (!deps.national) throw new Error('public-stats: no national service wired');
      if (seesSmallFigures(principal)) return { ...(await deps.national.overview(request, principal)), disclosure: null };
      const { runs: _runs, seed: _seed, ...publicRequest } = request;
      return this.publicOverview(await deps.national.overview(publicRequest, principal), principal);
    },

    /**
     * The gemeenten with their project count as this principal may see it: the register's own count for those
     * who see the whole register (src/domain/access.ts seesWholeRegister); everyone else, demo roles included,
     * the public count (null where hidden). SPEC §1, §7.
     */
    async withProjectCounts<T extends { code: string; projectCount: number | null }>(list: T[], principal: Principal): Promise<T[]> {
      if (seesWholeRegister(principal)) return list;
      const counts = await this.gemeenteCounts();
      return list.map((g) => ({ ...g, projectCount: counts.get(g.code) ?? null }));
    },

    /** Projects per gemeente as the public may see them (null where fewer than the minimum, or computable back). */
    async gemeenteCounts(): Promise<Map<string, number | null>> {
      const data = await aggregates('gemeente');
      return new Map(data.items.map((i) => [i.code, i.projects]));
    },

    /**
     * The national overview as the public sees it: the same figures, but every cell of a year, province,
     * region or special target built from fewer than the minimum number of projects is hidden (see
     * `suppressed`), and provinces (whose sum is the published national figure) get secondary suppression.
     * `viewer`: whose overview it is; the projects counted are those its figures were built from (demo roles
     * and the public in demo mode: the demo projects). No viewer: the public.
     */
    async publicOverview(overview: NationalOverview, viewer: Principal = ANONYMOUS): Promise<PublicOverview> {
      const { projects } = await deps.data.load({ syntheticOnly: syntheticDataOnly(viewer, deps.publicDemoData ?? false) });
      const min = MIN_PUBLIC_PROJECTS;
      const provincieOf = new Map((await geography.listGemeenten(db)).map((g) => [g.code, g.provincieCode]));
      const regionGemeenten = new Map(overview.regions.map((r) => [r.id, r]));
      const regionsOf = new Map<string, string[]>();
      for (const r of await geography.listRegions(db)) {
        if (!regionGemeenten.has(r.id)) continue;
        for (const g of r.gemeenteCodes) regionsOf.set(g, [...(regionsOf.get(g) ?? []), r.id]);
      }
      const tooFew = (n: number) => n > 0 && n < min;

      // Production per year: the nation's figures of a year with too few projects are hidden.
      const perYear = projectsPerYear(projects);
      const zeroPlan = Object.fromEntries(
        PLAN_STATUSES.map((s) => [s, { planned: 0, expected: 0 }]),
      ) as NationalOverview['production']['years'][number]['byPlanStatus'];
      const opleveringen = new Map<number, number>();
      for (const p of projects) {
        const y = p.m12?.actualDate ? Number(p.m12.actualDate.slice(0, 4)) : null;
        if (y !== null) opleveringen.set(y, (opleveringen.get(y) ?? 0) + 1);
      }
      const years = overview.production.years.map((y) => {
        const monitorHidden = tooFew(opleveringen.get(y.year) ?? 0);
        const row = { ...y, opleveringenMonitor: monitorHidden ? 0 : y.opleveringenMonitor, suppressed: monitorHidden };
        if (!tooFew(perYear.get(y.year) ?? 0)) return row;
        return {
          ...row,
          planned: 0,
          expected: 0,
          expectedAffordable: 0,
          expectedSocial: 0,
          byPlanStatus: zeroPlan,
          p10: null,
          p50: null,
          p90: null,
          gap: null,
          gapP50: null,
          attainment: null,
          affordableShare: null,
          socialShare: null,
          suppressed: true,
        };
      });
      const focusHidden = tooFew(perYear.get(overview.year) ?? 0);

      // Provinces and regions in the focus year.
      const hideAttainment = <T extends NationalOverview['provinces'][number] | NationalOverview['regions'][number]>(row: T, hidden: boolean) =>
        hidden
          ? {
              ...row,
              planned: null,
              expected: null,
              p10: null,
              p50: null,
              p90: null,
              attainment: null,
              attainmentP50: null,
              gap: null,
              suppressed: true,
            }
          : { ...row, suppressed: false };
      const perProvince = projectsWithHomesIn(projects, overview.year, (p) => [provincieOf.get(p.gemeenteCode) ?? '']);
      const provinceHidden = suppressedCells(
        overview.provinces.map((p) => perProvince.get(p.code) ?? 0),
        { minProjects: min, totalPublished: !focusHidden },
      );
      const perRegion = projectsWithHomesIn(projects, overview.year, (p) => regionsOf.get(p.gemeenteCode) ?? []);

      // PPM use: counts of projects per table or province.
      const hidePpm = (row: NationalOverview['ppm']['regions'][number]) =>
        tooFew(row.projects)
          ? {
              ...row,
              projects: null,
              updatedThisQuarter: null,
              updatedShare: null,
              overdue: null,
              overdueShare: null,
              overdueParties: null,
              lastUpdate: null,
              suppressed: true,
            }
          : { ...row, suppressed: false };

      return {
        ...overview,
        production: { ...overview.production, years },
        affordability: focusHidden
          ? { ...overview.affordability, expected: 0, affordableShare: null, socialShare: null, meetsAffordable: null, meetsSocial: null }
          : overview.affordability,
        specialTargets: overview.specialTargets.map((t) => {
          if (!t.measurable || !t.measuredOver) return t;
          const n = specialTargetProjects(t.metric, projects, t.measuredOver.from, t.measuredOver.to);
          if (!tooFew(n)) return t;
          return { ...t, measured: null, progress: null, status: 'onbekend' as const, explanation: disclosureRule(min) };
        }),
        provinces: overview.provinces.map((p, i) => hideAttainment(p, provinceHidden[i] ?? false)),
        regions: overview.regions.map((r) => hideAttainment(r, tooFew(perRegion.get(r.id) ?? 0))),
        ppm: { ...overview.ppm, regions: overview.ppm.regions.map(hidePpm), provinces: overview.ppm.provinces.map(hidePpm) },
        disclosure: { minProjects: min, rule: disclosureRule(min) },
      } as PublicOverview;
    },
  };
}

export type PublicStatsService = ReturnType<typeof createPublicStatsService>;
