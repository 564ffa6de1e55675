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
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { api, exportUrl } from '../../api/client.ts';
import { useApi, useReference } from '../../api/hooks.ts';
import { fetchReference, REFERENCE_STALE_TIME } from '../../api/queryClient.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import { ErrorMessage, Loading } from '../../components/Feedback.tsx';
import { useAuth } from '../../auth/AuthContext.tsx';
import { isPublicVisitor } from '../../auth/publicView.ts';
import { PublicMapPage } from './PublicMapPage.tsx';
import { markReady } from '../../components/readyMarks.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatNumber, formatProjectCount, statusLabel, STATUS_COLOURS, type StatusColour } from '../../labels.ts';
import { maplibregl, wireProjectInteraction } from './mapBase.ts';
import { BordersLegendItem, CircleLegendItem, MapToolbar, MapWithLegend, useProvincieParam } from './MapParts.tsx';
import { StatusDot } from './StatusDot.tsx';
import { gemeenteOverview, useOverviewMap } from './useOverviewMap.ts';
import { Heading } from '../../components/Heading.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { TextLink } from '../../components/TextLink.tsx';

/** Signed out the public sees the map of totals per gemeente (no projects); signed in, the projects one may see. */
export function MapPage() {
  const { state } = useAuth();
  if (state.status === 'loading') return <Loading />;
  return isPublicVisitor(state) ? <PublicMapPage /> : <ProjectMapPage />;
}

function ProjectMapPage() {
  usePageTitle('Kaart');
  const [provincie, chooseProvincie] = useProvincieParam();
  const navigate = useNavigate();
  const [pointsDrawn, setPointsDrawn] = useState<string | null>(null);
  const [pointsError, setPointsError] = useState<Error | null>(null);

  const provincies = useReference('provincies');
  const boundaries = useApi(
    queryKeys.reference.bundle('map-boundaries'),
    (_signal, client) =>
      Promise.all([fetchReference(client, 'geo-provincies'), fetchReference(client, 'geo-gemeenten'), fetchReference(client, 'gemeenten')]),
    { staleTime: REFERENCE_STALE_TIME },
  );
  // Counts per status for the legend: three small count queries instead of reading every project.
  const counts = useApi(queryKeys.map.counts(provincie), (signal) =>
    Promise.all(
      STATUS_COLOURS.map((s) => {
        const q = new URLSearchParams({ status: s, limit: '1', total: 'exact' });
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

  const layers = useMemo(() => {
    if (!boundaries.data) return undefined;
    const [provincieGeo, gemeenteGeo, gemeenten] = boundaries.data;
    const inProvince = provincie
      ? gemeenteGeo.features.filter((f) => f.properties?.provincieCode === provincie || f.properties?.provincie_code === provincie)
      : [];
    return {
      provincies: provincieGeo,
      gemeenten: inProvince.length ? { ...gemeenteGeo, features: inProvince } : gemeenteGeo,
      overview: gemeenteOverview(gemeenteGeo, gemeenten, provincie),
    };
  }, [boundaries.data, provincie]);
  const { map, overviewDrawn, container, mapError } = useOverviewMap({
    title: 'Kaart van Nederland met woningbouwprojecten',
    projects: true,
    layers,
    provincie,
  });

  useEffect(() => {
    if (!map) return;
    const onError = (e: maplibregl.ErrorEvent) => {
      if ((e as { sourceId?: string }).sourceId === 'projecten')
        setPointsError(new Error('De projecten konden niet op de kaart worden gezet. Probeer het opnieuw.'));
    };
    map.on('error', onError);
    const unwire = wireProjectInteraction(map, (projectId) => navigate(`/projecten/${projectId}`));
    return () => {
      map.off('error', onError);
      unwire();
    };
  }, [map, navigate]);

  // Project points: the worker fetches and parses them; the overview circles give way once they are drawn.
  // Asked for only after the overview is drawn: on one server the large answer would hold up the small ones.
  useEffect(() => {
    if (!map || !overviewDrawn) return;
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
  }, [map, overviewDrawn, pointsUrl]);

  useEffect(() => {
    if (overviewDrawn && counts.state === 'ready') markReady('kaart');
  }, [overviewDrawn, counts.state]);

  const total = counts.data ? STATUS_COLOURS.reduce((sum, s) => sum + counts.data[s], 0) : 0;
  const provincieName = provincies.data?.find((p) => p.code === provincie)?.name;
  const drawn = pointsDrawn === pointsUrl;

  return (
    <>
      <Heading level={1}>Kaart</Heading>
      <Paragraph lead>
        Waar liggen de woningbouwprojecten, en hoe staan ze ervoor? Elke stip is een project; een blauwe cirkel is een groep projecten dicht bij
        elkaar. Klik op een stip om het project te openen, of op een groep om in te zoomen.
      </Paragraph>
      <MapToolbar provincie={provincie} provincies={provincies.data} onChoose={chooseProvincie} help="De kaart toont direct de gekozen provincie.">
        {counts.state === 'ready'
          ? `${formatProjectCount(total)} op de kaart${provincieName ? ` in ${provincieName}` : ''}.`
          : 'Projecten worden geteld…'}
        {counts.state === 'ready' && !drawn && !pointsError && ' De stippen worden geladen…'}
      </MapToolbar>
      {counts.state === 'error' && <ErrorMessage error={counts.error} retry={counts.reload} />}
      {pointsError && <ErrorMessage error={pointsError} />}
      {boundaries.state === 'error' && <ErrorMessage error={boundaries.error} retry={boundaries.reload} />}
      <MapWithLegend container={container} mapError={mapError} ready={overviewDrawn && counts.state === 'ready'} pointsReady={drawn}>
        <ul className="wbm-legend-list">
          {STATUS_COLOURS.map((s) => (
            <li key={s}>
              <StatusDot status={s} />
              <span>
                <strong>{statusLabel(s)}</strong>: {counts.state === 'ready' ? formatProjectCount(counts.data[s]) : '…'}
              </span>
            </li>
          ))}
          <CircleLegendItem>Groep projecten of aantal per gemeente: hoe groter, hoe meer projecten</CircleLegendItem>
          <BordersLegendItem />
        </ul>
        {counts.state === 'ready' && total > 0 && (
          <Paragraph className="wbm-muted">
            {formatNumber(counts.data.rood)} van de {formatNumber(total)} projecten zijn ernstig vertraagd.
          </Paragraph>
        )}
        <Paragraph>
          Liever een lijst? <TextLink to={provincie ? `/projecten?provincie=${provincie}` : '/projecten'}>Bekijk deze projecten in de lijst</TextLink>
          .
        </Paragraph>
      </MapWithLegend>
    </>
  );
}
