/**
 * Kaart: province boundaries, gemeente boundaries (when zoomed in) and project points coloured by
 * status, all from our own API as GeoJSON: no tiles from the internet.
 *
 * Built for the national register (40,000 projects): the points come from one GeoJSON request that
 * the map's web worker fetches and parses itself (the page stays responsive meanwhile), drawn from
 * one source with clustering at low zoom. Until they are there, circles per gemeente sized by its
 * number of projects give the overview. The legend and counts are text; the same projects are
 * reachable without a mouse through the Projecten list.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, exportUrl } from '../../api/client.ts';
import { useApi, useReference } from '../../api/hooks.ts';
import { fetchReference, REFERENCE_STALE_TIME } from '../../api/queryClient.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import type { Gemeente } from '../../api/types.ts';
import { ErrorMessage, Loading } from '../../components/Feedback.tsx';
import { useAuth } from '../../auth/AuthContext.tsx';
import { isPublicVisitor } from '../../auth/publicView.ts';
import { PublicMapPage } from './PublicMapPage.tsx';
import { markReady } from '../../components/readyMarks.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatNumber, formatProjectCount, statusLabel, STATUS_COLOURS, type StatusColour } from '../../labels.ts';
import {
  addBoundaryLayers,
  addGemeenteCountLayer,
  addProjectLayers,
  createMap,
  EMPTY,
  featureBounds,
  maplibregl,
  NETHERLANDS,
  STATUS_POINT_COLOURS,
  wireProjectInteraction,
} from './mapBase.ts';

export { STATUS_POINT_COLOURS };

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

/** Signed out the public sees the map of totals per gemeente (no projects); signed in, the projects one may see. */
export function MapPage() {
  const { state } = useAuth();
  if (state.status === 'loading') return <Loading />;
  return isPublicVisitor(state) ? <PublicMapPage /> : <ProjectMapPage />;
}

