/** Tafeloverzicht and Tafelrapport: open knelpunten per category. */
import type { Dashboard } from '../../api/types.ts';
import { Paragraph } from '../../components/Paragraph.tsx';
import { Table } from '../../components/Table.tsx';
import { TextLink } from '../../components/TextLink.tsx';
import { formatNumber, label } from '../../labels.ts';
import { figureLinks } from './drilldown.ts';
import { WithBar } from './Bar.tsx';

/** Open knelpunten per category, with how many were escalated to the table. */
export function KnelpuntenTable({ dashboard }: { dashboard: Dashboard }) {
  const rows = [...dashboard.summary.knelpunten].filter((k) => k.open > 0).sort((a, b) => b.open - a.open);
  if (rows.length === 0) return <Paragraph>Er zijn geen open knelpunten.</Paragraph>;
  const max = Math.max(1, ...rows.map((r) => r.open));
  return (
    <Table
      caption="Open knelpunten per categorie"
      testId="knelpunten-table"
      rows={rows}
      rowKey={(k) => k.category}
      columns={[
        {
          key: 'category',
          header: 'Categorie',
          cell: (k) => <TextLink to={figureLinks.knelpunt(dashboard.region.id, k.category)}>{label(k.category)}</TextLink>,
        },
        { key: 'open', header: 'Open', numeric: true, cell: (k) => <WithBar share={k.open / max}>{formatNumber(k.open)}</WithBar> },
        { key: 'projects', header: 'In projecten', numeric: true, cell: (k) => formatNumber(k.projects) },
        { key: 'escalated', header: 'Geëscaleerd naar de tafel', numeric: true, cell: (k) => formatNumber(k.escalated) },
      ]}
    />
  );
}
