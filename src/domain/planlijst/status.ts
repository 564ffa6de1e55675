/**
 * Plan status (hardheid) and origin from the labels plan lists use (SPEC §2 "Plan status", issue 13 part 1).
 *
 * Provincial plan-capacity monitors (Noord- and Zuid-Holland, Utrecht, Overijssel; the EIB inventory of 2020
 * harmonised them in the column PSlegenda 1–5) code the planning status as:
 *
 * | code | meaning in the monitors                                    | register        | why |
 * | ---- | ---------------------------------------------------------- | --------------- | --- |
 * | 1A   | onherroepelijk bestemmingsplan                              | onherroepelijk  | the homes may be built |
 * | 1B   | onherroepelijk, with uitwerkingsplicht                      | vastgesteld     | an uitwerkingsplan must still be adopted before building: not irrevocable for the homes themselves |
 * | 1C   | onherroepelijk, with wijzigingsbevoegdheid                  | vastgesteld     | a wijzigingsplan must still be adopted: same reasoning |
 * | 2A   | vastgesteld (not yet irrevocable)                           | vastgesteld     | |
 * | 2B   | vastgesteld, with uitwerkingsplicht                         | vastgesteld     | |
 * | 2C   | vastgesteld, with wijzigingsbevoegdheid                     | vastgesteld     | |
 * | 3    | plan/besluit in voorbereiding                               | in_voorbereiding | |
 * | 4A   | potential location in a visie                               | visie           | |
 * | 4B   | potential location, optie                                   | visie           | the register has one "visie / potentie" class |
 * | 5, Onbekend | unknown                                              | onbekend        | |
 *
 * 1A–2C are all *harde plancapaciteit* in the monitors and in the register (onherroepelijk + vastgesteld, SPEC §2),
 * so the hard total does not depend on the choice for 1B/1C. PSlegenda (the harmonised class) 1 = onherroepelijk,
 * 2 = vastgesteld, 3 = in voorbereiding, 4 = visie, 5 = onbekend: a file with only PSlegenda keeps its 1B/1C plans
 * as onherroepelijk, as the source classed them.
 */
import { LABELS, ORIGINS, PLAN_STATUSES, PROJECT_FLAGS, type Origin, type PlanStatus, type ProjectFlag } from '../codes.ts';
import { normaliseHeader } from './headers.ts';

const PROVINCIAL_CODES: Record<string, PlanStatus> = {
  '1a': 'onherroepelijk',
  '1b': 'vastgesteld',
  '1c': 'vastgesteld',
  '2a': 'vastgesteld',
  '2b': 'vastgesteld',
  '2c': 'vastgesteld',
  '3': 'in_voorbereiding',
  '4a': 'visie',
  '4b': 'visie',
  '5': 'onbekend',
};
const PS_LEGENDA: Record<string, PlanStatus> = { '1': 'onherroepelijk', '2': 'vastgesteld', '3': 'in_voorbereiding', '4': 'visie', '5': 'onbekend' };

const STATUS_WORDS: ReadonlyArray<[RegExp, PlanStatus]> = [
  [/^(onherroepelijk|onherroepelijk plan|irrevocable|hard)$/, 'onherroepelijk'],
  [/^(vastgesteld|vastgesteld plan|vastgesteld plan besluit|adopted)$/, 'vastgesteld'],
  [/^(in voorbereiding|plan besluit in voorbereiding|in procedure|ontwerp|ontwerp plan)$/, 'in_voorbereiding'],
  [/^(visie|visie potentie|potentie|potentiele locatie|potentiele locatie in visie|optie|potentiele locatie optie|zacht)$/, 'visie'],
  [/^(onbekend|status onbekend|unknown)$/, 'onbekend'],
];

/** The register's plan status for a label, or null when it is not recognised. */
export function recognisePlanStatus(label: string, values: Readonly<Record<string, PlanStatus>> = {}): PlanStatus | null {
  const own = lookup(values, label);
  if (own) return own;
  const h = normaliseHeader(label);
  if ((PLAN_STATUSES as readonly string[]).includes(h.replace(/ /g, '_'))) return h.replace(/ /g, '_') as PlanStatus;
  for (const s of PLAN_STATUSES) if (normaliseHeader(LABELS[s]) === h) return s;
  if (PS_LEGENDA[h]) return PS_LEGENDA[h];
  const code = /^([1-5][abc]?)(?: |$)/.exec(h);
  if (code && PROVINCIAL_CODES[code[1]!]) return PROVINCIAL_CODES[code[1]!]!;
  for (const [re, status] of STATUS_WORDS) if (re.test(h)) return status;
  return null;
}

const ORIGIN_WORDS: ReadonlyArray<[RegExp, Origin]> = [
  [
    /^(nieuwbouw|uitleg|uitleggebied|uitleggebied voor woningbouw|uitbreiding|verdichting|verdichtingslocatie|inbreiding|herstructurering|sloop nieuwbouw|sloop nieuwbouw woningen|sloop|vervangende nieuwbouw|onbekend)$/,
    'nieuwbouw',
  ],
  [/^(transformatie|functieverandering|functiewijziging|herbestemming)( .*)?$/, 'transformatie'],
  [/^(optoppen|optopping)$/, 'optoppen'],
  [/^(splitsen|splitsing|woningsplitsing)$/, 'splitsen'],
  [/^(woningdelen|onzelfstandig|kamerverhuur)$/, 'woningdelen'],
  [/^(mantelzorgwoning|familiewoning|mantelzorg)$/, 'mantelzorgwoning'],
  [/^(wonen op erven|erfwoning)$/, 'wonen_op_erven'],
  [/^(flex|flexwoning|flexwoningen|tijdelijk|tijdelijke woningen)$/, 'flex'],
];

/** The register's origin for a label (plan type), or null when it is not recognised. */
export function recogniseOrigin(label: string, values: Readonly<Record<string, Origin>> = {}): Origin | null {
  const own = lookup(values, label);
  if (own) return own;
  const h = normaliseHeader(label);
  for (const o of ORIGINS) if (normaliseHeader(LABELS[o]) === h || normaliseHeader(o) === h) return o;
  for (const [re, origin] of ORIGIN_WORDS) if (re.test(h)) return origin;
  return null;
}

/** A project flag for a label, or null. */
export function recogniseFlag(label: string, values: Readonly<Record<string, ProjectFlag>> = {}): ProjectFlag | null {
  const own = lookup(values, label);
  if (own) return own;
  const h = normaliseHeader(label);
  for (const f of PROJECT_FLAGS) if (normaliseHeader(LABELS[f]) === h || normaliseHeader(f) === h) return f;
  return null;
}

/** A value list entry for a label: exact first, then compared normalised. */
function lookup<T>(values: Readonly<Record<string, T>>, label: string): T | null {
  if (Object.hasOwn(values, label)) return values[label]!;
  const h = normaliseHeader(label);
  for (const [k, v] of Object.entries(values)) if (normaliseHeader(k) === h) return v;
  return null;
}
