/**
 * A project as a GeoJSON Feature (RFC 7946: a Point in WGS84, longitude first) for GIS users (SPEC §7 "GeoJSON
 * export for GIS"): the same properties as the project list, labels in plain Dutch, plus the start bouw (M11)
 * and oplevering (M12) dates that GIS users filter on. Pure: the streamed export and the OGC API Features
 * endpoint build their features here, so both give a project the same properties.
 */
import { LABELS } from './codes.ts';
import type { GeoPoint, Milestone } from './project.ts';

const label = (code: string) => LABELS[code] ?? code;

/** What a feature is built from: a row of the project list with its milestone dates. */
export interface FeatureSource {
  id: string;
  name: string;
  gemeenteCode: string;
  gemeenteName: string;
  provincieCode: string;
  planStatus: string;
  phase: string;
  status: string;
  maxDelayMonths: number;
  totalHomes: number;
  affordableHomes: number;
  socialHomes: number;
  origin: string;
  flags: readonly string[];
  synthetic: boolean;
  version: number;
  updatedAt: string;
  location: GeoPoint | null;
  milestones: ReadonlyArray<Pick<Milestone, 'code' | 'baselineDate' | 'forecastDate' | 'actualDate'>>;
}

export type ProjectFeatureProperties = Record<string, string | number | null>;

export interface ProjectFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: ProjectFeatureProperties;
}

/** The milestones whose dates a feature carries. */
export const FEATURE_MILESTONES = ['M11', 'M12'] as const;

/** The project as a Point feature; null when it has no location (it cannot be drawn). */
export function projectFeature(p: FeatureSource): ProjectFeature | null {
  if (!p.location) return null;
  const properties: ProjectFeatureProperties = {
    id: p.id,
    name: p.name,
    gemeenteCode: p.gemeenteCode,
    gemeente: p.gemeenteName,
    provincieCode: p.provincieCode,
    planStatus: label(p.planStatus),
    phase: label(p.phase),
    status: label(p.status),
    maxDelayMonths: p.maxDelayMonths,
    totalHomes: p.totalHomes,
    affordableHomes: p.affordableHomes,
    socialHomes: p.socialHomes,
    origin: label(p.origin),
    flags: p.flags.map(label).join(', '),
    synthetic: p.synthetic ? 'ja' : 'nee',
    version: p.version,
    updatedAt: p.updatedAt,
  };
  for (const code of FEATURE_MILESTONES) {
    const m = p.milestones.find((x) => x.code === code);
    properties[`${code}_baseline`] = m?.baselineDate ?? null;
    properties[`${code}_forecast`] = m?.forecastDate ?? null;
    properties[`${code}_actual`] = m?.actualDate ?? null;
  }
  return { type: 'Feature', id: p.id, geometry: { type: 'Point', coordinates: [p.location.lon, p.location.lat] }, properties };
}
