/**
 * Gestart en gereed volgens de BAG (issue 13 item 3; SPEC §4.1, the two counting bases start bouw and realisatie): per
 * year the homes whose building started and that were first taken into use according to the building register, next to
 * CBS new construction and the monitor's own start bouw and oplevering. Only for those who see the whole country.
 */
import { api } from '../../api/client.ts';
import { useApi } from '../../api/hooks.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import type { NationalOverview } from '../../api/types.ts';
import { ErrorMessage, Loading } from '../../components/Feedback.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { Section } from '../../components/Section.tsx';
import { Table } from '../../components/Table.tsx';
import { num } from './nationalFormat.tsx';

interface YearRow {
  year: number;
  bagStarted: number;
  bagCompleted: number;
  cbs: number | null;
  monitorStarted: number;
  monitorCompleted: number;
}

export function BagSection({ overview }: { overview: NationalOverview }) {
  const bag = useApi(queryKeys.national.bagRealisations, (signal) => api.bagRealisations(signal));
  const cbs = new Map(overview.production.years.map((y) => [y.year, y.realisedCbs]));
  let rows: YearRow[] = [];
  if (bag.state === 'ready') {
    const perYear = new Map<number, YearRow>();
    for (const r of bag.data.rows) {
      const y = perYear.get(r.year) ?? {
        year: r.year,
        bagStarted: 0,
        bagCompleted: 0,
        cbs: cbs.get(r.year) ?? null,
        monitorStarted: 0,
        monitorCompleted: 0,
      };
      y.bagStarted += r.bagStarted;
      y.bagCompleted += r.bagCompleted;
      y.monitorStarted += r.monitorStarted;
      y.monitorCompleted += r.monitorCompleted;
      perYear.set(r.year, y);
    }
    rows = [...perYear.values()].filter((r) => r.bagStarted + r.bagCompleted > 0).sort((a, b) => a.year - b.year);
  }
  return (
    <Section id="nl-bag" title="Gestart en gereed volgens de BAG">
      {bag.state === 'loading' && <Loading />}
      {bag.state === 'error' && <ErrorMessage error={bag.error} retry={bag.reload} />}
      {bag.state === 'ready' && rows.length === 0 && (
        <Paragraph data-testid="bag-empty">
          Er zijn nog geen gegevens uit de Basisregistratie Adressen en Gebouwen (BAG) geladen. Zodra die er zijn, staat hier per jaar hoeveel
          woningen in aanbouw gingen en hoeveel er voor het eerst in gebruik kwamen.
        </Paragraph>
      )}
      {rows.length > 0 && (
        <>
          <Paragraph>
            Gestart: woningen in een gebouw dat volgens de BAG in aanbouw ging. Gereed: woningen die voor het eerst in gebruik zijn genomen. Woningen
            die nooit zijn gebouwd of ten onrechte zijn ingeschreven, tellen niet mee. Daarnaast de nieuwbouw volgens het CBS en wat de projecten in
            de monitor zelf melden als start bouw en oplevering.
          </Paragraph>
          <Table
            caption="Woningen per jaar: gestart en gereed volgens de BAG, nieuwbouw volgens het CBS en de monitor"
            scrollLabel="Tabel gestart en gereed volgens de BAG"
            testId="bag-table"
            rows={rows}
            rowKey={(r) => r.year}
            rowData={(r) => ({ 'data-year': r.year })}
            columns={[
              { key: 'year', header: 'Jaar', cell: (r) => String(r.year) },
              { key: 'bagStarted', header: 'Gestart (BAG)', numeric: true, cell: (r) => num(r.bagStarted) },
              { key: 'bagCompleted', header: 'Gereed (BAG)', numeric: true, cell: (r) => num(r.bagCompleted) },
              { key: 'cbs', header: 'Nieuwbouw (CBS)', numeric: true, cell: (r) => num(r.cbs) },
              { key: 'monitorStarted', header: 'Start bouw (monitor)', numeric: true, cell: (r) => num(r.monitorStarted) },
              { key: 'monitorCompleted', header: 'Oplevering (monitor)', numeric: true, cell: (r) => num(r.monitorCompleted) },
            ]}
          />
        </>
      )}
    </Section>
  );
}
