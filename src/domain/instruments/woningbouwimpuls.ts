/**
 * Woningbouwimpuls (Wbi): the eligibility check of an application, its maximum award, the committee's scores, the
 * ranking of a tranche and the allocation of its budget. SPEC §4.2; `001 § Afspraak 19.2` (Bijlage bij de Kamerbrief
 * over de Woontop, december 2024). Every figure comes from POLICY.woningbouwimpuls. Pure: no I/O, no clock.
 */
import { addMonthsIso, isIsoDate, type IsoDate } from '../dates.ts';
import type { Issue } from '../errors.ts';
import { formatDatum } from '../format-nl.ts';
import { formatEuros } from '../open-book.ts';
import { POLICY } from '../policy.ts';

const WBI = POLICY.woningbouwimpuls;

/** The limitative list of activities a Wbi contribution may pay for (`001 § Afspraak 19.2`, "limitatieve lijst"). */
export const WBI_ACTIVITIES = ['infrastructurele_ontsluiting', 'stikstof_natura2000', 'bodemsanering', 'uitplaatsing_activiteiten'] as const;
export type WbiActivity = (typeof WBI_ACTIVITIES)[number];
export const WBI_ACTIVITY_LABELS: Record<WbiActivity, string> = {
  infrastructurele_ontsluiting: 'De infrastructurele ontsluiting',
  stikstof_natura2000: 'Verlagen van de stikstofneerslag in stikstofgevoelige Natura 2000-gebieden',
  bodemsanering: 'Bodemsanering in een afgebakend projectgebied',
  uitplaatsing_activiteiten: 'Verplaatsen van (bedrijfs)activiteiten voor woningbouw',
};

/** The committee's four criteria, 25% each (`001 § Afspraak 19.2`, Beoordeling). */
export const WBI_CRITERIA = ['noodzaak', 'effectiviteit', 'efficientie', 'urgentie'] as const;
export type WbiCriterion = (typeof WBI_CRITERIA)[number];
export const WBI_CRITERION_LABELS: Record<WbiCriterion, string> = {
  noodzaak: 'Noodzaak',
  effectiviteit: 'Effectiviteit',
  efficientie: 'Efficiëntie',
  urgentie: 'Urgentie',
};
export type WbiScores = Record<WbiCriterion, number>;

/** What a gemeente fills in for one project. Amounts in whole euros; dates YYYY-MM-DD. */
export interface WbiApplicationInput {
  /** Number of homes in the project. */
  homes: number;
  /** Of which in the betaalbare segment (sociale huur, middenhuur, betaalbare koop). */
  affordableHomes: number;
  /** The necessary public investments for the project (costs in the grondexploitatie that the gemeente carries). */
  publicInvestmentsEuros: number;
  /** Public revenues of the project: kostenverhaal. */
  kostenverhaalEuros: number;
  /** Public revenues: grondverkoop. */
  grondverkoopEuros: number;
  /** Public revenues: other national contributions (overige rijksbijdragen). */
  otherNationalContributionsEuros: number;
  /** The contribution asked from the Woningbouwimpuls. */
  requestedEuros: number;
  /** Co-financing by medeoverheden (gemeente, provincie, regio). */
  cofinancingEuros: number;
  /** Which activities of the limitative list the contribution pays for. */
  activities: WbiActivity[];
  /** Activities outside the list the project also needs money for (empty when none): these cannot be paid from the Wbi. */
  otherActivities: string;
  /** Planned start of building of the first homes, and of the last homes. */
  firstStartDate: IsoDate;
  lastStartDate: IsoDate;
  /** The project is necessary for the woondeal ambitions. */
  necessaryForWoondeal: boolean;
  /** The specific bottleneck that keeps the area from being geschikt en beschikbaar (empty: none named). */
  bottleneck: string;
  /** The gemeente's Realisatiestimulans money does not cover the bottleneck. */
  realisatiestimulansInsufficient: boolean;
  /** Steering on lead time: parallel plannen; discussed at the versnellingstafel with the PPM; open books. */
  parallelPlannen: boolean;
  versnellingstafelWithPpm: boolean;
  openBooks: boolean;
  /** Explanation: project area, background, need; grondexploitatie; state of the project; parties involved. */
  explanation: string;
}

