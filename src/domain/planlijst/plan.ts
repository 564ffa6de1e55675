/**
 * What an import does to the register: which plans are new, which changed (and which fields), which are the same,
 * and which the source had before but this file no longer has (issue 13 part 1: "the change report says what was
 * added, changed and removed"). Pure: the caller loads the projects the source's ids point at.
 */
import { PROJECT_FLAGS } from '../codes.ts';
import type { Milestone, Project, ProjectInput } from '../project.ts';
import type { ImportedPart, ImportedRow } from './rows.ts';

/** The fields of a project an import can change, named as the change report names them. */
const PART_NAMES: Record<ImportedPart, string> = {
  name: 'naam',
  gemeenteCode: 'gemeente',
  description: 'omschrijving',
  planStatus: 'planstatus',
  origin: 'herkomst',
  flags: 'kenmerken',
  location: 'locatie',
  synthetic: 'demogegevens',
  programme: 'programma',
  jaarschijven: 'jaarschijven',
  milestones: 'mijlpalen',
};

export function inputOf(p: ProjectInput): ProjectInput {
  return {
    name: p.name,
    gemeenteCode: p.gemeenteCode,
    description: p.description,
    planStatus: p.planStatus,
    origin: p.origin,
    flags: p.flags,
    location: p.location,
    synthetic: p.synthetic,
    programme: p.programme,
    jaarschijven: p.jaarschijven,
    milestones: p.milestones,
    parties: p.parties,
  };
}

/** Flags in the order of the code list, so the same set always compares equal. */
export function sortedFlags(flags: readonly ProjectInput['flags'][number][]): ProjectInput['flags'] {
  return PROJECT_FLAGS.filter((f) => flags.includes(f));
}

/** The project after the row: the parts the file gives replaced, milestone dates set one by one, the rest kept. */
export function mergeRow(current: ProjectInput, row: ImportedRow, given: ReadonlySet<ImportedPart>): ProjectInput {
  const next: ProjectInput = { ...inputOf(current), flags: sortedFlags(current.flags) };
  const from = row.input;
  if (given.has('name')) next.name = from.name;
  if (given.has('gemeenteCode')) next.gemeenteCode = from.gemeenteCode;
  if (given.has('description')) next.description = from.description;
  if (given.has('planStatus')) next.planStatus = from.planStatus;
  if (given.has('origin')) next.origin = from.origin;
  if (given.has('flags')) next.flags = sortedFlags(from.flags);
  if (given.has('location')) next.location = from.location;
  if (given.has('synthetic')) next.synthetic = from.synthetic;
  if (given.has('programme')) next.programme = from.programme;
  if (given.has('jaarschijven')) next.jaarschijven = from.jaarschijven;
  if (given.has('milestones')) {
    const milestones: Milestone[] = current.milestones.map((m) => ({ ...m }));
    for (const d of row.milestoneDates) {
      let m = milestones.find((x) => x.code === d.code);
      if (!m) {
        if (d.value === null) continue;
        m = { ...from.milestones.find((x) => x.code === d.code)!, baselineDate: null, forecastDate: null, actualDate: null };
        milestones.push(m);
      }
      m[d.field] = d.value;
    }
    next.milestones = milestones.sort((a, b) => a.code.localeCompare(b.code));
  }
  return next;
}

/** A part of a project as one comparable string: lists in a fixed order, zero lines left out. */
function canonical(p: ProjectInput, part: ImportedPart): string {
  switch (part) {
    case 'flags':
      return sortedFlags(p.flags).join(',');
    case 'location':
      return p.location ? `${p.location.lon},${p.location.lat}` : '';
    case 'programme':
      return p.programme
        .filter((l) => l.homes !== 0)
        .map((l) => `${l.segment}/${l.woningtype}/${l.doelgroep}=${l.homes}`)
        .sort()
        .join(';');
    case 'jaarschijven':
      return p.jaarschijven
        .filter((j) => j.homes !== 0)
        .map((j) => `${j.year}/${j.segment}=${j.homes}`)
        .sort()
        .join(';');
    case 'milestones':
      return p.milestones
        .map((m) => `${m.code}/${m.ownerSide}/${m.baselineDate ?? ''}/${m.forecastDate ?? ''}/${m.actualDate ?? ''}/${m.homes ?? ''}`)
        .sort()
        .join(';');
    default:
      return JSON.stringify(p[part] ?? null);
  }
}

/**
 * The report names of the parts that differ between two versions of a project (empty: unchanged). Compared as
 * canonical strings (a re-import of 40,000 unchanged plans compares every part of every project).
 */
export function changedParts(before: ProjectInput, after: ProjectInput): string[] {
  const parts = Object.keys(PART_NAMES) as ImportedPart[];
  return parts.filter((p) => canonical(before, p) !== canonical(after, p)).map((p) => PART_NAMES[p]);
}

export type PlannedChange =
  | { kind: 'create'; row: ImportedRow; input: ProjectInput }
  | { kind: 'update'; row: ImportedRow; current: Project; next: ProjectInput; fields: string[] }
  | { kind: 'unchanged'; row: ImportedRow; current: Project };

/** Decide per valid row: create, update or unchanged, given the project its external id points at (if any). */
export function planRow(row: ImportedRow, current: Project | null, given: ReadonlySet<ImportedPart>): PlannedChange {
  if (!current) return { kind: 'create', row, input: { ...row.input, flags: sortedFlags(row.input.flags) } };
  const next = mergeRow(current, row, given);
  const fields = changedParts(inputOf(current), next);
  return fields.length === 0 ? { kind: 'unchanged', row, current } : { kind: 'update', row, current, next, fields };
}