function ProjectMapPage() {
  usePageTitle('Kaart');
  const id = useId();
  const [searchParams, setSearchParams] = useSearchParams();
  const provincie = /^PV\d{2}$/.test(searchParams.get('provincie') ?? '') ? searchParams.get('provincie')! : '';
  const navigate = useNavigate();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const [mapReady, setMapReady] = useState(false);
  const [mapError, setMapError] = useState<string | null>(null);
  const [pointsDrawn, setPointsDrawn] = useState<string | null>(null);
  const [pointsError, setPointsError] = useState<Error | null>(null);
  const [overviewDrawn, setOverviewDrawn] = useState(false);

  const provincies = useReference('provincies');
  const boundaries = useApi(
    queryKeys.reference.bundle('map-boundaries'),
    (_signal, client) => Promise.all([fetchReference(client, 'geo-provincies'), fetchReference(client, 'geo-gemeenten'), fetchReference(client, 'gemeenten')]),
    { staleTime: REFERENCE_STALE_TIME },
  );
  // Counts per status for the legend: three small count queries instead of reading every project.
  const counts = useApi(queryKeys.map.counts(provincie), (signal) =>
    Promise.all(
      STATUS_COLOURS.map((s) => {
        const q = new URLSearchParams({ status: s, limit: '1' });
        if (provincie) q.set('provincie', provincie);
        return api.listProjects(q, signal).then((r) => [s, r.total] as const);
      }),
    ).then((pairs) => Object.fromEntries(pairs) as Record<StatusColour, number>),
  );
  const pointsUrl = useMemo(() => {
    const q = new URLSearchParams();
    if (provincie) q.set('provincie', provincie);
    return new URL(exportUrl('geojson', q), window.location.href).href;
  }, [provincie]);

  // Create the map once.
  useEffect(() => {
    if (!container.current) return;
    let map: maplibregl.Map;
    try {
      map = createMap(container.current, { title: 'Kaart van Nederland met woningbouwprojecten' });
    } catch (err) {
      setMapError(`De kaart kan in deze browser niet worden getoond (${(err as Error).message}).`);
      return;
    }
    map.on('load', () => {
      addBoundaryLayers(map);
      addGemeenteCountLayer(map);
      addProjectLayers(map, EMPTY, { cluster: true });
      setMapReady(true);
    });
    map.on('error', (e) => {
      if ((e as { sourceId?: string }).sourceId === 'projecten') setPointsError(new Error('De projecten konden niet op de kaart worden gezet. Probeer het opnieuw.'));
    });
    mapRef.current = map;
    return () => {
      mapRef.current = null;
      setMapReady(false);
      map.remove();
    };
  }, []);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !mapReady) return;
    return wireProjectInteraction(map, (projectId) => navigate(`/projecten/${projectId}`));
  }, [mapReady, navigate]);

  // Boundaries and the overview per gemeente; zoom to the chosen province.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !mapReady || !boundaries.data) return;
    const [provincieGeo, gemeenteGeo, gemeenten] = boundaries.data;
    (map.getSource('provincies') as maplibregl.GeoJSONSource).setData(provincieGeo);
    const inProvince = provincie ? gemeenteGeo.features.filter((f) => f.properties?.provincieCode === provincie || f.properties?.provincie_code === provincie) : [];
    (map.getSource('gemeenten') as maplibregl.GeoJSONSource).setData(inProvince.length ? { ...gemeenteGeo, features: inProvince } : gemeenteGeo);
    (map.getSource('overzicht') as maplibregl.GeoJSONSource).setData(gemeenteOverview(gemeenteGeo, gemeenten, provincie));
    const chosen = provincieGeo.features.find((f) => f.properties?.code === provincie);
    const bounds = chosen ? featureBounds(chosen) : NETHERLANDS;
    if (bounds) map.fitBounds(bounds, { padding: 24, duration: 0 });
    map.setFilter('provincie-vlak', provincie ? ['==', ['get', 'code'], provincie] : null);
    // Usable once the boundaries and the overview are drawn ('idle' would also wait for the points).
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
  }, [mapReady, boundaries.data, provincie]);

  // Project points: the worker fetches and parses them; the overview circles give way once they are drawn.
  // Asked for only after the overview is drawn: on one server the large answer would hold up the small ones.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !mapReady || !overviewDrawn) return;
    setPointsDrawn(null);
    setPointsError(null);
    map.setLayoutProperty('gemeente-aantal', 'visibility', 'visible');
    const source = map.getSource('projecten') as maplibregl.GeoJSONSource;
    let active = true;
    const onData = (e: maplibregl.MapSourceDataEvent) => {
      if (!active || e.sourceId !== 'projecten' || !map.isSourceLoaded('projecten')) return;
      map.off('sourcedata', onData);
      map.setLayoutProperty('gemeente-aantal', 'visibility', 'none');
      map.once('idle', () => {
        if (!active) return;
        setPointsDrawn(pointsUrl);
        markReady('kaart-projecten');
      });
    };
    map.on('sourcedata', onData);
    source.setData(pointsUrl);
    return () => {
      active = false;
      map.off('sourcedata', onData);
    };
  }, [mapReady, overviewDrawn, pointsUrl]);

  useEffect(() => {
    if (overviewDrawn && counts.state === 'ready') markReady('kaart');
  }, [overviewDrawn, counts.state]);

  const total = counts.data ? STATUS_COLOURS.reduce((sum, s) => sum + counts.data[s], 0) : 0;
  const provincieName = provincies.data?.find((p) => p.code === provincie)?.name;
  const drawn = pointsDrawn === pointsUrl;

  return (
    <>
      <h1 className="nl-heading nl-heading--level-1">Kaart</h1>
      <p className="utrecht-paragraph nl-paragraph--lead">
        Waar liggen de woningbouwprojecten, en hoe staan ze ervoor? Elke stip is een project; een blauwe cirkel is een groep projecten dicht
        bij elkaar. Klik op een stip om het project te openen, of op een groep om in te zoomen.
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
          {counts.state === 'ready' ? `${formatProjectCount(total)} op de kaart${provincieName ? ` in ${provincieName}` : ''}.` : 'Projecten worden geteld…'}
          {counts.state === 'ready' && !drawn && !pointsError && ' De stippen worden geladen…'}
        </p>
      </div>
      {counts.state === 'error' && <ErrorMessage error={counts.error} retry={counts.reload} />}
      {pointsError && <ErrorMessage error={pointsError} />}
      {boundaries.state === 'error' && <ErrorMessage error={boundaries.error} retry={boundaries.reload} />}
      <div className="wbm-map-layout">
        <div className="wbm-map-frame">
          {mapError ? (
            <p className="utrecht-paragraph">{mapError}</p>
          ) : (
            <div
              ref={container}
              className="wbm-map"
              data-testid="map"
              data-ready={overviewDrawn && counts.state === 'ready' ? 'true' : 'false'}
              data-points-ready={drawn ? 'true' : 'false'}
            />
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
                  <strong>{statusLabel(s)}</strong>: {counts.state === 'ready' ? formatProjectCount(counts.data[s]) : '…'}
                </span>
              </li>
            ))}
            <li>
              <svg className="wbm-legend-dot" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
                <circle cx="10" cy="10" r="8" fill="#154273" fillOpacity="0.75" stroke="#fff" strokeWidth="2" />
              </svg>
              <span>Groep projecten of aantal per gemeente: hoe groter, hoe meer projecten</span>
            </li>
            <li>
              <span className="wbm-legend-line" aria-hidden="true" />
              <span>Provinciegrens (gemeentegrenzen bij inzoomen)</span>
            </li>
          </ul>
          {counts.state === 'ready' && total > 0 && (
            <p className="utrecht-paragraph wbm-muted">
              {formatNumber(counts.data.rood)} van de {formatNumber(total)} projecten zijn ernstig vertraagd.
            </p>
          )}
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
