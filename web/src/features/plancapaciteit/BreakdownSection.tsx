/** The chosen area split into provinces, tables or gemeenten: per unit and period the plans, the need and the outcome of the norm test. */
import { Paragraph } from '../../components/Paragraph.tsx';
import { Section } from '../../components/Section.tsx';
import { Table, type Column } from '../../components/Table.tsx';
import { formatNumber } from '../../labels.ts';
import { BREAKDOWN_LABELS, outcomeText, type Breakdown } from './plancapaciteit.ts';
import type { AreaPlancapaciteit, PlancapaciteitData } from './types.ts';

/** One column group per period: total plans, need and outcome of that period. */
function breakdownColumns(periods: PlancapaciteitData['periods']): Column<AreaPlancapaciteit>[] {
  const columns: Column<AreaPlancapaciteit>[] = [{ key: 'area', header: 'Gebied', cell: (u) => u.area.name }];
  periods.forEach((p, i) => {
    const of = (u: AreaPlancapaciteit) => u.periods[i];
    columns.push(
      {
        key: `${p.period.key}-total`,
        header: `Plannen ${p.period.label}`,
        numeric: true,
        cell: (u) => {
          const x = of(u);
          return x ? formatNumber(x.total) : '–';
        },
      },
      {
        key: `${p.period.key}-need`,
        header: `Behoefte ${p.period.label}`,
        numeric: true,
        cell: (u) => {
          const x = of(u);
          return x?.need.homes == null ? 'onbekend' : formatNumber(x.need.homes);
        },
      },
      {
        key: `${p.period.key}-outcome`,
        header: `Uitkomst ${p.period.label}`,
        cell: (u) => {
          const x = of(u);
          return x ? outcomeText(x) : '–';
        },
      },
    );
  });
  return columns;
}

export function BreakdownSection({ data, breakdown }: { data: PlancapaciteitData; breakdown: Exclude<Breakdown, 'none'> }) {
  return (
    <Section id="plancapaciteit-uitsplitsing" title={BREAKDOWN_LABELS[breakdown]}>
      <Table
        caption={`Plancapaciteit van ${data.area.name}, ${BREAKDOWN_LABELS[breakdown].toLowerCase()}`}
        columns={breakdownColumns(data.periods)}
        rows={data.breakdown}
        rowKey={(u) => u.area.id}
        rowData={(u) => ({ 'data-area': u.area.id })}
        testId="breakdown-table"
        scrollLabel="Plancapaciteit per gebied"
        empty={<Paragraph>Er zijn geen gebieden om te tonen bij deze uitsplitsing.</Paragraph>}
      />
      {data.breakdownOmitted && <Paragraph data-testid="breakdown-omitted">{data.breakdownOmitted.message}</Paragraph>}
    </Section>
  );
}
