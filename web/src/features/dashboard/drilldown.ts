/**
 * Links from a figure of the table dashboard to the projects behind it: the project list with the
 * matching filters (region + year, phase, plan status, status), or one project page.
 */
import { EMPTY_FILTERS, filtersToSearch, type ProjectFilters } from '../projects/filters.ts';

/** `/tafels/vt-u10`, `/tafels/vt-u10/kwartaalronde`, … (the id may contain `:`, e.g. `provincie:PV27`). */
export function regionPath(regionId: string, sub?: 'kwartaalronde' | 'rapport'): string {
  return `/tafels/${encodeURIComponent(regionId)}${sub ? `/${sub}` : ''}`;
}

/** The project list filtered to a region plus the given filters. */
export function projectsUrl(regionId: string, extra: Partial<ProjectFilters> = {}): string {
  const query = filtersToSearch({ ...EMPTY_FILTERS, region: regionId, ...extra }).toString();
  return `/projecten${query ? `?${query}` : ''}`;
}

export function projectUrl(projectId: string): string {
  return `/projecten/${encodeURIComponent(projectId)}`;
}

/** The region whose dashboard data a path needs (Tafeloverzicht and Tafelrapport), else null. */
export function dashboardRegionFromPath(pathname: string): string | null {
  const match = /^\/tafels\/([^/]+)(?:\/rapport)?\/?$/.exec(pathname);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}
