/**
 * The target form as data: what was typed (text), turned into the API's fields and checked with the same
 * rule the server applies (src/domain/national.ts checkTarget), so a wrong value is refused next to its field
 * before anything is sent; the server's `errors[]` are placed next to the same fields.
 */
import { checkTarget, SHARE_METRICS, type TargetInput, type TargetMetric, type TargetReferences } from '../../../../src/domain/national.ts';
import type { Issue, Target } from '../../api/types.ts';

export const FORM_FIELDS = [
  'metric',
  'geoLevel',
  'geoCode',
  'periodStart',
  'periodEnd',
  'homes',
  'unit',
  'share',
  'kind',
  'sourceRef',
  'sourceUrl',
  'sourcePublished',
  'note',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];

/** What the form holds: text as typed; the area as its code plus its name. */
export interface TargetFormValues {
  metric: TargetMetric;
  geoLevel: 'nation' | 'provincie' | 'region' | 'gemeente';
  geoCode: string;
  geoName: string;
  periodStart: string;
  periodEnd: string;
  /** A count (homes, or rooms) or, for a share metric, a percentage. */
  homes: string;
  unit: 'woningen' | 'woningen_per_jaar' | 'kamers';
  share: string;
  kind: string;
  sourceRef: string;
  sourceUrl: string;
  sourcePublished: string;
  note: string;
}

export const FIELD_LABELS: Record<FormField, string> = {
  metric: 'Soort doel',
  geoLevel: 'Niveau',
  geoCode: 'Gebied',
  periodStart: 'Beginjaar',
  periodEnd: 'Eindjaar',
  homes: 'Aantal',
  unit: 'Eenheid',
  share: 'Aandeel (%)',
  kind: 'Soort afspraak',
  sourceRef: 'Bron: titel en datum van het document',
  sourceUrl: 'Bron: webadres',
  sourcePublished: 'Datum van publicatie',
  note: 'Toelichting',
};

export const isShareMetric = (metric: TargetMetric): boolean => SHARE_METRICS.includes(metric);

export function emptyValues(defaults: Partial<TargetFormValues> = {}): TargetFormValues {
  return {
    metric: 'woningbouw',
    geoLevel: 'provincie',
    geoCode: '',
    geoName: '',
    periodStart: '',
    periodEnd: '',
    homes: '',
    unit: 'woningen',
    share: '',
    kind: 'opgave',
    sourceRef: '',
    sourceUrl: '',
    sourcePublished: '',
    note: '',
    ...defaults,
  };
}

const LEVELS: readonly string[] = ['nation', 'provincie', 'region', 'gemeente'];
const COUNT_UNITS: readonly string[] = ['woningen', 'woningen_per_jaar', 'kamers'];

/** The form filled with a stored target. */
export function valuesOf(t: Target): TargetFormValues {
  return {
    metric: t.metric,
    geoLevel: (LEVELS.includes(t.geoLevel) ? t.geoLevel : 'region') as TargetFormValues['geoLevel'],
    geoCode: t.geoCode ?? '',
    geoName: t.geoName,
    periodStart: String(t.periodStart),
    periodEnd: String(t.periodEnd),
    homes: t.homes === null ? '' : String(t.homes),
    unit: (COUNT_UNITS.includes(t.unit) ? t.unit : 'woningen') as TargetFormValues['unit'],
    share: t.share === null ? '' : String(Math.round(t.share * 1000) / 10).replace('.', ','),
    kind: t.kind,
    sourceRef: t.sourceRef ?? '',
    sourceUrl: t.sourceUrl ?? '',
    sourcePublished: t.sourcePublished ?? '',
    note: t.note ?? '',
  };
}

export type FieldErrors = Partial<Record<FormField, string>>;

/** A whole number typed the Dutch way ("183.600", "183600"); null when empty; NaN when not a whole number. */
function wholeNumber(text: string): number | null {
  const t = text.trim().replace(/[.\s](?=\d{3}(\D|$))/g, '');
  if (t === '') return null;
  return /^-?\d+$/.test(t) ? Number(t) : Number.NaN;
}

function decimal(text: string): number | null {
  const t = text.trim().replace('%', '').replace(',', '.');
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : Number.NaN;
}

