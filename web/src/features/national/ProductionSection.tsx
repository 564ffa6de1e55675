/** Landelijk overzicht: production per year against 100,000 (chart and table). */
import type { NationalOverview } from '../../api/types.ts';
import { Table } from '../../components/Table.tsx';
import { formatNumber } from '../../labels.ts';
import { PRODUCTION_COLOURS, ProductionChart } from './ProductionChart.tsx';
import { homesGoal, num, hasForecast } from './nationalFormat.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { Section } from '../../components/Section.tsx';
import { FigureCaption } from '../../components/FigureCaption.tsx';

function productionDescription(o: NationalOverview): string {
  const cbs = o.production.years.filter((y) => y.realisedCbs !== null);
  const last = cbs[cbs.length - 1];
  const focus = o.production.years.find((y) => y.year === o.year);
  return (
    `Woningbouw per jaar. ${last ? `Gerealiseerd volgens het CBS in ${last.year}: ${formatNumber(last.realisedCbs ?? 0)} woningen. ` : ''}` +
    `${focus ? `Verwacht in ${focus.year}: ${num(focus.expected)} woningen. ` : ''}Het doel is ${formatNumber(homesGoal(o))} woningen per jaar. De tabel onder de grafiek heeft alle cijfers.`
  );
}

export function ProductionTable({ overview }: { overview: NationalOverview }) {
  return (
    <Table
      caption="Gerealiseerde en verwachte woningbouw per jaar tegenover het doel"
      scrollLabel="Tabel woningbouw per jaar"
      testId="production-table"
      rows={overview.production.years}
      rowKey={(y) => y.year}
      rowData={(y) => ({ 'data-year': y.year })}
      plainRowHeaders
      columns={[
        { key: 'year', header: 'Jaar', cell: (y) => y.year },
        { key: 'cbs', header: 'Gerealiseerd (CBS)', numeric: true, cell: (y) => num(y.realisedCbs) },
        {
          key: 'monitor',
          header: 'Opgeleverd volgens monitor',
          numeric: true,
          cell: (y) => (y.opleveringenMonitor > 0 ? num(y.opleveringenMonitor) : '–'),
        },
        { key: 'planned', header: 'Gepland (jaarschijven)', numeric: true, cell: (y) => (hasForecast(y) ? num(y.planned) : '–') },
        { key: 'expected', header: 'Verwacht (mediaan)', numeric: true, cell: (y) => (hasForecast(y) ? num(y.expected) : '–') },
        {
          key: 'band',
          header: 'Bandbreedte P10–P90',
          numeric: true,
          cell: (y) => (y.p10 === null || y.p90 === null ? '–' : `${num(y.p10)} – ${num(y.p90)}`),
        },
        { key: 'target', header: 'Doel', numeric: true, cell: (y) => num(y.target) },
        {
          key: 'gap',
          header: 'Verschil met doel',
          numeric: true,
          cell: (y) => {
            const gap = y.realisedCbs !== null && y.target !== null ? y.realisedCbs - y.target : hasForecast(y) ? y.gap : null;
            return gap === null ? '–' : gap < 0 ? <span className="wbm-gap--short">tekort {num(-gap)}</span> : `+${num(gap)}`;
          },
        },
      ]}
    />
  );
}

/** The last year with CBS figures in the data (2020 for the shipped table; later after a newer CBS file is loaded). */
function lastCbsYear(data: NationalOverview): number | string {
  const years = data.production.years.filter((y) => y.realisedCbs !== null).map((y) => y.year);
  return years.length > 0 ? Math.max(...years) : '–';
}

export function ProductionSection({ overview: data, onChartRendered }: { overview: NationalOverview; onChartRendered: () => void }) {
  return (
    <Section id="nl-productie" title={`Woningbouw per jaar tegenover ${formatNumber(homesGoal(data))}`}>
      <Paragraph>
        Tot en met {lastCbsYear(data)}: nieuwbouw volgens het CBS (echte cijfers). Vanaf {data.simulation.fromYear}: de verwachte oplevering volgens
        de projecten in de monitor, met een bandbreedte: in 8 van de 10 gesimuleerde uitkomsten ligt de oplevering tussen P10 en P90. “Verwacht” is de
        middelste uitkomst (mediaan) van die simulaties: plannen die niet doorgaan en vertraging tellen mee. “Gepland” is wat de projecten zelf in hun
        jaarschijven opgeven, zoals op het Tafeloverzicht.
      </Paragraph>
      <figure className="wbm-figure">
        <ProductionChart years={data.production.years} description={productionDescription(data)} onRendered={onChartRendered} />
        <FigureCaption>
          <span className="wbm-legend">
            <span className="wbm-legend__item">
              <span className="wbm-legend__line" style={{ background: PRODUCTION_COLOURS.cbs, height: 12 }} aria-hidden="true" /> Donkerblauwe staven:
              gerealiseerd (CBS)
            </span>
            <span className="wbm-legend__item">
              <span className="wbm-legend__line" style={{ background: PRODUCTION_COLOURS.expected }} aria-hidden="true" /> Oranje lijn met bolletjes:
              verwacht (mediaan)
            </span>
            <span className="wbm-legend__item">Lichte band om de lijn: P10–P90</span>
            <span className="wbm-legend__item">Stippellijn: doel {formatNumber(homesGoal(data))} per jaar</span>
          </span>
          De cijfers staan ook in de tabel hieronder.
        </FigureCaption>
      </figure>
      <ProductionTable overview={data} />
      <Paragraph className="wbm-muted">
        Bron: {data.production.source} Doel: {data.production.target.explanation}
      </Paragraph>
    </Section>
  );
}
