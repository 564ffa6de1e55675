/**
 * The register fields a planlijst column can fill, in plain Dutch for the mapping step (issue 13 part 1), and the
 * mapping the page sends: one column per field (the mapping file of `wbm import planlijst` also allows several).
 * The field names are those of src/domain/planlijst/fields.ts.
 */
import { LABELS, MILESTONES, SEGMENTS, type PlanStatus } from '../../../../src/domain/codes.ts';
import type { PlanlijstMapping } from '../../api/types.ts';

export interface FieldGroup {
  title: string;
  fields: string[];
}

/** The fields offered for every file, in groups; fields the suggestion adds (years, milestones) come after. */
export const BASE_GROUPS: readonly FieldGroup[] = [
  {
    title: 'Project',
    fields: ['externalId', 'name', 'gemeenteCode', 'gemeente', 'planStatus', 'origin', 'flags', 'description', 'x', 'y', 'synthetic'],
  },
  {
    title: 'Woningen',
    fields: [
      'homesTotal',
      ...SEGMENTS.map((s) => `homes.${s}`),
      'tenure.huur',
      'tenure.koop',
      'woningtype.grondgebonden',
      'woningtype.gestapeld',
      'doelgroep.ouderen',
      'doelgroep.student',
      'doelgroep.flex',
      'doelgroep.woonzorg',
    ],
  },
];

const FIXED: Readonly<Record<string, string>> = {
  externalId: 'Eigen nummer van het plan in uw lijst',
  name: 'Projectnaam',
  gemeenteCode: 'Gemeentecode (GM…)',
  gemeente: 'Gemeente (naam)',
  provincie: 'Provincie',
  description: 'Omschrijving',
  planStatus: 'Planstatus (hardheid)',
  origin: 'Herkomst (nieuwbouw, transformatie, …)',
  flags: 'Kenmerken',
  synthetic: 'Demogegevens (verzonnen)',
  x: 'X-coördinaat of lengtegraad',
  y: 'Y-coördinaat of breedtegraad',
  homesTotal: 'Woningen totaal',
  'tenure.huur': 'Huurwoningen (segment onbekend)',
  'tenure.koop': 'Koopwoningen (segment onbekend)',
  'tenure.onbekend': 'Woningen, huur of koop onbekend',
  'woningtype.grondgebonden': 'Grondgebonden woningen',
  'woningtype.gestapeld': 'Gestapelde woningen',
  'woningtype.onbekend': 'Woningtype onbekend',
  'doelgroep.ouderen': 'Woningen voor ouderen',
  'doelgroep.student': 'Woningen voor studenten',
  'doelgroep.flex': 'Flexwoningen (doelgroep)',
  'doelgroep.woonzorg': 'Woonzorgwoningen',
  'completions.onbekend': 'Oplevering, jaar onbekend',
};

const KIND: Readonly<Record<string, string>> = { basis: 'afgesproken', prognose: 'verwacht', gerealiseerd: 'werkelijk' };

/** The plain-Dutch name of a register field, e.g. `Oplevering 2027 – sociale huur` or `Start bouw (M11) – verwacht`. */
export function fieldLabel(field: string): string {
  if (FIXED[field]) return FIXED[field];
  const homes = /^homes\.(.+)$/.exec(field);
  if (homes) return `Woningen ${(LABELS[homes[1]!] ?? homes[1]!).toLowerCase()}`;
  const year = /^completions\.(\d{4})(?:\.(.+))?$/.exec(field);
  if (year) return year[2] ? `Oplevering ${year[1]} – ${(LABELS[year[2]] ?? year[2]).toLowerCase()}` : `Oplevering ${year[1]} (alle segmenten)`;
  const period = /^completions\.(\d{4})-(\d{4})$/.exec(field);
  if (period) return `Oplevering ${period[1]}–${period[2]}`;
  const milestone = /^milestones\.(M\d\d)\.(basis|prognose|gerealiseerd)$/.exec(field);
  if (milestone) {
    const m = MILESTONES.find((x) => x.code === milestone[1]);
    return `${m?.label ?? milestone[1]} (${milestone[1]}) – ${KIND[milestone[2]!]}`;
  }
  return field;
}

/** The one column a field is mapped to (the page maps one column per field), or '' when none. */
export function columnOf(mapping: PlanlijstMapping | null | undefined, field: string): string {
  const source = mapping?.fields[field];
  if (source === undefined) return '';
  return typeof source === 'string' ? source : (source.columns[0] ?? '');
}

/** The groups to show: the base fields, then the other fields of the suggestion or the saved mapping. */
export function fieldGroups(...mappings: ReadonlyArray<PlanlijstMapping | null | undefined>): FieldGroup[] {
  const base = new Set(BASE_GROUPS.flatMap((g) => g.fields));
  const extra = [...new Set(mappings.flatMap((m) => Object.keys(m?.fields ?? {})))].filter((f) => !base.has(f));
  const completions = extra.filter((f) => f.startsWith('completions.')).sort();
  const milestones = extra.filter((f) => f.startsWith('milestones.')).sort();
  const other = extra.filter((f) => !f.startsWith('completions.') && !f.startsWith('milestones.'));
  const groups = BASE_GROUPS.map((g) => ({ ...g, fields: g.title === 'Project' ? [...g.fields, ...other] : g.fields }));
  if (completions.length) groups.push({ title: 'Opleveringen per jaar', fields: completions });
  if (milestones.length) groups.push({ title: 'Mijlpalen', fields: milestones });
  return groups;
}

/** The mapping to send: the chosen columns (empty: not used) and the plan-status value list. */
export function buildMapping(
  base: PlanlijstMapping,
  columns: Readonly<Record<string, string>>,
  planStatusValues: Readonly<Record<string, PlanStatus | ''>>,
): PlanlijstMapping {
  const fields = Object.fromEntries(Object.entries(columns).filter(([, column]) => column !== ''));
  const planStatus = Object.fromEntries(Object.entries(planStatusValues).filter((e): e is [string, PlanStatus] => e[1] !== ''));
  const values = { ...(base.values ?? {}), planStatus: { ...(base.values?.planStatus ?? {}), ...planStatus } };
  return { ...base, fields, values };
}

/** A few distinct example values of a column, from the sample rows. */
export function examples(columns: readonly string[], sampleRows: readonly (readonly string[])[], column: string, max = 3): string[] {
  const i = columns.indexOf(column);
  if (i < 0) return [];
  return [...new Set(sampleRows.map((r) => r[i] ?? '').filter((v) => v.trim() !== ''))].slice(0, max);
}
