/**
 * Gebiedsbudget for the Rijk-designated grootschalige woningbouwgebieden: eligibility of a request, the 50% cap with
 * the region's matching amount, and the running total against the ceiling. SPEC §4.3; `001 § Afspraak 19.3` (Bijlage
 * bij de Kamerbrief over de Woontop, december 2024). Figures from POLICY.gebiedsbudget. Pure: no I/O, no clock.
 */
import type { Issue } from '../errors.ts';
import { formatEuros } from '../open-book.ts';
import { POLICY } from '../policy.ts';
import type { CriterionResult } from './woningbouwimpuls.ts';

const GB = POLICY.gebiedsbudget;

/** The three limitative measure categories (`001 § Afspraak 19.3`), and accessibility, which is excluded. */
export const GEBIEDSBUDGET_MEASURES = ['hinderlijke_activiteiten', 'openbare_ruimte', 'toekomstbestendigheid', 'bereikbaarheid'] as const;
export type GebiedsbudgetMeasure = (typeof GEBIEDSBUDGET_MEASURES)[number];
export const ELIGIBLE_MEASURES: readonly GebiedsbudgetMeasure[] = ['hinderlijke_activiteiten', 'openbare_ruimte', 'toekomstbestendigheid'];
export const GEBIEDSBUDGET_MEASURE_LABELS: Record<GebiedsbudgetMeasure, string> = {
  hinderlijke_activiteiten:
    'Verwerven, verplaatsen of bronmaatregelen bij hinderlijke activiteiten (bijvoorbeeld bodem saneren, bedrijven verplaatsen, spooremplacementen)',
  openbare_ruimte: '(Her)inrichting van de openbare ruimte (bijvoorbeeld riolering, parken of pleinen)',
  toekomstbestendigheid: 'Toekomstbestendigheid (energievoorziening, water en bodem, groen, klimaatadaptatie)',
  bereikbaarheid: 'Bereikbaarheid (wegen, openbaar vervoer)',
};

/** A request for one designated area. Amounts in whole euros. */
export interface GebiedsbudgetRequestInput {
  /** The designated area (gebiedsbudget_areas.code). */
  areaCode: string;
  title: string;
  homes: number;
  affordableHomes: number;
  /** The year the last homes are realised, and how many homes are realised before POLICY.gebiedsbudget.substantialBeforeYear. */
  lastHomesYear: number;
  homesBefore2030: number;
  parallelPlannen: boolean;
  versnellingstafelWithPpm: boolean;
  openBooks: boolean;
  /** The measures follow from a positive MKBA (maatschappelijke kosten-batenanalyse) and an updated business case. */
  positiveMkba: boolean;
  measures: GebiedsbudgetMeasure[];
  totalInvestmentEuros: number;
  regionReservedEuros: number;
  requestedEuros: number;
}

export function checkGebiedsbudgetRequest(input: GebiedsbudgetRequestInput): Issue[] {
  const issues: Issue[] = [];
  if (!input.title?.trim()) issues.push({ path: 'title', code: 'required', message: 'Geef de aanvraag een naam.' });
  if (!input.areaCode) issues.push({ path: 'areaCode', code: 'required', message: 'Kies het gebied.' });
  for (const [f, what] of [
    ['homes', 'Het aantal woningen'],
    ['affordableHomes', 'Het aantal betaalbare woningen'],
    ['homesBefore2030', `Het aantal woningen klaar vóór ${GB.substantialBeforeYear}`],
  ] as const) {
    if (!Number.isInteger(input[f]) || input[f] < 0)
      issues.push({ path: f, code: 'count', message: `${what}: vul een heel aantal in van 0 of meer.` });
  }
  if (input.affordableHomes > input.homes)
    issues.push({
      path: 'affordableHomes',
      code: 'more_than_total',
      message: 'Het aantal betaalbare woningen is hoger dan het totaal aantal woningen.',
    });
  if (input.homesBefore2030 > input.homes)
    issues.push({
      path: 'homesBefore2030',
      code: 'more_than_total',
      message: `Het aantal woningen klaar vóór ${GB.substantialBeforeYear} is hoger dan het totaal.`,
    });
  if (!Number.isInteger(input.lastHomesYear) || input.lastHomesYear < 2000 || input.lastHomesYear > 2075)
    issues.push({ path: 'lastHomesYear', code: 'year', message: 'Het jaar van de laatste woningen: vul een jaartal in, bijvoorbeeld 2033.' });
  for (const [f, what] of [
    ['totalInvestmentEuros', 'De totale investering'],
    ['regionReservedEuros', 'De bijdrage die de regio reserveert'],
    ['requestedEuros', 'De gevraagde bijdrage'],
  ] as const) {
    if (!Number.isInteger(input[f]) || input[f] < 0)
      issues.push({ path: f, code: 'whole_euros', message: `${what}: vul een bedrag in hele euro’s in van 0 of meer, zonder centen.` });
    else if (input[f] > POLICY.openBook.maxAmountEuros)
      issues.push({ path: f, code: 'implausible_amount', message: `${what} (${formatEuros(input[f])}) is niet aannemelijk: controleer het bedrag.` });
  }
  const known = new Set<string>(GEBIEDSBUDGET_MEASURES);
  if (!Array.isArray(input.measures) || input.measures.some((m) => !known.has(m)))
    issues.push({ path: 'measures', code: 'unknown_measure', message: 'Kies de soorten maatregelen uit de lijst.' });
  return issues;
}

