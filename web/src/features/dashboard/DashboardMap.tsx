/**
 * Map of a table's projects, coloured by status (loaded on demand: maplibre is large). The points come
 * with their own request after the dashboard; the gemeente boundaries of the region are drawn around them. The legend with
 * counts in words is part of the dashboard page.
 */
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { fetchReference } from '../../api/queryClient.ts';
import type { MapPoint } from '../../api/types.ts';
import { markReady } from '../../components/readyMarks.ts';
import { addBoundaryLayers, addProjectLayers, coordinateBounds, createMap, maplibregl, wireProjectInteraction } from '../map/mapBase.ts';
import { projectUrl } from './drilldown.ts';
import { Paragraph } from '../../components/Paragraph.tsx';

export interface DashboardMapProps {
  points: MapPoint[];
  gemeenteCodes: string[];
  /** Name of the region, for the map's accessible title. */
  regionName: string;
}

export function toFeatureCollection(points: MapPoint[]): GeoJSON.FeatureCollection<GeoJSON.Point> {
  return {
    type: 'FeatureCollection',
    // A point arrives as [id, name, lon, lat, status, homes] (a compact array: the dashboard stays small).
    features: points.map(([id, name, lon, lat, status, homes]) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [lon, lat] },
      properties: { id, name, status, homes },
    })),
  };
}

export default function DashboardMap({ points, gemeenteCodes, regionName }: DashboardMapProps) {
  const container = useRef<HTMLDivElement>(null);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [ready, setReady] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!container.current) return;
    const bounds = coordinateBounds(points.map(([, , lon, lat]) => [lon, lat])) ?? undefined;
    let map: maplibregl.Map;
    try {
      map = createMap(container.current, { bounds, title: `Kaart met de projecten van ${regionName}` });
    } catch (err) {
      setError(`De kaart kan in deze browser niet worden getoond (${(err as Error).message}).`);
      return;
    }
    let active = true;
    let unwire = () => undefined as void;
    map.on('load', () => {
      addBoundaryLayers(map, { gemeentenAlways: true });
      addProjectLayers(map, toFeatureCollection(points));
      unwire = wireProjectInteraction(map, (id) => navigate(projectUrl(id)));
      void fetchReference(queryClient, 'geo-gemeenten').then((geo) => {
        if (!active) return;
        const codes = new Set(gemeenteCodes);
        (map.getSource('gemeenten') as maplibregl.GeoJSONSource).setData({
          ...geo,
          features: geo.features.filter((f) => codes.has(String(f.properties?.code))),
        });
      });
      map.once('idle', () => {
        if (!active) return;
        setReady(true);
        markReady('tafeloverzicht-kaart');
      });
    });
    return () => {
      active = false;
      unwire();
      map.remove();
    };
  }, [points, gemeenteCodes, regionName, navigate, queryClient]);

  if (error) return <Paragraph>{error}</Paragraph>;
  return <div ref={container} className="wbm-map wbm-map--dashboard" data-testid="dashboard-map" data-ready={ready ? 'true' : 'false'} />;
}
