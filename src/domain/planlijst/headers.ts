/**
 * Column headers of plan lists and the automatic mapping suggestion (issue 13 part 1: "sensible automatic
 * suggestions for common Dutch headers"; the register's own export, /tmp contract EXPORT-COLUMNS, must map
 * without a mapping file). Headers are compared normalised: case, diacritics, punctuation and spacing do not count.
 */
import { LABELS, MILESTONES, SEGMENTS, type Segment } from '../codes.ts';
import { type FieldSource, type PlanlijstMapping } from './fields.ts';

/** Lower case, no diacritics, every run of other characters one space: "Aantal_woningen (totaal)" → "aantal woningen totaal". */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Fixed headers per register field, normalised, best first (a field takes the first header found). */
const SYNONYMS: ReadonlyArray<[string, readonly string[]]> = [
  [
    'externalId',
    [
      'project id',
      'projectid',
      'projectnummer',
      'project nummer',
      'projectnr',
      'plan id',
      'planid',
      'plannummer',
      'plan nummer',
      'plannr',
      'objectid',
      'object id',
      'source object id',
      'id',
    ],
  ],
  [
    'name',
    [
      'projectnaam',
      'project naam',
      'plannaam',
      'plan naam',
      'naam project',
      'naam plan',
      'naam',
      'project',
      'plan',
      'plan name',
      'locatie',
      'locatienaam',
    ],
  ],
  ['gemeenteCode', ['gemeentecode', 'gemeente code', 'gem code', 'gemcode', 'gm code', 'cbs code gemeente', 'gemeente cbs code']],
  ['gemeente', ['gemeente', 'gemeentenaam', 'gemeente naam', 'gem naam', 'gemnaam', 'gemeente name', 'municipality']],
  ['provincie', ['provincie', 'provincienaam', 'province name', 'province']],
  [
    'planStatus',
    [
      'planstatus',
      'plan status',
      'status plan',
      'hardheid',
      'planologische status',
      'bestemmingsplanstatus',
      'status bestemmingsplan',
      'pslegenda',
      'ps legenda',
      'plan status class',
    ],
  ],
  ['origin', ['herkomst', 'plantype', 'plan type', 'type plan', 'soort plan', 'type locatie', 'soort locatie']],
  ['flags', ['kenmerken']],
  ['description', ['omschrijving', 'beschrijving', 'toelichting']],
  ['synthetic', ['demogegevens verzonnen', 'demogegevens']],
  [
    'homesTotal',
    [
      'woningen totaal',
      'aantal woningen',
      'totaal woningen',
      'totaal aantal woningen',
      'aantalrest',
      'aantal rest',
      'restcapaciteit',
      'homes remaining',
      'aantal',
      'totaal',
      'woningen',
      'capaciteit',
    ],
  ],
  ['homes.sociale_huur', ['sociale huur', 'soc huur', 'sociale huurwoningen', 'sociaal']],
  ['homes.middenhuur', ['middenhuur', 'midden huur', 'middeldure huur', 'middenhuurwoningen']],
  ['homes.betaalbare_koop', ['betaalbare koop', 'goedkope koop', 'betaalbare koopwoningen']],
  ['homes.vrije_sector_huur', ['vrije sector huur', 'dure huur', 'vrijesectorhuur']],
  ['homes.vrije_sector_koop', ['vrije sector koop', 'dure koop', 'vrijesectorkoop']],
  ['tenure.huur', ['huur', 'huurwoningen', 'homes rent']],
  ['tenure.koop', ['koop', 'koopwoningen', 'homes owner occupied']],
  ['tenure.onbekend', ['hrkponb', 'huur koop onbekend', 'eigendom onbekend', 'homes tenure unknown']],
  ['woningtype.grondgebonden', ['grondgebonden', 'wtypggb', 'eengezinswoningen', 'eengezins', 'homes ground level']],
  ['woningtype.gestapeld', ['gestapeld', 'appartementen', 'wtypapp', 'meergezinswoningen', 'meergezins', 'homes apartment']],
  ['woningtype.onbekend', ['wtyponb', 'woningtype onbekend', 'type onbekend', 'homes type unknown']],
  ['doelgroep.ouderen', ['doelgroep ouderen', 'ouderenwoningen', 'ouderen']],
  ['doelgroep.student', ['doelgroep studenten', 'studentenwoningen', 'studenten']],
  ['doelgroep.flex', ['doelgroep flex', 'flexwoningen']],
  ['doelgroep.woonzorg', ['doelgroep woonzorg', 'woonzorg', 'zorgwoningen']],
  ['completions.onbekend', ['oplonb', 'oplevering onbekend', 'opleverjaar onbekend', 'homes completion unknown']],
  ['milestones.M11.prognose', ['start bouw', 'startbouw', 'start bouw prognose', 'datum start bouw', 'jaar start bouw', 'start realisatie']],
  ['x', ['lengtegraad', 'lon', 'longitude', 'lng', 'centroid lon', 'x', 'rd x', 'x coordinaat', 'xcoord', 'x rd', 'centroid rd x']],
  ['y', ['breedtegraad', 'lat', 'latitude', 'centroid lat', 'y', 'rd y', 'y coordinaat', 'ycoord', 'y rd', 'centroid rd y']],
];

