/**
 * The project list's state lives in the URL query string, so a filtered view can be bookmarked and
 * shared. These pure functions translate URL ⇄ state ⇄ API query; unknown values in a URL are dropped
 * rather than sent to the API.
 */
import { KNELPUNT_CATEGORIES, PHASES, PLAN_STATUSES, PROJECT_FLAGS, STATUS_COLOURS, type ProjectFlag } from '../../labels.ts';

export const SORT_KEYS = ['name', 'gemeente', 'totalHomes', 'affordableHomes', 'maxDelayMonths', 'updatedAt'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export const PAGE_SIZE = 25;

/** Projects with betaalbare or sociale-huur homes (the drill-down of those figures on the Tafeloverzicht). */
export const HOMES_GROUPS = ['betaalbaar', 'sociaal'] as const;
export type HomesGroup = (typeof HOMES_GROUPS)[number];

/** A region id (`vt-u10`) or an area (`gemeente:GM0363`, `corop:CR23`, `provincie:PV27`). */
export const REGION_PATTERN = /^(?:[a-z0-9][a-z0-9-]{0,99}|gemeente:GM\d{4}|corop:CR\d{2}|provincie:PV\d{2})$/;
/** Withdrawn plans, or active and withdrawn ones (src/domain/withdrawal.ts); merged duplicates are never listed. */
export const LIFECYCLES = ['vervallen', 'alle'] as const;
export type Lifecycle = (typeof LIFECYCLES)[number];

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

export interface ProjectFilters {
  /** Versnellingstafel or woondealregio id, or an area (`gemeente:GM0363`, `corop:CR23`, `provincie:PV27`). */
  region: string;
  /** Projects with planned completions (jaarschijven) in this year; 0 = any year. */
  year: number;
  gemeente: string;
  provincie: string;
  planStatus: string;
  phase: string;
  status: string;
  flags: ProjectFlag[];
  /** Projects with an open knelpunt of this category. */
  knelpunt: string;
  /** Only projects with a delayed milestone still to come. */
  delayed: boolean;
  /** Only projects with a forecast in the past and no actual date ("prognose verstreken"). */
  forecastExpired: boolean;
  /** Only projects with betaalbare or sociale-huur homes. */
  homesIn: HomesGroup | '';
  /** '' = active plans (the default: the list's sums equal the figures); vervallen = withdrawn plans (planuitval); alle = both. */
  lifecycle: Lifecycle | '';
  q: string;
  sort: SortKey;
  descending: boolean;
  /** 1-based page number. */
  page: number;
}

export const EMPTY_FILTERS: ProjectFilters = {
  region: '',
  year: 0,
  gemeente: '',
  provincie: '',
  planStatus: '',
  phase: '',
  status: '',
  flags: [],
  knelpunt: '',
  delayed: false,
  forecastExpired: false,
  homesIn: '',
  lifecycle: '',
  q: '',
  sort: 'name',
  descending: false,
  page: 1,
};

function oneOf(value: string | null, allowed: readonly string[]): string {
  return value && allowed.includes(value) ? value : '';
}

function matching(value: string | null, pattern: RegExp): string {
  return value && pattern.test(value) ? value : '';
}

export function filtersFromSearch(params: URLSearchParams): ProjectFilters {
  const sortParam = params.get('sort') ?? '';
  const descending = sortParam.startsWith('-');
  const sortKey = sortParam.replace(/^-/, '');
  const page = Number.parseInt(params.get('pagina') ?? '1', 10);
  const year = Number.parseInt(params.get('jaar') ?? '', 10);
  return {
    region: matching(params.get('regio'), REGION_PATTERN),
    year: Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR ? year : 0,
    gemeente: matching(params.get('gemeente'), /^GM\d{4}$/),
    provincie: matching(params.get('provincie'), /^PV\d{2}$/),
    planStatus: oneOf(params.get('planStatus'), PLAN_STATUSES),
    phase: oneOf(params.get('fase'), PHASES),
    status: oneOf(params.get('status'), STATUS_COLOURS),
    flags: (params.get('kenmerken') ?? '').split(',').filter((f): f is ProjectFlag => (PROJECT_FLAGS as readonly string[]).includes(f)),
    knelpunt: oneOf(params.get('knelpunt'), KNELPUNT_CATEGORIES),
    delayed: params.get('vertraagd') === 'ja',
    forecastExpired: params.get('prognoseVerstreken') === 'ja',
    homesIn: oneOf(params.get('woningen'), HOMES_GROUPS) as HomesGroup | '',
    lifecycle: oneOf(params.get('plannen'), LIFECYCLES) as Lifecycle | '',
    q: (params.get('zoek') ?? '').slice(0, 200),
    sort: (SORT_KEYS as readonly string[]).includes(sortKey) ? (sortKey as SortKey) : 'name',
    descending: (SORT_KEYS as readonly string[]).includes(sortKey) && descending,
    page: Number.isFinite(page) && page >= 1 ? page : 1,
  };
}

/** Every filter, with its name in the page URL and in the API query, in the order both queries list them. */
const FILTER_PARAMS = [
  ['q', 'zoek', 'q'],
  ['region', 'regio', 'region'],
  ['year', 'jaar', 'year'],
  ['provincie', 'provincie', 'provincie'],
  ['gemeente', 'gemeente', 'gemeente'],
  ['planStatus', 'planStatus', 'planStatus'],
  ['phase', 'fase', 'phase'],
  ['status', 'status', 'status'],
  ['flags', 'kenmerken', 'flags'],
  ['knelpunt', 'knelpunt', 'knelpunt'],
  ['delayed', 'vertraagd', 'delayed'],
  ['forecastExpired', 'prognoseVerstreken', 'forecastExpired'],
  ['homesIn', 'woningen', 'homesIn'],
  ['lifecycle', 'plannen', 'lifecycle'],
] as const satisfies readonly (readonly [keyof ProjectFilters, string, string])[];

/** A filter as query text, '' when it is not in use; `yes` is how a query says an on/off filter is on. */
function filterText(f: ProjectFilters, key: (typeof FILTER_PARAMS)[number][0], yes: string): string {
  const value = f[key];
  if (typeof value === 'boolean') return value ? yes : '';
  if (typeof value === 'number') return value ? String(value) : '';
  if (Array.isArray(value)) return value.join(',');
  return key === 'q' ? value.trim() : value;
}

/** The URL query of a state; defaults are left out to keep URLs short. */
export function filtersToSearch(f: ProjectFilters): URLSearchParams {
  const p = new URLSearchParams();
  for (const [key, name] of FILTER_PARAMS) {
    const text = filterText(f, key, 'ja');
    if (text) p.set(name, text);
  }
  if (f.sort !== 'name' || f.descending) p.set('sort', `${f.descending ? '-' : ''}${f.sort}`);
  if (f.page > 1) p.set('pagina', String(f.page));
  return p;
}

/** The query string for GET /api/v1/projects. */
export function toApiQuery(f: ProjectFilters, pageSize = PAGE_SIZE): URLSearchParams {
  const p = new URLSearchParams();
  for (const [key, , name] of FILTER_PARAMS) {
    const text = filterText(f, key, 'true');
    if (text) p.set(name, text);
  }
  p.set('sort', `${f.descending ? '-' : ''}${f.sort}`);
  p.set('limit', String(pageSize));
  p.set('offset', String((f.page - 1) * pageSize));
  return p;
}

/** Number of filters in use (for "3 filters actief"), each chosen kenmerk counted; sorting and paging do not count. */
export function activeFilterCount(f: ProjectFilters): number {
  return FILTER_PARAMS.filter(([key]) => key !== 'flags' && filterText(f, key, 'ja')).length + f.flags.length;
}
