/**
 * Realisatiestimulans (SPEC §4.1; `001 § Afspraak 19.1`, `000 § Beter benutten`, `000 § Bijlage 1`): what each
 * gemeente earns per year 2025–2029 for its affordable homes, on both counting bases side by side — homes whose
 * construction started (start bouw, the rule since November 2025, Staatscourant 2025-36777) and homes completed (the
 * 2024 contour) — with the deduction for earlier national contributions, the supplements (not fixed by policy), the
 * payout schedule, the totals against the €1.6bn budget and the difference between the bases. Pure: the caller
 * passes the counted projects (src/storage/realisatiestimulans.repository.ts) and the settings.
 *
 * How a project's homes are attributed to a year (design, SPEC §4.1 leaves it to the implementation):
 * - start bouw basis: the year of the project's milestone M11 (start bouw); oplevering basis: the year of M12
 *   (oplevering). The actual date counts ("gerealiseerd"); a project with only a forecast date in 2025–2029 is
 *   "verwacht": it is not paid, but it counts towards the expected claims against the budget.
 * - the homes counted are the milestone's own number of homes when given (a partial start or completion), else the
 *   project's total; they are spread over the programme's segments in proportion (largest remainder, so the parts
 *   add up exactly to the homes counted).
 * - a home counts by its declared segment (the programme: sociale huur, middenhuur, betaalbare koop are betaalbaar);
 *   the homes of a building of onzelfstandige woonruimten count as betaalbaar whatever their segment.
 * - withdrawn and merged projects count nowhere (src/domain/withdrawal.ts): the storage query leaves them out.
 */
import { AFFORDABLE_SEGMENTS, type Segment } from '../codes.ts';
import type { IsoDate } from '../dates.ts';
import { POLICY } from '../policy.ts';

const RS = POLICY.realisatiestimulans;

/** The two counting bases. SPEC §4.1 "Counting basis". */
export const TELBASES = ['start_bouw', 'oplevering'] as const;
export type Telbasis = (typeof TELBASES)[number];

/** What a counted home is counted as: an affordable segment, or an onzelfstandige woonruimte (betaalbaar by definition). */
export const TELCATEGORIEEN = ['sociale_huur', 'middenhuur', 'betaalbare_koop', 'onzelfstandig'] as const;
export type Telcategorie = (typeof TELCATEGORIEEN)[number];

export type DeductionRule = typeof RS.deductionRule;
export const DEDUCTION_RULES = ['geen', 'woningen_uitsluiten', 'bedrag_aftrekken'] as const satisfies readonly DeductionRule[];

/**
 * The largest supplement a scenario may try (whole euros): not policy — the supplements are not fixed — but bounds
 * beyond which an amount is a typing error rather than a scenario. Per affordable home, and per gemeente per year.
 */
export const SUPPLEMENT_LIMITS = { perHome: 100_000, perGemeente: 10_000_000 } as const;

/**
 * A supplement as typed in a scenario ('' is none): whole euros, thousands separated by dots or spaces or not
 * at all; the value, or what is wrong with it in words for the person who typed it.
 */
export function parseSupplementEuros(text: string, max: number): { value: number } | { error: string } {
  const compact = text.trim().replace(/[\s.]/g, '');
  if (compact === '') return { value: 0 };
  if (compact.startsWith('-')) return { error: 'Een opslag kan niet negatief zijn.' };
  if (!/^\d+$/.test(compact) || (text.includes('.') && !/^\d{1,3}(\.\d{3})+$/.test(text.trim())))
    return { error: 'Vul een bedrag in hele euro’s in.' };
  const value = Number(compact);
  if (value > max) return { error: `Een opslag van meer dan € ${max.toLocaleString('nl-NL')} is niet aannemelijk.` };
  return { value };
}

/** One earlier national contribution to a project (Woningbouwimpuls, Startbouwimpuls, RHA, …). */
export interface EarlierContribution {
  scheme: string;
  amountEuros: number;
}

/** A project as the Realisatiestimulans counts it on one basis: the milestone date and the programme. */
export interface CountedProject {
  projectId: string;
  name: string;
  gemeenteCode: string;
  basis: Telbasis;
  /** The actual date of M11/M12, or else its forecast date. */
  date: IsoDate;
  /** True when `date` is the actual date (realised); false: only a forecast ("verwacht"). */
  actual: boolean;
  /** The milestone's own number of homes (a partial start or completion), or null: the whole project. */
  milestoneHomes: number | null;
  origin: string;
  flags: readonly string[];
  programme: ReadonlyArray<{ segment: Segment; doelgroep: string; homes: number }>;
  contributions: readonly EarlierContribution[];
}

