/**
 * Kaart for the public (signed out): no projects, only the totals per gemeente as circles sized by the
 * number of projects (GET /api/v1/public/aggregates; figures of fewer than 3 projects are not drawn), and
 * the same totals as a table. SPEC §1: the public gets "aggregated open data and maps; no project-level
 * confidential data".
 */
import { useEffect, useId, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import { useApi, useReference } from '../../api/hooks.ts';
import { fetchReference } from '../../api/queryClient.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import { ErrorMessage } from '../../components/Feedback.tsx';
import { markReady } from '../../components/readyMarks.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatNumber, formatProjectCount } from '../../labels.ts';
import { DisclosureRule, PublicTotals } from '../public/PublicTotals.tsx';
import { gemeenteOverview } from './MapPage.tsx';
import { addBoundaryLayers, addGemeenteCountLayer, createMap, featureBounds, maplibregl, NETHERLANDS } from './mapBase.ts';

export function PublicMapPage() {
  usePageTitle('Kaart');
  const id = useId();
  const [searchParams, setSearchParams] = useSearchParams();
  const provincie = /^PV\d{2}$/.test(searchParams.get('provincie') ?? '') ? searchParams.get('provincie')! : '';
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const [mapReady, setMapReady] = useState(false);
  const [mapError, setMapError] = useState<string | null>(null);
  const [drawn, setDrawn] = useState(false);

  const provincies = useReference('provincies');
  const data = useApi(queryKeys.public.map, (_signal, client) =>
    Promise.all([
      fetchReference(client, 'geo-provincies'),
      fetchReference(client, 'geo-gemeenten'),
      client.fetchQuery({ queryKey: queryKeys.public.aggregates('gemeente', null), queryFn: ({ signal }) => api.publicAggregates('gemeente', null, signal) }),
    ]),
  );

  useEffect(() => {
    if (!container.current) return;
    let map: maplibregl.Map;
    try {
      map = createMap(container.current, { title: 'Kaart van Nederland met het aantal woningbouwprojecten per gemeente' });
    } catch (err) {
      setMapError(`De kaart kan in deze browser niet worden getoond (${(err as Error).message}).`);
      return;
    }
    map.on('load', () => {
      addBoundaryLayers(map);
      addGemeenteCountLayer(map);
      setMapReady(true);
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
    if (!map || !mapReady || !data.data) return;
    const [provincieGeo, gemeenteGeo, aggregates] = data.data;
    const counts = aggregates.items.map((a) => ({ code: a.code, provincieCode: a.provincieCode ?? '', projectCount: a.projects }));
    (map.getSource('provincies') as maplibregl.GeoJSONSource).setData(provincieGeo);
    (map.getSource('gemeenten') as maplibregl.GeoJSONSource).setData(gemeenteGeo);
    (map.getSource('overzicht') as maplibregl.GeoJSONSource).setData(gemeenteOverview(gemeenteGeo, counts, provincie));
    const chosen = provincieGeo.features.find((f) => f.properties?.code === provincie);
    const bounds = chosen ? featureBounds(chosen) : NETHERLANDS;
    if (bounds) map.fitBounds(bounds, { padding: 24, duration: 0 });
    map.setFilter('provincie-vlak', provincie ? ['==', ['get', 'code'], provincie] : null);
    const done = () => {
      if (!['provincies', 'gemeenten', 'overzicht'].every((s) => map.isSourceLoaded(s))) return;
      map.off('render', done);
      setDrawn(true);
      markReady('kaart');
    };
    map.on('render', done);
    map.triggerRepaint();
    return () => {
      map.off('render', done);
    };
  }, [mapReady, data.data, provincie]);

  const aggregates = data.data?.[2];
  const inScope = aggregates?.items.filter((a) => !provincie || a.provincieCode === provincie) ?? [];
  const shownGemeenten = inScope.filter((a) => (a.projects ?? 0) > 0);
  const provincieName = provincies.data?.find((p) => p.code === provincie)?.name;

  return (
    <>
      <h1 className="nl-heading nl-heading--level-1">Kaart</h1>
      <p className="utrecht-paragraph nl-paragraph--lead">
        Waar wordt gebouwd? Elke blauwe cirkel is een gemeente met woningbouwprojecten: hoe groter de cirkel, hoe meer projecten. De projecten
        zelf zijn alleen zichtbaar voor wie eraan werkt; <Link className="utrecht-link" to="/inloggen">log in</Link> om uw eigen projecten op de
        kaart te zien.
      </p>
      {aggregates && <DisclosureRule rule={aggregates.rule} />}
      <div className="wbm-map-toolbar">
        <div className="utrecht-form-field wbm-field">
          <label className="utrecht-form-label" htmlFor={`${id}-provincie`}>
            Provincie
          </label>
          <select
            id={`${id}-provincie`}
            className="utrecht-select utrecht-select--html-select"
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
          {aggregates
            ? `${formatNumber(shownGemeenten.length)} ${shownGemeenten.length === 1 ? 'gemeente' : 'gemeenten'} met ${formatProjectCount(
                shownGemeenten.reduce((s, a) => s + (a.projects ?? 0), 0),
              )} op de kaart${provincieName ? ` in ${provincieName}` : ''}.`
            : 'De totalen worden geteld…'}
        </p>
      </div>
      {data.state === 'error' && <ErrorMessage error={data.error} retry={data.reload} />}
      <div className="wbm-map-layout">
        <div className="wbm-map-frame">
          {mapError ? (
            <p className="utrecht-paragraph">{mapError}</p>
          ) : (
            <div ref={container} className="wbm-map" data-testid="map" data-ready={drawn ? 'true' : 'false'} />
          )}
        </div>
        <section className="wbm-map-legend" aria-labelledby={`${id}-legend`}>
          <h2 className="nl-heading nl-heading--level-3" id={`${id}-legend`}>
            Legenda
          </h2>
          <ul className="wbm-legend-list">
            <li>
              <svg className="wbm-legend-dot" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
                <circle cx="10" cy="10" r="8" fill="#154273" fillOpacity="0.75" stroke="#fff" strokeWidth="2" />
              </svg>
              <span>Aantal projecten in een gemeente: hoe groter, hoe meer projecten</span>
            </li>
            <li>
              <span className="wbm-legend-line" aria-hidden="true" />
              <span>Provinciegrens (gemeentegrenzen bij inzoomen)</span>
            </li>
          </ul>
          <p className="utrecht-paragraph wbm-muted">Gemeenten waarvan we het aantal niet tonen, hebben geen cirkel.</p>
        </section>
      </div>
      <PublicTotals provincie={provincie || null} />
    </>
  );
}
