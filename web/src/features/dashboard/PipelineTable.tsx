/** Tafeloverzicht and Tafelrapport: projects and homes per phase, plan status and status. */
import { Link } from 'react-router';
import type { Dashboard } from '../../api/types.ts';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { Table } from '../../components/Table.tsx';
import { TextLink } from '../../components/TextLink.tsx';
import { formatNumber, label, PHASES, PLAN_STATUSES, STATUS_COLOURS } from '../../labels.ts';
import { figureLinks } from './drilldown.ts';
import { WithBar } from './Bar.tsx';

/** Projects and homes per phase or per plan status, each row a link to those projects. */
export function PipelineTable({ dashboard, by }: { dashboard: Dashboard; by: 'phase' | 'planStatus' }) {
  const { region, summary } = dashboard;
  const rows: { code: string; projects: number; homes: number }[] =
    by === 'phase'
      ? PHASES.map((code) => ({ code, ...(summary.byPhase.find((r) => r.phase === code) ?? { projects: 0, homes: 0 }) }))
      : PLAN_STATUSES.map((code) => ({ code, ...(summary.byPlanStatus.find((r) => r.planStatus === code) ?? { projects: 0, homes: 0 }) }));
  const maxHomes = Math.max(1, ...rows.map((r) => r.homes));
  const title = by === 'phase' ? 'Fase' : 'Planstatus';
  return (
    <Table
      caption={by === 'phase' ? 'Pijplijn per fase' : 'Pijplijn per planstatus (hardheid)'}
      testId={`pipeline-${by}`}
      rows={rows}
      rowKey={(r) => r.code}
      columns={[
        {
          key: 'code',
          header: title,
          cell: (r) =>
            r.projects > 0 ? (
              <TextLink to={by === 'phase' ? figureLinks.phase(region.id, r.code) : figureLinks.planStatus(region.id, r.code)}>
                {label(r.code)}
              </TextLink>
            ) : (
              label(r.code)
            ),
        },
        { key: 'projects', header: 'Projecten', numeric: true, cell: (r) => formatNumber(r.projects) },
        { key: 'homes', header: 'Woningen', numeric: true, cell: (r) => <WithBar share={r.homes / maxHomes}>{formatNumber(r.homes)}</WithBar> },
      ]}
    />
  );
}

/** Projects per status (green/amber/red), in words with an icon. */
export function StatusTable({ dashboard }: { dashboard: Dashboard }) {
  const { region, summary } = dashboard;
  return (
    <Table
      caption="Projecten per status"
      testId="status-table"
      rows={STATUS_COLOURS}
      rowKey={(s) => s}
      columns={[
        {
          key: 'status',
          header: 'Status',
          cell: (s) => (
            <Link className="wbm-plain-link" to={figureLinks.status(region.id, s)}>
              <StatusBadge status={s} />
            </Link>
          ),
        },
        {
          key: 'projects',
          header: 'Projecten',
          numeric: true,
          cell: (s) => formatNumber(summary.byStatus.find((r) => r.status === s)?.projects ?? 0),
        },
      ]}
    />
  );
}
