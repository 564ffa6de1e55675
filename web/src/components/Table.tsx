/**
 * The one data table of the web app: NL Design System (Utrecht) table markup with a caption, column
 * headers with `scope="col"`, the first column as row headers (`scope="row"`), right-aligned numbers,
 * optional footer (total) rows and an empty state, inside a horizontal scroll container. Pages describe
 * their columns; they never write `<table>` themselves.
 */
import type { Key, ReactNode } from 'react';

/** One column: its header and how a row fills its cell. */
export interface Column<Row> {
  /** Stable key of the column (React key). */
  key: string;
  /** Column header; may be visually hidden (e.g. "Actie") or a sort button. */
  header: ReactNode;
  /** The cell of one row. */
  cell: (row: Row) => ReactNode;
  /** Numbers: right-aligned header and cells with tabular figures. */
  numeric?: boolean;
  /** Extra class of this column's cells (e.g. `wbm-nowrap`). */
  className?: string;
  /** The column the rows are sorted by, and in which direction (sets `aria-sort` on its header). */
  sorted?: 'ascending' | 'descending';
  /** `data-*` attributes of this column's cell in a row (e.g. a test id per cell). */
  cellData?: (row: Row) => RowData;
}

/** `data-*` attributes of a row, for tests and for scripts that find a row by its name or code. */
export type RowData = { [name: `data-${string}`]: string | number | undefined };

export interface TableProps<Row> {
  /** What the table shows; read first by screen readers. */
  caption: ReactNode;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  /** Stable key of a row (React key). */
  rowKey: (row: Row) => Key;
  /** The first column names the row (`<th scope="row">`); false for tables whose rows have no name. Default true. */
  rowHeaders?: boolean;
  /** Row headers in the plain header weight instead of the semi-bold row-header style. */
  plainRowHeaders?: boolean;
  /** `data-*` attributes per row. */
  rowData?: (row: Row) => RowData;
  /** Footer rows (totals), built with TableRow, RowHeaderCell and DataCell. */
  footer?: ReactNode;
  /** Class of the footer; by default the bold total-row style. */
  footerClassName?: string;
  /** Shown instead of the table when there are no rows. */
  empty?: ReactNode;
  /** `aria-busy` on the container while newer rows are loading. */
  busy?: boolean;
  /**
   * Name of the scroll container: makes it a labelled, keyboard-focusable region, so a table wider
   * than the screen can be scrolled without a mouse (WCAG 2.1.1).
   */
  scrollLabel?: string;
  /** `data-testid` of the table. */
  testId?: string;
}

const cx = (...classes: (string | false | undefined)[]) => classes.filter(Boolean).join(' ');

/** A data table (see the file comment). */
export function Table<Row>({
  caption,
  columns,
  rows,
  rowKey,
  rowHeaders = true,
  plainRowHeaders = false,
  rowData,
  footer,
  footerClassName = 'utrecht-table__footer wbm-table__footer',
  empty,
  busy,
  scrollLabel,
  testId,
}: TableProps<Row>) {
  if (rows.length === 0 && empty !== undefined) return <>{empty}</>;
  return (
    <div
      className="utrecht-table-container wbm-table-scroll"
      aria-busy={busy}
      {...(scrollLabel ? { role: 'region', 'aria-label': scrollLabel, tabIndex: 0 } : {})}
    >
      <table className="utrecht-table utrecht-table--html-table wbm-table" data-testid={testId}>
        <caption className="utrecht-table__caption">{caption}</caption>
        <thead className="utrecht-table__header">
          <TableRow>
            {columns.map((c) => (
              <th
                key={c.key}
                scope="col"
                aria-sort={c.sorted}
                className={cx('utrecht-table__header-cell', c.numeric && 'utrecht-table__header-cell--numeric-column')}
              >
                {c.header}
              </th>
            ))}
          </TableRow>
        </thead>
        <tbody className="utrecht-table__body">
          {rows.map((row) => (
            <TableRow key={rowKey(row)} {...rowData?.(row)}>
              {columns.map((c, i) =>
                i === 0 && rowHeaders ? (
                  <RowHeaderCell key={c.key} plain={plainRowHeaders} className={c.className} {...c.cellData?.(row)}>
                    {c.cell(row)}
                  </RowHeaderCell>
                ) : (
                  <DataCell key={c.key} numeric={c.numeric} className={c.className} {...c.cellData?.(row)}>
                    {c.cell(row)}
                  </DataCell>
                ),
              )}
            </TableRow>
          ))}
        </tbody>
        {footer !== undefined && <tfoot className={footerClassName || undefined}>{footer}</tfoot>}
      </table>
    </div>
  );
}

/** A table row (for footer rows). */
export function TableRow({ children, ...data }: { children: ReactNode } & RowData) {
  return (
    <tr className="utrecht-table__row" {...data}>
      {children}
    </tr>
  );
}

/** The cell that names its row. In the body it is semi-bold unless `plain`; footer rows use `plain`. */
export function RowHeaderCell({
  children,
  plain = false,
  colSpan,
  className,
  ...data
}: { children: ReactNode; plain?: boolean; colSpan?: number; className?: string } & RowData) {
  return (
    <th scope="row" colSpan={colSpan} className={cx('utrecht-table__header-cell', !plain && 'wbm-row-header', className)} {...data}>
      {children}
    </th>
  );
}

/** A data cell; `numeric` right-aligns it. */
export function DataCell({
  children,
  numeric = false,
  colSpan,
  className,
  ...data
}: { children?: ReactNode; numeric?: boolean; colSpan?: number; className?: string } & RowData) {
  return (
    <td colSpan={colSpan} className={cx('utrecht-table__cell', numeric && 'utrecht-table__cell--numeric-data', className)} {...data}>
      {children}
    </td>
  );
}