/**
 * The cap: "maximaal 50% van de totale benodigde investering onder de voorwaarde dat de regio minimaal eenzelfde
 * bijdrage reserveert" (`001 § Afspraak 19.3`). The Rijk's part is at most half the investment and at most what the
 * region reserves; the request is capped at that.
 */
export function capGebiedsbudget(input: Pick<GebiedsbudgetRequestInput, 'totalInvestmentEuros' | 'regionReservedEuros' | 'requestedEuros'>): {
  cappedEuros: number;
  maxRijkEuros: number;
  capped: boolean;
  reason: string;
} {
  const half = Math.floor(GB.maxRijkShare * input.totalInvestmentEuros);
  const maxRijk = Math.min(half, input.regionReservedEuros);
  const cappedEuros = Math.min(input.requestedEuros, maxRijk);
  const capped = cappedEuros < input.requestedEuros;
  const reason = !capped
    ? 'De gevraagde bijdrage is niet hoger dan de helft van de investering en niet hoger dan wat de regio reserveert.'
    : half <= input.regionReservedEuros
      ? `Het Rijk betaalt hoogstens de helft van de totale investering (${formatEuros(half)}): de bijdrage is verlaagd van ${formatEuros(input.requestedEuros)} naar ${formatEuros(cappedEuros)}.`
      : `Het Rijk betaalt niet meer dan de regio zelf reserveert (${formatEuros(input.regionReservedEuros)}): de bijdrage is verlaagd van ${formatEuros(input.requestedEuros)} naar ${formatEuros(cappedEuros)}.`;
  return { cappedEuros, maxRijkEuros: maxRijk, capped, reason };
}

export type GebiedsbudgetCriterionCode =
  | 'aangewezen_gebied'
  | 'betaalbaar_regionaal'
  | 'laatste_woningen'
  | 'substantieel_voor_2030'
  | 'parallel_plannen'
  | 'versnellingstafel_ppm'
  | 'open_boeken'
  | 'mkba'
  | 'maatregelen'
  | 'geen_bereikbaarheid';

export interface GebiedsbudgetEligibility {
  eligible: boolean;
  criteria: CriterionResult<GebiedsbudgetCriterionCode>[];
  cappedEuros: number;
  maxRijkEuros: number;
  capped: boolean;
  capReason: string;
}

const pct = (share: number) => `${(Math.round(share * 1000) / 10).toLocaleString('nl-NL')}%`;

