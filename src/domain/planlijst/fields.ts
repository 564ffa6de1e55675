/**
 * The register fields a planlijst column can fill, and the mapping file that says which column fills which
 * field (issue 13 part 1; SPEC §2 "Project", §7 "Excel/CSV import"). Pure: the mapping file is checked for
 * its shape in src/services/planlijst-mapping.ts (zod); this module knows what the fields mean.
 */
import { DOELGROEPEN, MILESTONE_CODES, SEGMENTS, type Origin, type PlanStatus, type ProjectFlag, type Segment } from '../codes.ts';

/** One cell as a reader delivers it: text from a CSV, a number, date or text from an XLSX, or empty. */
export type Cell = string | number | boolean | Date | null;

/** Where a field's value comes from: one column, or several (counts are summed, text takes the first non-empty). */
export type FieldSource = string | { columns: string[] };

/** The milestone date kinds of a planlijst column: baseline, forecast, actual (SPEC §2 milestones). */
export const MILESTONE_DATE_KINDS = { basis: 'baselineDate', prognose: 'forecastDate', gerealiseerd: 'actualDate' } as const;
export type MilestoneDateKind = keyof typeof MILESTONE_DATE_KINDS;

/** Options of a mapping: how to fill what the file does not say. */
export interface MappingOptions {
  /**
   * The first year of the register's jaarschijven: completions planned before it are not planned any more
   * (they stay in the programme, as the file still counts them, and the report says how many).
   */
  firstYear?: number;
  /** Which segment homes by tenure go to when the file has rent/owner columns but no segments (SPEC §2 segments). */
  tenureSegments?: { huur: Segment; koop: Segment; onbekend: Segment };
  /** The segment of homes the file gives no segment or tenure for. */
  defaultSegment?: Segment;
  /** Plan status for an empty status cell. */
  defaultPlanStatus?: PlanStatus;
  /** Origin for an empty origin cell. */
  defaultOrigin?: Origin;
}

/** A mapping file: `fields` maps register fields to the file's columns, `values` the file's labels to codes. */
export interface PlanlijstMapping {
  /** Name of the source (a province's plan monitor, a gemeente's list); the mapping is saved under it. */
  source: string;
  /** XLSX: the sheet to read (default: the first). */
  sheet?: string;
  fields: Record<string, FieldSource>;
  values?: {
    planStatus?: Record<string, PlanStatus>;
    origin?: Record<string, Origin>;
    flags?: Record<string, ProjectFlag>;
  };
  options?: MappingOptions;
}

export const DEFAULT_OPTIONS = {
  firstYear: 2020,
  // Homes whose segment the file does not give are not known to be betaalbaar: they are counted outside the
  // betaalbare segments (SPEC §2 "Betaalbaar"), by tenure where the file gives it.
  tenureSegments: { huur: 'vrije_sector_huur', koop: 'vrije_sector_koop', onbekend: 'vrije_sector_koop' },
  defaultSegment: 'vrije_sector_koop',
  defaultPlanStatus: 'onbekend',
  defaultOrigin: 'nieuwbouw',
} as const satisfies Required<MappingOptions>;

/** The fixed register fields (the counted and dated ones follow patterns, see `fieldKind`). */
export const TEXT_FIELDS = [
  'externalId',
  'name',
  'gemeenteCode',
  'gemeente',
  'provincie',
  'description',
  'planStatus',
  'origin',
  'flags',
  'synthetic',
] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

export const TENURES = ['huur', 'koop', 'onbekend'] as const;
export type Tenure = (typeof TENURES)[number];
export const SPLIT_WONINGTYPES = ['grondgebonden', 'gestapeld', 'onbekend'] as const;
export const SPLIT_DOELGROEPEN = DOELGROEPEN.filter((d) => d !== 'regulier');

export type FieldKind = 'text' | 'count' | 'date' | 'coordinate';

const SEGMENT_RE = SEGMENTS.join('|');
const COMPLETION = new RegExp(`^completions\\.(?:(\\d{4})-(\\d{4})|(\\d{4})(?:\\.(${SEGMENT_RE}))?|(onbekend))$`);
const MILESTONE = new RegExp(`^milestones\\.(${MILESTONE_CODES.join('|')})\\.(basis|prognose|gerealiseerd)$`);
const COUNT = new RegExp(
  `^(?:homesTotal|homes\\.(?:${SEGMENT_RE})|tenure\\.(?:${TENURES.join('|')})|woningtype\\.(?:${SPLIT_WONINGTYPES.join('|')})|doelgroep\\.(?:${SPLIT_DOELGROEPEN.join('|')}))$`,
);

/** What a completion field covers: one year (optionally one segment), a period, or an unknown year. */
export type CompletionField =
  { kind: 'year'; year: number; segment: Segment | null } | { kind: 'period'; from: number; to: number } | { kind: 'unknown' };

export function completionField(field: string): CompletionField | null {
  const m = COMPLETION.exec(field);
  if (!m) return null;
  if (m[1] && m[2]) return { kind: 'period', from: Number(m[1]), to: Number(m[2]) };
  if (m[3]) return { kind: 'year', year: Number(m[3]), segment: (m[4] as Segment | undefined) ?? null };
  return { kind: 'unknown' };
}

export function milestoneField(field: string): { code: (typeof MILESTONE_CODES)[number]; kind: MilestoneDateKind } | null {
  const m = MILESTONE.exec(field);
  return m ? { code: m[1] as (typeof MILESTONE_CODES)[number], kind: m[2] as MilestoneDateKind } : null;
}

/** The kind of a register field, or null when it is no register field. */
export function fieldKind(field: string): FieldKind | null {
  if ((TEXT_FIELDS as readonly string[]).includes(field)) return 'text';
  if (field === 'x' || field === 'y') return 'coordinate';
  if (COUNT.test(field)) return 'count';
  const c = completionField(field);
  if (c) return c.kind === 'period' && (c.to < c.from || c.to - c.from > 50) ? null : 'count';
  if (milestoneField(field)) return 'date';
  return null;
}

/** The columns a field source names. */
export function sourceColumns(source: FieldSource): string[] {
  return typeof source === 'string' ? [source] : source.columns;
}

/** Problems with a mapping against the columns of a file, in plain Dutch (empty: usable). */
export function mappingProblems(mapping: PlanlijstMapping, columns: readonly string[]): string[] {
  const problems: string[] = [];
  const present = new Set(columns);
  for (const [field, source] of Object.entries(mapping.fields)) {
    if (!fieldKind(field)) problems.push(`'${field}' is geen veld van het register.`);
    for (const column of sourceColumns(source)) {
      if (!present.has(column)) problems.push(`Kolom '${column}' (voor ${field}) staat niet in het bestand.`);
    }
  }
  if (!mapping.fields.name) problems.push('Geen kolom voor de projectnaam (veld name).');
  if (!mapping.fields.gemeenteCode && !mapping.fields.gemeente) problems.push('Geen kolom voor de gemeente (veld gemeente of gemeenteCode).');
  return problems;
}
