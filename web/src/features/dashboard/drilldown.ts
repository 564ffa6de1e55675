/**
 * Links from a figure of the table dashboard to the projects behind it: the project list with the
 * matching filters (region + year, phase, plan status, status), or one project page.
 */
import type { Dashboard, ListSums } from '../../api/types.ts';
import { EMPTY_FILTERS, filtersToSearch, type ProjectFilters } from '../projects/filters.ts';

/** `/tafels/vt-u10`, `/tafels/vt-u10/kwartaalronde`, … (the id may contain `:`, e.g. `provincie:PV27`). */
export function regionPath(regionId: string, sub?: 'kwartaalronde' | 'rapport' | 'agenda'): string {
  return `/tafels/${encodeURIComponent(regionId)}${sub ? `/${sub}` : ''}`;
}

/** The project list filtered to a region plus the given filters. */
export function projectsUrl(regionId: string, extra: Partial<ProjectFilters> = {}): string {
  const query = filtersToSearch({ ...EMPTY_FILTERS, region: regionId, ...extra }).toString();
  return `/projecten${query ? `?${query}` : ''}`;
}

/**
 * The list behind each figure of the Tafeloverzicht. Every figure that links to the project list uses
 * one of these, so the list has the figure's filter and its count or sum equals the figure.
 */
export const figureLinks = {
  projects: (regionId: string) => projectsUrl(regionId),
  affordable: (regionId: string) => projectsUrl(regionId, { homesIn: 'betaalbaar', sort: 'affordableHomes', descending: true }),
  social: (regionId: string) => projectsUrl(regionId, { homesIn: 'sociaal', sort: 'affordableHomes', descending: true }),
  delayed: (regionId: string) => projectsUrl(regionId, { delayed: true, sort: 'maxDelayMonths', descending: true }),
  forecastExpired: (regionId: string) => projectsUrl(regionId, { forecastExpired: true }),
  year: (regionId: string, year: number) => projectsUrl(regionId, { year }),
  phase: (regionId: string, phase: string) => projectsUrl(regionId, { phase }),
  planStatus: (regionId: string, planStatus: string) => projectsUrl(regionId, { planStatus }),
  status: (regionId: string, status: string) => projectsUrl(regionId, { status }),
  knelpunt: (regionId: string, category: string) => projectsUrl(regionId, { knelpunt: category }),
  planuitval: (regionId: string) => projectsUrl(regionId, { lifecycle: 'vervallen' }),
};

/** A figure and what the list behind it must show: its number of projects and/or one of its sums. */
export interface FigureDrilldown {
  figure: string;
  url: string;
  projects?: number;
  sums?: Partial<Record<keyof ListSums, number>>;
}

/** Every figure of the Tafeloverzicht that links to the project list, with the numbers the list must show. */
export function figureDrilldowns(d: Dashboard): FigureDrilldown[] {
  const id = d.region.id;
  const s = d.summary;
  const out: FigureDrilldown[] = [
    { figure: 'Projecten', url: figureLinks.projects(id), projects: s.totals.projects, sums: { homes: s.totals.homes } },
    { figure: 'Betaalbaar', url: figureLinks.affordable(id), sums: { affordableHomes: s.totals.affordableHomes } },
    { figure: 'Sociale huur', url: figureLinks.social(id), sums: { socialHomes: s.totals.socialHomes } },
    {
      figure: 'Vertraagde mijlpalen',
      url: figureLinks.delayed(id),
      projects: s.delayedMilestones.projects,
      sums: { delayedMilestones: s.delayedMilestones.count },
    },
    { figure: 'Prognose verstreken', url: figureLinks.forecastExpired(id), projects: s.expiredForecasts.projects },
  ];
  if (d.planuitval.projects > 0) {
    out.push({
      figure: 'Vervallen plannen (planuitval)',
      url: figureLinks.planuitval(id),
      projects: d.planuitval.projects,
      sums: { homes: d.planuitval.homes },
    });
  }
  for (const y of s.perYear) out.push({ figure: `Verwacht ${y.year}`, url: figureLinks.year(id, y.year), sums: { yearHomes: y.expected } });
  for (const r of s.byPhase)
    if (r.projects > 0) out.push({ figure: `Fase ${r.phase}`, url: figureLinks.phase(id, r.phase), projects: r.projects, sums: { homes: r.homes } });
  for (const r of s.byPlanStatus) {
    if (r.projects > 0)
      out.push({
        figure: `Planstatus ${r.planStatus}`,
        url: figureLinks.planStatus(id, r.planStatus),
        projects: r.projects,
        sums: { homes: r.homes },
      });
  }
  for (const r of s.byStatus) out.push({ figure: `Status ${r.status}`, url: figureLinks.status(id, r.status), projects: r.projects });
  for (const k of s.knelpunten) {
    if (k.open > 0)
      out.push({
        figure: `Knelpunt ${k.category}`,
        url: figureLinks.knelpunt(id, k.category),
        projects: k.projects,
        sums: { openKnelpunten: k.open },
      });
  }
  return out;
}

export function projectUrl(projectId: string): string {
  return `/projecten/${encodeURIComponent(projectId)}`;
}

/** The region whose dashboard data a path needs (Tafeloverzicht and Tafelrapport), else null. */
export function dashboardRegionFromPath(pathname: string): string | null {
  const encoded = /^\/tafels\/([^/]+)(?:\/rapport)?\/?$/.exec(pathname)?.[1];
  if (encoded === undefined) return null;
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null;
  }
}
