/** Planned completions per year and segment: a chart for the overview and a table with the figures. */
import type { Jaarschijf } from '../../api/types.ts';
import { Paragraph } from '../../components/Paragraph.tsx';
import { DataCell, RowHeaderCell, Table, TableRow } from '../../components/Table.tsx';
import { formatCount, formatNumber, label, SEGMENTS } from '../../labels.ts';
import { JaarschijvenChart } from './JaarschijvenChart.tsx';
import { FigureCaption } from '../../components/FigureCaption.tsx';

export function JaarschijvenSection({ jaarschijven }: { jaarschijven: Jaarschijf[] }) {
  if (jaarschijven.length === 0) return <Paragraph>Er zijn nog geen jaarschijven ingevuld.</Paragraph>;
  const years = [...new Set(jaarschijven.map((j) => j.year))].sort((a, b) => a - b);
  const segments = SEGMENTS.filter((s) => jaarschijven.some((j) => j.segment === s));
  const homes = (year: number | null, segment: string | null) =>
    jaarschijven
      .filter((j) => (year === null || j.year === year) && (segment === null || j.segment === segment))
      .reduce((sum, j) => sum + j.homes, 0);
  const total = homes(null, null);
  const description = `Staafdiagram van de geplande oplevering: ${formatCount(total, 'woning', 'woningen')} in ${years.length === 1 ? years[0] : `de jaren ${years[0]} tot en met ${years[years.length - 1]}`}. De cijfers staan in de tabel hieronder.`;

  return (
    <>
      <figure className="wbm-figure">
        <JaarschijvenChart jaarschijven={jaarschijven} description={description} />
        <FigureCaption>Geplande oplevering per jaar, gestapeld per segment. De cijfers staan ook in de tabel.</FigureCaption>
      </figure>
      <Table
        caption="Geplande oplevering per jaar en segment (jaarschijven)"
        scrollLabel="Jaarschijven per jaar en segment"
        rows={years}
        rowKey={(y) => y}
        columns={[
          { key: 'year', header: 'Jaar', cell: (y) => y },
          ...segments.map((s) => ({ key: s, header: label(s), numeric: true, cell: (y: number) => formatNumber(homes(y, s)) })),
          { key: 'total', header: 'Totaal', numeric: true, cell: (y) => formatNumber(homes(y, null)) },
        ]}
        footer={
          <TableRow>
            <RowHeaderCell plain>Totaal</RowHeaderCell>
            {segments.map((s) => (
              <DataCell key={s} numeric>
                {formatNumber(homes(null, s))}
              </DataCell>
            ))}
            <DataCell numeric>{formatNumber(total)}</DataCell>
          </TableRow>
        }
      />
    </>
  );
}
