/** Tafeloverzicht and Tafelrapport: the delayed milestones, worst first, with why the date moved (issue 12 item 4). */
import type { Dashboard } from '../../api/types.ts';
import { DelayBadge } from '../../components/DelayBadge.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { Table } from '../../components/Table.tsx';
import { TextLink } from '../../components/TextLink.tsx';
import { formatDateShort, formatNumber, formatProjectCount, milestoneLabel } from '../../labels.ts';
import { figureLinks, projectUrl } from './drilldown.ts';

/** Milestones later than their baseline beyond the tolerance, worst first; each links to its project. */
export function DelayedMilestonesTable({ dashboard, limit }: { dashboard: Dashboard; limit?: number }) {
  const { items, count } = dashboard.summary.delayedMilestones;
  if (items.length === 0) return <Paragraph>Er zijn geen vertraagde mijlpalen.</Paragraph>;
  const shown = limit ? items.slice(0, limit) : items;
  return (
    <>
      <Table
        caption={`Vertraagde mijlpalen, grootste vertraging eerst (${formatNumber(shown.length)} van ${formatNumber(count)})`}
        testId="delayed-table"
        rows={shown}
        rowKey={(m) => `${m.projectId}-${m.code}`}
        columns={[
          { key: 'project', header: 'Project', cell: (m) => <TextLink to={projectUrl(m.projectId)}>{m.projectName}</TextLink> },
          { key: 'milestone', header: 'Mijlpaal', cell: (m) => `${m.code} ${milestoneLabel(m.code)}` },
          { key: 'baseline', header: 'Basisplanning', className: 'wbm-nowrap', cell: (m) => formatDateShort(m.baselineDate) },
          { key: 'forecast', header: 'Prognose', className: 'wbm-nowrap', cell: (m) => formatDateShort(m.forecastDate) },
          { key: 'delay', header: 'Vertraging', cell: (m) => <DelayBadge severity={m.severity} months={m.months} hasComparison /> },
          { key: 'reason', header: 'Waarom', cell: (m) => m.reason ?? <span className="wbm-muted">Geen reden opgegeven</span> },
        ]}
      />
      <Paragraph className="wbm-no-print">
        <TextLink to={figureLinks.delayed(dashboard.region.id)}>
          Alle {formatProjectCount(dashboard.summary.delayedMilestones.projects)} met vertraagde mijlpalen, grootste vertraging eerst
        </TextLink>
      </Paragraph>
    </>
  );
}
