/** Milestones M01–M12 with baseline, forecast, actual date and delay in words. */
import type { Milestone } from '../../api/types.ts';
import { DelayBadge } from '../../components/DelayBadge.tsx';
import { formatCount, formatDateShort, label, MILESTONES } from '../../labels.ts';
import { forecastExpired } from '../../../../src/domain/forecast-expired.ts';
import { todayInNetherlands } from './expiredForecasts.ts';

export interface MilestoneTableProps {
  milestones: Milestone[];
  /** Called when the user wants to change a milestone's dates. */
  onEdit: (code: Milestone['code']) => void;
  /** Whether the signed-in person may change this milestone (default: yes). */
  canEdit?: (code: Milestone['code']) => boolean;
}

export function MilestoneTable({ milestones, onEdit, canEdit = () => true }: MilestoneTableProps) {
  const byCode = new Map(milestones.map((m) => [m.code, m]));
  const today = todayInNetherlands();
  return (
    <div className="utrecht-table-container wbm-table-scroll">
      <table className="utrecht-table utrecht-table--html-table wbm-table" data-testid="milestone-table">
        <caption className="utrecht-table__caption">Mijlpalen: basisplanning, prognose en werkelijke datum</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th scope="col" className="utrecht-table__header-cell">Mijlpaal</th>
            <th scope="col" className="utrecht-table__header-cell">Eigenaar</th>
            <th scope="col" className="utrecht-table__header-cell">Basisplanning</th>
            <th scope="col" className="utrecht-table__header-cell">Prognose</th>
            <th scope="col" className="utrecht-table__header-cell">Gerealiseerd</th>
            <th scope="col" className="utrecht-table__header-cell">Vertraging</th>
            <th scope="col" className="utrecht-table__header-cell">
              <span className="rhc-visually-hidden">Actie</span>
            </th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {MILESTONES.map((def) => {
            const m = byCode.get(def.code);
            const effective = m?.actualDate ?? m?.forecastDate;
            return (
              <tr key={def.code} className="utrecht-table__row" data-milestone={def.code}>
                <th scope="row" className="utrecht-table__header-cell wbm-row-header">
                  {def.code} {def.label}
                  {def.code === 'M12' && m?.homes != null && <span className="wbm-muted"> ({formatCount(m.homes, 'woning', 'woningen')})</span>}
                </th>
                <td className="utrecht-table__cell">{m ? label(m.ownerSide) : '–'}</td>
                <td className="utrecht-table__cell wbm-nowrap">{formatDateShort(m?.baselineDate)}</td>
                <td className="utrecht-table__cell wbm-nowrap">
                  {formatDateShort(m?.forecastDate)}
                  {m && forecastExpired(m, today) && (
                    <>
                      {' '}
                      <span className="wbm-tag wbm-tag--alert" data-testid={`expired-${def.code}`}>
                        Prognose verstreken
                      </span>
                    </>
                  )}
                </td>
                <td className="utrecht-table__cell wbm-nowrap">{formatDateShort(m?.actualDate)}</td>
                <td className="utrecht-table__cell" data-testid={`delay-${def.code}`}>
                  {m ? <DelayBadge severity={m.delay.severity} months={m.delay.months} hasComparison={Boolean(m.baselineDate && effective)} /> : '–'}
                </td>
                <td className="utrecht-table__cell">
                  {canEdit(def.code) && (
                    <button type="button" className="utrecht-button utrecht-button--subtle wbm-small-button" onClick={() => onEdit(def.code)}>
                      Wijzig<span className="rhc-visually-hidden"> {def.code} {def.label}</span>
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
