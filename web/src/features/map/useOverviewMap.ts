/**
 * The map both Kaart pages draw (the public one and the signed-in one): province areas and borders,
 * gemeente borders, and one circle per gemeente sized by its number of projects, zoomed to the chosen
 * province. The signed-in Kaart adds the clustered project points on top (`projects`) and fills them itself.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { Gemeente } from '../../api/types.ts';
import { addBoundaryLayers, addGemeenteCountLayer, addProjectLayers, createMap, EMPTY, featureBounds, maplibregl, NETHERLANDS } from './mapBase.ts';

/** What the overview map shows; the page builds it from its own data (memoised: a new object redraws). */
export interface OverviewLayers {
  /** Province boundaries. */
  provincies: GeoJSON.FeatureCollection;
  /** Gemeente borders to draw. */
  gemeenten: GeoJSON.FeatureCollection;
  /** Circles per gemeente, from `gemeenteOverview`. */
  overview: GeoJSON.FeatureCollection;
}

/** One circle per gemeente with projects, at the middle of its boundary, sized by its number of projects. */
export function gemeenteOverview(
  boundaries: GeoJSON.FeatureCollection,
  gemeenten: readonly Pick<Gemeente, 'code' | 'provincieCode' | 'projectCount'>[],
  provincie: string,
): GeoJSON.FeatureCollection {
  // A count hidden for the public (null: fewer than 3 projects) gets no circle.
  const counts = new Map(
    gemeenten.filter((g) => (g.projectCount ?? 0) > 0 && (!provincie || g.provincieCode === provincie)).map((g) => [g.code, g.projectCount ?? 0]),
  );
  const features: GeoJSON.Feature[] = [];
  for (const f of boundaries.features) {
    const code = (f.properties?.code ?? f.properties?.statcode) as string | undefined;
    const count = code ? counts.get(code) : undefined;
    const bounds = count ? featureBounds(f) : null;
    if (!count || !bounds) continue;
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2] },
      properties: { code, count },
    });
  }
  return { type: 'FeatureCollection', features };
}

export interface OverviewMap {
  /** The element the map is drawn in. */
  container: RefObject<HTMLDivElement | null>;
  /** The map once its style and layers are there; null before (and after it is removed). */
  map: maplibregl.Map | null;
  /** Why the map cannot be shown in this browser (no WebGL), in plain Dutch. */
  mapError: string | null;
  /** The boundaries and the circles per gemeente are drawn (the page is usable). */
  overviewDrawn: boolean;
}

/**
 * Creates the map once (`title` names it for screen readers; with `projects` the clustered project layer
 * is added above the circles), then draws `layers` and zooms to `provincie` (a province code, or '' for
 * the whole country) whenever either changes.
 */
export function useOverviewMap({
  title,
  projects = false,
  layers,
  provincie,
}: {
  title: string;
  projects?: boolean;
  layers: OverviewLayers | undefined;
  provincie: string;
}): OverviewMap {
  const container = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<maplibregl.Map | null>(null);
  const [mapError, setMapError] = useState<string | null>(null);
  const [overviewDrawn, setOverviewDrawn] = useState(false);

  // Create the map once (title and projects do not change on a page).
  useEffect(() => {
    if (!container.current) return;
    let created: maplibregl.Map;
    try {
      created = createMap(container.current, { title });
    } catch (err) {
      setMapError(`De kaart kan in deze browser niet worden getoond (${(err as Error).message}).`);
      return;
    }
    created.on('load', () => {
      addBoundaryLayers(created);
      addGemeenteCountLayer(created);
      if (projects) addProjectLayers(created, EMPTY, { cluster: true });
      setMap(created);
    });
    return () => {
      setMap(null);
      created.remove();
    };
  }, [title, projects]);

  // Boundaries and the overview per gemeente; zoom to the chosen province.
  useEffect(() => {
    if (!map || !layers) return;
    (map.getSource('provincies') as maplibregl.GeoJSONSource).setData(layers.provincies);
    (map.getSource('gemeenten') as maplibregl.GeoJSONSource).setData(layers.gemeenten);
    (map.getSource('overzicht') as maplibregl.GeoJSONSource).setData(layers.overview);
    const chosen = layers.provincies.features.find((f) => f.properties?.code === provincie);
    const bounds = chosen ? featureBounds(chosen) : NETHERLANDS;
    if (bounds) map.fitBounds(bounds, { padding: 24, duration: 0 });
    map.setFilter('provincie-vlak', provincie ? ['==', ['get', 'code'], provincie] : null);
    // Usable once the boundaries and the overview are drawn ('idle' would also wait for project points).
    const drawn = () => {
      if (!['provincies', 'gemeenten', 'overzicht'].every((id) => map.isSourceLoaded(id))) return;
      map.off('render', drawn);
      setOverviewDrawn(true);
    };
    map.on('render', drawn);
    map.triggerRepaint();
    return () => {
      map.off('render', drawn);
    };
  }, [map, layers, provincie]);

  return { container, map, mapError, overviewDrawn };
}