/** The supplements: amounts NOT fixed by policy (`001 § 19.1` "nader in te vullen"), configurable, shown as such. */
export interface SupplementSettings {
  nplvPerHomeEuros: number;
  elkeRegioTeltPerHomeEuros: number;
  ouderenPerHomeEuros: number;
  /** A fixed amount per gemeente per year in which it counts homes (no verdeelsleutel is set yet, `001 § 19.1`). */
  capaciteitPerGemeenteEuros: number;
}

export interface RealisatiestimulansSettings {
  amountPerHomeEuros: number;
  budgetEuros: number;
  supplementBudgetEuros: number;
  firstYear: number;
  lastYear: number;
  deductionRule: DeductionRule;
  supplements: SupplementSettings;
  elkeRegioTeltGemeenten: readonly string[];
}

/** The settings of the policy (src/domain/policy.ts), with the supplements and deduction rule the caller tries. */
export function realisatiestimulansSettings(
  overrides: { deductionRule?: DeductionRule; supplements?: Partial<SupplementSettings> } = {},
): RealisatiestimulansSettings {
  return {
    amountPerHomeEuros: RS.amountPerHomeEuros,
    budgetEuros: RS.budgetEuros,
    supplementBudgetEuros: RS.supplementBudgetEuros,
    firstYear: RS.firstYear,
    lastYear: RS.lastYear,
    deductionRule: overrides.deductionRule ?? RS.deductionRule,
    supplements: { ...RS.supplementDefaults, ...overrides.supplements },
    elkeRegioTeltGemeenten: RS.elkeRegioTeltGemeenten,
  };
}

export type HomesByCategorie = Record<Telcategorie, number>;
const noHomes = (): HomesByCategorie => ({ sociale_huur: 0, middenhuur: 0, betaalbare_koop: 0, onzelfstandig: 0 });

/** The supplements of an amount, per kind (all "niet vastgelegd in beleid"). */
export interface Supplements {
  nplv: number;
  elkeRegioTelt: number;
  ouderen: number;
  capaciteit: number;
}
const noSupplements = (): Supplements => ({ nplv: 0, elkeRegioTelt: 0, ouderen: 0, capaciteit: 0 });
export const supplementTotal = (s: Supplements) => s.nplv + s.elkeRegioTelt + s.ouderen + s.capaciteit;

/** One project's contribution to one gemeente-year on one basis: the drill-down line behind every amount. */
export interface ProjectEntitlement {
  projectId: string;
  name: string;
  gemeenteCode: string;
  basis: Telbasis;
  year: number;
  date: IsoDate;
  actual: boolean;
  /** Homes counted (the milestone's or the project's), all segments. */
  countedHomes: number;
  /** Of those, the affordable homes per category; their sum is `affordableHomes`. */
  homes: HomesByCategorie;
  affordableHomes: number;
  /** Affordable homes added through Beter Benutten (transformatie, splitsen, optoppen): included, shown apart. */
  beterBenuttenHomes: number;
  /** Affordable homes in an NPLV / stedelijk focusgebied project; of elderly housing. */
  nplvHomes: number;
  ouderenHomes: number;
  grossEuros: number;
  /** Earlier national contributions to this project and what the deduction rule takes off. */
  earlierContributionsEuros: number;
  deductionEuros: number;
  netEuros: number;
  /** Supplements per home (the capacity supplement is per gemeente, so 0 here). */
  supplements: Supplements;
  /** A line of several projects at once (aggregateEntitlement): how many; absent: one project. */
  projects?: number;
}

/**
 * Spreads `total` homes over parts in proportion to `weights` so that the parts add up to `total` exactly: the
 * largest-remainder method (ties: the earlier part). A partial start or completion is split over the programme's
 * segments this way.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0 || total <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (w * total) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    left--;
  }
  return parts;
}

/** The year a counted date falls in, or null when outside the years of the regulation (2025–2029). */
export function countedYear(date: IsoDate, settings: Pick<RealisatiestimulansSettings, 'firstYear' | 'lastYear'>): number | null {
  const year = Number(date.slice(0, 4));
  return year >= settings.firstYear && year <= settings.lastYear ? year : null;
}