export const WBI_AMOUNT_FIELDS = [
  { field: 'publicInvestmentsEuros', what: 'De noodzakelijke publieke investeringen' },
  { field: 'kostenverhaalEuros', what: 'De opbrengst uit kostenverhaal' },
  { field: 'grondverkoopEuros', what: 'De opbrengst uit grondverkoop' },
  { field: 'otherNationalContributionsEuros', what: 'De overige rijksbijdragen' },
  { field: 'requestedEuros', what: 'De gevraagde bijdrage' },
  { field: 'cofinancingEuros', what: 'De cofinanciering door medeoverheden' },
] as const satisfies ReadonlyArray<{ field: keyof WbiApplicationInput; what: string }>;

/** Longest free text of an application. *(design)* */
const MAX_TEXT = 4000;

/**
 * Everything wrong with the form (not the eligibility: an application that does not meet a requirement can still be
 * filed and gets "niet voldaan" per criterion). Each issue names its field in plain Dutch.
 */
export function checkWbiApplication(input: WbiApplicationInput): Issue[] {
  const issues: Issue[] = [];
  const count = (field: 'homes' | 'affordableHomes', what: string) => {
    const v = input[field];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
      issues.push({ path: field, code: 'count', message: `${what}: vul een heel aantal in van 0 of meer.` });
    else if (v > 1_000_000) issues.push({ path: field, code: 'implausible_count', message: `${what} (${v}) is niet aannemelijk voor één project.` });
  };
  count('homes', 'Het aantal woningen');
  count('affordableHomes', 'Het aantal betaalbare woningen');
  if (Number.isInteger(input.homes) && Number.isInteger(input.affordableHomes) && input.affordableHomes > input.homes)
    issues.push({
      path: 'affordableHomes',
      code: 'more_than_total',
      message: `Het aantal betaalbare woningen (${input.affordableHomes}) is hoger dan het totaal aantal woningen (${input.homes}).`,
    });
  for (const { field, what } of WBI_AMOUNT_FIELDS) {
    const v = input[field];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
      issues.push({ path: field, code: 'whole_euros', message: `${what}: vul een bedrag in hele euro’s in van 0 of meer, zonder centen.` });
    else if (v > POLICY.openBook.maxAmountEuros)
      issues.push({
        path: field,
        code: 'implausible_amount',
        message: `${what} (${formatEuros(v)}) is meer dan ${formatEuros(POLICY.openBook.maxAmountEuros)}. Dat is niet aannemelijk voor één project.`,
      });
  }
  if (input.requestedEuros === 0) issues.push({ path: 'requestedEuros', code: 'required', message: 'Vul de gevraagde bijdrage in: meer dan € 0.' });
  const known = new Set<string>(WBI_ACTIVITIES);
  if (!Array.isArray(input.activities) || input.activities.some((a) => !known.has(a)))
    issues.push({ path: 'activities', code: 'unknown_activity', message: 'Kies de activiteiten uit de lijst.' });
  for (const field of ['firstStartDate', 'lastStartDate'] as const) {
    const what = field === 'firstStartDate' ? 'De start bouw van de eerste woningen' : 'De start bouw van de laatste woningen';
    if (!input[field] || !isIsoDate(input[field]))
      issues.push({ path: field, code: 'date', message: `${what}: vul een bestaande datum in, bijvoorbeeld 01-03-2027.` });
    else if (input[field] < POLICY.plausibleDates.earliest || input[field] > POLICY.plausibleDates.latestPlanned)
      issues.push({
        path: field,
        code: 'implausible_date',
        message: `${what} (${formatDatum(input[field])}) is niet aannemelijk: controleer het jaartal.`,
      });
  }
  if (isIsoDate(input.firstStartDate) && isIsoDate(input.lastStartDate) && input.lastStartDate < input.firstStartDate)
    issues.push({
      path: 'lastStartDate',
      code: 'date_order',
      message: `De start bouw van de laatste woningen (${formatDatum(input.lastStartDate)}) ligt vóór die van de eerste woningen (${formatDatum(input.firstStartDate)}).`,
    });
  for (const [field, what] of [
    ['bottleneck', 'De beschrijving van het knelpunt'],
    ['otherActivities', 'De andere activiteiten'],
    ['explanation', 'De toelichting'],
  ] as const) {
    if (typeof input[field] !== 'string') issues.push({ path: field, code: 'text', message: `${what}: vul tekst in.` });
    else if (input[field].length > MAX_TEXT) issues.push({ path: field, code: 'too_long', message: `${what} is langer dan ${MAX_TEXT} tekens.` });
  }
  return issues;
}

