/**
 * The checks of the forms that end a plan (withdraw, make active again), worded like the server's
 * (src/domain/withdrawal.ts), and the server's field errors put next to the fields.
 */
import { MAX_REASON_LENGTH } from '../../../../src/domain/withdrawal.ts';
import type { Issue } from '../../api/types.ts';
import { checkDateInput } from '../../components/dateInput.ts';

export type ReasonField = 'reason' | 'date';
export type ReasonErrors = Partial<Record<ReasonField | 'general', string>>;

/** The typed reason and (when asked) date: errors per field, or the ISO date to send. */
export function checkReasonInput(
  input: { reason: string; date?: string },
  options: { reasonWhat: string; dateWhat?: string; today?: string },
): { errors: ReasonErrors; iso: string | null } {
  const errors: ReasonErrors = {};
  const reason = input.reason.trim();
  if (!reason) errors.reason = `Vul de reden in waarom ${options.reasonWhat}.`;
  else if (reason.length > MAX_REASON_LENGTH) errors.reason = `De reden is te lang: gebruik ten hoogste ${MAX_REASON_LENGTH} tekens.`;
  let iso: string | null = null;
  if (input.date !== undefined) {
    const checked = checkDateInput(input.date, { what: options.dateWhat ?? 'De datum', kind: 'happened', today: options.today });
    if (checked.kind === 'empty') errors.date = 'Vul de datum in als dag-maand-jaar, bijvoorbeeld 15-11-2026.';
    else if (checked.kind === 'invalid') errors.date = checked.message;
    else iso = checked.iso;
  }
  return { errors, iso };
}

/** Server messages next to their field (`reason`, `date`); the rest as a general message. */
export function reasonErrorsFrom(issues: readonly Issue[]): ReasonErrors {
  const errors: ReasonErrors = {};
  for (const issue of issues) {
    const key: keyof ReasonErrors = issue.path === 'reason' || issue.path === 'date' ? issue.path : 'general';
    errors[key] = errors[key] ? `${errors[key]} ${issue.message}` : issue.message;
  }
  return errors;
}
