/**
 * Pure helpers of the Doelen page: the province a target lies in (as the server decides it for the access
 * rule), which targets belong to an analyst's area, the list filters, and how a figure, period and source
 * are written on screen.
 */
import type { Gemeente, Principal, Region, Target } from '../../api/types.ts';
import { formatDate, formatNumber } from '../../labels.ts';

/** Where gemeenten and regions lie: a region lies in a province when all its gemeenten do. */
export interface GeoIndex {
  provincieOfGemeente: ReadonlyMap<string, string>;
  provincieOfRegion: ReadonlyMap<string, string | null>;
}

export function geoIndex(
  gemeenten: readonly Pick<Gemeente, 'code' | 'provincieCode'>[],
  regions: readonly Pick<Region, 'id' | 'gemeenteCodes'>[],
): GeoIndex {
  const provincieOfGemeente = new Map(gemeenten.map((g) => [g.code, g.provincieCode]));
  const provincieOfRegion = new Map<string, string | null>();
  for (const r of regions) {
    const provincies = new Set(r.gemeenteCodes.map((c) => provincieOfGemeente.get(c) ?? null));
    const [only] = provincies;
    provincieOfRegion.set(r.id, provincies.size === 1 && only ? only : null);
  }
  return { provincieOfGemeente, provincieOfRegion };
}

/** The province of a target's geography (null: the nation, a woondeal region or a region across provinces). */
export function provincieOfTarget(t: Pick<Target, 'geoLevel' | 'geoCode'>, index: GeoIndex): string | null {
  const code = t.geoCode ?? '';
  switch (t.geoLevel) {
    case 'provincie':
      return t.geoCode;
    case 'gemeente':
      return index.provincieOfGemeente.get(code) ?? null;
    case 'region':
      return index.provincieOfRegion.get(code) ?? null;
    default:
      return null;
  }
}

/** The targets of the analyst's area: a province analyst those of the province; the ministry and administrators all. */
export function inArea(p: Pick<Principal, 'role' | 'provincieCode'> | null, provincie: string | null): boolean {
  if (p?.role !== 'provincie_analist') return true;
  return provincie !== null && provincie === p.provincieCode;
}

export const LEVEL_LABELS: Record<Target['geoLevel'], string> = {
  nation: 'Nederland',
  provincie: 'Provincie',
  region: 'Regio (versnellingstafel)',
  woondeal_region: 'Woondealregio',
  gemeente: 'Gemeente',
};

export interface TargetFilter {
  /** '' for every level. */
  level: string;
  /** Area key (areaKey) or '' for every area. */
  area: string;
  /** A year the period must include, or '' for every period. */
  year: string;
}

export const NO_FILTER: TargetFilter = { level: '', area: '', year: '' };

/** One key per area: its code, or its name where it has none. */
export const areaKey = (t: Pick<Target, 'geoLevel' | 'geoCode' | 'geoName'>): string => `${t.geoLevel}:${t.geoCode ?? t.geoName}`;

export function filterTargets<T extends Pick<Target, 'geoLevel' | 'geoCode' | 'geoName' | 'periodStart' | 'periodEnd'>>(
  targets: readonly T[],
  filter: TargetFilter,
): T[] {
  const year = filter.year.trim() === '' ? null : Number(filter.year);
  return targets.filter(
    (t) =>
      (filter.level === '' || t.geoLevel === filter.level) &&
      (filter.area === '' || areaKey(t) === filter.area) &&
      (year === null || !Number.isInteger(year) || (t.periodStart <= year && year <= t.periodEnd)),
  );
}

/** The areas to choose from (of the chosen level), sorted by name. */
export function areaChoices(targets: readonly Pick<Target, 'geoLevel' | 'geoCode' | 'geoName'>[], level: string): { key: string; name: string }[] {
  const byKey = new Map<string, string>();
  for (const t of targets) if (level === '' || t.geoLevel === level) byKey.set(areaKey(t), t.geoName);
  return [...byKey].map(([key, name]) => ({ key, name })).sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

/** "2022–2030", or one year. */
export function formatPeriod(t: Pick<Target, 'periodStart' | 'periodEnd'>): string {
  return t.periodStart === t.periodEnd ? String(t.periodStart) : `${t.periodStart}–${t.periodEnd}`;
}

/** The figure with its unit: "183.600 woningen", "20.000 woningen per jaar", "30%". */
export function formatFigure(t: Pick<Target, 'unit' | 'homes' | 'share'>): string {
  if (t.unit === 'aandeel') return t.share === null ? '–' : `${formatNumber(Math.round(t.share * 1000) / 10)}%`;
  if (t.homes === null) return '–';
  const unit = t.unit === 'woningen_per_jaar' ? 'woningen per jaar' : t.unit === 'kamers' ? 'kamers' : 'woningen';
  return `${formatNumber(t.homes)} ${unit}`;
}

/** The source as a reader knows it: its title and date, else the website it is on (and the date). */
export function sourceText(t: Pick<Target, 'sourceRef' | 'sourceUrl' | 'sourcePublished'>): string {
  const published = t.sourcePublished ? formatDate(t.sourcePublished) : '';
  const title = t.sourceRef?.trim() || hostOf(t.sourceUrl) || 'Bron onbekend';
  return published && !title.includes(published) ? `${title}, ${published}` : title;
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}
