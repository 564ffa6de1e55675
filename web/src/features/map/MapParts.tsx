/**
 * What both Kaart pages (public and signed in) show around the map: the province chooser with the count
 * next to it, and the map beside its legend. The legend and the count are text, so the map itself never
 * has to be seen.
 */
import { useId, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import type { Provincie } from '../../api/types.ts';
import { FormField } from '../../components/FormField.tsx';
import { LegendSymbol } from '../../components/LegendSymbol.tsx';
import type { OverviewMap } from './useOverviewMap.ts';
import { Paragraph } from '../../components/Paragraph.tsx';
import { Select } from '../../components/Select.tsx';
import { FieldDescription } from '../../components/FieldDescription.tsx';

/** The province chosen in the URL (`?provincie=PV27`), or '' for the whole country, and how to choose another. */
export function useProvincieParam(): [provincie: string, choose: (provincie: string) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const value = searchParams.get('provincie') ?? '';
  return [/^PV\d{2}$/.test(value) ? value : '', (provincie) => setSearchParams(provincie ? { provincie } : {})];
}

/** The province chooser (with an optional help text) and the count, read out when it changes. */
export function MapToolbar({
  provincie,
  provincies,
  onChoose,
  help,
  children,
}: {
  provincie: string;
  provincies: readonly Provincie[] | undefined;
  onChoose: (provincie: string) => void;
  help?: string;
  /** The count of what is on the map. */
  children: ReactNode;
}) {
  const id = useId();
  return (
    <div className="wbm-map-toolbar">
      <FormField id={`${id}-provincie`} label="Provincie">
        {help && <FieldDescription id={`${id}-provincie-help`}>{help}</FieldDescription>}
        <Select
          id={`${id}-provincie`}
          aria-describedby={help ? `${id}-provincie-help` : undefined}
          value={provincie}
          onChange={(e) => onChoose(e.target.value)}
        >
          <option value="">Heel Nederland</option>
          {(provincies ?? []).map((p) => (
            <option key={p.code} value={p.code}>
              {p.name}
            </option>
          ))}
        </Select>
      </FormField>
      <Paragraph className="wbm-count" role="status" aria-live="polite">
        {children}
      </Paragraph>
    </div>
  );
}

/**
 * The map (or why it cannot be shown) beside the legend. `data-ready` tells tests and the benchmark the
 * map is usable; `pointsReady`, where the page draws project points, that they are drawn too.
 */
export function MapWithLegend({
  container,
  mapError,
  ready,
  pointsReady,
  children,
}: {
  /** Where the map is drawn (from useOverviewMap). */
  container: OverviewMap['container'];
  mapError: string | null;
  ready: boolean;
  pointsReady?: boolean;
  /** The legend's items and notes. */
  children: ReactNode;
}) {
  const id = useId();
  const flag = (on: boolean | undefined) => (on === undefined ? undefined : on ? 'true' : 'false');
  return (
    <div className="wbm-map-layout">
      <div className="wbm-map-frame">
        {mapError ? (
          <Paragraph>{mapError}</Paragraph>
        ) : (
          <div ref={container} className="wbm-map" data-testid="map" data-ready={flag(ready)} data-points-ready={flag(pointsReady)} />
        )}
      </div>
      <section className="wbm-map-legend" aria-labelledby={`${id}-legend`}>
        <h2 className="nl-heading nl-heading--level-3" id={`${id}-legend`}>
          Legenda
        </h2>
        {children}
      </section>
    </div>
  );
}

/** Legend item of the blue circles: a gemeente's number of projects (or a group of projects). */
export function CircleLegendItem({ children }: { children: ReactNode }) {
  return (
    <li>
      <LegendSymbol>
        <circle cx="10" cy="10" r="8" fill="#154273" fillOpacity="0.75" stroke="#fff" strokeWidth="2" />
      </LegendSymbol>
      <span>{children}</span>
    </li>
  );
}

/** Legend item of the borders. */
export function BordersLegendItem() {
  return (
    <li>
      <span className="wbm-legend-line" aria-hidden="true" />
      <span>Provinciegrens (gemeentegrenzen bij inzoomen)</span>
    </li>
  );
}
