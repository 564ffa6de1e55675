/**
 * Dates typed as text in the Dutch way (dd-mm-jjjj). The browser's date input hands over an empty value
 * for an impossible date such as 31-02-2027, which looked like "clear this date" (issue 8). A text field
 * keeps exactly what the user typed, and this parser says what is wrong with it, in Dutch.
 */
import { checkPlausibleDate, dateInNetherlands, type DateKind } from '../../../src/domain/plausibility.ts';

export type ParsedDate = { kind: 'empty' } | { kind: 'date'; iso: string } | { kind: 'invalid'; message: string };

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

export const DATE_FORMAT_HINT = 'Als dag-maand-jaar, bijvoorbeeld 31-03-2027.';

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "31-3-2027", "31/03/2027", "31.03.2027" or "2027-03-31" → ISO; anything else is explained. */
export function parseDateInput(text: string): ParsedDate {
  const value = text.trim();
  if (value === '') return { kind: 'empty' };
  const dutch = /^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})$/.exec(value);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (!dutch && !iso) return { kind: 'invalid', message: `‘${value}’ is geen datum. Vul de datum in als dag-maand-jaar, bijvoorbeeld 31-03-2027.` };
  const [day, month, year] = dutch ? [Number(dutch[1]), Number(dutch[2]), Number(dutch[3])] : [Number(iso![3]), Number(iso![2]), Number(iso![1])];
  if (month < 1 || month > 12) return { kind: 'invalid', message: `‘${value}’ is geen datum: een maand loopt van 1 tot en met 12.` };
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) {
    return { kind: 'invalid', message: `‘${value}’ bestaat niet: ${MONTHS[month - 1]} ${year} heeft ${last} dagen.` };
  }
  return { kind: 'date', iso: `${pad(year, 4)}-${pad(month)}-${pad(day)}` };
}

/** "2027-03-31" → "31-03-2027" for the text field; null → "". */
export function isoToInput(iso: string | null | undefined): string {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return m ? `${m[3]}-${m[2]}-${m[1]}` : (iso ?? '');
}

/** Today in the Netherlands (the "today" of the plausibility rule). */
export function todayIso(): string {
  return dateInNetherlands(new Date());
}

/**
 * Check a typed date the way the server will: well-formed, an existing day, and plausible (the same
 * domain rule as the API; `what` names the field in the message). Returns the ISO date or a message.
 */
export function checkDateInput(
  text: string,
  options: { what: string; kind: DateKind; today?: string },
): { kind: 'empty' } | { kind: 'date'; iso: string } | { kind: 'invalid'; message: string } {
  const parsed = parseDateInput(text);
  if (parsed.kind !== 'date') return parsed;
  const issue = checkPlausibleDate('', options.what, parsed.iso, options.kind, options.today ?? todayIso());
  return issue ? { kind: 'invalid', message: issue.message } : parsed;
}
