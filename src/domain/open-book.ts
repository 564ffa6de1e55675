/**
 * Open books (open boeken) of a project: the totals of its grondexploitatie that the parties share with the table
 * (issue 12 item 5). SPEC §2 "confidential open-book figures (grondexploitatie totals, onrendabele top)"; SPEC §1
 * (a developer "share[s] open-book figures only with the table"); `001 § Afspraak 3B`: "Wanneer het nodig is om
 * oplossingen te vinden voor de voortgang van projecten hanteren partijen open boeken". Who may read and write them:
 * src/domain/access.ts canReadOpenBook / canEditOpenBook. Pure: the caller passes `today`.
 */
import { isIsoDate, type IsoDate } from './dates.ts';
import type { Issue } from './errors.ts';
import { formatDatum } from './format-nl.ts';
import { implausibility } from './plausibility.ts';
import { POLICY } from './policy.ts';

/** The figures as a party enters them: amounts in whole euros, and the date they refer to. */
export interface OpenBookInput {
  /** Total costs of the grondexploitatie (verwerving, bouw- en woonrijp maken, plankosten, …). */
  totalCostsEuros: number;
  /** Total revenues (grondopbrengsten, other revenues), before public contributions. */
  totalRevenuesEuros: number;
  /** Contributions of governments (bijdragen van overheden: Woningbouwimpuls, provincie, gemeente). */
  publicContributionsEuros: number;
  /** The date the figures refer to. */
  peildatum: IsoDate;
}

/** What follows from the figures. */
export interface OpenBookDerived {
  /** Revenues minus costs: negative is a shortfall. */
  saldoEuros: number;
  /** The onrendabele top: costs minus revenues where costs are higher, else 0. */
  onrendabeleTopEuros: number;
  /** What remains of the onrendabele top after the public contributions (never below 0). */
  remainingDeficitEuros: number;
  /** Is there an onrendabele top (before public contributions)? */
  hasDeficit: boolean;
  /** Is part of the onrendabele top not covered by the public contributions? */
  hasRemainingDeficit: boolean;
}

/** The audit trail's entity type of an open-book change; only readers of the open book see these entries (access.ts). */
export const OPEN_BOOK_AUDIT_ENTITY = 'open_boek';

/** The amount fields, with how each is named in a message (the labels of the form). */
export const OPEN_BOOK_AMOUNTS = [
  { field: 'totalCostsEuros', what: 'De totale kosten' },
  { field: 'totalRevenuesEuros', what: 'De totale opbrengsten' },
  { field: 'publicContributionsEuros', what: 'De bijdragen van overheden' },
] as const satisfies ReadonlyArray<{ field: keyof OpenBookInput; what: string }>;

/**
 * Saldo and onrendabele top. The onrendabele top is the part of the costs the revenues do not cover (SPEC §2;
 * knelpunt category "financiële haalbaarheid / onrendabele top"); public contributions are there to close it, so
 * what remains after them is shown apart.
 */
export function deriveOpenBook(input: Pick<OpenBookInput, 'totalCostsEuros' | 'totalRevenuesEuros' | 'publicContributionsEuros'>): OpenBookDerived {
  const saldoEuros = input.totalRevenuesEuros - input.totalCostsEuros;
  const onrendabeleTopEuros = Math.max(0, -saldoEuros);
  const remainingDeficitEuros = Math.max(0, onrendabeleTopEuros - input.publicContributionsEuros);
  return {
    saldoEuros,
    onrendabeleTopEuros,
    remainingDeficitEuros,
    hasDeficit: onrendabeleTopEuros > 0,
    hasRemainingDeficit: remainingDeficitEuros > 0,
  };
}

/** `1250000` → `€ 1.250.000` (whole euros, Dutch grouping). */
export function formatEuros(amount: number): string {
  const sign = amount < 0 ? '−' : '';
  return `${sign}€ ${Math.abs(amount)
    .toFixed(0)
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;
}

/**
 * Everything wrong with the figures, each naming its field in plain Dutch: amounts in whole euros, not negative,
 * at most POLICY.openBook.maxAmountEuros; public contributions no higher than the total costs (a contribution pays
 * for costs); a peildatum that exists and does not lie in the future (figures refer to a day that has been) nor
 * before the first date the monitor accepts (POLICY.plausibleDates).
 */
export function checkOpenBook(input: OpenBookInput, today: IsoDate): Issue[] {
  const issues: Issue[] = [];
  const max = POLICY.openBook.maxAmountEuros;
  for (const { field, what } of OPEN_BOOK_AMOUNTS) {
    const value = input[field];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      issues.push({ path: field, code: 'required', message: `${what} ontbreken. Vul een bedrag in hele euro’s in, bijvoorbeeld 1250000.` });
    } else if (value < 0) {
      issues.push({ path: field, code: 'negative_amount', message: `${what} kunnen niet negatief zijn. Vul 0 in als er niets is.` });
    } else if (!Number.isInteger(value)) {
      issues.push({ path: field, code: 'whole_euros', message: `${what} vult u in hele euro’s in, zonder centen.` });
    } else if (value > max) {
      issues.push({
        path: field,
        code: 'implausible_amount',
        message: `${what} (${formatEuros(value)}) zijn meer dan ${formatEuros(max)}. Dat is niet aannemelijk voor één project: controleer het bedrag.`,
      });
    }
  }
  const valid = (n: number) => Number.isInteger(n) && n >= 0 && n <= max;
  if (valid(input.publicContributionsEuros) && valid(input.totalCostsEuros) && input.publicContributionsEuros > input.totalCostsEuros) {
    issues.push({
      path: 'publicContributionsEuros',
      code: 'contributions_above_costs',
      message: `De bijdragen van overheden (${formatEuros(input.publicContributionsEuros)}) zijn hoger dan de totale kosten (${formatEuros(input.totalCostsEuros)}). Een bijdrage dekt kosten: controleer beide bedragen.`,
    });
  }
  issues.push(...checkPeildatum(input.peildatum, today));
  return issues;
}

function checkPeildatum(peildatum: string, today: IsoDate): Issue[] {
  if (!peildatum) return [{ path: 'peildatum', code: 'required', message: 'Vul de peildatum in: de datum waarop de cijfers betrekking hebben.' }];
  if (!isIsoDate(peildatum)) {
    return [
      { path: 'peildatum', code: 'date', message: 'De peildatum is geen bestaande datum. Vul hem in als dag-maand-jaar, bijvoorbeeld 31-03-2026.' },
    ];
  }
  const problem = implausibility(peildatum, 'happened', today);
  if (problem === 'date_in_future' || (problem === 'date_too_late' && peildatum > today)) {
    return [
      {
        path: 'peildatum',
        code: 'date_in_future',
        message: `De peildatum (${formatDatum(peildatum)}) ligt na vandaag (${formatDatum(today)}). Cijfers gaan over een dag die al geweest is: kies vandaag of een eerdere datum.`,
      },
    ];
  }
  if (problem === 'date_too_early') {
    return [
      {
        path: 'peildatum',
        code: 'date_too_early',
        message: `De peildatum (${formatDatum(peildatum)}) ligt vóór ${formatDatum(POLICY.plausibleDates.earliest)}, de eerste datum die de monitor aanneemt. Controleer het jaartal.`,
      },
    ];
  }
  return [];
}
