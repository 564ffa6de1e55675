/**
 * The open-book form's typed text → the figures the API takes, with every problem named by field in the domain's
 * own words (src/domain/open-book.ts checkOpenBook), so the form says before sending what the server would say.
 * Amounts are typed as people write them: 1250000, 1.250.000 or € 1.250.000; a peildatum as dag-maand-jaar.
 */
import { checkOpenBook, OPEN_BOOK_AMOUNTS, type OpenBookInput } from '../../../../src/domain/open-book.ts';
import { isoToInput, parseDateInput } from '../../components/dateInput.ts';

export type OpenBookField = keyof OpenBookInput;
/** What is typed in the form, per field. */
export type OpenBookTexts = Record<OpenBookField, string>;

/** The form's labels: also the names in the error summary. */
export const OPEN_BOOK_LABELS: Record<OpenBookField, string> = {
  totalCostsEuros: 'Totale kosten (€)',
  totalRevenuesEuros: 'Totale opbrengsten (€)',
  publicContributionsEuros: 'Bijdragen van overheden (€)',
  peildatum: 'Peildatum',
};

export const OPEN_BOOK_FIELDS: readonly OpenBookField[] = ['totalCostsEuros', 'totalRevenuesEuros', 'publicContributionsEuros', 'peildatum'];

/** `12500000` → `12.500.000`, as the field shows a stored amount. */
export function amountToInput(amount: number): string {
  return String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** The texts of the form for stored figures (empty fields when there are none yet). */
export function textsOf(book: OpenBookInput | null): OpenBookTexts {
  if (!book) return { totalCostsEuros: '', totalRevenuesEuros: '', publicContributionsEuros: '', peildatum: '' };
  return {
    totalCostsEuros: amountToInput(book.totalCostsEuros),
    totalRevenuesEuros: amountToInput(book.totalRevenuesEuros),
    publicContributionsEuros: amountToInput(book.publicContributionsEuros),
    peildatum: isoToInput(book.peildatum),
  };
}

type Parsed = { kind: 'amount'; value: number } | { kind: 'invalid'; message: string };

/** One typed amount: digits, optionally grouped by dots (or spaces) per thousand, optionally with €. */
export function parseAmount(text: string, what: string): Parsed {
  const value = text.replace(/[€\s\u00a0]/g, '');
  if (value === '') return { kind: 'invalid', message: `Vul ${what.toLowerCase()} in, in hele euro’s. Vul 0 in als er niets is.` };
  if (/^-/.test(value)) return { kind: 'invalid', message: `${what} kunnen niet negatief zijn. Vul 0 in als er niets is.` };
  if (/^\d+$/.test(value)) return { kind: 'amount', value: Number(value) };
  if (/^\d{1,3}(\.\d{3})+$/.test(value)) return { kind: 'amount', value: Number(value.replaceAll('.', '')) };
  if (/^\d{1,3}(\.\d{3})*,\d*$/.test(value) || /^\d+,\d*$/.test(value) || /^\d+\.\d{1,2}$/.test(value)) {
    return { kind: 'invalid', message: `${what} vult u in hele euro’s in, zonder centen.` };
  }
  return { kind: 'invalid', message: `‘${text.trim()}’ is geen bedrag. Vul ${what.toLowerCase()} in hele euro’s in, bijvoorbeeld 1.250.000.` };
}

/**
 * The figures to send, or the problems per field: first what cannot be read (an amount, a date), then the domain's
 * checks on what could (negative, too large, contributions above costs, a peildatum in the future).
 */
export function readOpenBook(texts: OpenBookTexts, today: string): { figures: OpenBookInput } | { errors: Partial<Record<OpenBookField, string>> } {
  const errors: Partial<Record<OpenBookField, string>> = {};
  const amounts: Partial<Record<OpenBookField, number>> = {};
  for (const { field, what } of OPEN_BOOK_AMOUNTS) {
    const parsed = parseAmount(texts[field], what);
    if (parsed.kind === 'invalid') errors[field] = parsed.message;
    else amounts[field] = parsed.value;
  }
  const date = parseDateInput(texts.peildatum);
  if (date.kind === 'invalid') errors.peildatum = date.message;
  const figures: OpenBookInput = {
    totalCostsEuros: amounts.totalCostsEuros ?? 0,
    totalRevenuesEuros: amounts.totalRevenuesEuros ?? 0,
    publicContributionsEuros: amounts.publicContributionsEuros ?? 0,
    peildatum: date.kind === 'date' ? date.iso : '',
  };
  for (const issue of checkOpenBook(figures, today)) {
    const field = issue.path as OpenBookField;
    // Contributions above costs needs both amounts: not when the costs could not be read (then counted as 0).
    if (issue.code === 'contributions_above_costs' && amounts.totalCostsEuros === undefined) continue;
    // A field that could not be read keeps that message; the domain's check only speaks about what was read.
    if (errors[field] === undefined && (field === 'peildatum' ? date.kind !== 'invalid' : amounts[field] !== undefined))
      errors[field] = issue.message;
  }
  return Object.keys(errors).length > 0 ? { errors } : { figures };
}
