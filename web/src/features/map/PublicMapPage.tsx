/**
 * Kaart for the public (signed out): no projects, only the totals per gemeente as circles sized by the
 * number of projects (GET /api/v1/public/aggregates; figures of fewer than 3 projects are not drawn), and
 * the same totals as a table. SPEC §1: the public gets "aggregated open data and maps; no project-level
 * confidential data".
 */
import { useEffect, useMemo } from 'react';
import { api } from '../../api/client.ts';
import { useApi, useReference } from '../../api/hooks.ts';
import { fetchReference } from '../../api/queryClient.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import { ErrorMessage } from '../../components/Feedback.tsx';
import { markReady } from '../../components/readyMarks.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatNumber, formatProjectCount } from '../../labels.ts';
import { DisclosureRule, PublicTotals } from '../public/PublicTotals.tsx';
import { BordersLegendItem, CircleLegendItem, MapToolbar, MapWithLegend, useProvincieParam } from './MapParts.tsx';
import { gemeenteOverview, useOverviewMap } from './useOverviewMap.ts';
import { Heading } from '../../components/Heading.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { TextLink } from '../../components/TextLink.tsx';

export function PublicMapPage() {
  usePageTitle('Kaart');
  const [provincie, chooseProvincie] = useProvincieParam();

  const provincies = useReference('provincies');
  const data = useApi(queryKeys.public.map, (_signal, client) =>
    Promise.all([
      fetchReference(client, 'geo-provincies'),
      fetchReference(client, 'geo-gemeenten'),
      client.fetchQuery({
        queryKey: queryKeys.public.aggregates('gemeente', null),
        queryFn: ({ signal }) => api.publicAggregates('gemeente', null, signal),
      }),
    ]),
  );

  const layers = useMemo(() => {
    if (!data.data) return undefined;
    const [provincieGeo, gemeenteGeo, aggregates] = data.data;
    const counts = aggregates.items.map((a) => ({ code: a.code, provincieCode: a.provincieCode ?? '', projectCount: a.projects }));
    return { provincies: provincieGeo, gemeenten: gemeenteGeo, overview: gemeenteOverview(gemeenteGeo, counts, provincie) };
  }, [data.data, provincie]);
  const map = useOverviewMap({ title: 'Kaart van Nederland met het aantal woningbouwprojecten per gemeente', layers, provincie });

  useEffect(() => {
    if (map.overviewDrawn) markReady('kaart');
  }, [map.overviewDrawn]);

  const aggregates = data.data?.[2];
  const inScope = aggregates?.items.filter((a) => !provincie || a.provincieCode === provincie) ?? [];
  const shownGemeenten = inScope.filter((a) => (a.projects ?? 0) > 0);
  const provincieName = provincies.data?.find((p) => p.code === provincie)?.name;

  return (
    <>
      <Heading level={1}>Kaart</Heading>
      <Paragraph lead>
        Waar wordt gebouwd? Elke blauwe cirkel is een gemeente met woningbouwprojecten: hoe groter de cirkel, hoe meer projecten. De projecten zelf
        zijn alleen zichtbaar voor wie eraan werkt; <TextLink to="/inloggen">log in</TextLink> om uw eigen projecten op de kaart te zien.
      </Paragraph>
      <Paragraph>
        Woningen die per kwartaal begonnen en werden opgeleverd, om te downloaden: zie <TextLink to="/open-data">open data</TextLink>.
      </Paragraph>
      {aggregates && <DisclosureRule rule={aggregates.rule} />}
      <MapToolbar provincie={provincie} provincies={provincies.data} onChoose={chooseProvincie}>
        {aggregates
          ? `${formatNumber(shownGemeenten.length)} ${shownGemeenten.length === 1 ? 'gemeente' : 'gemeenten'} met ${formatProjectCount(
              shownGemeenten.reduce((s, a) => s + (a.projects ?? 0), 0),
            )} op de kaart${provincieName ? ` in ${provincieName}` : ''}.`
          : 'De totalen worden geteld…'}
      </MapToolbar>
      {data.state === 'error' && <ErrorMessage error={data.error} retry={data.reload} />}
      <MapWithLegend container={map.container} mapError={map.mapError} ready={map.overviewDrawn}>
        <ul className="wbm-legend-list">
          <CircleLegendItem>Aantal projecten in een gemeente: hoe groter, hoe meer projecten</CircleLegendItem>
          <BordersLegendItem />
        </ul>
        <Paragraph className="wbm-muted">Gemeenten waarvan we het aantal niet tonen, hebben geen cirkel.</Paragraph>
      </MapWithLegend>
      <PublicTotals provincie={provincie || null} />
    </>
  );
}
