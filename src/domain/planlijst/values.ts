/**
 * Cell values of plan lists in the forms Dutch spreadsheets hold them (issue 13 part 1: "semicolon-separated and
 * Dutch number formats", "dates in several Dutch formats"). Each parser returns a value, null for an empty cell, or
 * a plain-Dutch problem naming what was found.
 */
import { isValid } from 'date-fns';
import type { Cell } from './fields.ts';

export type Parsed<T> = { value: T | null } | { problem: string };

/** Is the cell empty (nothing, or only spaces, or a dash that spreadsheets use for "none")? */
export function isEmptyCell(cell: Cell): boolean {
  if (cell === null) return true;
  if (typeof cell === 'string') return /^\s*[-–]?\s*$/.test(cell);
  if (typeof cell === 'number') return Number.isNaN(cell);
  return false;
}

/** The cell as text (numbers without a trailing ".0", dates as ISO). */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return isValid(cell) ? cell.toISOString().slice(0, 10) : '';
  return String(cell).trim();
}

const THOUSANDS_DOT = /^[-+]?\d{1,3}(?:\.\d{3})+$/; // 1.234 or 12.345.678: Dutch thousands
const DUTCH_DECIMAL = /^[-+]?(?:\d{1,3}(?:\.\d{3})+|\d+),\d+$/; // 1.234,5 or 12,5
const PLAIN = /^[-+]?\d+(?:\.\d+)?$/; // 1234 or 12.5

/**
 * A Dutch number: `1.234` (thousands), `1.234,5` and `12,5` (decimal comma), `1234`, `12.5`; spaces and a
 * trailing `%` are not allowed (a count is no percentage). `thousandsDot`: whether `52.271` means 52271 (counts)
 * or 52.271 (coordinates, where a dot is always the decimal point).
 */
export function parseDutchNumber(cell: Cell, options: { thousandsDot: boolean }): Parsed<number> {
  if (cell === null || isEmptyCell(cell)) return { value: null };
  if (typeof cell === 'number') return { value: cell };
  if (typeof cell === 'boolean' || cell instanceof Date) return { problem: `'${cellText(cell)}' is geen getal` };
  const text = cell.trim().replace(/[\s\u00a0]/g, '');
  if (DUTCH_DECIMAL.test(text)) return { value: Number(text.replace(/\./g, '').replace(',', '.')) };
  if (options.thousandsDot && THOUSANDS_DOT.test(text)) return { value: Number(text.replace(/\./g, '')) };
  if (PLAIN.test(text)) return { value: Number(text) };
  return { problem: `'${cell.trim()}' is geen getal` };
}

/** A count of homes: a whole number (Dutch notation allowed); negatives are returned (the caller decides). */
export function parseCount(cell: Cell): Parsed<number> {
  const n = parseDutchNumber(cell, { thousandsDot: true });
  if ('problem' in n || n.value === null) return n;
  if (!Number.isInteger(n.value)) return { problem: `'${cellText(cell)}' is geen heel aantal woningen` };
  return n;
}

/** A coordinate: a decimal number, comma or dot as decimal sign. */
export function parseCoordinate(cell: Cell): Parsed<number> {
  return parseDutchNumber(cell, { thousandsDot: false });
}

