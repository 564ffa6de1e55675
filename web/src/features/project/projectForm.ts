/**
 * The project forms' values (text as typed, so nothing is lost on an error) → the bodies the API takes, checked
 * first with the same rules the server applies (a whole, non-negative number of homes, a year 2000–2100, one
 * organisation per role). Errors are keyed by field (`name`, `programme.1.homes`, `jaarschijven.0.year`,
 * `parties.2`); a row's message names the row ("Regel 2: …"). The server's problem+json `errors[]`
 * (`programme[1].homes` on POST, `items[1].homes` on PUT) are put under the same keys.
 */
import type { Issue } from '../../api/types.ts';
import type { Doelgroep, Origin, PartyRole, PlanStatus, ProjectFlag, Segment, Woningtype } from '../../labels.ts';
import { checkLocation, EMPTY_LOCATION, type LocationField, type LocationText } from './locationInput.ts';

export interface ProgrammeRow {
  key: number;
  segment: Segment;
  woningtype: Woningtype;
  doelgroep: Doelgroep;
  homes: string;
}

export interface JaarschijfRow {
  key: number;
  year: string;
  segment: Segment;
  homes: string;
}

export interface PartyRow {
  key: number;
  organisationId: string;
  role: PartyRole | '';
}

export interface CoreValues {
  name: string;
  description: string;
  planStatus: PlanStatus | '';
  origin: Origin;
  flags: ProjectFlag[];
  location: LocationText;
}

/** Message per field key; see the module comment. */
export type FieldErrors = Record<string, string>;

export type Part = 'programme' | 'jaarschijven' | 'parties' | 'milestones';

let nextKey = 1;
/** A React key for a new row (rows are added and removed; the index is no key). */
export const rowKey = (): number => nextKey++;

export const newProgrammeRow = (segment: Segment = 'sociale_huur'): ProgrammeRow => ({
  key: rowKey(),
  segment,
  woningtype: 'onbekend',
  doelgroep: 'regulier',
  homes: '',
});
export const newJaarschijfRow = (segment: Segment = 'sociale_huur'): JaarschijfRow => ({ key: rowKey(), year: '', segment, homes: '' });
export const newPartyRow = (): PartyRow => ({ key: rowKey(), organisationId: '', role: '' });

export const EMPTY_CORE: CoreValues = { name: '', description: '', planStatus: '', origin: 'nieuwbouw', flags: [], location: EMPTY_LOCATION };

const rowText = (index: number) => `Regel ${index + 1}`;

/** A whole number typed as "1200", "1.200" or "1 200"; null when it is no whole number. */
export function parseWholeNumber(text: string): number | null {
  const value = text.trim().replace(/(?<=\d)[.\s](?=\d{3}(\D|$))/g, '');
  return /^-?\d+$/.test(value) ? Number(value) : null;
}

/** The message for a number of homes as typed, or null when it is fine (same rules as the API's HomesCount). */
function homesProblem(text: string): string | null {
  if (text.trim() === '') return 'Vul het aantal woningen in.';
  const homes = parseWholeNumber(text);
  if (homes === null)
    return /^-?\d+[,.]\d+$/.test(text.trim())
      ? 'Aantal woningen moet een heel getal zijn.'
      : 'Vul het aantal woningen in als getal, bijvoorbeeld 120.';
  if (homes < 0) return 'Aantal woningen kan niet negatief zijn.';
  if (homes > 100_000) return 'Meer dan 100.000 woningen in één regel is niet aannemelijk.';
  return null;
}

function yearProblem(text: string): string | null {
  if (text.trim() === '') return 'Vul het jaar in, bijvoorbeeld 2028.';
  const year = parseWholeNumber(text);
  if (year === null || year < 2000 || year > 2100) return 'Vul een jaar in tussen 2000 en 2100, bijvoorbeeld 2028.';
  return null;
}

/**
 * The items to send and, per item, the row it came from (rows left empty are not sent, so the server's index
 * is not the row's). Programme: a row without a number of homes is left out; jaarschijven: a row without year and
 * homes; parties: a row without organisation and role.
 */
export interface Collected<T> {
  items: T[];
  rowOf: number[];
  errors: FieldErrors;
}

export function collectProgramme(
  rows: readonly ProgrammeRow[],
): Collected<{ segment: Segment; woningtype: Woningtype; doelgroep: Doelgroep; homes: number }> {
  const out: Collected<{ segment: Segment; woningtype: Woningtype; doelgroep: Doelgroep; homes: number }> = { items: [], rowOf: [], errors: {} };
  rows.forEach((r, i) => {
    if (r.homes.trim() === '') return;
    const problem = homesProblem(r.homes);
    if (problem) out.errors[`programme.${i}.homes`] = `${rowText(i)}: ${problem}`;
    else {
      out.items.push({ segment: r.segment, woningtype: r.woningtype, doelgroep: r.doelgroep, homes: parseWholeNumber(r.homes)! });
      out.rowOf.push(i);
    }
  });
  return out;
}