/** Public revenues of the project: kostenverhaal + grondverkoop + other national contributions. */
export function publicRevenues(
  input: Pick<WbiApplicationInput, 'kostenverhaalEuros' | 'grondverkoopEuros' | 'otherNationalContributionsEuros'>,
): number {
  return input.kostenverhaalEuros + input.grondverkoopEuros + input.otherNationalContributionsEuros;
}

/**
 * Maximum award: "ten hoogste het aantoonbare toerekenbare financiële tekort van een gemeente op de voor het project
 * noodzakelijke publieke investeringen verminderd met de publieke opbrengsten verbonden aan het project (kostenverhaal,
 * grondverkoop en overige rijksbijdragen)" (`001 § Afspraak 19.2`); never below 0.
 */
export function maximumAward(
  input: Pick<WbiApplicationInput, 'publicInvestmentsEuros' | 'kostenverhaalEuros' | 'grondverkoopEuros' | 'otherNationalContributionsEuros'>,
): number {
  return Math.max(0, input.publicInvestmentsEuros - publicRevenues(input));
}

/** What can be awarded: what was asked, at most the maximum award. */
export function awardableAmount(input: WbiApplicationInput): number {
  return Math.min(input.requestedEuros, maximumAward(input));
}

/** Share of the co-financing carried by the medeoverheden: their amount over their amount plus the Rijk's (requested). */
export function cofinancingShare(input: Pick<WbiApplicationInput, 'cofinancingEuros' | 'requestedEuros'>): number {
  const total = input.cofinancingEuros + input.requestedEuros;
  return total === 0 ? 0 : input.cofinancingEuros / total;
}

export function affordableShare(input: Pick<WbiApplicationInput, 'homes' | 'affordableHomes'>): number {
  return input.homes === 0 ? 0 : input.affordableHomes / input.homes;
}

export type WbiCriterionCode =
  | 'noodzakelijk_voor_woondeal'
  | 'specifiek_knelpunt'
  | 'realisatiestimulans_onvoldoende'
  | 'parallel_plannen'
  | 'versnellingstafel_ppm'
  | 'open_boeken'
  | 'activiteiten'
  | 'tekort'
  | 'minimaal_woningen'
  | 'betaalbaar_aandeel'
  | 'cofinanciering'
  | 'start_eerste_woningen'
  | 'start_laatste_woningen';

/** One requirement: whether it is met, the rule in plain Dutch, its source (title and date), and what was found. */
export interface CriterionResult<C extends string = string> {
  code: C;
  met: boolean;
  rule: string;
  source: string;
  finding: string;
}

export interface WbiEligibility {
  eligible: boolean;
  criteria: CriterionResult<WbiCriterionCode>[];
  maximumAwardEuros: number;
  awardableEuros: number;
  publicRevenuesEuros: number;
}

/** The label inside a sentence: its first letter in lower case (proper names later in it stay as they are). */
const inSentence = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);
const pct = (share: number) => `${(Math.round(share * 1000) / 10).toLocaleString('nl-NL')}%`;
const yes = (b: boolean, ja: string, nee: string) => (b ? ja : nee);

