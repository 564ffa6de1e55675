/** Project points for the map: all pages of GET /api/v1/projects as one GeoJSON FeatureCollection. */
import { api } from '../../api/client.ts';
import type { ProjectSummary } from '../../api/types.ts';
import type { StatusColour } from '../../labels.ts';

const PAGE = 500;
/** Never draw more than this many points (the API pages at 500). */
const MAX_POINTS = 20_000;

export interface PointProperties {
  id: string;
  name: string;
  status: StatusColour;
  gemeente: string;
  synthetic: boolean;
}

export async function loadProjectPoints(provincie: string, signal: AbortSignal): Promise<GeoJSON.FeatureCollection<GeoJSON.Point, PointProperties>> {
  const query = (offset: number) => {
    const q = new URLSearchParams({ limit: String(PAGE), offset: String(offset), sort: 'name' });
    if (provincie) q.set('provincie', provincie);
    return q;
  };
  const first = await api.listProjects(query(0), signal);
  const offsets: number[] = [];
  for (let o = PAGE; o < Math.min(first.total, MAX_POINTS); o += PAGE) offsets.push(o);
  const rest = await Promise.all(offsets.map((o) => api.listProjects(query(o), signal)));
  const items = [first, ...rest].flatMap((page) => page.items);
  return { type: 'FeatureCollection', features: items.filter((p) => p.location).map(toFeature) };
}

function toFeature(p: ProjectSummary): GeoJSON.Feature<GeoJSON.Point, PointProperties> {
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [p.location!.lon, p.location!.lat] },
    properties: { id: p.id, name: p.name, status: p.status, gemeente: p.gemeenteName, synthetic: p.synthetic },
  };
}

/** [west, south, east, north] of a (Multi)Polygon feature. */
export function featureBounds(feature: GeoJSON.Feature): [number, number, number, number] | null {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const [x, y] = c as number[];
      w = Math.min(w, x);
      e = Math.max(e, x);
      s = Math.min(s, y);
      n = Math.max(n, y);
    } else if (Array.isArray(c)) c.forEach(visit);
  };
  if (feature.geometry && 'coordinates' in feature.geometry) visit(feature.geometry.coordinates);
  return Number.isFinite(w) ? [w, s, e, n] : null;
}