/** The quarter in which a counted year is paid: Q4 of the following year (`001 § 19.1`; Staatscourant 2025-36777). */
export function paymentQuarter(year: number): string {
  return `${year + RS.paymentDelayYears}-Q${RS.paymentQuarter}`;
}

/** Is this home affordable for the Realisatiestimulans, and as what? By its declared segment; onzelfstandig always. */
export function telcategorie(segment: Segment, origin: string): Telcategorie | null {
  if ((RS.onzelfstandigOrigins as readonly string[]).includes(origin)) return 'onzelfstandig';
  return (AFFORDABLE_SEGMENTS as readonly string[]).includes(segment) ? (segment as Telcategorie) : null;
}

/** What one project earns on its basis, or null when its date lies outside 2025–2029. */
export function projectEntitlement(project: CountedProject, settings: RealisatiestimulansSettings): ProjectEntitlement | null {
  const year = countedYear(project.date, settings);
  if (year === null) return null;
  const programmeHomes = project.programme.reduce((a, l) => a + l.homes, 0);
  const countedHomes = Math.min(project.milestoneHomes ?? programmeHomes, programmeHomes);
  const parts = apportion(
    countedHomes,
    project.programme.map((l) => l.homes),
  );
  const homes = noHomes();
  let ouderenHomes = 0;
  project.programme.forEach((line, i) => {
    const n = parts[i] ?? 0;
    const cat = telcategorie(line.segment, project.origin);
    if (cat === null || n === 0) return;
    homes[cat] += n;
    if ((RS.ouderenDoelgroepen as readonly string[]).includes(line.doelgroep)) ouderenHomes += n;
  });
  const affordableHomes = homes.sociale_huur + homes.middenhuur + homes.betaalbare_koop + homes.onzelfstandig;
  const beterBenuttenHomes = (RS.beterBenuttenOrigins as readonly string[]).includes(project.origin) ? affordableHomes : 0;
  const nplvHomes = project.flags.includes('nplv') ? affordableHomes : 0;
  const grossEuros = affordableHomes * settings.amountPerHomeEuros;
  const earlierContributionsEuros = project.contributions.reduce((a, c) => a + c.amountEuros, 0);
  const deductionEuros = deduction(grossEuros, earlierContributionsEuros, project.contributions.length > 0, settings.deductionRule);
  const excluded = settings.deductionRule === 'woningen_uitsluiten' && project.contributions.length > 0;
  const s = settings.supplements;
  // The supplements are per affordable home that is paid for: a home excluded for an earlier contribution earns none.
  const paidHomes = excluded ? 0 : affordableHomes;
  const supplements: Supplements = {
    nplv: excluded ? 0 : nplvHomes * s.nplvPerHomeEuros,
    elkeRegioTelt: settings.elkeRegioTeltGemeenten.includes(project.gemeenteCode) ? paidHomes * s.elkeRegioTeltPerHomeEuros : 0,
    ouderen: excluded ? 0 : ouderenHomes * s.ouderenPerHomeEuros,
    capaciteit: 0,
  };
  return {
    projectId: project.projectId,
    name: project.name,
    gemeenteCode: project.gemeenteCode,
    basis: project.basis,
    year,
    date: project.date,
    actual: project.actual,
    countedHomes,
    homes,
    affordableHomes,
    beterBenuttenHomes,
    nplvHomes,
    ouderenHomes,
    grossEuros,
    earlierContributionsEuros,
    deductionEuros,
    netEuros: grossEuros - deductionEuros,
    supplements,
  };
}

/**
 * The entitlement of many projects at once that share gemeente, basis, year, status, origin and NPLV flag, are
 * counted whole (no partial milestone) and had no earlier national contribution: every amount is then linear in
 * the homes per segment and doelgroep, so computing once over their summed programme equals the sum of the
 * per-project amounts (the national overview's fast path; src/storage/realisatiestimulans.repository.ts).
 */
export function aggregateEntitlement(
  group: {
    gemeenteCode: string;
    basis: Telbasis;
    year: number;
    actual: boolean;
    origin: string;
    nplv: boolean;
    projects: number;
    programme: CountedProject['programme'];
  },
  settings: RealisatiestimulansSettings,
): ProjectEntitlement | null {
  const line = projectEntitlement(
    {
      projectId: '',
      name: '',
      gemeenteCode: group.gemeenteCode,
      basis: group.basis,
      date: `${group.year}-01-01`,
      actual: group.actual,
      milestoneHomes: null,
      origin: group.origin,
      flags: group.nplv ? ['nplv'] : [],
      programme: group.programme,
      contributions: [],
    },
    settings,
  );
  return line && { ...line, projects: group.projects };
}

