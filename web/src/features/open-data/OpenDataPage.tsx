/**
 * Open data (signed out or in): the figures per gemeente and quarter on a map and in a table — homes started,
 * homes completed and the pipeline at the end of the quarter — with the rule that hides small figures, the
 * downloads (CSV, JSON, GeoJSON, and the address for GIS programs) and what every column means, in plain
 * Dutch. GET /api/v1/open-data/quarters. SPEC §1 (public, researchers: "aggregated open data and maps; no
 * project-level confidential data"), §7, §8 (field definitions).
 */
import { useId, useMemo, useState } from 'react';
import { api } from '../../api/client.ts';
import { useApi, useReference } from '../../api/hooks.ts';
import { fetchReference } from '../../api/queryClient.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import type { OpenDataQuarterCell } from '../../api/types.ts';
import { DataItem } from '../../components/DataItem.tsx';
import { ErrorMessage, Loading } from '../../components/Feedback.tsx';
import { FormField } from '../../components/FormField.tsx';
import { Heading } from '../../components/Heading.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { Select } from '../../components/Select.tsx';
import { Table } from '../../components/Table.tsx';
import { TextLink } from '../../components/TextLink.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatNumber } from '../../labels.ts';
import { addKwartalen, kwartaalLabel, quarterOf, type Kwartaal } from '../../../../src/domain/kwartaal.ts';
import { BordersLegendItem, CircleLegendItem, MapToolbar, MapWithLegend, useProvincieParam } from '../map/MapParts.tsx';
import { gemeenteOverview, useOverviewMap } from '../map/useOverviewMap.ts';
import { DisclosureRule, Hidden } from '../public/PublicTotals.tsx';

/** The eight quarters offered: the current one and the seven before it, newest first. */
function recentQuarters(): Kwartaal[] {
  const now = quarterOf(new Date().toISOString().slice(0, 10));
  return Array.from({ length: 8 }, (_, i) => addKwartalen(now, -i));
}

const FIGURES = {
  pipelineHomes: { label: 'Woningen in voorbereiding en in aanbouw', value: (c: OpenDataQuarterCell) => c.pipeline.homes },
  pipelineProjects: { label: 'Projecten in voorbereiding en in aanbouw', value: (c: OpenDataQuarterCell) => c.pipeline.projects },
  startedHomes: { label: 'Woningen waarvan de bouw begon', value: (c: OpenDataQuarterCell) => c.started.homes },
  completedHomes: { label: 'Opgeleverde woningen', value: (c: OpenDataQuarterCell) => c.completed.homes },
} as const;
type FigureKey = keyof typeof FIGURES;

const count = (v: number | null) => (v === null ? <Hidden /> : formatNumber(v));

/** What each column of the download means (the OpenAPI document has the same, in English, for developers). */
const DEFINITIONS: Array<[string, string]> = [
  ['gemeente_code, gemeente_naam, provincie_code', 'De gemeente (indeling van 2025) en haar provincie, met de codes van het CBS.'],
  ['kwartaal', 'Het kwartaal waarover de cijfers gaan, bijvoorbeeld 2026-Q3 voor juli tot en met september 2026.'],
  [
    'gestart_projecten, gestart_woningen',
    'Projecten waarvan de bouw in dit kwartaal begon (de mijlpaal start bouw is gehaald), en het aantal woningen in die projecten.',
  ],
  [
    'opgeleverd_projecten, opgeleverd_woningen',
    'Projecten die in dit kwartaal zijn opgeleverd, en het aantal opgeleverde woningen (bij een gedeeltelijke oplevering alleen dat deel).',
  ],
  [
    'pijplijn_projecten, pijplijn_woningen',
    'Projecten die op de laatste dag van het kwartaal liepen: ze hadden al een mijlpaal gehaald, waren nog niet opgeleverd en niet stopgezet. Met het aantal woningen dat ze samen zullen bouwen.',
  ],
  ['pijplijn_woningen_fase_…', 'Diezelfde woningen naar de fase waarin hun project op die dag was (van initiatief tot realisatie).'],
  [
    'pijplijn_woningen_planstatus_…',
    'Diezelfde woningen naar de planstatus (hoe hard het plan is). Dit is de planstatus van nu: eerdere planstatussen bewaren we niet.',
  ],
  ['pijplijn_woningen_segment_…', 'Woningen naar segment, zoals sociale huur en middenhuur, volgens het woningprogramma van nu.'],
];

