/** Plans against need in the chosen area: one row per period with hard, soft and total plans, the need, the share and the norm test. */
import { Section } from '../../components/Section.tsx';
import { Table, type Column } from '../../components/Table.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { UnorderedList } from '../../components/UnorderedList.tsx';
import { formatCount, formatNumber, formatPercent } from '../../labels.ts';
import { outcomeText, shareText } from './plancapaciteit.ts';
import type { PeriodCapacity, PlancapaciteitData } from './types.ts';

/** The need in a cell: the number (marked when estimated), or "onbekend". */
export function needText(p: PeriodCapacity): string {
  if (p.need.homes === null) return 'onbekend';
  return p.need.basis === 'geschat' ? `${formatNumber(p.need.homes)} (geschat)` : formatNumber(p.need.homes);
}

export function periodColumns(): Column<PeriodCapacity>[] {
  return [
    { key: 'period', header: 'Periode', cell: (p) => p.period.label },
    { key: 'hard', header: 'Harde plannen', numeric: true, cell: (p) => formatNumber(p.hard) },
    { key: 'soft', header: 'Zachte plannen', numeric: true, cell: (p) => formatNumber(p.soft) },
    { key: 'total', header: 'Totaal', numeric: true, cell: (p) => formatNumber(p.total), cellData: () => ({ 'data-testid': 'capacity-total' }) },
    { key: 'need', header: 'Behoefte', numeric: true, cell: needText },
    { key: 'ratio', header: 'Plannen als deel van de behoefte', numeric: true, cell: (p) => shareText(p.ratio) },
    { key: 'norm', header: 'Norm', numeric: true, cell: (p) => (p.norm === null ? 'geen' : formatPercent(p.norm)) },
    { key: 'outcome', header: 'Uitkomst', cell: outcomeText, cellData: () => ({ 'data-testid': 'capacity-outcome' }) },
  ];
}

export function CapacitySection({ data }: { data: PlancapaciteitData }) {
  const unknownNeed = data.periods.filter((p) => p.need.homes === null);
  const withoutYear = data.withoutYear.hard + data.withoutYear.soft;
  return (
    <Section id="plancapaciteit-periodes" title={`Plannen en behoefte in ${data.area.name}`}>
      <Table
        caption={`Woningen in plannen en de behoefte per periode, ${data.area.name}, vanaf ${data.fromYear}`}
        columns={periodColumns()}
        rows={data.periods}
        rowKey={(p) => p.period.key}
        rowData={(p) => ({ 'data-period': p.period.key })}
        testId="capacity-table"
        scrollLabel="Plancapaciteit per periode"
        empty={<Paragraph>Er is geen periode vanaf {data.fromYear}.</Paragraph>}
      />
      <UnorderedList>
        <li>Harde plannen: het plan is vastgesteld of onherroepelijk.</li>
        <li>Zachte plannen: het plan is in voorbereiding, is nog een visie, of de stand is onbekend.</li>
        <li>
          De behoefte is het aantal woningen dat volgens de doelen in de periode gebouwd moet worden. Plannen tellen mee in het jaar waarin de
          woningen klaar zijn; plannen met een jaar dat al voorbij is, tellen mee in {data.fromYear}.
        </li>
      </UnorderedList>
      {unknownNeed.map((p) => (
        <Paragraph key={p.period.key}>
          {p.period.label}: {p.need.explanation}
        </Paragraph>
      ))}
      {withoutYear > 0 && (
        <Paragraph data-testid="without-year">
          Daarnaast staan {formatCount(withoutYear, 'woning', 'woningen')} in plannen zonder jaar ({formatNumber(data.withoutYear.hard)} hard,{' '}
          {formatNumber(data.withoutYear.soft)} zacht). Die tellen in geen enkele periode mee.
        </Paragraph>
      )}
    </Section>
  );
}
