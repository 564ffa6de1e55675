/**
 * Realisatiestimulans, the overview (issue 16; SPEC §4.1): for the ministry the nation — budget against claims
 * with the shortfall and a pro-rata scenario, the payout schedule, per province and per gemeente on both counting
 * bases with their difference; for a province analyst its province. A gemeente goes straight to its own page.
 * GET /api/v1/realisatiestimulans. Supplements are a scenario, marked as not fixed by policy.
 */
import { BarChart } from 'echarts/charts';
import { useMemo, type ReactNode } from 'react';
import { Navigate } from 'react-router';
import { apiGet } from '../../api/client.ts';
import { useApi } from '../../api/hooks.ts';
import type { RealisatiestimulansBudgetCheck, RealisatiestimulansOverview } from '../../api/types.ts';
import { isSignedIn, useAuth } from '../../auth/AuthContext.tsx';
import { EChart, registerEchartsPart, yearChartOption } from '../../components/EChart.tsx';
import { ErrorMessage, Loading } from '../../components/Feedback.tsx';
import { Heading } from '../../components/Heading.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { Section } from '../../components/Section.tsx';
import { DataCell, RowHeaderCell, Table, TableRow } from '../../components/Table.tsx';
import { TextLink } from '../../components/TextLink.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatNumber, formatPercent } from '../../labels.ts';
import { INSTRUMENTS_PATH, realisatiestimulansGemeentePath } from './paths.ts';
import {
  BASIS_LABELS,
  formatEuro,
  formatPaymentQuarter,
  HowItWorks,
  ScenarioForm,
  useScenarioQuery,
  type Basis,
} from './realisatiestimulansParts.tsx';

registerEchartsPart([BarChart]);

type GemeenteRow = RealisatiestimulansOverview['gemeenten'][number];
type ProvincieRow = RealisatiestimulansOverview['provincies'][number];

export function RealisatiestimulansPage() {
  usePageTitle('Realisatiestimulans');
  const { state } = useAuth();
  const query = useScenarioQuery();
  const overview = useApi(['realisatiestimulans', 'overview', query], (signal) =>
    apiGet<RealisatiestimulansOverview>(`/realisatiestimulans${query}`, signal),
  );
  const ownGemeente = isSignedIn(state) && state.me.principal.role === 'gemeente_editor' ? state.me.principal.gemeenteCode : null;
  if (ownGemeente) return <Navigate to={`${realisatiestimulansGemeentePath(ownGemeente)}${query}`} replace />;

  return (
    <>
      <Paragraph>
        <TextLink to={INSTRUMENTS_PATH}>Financiële instrumenten</TextLink>
      </Paragraph>
      <Heading level={1}>Realisatiestimulans</Heading>
      <Paragraph lead>
        Wat gemeenten krijgen voor hun betaalbare woningen, berekend uit de projecten in de monitor. Met het budget, de uitbetaling per jaar en de
        bedragen per provincie en gemeente.
      </Paragraph>
      <Section id="rs-how" title="Zo werkt het">
        <HowItWorks />
      </Section>
      <Section id="rs-scenario" title="Aftrek en opslagen">
        <ScenarioForm />
      </Section>
      {overview.state === 'loading' && <Loading />}
      {overview.state === 'error' && <ErrorMessage error={overview.error} retry={overview.reload} />}
      {overview.data && <Figures overview={overview.data} />}
    </>
  );
}

function Figures({ overview }: { overview: RealisatiestimulansOverview }) {
  const gemeenten = overview.gemeenten.filter((g) => hasFigures(g));
  const scope = overview.area.level === 'nl' ? 'alle gemeenten' : 'de gemeenten in uw provincie';
  return (
    <>
      {overview.budget && <Budget budget={overview.budget} />}
      <Payout overview={overview} />
      {overview.area.level === 'nl' && (
        <Section id="rs-provincies" title="Per provincie">
          <AreaTable
            caption="Realisatiestimulans per provincie, gerealiseerd, op beide manieren van tellen"
            rows={overview.provincies}
            name={(p: ProvincieRow) => p.provincieName}
            rowKey={(p: ProvincieRow) => p.provincieCode}
            testId="rs-provincies"
            total={overview.total}
          />
        </Section>
      )}
      <Section id="rs-gemeenten" title="Per gemeente">
        <Paragraph>
          {formatNumber(gemeenten.length)} van {formatNumber(overview.gemeenten.length)} gemeenten hebben betaalbare woningen die meetellen ({scope}).
          Kies een gemeente voor de projecten achter de bedragen.
        </Paragraph>
        <AreaTable
          caption="Realisatiestimulans per gemeente, gerealiseerd, op beide manieren van tellen"
          rows={gemeenten}
          name={(g: GemeenteRow) => <TextLink to={realisatiestimulansGemeentePath(g.gemeenteCode)}>{g.gemeenteName}</TextLink>}
          rowKey={(g: GemeenteRow) => g.gemeenteCode}
          testId="rs-gemeenten"
          total={overview.total}
          proRata={overview.budget?.start_bouw.proRataFactor}
        />
      </Section>
    </>
  );
}