/** Every condition of `001 § Afspraak 19.3` as met / not met with the rule and its source, and the capped amount. */
export function checkGebiedsbudgetEligibility(
  input: GebiedsbudgetRequestInput,
  area: { designated: boolean; name: string } | null,
): GebiedsbudgetEligibility {
  const source = GB.source;
  const c = (code: GebiedsbudgetCriterionCode, met: boolean, rule: string, finding: string): CriterionResult<GebiedsbudgetCriterionCode> => ({
    code,
    met,
    rule,
    source,
    finding,
  });
  const share = input.homes === 0 ? 0 : input.affordableHomes / input.homes;
  const before = input.homes === 0 ? 0 : input.homesBefore2030 / input.homes;
  const eligibleMeasures = input.measures.filter((m) => ELIGIBLE_MEASURES.includes(m));
  const criteria = [
    c(
      'aangewezen_gebied',
      area?.designated === true,
      'Alleen voor de grootschalige woningbouwgebieden die het Rijk heeft aangewezen.',
      area ? (area.designated ? `${area.name} is aangewezen.` : `${area.name} is niet aangewezen.`) : 'Het gebied is onbekend.',
    ),
    c(
      'betaalbaar_regionaal',
      share >= GB.regionalAffordableShare,
      `Het aandeel betaalbare woningen past bij de afspraak om in de regio ${pct(GB.regionalAffordableShare)} (twee derde) betaalbaar te bouwen.`,
      `${input.affordableHomes} van de ${input.homes} woningen zijn betaalbaar: ${pct(share)}.`,
    ),
    c(
      'laatste_woningen',
      input.lastHomesYear <= GB.lastHomesByYear,
      `De laatste woningen zijn uiterlijk in ${GB.lastHomesByYear} klaar.`,
      `De laatste woningen zijn klaar in ${input.lastHomesYear}.`,
    ),
    c(
      'substantieel_voor_2030',
      before >= GB.substantialShareBefore,
      `Een substantieel deel van de woningen is vóór ${GB.substantialBeforeYear} klaar. De monitor rekent als substantieel: minstens ${pct(GB.substantialShareBefore)} van de woningen (eigen werkafspraak; de beleidsstukken noemen geen getal).`,
      `${input.homesBefore2030} van de ${input.homes} woningen vóór ${GB.substantialBeforeYear}: ${pct(before)}.`,
    ),
    c(
      'parallel_plannen',
      input.parallelPlannen,
      'De gemeente werkt volgens de principes van parallel plannen.',
      input.parallelPlannen ? 'Ja.' : 'Nee.',
    ),
    c(
      'versnellingstafel_ppm',
      input.versnellingstafelWithPpm,
      'Het gebied wordt besproken aan de regionale versnellingstafel, met de publiek-private monitor.',
      input.versnellingstafelWithPpm ? 'Ja.' : 'Nee.',
    ),
    c('open_boeken', input.openBooks, 'De betrokken partijen praten met elkaar op basis van open boeken.', input.openBooks ? 'Ja.' : 'Nee.'),
    c(
      'mkba',
      input.positiveMkba,
      'De maatregelen volgen uit een positieve maatschappelijke kosten-batenanalyse en een bijgewerkte business case van het gebied.',
      input.positiveMkba ? 'Ja.' : 'Nee.',
    ),
    c(
      'maatregelen',
      eligibleMeasures.length > 0,
      `Alleen deze soorten maatregelen: ${ELIGIBLE_MEASURES.map((m) => GEBIEDSBUDGET_MEASURE_LABELS[m].charAt(0).toLowerCase() + GEBIEDSBUDGET_MEASURE_LABELS[m].slice(1)).join('; ')}.`,
      eligibleMeasures.length > 0 ? `Gekozen: ${eligibleMeasures.length} soort(en).` : 'Er is geen soort maatregel uit de lijst gekozen.',
    ),
    c(
      'geen_bereikbaarheid',
      !input.measures.includes('bereikbaarheid'),
      'Maatregelen voor bereikbaarheid tellen niet mee: die worden betaald uit de € 2,5 miljard voor de bereikbaarheid van nieuwe woningen.',
      input.measures.includes('bereikbaarheid') ? 'De aanvraag bevat bereikbaarheidsmaatregelen.' : 'Geen bereikbaarheidsmaatregelen.',
    ),
  ];
  const cap = capGebiedsbudget(input);
  return {
    eligible: criteria.every((x) => x.met),
    criteria,
    cappedEuros: cap.cappedEuros,
    maxRijkEuros: cap.maxRijkEuros,
    capped: cap.capped,
    capReason: cap.reason,
  };
}

export type GebiedsbudgetStatus = 'ingediend' | 'toegekend' | 'afgewezen';

/**
 * The running total against the ceiling (ca. €900m, `001 § Afspraak 19.3`): what was awarded, what eligible requests
 * still ask (capped), what is left, and whether the awarded plus asked amounts pass the ceiling.
 */
export function gebiedsbudgetTotals(
  requests: ReadonlyArray<{ status: GebiedsbudgetStatus; eligible: boolean; cappedEuros: number; awardedEuros: number | null }>,
): {
  ceilingEuros: number;
  awardedEuros: number;
  pendingEuros: number;
  remainingEuros: number;
  overCeiling: boolean;
} {
  const awarded = requests.filter((r) => r.status === 'toegekend').reduce((s, r) => s + (r.awardedEuros ?? 0), 0);
  const pending = requests.filter((r) => r.status === 'ingediend' && r.eligible).reduce((s, r) => s + r.cappedEuros, 0);
  return {
    ceilingEuros: GB.ceilingEuros,
    awardedEuros: awarded,
    pendingEuros: pending,
    remainingEuros: GB.ceilingEuros - awarded,
    overCeiling: awarded + pending > GB.ceilingEuros,
  };
}

/**
 * May this request be awarded this amount? Only an eligible request, at most its capped amount, and not past the
 * ceiling with what was awarded before.
 */
export function checkGebiedsbudgetAward(
  request: { eligible: boolean; cappedEuros: number },
  amountEuros: number,
  awardedElsewhereEuros: number,
): Issue[] {
  if (!request.eligible)
    return [{ path: 'status', code: 'not_eligible', message: 'Deze aanvraag voldoet niet aan alle voorwaarden en kan niet worden toegekend.' }];
  if (!Number.isInteger(amountEuros) || amountEuros <= 0)
    return [{ path: 'awardedEuros', code: 'whole_euros', message: 'Het toegekende bedrag: vul een bedrag in hele euro’s in, meer dan € 0.' }];
  if (amountEuros > request.cappedEuros)
    return [
      {
        path: 'awardedEuros',
        code: 'above_cap',
        message: `Het toegekende bedrag (${formatEuros(amountEuros)}) is hoger dan het maximum voor deze aanvraag (${formatEuros(request.cappedEuros)}).`,
      },
    ];
  if (awardedElsewhereEuros + amountEuros > GB.ceilingEuros)
    return [
      {
        path: 'awardedEuros',
        code: 'above_ceiling',
        message: `Met dit bedrag komt het totaal op ${formatEuros(awardedElsewhereEuros + amountEuros)}, boven het plafond van ${formatEuros(GB.ceilingEuros)}.`,
      },
    ];
  return [];
}
