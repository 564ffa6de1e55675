/**
 * The map of "Ligging" (loaded on demand: maplibre is large): the gemeente boundaries with the project's
 * gemeente outlined, a marker at the chosen point, and a click that picks a point. Optional: the coordinate
 * fields do the same without a mouse.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { LonLat } from '../../../../src/domain/coordinates.ts';
import { fetchReference } from '../../api/queryClient.ts';
import { Paragraph } from '../../components/Paragraph.tsx';
import { addBoundaryLayers, createMap, featureBounds, maplibregl } from '../map/mapBase.ts';

export interface LocationMapProps {
  point: LonLat | null;
  gemeenteCode: string;
  onPick: (point: LonLat) => void;
}

export default function LocationMap({ point, gemeenteCode, onPick }: LocationMapProps) {
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<maplibregl.Map | null>(null);
  const marker = useRef<maplibregl.Marker | null>(null);
  const pick = useRef(onPick);
  const queryClient = useQueryClient();
  const [ready, setReady] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    pick.current = onPick;
  }, [onPick]);

  useEffect(() => {
    if (!container.current) return;
    let m: maplibregl.Map;
    try {
      m = createMap(container.current, { title: 'Kaart om de ligging van het project te kiezen' });
    } catch (err) {
      setError(`De kaart kan in deze browser niet worden getoond (${(err as Error).message}). Vul de coördinaten in.`);
      return;
    }
    map.current = m;
    m.getCanvas().style.cursor = 'crosshair';
    m.on('click', (e) => pick.current({ lon: e.lngLat.lng, lat: e.lngLat.lat }));
    m.on('load', () => {
      addBoundaryLayers(m, { gemeentenAlways: true });
      m.once('idle', () => setReady(true));
    });
    return () => {
      map.current = null;
      marker.current = null;
      m.remove();
    };
  }, []);

  // The gemeente boundaries, and the view on the chosen gemeente (until a point is chosen).
  useEffect(() => {
    const m = map.current;
    if (!m || !ready || !gemeenteCode) return;
    let active = true;
    void Promise.all([fetchReference(queryClient, 'geo-provincies'), fetchReference(queryClient, 'geo-gemeenten')]).then(([provincies, geo]) => {
      if (!active || !map.current) return;
      (m.getSource('provincies') as maplibregl.GeoJSONSource | undefined)?.setData(provincies);
      (m.getSource('gemeenten') as maplibregl.GeoJSONSource | undefined)?.setData(geo);
      const feature = geo.features.find((f) => String(f.properties?.code) === gemeenteCode);
      const bounds = feature ? featureBounds(feature) : null;
      if (bounds && !marker.current) m.fitBounds(bounds, { padding: 24, duration: 0 });
    });
    return () => {
      active = false;
    };
  }, [ready, gemeenteCode, queryClient]);

  useEffect(() => {
    const m = map.current;
    if (!m) return;
    if (!point) {
      marker.current?.remove();
      marker.current = null;
      return;
    }
    if (!marker.current) marker.current = new maplibregl.Marker({ color: '#154273' }).setLngLat([point.lon, point.lat]).addTo(m);
    else marker.current.setLngLat([point.lon, point.lat]);
  }, [point]);

  if (error) return <Paragraph>{error}</Paragraph>;
  return (
    <div className="wbm-location-map">
      <Paragraph className="wbm-muted">Klik op de kaart om de ligging te kiezen. De coördinaten hierboven worden dan ingevuld.</Paragraph>
      <div ref={container} className="wbm-map wbm-map--location" data-testid="location-map" data-ready={ready ? 'true' : 'false'} />
    </div>
  );
}
