/** Kwartaalronde: the closed quarters, each viewable as of that quarter. */
import { Link } from 'react-router';
import type { RoundSummary } from '../../api/types.ts';
import { formatDateShort, formatNumber } from '../../labels.ts';
import { regionPath } from '../dashboard/drilldown.ts';
import { quarterLabel } from './quarters.ts';

export function ClosedRounds({ regionId, rounds }: { regionId: string; rounds: RoundSummary[] }) {
  return (
    <section className="wbm-section" aria-labelledby="ronde-gesloten">
      <h2 className="nl-heading nl-heading--level-2" id="ronde-gesloten">
        Gesloten kwartalen
      </h2>
      {rounds.length === 0 ? (
        <p className="utrecht-paragraph">Er is nog geen kwartaal gesloten.</p>
      ) : (
        <div className="utrecht-table-container wbm-table-scroll">
          <table className="utrecht-table utrecht-table--html-table wbm-table" data-testid="closed-rounds">
            <caption className="utrecht-table__caption">Gesloten kwartalen, nieuwste eerst</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">Kwartaal</th>
                <th scope="col" className="utrecht-table__header-cell">Deadline</th>
                <th scope="col" className="utrecht-table__header-cell">Gesloten op</th>
                <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">Projecten</th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {rounds.map((r) => (
                <tr key={r.id} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell wbm-row-header">
                    <Link className="utrecht-link" to={`${regionPath(regionId, 'kwartaalronde')}/${r.id}`}>
                      {quarterLabel(r.quarter)}
                      <span className="rhc-visually-hidden">: bekijk de stand</span>
                    </Link>
                  </th>
                  <td className="utrecht-table__cell">{formatDateShort(r.deadline)}</td>
                  <td className="utrecht-table__cell">{formatDateShort(r.closedAt?.slice(0, 10))}</td>
                  <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{r.projectCount === null ? '–' : formatNumber(r.projectCount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