export function collectJaarschijven(rows: readonly JaarschijfRow[]): Collected<{ year: number; segment: Segment; homes: number }> {
  const out: Collected<{ year: number; segment: Segment; homes: number }> = { items: [], rowOf: [], errors: {} };
  rows.forEach((r, i) => {
    if (r.year.trim() === '' && r.homes.trim() === '') return;
    const year = yearProblem(r.year);
    const homes = homesProblem(r.homes);
    if (year) out.errors[`jaarschijven.${i}.year`] = `${rowText(i)}: ${year}`;
    if (homes) out.errors[`jaarschijven.${i}.homes`] = `${rowText(i)}: ${homes}`;
    if (!year && !homes) {
      out.items.push({ year: parseWholeNumber(r.year)!, segment: r.segment, homes: parseWholeNumber(r.homes)! });
      out.rowOf.push(i);
    }
  });
  return out;
}

export function collectParties(rows: readonly PartyRow[]): Collected<{ organisationId: string; role: PartyRole }> {
  const out: Collected<{ organisationId: string; role: PartyRole }> = { items: [], rowOf: [], errors: {} };
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    if (r.organisationId === '' && r.role === '') return;
    if (r.organisationId === '') out.errors[`parties.${i}.organisationId`] = `${rowText(i)}: Kies de organisatie.`;
    if (r.role === '') out.errors[`parties.${i}.role`] = `${rowText(i)}: Kies de rol van de organisatie.`;
    if (r.organisationId === '' || r.role === '') return;
    const key = `${r.organisationId}/${r.role}`;
    if (seen.has(key)) {
      out.errors[`parties.${i}.role`] = `${rowText(i)}: Deze organisatie staat er al in met deze rol.`;
      return;
    }
    seen.add(key);
    out.items.push({ organisationId: r.organisationId, role: r.role });
    out.rowOf.push(i);
  });
  return out;
}

/** The core fields to send (PATCH or POST), or what is wrong. */
export function collectCore(values: CoreValues) {
  const errors: FieldErrors = {};
  const name = values.name.trim();
  if (!name) errors.name = 'Geef het project een naam.';
  else if (name.length > 200) errors.name = 'De naam mag hoogstens 200 tekens hebben.';
  if (values.description.length > 5000) errors.description = 'De beschrijving mag hoogstens 5.000 tekens hebben.';
  if (values.planStatus === '') errors.planStatus = 'Kies de planstatus.';
  const location = checkLocation(values.location);
  if (location.kind === 'invalid') for (const [f, m] of Object.entries(location.errors)) errors[`location.${f}`] = m;
  const fields = {
    name,
    description: values.description.trim() || null,
    planStatus: values.planStatus as PlanStatus,
    origin: values.origin,
    flags: values.flags,
    location: location.kind === 'point' ? location.point : null,
  };
  return { fields, errors };
}

/** Where the server's location errors go: the field the user sees (RD New shows x/y, not lon/lat). */
function locationKey(field: string, system: LocationText['system']): string {
  const map: Record<string, LocationField> = system === 'rd' ? { lon: 'x', lat: 'y' } : { lon: 'lon', lat: 'lat' };
  return `location.${map[field] ?? (system === 'rd' ? 'x' : 'lat')}`;
}

/**
 * The server's errors under the form's keys. `rowOf` per part maps the index the server names to the row on
 * screen; `itemsPart` is the part a PUT sends as `items`. Errors that fit no field come back in `other`.
 */
export function mapServerIssues(
  issues: readonly Issue[],
  options: { rowOf?: Partial<Record<Part, number[]>>; itemsPart?: Part; system?: LocationText['system'] },
): { errors: FieldErrors; other: string[] } {
  const errors: FieldErrors = {};
  const other: string[] = [];
  const add = (key: string, message: string) => {
    errors[key] = errors[key] ? `${errors[key]} ${message}` : message;
  };
  for (const issue of issues) {
    // `programme[1].homes` or `programme.1.homes`.
    const m = /^(programme|jaarschijven|parties|milestones|items)(?:\[(\d+)\]|\.(\d+))(?:\.(\w+))?$/.exec(issue.path);
    if (m) {
      const part = (m[1] === 'items' ? options.itemsPart : m[1]) as Part | undefined;
      const index = Number(m[2] ?? m[3]);
      // Milestones: every one is sent, but only those from a row have a place on screen (-1: none).
      const row = part === 'milestones' ? (options.rowOf?.milestones?.[index] ?? -1) : (options.rowOf?.[part as Part]?.[index] ?? index);
      if (!part || row < 0) {
        other.push(issue.message);
        continue;
      }
      const field = defaultField(part, m[4]);
      add(`${part}.${row}.${field}`, `${rowText(row)}: ${issue.message}`);
      continue;
    }
    const loc = /^location(?:\.(\w+))?$/.exec(issue.path);
    if (loc) {
      add(locationKey(loc[1] ?? '', options.system ?? 'wgs84'), issue.message);
      continue;
    }
    if (['name', 'description', 'planStatus', 'origin', 'flags', 'gemeenteCode'].includes(issue.path)) add(issue.path, issue.message);
    else other.push(issue.message);
  }
  return { errors, other };
}

/** The field of a row a server error goes to (a milestone's other fields go to the milestone chosen). */
function defaultField(part: Part, field: string | undefined): string {
  if (part === 'milestones') return field === 'baselineDate' || field === 'forecastDate' ? field : 'code';
  return field ?? (part === 'parties' ? 'role' : part === 'jaarschijven' ? 'year' : 'segment');
}

/** Errors of one part only (the rows of that part are shown with them). */
export const errorsOf = (errors: FieldErrors, prefix: string): FieldErrors =>
  Object.fromEntries(Object.entries(errors).filter(([k]) => k === prefix || k.startsWith(`${prefix}.`)));
