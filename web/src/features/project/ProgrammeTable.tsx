/** The programme: homes per segment × type × target group, with totals and the betaalbaar share. */
import type { ProgrammeLine } from '../../api/types.ts';
import { Paragraph } from '../../components/Paragraph.tsx';
import { DataCell, RowHeaderCell, Table, TableRow } from '../../components/Table.tsx';
import { formatNumber, formatPercent, label, SEGMENTS } from '../../labels.ts';

export interface ProgrammeTableProps {
  lines: ProgrammeLine[];
  totalHomes: number;
  affordableHomes: number;
  socialHomes: number;
}

export function ProgrammeTable({ lines, totalHomes, affordableHomes, socialHomes }: ProgrammeTableProps) {
  const sorted = [...lines].sort((a, b) => SEGMENTS.indexOf(a.segment) - SEGMENTS.indexOf(b.segment) || a.woningtype.localeCompare(b.woningtype));
  const share = (n: number) => (totalHomes > 0 ? ` (${formatPercent(n / totalHomes)})` : '');
  const totals = [
    { name: 'Totaal', homes: formatNumber(totalHomes) },
    { name: 'Waarvan betaalbaar (sociale huur, middenhuur, betaalbare koop)', homes: formatNumber(affordableHomes) + share(affordableHomes) },
    { name: 'Waarvan sociale huur', homes: formatNumber(socialHomes) + share(socialHomes) },
  ];
  return (
    <Table
      caption="Woningbouwprogramma per segment, woningtype en doelgroep"
      scrollLabel="Woningbouwprogramma (tabel, scrollt opzij)"
      rows={sorted}
      rowKey={(l) => `${l.segment}-${l.woningtype}-${l.doelgroep}`}
      empty={<Paragraph>Er is nog geen woningbouwprogramma ingevuld.</Paragraph>}
      columns={[
        { key: 'segment', header: 'Segment', cell: (l) => label(l.segment) },
        { key: 'woningtype', header: 'Woningtype', cell: (l) => label(l.woningtype) },
        { key: 'doelgroep', header: 'Doelgroep', cell: (l) => label(l.doelgroep) },
        { key: 'homes', header: 'Woningen', numeric: true, cell: (l) => formatNumber(l.homes) },
      ]}
      footer={totals.map((t) => (
        <TableRow key={t.name}>
          <RowHeaderCell plain colSpan={3}>
            {t.name}
          </RowHeaderCell>
          <DataCell numeric>{t.homes}</DataCell>
        </TableRow>
      ))}
    />
  );
}