const optional = (text: string): string | null => (text.trim() === '' ? null : text.trim());

/**
 * The API's fields from the form, or the errors per field. `refs`: the codes that exist (provincies,
 * gemeenten, regions), for the same check as the server's.
 */
export function toInput(v: TargetFormValues, refs: TargetReferences): { input: TargetInput | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const share = isShareMetric(v.metric);
  const start = wholeNumber(v.periodStart);
  const end = wholeNumber(v.periodEnd);
  const homes = share ? null : wholeNumber(v.homes);
  const percent = share ? decimal(v.share) : null;
  if (start === null) errors.periodStart = 'Vul het beginjaar in, bijvoorbeeld 2025.';
  else if (Number.isNaN(start)) errors.periodStart = 'Het beginjaar is een heel getal, bijvoorbeeld 2025.';
  if (end === null) errors.periodEnd = 'Vul het eindjaar in, bijvoorbeeld 2030.';
  else if (Number.isNaN(end)) errors.periodEnd = 'Het eindjaar is een heel getal, bijvoorbeeld 2030.';
  if (!share && homes !== null && Number.isNaN(homes)) errors.homes = 'Vul het aantal in als heel getal, zonder letters of komma.';
  if (share && percent !== null && Number.isNaN(percent)) errors.share = 'Vul het aandeel in als percentage, bijvoorbeeld 30.';
  if (v.geoLevel !== 'nation' && v.geoCode === '') errors.geoCode = 'Kies het gebied van het doel.';
  const input: TargetInput = {
    metric: v.metric,
    unit: share ? 'aandeel' : v.unit,
    geoLevel: v.geoLevel,
    geoCode: v.geoLevel === 'nation' ? 'NL01' : optional(v.geoCode),
    geoName: v.geoLevel === 'nation' ? 'Nederland' : v.geoName,
    periodStart: start ?? Number.NaN,
    periodEnd: end ?? Number.NaN,
    homes: homes !== null && !Number.isNaN(homes) ? homes : null,
    share: percent !== null && !Number.isNaN(percent) ? percent / 100 : null,
    kind: v.kind.trim() || 'opgave',
    sourceUrl: optional(v.sourceUrl),
    sourceQuote: null,
    sourceRef: optional(v.sourceRef),
    sourcePublished: optional(v.sourcePublished),
    note: optional(v.note),
    isExample: false,
    preferred: true,
  };
  for (const issue of checkTarget(input, refs)) {
    const field = fieldOf(issue.path);
    // A field whose text could not be read already has its own message.
    if (field && !errors[field]) errors[field] = share && field === 'share' ? 'Vul een aandeel in tussen 0 en 100%.' : issue.message;
  }
  return Object.keys(errors).length > 0 ? { input: null, errors } : { input, errors };
}

/** The form field an API error names (`homes`, `rows[0].homes` is not one of the form's). */
export function fieldOf(path: string): FormField | null {
  const name = path === 'geoName' ? 'geoCode' : path;
  return (FORM_FIELDS as readonly string[]).includes(name) ? (name as FormField) : null;
}

/** The server's errors next to the form's fields; the rest as a list. */
export function mapErrors(issues: readonly Issue[]): { fields: FieldErrors; other: string[] } {
  const fields: FieldErrors = {};
  const other: string[] = [];
  for (const issue of issues) {
    const field = fieldOf(issue.path);
    if (field) fields[field] = fields[field] ? `${fields[field]} ${issue.message}` : issue.message;
    else other.push(issue.message);
  }
  return { fields, other };
}

/** One line of the import's error report: the spreadsheet line and the column named by `rows[i].field`. */
export interface ImportProblem {
  /** The spreadsheet line (the header is line 1), or null for a problem of the whole file. */
  line: number | null;
  column: string | null;
  message: string;
}

export function importProblems(issues: readonly Issue[]): ImportProblem[] {
  return issues.map((issue) => {
    const match = /^rows\[(\d+)\](?:\.(\w+))?$/.exec(issue.path);
    if (!match) return { line: null, column: null, message: issue.message };
    return { line: Number(match[1]) + 2, column: match[2] ?? null, message: issue.message.replace(/^Regel \d+: /, '') };
  });
}
