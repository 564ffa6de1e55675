/**
 * The project export as a planlijst (SPEC §7, issue 13 part 4): one row per project, the columns of the
 * contract shared with the planlijst importer, so that a clean export of the register re-imports into an
 * identical register. Header texts are Dutch and shown to users; values use the plain-Dutch LABELS.
 * Pure: the storage layer supplies the projects, the service writes CSV or XLSX.
 */
import {
  DOELGROEPEN,
  LABELS,
  MILESTONES,
  SEGMENTS,
  WONINGTYPES,
  type Doelgroep,
  type MilestoneCode,
  type Segment,
  type Woningtype,
} from './codes.ts';
import type { IsoDate } from './dates.ts';
import type { GeoPoint, Jaarschijf, Milestone, ProgrammeLine } from './project.ts';

/** A project as exported: its list facts and its parts (parties, knelpunten and open books are not in a planlijst). */
export interface ExportProject {
  id: string;
  name: string;
  gemeenteCode: string;
  gemeenteName: string;
  provincieCode: string;
  planStatus: string;
  origin: string;
  flags: readonly string[];
  description: string | null;
  phase: string;
  status: string;
  maxDelayMonths: number;
  totalHomes: number;
  affordableHomes: number;
  version: number;
  updatedAt: string;
  location: GeoPoint | null;
  synthetic: boolean;
  programme: readonly ProgrammeLine[];
  jaarschijven: readonly Jaarschijf[];
  milestones: readonly Pick<Milestone, 'code' | 'baselineDate' | 'forecastDate' | 'actualDate'>[];
}

/** A cell: text, a whole or decimal number, a calendar date (XLSX: a real date cell), or empty. */
export type ExportCell = string | number | { date: IsoDate } | null;

export interface ExportColumn {
  header: string;
  /** Suggested column width in characters (XLSX). */
  width: number;
  /** Decimal places of a decimal number (coordinates); whole numbers have none. */
  decimals?: number;
  /** A column of calendar dates (XLSX: formatted `yyyy-mm-dd`). */
  date?: true;
  value: (p: ExportProject) => ExportCell;
}

/** A (year, segment) jaarschijf column; only those used by at least one exported project are written. */
export interface JaarschijfColumn {
  year: number;
  segment: Segment;
}

const label = (code: string) => LABELS[code] ?? code;

/** The milestone date kinds, in the order of their columns. */
export const MILESTONE_DATE_KINDS = [
  { key: 'baselineDate', suffix: 'basis' },
  { key: 'forecastDate', suffix: 'prognose' },
  { key: 'actualDate', suffix: 'gerealiseerd' },
] as const;

/** `M11 Start bouw – prognose`: the header of one milestone date (contract). */
export function milestoneHeader(code: MilestoneCode, suffix: (typeof MILESTONE_DATE_KINDS)[number]['suffix']): string {
  const m = MILESTONES.find((x) => x.code === code)!;
  return `${code} ${m.label} – ${suffix}`;
}

/** `Oplevering 2027 sociale huur`: the header of one jaarschijf (contract). */
export function jaarschijfHeader(c: JaarschijfColumn): string {
  return `Oplevering ${c.year} ${label(c.segment).toLowerCase()}`;
}

/** Headers of the homes per doelgroep (the rest is `regulier`); the prefix keeps them apart from the origin `Flexwoning`. */
export const DOELGROEP_HEADERS: Readonly<Record<Exclude<Doelgroep, 'regulier'>, string>> = {
  ouderen: 'Doelgroep ouderen',
  student: 'Doelgroep studenten',
  flex: 'Doelgroep flex',
  woonzorg: 'Doelgroep woonzorg',
};

const sumWhere = (lines: readonly ProgrammeLine[], keep: (l: ProgrammeLine) => boolean) =>
  lines.reduce((sum, l) => (keep(l) ? sum + l.homes : sum), 0);

/** The first year, then the segments in their fixed order: how jaarschijf columns are laid out. */
export function sortJaarschijfColumns(columns: readonly JaarschijfColumn[]): JaarschijfColumn[] {
  return [...columns].sort((a, b) => a.year - b.year || SEGMENTS.indexOf(a.segment) - SEGMENTS.indexOf(b.segment));
}

