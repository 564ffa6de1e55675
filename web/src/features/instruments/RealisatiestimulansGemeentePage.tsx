/**
 * Realisatiestimulans of one gemeente (issue 16; SPEC §1 "see own Realisatiestimulans", §4.1): per year on both
 * counting bases — affordable homes, gross amount, deduction for earlier national contributions, net amount,
 * supplements (not fixed by policy), when it is paid — and the projects behind every amount: choose a year and a
 * basis and the table lists its projects with a total equal to the figure. Downloads as Excel and CSV.
 * GET /api/v1/realisatiestimulans/gemeenten/{code}; a gemeente sees only its own (another answers "niet gevonden").
 */
import { useState } from 'react';
import { useParams } from 'react-router';
import { API_BASE, apiGet } from '../../api/client.ts';
import { useApi } from '../../api/hooks.ts';
import type { RealisatiestimulansAmounts, RealisatiestimulansGemeente, RealisatiestimulansProjectLine } from '../../api/types.ts';
import { isSignedIn, useAuth } from '../../auth/AuthContext.tsx';
import { Button } from '../../components/Button.tsx';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { ErrorMessage, Loading } from '../../components/Feedback.tsx';
import { Heading } from '../../components/Heading.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { Section } from '../../components/Section.tsx';
import { DataCell, RowHeaderCell, Table, TableRow } from '../../components/Table.tsx';
import { TextLink } from '../../components/TextLink.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { VisuallyHidden } from '../../components/VisuallyHidden.tsx';
import { formatDate, formatNumber } from '../../labels.ts';
import { INSTRUMENTS_PATH, REALISATIESTIMULANS_PATH } from './paths.ts';
import {
  BASIS_LABELS,
  formatEuro,
  formatPaymentQuarter,
  HowItWorks,
  ScenarioForm,
  useScenarioQuery,
  type Basis,
} from './realisatiestimulansParts.tsx';

const supplements = (a: RealisatiestimulansAmounts) =>
  a.supplements.nplv + a.supplements.elkeRegioTelt + a.supplements.ouderen + a.supplements.capaciteit;

interface Selection {
  basis: Basis;
  year: number;
  actual: boolean;
}

export function RealisatiestimulansGemeentePage() {
  const { gemeenteCode = '' } = useParams();
  const query = useScenarioQuery();
  const { state } = useAuth();
  const detail = useApi(['realisatiestimulans', 'gemeente', gemeenteCode, query], (signal) =>
    apiGet<RealisatiestimulansGemeente>(`/realisatiestimulans/gemeenten/${encodeURIComponent(gemeenteCode)}${query}`, signal),
  );
  usePageTitle(detail.data ? `Realisatiestimulans ${detail.data.gemeenteName}` : 'Realisatiestimulans');
  const isGemeente = isSignedIn(state) && state.me.principal.role === 'gemeente_editor';
  return (
    <>
      <Paragraph>
        <TextLink to={INSTRUMENTS_PATH}>Financiële instrumenten</TextLink>
        {!isGemeente && (
          <>
            {' / '}
            <TextLink to={`${REALISATIESTIMULANS_PATH}${query}`}>Realisatiestimulans</TextLink>
          </>
        )}
      </Paragraph>
      <Heading level={1}>Realisatiestimulans {detail.data?.gemeenteName ?? ''}</Heading>
      {detail.state === 'loading' && <Loading />}
      {detail.state === 'error' && <ErrorMessage error={detail.error} retry={detail.reload} />}
      {detail.data && <GemeenteFigures detail={detail.data} query={query} />}
      <Section id="rs-how" title="Zo werkt het">
        <HowItWorks />
      </Section>
      <Section id="rs-scenario" title="Aftrek en opslagen">
        <ScenarioForm />
      </Section>
    </>
  );
}

