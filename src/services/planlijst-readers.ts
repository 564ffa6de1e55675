/**
 * Reading a plan list file into header + rows of cells (issue 13 part 1: "XLSX and CSV, also semicolon-separated").
 * CSV: UTF-8 (with or without BOM; Windows-1252 when the bytes are no UTF-8, as older Excel saves them), separator
 * `;`, `,` or tab sniffed from the header line, CRLF or LF. XLSX: the first sheet or a named one; date cells stay dates.
 */
import { restoreFormulaText } from '../domain/project-export.ts';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { ValidationError } from '../domain/errors.ts';
import type { Cell } from '../domain/planlijst/fields.ts';

export interface ImportFile {
  name: string;
  bytes: Uint8Array;
}

export interface SheetData {
  columns: string[];
  /** Data rows with the spreadsheet row number a user sees (header = row 1). */
  rows: Array<{ row: number; cells: Cell[] }>;
}

const fileProblem = (message: string) => new ValidationError([{ path: 'bestand', code: 'unreadable_file', message }]);

export function fileKind(name: string, bytes: Uint8Array): 'xlsx' | 'csv' {
  // An XLSX is a ZIP (PK\x03\x04), whatever its name says.
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx';
  if (/\.xls$/i.test(name)) throw fileProblem('Oude Excel-bestanden (.xls) kunnen niet worden gelezen; sla het bestand op als .xlsx of als CSV.');
  return 'csv';
}

function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** The separator of a CSV: the one of `;`, tab and `,` that occurs most in the header line outside quotes. */
export function sniffDelimiter(text: string): string {
  const end = text.search(/\r?\n/);
  const header = (end < 0 ? text : text.slice(0, end)).replace(/"[^"]*"/g, '');
  const counts = [';', '\t', ','].map((d) => ({ d, n: header.split(d).length - 1 }));
  const best = counts.sort((a, b) => b.n - a.n)[0]!;
  return best.n > 0 ? best.d : ',';
}

export function readCsv(bytes: Uint8Array): SheetData {
  const text = decode(bytes);
  if (!text.trim()) throw fileProblem('Het bestand is leeg.');
  const parsed = Papa.parse<string[]>(text, { delimiter: sniffDelimiter(text), skipEmptyLines: false });
  const data = parsed.data;
  if (data.length > 1 && data[data.length - 1]!.length === 1 && data[data.length - 1]![0] === '') data.pop();
  const [header, ...rest] = data;
  const columns = (header ?? []).map((h) => h.trim());
  // A text the register's CSV export protected from running as a formula ('=…) reads back as it was.
  return { columns, rows: rest.map((cells, i) => ({ row: i + 2, cells: cells.map(restoreFormulaText) })) };
}

function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('result' in value) return cellValue(value.result as ExcelJS.CellValue);
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return String(value.error);
  }
  return null;
}

export async function readXlsx(bytes: Uint8Array, sheet?: string): Promise<SheetData> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    throw fileProblem('Het Excel-bestand kan niet worden gelezen (beschadigd, of geen .xlsx).');
  }
  const ws = sheet ? workbook.getWorksheet(sheet) : workbook.worksheets[0];
  if (!ws) {
    const names = workbook.worksheets.map((w) => `'${w.name}'`).join(', ');
    throw fileProblem(sheet ? `Het werkblad '${sheet}' bestaat niet; het bestand heeft ${names}.` : 'Het Excel-bestand heeft geen werkblad.');
  }
  const width = ws.columnCount;
  const columns: string[] = [];
  const headerRow = ws.getRow(1);
  for (let c = 1; c <= width; c += 1) columns.push(String(cellValue(headerRow.getCell(c).value) ?? '').trim());
  while (columns.length > 0 && columns[columns.length - 1] === '') columns.pop();
  const rows: SheetData['rows'] = [];
  const last = ws.rowCount;
  for (let r = 2; r <= last; r += 1) {
    const row = ws.getRow(r);
    const cells: Cell[] = [];
    for (let c = 1; c <= columns.length; c += 1) cells.push(cellValue(row.getCell(c).value));
    rows.push({ row: r, cells });
  }
  return { columns, rows };
}

/** Read a CSV or XLSX plan list. */
export async function readPlanlijst(file: ImportFile, sheet?: string): Promise<SheetData> {
  const data = fileKind(file.name, file.bytes) === 'xlsx' ? await readXlsx(file.bytes, sheet) : readCsv(file.bytes);
  if (data.columns.filter(Boolean).length === 0) throw fileProblem('De eerste rij van het bestand heeft geen kolomnamen.');
  const seen = new Set<string>();
  for (const c of data.columns) {
    if (c && seen.has(c)) throw fileProblem(`De kolomnaam '${c}' staat twee keer in de eerste rij; geef de kolommen verschillende namen.`);
    seen.add(c);
  }
  return data;
}
