/** Tafeloverzicht and Tafelrapport: affordable and social share against the national goals. */
import type { Dashboard } from '../../api/types.ts';
import { Table } from '../../components/Table.tsx';
import { formatGoalShare, formatNumber, formatPercent, NATIONAL_GOALS } from '../../labels.ts';
import { WithBar } from './Bar.tsx';

/** National goals (src/domain/policy.ts; SPEC §3): two thirds betaalbaar, 30% sociale huur. */
export const AFFORDABLE_GOAL = NATIONAL_GOALS.affordableShare;

export const SOCIAL_GOAL = NATIONAL_GOALS.socialShare;

/** Affordable and social share of the region's programme against the national goals. */
export function SharesTable({ dashboard }: { dashboard: Dashboard }) {
  const t = dashboard.summary.totals;
  const rows = [
    { name: 'Betaalbaar (sociale huur, middenhuur, betaalbare koop)', homes: t.affordableHomes, share: t.affordableShare, goal: AFFORDABLE_GOAL },
    { name: 'Sociale huur', homes: t.socialHomes, share: t.socialShare, goal: SOCIAL_GOAL },
  ];
  return (
    <Table
      caption="Betaalbaar en sociaal aandeel van alle geplande woningen"
      testId="shares-table"
      rows={rows}
      rowKey={(r) => r.name}
      columns={[
        { key: 'segment', header: 'Segment', cell: (r) => r.name },
        { key: 'homes', header: 'Woningen', numeric: true, cell: (r) => formatNumber(r.homes) },
        { key: 'share', header: 'Aandeel', numeric: true, cell: (r) => <WithBar share={r.share}>{formatPercent(r.share)}</WithBar> },
        { key: 'goal', header: 'Landelijk doel', cell: (r) => `${formatGoalShare(r.goal)}: ${r.share >= r.goal ? 'gehaald' : 'niet gehaald'}` },
      ]}
    />
  );
}