function GemeenteFigures({ detail, query }: { detail: RealisatiestimulansGemeente; query: string }) {
  const [selection, setSelection] = useState<Selection | null>(null);
  const base = `${API_BASE}/realisatiestimulans/gemeenten/${encodeURIComponent(detail.gemeenteCode)}`;
  const start = detail.figures.start_bouw.realised;
  const opl = detail.figures.oplevering.realised;
  return (
    <>
      <Paragraph lead data-testid="rs-summary">
        {detail.gemeenteName} krijgt {formatEuro(start.netEuros)} voor {formatNumber(start.affordableHomes)} betaalbare woningen waarvan de bouw
        begon. Geteld bij oplevering is het {formatEuro(opl.netEuros)} voor {formatNumber(opl.affordableHomes)} woningen.
      </Paragraph>
      <Paragraph>
        <ButtonLink appearance="secondary-action" href={`${base}/export.xlsx${query}`} download>
          Download als Excel
        </ButtonLink>{' '}
        <ButtonLink appearance="secondary-action" href={`${base}/export.csv${query}`} download>
          Download als CSV
        </ButtonLink>
      </Paragraph>
      {(['start_bouw', 'oplevering'] as const).map((basis) => (
        <Section key={basis} id={`rs-${basis}`} title={`Geteld bij ${BASIS_LABELS[basis].toLowerCase()}`}>
          <YearTable detail={detail} basis={basis} onSelect={setSelection} />
        </Section>
      ))}
      <Section id="rs-projects" title="Projecten achter de bedragen">
        {selection ? (
          <ProjectLines detail={detail} selection={selection} />
        ) : (
          <Paragraph>Kies hierboven bij een jaar ‘Bekijk projecten’. Dan ziet u welke projecten en woningen samen dat bedrag vormen.</Paragraph>
        )}
      </Section>
    </>
  );
}

function YearTable({ detail, basis, onSelect }: { detail: RealisatiestimulansGemeente; basis: Basis; onSelect: (s: Selection) => void }) {
  const rows = detail.figures[basis].years.flatMap((y) => [
    { key: `${y.year}-r`, year: y.year, paymentQuarter: y.paymentQuarter, actual: true, a: y.realised },
    ...(y.expected.projects > 0 ? [{ key: `${y.year}-e`, year: y.year, paymentQuarter: y.paymentQuarter, actual: false, a: y.expected }] : []),
  ]);
  const total = detail.figures[basis].realised;
  const label = BASIS_LABELS[basis].toLowerCase();
  return (
    <Table
      caption={`Betaalbare woningen en bedragen per jaar, geteld bij ${label}`}
      testId={`rs-years-${basis}`}
      rows={rows}
      rowKey={(r) => r.key}
      rowData={(r) => ({ 'data-year': r.year, 'data-status': r.actual ? 'gerealiseerd' : 'verwacht' })}
      scrollLabel={`Bedragen per jaar, ${label}`}
      columns={[
        { key: 'year', header: 'Jaar', cell: (r) => (r.actual ? String(r.year) : `${r.year} (verwacht)`) },
        { key: 'homes', header: 'Betaalbare woningen', numeric: true, cell: (r) => formatNumber(r.a.affordableHomes) },
        { key: 'bb', header: 'Waarvan Beter Benutten', numeric: true, cell: (r) => formatNumber(r.a.beterBenuttenHomes) },
        { key: 'gross', header: 'Bruto', numeric: true, className: 'wbm-nowrap', cell: (r) => formatEuro(r.a.grossEuros) },
        { key: 'ded', header: 'Aftrek eerdere rijksbijdragen', numeric: true, className: 'wbm-nowrap', cell: (r) => formatEuro(r.a.deductionEuros) },
        {
          key: 'net',
          header: 'Bedrag',
          numeric: true,
          className: 'wbm-nowrap',
          cell: (r) => formatEuro(r.a.netEuros),
          cellData: (r) => ({ 'data-net': r.a.netEuros }),
        },
        { key: 'sup', header: 'Opslagen (niet vastgelegd)', numeric: true, className: 'wbm-nowrap', cell: (r) => formatEuro(supplements(r.a)) },
        { key: 'paid', header: 'Betaald in', cell: (r) => (r.actual ? formatPaymentQuarter(r.paymentQuarter) : 'nog niet') },
        {
          key: 'act',
          header: 'Projecten',
          cell: (r) =>
            r.a.projects > 0 ? (
              <Button appearance="subtle" small onClick={() => onSelect({ basis, year: r.year, actual: r.actual })}>
                Bekijk projecten
                <VisuallyHidden>
                  {' '}
                  {r.year}, {label}
                  {r.actual ? '' : ', verwacht'}
                </VisuallyHidden>
              </Button>
            ) : (
              '–'
            ),
        },
      ]}
      footer={
        <TableRow>
          <RowHeaderCell plain>Totaal gerealiseerd</RowHeaderCell>
          <DataCell numeric>{formatNumber(total.affordableHomes)}</DataCell>
          <DataCell numeric>{formatNumber(total.beterBenuttenHomes)}</DataCell>
          <DataCell numeric>{formatEuro(total.grossEuros)}</DataCell>
          <DataCell numeric>{formatEuro(total.deductionEuros)}</DataCell>
          <DataCell numeric>{formatEuro(total.netEuros)}</DataCell>
          <DataCell numeric>{formatEuro(supplements(total))}</DataCell>
          <DataCell />
          <DataCell />
        </TableRow>
      }
    />
  );
}