const SEGMENT_BY_WORDS = new Map<string, Segment>(SEGMENTS.map((s) => [normaliseHeader(LABELS[s]), s]));
const MILESTONE_KIND_WORDS: Record<string, string> = {
  basis: 'basis',
  baseline: 'basis',
  prognose: 'prognose',
  gerealiseerd: 'gerealiseerd',
  werkelijk: 'gerealiseerd',
};

/** Completion headers: "Oplevering 2027", "Oplevering 2027 sociale huur", "Oplevering 2020-2024", "OP202024", "Op20302050", "OP2019". */
function completionFieldOf(h: string): string | null {
  const compact = /^(?:op|opl|oplevering|homes completion)\s?(\d{4})(?:\s?(\d{4}|\d{2}))?$/.exec(h);
  if (compact) {
    const from = Number(compact[1]);
    if (!compact[2]) return `completions.${from}`;
    const to = compact[2].length === 2 ? Math.floor(from / 100) * 100 + Number(compact[2]) : Number(compact[2]);
    return to > from ? `completions.${from}-${to}` : null;
  }
  const withSegment = /^(?:oplevering|opleveringen|gereed) (\d{4}) (.+)$/.exec(h);
  if (withSegment) {
    const segment = SEGMENT_BY_WORDS.get(withSegment[2]!);
    return segment ? `completions.${withSegment[1]}.${segment}` : null;
  }
  return null;
}

/** Milestone headers as the register exports them: "M11 Start bouw – prognose". */
function milestoneFieldOf(h: string): string | null {
  const m = /^m(\d{2}) .* (basis|baseline|prognose|gerealiseerd|werkelijk)$/.exec(h);
  if (!m) return null;
  const def = MILESTONES.find((d) => d.code === `M${m[1]}`);
  return def ? `milestones.${def.code}.${MILESTONE_KIND_WORDS[m[2]!]}` : null;
}

/** The register field a header suggests, or null. */
export function suggestField(header: string): string | null {
  const h = normaliseHeader(header);
  if (!h) return null;
  const pattern = completionFieldOf(h) ?? milestoneFieldOf(h);
  if (pattern) return pattern;
  for (const [field, names] of SYNONYMS) if (names.includes(h)) return field;
  return null;
}

/**
 * The suggested mapping for a file's columns: each field takes the best column for it (the order of SYNONYMS);
 * a column fills at most one field. WGS84 columns win over RD columns when a file has both.
 */
export function suggestMapping(columns: readonly string[], source: string): PlanlijstMapping {
  const fields: Record<string, FieldSource> = {};
  const candidates = new Map<string, Array<{ column: string; rank: number }>>();
  for (const column of columns) {
    const h = normaliseHeader(column);
    const pattern = h ? (completionFieldOf(h) ?? milestoneFieldOf(h)) : null;
    if (pattern) {
      candidates.set(pattern, [...(candidates.get(pattern) ?? []), { column, rank: 0 }]);
      continue;
    }
    for (const [field, names] of SYNONYMS) {
      const rank = names.indexOf(h);
      if (rank >= 0) candidates.set(field, [...(candidates.get(field) ?? []), { column, rank }]);
    }
  }
  const used = new Set<string>();
  for (const [field] of [...SYNONYMS, ...[...candidates.keys()].filter((k) => !SYNONYMS.some(([f]) => f === k)).map((k) => [k, []] as const)]) {
    const best = (candidates.get(field) ?? []).filter((c) => !used.has(c.column)).sort((a, b) => a.rank - b.rank)[0];
    if (!best) continue;
    fields[field] = best.column;
    used.add(best.column);
  }
  // A file with a total and a dwelling-type split per tenure ("Huur"/"Koop") next to segments: segments win.
  if (Object.keys(fields).some((f) => f.startsWith('homes.'))) {
    for (const t of ['tenure.huur', 'tenure.koop', 'tenure.onbekend']) delete fields[t];
  }
  return { source, fields };
}
