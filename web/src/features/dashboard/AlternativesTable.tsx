/** Candidate projects to bring forward or enlarge, with the reason for each (dashboard and project page). */
import { Link } from 'react-router';
import type { Alternatives } from '../../api/types.ts';
import { formatCount, formatNumber } from '../../labels.ts';
import { projectUrl } from './drilldown.ts';

/** Candidates with the reason for each, ranked by readiness (shared with the project page). */
export function AlternativesTable({ alternatives }: { alternatives: Alternatives }) {
  const a = alternatives;
  return (
    <>
      {a.expected === null ? (
        <p className="utrecht-paragraph">
          {a.tableFiguresNote} {a.candidates.length === 0 ? 'Er zijn geen kandidaten die u mag inzien.' : `${formatCount(a.candidates.length, 'kandidaat', 'kandidaten')} in ${a.region.name}:`}
        </p>
      ) : (
        <p className="utrecht-paragraph">
          {a.year}: verwacht {formatCount(a.expected, 'woning', 'woningen')}
          {a.target !== null && `, opgave ${formatNumber(a.target)}`}
          {a.shortfall !== null && a.shortfall > 0 && `, tekort ${formatNumber(a.shortfall)}`}.{' '}
          {a.candidates.length === 0 ? 'Er zijn geen kandidaten gevonden.' : `${a.candidates.length} kandidaten in ${a.region.name}:`}
        </p>
      )}
      {a.candidates.length > 0 && (
        <div className="utrecht-table-container wbm-table-scroll">
          <table className="utrecht-table utrecht-table--html-table wbm-table" data-testid="alternatives-table">
            <caption className="utrecht-table__caption">Alternatieve projecten voor {a.year}, meest kansrijk eerst</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">Project</th>
                <th scope="col" className="utrecht-table__header-cell">Voorstel</th>
                <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">Woningen later gepland</th>
                <th scope="col" className="utrecht-table__header-cell">Waarom</th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {a.candidates.map((c) => (
                <tr key={`${c.projectId}-${c.kind}`} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell wbm-row-header">
                    <Link className="utrecht-link" to={projectUrl(c.projectId)}>
                      {c.projectName}
                    </Link>
                  </th>
                  <td className="utrecht-table__cell">{c.kind === 'naar_voren_halen' ? 'Naar voren halen' : 'Programma uitbreiden'}</td>
                  <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{formatNumber(c.homesLater)}</td>
                  <td className="utrecht-table__cell">
                    <ul className="wbm-reasons">
                      {c.reasons.map((r) => (
                        <li key={r}>{r}</li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

