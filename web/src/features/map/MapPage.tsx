/**
 * Kaart: province boundaries, gemeente boundaries (when zoomed in) and project points coloured by
 * status, all from our own API as GeoJSON: no tiles from the internet. The legend and counts are
 * text; the same projects are reachable without a mouse through the Projecten list.
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import { cached, useApi } from '../../api/hooks.ts';
import { ErrorMessage } from '../../components/Feedback.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatProjectCount, statusLabel, STATUS_COLOURS, type StatusColour } from '../../labels.ts';
import { featureBounds, loadProjectPoints, type PointProperties } from './projectPoints.ts';

maplibregl.setWorkerUrl(workerUrl);

/** Point colours; each also differs in lightness, and the legend names them in words. */
export const STATUS_POINT_COLOURS: Record<StatusColour, string> = { groen: '#2e7d0a', oranje: '#e17000', rood: '#c0101a' };
const NETHERLANDS: [number, number, number, number] = [3.3, 50.72, 7.25, 53.58];

const DUTCH_UI = {
  'Map.Title': 'Kaart van Nederland met woningbouwprojecten',
  'NavigationControl.ZoomIn': 'Inzoomen',
  'NavigationControl.ZoomOut': 'Uitzoomen',
  'NavigationControl.ResetBearing': 'Kaart naar het noorden draaien',
  'Popup.Close': 'Sluiten',
  'AttributionControl.ToggleAttribution': 'Bronvermelding tonen',
};

const EMPTY: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