/**
 * What the deduction rule takes off a project's gross entitlement for earlier national contributions (`001 § 19.1`
 * "wordt rekening gehouden met"; design, SPEC §4.1): all of it when such projects are excluded, the contribution
 * (at most the entitlement) when deducted, nothing under "geen".
 */
export function deduction(grossEuros: number, contributionsEuros: number, hasContribution: boolean, rule: DeductionRule): number {
  if (!hasContribution || rule === 'geen') return 0;
  if (rule === 'woningen_uitsluiten') return grossEuros;
  return Math.min(grossEuros, Math.max(0, contributionsEuros));
}

/** The sums of a set of project lines (a gemeente-year, a gemeente, a province, the nation). */
export interface Amounts {
  projects: number;
  countedHomes: number;
  homes: HomesByCategorie;
  affordableHomes: number;
  beterBenuttenHomes: number;
  grossEuros: number;
  deductionEuros: number;
  netEuros: number;
  supplements: Supplements;
}

export const noAmounts = (): Amounts => ({
  projects: 0,
  countedHomes: 0,
  homes: noHomes(),
  affordableHomes: 0,
  beterBenuttenHomes: 0,
  grossEuros: 0,
  deductionEuros: 0,
  netEuros: 0,
  supplements: noSupplements(),
});

/** Adds a project line (or another sum) to a sum, in place. */
export function addTo(sum: Amounts, line: ProjectEntitlement | Amounts): Amounts {
  sum.projects += line.projects ?? 1;
  sum.countedHomes += line.countedHomes;
  for (const c of TELCATEGORIEEN) sum.homes[c] += line.homes[c];
  sum.affordableHomes += line.affordableHomes;
  sum.beterBenuttenHomes += line.beterBenuttenHomes;
  sum.grossEuros += line.grossEuros;
  sum.deductionEuros += line.deductionEuros;
  sum.netEuros += line.netEuros;
  sum.supplements.nplv += line.supplements.nplv;
  sum.supplements.elkeRegioTelt += line.supplements.elkeRegioTelt;
  sum.supplements.ouderen += line.supplements.ouderen;
  sum.supplements.capaciteit += line.supplements.capaciteit;
  return sum;
}

/** A gemeente's figures for one year on one basis: realised (paid) and expected (forecast only). */
export interface GemeenteYear {
  year: number;
  paymentQuarter: string;
  realised: Amounts;
  expected: Amounts;
}

/** One gemeente on one basis: per year and the total over 2025–2029. */
export interface GemeenteBasis {
  years: GemeenteYear[];
  realised: Amounts;
  expected: Amounts;
}

export interface GemeenteFigures {
  gemeenteCode: string;
  start_bouw: GemeenteBasis;
  oplevering: GemeenteBasis;
  /** Net realised amount on start bouw minus on oplevering: what the choice of basis means for this gemeente. */
  differenceNetEuros: number;
  differenceAffordableHomes: number;
}

function emptyBasis(settings: RealisatiestimulansSettings): GemeenteBasis {
  const years: GemeenteYear[] = [];
  for (let y = settings.firstYear; y <= settings.lastYear; y++) {
    years.push({ year: y, paymentQuarter: paymentQuarter(y), realised: noAmounts(), expected: noAmounts() });
  }
  return { years, realised: noAmounts(), expected: noAmounts() };
}

/**
 * The figures per gemeente on both bases from the project lines. The capacity supplement (a fixed amount per
 * gemeente, not per home) is added to each year in which the gemeente has realised affordable homes that are paid.
 */