/**
 * The eligibility check: every requirement of `001 § Afspraak 19.2` reported as met / not met, with the rule and its
 * source. `awardDate`: the date the tranche's awards are expected (the start deadlines run from the award).
 */
export function checkWbiEligibility(input: WbiApplicationInput, awardDate: IsoDate): WbiEligibility {
  const source = WBI.source;
  const maxAward = maximumAward(input);
  const share = affordableShare(input);
  const cofin = cofinancingShare(input);
  const firstDeadline = addMonthsIso(awardDate, 12 * WBI.firstStartWithinYears);
  const lastDeadline = addMonthsIso(awardDate, 12 * WBI.lastStartWithinYears);
  const upper = WBI.maxAffordableShareExclusive;
  const c = (code: WbiCriterionCode, met: boolean, rule: string, finding: string): CriterionResult<WbiCriterionCode> => ({
    code,
    met,
    rule,
    source,
    finding,
  });
  const criteria = [
    c(
      'noodzakelijk_voor_woondeal',
      input.necessaryForWoondeal,
      'Het project is nodig om de woningbouwambities uit de woondeal te halen.',
      yes(input.necessaryForWoondeal, 'De gemeente verklaart dat het project nodig is voor de woondeal.', 'De gemeente verklaart dit niet.'),
    ),
    c(
      'specifiek_knelpunt',
      input.bottleneck.trim().length > 0,
      'Er is een specifiek knelpunt dat moet worden opgelost om het gebied geschikt en beschikbaar te maken.',
      input.bottleneck.trim() ? 'Het knelpunt is beschreven.' : 'Er is geen knelpunt beschreven.',
    ),
    c(
      'realisatiestimulans_onvoldoende',
      input.realisatiestimulansInsufficient,
      'De bijdrage die de gemeente uit de Realisatiestimulans krijgt, is niet genoeg om het knelpunt te betalen.',
      yes(
        input.realisatiestimulansInsufficient,
        'De gemeente verklaart dat de Realisatiestimulans niet genoeg is.',
        'De gemeente verklaart dit niet.',
      ),
    ),
    c(
      'parallel_plannen',
      input.parallelPlannen,
      'De gemeente werkt volgens de principes van parallel plannen.',
      yes(input.parallelPlannen, 'Ja.', 'Nee.'),
    ),
    c(
      'versnellingstafel_ppm',
      input.versnellingstafelWithPpm,
      'Het project wordt besproken aan de regionale versnellingstafel, met de publiek-private monitor.',
      yes(input.versnellingstafelWithPpm, 'Ja.', 'Nee.'),
    ),
    c('open_boeken', input.openBooks, 'De betrokken partijen praten met elkaar op basis van open boeken.', yes(input.openBooks, 'Ja.', 'Nee.')),
    c(
      'activiteiten',
      input.activities.length > 0 && input.otherActivities.trim().length === 0,
      `De bijdrage is alleen voor deze activiteiten: ${WBI_ACTIVITIES.map((a) => inSentence(WBI_ACTIVITY_LABELS[a])).join('; ')}.`,
      input.activities.length === 0
        ? 'Er is geen activiteit uit de lijst gekozen.'
        : input.otherActivities.trim()
          ? `Er zijn ook andere activiteiten opgegeven: ${input.otherActivities.trim()}.`
          : `Gekozen: ${input.activities.map((a) => inSentence(WBI_ACTIVITY_LABELS[a])).join('; ')}.`,
    ),
    c(
      'tekort',
      maxAward > 0,
      'Er is een aantoonbaar tekort: de noodzakelijke publieke investeringen zijn hoger dan de publieke opbrengsten (kostenverhaal, grondverkoop, overige rijksbijdragen).',
      `Investeringen ${formatEuros(input.publicInvestmentsEuros)}, opbrengsten ${formatEuros(publicRevenues(input))}: tekort ${formatEuros(maxAward)}.`,
    ),
    c(
      'minimaal_woningen',
      input.homes >= WBI.minHomes,
      `Het project heeft minstens ${WBI.minHomes} woningen.`,
      `Het project heeft ${input.homes} woningen.`,
    ),
    c(
      'betaalbaar_aandeel',
      share > WBI.minAffordableShareExclusive && (upper === null || share < upper),
      `Meer dan ${pct(WBI.minAffordableShareExclusive)} van de woningen is betaalbaar` +
        (upper === null ? '.' : ` en minder dan ${pct(upper)} (bovengrens ingesteld door het ministerie).`),
      `${input.affordableHomes} van de ${input.homes} woningen zijn betaalbaar: ${pct(share)}.`,
    ),
    c(
      'cofinanciering',
      cofin >= WBI.minCofinancingShare,
      `De medeoverheden betalen minstens ${pct(WBI.minCofinancingShare)} mee (cofinanciering): hun bijdrage tegenover die van het Rijk.`,
      `Cofinanciering ${formatEuros(input.cofinancingEuros)} tegenover gevraagd ${formatEuros(input.requestedEuros)}: ${pct(cofin)}.`,
    ),
    c(
      'start_eerste_woningen',
      isIsoDate(input.firstStartDate) && input.firstStartDate <= firstDeadline,
      `De bouw van de eerste woningen start uiterlijk ${WBI.firstStartWithinYears} jaar na de toekenning.`,
      `Geplande start ${isIsoDate(input.firstStartDate) ? formatDatum(input.firstStartDate) : 'onbekend'}; uiterlijk ${formatDatum(firstDeadline)} (toekenning verwacht ${formatDatum(awardDate)}).`,
    ),
    c(
      'start_laatste_woningen',
      isIsoDate(input.lastStartDate) && input.lastStartDate <= lastDeadline,
      `De bouw van de laatste woningen start uiterlijk ${WBI.lastStartWithinYears} jaar na de toekenning.`,
      `Geplande start ${isIsoDate(input.lastStartDate) ? formatDatum(input.lastStartDate) : 'onbekend'}; uiterlijk ${formatDatum(lastDeadline)}.`,
    ),
  ];
  return {
    eligible: criteria.every((x) => x.met),
    criteria,
    maximumAwardEuros: maxAward,
    awardableEuros: Math.min(input.requestedEuros, maxAward),
    publicRevenuesEuros: publicRevenues(input),
  };
}

