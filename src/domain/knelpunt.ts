/**
 * Rules for knelpunten (bottlenecks) and their workflow: raised, changed, escalated to the versnellingstafel with a
 * reason, resolved with a date and how. SPEC §2 "Knelpunt" (`001 § 1.1, 10, 11, 18`, `004`); SPEC §1: the table
 * looks at what is escalated to it.
 */
import { addMonthsIso, type IsoDate } from './dates.ts';
import type { Issue } from './errors.ts';
import { formatDatum } from './format-nl.ts';
import type { Knelpunt } from './project.ts';
import { POLICY } from './policy.ts';

/** A knelpunt cannot be resolved before it was raised, and a resolution date needs a resolution text. */
export function checkKnelpunt(k: Pick<Knelpunt, 'raisedDate' | 'resolvedDate' | 'resolution'>): Issue[] {
  const errors: Issue[] = [];
  if (k.resolvedDate && k.resolvedDate < k.raisedDate) {
    errors.push({
      path: 'resolvedDate',
      code: 'date_order',
      message: `De datum van oplossen (${formatDatum(k.resolvedDate)}) ligt vóór de datum van melden (${formatDatum(k.raisedDate)}).`,
    });
  }
  if (k.resolvedDate && !k.resolution?.trim()) {
    errors.push({ path: 'resolution', code: 'required', message: 'Beschrijf hoe het knelpunt is opgelost.' });
  }
  return errors;
}

/** The escalation fields of a knelpunt (added by migration 0023; older escalations have neither). */
type Escalation = Pick<Knelpunt, 'escalated' | 'escalatedOn' | 'escalationReason' | 'resolvedDate' | 'raisedDate'>;

const ESCALATION_REASON_REQUIRED = 'Schrijf waarom de versnellingstafel dit knelpunt moet oppakken.';

/**
 * A change from `before` (null: a new knelpunt) to `after`, as the PATCH and POST of a knelpunt make it. Escalating
 * (not escalated → escalated) needs a reason and cannot be done on a resolved knelpunt; the reason goes with the
 * escalation only. Dates and the resolution are checked by checkKnelpunt and the plausibility rules.
 */
export function checkKnelpuntChange(before: Escalation | null, after: Escalation, reasonPath = 'escalationReason'): Issue[] {
  const issues: Issue[] = [];
  const escalating = after.escalated && !before?.escalated;
  if (escalating && after.resolvedDate) {
    issues.push({
      path: 'escalated',
      code: 'resolved',
      message: 'Een opgelost knelpunt kan niet naar de tafel. Speelt het weer? Meld dan een nieuw knelpunt.',
    });
  }
  if (after.escalated && !after.escalationReason?.trim() && (escalating || before?.escalationReason)) {
    // A new escalation needs a reason; an escalation with a reason keeps one. An escalation from before the
    // reason existed (migration 0023) may stay without.
    issues.push({ path: reasonPath, code: 'required', message: ESCALATION_REASON_REQUIRED });
  }
  if (!after.escalated && after.escalationReason?.trim()) {
    issues.push({ path: reasonPath, code: 'not_escalated', message: 'Een reden voor de tafel hoort alleen bij een geëscaleerd knelpunt.' });
  }
  return issues;
}

export type Outcome = { ok: true; knelpunt: Knelpunt } | { ok: false; issues: Issue[] };

/**
 * Escalate to the versnellingstafel ("Escaleren naar de tafel"): with a reason, on `today`, only while open and not
 * yet escalated. Errors name the field of POST …/escalate (`reason`).
 */
export function escalateKnelpunt(k: Knelpunt, reason: string, today: IsoDate): Outcome {
  if (k.escalated) {
    const when = k.escalatedOn ? ` op ${formatDatum(k.escalatedOn)}` : '';
    return { ok: false, issues: [{ path: 'escalated', code: 'already_escalated', message: `Dit knelpunt is al${when} naar de tafel geëscaleerd.` }] };
  }
  const next: Knelpunt = { ...k, escalated: true, escalatedOn: today, escalationReason: reason.trim() || null };
  const issues = checkKnelpuntChange(k, next, 'reason');
  return issues.length > 0 ? { ok: false, issues } : { ok: true, knelpunt: next };
}

/**
 * Resolve ("Oplossen"): a date (not before the knelpunt was raised, not after `today`) and how it was resolved.
 * An escalated knelpunt stays marked as escalated: the table sees it was solved.
 */
export function resolveKnelpunt(k: Knelpunt, resolution: { resolvedDate: IsoDate | null; resolution: string }, today: IsoDate): Outcome {
  if (k.resolvedDate) {
    return {
      ok: false,
      issues: [{ path: 'resolvedDate', code: 'already_resolved', message: `Dit knelpunt is al opgelost op ${formatDatum(k.resolvedDate)}.` }],
    };
  }
  const issues: Issue[] = [];
  const date = resolution.resolvedDate;
  if (!date) issues.push({ path: 'resolvedDate', code: 'required', message: 'Vul de datum in waarop het knelpunt is opgelost.' });
  else if (date > today) {
    issues.push({ path: 'resolvedDate', code: 'date_in_future', message: `De datum van oplossen (${formatDatum(date)}) ligt in de toekomst.` });
  }
  const next: Knelpunt = { ...k, resolvedDate: date, resolution: resolution.resolution.trim() || null };
  if (!next.resolution) issues.push({ path: 'resolution', code: 'required', message: 'Beschrijf hoe het knelpunt is opgelost.' });
  if (date) issues.push(...checkKnelpunt(next).filter((i) => i.path !== 'resolution'));
  return issues.length > 0 ? { ok: false, issues } : { ok: true, knelpunt: next };
}

/**
 * Each step of a knelpunt as its own act in the project's history (audit trail): added, changed, escalated to the
 * table, resolved, reopened, no longer escalated, deleted. `before`/`after` null: the knelpunt did not / no longer exists.
 */
export function knelpuntStep(
  before: Pick<Knelpunt, 'escalated' | 'resolvedDate'> | null,
  after: Pick<Knelpunt, 'escalated' | 'resolvedDate'> | null,
): string {
  if (!before) return 'knelpunt toegevoegd';
  if (!after) return 'knelpunt verwijderd';
  if (!before.resolvedDate && after.resolvedDate) return 'knelpunt opgelost';
  if (!before.escalated && after.escalated) return 'knelpunt geëscaleerd naar de tafel';
  if (before.resolvedDate && !after.resolvedDate) return 'knelpunt weer geopend';
  if (before.escalated && !after.escalated) return 'knelpunt niet langer geëscaleerd naar de tafel';
  return 'knelpunt gewijzigd';
}

/** Not escalated: no date and no reason (they belong to an escalation). */
export function withoutEscalation<K extends Pick<Knelpunt, 'escalated' | 'escalatedOn' | 'escalationReason'>>(k: K): K {
  return k.escalated ? k : { ...k, escalatedOn: null, escalationReason: null };
}

/**
 * Since when an escalation counts as new on the Tafeloverzicht: the day the table's open quarterly round opened, or
 * without an open round the last POLICY.knelpunten.newEscalationMonths months (design). SPEC §2 "Quarterly round": the
 * table meets once a quarter, so a new escalation is one the table has not yet had in a round.
 */
export function newEscalationsSince(openRoundOpenedOn: IsoDate | null, today: IsoDate): { since: IsoDate; basis: 'round' | 'months' } {
  if (openRoundOpenedOn) return { since: openRoundOpenedOn, basis: 'round' };
  return { since: addMonthsIso(today, -POLICY.knelpunten.newEscalationMonths), basis: 'months' };
}