function ProjectLines({ detail, selection }: { detail: RealisatiestimulansGemeente; selection: Selection }) {
  const lines = detail.projects.filter((l) => l.basis === selection.basis && l.year === selection.year && l.actual === selection.actual);
  const sum = (f: (l: RealisatiestimulansProjectLine) => number) => lines.reduce((a, l) => a + f(l), 0);
  const label = `${BASIS_LABELS[selection.basis].toLowerCase()} ${selection.year}${selection.actual ? '' : ' (verwacht)'}`;
  return (
    <Table
      caption={`Projecten achter het bedrag van ${label}`}
      testId="rs-project-lines"
      rows={lines}
      rowKey={(l) => `${l.projectId}-${l.basis}`}
      scrollLabel={`Projecten, ${label}`}
      columns={[
        { key: 'name', header: 'Project', cell: (l) => <TextLink to={`/projecten/${l.projectId}`}>{l.name}</TextLink> },
        { key: 'date', header: 'Datum', cell: (l) => formatDate(l.date) },
        { key: 'counted', header: 'Woningen geteld', numeric: true, cell: (l) => formatNumber(l.countedHomes) },
        { key: 'homes', header: 'Betaalbaar', numeric: true, cell: (l) => formatNumber(l.affordableHomes) },
        { key: 'gross', header: 'Bruto', numeric: true, className: 'wbm-nowrap', cell: (l) => formatEuro(l.grossEuros) },
        { key: 'ded', header: 'Aftrek', numeric: true, className: 'wbm-nowrap', cell: (l) => formatEuro(l.deductionEuros) },
        {
          key: 'net',
          header: 'Bedrag',
          numeric: true,
          className: 'wbm-nowrap',
          cell: (l) => formatEuro(l.netEuros),
          cellData: (l) => ({ 'data-net': l.netEuros }),
        },
      ]}
      footer={
        <TableRow>
          <RowHeaderCell plain>Totaal</RowHeaderCell>
          <DataCell />
          <DataCell numeric>{formatNumber(sum((l) => l.countedHomes))}</DataCell>
          <DataCell numeric>{formatNumber(sum((l) => l.affordableHomes))}</DataCell>
          <DataCell numeric>{formatEuro(sum((l) => l.grossEuros))}</DataCell>
          <DataCell numeric>{formatEuro(sum((l) => l.deductionEuros))}</DataCell>
          <DataCell numeric data-testid="rs-project-lines-total" data-net={sum((l) => l.netEuros)}>
            {formatEuro(sum((l) => l.netEuros))}
          </DataCell>
        </TableRow>
      }
    />
  );
}
