// @vitest-environment jsdom
/** The shared table: accessible headers, numeric alignment, footer rows and the empty state, in the Utrecht table markup. */
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DataCell, RowHeaderCell, Table, TableRow, type Column } from './Table.tsx';

interface Year {
  year: number;
  homes: number;
}
const COLUMNS: Column<Year>[] = [
  { key: 'year', header: 'Jaar', cell: (y) => y.year },
  { key: 'homes', header: 'Woningen', cell: (y) => y.homes.toLocaleString('nl-NL'), numeric: true, sorted: 'descending' },
];
const ROWS: Year[] = [
  { year: 2027, homes: 1200 },
  { year: 2028, homes: 800 },
];

afterEach(cleanup);

describe('Table', () => {
  it('has a caption, column headers and a row header per row', () => {
    render(
      <Table
        caption="Woningen per jaar"
        columns={COLUMNS}
        rows={ROWS}
        rowKey={(y) => y.year}
        rowData={(y) => ({ 'data-year': y.year })}
        testId="years"
      />,
    );
    const table = screen.getByRole('table', { name: 'Woningen per jaar' });
    expect(table.dataset.testid).toBe('years');
    expect(table.className).toBe('utrecht-table utrecht-table--html-table wbm-table');
    const [year, homes] = screen.getAllByRole('columnheader');
    expect([year?.textContent, homes?.textContent]).toEqual(['Jaar', 'Woningen']);
    expect([year?.getAttribute('scope'), homes?.getAttribute('scope')]).toEqual(['col', 'col']);
    expect(homes?.className).toContain('utrecht-table__header-cell--numeric-column');
    expect(homes?.getAttribute('aria-sort')).toBe('descending');
    expect(year?.hasAttribute('aria-sort')).toBe(false);
    const rowHeader = screen.getByRole('rowheader', { name: '2027' });
    expect(rowHeader.getAttribute('scope')).toBe('row');
    expect(rowHeader.className).toBe('utrecht-table__header-cell wbm-row-header');
    const row = rowHeader.closest('tr')!;
    expect(row.dataset.year).toBe('2027');
    expect(within(row).getByRole('cell').className).toBe('utrecht-table__cell utrecht-table__cell--numeric-data');
  });

  it('wraps the table in a scroll container, a labelled focusable region only when asked', () => {
    const { container, rerender } = render(<Table caption="T" columns={COLUMNS} rows={ROWS} rowKey={(y) => y.year} busy />);
    const wrapper = container.firstElementChild as HTMLElement;
    expect(wrapper.className).toBe('utrecht-table-container wbm-table-scroll');
    expect(wrapper.getAttribute('aria-busy')).toBe('true');
    expect(wrapper.hasAttribute('tabindex')).toBe(false);
    rerender(<Table caption="T" columns={COLUMNS} rows={ROWS} rowKey={(y) => y.year} scrollLabel="Tabel woningen per jaar" />);
    const region = screen.getByRole('region', { name: 'Tabel woningen per jaar' });
    expect(region.tabIndex).toBe(0);
  });

  it('renders footer rows in a tfoot and rows without a row header when asked', () => {
    render(
      <Table
        caption="T"
        columns={COLUMNS}
        rows={ROWS}
        rowKey={(y) => y.year}
        rowHeaders={false}
        footer={
          <TableRow>
            <RowHeaderCell plain>Totaal</RowHeaderCell>
            <DataCell numeric>2.000</DataCell>
          </TableRow>
        }
      />,
    );
    expect(screen.getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['Totaal']);
    const total = screen.getByRole('rowheader', { name: 'Totaal' });
    expect(total.className).toBe('utrecht-table__header-cell');
    expect(total.closest('tfoot')?.className).toBe('utrecht-table__footer wbm-table__footer');
  });

  it('shows the empty state instead of a table without rows', () => {
    render(<Table caption="T" columns={COLUMNS} rows={[]} rowKey={(y) => y.year} empty={<p>Er zijn geen jaren.</p>} />);
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByText('Er zijn geen jaren.')).toBeTruthy();
  });
});