/** Every wrong score named by its field: whole numbers from 0 to POLICY.woningbouwimpuls.scoreMax. */
export function checkWbiScores(scores: WbiScores): Issue[] {
  return WBI_CRITERIA.flatMap((k) => {
    const v = scores[k];
    return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= WBI.scoreMax
      ? []
      : [{ path: k, code: 'score', message: `De score voor ${WBI_CRITERION_LABELS[k]} is een heel getal van 0 tot en met ${WBI.scoreMax}.` }];
  });
}

/** Weighted total score (0..scoreMax): 25% each (`001 § Afspraak 19.2`, Beoordeling). */
export function totalScore(scores: WbiScores): number {
  const raw = WBI_CRITERIA.reduce((sum, k) => sum + WBI.criterionWeights[k] * scores[k], 0);
  return Math.round(raw * 1000) / 1000;
}

/** What the ranking needs of one application. */
export interface RankInput {
  id: string;
  eligible: boolean;
  scores: WbiScores | null;
  /** What can be awarded (requested, capped at the maximum award). */
  awardableEuros: number;
  affordableHomes: number;
  /** When it was filed (ISO timestamp): the last tie-breaker. */
  filedAt: string;
}

export type TieBreak = 'noodzaak' | 'euros_per_affordable_home' | 'filed_at';
export const TIE_BREAK_LABELS: Record<TieBreak, string> = {
  noodzaak: 'hogere score op Noodzaak',
  euros_per_affordable_home: 'minder geld per betaalbare woning',
  filed_at: 'eerder ingediend',
};

export type AllocationOutcome = 'toegekend' | 'gedeeltelijk_toegekend' | 'niet_toegekend' | 'niet_gerangschikt';

