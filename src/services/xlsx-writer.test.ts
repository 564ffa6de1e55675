/**
 * The streamed XLSX writer (xlsx-writer.ts over zip-writer.ts), read back by exceljs: values, dates, styles,
 * text that needs escaping, a sheet large enough to span many deflate pieces, and the frozen, filtered header.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { columnLetters, xlsxStream, type XlsxRow } from './xlsx-writer.ts';

async function read(rows: XlsxRow[], widths = [10, 10, 10]): Promise<ExcelJS.Workbook> {
  const chunks: Buffer[] = [];
  const stream = xlsxStream(
    [
      {
        name: 'Data',
        widths,
        header: true,
        rows: async function* () {
          yield* rows;
        },
      },
      {
        name: "Toe'lichting",
        widths: [100],
        rows: () => [
          { cells: ['Titel'], style: 'title' },
          { cells: ['Pas op'], style: 'warning' },
        ],
      },
    ],
    { creator: 'Test' },
  );
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  return workbook;
}

describe('xlsxStream', () => {
  it('writes text, numbers and dates that a spreadsheet reads back as such', async () => {
    const wb = await read([
      { cells: ['Naam', 'Aantal', 'Datum'], style: 'bold' },
      { cells: ['A & B <C> "D"', 12.5, new Date(Date.UTC(2027, 2, 31))] },
      { cells: [' spatie ', -3, null] },
      { cells: ['stuur\u0001teken', undefined, new Date(Date.UTC(1999, 11, 31))] },
    ]);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Data', "Toe'lichting"]);
    expect(wb.creator).toBe('Test');
    const sheet = wb.getWorksheet('Data')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['Naam', 'Aantal', 'Datum']);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(['A & B <C> "D"', 12.5, new Date(Date.UTC(2027, 2, 31))]);
    expect(sheet.getRow(2).getCell(3).numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getRow(3).getCell(1).value).toBe(' spatie ');
    expect(sheet.getRow(3).getCell(3).value).toBeNull();
    expect(sheet.getRow(4).getCell(1).value).toBe('stuurteken');
    expect(sheet.getRow(4).getCell(3).value).toEqual(new Date(Date.UTC(1999, 11, 31)));
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(2).width).toBe(10);
    const notice = wb.getWorksheet("Toe'lichting")!;
    expect(notice.getRow(1).getCell(1).font).toMatchObject({ bold: true, size: 14 });
    expect(notice.getRow(2).getCell(1).font).toMatchObject({ bold: true, color: { argb: 'FFB00020' } });
  });

  it('streams a sheet of many pieces and wide rows without losing a cell', async () => {
    const width = 60;
    const rows: XlsxRow[] = [{ cells: Array.from({ length: width }, (_, i) => `k${i}`), style: 'bold' }];
    for (let r = 0; r < 3_000; r++) rows.push({ cells: Array.from({ length: width }, (_, i) => (i % 2 ? r * width + i : `r${r}c${i}`)) });
    const wb = await read(
      rows,
      Array.from({ length: width }, () => 8),
    );
    const sheet = wb.getWorksheet('Data')!;
    expect(sheet.rowCount).toBe(3_001);
    expect(sheet.getRow(3_001).getCell(width).value).toBe(2_999 * width + width - 1);
    expect(sheet.getRow(1_500).getCell(59).value).toBe(`r1498c58`);
  });

  it('names columns as spreadsheets do', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});