export function gemeenteFigures(
  lines: readonly ProjectEntitlement[],
  settings: RealisatiestimulansSettings,
  gemeenteCodes: readonly string[] = [],
): GemeenteFigures[] {
  const byGemeente = new Map<string, GemeenteFigures>();
  const figuresOf = (code: string): GemeenteFigures => {
    let f = byGemeente.get(code);
    if (!f) {
      f = {
        gemeenteCode: code,
        start_bouw: emptyBasis(settings),
        oplevering: emptyBasis(settings),
        differenceNetEuros: 0,
        differenceAffordableHomes: 0,
      };
      byGemeente.set(code, f);
    }
    return f;
  };
  for (const code of gemeenteCodes) figuresOf(code);
  for (const line of lines) {
    const year = figuresOf(line.gemeenteCode)[line.basis].years[line.year - settings.firstYear];
    if (!year) continue;
    addTo(line.actual ? year.realised : year.expected, line);
  }
  for (const f of byGemeente.values()) {
    for (const basis of TELBASES) {
      for (const y of f[basis].years) {
        if (y.realised.netEuros > 0) y.realised.supplements.capaciteit += settings.supplements.capaciteitPerGemeenteEuros;
        if (y.expected.netEuros > 0 && y.realised.netEuros === 0)
          y.expected.supplements.capaciteit += settings.supplements.capaciteitPerGemeenteEuros;
        addTo(f[basis].realised, y.realised);
        addTo(f[basis].expected, y.expected);
      }
    }
    f.differenceNetEuros = f.start_bouw.realised.netEuros - f.oplevering.realised.netEuros;
    f.differenceAffordableHomes = f.start_bouw.realised.affordableHomes - f.oplevering.realised.affordableHomes;
  }
  return [...byGemeente.values()].sort((a, b) => a.gemeenteCode.localeCompare(b.gemeenteCode));
}

/** The claims on one basis against the budget: what is paid, what is expected, the shortfall and the pro-rata factor. */
export interface BudgetCheck {
  budgetEuros: number;
  /** Net realised entitlement 2025–2029 (paid). */
  realisedEuros: number;
  /** Net expected entitlement (forecast start bouw / oplevering in 2025–2029, not yet realised). */
  expectedEuros: number;
  claimsEuros: number;
  /** Claims above the budget (0 when the budget suffices). SPEC §4.1 "Budget" (design). */
  shortfallEuros: number;
  /** The factor every amount gets in the pro-rata scenario: budget / claims, at most 1. */
  proRataFactor: number;
  supplementBudgetEuros: number;
  supplementClaimsEuros: number;
  supplementShortfallEuros: number;
}

/** Budget against claims (realised + expected) on one basis; a pro-rata scenario when the claims exceed it. */
export function budgetCheck(realised: Amounts, expected: Amounts, settings: RealisatiestimulansSettings): BudgetCheck {
  const claimsEuros = realised.netEuros + expected.netEuros;
  const supplementClaimsEuros = supplementTotal(realised.supplements) + supplementTotal(expected.supplements);
  return {
    budgetEuros: settings.budgetEuros,
    realisedEuros: realised.netEuros,
    expectedEuros: expected.netEuros,
    claimsEuros,
    shortfallEuros: Math.max(0, claimsEuros - settings.budgetEuros),
    proRataFactor: claimsEuros > settings.budgetEuros ? settings.budgetEuros / claimsEuros : 1,
    supplementBudgetEuros: settings.supplementBudgetEuros,
    supplementClaimsEuros,
    supplementShortfallEuros: Math.max(0, supplementClaimsEuros - settings.supplementBudgetEuros),
  };
}

/** An amount in the pro-rata scenario, in whole euros (rounded down: the scenario never pays more than the budget). */
export function proRata(amountEuros: number, factor: number): number {
  return Math.floor(amountEuros * factor);
}

/** The payout schedule on one basis: per year counted, the quarter it is paid in and the amount (realised, net). */
export function payoutSchedule(
  total: GemeenteBasis,
): Array<{ year: number; paymentQuarter: string; netEuros: number; supplementsEuros: number; expectedEuros: number }> {
  return total.years.map((y) => ({
    year: y.year,
    paymentQuarter: y.paymentQuarter,
    netEuros: y.realised.netEuros,
    supplementsEuros: supplementTotal(y.realised.supplements),
    expectedEuros: y.expected.netEuros,
  }));
}

/** Adds gemeenten into one total (a province, the nation), per basis and year. */
export function sumFigures(figures: readonly GemeenteFigures[], settings: RealisatiestimulansSettings): Omit<GemeenteFigures, 'gemeenteCode'> {
  const total = { start_bouw: emptyBasis(settings), oplevering: emptyBasis(settings), differenceNetEuros: 0, differenceAffordableHomes: 0 };
  for (const f of figures) {
    for (const basis of TELBASES) {
      f[basis].years.forEach((y, i) => {
        const t = total[basis].years[i];
        if (!t) return;
        addTo(t.realised, y.realised);
        addTo(t.expected, y.expected);
      });
      addTo(total[basis].realised, f[basis].realised);
      addTo(total[basis].expected, f[basis].expected);
    }
    total.differenceNetEuros += f.differenceNetEuros;
    total.differenceAffordableHomes += f.differenceAffordableHomes;
  }
  return total;
}