const hasFigures = (g: GemeenteRow) =>
  g.start_bouw.realised.countedHomes + g.oplevering.realised.countedHomes + g.start_bouw.expected.countedHomes + g.oplevering.expected.countedHomes >
  0;

function Budget({ budget }: { budget: Record<Basis, RealisatiestimulansBudgetCheck> }) {
  const rows = (['start_bouw', 'oplevering'] as const).map((basis) => ({ basis, ...budget[basis] }));
  const first = rows[0]!;
  return (
    <Section id="rs-budget" title="Budget en aanspraken">
      <Paragraph>
        Voor betaalbare woningen is {formatEuro(first.budgetEuros)} beschikbaar. Aanspraken zijn de bedragen voor woningen die al meetellen
        (gerealiseerd) plus de woningen die volgens de planning nog in de jaren tot en met 2029 komen (verwacht). Als de aanspraken hoger zijn dan het
        budget, ziet u het tekort en wat elke gemeente krijgt als iedereen naar verhouding minder krijgt.
      </Paragraph>
      <Table
        caption="Budget tegenover de aanspraken, per manier van tellen"
        testId="rs-budget"
        rows={rows}
        rowKey={(r) => r.basis}
        columns={[
          { key: 'basis', header: 'Manier van tellen', cell: (r) => BASIS_LABELS[r.basis] },
          { key: 'budget', header: 'Budget', numeric: true, className: 'wbm-nowrap', cell: (r) => formatEuro(r.budgetEuros) },
          { key: 'realised', header: 'Gerealiseerd', numeric: true, className: 'wbm-nowrap', cell: (r) => formatEuro(r.realisedEuros) },
          { key: 'expected', header: 'Verwacht', numeric: true, className: 'wbm-nowrap', cell: (r) => formatEuro(r.expectedEuros) },
          { key: 'claims', header: 'Aanspraken samen', numeric: true, className: 'wbm-nowrap', cell: (r) => formatEuro(r.claimsEuros) },
          {
            key: 'shortfall',
            header: 'Tekort',
            numeric: true,
            cell: (r) => formatEuro(r.shortfallEuros),
            cellData: (r) => ({ 'data-shortfall': r.shortfallEuros }),
          },
          { key: 'prorata', header: 'Naar verhouding', numeric: true, cell: (r) => formatPercent(r.proRataFactor) },
        ]}
      />
      <Paragraph>
        Voor de opslagen is {formatEuro(first.supplementBudgetEuros)} beschikbaar. Met de opslagen die u hierboven invulde (niet vastgelegd in beleid)
        zijn de aanspraken {formatEuro(first.supplementClaimsEuros)} bij start bouw
        {first.supplementShortfallEuros > 0 ? `: een tekort van ${formatEuro(first.supplementShortfallEuros)}` : ''}.
      </Paragraph>
    </Section>
  );
}