const MONTHS: Record<string, number> = {
  jan: 1,
  januari: 1,
  feb: 2,
  februari: 2,
  mrt: 3,
  maart: 3,
  mar: 3,
  apr: 4,
  april: 4,
  mei: 5,
  jun: 6,
  juni: 6,
  jul: 7,
  juli: 7,
  aug: 8,
  augustus: 8,
  sep: 9,
  sept: 9,
  september: 9,
  okt: 10,
  oktober: 10,
  oct: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

function iso(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Two-digit years: 00–69 are 2000–2069, 70–99 are 1970–1999 (as Excel reads them). */
const fullYear = (y: string) => (y.length === 4 ? Number(y) : Number(y) < 70 ? 2000 + Number(y) : 1900 + Number(y));

/** Excel's day numbers: day 1 is 1900-01-01, with Excel's phantom 29 February 1900 (so count from 1899-12-30). */
export function excelSerialToIso(serial: number): string {
  return new Date(Date.UTC(1899, 11, 30) + Math.round(serial) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A date in the forms plan lists use: `d-m-yyyy`, `dd-mm-yy`, `d/m/yyyy`, `yyyy-mm-dd`, `1 januari 2027`, `jan 2027`,
 * `2027`, `Q3 2027` / `3e kwartaal 2027`, an Excel date cell or day number. A month, quarter or year without a day
 * is its first day (the report says so).
 */
export function parseDutchDate(cell: Cell): Parsed<string> & { approximate?: boolean } {
  if (isEmptyCell(cell)) return { value: null };
  if (cell instanceof Date) {
    if (!isValid(cell)) return { problem: 'ongeldige datum' };
    return { value: iso(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate())! };
  }
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && cell >= 1900 && cell <= 2100) return { value: iso(cell, 1, 1)!, approximate: true };
    if (cell > 2100 && cell < 80_000) return { value: excelSerialToIso(cell) };
    return { problem: `'${cell}' is geen datum` };
  }
  const text = String(cell).trim().toLowerCase().replace(/\s+/g, ' ');
  const problem = { problem: `'${String(cell).trim()}' is geen datum (bijvoorbeeld 15-3-2027, 2027-03-15, maart 2027, Q1 2027 of 2027)` };
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ t].*)?$/.exec(text);
  if (m) return nonNull(iso(Number(m[1]), Number(m[2]), Number(m[3])), problem);
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})$/.exec(text);
  if (m) return nonNull(iso(fullYear(m[3]!), Number(m[2]), Number(m[1])), problem);
  m = /^(\d{1,2}) ([a-z]+)\.? (\d{4})$/.exec(text);
  if (m && MONTHS[m[2]!]) return nonNull(iso(Number(m[3]), MONTHS[m[2]!]!, Number(m[1])), problem);
  m = /^([a-z]+)\.?[ -](\d{4})$/.exec(text);
  if (m && MONTHS[m[1]!]) return { value: iso(Number(m[2]), MONTHS[m[1]!]!, 1)!, approximate: true };
  m = /^(?:q|k)([1-4]) ?[-/]? ?(\d{4})$/.exec(text) ?? /^([1-4])e kwartaal (\d{4})$/.exec(text);
  if (m) return { value: iso(Number(m[2]), (Number(m[1]) - 1) * 3 + 1, 1)!, approximate: true };
  m = /^(\d{4}) ?[-/]? ?(?:q|k)([1-4])$/.exec(text);
  if (m) return { value: iso(Number(m[1]), (Number(m[2]) - 1) * 3 + 1, 1)!, approximate: true };
  m = /^(\d{4})$/.exec(text);
  if (m && Number(m[1]) >= 1900 && Number(m[1]) <= 2100) return { value: iso(Number(m[1]), 1, 1)!, approximate: true };
  return problem;
}

function nonNull(value: string | null, problem: { problem: string }): Parsed<string> {
  return value === null ? problem : { value };
}

/** Yes/no cells: ja/nee, j/n, true/false, 1/0, x (ticked). */
export function parseYesNo(cell: Cell): Parsed<boolean> {
  if (isEmptyCell(cell)) return { value: null };
  if (typeof cell === 'boolean') return { value: cell };
  const t = cellText(cell).toLowerCase();
  if (['ja', 'j', 'true', 'waar', '1', 'x', 'yes', 'y'].includes(t)) return { value: true };
  if (['nee', 'n', 'false', 'onwaar', '0', 'no'].includes(t)) return { value: false };
  return { problem: `'${cellText(cell)}' is geen ja of nee` };
}