export function OpenDataPage() {
  usePageTitle('Open data');
  const id = useId();
  const quarters = useMemo(() => recentQuarters(), []);
  const [quarter, setQuarter] = useState<Kwartaal>(quarters[1] ?? quarters[0]!);
  const [figure, setFigure] = useState<FigureKey>('pipelineHomes');
  const [provincie, chooseProvincie] = useProvincieParam();
  const provincies = useReference('provincies');

  const geo = useApi(queryKeys.public.map, (_signal, client) =>
    Promise.all([fetchReference(client, 'geo-provincies'), fetchReference(client, 'geo-gemeenten')]),
  );
  const data = useApi(queryKeys.public.openData(quarter), (signal) => api.openDataQuarters(quarter, signal));

  const inScope = useMemo(() => (data.data?.items ?? []).filter((c) => !provincie || c.provincieCode === provincie), [data.data, provincie]);
  const layers = useMemo(() => {
    if (!geo.data || !data.data) return undefined;
    const [provincieGeo, gemeenteGeo] = geo.data;
    const values = inScope.map((c) => FIGURES[figure].value(c) ?? 0);
    const max = Math.max(1, ...values);
    // Circle sizes follow the figure relative to the largest gemeente shown (the map draws up to 40 as the largest circle).
    const counts = inScope.map((c) => ({
      code: c.gemeenteCode,
      provincieCode: c.provincieCode,
      projectCount: ((FIGURES[figure].value(c) ?? 0) / max) * 1600,
    }));
    return { provincies: provincieGeo, gemeenten: gemeenteGeo, overview: gemeenteOverview(gemeenteGeo, counts, provincie) };
  }, [geo.data, data.data, inScope, figure, provincie]);
  // A fixed title: a new title would make a new map. The chosen figure and quarter are said beside it (role=status).
  const map = useOverviewMap({ title: 'Kaart van Nederland met open data per gemeente', layers, provincie });

  const rows = inScope.filter((c) => [c.started, c.completed, c.pipeline].some((f) => f.suppressed || (f.projects ?? 0) > 0));
  const shown = inScope.filter((c) => (FIGURES[figure].value(c) ?? 0) > 0);
  const range = `from=${quarters.at(-1)}&to=${quarters[0]}`;
  const one = `from=${quarter}&to=${quarter}`;
  const ogcUrl = `${window.location.origin}/api/v1/ogc`;

  return (
    <>
      <Heading level={1}>Open data</Heading>
      <Paragraph lead>
        Hoeveel woningen begonnen, werden opgeleverd en stonden in de planning, per gemeente en per kwartaal. Iedereen mag deze cijfers gebruiken. Het
        zijn totalen: er staat geen enkel project in.
      </Paragraph>
      {data.data && <DisclosureRule rule={data.data.rule} />}

      <div className="wbm-map-toolbar">
        <FormField id={`${id}-kwartaal`} label="Kwartaal">
          <Select id={`${id}-kwartaal`} value={quarter} onChange={(e) => setQuarter(e.target.value as Kwartaal)}>
            {quarters.map((q) => (
              <option key={q} value={q}>
                {kwartaalLabel(q)}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField id={`${id}-cijfer`} label="Cijfer op de kaart">
          <Select id={`${id}-cijfer`} value={figure} onChange={(e) => setFigure(e.target.value as FigureKey)}>
            {(Object.keys(FIGURES) as FigureKey[]).map((k) => (
              <option key={k} value={k}>
                {FIGURES[k].label}
              </option>
            ))}
          </Select>
        </FormField>
      </div>
      <MapToolbar provincie={provincie} provincies={provincies.data} onChoose={chooseProvincie}>
        {data.data
          ? `${formatNumber(shown.length)} ${shown.length === 1 ? 'gemeente' : 'gemeenten'} op de kaart: ${FIGURES[figure].label.toLowerCase()}, ${kwartaalLabel(quarter)}.`
          : 'De cijfers worden geteld…'}
      </MapToolbar>
      {data.state === 'error' && <ErrorMessage error={data.error} retry={data.reload} />}
      {geo.state === 'error' && <ErrorMessage error={geo.error} retry={geo.reload} />}
      <MapWithLegend container={map.container} mapError={map.mapError} ready={map.overviewDrawn}>
        <ul className="wbm-legend-list">
          <CircleLegendItem>{FIGURES[figure].label} in een gemeente: hoe groter, hoe meer</CircleLegendItem>
          <BordersLegendItem />
        </ul>
        <Paragraph className="wbm-muted">
          Gemeenten zonder dit cijfer, of waarvan we het niet tonen, hebben geen cirkel. De tabel hieronder geeft dezelfde cijfers.
        </Paragraph>
      </MapWithLegend>

      <section aria-labelledby={`${id}-tabel`} className="wbm-section" data-testid="open-data-table">
        <Heading level={2} id={`${id}-tabel`}>
          Cijfers per gemeente, {kwartaalLabel(quarter)}
        </Heading>
        {data.state === 'loading' && <Loading>De cijfers worden geteld…</Loading>}
        {data.data && (
          <Table
            caption={`Woningen per gemeente in het ${kwartaalLabel(quarter)} (gemeenten zonder projecten staan er niet in)`}
            rows={rows}
            scrollLabel="Cijfers per gemeente (schuif opzij voor alle kolommen)"
            rowKey={(c) => c.gemeenteCode}
            rowData={(c) => ({ 'data-code': c.gemeenteCode })}
            columns={[
              { key: 'gemeente', header: 'Gemeente', cell: (c) => c.gemeenteName },
              { key: 'started', header: 'Bouw begonnen (woningen)', numeric: true, cell: (c) => count(c.started.homes) },
              { key: 'completed', header: 'Opgeleverd (woningen)', numeric: true, cell: (c) => count(c.completed.homes) },
              { key: 'pipelineProjects', header: 'Lopende projecten', numeric: true, cell: (c) => count(c.pipeline.projects) },
              { key: 'pipelineHomes', header: 'Woningen in lopende projecten', numeric: true, cell: (c) => count(c.pipeline.homes) },
            ]}
          />
        )}
      </section>

      <section aria-labelledby={`${id}-downloads`} className="wbm-section">
        <Heading level={2} id={`${id}-downloads`}>
          Downloaden
        </Heading>
        <Paragraph>Alle gemeenten, één regel per gemeente en kwartaal. Een leeg vak is een aantal dat we niet tonen.</Paragraph>
        <ul className="utrecht-unordered-list" data-testid="open-data-downloads">
          <li>
            <TextLink href={`/api/v1/open-data/quarters.csv?${one}`} download>
              {kwartaalLabel(quarter)} als CSV-bestand (voor Excel en statistiekprogramma’s)
            </TextLink>
          </li>
          <li>
            <TextLink href={`/api/v1/open-data/quarters.csv?${range}`} download>
              De laatste acht kwartalen als CSV-bestand
            </TextLink>
          </li>
          <li>
            <TextLink href={`/api/v1/open-data/quarters.geojson?${one}`} download>
              {kwartaalLabel(quarter)} met de gemeentegrenzen als GeoJSON-bestand (voor kaartprogramma’s)
            </TextLink>
          </li>
          <li>
            <TextLink href={`/api/v1/open-data/quarters?${range}`} download>
              De laatste acht kwartalen als JSON-bestand (voor programmeurs)
            </TextLink>
          </li>
        </ul>
        <Paragraph>
          In een kaartprogramma zoals QGIS kunt u de lagen ook rechtstreeks openen als OGC API Features, met dit adres: <code>{ogcUrl}</code>. De
          technische beschrijving staat in de <TextLink href="/api/v1/docs">documentatie van de koppeling</TextLink>.
        </Paragraph>
      </section>

      <section aria-labelledby={`${id}-velden`} className="wbm-section" data-testid="open-data-definitions">
        <Heading level={2} id={`${id}-velden`}>
          Wat betekenen de kolommen?
        </Heading>
        <dl className="utrecht-data-list wbm-data-list">
          {DEFINITIONS.map(([term, meaning]) => (
            <DataItem key={term} term={term}>
              {meaning}
            </DataItem>
          ))}
        </dl>
        <Paragraph>
          Aantallen zijn aantallen projecten; woningen zijn aantallen woningen. Cijfers van minder dan {data.data?.minProjects ?? 3} projecten tonen
          we niet. Als een totaal dan toch zou verraden wat er verborgen is, verbergen we ook het volgende kleinste cijfer. Een 0 tonen we wel: die
          verraadt geen project.
        </Paragraph>
      </section>
    </>
  );
}