function Payout({ overview }: { overview: RealisatiestimulansOverview }) {
  const years = overview.payout.start_bouw.map((p, i) => ({ ...p, oplevering: overview.payout.oplevering[i]! }));
  const option = useMemo(
    () =>
      yearChartOption({
        description: `Uitbetaling per jaar bij start bouw en bij oplevering. ${years
          .map((y) => `${y.year}: ${formatEuro(y.netEuros)} en ${formatEuro(y.oplevering.netEuros)}`)
          .join('; ')}.`,
        decal: true,
        years: years.map((y) => y.year),
        yAxisName: 'Euro',
        grid: { left: 110, right: 16, top: 32, bottom: 56 },
        tooltip: { valueFormatter: (v: number) => formatEuro(v) },
        legend: { data: ['Start bouw', 'Oplevering'] },
        series: [
          { name: 'Start bouw', type: 'bar', barMaxWidth: 32, itemStyle: { color: '#154273' }, data: years.map((y) => y.netEuros) },
          { name: 'Oplevering', type: 'bar', barMaxWidth: 32, itemStyle: { color: '#a35a00' }, data: years.map((y) => y.oplevering.netEuros) },
        ],
      }),
    [years],
  );
  return (
    <Section id="rs-payout" title="Uitbetaling per jaar">
      <Paragraph>Het bedrag voor een jaar wordt betaald in het 4e kwartaal van het jaar erna.</Paragraph>
      <EChart option={option} className="wbm-chart wbm-chart--national" testId="rs-payout-chart" />
      <Table
        caption="Uitbetaling per jaar, gerealiseerd, per manier van tellen"
        testId="rs-payout"
        rows={years}
        rowKey={(y) => y.year}
        columns={[
          { key: 'year', header: 'Jaar van tellen', cell: (y) => String(y.year) },
          { key: 'paid', header: 'Betaald in', cell: (y) => formatPaymentQuarter(y.paymentQuarter) },
          { key: 'start', header: 'Start bouw', numeric: true, className: 'wbm-nowrap', cell: (y) => formatEuro(y.netEuros) },
          { key: 'opl', header: 'Oplevering', numeric: true, className: 'wbm-nowrap', cell: (y) => formatEuro(y.oplevering.netEuros) },
          { key: 'exp', header: 'Verwacht bij start bouw', numeric: true, className: 'wbm-nowrap', cell: (y) => formatEuro(y.expectedEuros) },
        ]}
      />
    </Section>
  );
}

type Figures = Pick<GemeenteRow, 'start_bouw' | 'oplevering' | 'differenceNetEuros'>;

function AreaTable<Row extends Figures>({
  caption,
  rows,
  name,
  rowKey,
  testId,
  total,
  proRata,
}: {
  caption: string;
  rows: Row[];
  name: (row: Row) => ReactNode;
  rowKey: (row: Row) => string;
  testId: string;
  total: Figures;
  proRata?: number;
}) {
  const showProRata = proRata !== undefined && proRata < 1;
  return (
    <Table
      caption={caption}
      testId={testId}
      rows={rows}
      rowKey={rowKey}
      rowData={(r) => ({ 'data-code': rowKey(r) })}
      scrollLabel={caption}
      empty={<Paragraph>Er zijn nog geen betaalbare woningen die meetellen.</Paragraph>}
      columns={[
        { key: 'name', header: 'Naam', cell: name },
        { key: 'sbHomes', header: 'Woningen start bouw', numeric: true, cell: (r) => formatNumber(r.start_bouw.realised.affordableHomes) },
        {
          key: 'sbEuro',
          header: 'Bedrag start bouw',
          numeric: true,
          className: 'wbm-nowrap',
          cell: (r) => formatEuro(r.start_bouw.realised.netEuros),
          cellData: (r) => ({ 'data-net-start': r.start_bouw.realised.netEuros }),
        },
        { key: 'opHomes', header: 'Woningen oplevering', numeric: true, cell: (r) => formatNumber(r.oplevering.realised.affordableHomes) },
        {
          key: 'opEuro',
          header: 'Bedrag oplevering',
          numeric: true,
          className: 'wbm-nowrap',
          cell: (r) => formatEuro(r.oplevering.realised.netEuros),
        },
        { key: 'diff', header: 'Verschil', numeric: true, className: 'wbm-nowrap', cell: (r) => formatEuro(r.differenceNetEuros) },
        ...(showProRata
          ? [
              {
                key: 'prorata',
                header: 'Naar verhouding (start bouw)',
                numeric: true,
                className: 'wbm-nowrap',
                cell: (r: Row) => formatEuro(Math.floor(r.start_bouw.realised.netEuros * proRata)),
              },
            ]
          : []),
      ]}
      footer={
        <TableRow>
          <RowHeaderCell plain>Totaal</RowHeaderCell>
          <DataCell numeric>{formatNumber(total.start_bouw.realised.affordableHomes)}</DataCell>
          <DataCell numeric>{formatEuro(total.start_bouw.realised.netEuros)}</DataCell>
          <DataCell numeric>{formatNumber(total.oplevering.realised.affordableHomes)}</DataCell>
          <DataCell numeric>{formatEuro(total.oplevering.realised.netEuros)}</DataCell>
          <DataCell numeric>{formatEuro(total.differenceNetEuros)}</DataCell>
          {showProRata && <DataCell numeric>{formatEuro(Math.floor(total.start_bouw.realised.netEuros * proRata))}</DataCell>}
        </TableRow>
      }
    />
  );
}
