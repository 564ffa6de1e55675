/** Landelijk overzicht: production per year against 100,000 (chart and table). */
import type { NationalOverview } from '../../api/types.ts';
import { formatNumber } from '../../labels.ts';
import { PRODUCTION_COLOURS, ProductionChart } from './ProductionChart.tsx';
import { TH, TH_NUM, TD_NUM, num, hasForecast } from './nationalFormat.tsx';

export function productionDescription(o: NationalOverview): string {
  const cbs = o.production.years.filter((y) => y.realisedCbs !== null);
  const last = cbs[cbs.length - 1];
  const focus = o.production.years.find((y) => y.year === o.year);
  return (
    `Woningbouw per jaar. ${last ? `Gerealiseerd volgens het CBS in ${last.year}: ${formatNumber(last.realisedCbs ?? 0)} woningen. ` : ''}` +
    `${focus ? `Verwacht in ${focus.year}: ${num(focus.expected)} woningen. ` : ''}Het doel is 100.000 woningen per jaar. De tabel onder de grafiek heeft alle cijfers.`
  );
}

export function ProductionTable({ overview }: { overview: NationalOverview }) {
  return (
    <div className="utrecht-table-container wbm-table-scroll">
      <table className="utrecht-table utrecht-table--html-table wbm-table" data-testid="production-table">
        <caption className="utrecht-table__caption">Gerealiseerde en verwachte woningbouw per jaar tegenover het doel</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th scope="col" className={TH}>
              Jaar
            </th>
            <th scope="col" className={TH_NUM}>
              Gerealiseerd (CBS)
            </th>
            <th scope="col" className={TH_NUM}>
              Opgeleverd volgens monitor
            </th>
            <th scope="col" className={TH_NUM}>
              Gepland (jaarschijven)
            </th>
            <th scope="col" className={TH_NUM}>
              Verwacht (mediaan)
            </th>
            <th scope="col" className={TH_NUM}>
              Bandbreedte P10–P90
            </th>
            <th scope="col" className={TH_NUM}>
              Doel
            </th>
            <th scope="col" className={TH_NUM}>
              Verschil met doel
            </th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {overview.production.years.map((y) => {
            const forecast = hasForecast(y);
            const gap = y.realisedCbs !== null && y.target !== null ? y.realisedCbs - y.target : forecast ? y.gap : null;
            return (
              <tr key={y.year} className="utrecht-table__row" data-year={y.year}>
                <th scope="row" className={TH}>
                  {y.year}
                </th>
                <td className={TD_NUM}>{num(y.realisedCbs)}</td>
                <td className={TD_NUM}>{y.opleveringenMonitor > 0 ? num(y.opleveringenMonitor) : '–'}</td>
                <td className={TD_NUM}>{forecast ? num(y.planned) : '–'}</td>
                <td className={TD_NUM}>{forecast ? num(y.expected) : '–'}</td>
                <td className={TD_NUM}>{y.p10 === null || y.p90 === null ? '–' : `${num(y.p10)} – ${num(y.p90)}`}</td>
                <td className={TD_NUM}>{num(y.target)}</td>
                <td className={TD_NUM}>
                  {gap === null ? '–' : gap < 0 ? <span className="wbm-gap--short">tekort {num(-gap)}</span> : `+${num(gap)}`}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function ProductionSection({ overview: data, onChartRendered }: { overview: NationalOverview; onChartRendered: () => void }) {
  return (
    <section className="wbm-section" aria-labelledby="nl-productie">
      <h2 className="nl-heading nl-heading--level-2" id="nl-productie">
        Woningbouw per jaar tegenover 100.000
      </h2>
      <p className="utrecht-paragraph">
        Tot en met 2020: nieuwbouw volgens het CBS (echte cijfers). Vanaf {data.simulation.fromYear}: de verwachte oplevering volgens de
        projecten in de monitor, met een bandbreedte: in 8 van de 10 gesimuleerde uitkomsten ligt de oplevering tussen P10 en P90.
        “Verwacht” is de middelste uitkomst (mediaan) van die simulaties: plannen die niet doorgaan en vertraging tellen mee. “Gepland” is
        wat de projecten zelf in hun jaarschijven opgeven, zoals op het Tafeloverzicht.
      </p>
      <figure className="wbm-figure">
        <ProductionChart years={data.production.years} description={productionDescription(data)} onRendered={onChartRendered} />
        <figcaption className="utrecht-paragraph wbm-muted">
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
            <span className="wbm-legend__item">Stippellijn: doel 100.000 per jaar</span>
          </span>
          De cijfers staan ook in de tabel hieronder.
        </figcaption>
      </figure>
      <ProductionTable overview={data} />
      <p className="utrecht-paragraph wbm-muted">
        Bron: {data.production.source} Doel: {data.production.target.explanation}
      </p>
    </section>
  );
}
