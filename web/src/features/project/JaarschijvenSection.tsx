/** Planned completions per year and segment: a chart for the overview and a table with the figures. */
import type { Jaarschijf } from '../../api/types.ts';
import { formatCount, formatNumber, label, SEGMENTS } from '../../labels.ts';
import { JaarschijvenChart } from './JaarschijvenChart.tsx';

export function JaarschijvenSection({ jaarschijven }: { jaarschijven: Jaarschijf[] }) {
  if (jaarschijven.length === 0) return <p className="utrecht-paragraph">Er zijn nog geen jaarschijven ingevuld.</p>;
  const years = [...new Set(jaarschijven.map((j) => j.year))].sort((a, b) => a - b);
  const segments = SEGMENTS.filter((s) => jaarschijven.some((j) => j.segment === s));
  const homes = (year: number | null, segment: string | null) =>
    jaarschijven.filter((j) => (year === null || j.year === year) && (segment === null || j.segment === segment)).reduce((sum, j) => sum + j.homes, 0);
  const total = homes(null, null);
  const description = `Staafdiagram van de geplande oplevering: ${formatCount(total, 'woning', 'woningen')} in ${years.length === 1 ? years[0] : `de jaren ${years[0]} tot en met ${years[years.length - 1]}`}. De cijfers staan in de tabel hieronder.`;

  return (
    <>
      <figure className="wbm-figure">
        <JaarschijvenChart jaarschijven={jaarschijven} description={description} />
        <figcaption className="utrecht-paragraph wbm-muted">Geplande oplevering per jaar, gestapeld per segment. De cijfers staan ook in de tabel.</figcaption>
      </figure>
      <div className="utrecht-table-container wbm-table-scroll">
        <table className="utrecht-table utrecht-table--html-table wbm-table">
          <caption className="utrecht-table__caption">Geplande oplevering per jaar en segment (jaarschijven)</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className="utrecht-table__header-cell">Jaar</th>
              {segments.map((s) => (
                <th key={s} scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">
                  {label(s)}
                </th>
              ))}
              <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">Totaal</th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {years.map((y) => (
              <tr key={y} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell wbm-row-header">{y}</th>
                {segments.map((s) => (
                  <td key={s} className="utrecht-table__cell utrecht-table__cell--numeric-data">{formatNumber(homes(y, s))}</td>
                ))}
                <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{formatNumber(homes(y, null))}</td>
              </tr>
            ))}
          </tbody>
          <tfoot className="utrecht-table__footer wbm-table__footer">
            <tr className="utrecht-table__row">
              <th scope="row" className="utrecht-table__header-cell">Totaal</th>
              {segments.map((s) => (
                <td key={s} className="utrecht-table__cell utrecht-table__cell--numeric-data">{formatNumber(homes(null, s))}</td>
              ))}
              <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{formatNumber(total)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
}
