/** The programme: homes per segment × type × target group, with totals and the betaalbaar share. */
import type { ProgrammeLine } from '../../api/types.ts';
import { formatNumber, formatPercent, label, SEGMENTS } from '../../labels.ts';

export interface ProgrammeTableProps {
  lines: ProgrammeLine[];
  totalHomes: number;
  affordableHomes: number;
  socialHomes: number;
}

export function ProgrammeTable({ lines, totalHomes, affordableHomes, socialHomes }: ProgrammeTableProps) {
  if (lines.length === 0) return <p className="utrecht-paragraph">Er is nog geen woningbouwprogramma ingevuld.</p>;
  const sorted = [...lines].sort((a, b) => SEGMENTS.indexOf(a.segment) - SEGMENTS.indexOf(b.segment) || a.woningtype.localeCompare(b.woningtype));
  const share = (n: number) => (totalHomes > 0 ? ` (${formatPercent(n / totalHomes)})` : '');
  return (
    <div className="utrecht-table-container wbm-table-scroll">
      <table className="utrecht-table utrecht-table--html-table wbm-table">
        <caption className="utrecht-table__caption">Woningbouwprogramma per segment, woningtype en doelgroep</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th scope="col" className="utrecht-table__header-cell">Segment</th>
            <th scope="col" className="utrecht-table__header-cell">Woningtype</th>
            <th scope="col" className="utrecht-table__header-cell">Doelgroep</th>
            <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">Woningen</th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {sorted.map((l) => (
            <tr key={`${l.segment}-${l.woningtype}-${l.doelgroep}`} className="utrecht-table__row">
              <th scope="row" className="utrecht-table__header-cell wbm-row-header">{label(l.segment)}</th>
              <td className="utrecht-table__cell">{label(l.woningtype)}</td>
              <td className="utrecht-table__cell">{label(l.doelgroep)}</td>
              <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{formatNumber(l.homes)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot className="utrecht-table__footer wbm-table__footer">
          <tr className="utrecht-table__row">
            <th scope="row" colSpan={3} className="utrecht-table__header-cell">Totaal</th>
            <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{formatNumber(totalHomes)}</td>
          </tr>
          <tr className="utrecht-table__row">
            <th scope="row" colSpan={3} className="utrecht-table__header-cell">
              Waarvan betaalbaar (sociale huur, middenhuur, betaalbare koop)
            </th>
            <td className="utrecht-table__cell utrecht-table__cell--numeric-data">
              {formatNumber(affordableHomes)}
              {share(affordableHomes)}
            </td>
          </tr>
          <tr className="utrecht-table__row">
            <th scope="row" colSpan={3} className="utrecht-table__header-cell">Waarvan sociale huur</th>
            <td className="utrecht-table__cell utrecht-table__cell--numeric-data">
              {formatNumber(socialHomes)}
              {share(socialHomes)}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
