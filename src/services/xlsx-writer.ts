/**
 * A streamed XLSX workbook (Office Open XML, SpreadsheetML) for the project export: the sheets' rows are
 * read from async iterables and written as XML pieces into a ZIP (zip-writer.ts) as the reader takes the
 * bytes. Only what the export uses: inline strings, numbers, dates (date cells formatted yyyy-mm-dd), column
 * widths, a frozen header row with an autofilter, and three text styles (bold, title, warning).
 */
import { Readable } from 'node:stream';
import { createZipWriter } from './zip-writer.ts';

/** Text, a number, a calendar date (UTC midnight), or empty. */
export type XlsxCell = string | number | Date | null | undefined;
/** A row's text style: the header (bold), a title (bold, larger) or a warning (bold, red). */
export type XlsxRowStyle = 'bold' | 'title' | 'warning';

export interface XlsxRow {
  cells: readonly XlsxCell[];
  style?: XlsxRowStyle;
}

export interface XlsxSheet {
  name: string;
  /** Column widths in characters, from column A. */
  widths: readonly number[];
  /** The first row stays in view and carries an autofilter. */
  header?: boolean;
  rows: () => AsyncIterable<XlsxRow> | Iterable<XlsxRow>;
}

/** Bytes of XML gathered before they are deflated and passed on. */
const PIECE_CHARS = 64 * 1024;

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Cell style indexes into styles.xml's cellXfs. */
const STYLE = { date: 1, bold: 2, title: 3, warning: 4 } as const;

const STYLES = `${XML}<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts><fonts count="4"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="14"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><color rgb="FFB00020"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="0" fontId="3" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** `A`, `B`, …, `Z`, `AA`, …: the letters of column `index` (0-based). */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Text as XML character data: markup escaped, characters XML 1.0 does not allow dropped. */
function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** Days since 1899-12-30: how a spreadsheet stores a date. */
const dateSerial = (d: Date) => d.getTime() / 86_400_000 + 25_569;

function cellXml(ref: string, value: XlsxCell, style: XlsxRowStyle | undefined): string {
  if (value === null || value === undefined) return '';
  const s = style ? ` s="${STYLE[style]}"` : '';
  if (typeof value === 'number') return Number.isFinite(value) ? `<c r="${ref}"${s}><v>${value}</v></c>` : '';
  if (value instanceof Date) return `<c r="${ref}" s="${STYLE.date}"><v>${dateSerial(value)}</v></c>`;
  const space = /^\s|\s$/.test(value) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${escapeXml(value)}</t></is></c>`;
}

function rowXml(number: number, row: XlsxRow, letters: readonly string[]): string {
  let cells = '';
  for (let i = 0; i < row.cells.length; i++) cells += cellXml(`${letters[i] ?? columnLetters(i)}${number}`, row.cells[i], row.style);
  return `<row r="${number}">${cells}</row>`;
}

/** The sheet's XML in pieces of about PIECE_CHARS. */
async function* sheetXml(sheet: XlsxSheet): AsyncGenerator<string> {
  const letters = sheet.widths.map((_, i) => columnLetters(i));
  const view = sheet.header
    ? '<sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView>'
    : '<sheetView workbookViewId="0"/>';
  const cols = sheet.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  let piece = `${XML}<worksheet xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}"><sheetViews>${view}</sheetViews><sheetFormatPr defaultRowHeight="15"/>${cols ? `<cols>${cols}</cols>` : ''}<sheetData>`;
  let number = 0;
  for await (const row of sheet.rows()) {
    number += 1;
    piece += rowXml(number, row, letters);
    if (piece.length >= PIECE_CHARS) {
      yield piece;
      piece = '';
    }
  }
  const filter = sheet.header && sheet.widths.length > 0 ? `<autoFilter ref="${filterRange(sheet)}"/>` : '';
  yield `${piece}</sheetData>${filter}</worksheet>`;
}

const filterRange = (sheet: XlsxSheet) => `A1:${columnLetters(sheet.widths.length - 1)}1`;

/** The package parts around the sheets: content types, relationships, workbook, styles, document properties. */
function packageParts(sheets: readonly XlsxSheet[], creator: string, at: Date): Array<[string, string]> {
  const sheetPath = (i: number) => `xl/worksheets/sheet${i + 1}.xml`;
  const filters = sheets
    .map((s, i) =>
      s.header && s.widths.length > 0
        ? `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">'${escapeXml(s.name.replaceAll("'", "''"))}'!$A$1:$${columnLetters(s.widths.length - 1)}$1</definedName>`
        : '',
    )
    .join('');
  return [
    [
      '[Content_Types].xml',
      `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets.map((_, i) => `<Override PartName="/${sheetPath(i)}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`,
    ],
    [
      '_rels/.rels',
      `${XML}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}"><Relationship Id="rId1" Type="${RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
    ],
    [
      'docProps/core.xml',
      `${XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>${escapeXml(creator)}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${at.toISOString().slice(0, 19)}Z</dcterms:created></cp:coreProperties>`,
    ],
    [
      'xl/workbook.xml',
      `${XML}<workbook xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}"><bookViews><workbookView/></bookViews><sheets>${sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets>${filters ? `<definedNames>${filters}</definedNames>` : ''}</workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `${XML}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${RELATIONSHIPS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rId${sheets.length + 1}" Type="${RELATIONSHIPS}/styles" Target="styles.xml"/></Relationships>`,
    ],
    ['xl/styles.xml', STYLES],
  ];
}

/** The workbook's bytes, produced as the reader pulls them (backpressure through Readable.from). */
export function xlsxStream(sheets: readonly XlsxSheet[], options: { creator: string; at?: Date }): Readable {
  const at = options.at ?? new Date();
  async function* bytes(): AsyncGenerator<Buffer> {
    const zip = createZipWriter(at);
    for (const [name, text] of packageParts(sheets, options.creator, at)) {
      const { header, entry } = zip.entry(name);
      yield Buffer.concat([header, entry.piece(text), entry.end()]);
    }
    for (const [i, sheet] of sheets.entries()) {
      const { header, entry } = zip.entry(`xl/worksheets/sheet${i + 1}.xml`);
      yield header;
      for await (const piece of sheetXml(sheet)) yield entry.piece(piece);
      yield entry.end();
    }
    yield zip.end();
  }
  return Readable.from(bytes(), { objectMode: false });
}
