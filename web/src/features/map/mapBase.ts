/**
 * Building blocks shared by the Kaart page and the map on the Tafeloverzicht: a map with our own
 * background (no internet tiles), boundary layers, and project points drawn from ONE GeoJSON source
 * (WebGL circles, not one DOM marker per project), coloured by status, with a popup and a click
 * through to the project page. There are no glyphs without internet, so the map carries no text;
 * the legend and counts next to it are text.
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { label, statusLabel, STATUS_COLOURS, type StatusColour } from '../../labels.ts';

maplibregl.setWorkerUrl(workerUrl);

export { maplibregl };

import { STATUS_POINT_COLOURS } from './mapColours.ts';

export { STATUS_POINT_COLOURS };
export const NETHERLANDS: [number, number, number, number] = [3.3, 50.72, 7.25, 53.58];

const DUTCH_UI = {
  'Map.Title': 'Kaart met woningbouwprojecten',
  'NavigationControl.ZoomIn': 'Inzoomen',
  'NavigationControl.ZoomOut': 'Uitzoomen',
  'NavigationControl.ResetBearing': 'Kaart naar het noorden draaien',
  'Popup.Close': 'Sluiten',
  'Marker.Title': 'Gekozen ligging',
  'AttributionControl.ToggleAttribution': 'Bronvermelding tonen',
};

export const EMPTY: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

/**
 * The status of a point, as a code (dashboard points) or as the Dutch label (the GeoJSON export);
 * both are matched, so one colour expression serves every source.
 */
const statusColour: maplibregl.ExpressionSpecification = [
  'match',
  ['get', 'status'],
  ['groen', label('groen')],
  STATUS_POINT_COLOURS.groen,
  ['oranje', label('oranje')],
  STATUS_POINT_COLOURS.oranje,
  STATUS_POINT_COLOURS.rood,
];

/** A map of the Netherlands with a plain background; `onLoad` runs once the style is ready. */
export function createMap(container: HTMLElement, options: { bounds?: [number, number, number, number]; title?: string } = {}): maplibregl.Map {
  const map = new maplibregl.Map({
    container,
    style: { version: 8, sources: {}, layers: [{ id: 'achtergrond', type: 'background', paint: { 'background-color': '#eef3f7' } }] },
    bounds: options.bounds ?? NETHERLANDS,
    fitBoundsOptions: { padding: 16 },
    attributionControl: false,
    locale: { ...DUTCH_UI, ...(options.title ? { 'Map.Title': options.title } : {}) },
    maxBounds: [
      [0.5, 49.5],
      [10, 54.8],
    ],
  });
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new maplibregl.AttributionControl({ compact: true, customAttribution: 'Grenzen: CBS / Kadaster (vereenvoudigd)' }));
  map.on('error', (e) => console.warn('kaart:', e.error?.message));
  return map;
}

/** Province areas and borders, gemeente borders (from zoom 7.5 unless `gemeentenAlways`). */
export function addBoundaryLayers(map: maplibregl.Map, options: { gemeentenAlways?: boolean } = {}): void {
  map.addSource('provincies', { type: 'geojson', data: EMPTY });
  map.addSource('gemeenten', { type: 'geojson', data: EMPTY });
  map.addLayer({ id: 'provincie-vlak', type: 'fill', source: 'provincies', paint: { 'fill-color': '#ffffff', 'fill-opacity': 0.9 } });
  map.addLayer({
    id: 'gemeente-grens',
    type: 'line',
    source: 'gemeenten',
    minzoom: options.gemeentenAlways ? 0 : 7.5,
    paint: { 'line-color': '#8a98a8', 'line-width': 0.6 },
  });
  map.addLayer({ id: 'provincie-grens', type: 'line', source: 'provincies', paint: { 'line-color': '#154273', 'line-width': 1.4 } });
}

/**
 * The project source and its layers. With `cluster`, points that overlap at low zoom are drawn as one
 * larger circle (size by number of projects); a click on it zooms in.
 */
/** Circles per gemeente sized by its number of projects (source 'overzicht', filled by the page). */
export function addGemeenteCountLayer(map: maplibregl.Map): void {
  map.addSource('overzicht', { type: 'geojson', data: EMPTY });
  map.addLayer({
    id: 'gemeente-aantal',
    type: 'circle',
    source: 'overzicht',
    paint: {
      'circle-color': '#154273',
      'circle-opacity': 0.55,
      'circle-radius': ['interpolate', ['linear'], ['sqrt', ['get', 'count']], 1, 3, 10, 8, 40, 20],
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 1,
    },
  });
}