export function MapPage() {
  usePageTitle('Kaart');
  const id = useId();
  const [searchParams, setSearchParams] = useSearchParams();
  const provincie = /^PV\d{2}$/.test(searchParams.get('provincie') ?? '') ? searchParams.get('provincie')! : '';
  const navigate = useNavigate();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const [mapReady, setMapReady] = useState(false);
  const [mapError, setMapError] = useState<string | null>(null);

  const provincies = useApi('provincies', () => cached('provincies', () => api.listProvincies()));
  const boundaries = useApi('boundaries', () =>
    Promise.all([cached('geo-provincies', () => api.geo('provincies')), cached('geo-gemeenten', () => api.geo('gemeenten'))]),
  );
  const points = useApi(`points-${provincie}`, (signal) => loadProjectPoints(provincie, signal));

  // Create the map once.
  useEffect(() => {
    if (!container.current) return;
    let map: maplibregl.Map;
    try {
      map = new maplibregl.Map({
        container: container.current,
        style: {
          version: 8,
          sources: {},
          layers: [{ id: 'achtergrond', type: 'background', paint: { 'background-color': '#eef3f7' } }],
        },
        bounds: NETHERLANDS,
        fitBoundsOptions: { padding: 16 },
        attributionControl: false,
        locale: DUTCH_UI,
        maxBounds: [
          [0.5, 49.5],
          [10, 54.8],
        ],
      });
    } catch (err) {
      setMapError(`De kaart kan in deze browser niet worden getoond (${(err as Error).message}).`);
      return;
    }
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new maplibregl.AttributionControl({ compact: true, customAttribution: 'Grenzen: CBS / Kadaster (vereenvoudigd)' }));
    map.on('load', () => {
      map.addSource('provincies', { type: 'geojson', data: EMPTY });
      map.addSource('gemeenten', { type: 'geojson', data: EMPTY });
      map.addSource('projecten', { type: 'geojson', data: EMPTY });
      map.addLayer({ id: 'provincie-vlak', type: 'fill', source: 'provincies', paint: { 'fill-color': '#ffffff', 'fill-opacity': 0.9 } });
      map.addLayer({
        id: 'gemeente-grens',
        type: 'line',
        source: 'gemeenten',
        minzoom: 7.5,
        paint: { 'line-color': '#8a98a8', 'line-width': 0.6 },
      });
      map.addLayer({ id: 'provincie-grens', type: 'line', source: 'provincies', paint: { 'line-color': '#154273', 'line-width': 1.4 } });
      map.addLayer({
        id: 'project-punt',
        type: 'circle',
        source: 'projecten',
        paint: {
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 6, 3.5, 10, 7],
          'circle-color': ['match', ['get', 'status'], 'groen', STATUS_POINT_COLOURS.groen, 'oranje', STATUS_POINT_COLOURS.oranje, STATUS_POINT_COLOURS.rood],
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 1,
        },
      });
      setMapReady(true);
    });
    map.on('error', (e) => console.warn('kaart:', e.error?.message));
    mapRef.current = map;
    return () => {
      mapRef.current = null;
      setMapReady(false);
      map.remove();
    };
  }, []);

  // Click a point: go to the project page. Hover: show its name.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !mapReady) return;
    const popup = new maplibregl.Popup({ closeButton: false, closeOnClick: false, offset: 8 });
    const onEnter = (e: maplibregl.MapLayerMouseEvent) => {
      map.getCanvas().style.cursor = 'pointer';
      const f = e.features?.[0];
      if (!f) return;
      const props = f.properties as PointProperties;
      const el = document.createElement('div');
      const name = document.createElement('strong');
      name.textContent = props.name + (props.synthetic === true || String(props.synthetic) === 'true' ? ' (demo)' : '');
      const detail = document.createElement('div');
      detail.textContent = `${props.gemeente} – ${statusLabel(props.status)}`;
      el.append(name, detail);
      popup.setLngLat((f.geometry as GeoJSON.Point).coordinates as [number, number]).setDOMContent(el).addTo(map);
    };
    const onLeave = () => {
      map.getCanvas().style.cursor = '';
      popup.remove();
    };
    const onClick = (e: maplibregl.MapLayerMouseEvent) => {
      const projectId = e.features?.[0]?.properties?.id as string | undefined;
      if (projectId) navigate(`/projecten/${projectId}`);
    };
    map.on('mouseenter', 'project-punt', onEnter);
    map.on('mouseleave', 'project-punt', onLeave);
    map.on('click', 'project-punt', onClick);
    return () => {
      map.off('mouseenter', 'project-punt', onEnter);
      map.off('mouseleave', 'project-punt', onLeave);
      map.off('click', 'project-punt', onClick);
      popup.remove();
    };
  }, [mapReady, navigate]);

  // Boundaries; zoom to the chosen province.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !mapReady || !boundaries.data) return;
    const [provincieGeo, gemeenteGeo] = boundaries.data;
    (map.getSource('provincies') as maplibregl.GeoJSONSource).setData(provincieGeo);
    const gemeenten = provincie
      ? { ...gemeenteGeo, features: gemeenteGeo.features.filter((f) => f.properties?.provincieCode === provincie || f.properties?.provincie_code === provincie) }
      : gemeenteGeo;
    (map.getSource('gemeenten') as maplibregl.GeoJSONSource).setData(gemeenten.features.length ? gemeenten : gemeenteGeo);
    const chosen = provincieGeo.features.find((f) => f.properties?.code === provincie);
    const bounds = chosen ? featureBounds(chosen) : NETHERLANDS;
    if (bounds) map.fitBounds(bounds, { padding: 24, duration: 0 });
    map.setFilter('provincie-vlak', provincie ? ['==', ['get', 'code'], provincie] : null);
  }, [mapReady, boundaries.data, provincie]);

  // Project points.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !mapReady || !points.data) return;
    (map.getSource('projecten') as maplibregl.GeoJSONSource).setData(points.data);
  }, [mapReady, points.data]);

  const counts = useMemo(() => {
    const c: Record<StatusColour, number> = { groen: 0, oranje: 0, rood: 0 };
    for (const f of points.data?.features ?? []) c[f.properties.status] += 1;
    return c;
  }, [points.data]);
  const total = points.data?.features.length ?? 0;
  const provincieName = provincies.data?.find((p) => p.code === provincie)?.name;

  return (
    <>
      <h1 className="nl-heading nl-heading--level-1">Kaart</h1>
      <p className="utrecht-paragraph nl-paragraph--lead">
        Waar liggen de woningbouwprojecten, en hoe staan ze ervoor? Elke stip is een project. Klik op een stip om het project te openen.
      </p>
      <div className="wbm-map-toolbar">
        <div className="utrecht-form-field wbm-field">
          <label className="utrecht-form-label" htmlFor={`${id}-provincie`}>
            Provincie
          </label>
          <p className="utrecht-form-field-description wbm-muted" id={`${id}-provincie-help`}>
            De kaart toont direct de gekozen provincie.
          </p>
          <select
            id={`${id}-provincie`}
            className="utrecht-select utrecht-select--html-select"
            aria-describedby={`${id}-provincie-help`}
            value={provincie}
            onChange={(e) => setSearchParams(e.target.value ? { provincie: e.target.value } : {})}
          >
            <option value="">Heel Nederland</option>
            {(provincies.data ?? []).map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <p className="utrecht-paragraph wbm-count" role="status" aria-live="polite">
          {points.state === 'ready'
            ? `${formatProjectCount(total)} op de kaart${provincieName ? ` in ${provincieName}` : ''}.`
            : points.state === 'loading'
              ? 'Projecten worden geladen…'
              : ''}
        </p>
      </div>
      {points.state === 'error' && <ErrorMessage error={points.error} retry={points.reload} />}
      {boundaries.state === 'error' && <ErrorMessage error={boundaries.error} retry={boundaries.reload} />}
      <div className="wbm-map-layout">
        <div className="wbm-map-frame">
          {mapError ? (
            <p className="utrecht-paragraph">{mapError}</p>
          ) : (
            <div ref={container} className="wbm-map" data-testid="map" data-ready={mapReady && points.state === 'ready' ? 'true' : 'false'} />
          )}
        </div>
        <section className="wbm-map-legend" aria-labelledby={`${id}-legend`}>
          <h2 className="nl-heading nl-heading--level-3" id={`${id}-legend`}>
            Legenda
          </h2>
          <ul className="wbm-legend-list">
            {STATUS_COLOURS.map((s) => (
              <li key={s}>
                <svg className="wbm-legend-dot" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
                  <circle cx="10" cy="10" r="7" fill={STATUS_POINT_COLOURS[s]} stroke="#fff" strokeWidth="2" />
                </svg>
                <span>
                  <strong>{statusLabel(s)}</strong>: {points.state === 'ready' ? formatProjectCount(counts[s]) : '…'}
                </span>
              </li>
            ))}
            <li>
              <span className="wbm-legend-line" aria-hidden="true" />
              <span>Provinciegrens (gemeentegrenzen bij inzoomen)</span>
            </li>
          </ul>
          <p className="utrecht-paragraph">
            Liever een lijst?{' '}
            <Link className="utrecht-link" to={provincie ? `/projecten?provincie=${provincie}` : '/projecten'}>
              Bekijk deze projecten in de lijst
            </Link>
            .
          </p>
        </section>
      </div>
    </>
  );
}