export interface AllocationLine {
  id: string;
  /** 1-based place in the ranking; null when not ranked (not eligible, or no scores yet). */
  rank: number | null;
  totalScore: number | null;
  /** Ids of the applications with the same total score, and what decided the order among them (null when none). */
  tiedWith: string[];
  tieBrokenBy: TieBreak | null;
  awardableEuros: number;
  awardedEuros: number;
  outcome: AllocationOutcome;
  /** Plain-Dutch reason for the outcome. */
  explanation: string;
}

export interface Allocation {
  budgetEuros: number;
  awardedEuros: number;
  remainingEuros: number;
  lines: AllocationLine[];
  rule: string;
}

const eurosPerAffordable = (a: RankInput) => (a.affordableHomes === 0 ? Number.POSITIVE_INFINITY : a.awardableEuros / a.affordableHomes);

/** The order of two ranked applications (negative: a first), and the rule that decided it. */
function compare(a: RankInput & { total: number }, b: RankInput & { total: number }): { order: number; by: TieBreak | null } {
  if (a.total !== b.total) return { order: b.total - a.total, by: null };
  if (a.scores!.noodzaak !== b.scores!.noodzaak) return { order: b.scores!.noodzaak - a.scores!.noodzaak, by: 'noodzaak' };
  const ea = eurosPerAffordable(a);
  const eb = eurosPerAffordable(b);
  if (ea !== eb) return { order: ea < eb ? -1 : 1, by: 'euros_per_affordable_home' };
  return { order: a.filedAt < b.filedAt ? -1 : a.filedAt > b.filedAt ? 1 : a.id < b.id ? -1 : 1, by: 'filed_at' };
}

/**
 * Ranks the eligible, scored applications and allocates the budget in ranking order (POLICY.woningbouwimpuls
 * allocationRuleText): full awards while they fit; the first that does not fit gets the rest as a partial award when
 * the rest is at least partialAwardMinShare of its amount, else nothing; then allocation stops.
 */
export function allocateTranche(applications: readonly RankInput[], budgetEuros: number): Allocation {
  const ranked = applications
    .filter((a) => a.eligible && a.scores !== null)
    .map((a) => ({ ...a, total: totalScore(a.scores!) }))
    .sort((a, b) => compare(a, b).order);
  let remaining = budgetEuros;
  let stopped = false;
  const lines: AllocationLine[] = ranked.map((a, i) => {
    const tied = ranked.filter((b) => b.id !== a.id && b.total === a.total);
    // What put this application after its predecessor (or the successor after it) within the tie.
    const neighbour = tied.length > 0 ? (ranked[i + 1]?.total === a.total ? ranked[i + 1] : ranked[i - 1]) : undefined;
    const tieBrokenBy = neighbour ? compare(a, neighbour).by : null;
    let awarded = 0;
    let outcome: AllocationOutcome;
    let explanation: string;
    if (stopped) {
      outcome = 'niet_toegekend';
      explanation = 'Het budget van de tranche is op bij een hoger gerangschikte aanvraag.';
    } else if (a.awardableEuros <= remaining) {
      awarded = a.awardableEuros;
      outcome = 'toegekend';
      explanation = `Past binnen het budget: ${formatEuros(awarded)} toegekend.`;
    } else {
      stopped = true;
      if (remaining > 0 && remaining >= WBI.partialAwardMinShare * a.awardableEuros) {
        awarded = remaining;
        outcome = 'gedeeltelijk_toegekend';
        explanation = `Past niet helemaal: het restant van ${formatEuros(remaining)} is minstens ${pct(WBI.partialAwardMinShare)} van ${formatEuros(a.awardableEuros)} en wordt gedeeltelijk toegekend.`;
      } else {
        outcome = 'niet_toegekend';
        explanation = `Past niet: het restant van ${formatEuros(remaining)} is minder dan ${pct(WBI.partialAwardMinShare)} van ${formatEuros(a.awardableEuros)}. Het restant gaat naar de volgende tranche.`;
      }
    }
    remaining -= awarded;
    if (tieBrokenBy) explanation += ` Gelijke totaalscore met een andere aanvraag; de volgorde is bepaald door: ${TIE_BREAK_LABELS[tieBrokenBy]}.`;
    return {
      id: a.id,
      rank: i + 1,
      totalScore: a.total,
      tiedWith: tied.map((b) => b.id),
      tieBrokenBy,
      awardableEuros: a.awardableEuros,
      awardedEuros: awarded,
      outcome,
      explanation,
    };
  });
  for (const a of applications.filter((x) => !x.eligible || x.scores === null)) {
    lines.push({
      id: a.id,
      rank: null,
      totalScore: a.scores ? totalScore(a.scores) : null,
      tiedWith: [],
      tieBrokenBy: null,
      awardableEuros: a.awardableEuros,
      awardedEuros: 0,
      outcome: 'niet_gerangschikt',
      explanation: !a.eligible ? 'Voldoet niet aan alle eisen en doet niet mee in de rangschikking.' : 'Er zijn nog geen scores van de commissie.',
    });
  }
  return { budgetEuros, awardedEuros: budgetEuros - remaining, remainingEuros: remaining, lines, rule: WBI.allocationRuleText };
}