export function addProjectLayers(map: maplibregl.Map, data: GeoJSON.FeatureCollection | string, options: { cluster?: boolean } = {}): void {
  map.addSource('projecten', {
    type: 'geojson',
    data,
    ...(options.cluster ? { cluster: true, clusterRadius: 24, clusterMaxZoom: 8 } : {}),
  });
  if (options.cluster) {
    map.addLayer({
      id: 'project-cluster',
      type: 'circle',
      source: 'projecten',
      filter: ['has', 'point_count'],
      paint: {
        'circle-color': '#154273',
        'circle-opacity': 0.75,
        'circle-radius': ['step', ['get', 'point_count'], 6, 10, 9, 100, 13, 500, 18],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5,
      },
    });
  }
  map.addLayer({
    id: 'project-punt',
    type: 'circle',
    source: 'projecten',
    ...(options.cluster ? { filter: ['!', ['has', 'point_count']] } : {}),
    paint: {
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 6, 3.5, 10, 7],
      'circle-color': statusColour,
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 1,
    },
  });
}

/** Props of a project point: from the dashboard (status code) or the GeoJSON export (status label). */
interface PointProps {
  id?: string;
  name?: string;
  gemeente?: string;
  status?: string;
  synthetic?: string | boolean;
  point_count?: number;
  cluster_id?: number;
}

function statusText(status: string | undefined): string {
  return (STATUS_COLOURS as readonly string[]).includes(status ?? '') ? statusLabel(status as StatusColour) : (status ?? '');
}

/** Hover shows the name and status; a click opens the project (or zooms into a cluster). Returns the clean-up. */
export function wireProjectInteraction(map: maplibregl.Map, openProject: (id: string) => void): () => void {
  const popup = new maplibregl.Popup({ closeButton: false, closeOnClick: false, offset: 8 });
  const layers = ['project-punt', ...(map.getLayer('project-cluster') ? ['project-cluster'] : [])];
  const onEnter = (e: maplibregl.MapLayerMouseEvent) => {
    map.getCanvas().style.cursor = 'pointer';
    const f = e.features?.[0];
    if (!f) return;
    const props = f.properties as PointProps;
    const el = document.createElement('div');
    const name = document.createElement('strong');
    const detail = document.createElement('div');
    if (props.point_count) {
      name.textContent = `${props.point_count} projecten`;
      detail.textContent = 'Klik om in te zoomen';
    } else {
      const demo = props.synthetic === true || props.synthetic === 'true' || props.synthetic === 'ja';
      name.textContent = `${props.name ?? ''}${demo ? ' (demo)' : ''}`;
      detail.textContent = [props.gemeente, statusText(props.status)].filter(Boolean).join(' – ');
    }
    el.append(name, detail);
    popup
      .setLngLat((f.geometry as GeoJSON.Point).coordinates as [number, number])
      .setDOMContent(el)
      .addTo(map);
  };
  const onLeave = () => {
    map.getCanvas().style.cursor = '';
    popup.remove();
  };
  const onClick = (e: maplibregl.MapLayerMouseEvent) => {
    const f = e.features?.[0];
    const props = f?.properties as PointProps | undefined;
    if (!f || !props) return;
    if (props.cluster_id !== undefined && props.point_count) {
      const source = map.getSource('projecten') as maplibregl.GeoJSONSource;
      void source.getClusterExpansionZoom(props.cluster_id).then((zoom) => {
        map.easeTo({ center: (f.geometry as GeoJSON.Point).coordinates as [number, number], zoom });
      });
      return;
    }
    if (props.id) openProject(props.id);
  };
  for (const layer of layers) {
    map.on('mouseenter', layer, onEnter);
    map.on('mouseleave', layer, onLeave);
    map.on('click', layer, onClick);
  }
  return () => {
    for (const layer of layers) {
      map.off('mouseenter', layer, onEnter);
      map.off('mouseleave', layer, onLeave);
      map.off('click', layer, onClick);
    }
    popup.remove();
  };
}

/** [west, south, east, north] of a (Multi)Polygon feature or of a list of points. */
export function featureBounds(feature: GeoJSON.Feature): [number, number, number, number] | null {
  return coordinateBounds(feature.geometry && 'coordinates' in feature.geometry ? feature.geometry.coordinates : []);
}

export function coordinateBounds(coordinates: unknown): [number, number, number, number] | null {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const [x, y] = c as [number, number];
      w = Math.min(w, x);
      e = Math.max(e, x);
      s = Math.min(s, y);
      n = Math.max(n, y);
    } else if (Array.isArray(c)) c.forEach(visit);
  };
  visit(coordinates);
  return Number.isFinite(w) ? [w, s, e, n] : null;
}
