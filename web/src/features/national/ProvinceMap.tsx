/**
 * Map of the twelve provinces coloured by target attainment (loaded on demand: maplibre is large).
 * The map carries no text (no glyphs without internet): the legend and the table next to it say the
 * same in words.
 */
import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { fetchReference } from '../../api/queryClient.ts';
import { createMap, type maplibregl } from '../map/mapBase.ts';
import { ATTAINMENT_COLOURS, attainmentClass } from './attainment.ts';
import { Paragraph } from '../../components/Paragraph.tsx';

export interface ProvinceMapProps {
  provinces: { code: string; attainment: number | null }[];
  /** Called once when the map has drawn the provinces (or could not be shown). */
  onReady: () => void;
}

export default function ProvinceMap({ provinces, onReady }: ProvinceMapProps) {
  const container = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const readyRef = useRef(onReady);
  readyRef.current = onReady;
  const queryClient = useQueryClient();

  useEffect(() => {
    if (!container.current) return;
    let map: maplibregl.Map;
    try {
      map = createMap(container.current, { title: 'Kaart van de provincies, gekleurd naar het verwachte aandeel van het doel' });
    } catch (err) {
      setError(`De kaart kan in deze browser niet worden getoond (${(err as Error).message}).`);
      readyRef.current();
      return;
    }
    let active = true;
    const colourByCode: Record<string, string> = Object.fromEntries(
      provinces.map((p) => [p.code, ATTAINMENT_COLOURS[attainmentClass(p.attainment)]]),
    );
    map.on('load', () => {
      void fetchReference(queryClient, 'geo-provincies').then(
        (geo) => {
          if (!active) return;
          const features = geo.features.map((f) => ({
            ...f,
            properties: { ...f.properties, kleur: colourByCode[String(f.properties?.code)] ?? ATTAINMENT_COLOURS.geen_doel },
          }));
          map.addSource('provincies', { type: 'geojson', data: { type: 'FeatureCollection', features } });
          map.addLayer({ id: 'provincie-vlak', type: 'fill', source: 'provincies', paint: { 'fill-color': ['get', 'kleur'], 'fill-opacity': 0.85 } });
          map.addLayer({ id: 'provincie-grens', type: 'line', source: 'provincies', paint: { 'line-color': '#1a1a1a', 'line-width': 1.2 } });
          map.once('idle', () => {
            if (!active) return;
            setReady(true);
            readyRef.current();
          });
        },
        () => {
          if (!active) return;
          setError('De provinciegrenzen konden niet worden geladen. De tabel naast de kaart heeft dezelfde cijfers.');
          readyRef.current();
        },
      );
    });
    return () => {
      active = false;
      map.remove();
    };
  }, [provinces, queryClient]);

  if (error) return <Paragraph>{error}</Paragraph>;
  return <div ref={container} className="wbm-map wbm-map--national" data-testid="national-map" data-ready={ready ? 'true' : 'false'} />;
}
