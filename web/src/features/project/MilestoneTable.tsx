/** Milestones M01–M12 with baseline, forecast, actual date and delay in words. */
import type { Milestone } from '../../api/types.ts';
import { Button } from '../../components/Button.tsx';
import { DelayBadge } from '../../components/DelayBadge.tsx';
import { Table } from '../../components/Table.tsx';
import { VisuallyHidden } from '../../components/VisuallyHidden.tsx';
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
    <Table
      caption="Mijlpalen: basisplanning, prognose en werkelijke datum"
      scrollLabel="Mijlpalen (tabel, scrollt opzij)"
      testId="milestone-table"
      rows={MILESTONES}
      rowKey={(def) => def.code}
      rowData={(def) => ({ 'data-milestone': def.code })}
      columns={[
        {
          key: 'milestone',
          header: 'Mijlpaal',
          cell: (def) => {
            const m = byCode.get(def.code);
            return (
              <>
                {def.code} {def.label}
                {def.code === 'M12' && m?.homes != null && <span className="wbm-muted"> ({formatCount(m.homes, 'woning', 'woningen')})</span>}
              </>
            );
          },
        },
        {
          key: 'owner',
          header: 'Eigenaar',
          cell: (def) => {
            const m = byCode.get(def.code);
            return m ? label(m.ownerSide) : '–';
          },
        },
        { key: 'baseline', header: 'Basisplanning', className: 'wbm-nowrap', cell: (def) => formatDateShort(byCode.get(def.code)?.baselineDate) },
        {
          key: 'forecast',
          header: 'Prognose',
          className: 'wbm-nowrap',
          cell: (def) => {
            const m = byCode.get(def.code);
            return (
              <>
                {formatDateShort(m?.forecastDate)}
                {m && forecastExpired(m, today) && (
                  <>
                    {' '}
                    <span className="wbm-tag wbm-tag--alert" data-testid={`expired-${def.code}`}>
                      Prognose verstreken
                    </span>
                  </>
                )}
              </>
            );
          },
        },
        { key: 'actual', header: 'Gerealiseerd', className: 'wbm-nowrap', cell: (def) => formatDateShort(byCode.get(def.code)?.actualDate) },
        {
          key: 'delay',
          header: 'Vertraging',
          cellData: (def) => ({ 'data-testid': `delay-${def.code}` }),
          cell: (def) => {
            const m = byCode.get(def.code);
            const effective = m?.actualDate ?? m?.forecastDate;
            return m ? <DelayBadge severity={m.delay.severity} months={m.delay.months} hasComparison={Boolean(m.baselineDate && effective)} /> : '–';
          },
        },
        {
          key: 'action',
          header: <VisuallyHidden>Actie</VisuallyHidden>,
          cell: (def) =>
            canEdit(def.code) && (
              <Button appearance="subtle" small onClick={() => onEdit(def.code)}>
                Wijzig
                <VisuallyHidden>
                  {' '}
                  {def.code} {def.label}
                </VisuallyHidden>
              </Button>
            ),
        },
      ]}
    />
  );
}