export const ALLOCATION_OUTCOME_LABELS: Record<AllocationOutcome, string> = {
  toegekend: 'Toegekend',
  gedeeltelijk_toegekend: 'Gedeeltelijk toegekend',
  niet_toegekend: 'Niet toegekend',
  niet_gerangschikt: 'Niet gerangschikt',
};

/** Tranche window: may a gemeente file or change an application on `today`? */
export function isWindowOpen(tranche: { windowOpens: IsoDate; windowCloses: IsoDate }, today: IsoDate): boolean {
  return today >= tranche.windowOpens && today <= tranche.windowCloses;
}

/** Tranche form checks: a name, an existing window (open before close), an award date after the close, a budget within the €470m. */
export function checkTranche(t: { name: string; windowOpens: IsoDate; windowCloses: IsoDate; awardDate: IsoDate; budgetEuros: number }): Issue[] {
  const issues: Issue[] = [];
  if (!t.name.trim()) issues.push({ path: 'name', code: 'required', message: 'Geef de tranche een naam.' });
  for (const [f, what] of [
    ['windowOpens', 'De opening van het aanvraagtijdvak'],
    ['windowCloses', 'De sluiting van het aanvraagtijdvak'],
    ['awardDate', 'De verwachte datum van toekenning'],
  ] as const) {
    if (!isIsoDate(t[f])) issues.push({ path: f, code: 'date', message: `${what}: vul een bestaande datum in.` });
  }
  if (isIsoDate(t.windowOpens) && isIsoDate(t.windowCloses) && t.windowCloses < t.windowOpens)
    issues.push({ path: 'windowCloses', code: 'date_order', message: 'Het aanvraagtijdvak sluit vóór het opent.' });
  if (isIsoDate(t.windowCloses) && isIsoDate(t.awardDate) && t.awardDate < t.windowCloses)
    issues.push({
      path: 'awardDate',
      code: 'date_order',
      message: 'De toekenning ligt vóór de sluiting van het aanvraagtijdvak: het ministerie rangschikt na de sluiting.',
    });
  if (!Number.isInteger(t.budgetEuros) || t.budgetEuros <= 0)
    issues.push({ path: 'budgetEuros', code: 'whole_euros', message: 'Het budget: vul een bedrag in hele euro’s in, meer dan € 0.' });
  else if (t.budgetEuros > WBI.totalBudgetEuros)
    issues.push({
      path: 'budgetEuros',
      code: 'above_total',
      message: `Het budget (${formatEuros(t.budgetEuros)}) is meer dan het totaal van de Woningbouwimpuls tot en met ${WBI.budgetUntilYear} (${formatEuros(WBI.totalBudgetEuros)}).`,
    });
  return issues;
}