/** Every column of the export, in order, for these jaarschijf columns. */
export function exportColumns(jaarschijfColumns: readonly JaarschijfColumn[]): ExportColumn[] {
  const segmentColumns: ExportColumn[] = SEGMENTS.map((s) => ({
    header: label(s),
    width: 10,
    value: (p) => sumWhere(p.programme, (l) => l.segment === s),
  }));
  const typeColumns: ExportColumn[] = WONINGTYPES.filter((t): t is Exclude<Woningtype, 'onbekend'> => t !== 'onbekend').map((t) => ({
    header: label(t),
    width: 10,
    value: (p) => sumWhere(p.programme, (l) => l.woningtype === t),
  }));
  const groupColumns: ExportColumn[] = DOELGROEPEN.filter((d): d is Exclude<Doelgroep, 'regulier'> => d !== 'regulier').map((d) => ({
    header: DOELGROEP_HEADERS[d],
    width: 10,
    value: (p) => sumWhere(p.programme, (l) => l.doelgroep === d),
  }));
  const jaarschijven: ExportColumn[] = sortJaarschijfColumns(jaarschijfColumns).map((c) => ({
    header: jaarschijfHeader(c),
    width: 10,
    value: (p) => {
      const homes = p.jaarschijven.reduce((sum, j) => (j.year === c.year && j.segment === c.segment ? sum + j.homes : sum), 0);
      return homes === 0 ? null : homes;
    },
  }));
  const milestones: ExportColumn[] = MILESTONES.flatMap((m) =>
    MILESTONE_DATE_KINDS.map(({ key, suffix }) => ({
      header: milestoneHeader(m.code, suffix),
      width: 12,
      date: true as const,
      value: (p: ExportProject): ExportCell => {
        const date = p.milestones.find((x) => x.code === m.code)?.[key] ?? null;
        return date === null ? null : { date };
      },
    })),
  );
  return [
    { header: 'Project-id', width: 38, value: (p) => p.id },
    { header: 'Projectnaam', width: 32, value: (p) => p.name },
    { header: 'Gemeentecode', width: 12, value: (p) => p.gemeenteCode },
    { header: 'Gemeente', width: 20, value: (p) => p.gemeenteName },
    { header: 'Provinciecode', width: 12, value: (p) => p.provincieCode },
    { header: 'Planstatus', width: 16, value: (p) => label(p.planStatus) },
    { header: 'Herkomst', width: 14, value: (p) => label(p.origin) },
    { header: 'Kenmerken', width: 24, value: (p) => p.flags.map(label).join(', ') || null },
    { header: 'Omschrijving', width: 40, value: (p) => p.description || null },
    { header: 'Woningen totaal', width: 10, value: (p) => p.totalHomes },
    ...segmentColumns,
    { header: 'Betaalbaar', width: 10, value: (p) => p.affordableHomes },
    ...typeColumns,
    ...groupColumns,
    { header: 'Fase', width: 22, value: (p) => label(p.phase) },
    { header: 'Status', width: 12, value: (p) => label(p.status) },
    { header: 'Grootste vertraging (maanden)', width: 14, value: (p) => p.maxDelayMonths },
    { header: 'Lengtegraad', width: 12, decimals: 6, value: (p) => (p.location ? round6(p.location.lon) : null) },
    { header: 'Breedtegraad', width: 12, decimals: 6, value: (p) => (p.location ? round6(p.location.lat) : null) },
    { header: 'Demogegevens (verzonnen)', width: 12, value: (p) => (p.synthetic ? 'ja' : 'nee') },
    { header: 'Versie', width: 8, value: (p) => p.version },
    { header: 'Laatst gewijzigd', width: 22, value: (p) => p.updatedAt },
    ...jaarschijven,
    ...milestones,
  ];
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * A spreadsheet must not run a cell as a formula: text that starts with `=`, `+`, `-`, `@`, a tab or a
 * carriage return gets a leading apostrophe in the CSV (OWASP "CSV injection"). The importer drops it again.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** The text as it was before neutraliseFormula (what the planlijst reader applies to every CSV cell). */
export function restoreFormulaText(text: string): string {
  return text.charCodeAt(0) === 39 /* ' */ && /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

/** Quote a CSV field when it holds the separator, a quote or a line break (RFC 4180, quotes doubled). */
function csvField(text: string, separator: string): string {
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * One cell as CSV text for Dutch Excel: `;` separator, decimal comma (`52,370216`), dates as `yyyy-mm-dd`,
 * whole numbers without thousands separators.
 */
export function csvCell(cell: ExportCell, column: Pick<ExportColumn, 'decimals'>, separator = ';'): string {
  if (cell === null) return '';
  if (typeof cell === 'number') {
    const text = column.decimals === undefined ? String(cell) : cell.toFixed(column.decimals);
    return text.replace('.', ',');
  }
  if (typeof cell === 'object') return cell.date;
  return csvField(neutraliseFormula(cell), separator);
}

/** One CSV line (CRLF, as Excel writes it). */
export function csvLine(cells: readonly string[], separator = ';'): string {
  return `${cells.join(separator)}\r\n`;
}

export function csvHeader(columns: readonly ExportColumn[], separator = ';'): string {
  return csvLine(
    columns.map((c) => csvField(c.header, separator)),
    separator,
  );
}

export function csvRow(columns: readonly ExportColumn[], project: ExportProject, separator = ';'): string {
  return csvLine(
    columns.map((c) => csvCell(c.value(project), c, separator)),
    separator,
  );
}

/** UTF-8 byte order mark: without it Excel reads the file as Windows-1252 (é, ë, – garbled). */
export const UTF8_BOM = '\uFEFF';

/** The notice shown with a workbook of the register (demo label when demo projects are in it). */
export function exportNotice(total: number, synthetic: number): string[] {
  const lines = [`Projecten: ${total}.`];
  if (synthetic > 0) lines.push(`LET OP: ${synthetic} van de ${total} projecten zijn verzonnen demogegevens, geen echte projecten.`);
  lines.push('Betaalbaar = sociale huur + middenhuur + betaalbare koop.');
  lines.push(
    'Oplevering <jaar> <segment>: de geplande opleveringen (jaarschijven). Mijlpalen: basis = afgesproken planning, prognose = huidige verwachting, gerealiseerd = werkelijke datum.',
  );
  lines.push('Partijen, knelpunten, open boeken en de wijzigingsgeschiedenis staan niet in deze lijst.');
  return lines;
}
