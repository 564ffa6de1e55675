/**
 * Quarters for the round UI (pure): which quarter can be opened next, a sensible default deadline, and
 * the reminder list as text to paste into a mail. Quarter arithmetic comes from the domain
 * (src/domain/kwartaal.ts), so the UI and the server count the same way.
 */
import { addKwartalen, isKwartaal, kwartaalEnd, kwartaalLabel, kwartaalStart, quarterOf, type Kwartaal } from '../../../../src/domain/kwartaal.ts';
import { ownedBySide } from '../../../../src/domain/forecast-expired.ts';
import type { ProjectDelivery, Reminder, RoundSummary } from '../../api/types.ts';

export { kwartaalEnd, kwartaalStart };

/** `2026-Q4` → "4e kwartaal 2026"; anything else as it is. */
export function quarterLabel(quarter: string): string {
  return isKwartaal(quarter) ? kwartaalLabel(quarter) : quarter;
}

/**
 * Quarters that may be opened now: from the previous quarter up to two ahead of today, later than
 * every round the table already had (quarters open in order; skipping one is allowed).
 */
export function openableQuarters(today: string, rounds: readonly Pick<RoundSummary, 'quarter'>[]): Kwartaal[] {
  const current = quarterOf(today);
  const latest = rounds.reduce<string | null>((max, r) => (max === null || r.quarter > max ? r.quarter : max), null);
  const options: Kwartaal[] = [];
  for (let n = -1; n <= 2; n++) {
    const q = addKwartalen(current, n);
    if (latest === null || q > latest) options.push(q);
  }
  if (options.length === 0 && latest && isKwartaal(latest)) options.push(addKwartalen(latest, 1));
  return options;
}

/** The quarter to propose: the current one if it can open, else the first that can. */
export function proposedQuarter(today: string, options: readonly Kwartaal[]): Kwartaal | undefined {
  const current = quarterOf(today);
  return options.includes(current) ? current : options[0];
}

/** Default deadline: the 15th of the month after the quarter (parties report on the quarter just ended). */
export function defaultDeadline(quarter: string): string {
  if (!isKwartaal(quarter)) return '';
  const end = kwartaalEnd(quarter);
  const [y = 0, m = 0] = end.split('-').map(Number);
  const year = m === 12 ? y + 1 : y;
  const month = m === 12 ? 1 : m + 1;
  return `${year}-${String(month).padStart(2, '0')}-15`;
}

/** The reminder list as plain text: organisation, how many of its projects are missing, and which. */
export function remindersText(quarter: string, deadline: string, items: readonly Reminder[]): string {
  const lines = [`Herinnering kwartaalronde ${quarterLabel(quarter)} – graag bijwerken of bevestigen vóór ${deadline}`, ''];
  for (const o of items) {
    lines.push(`${o.name}: ${o.outstanding} van ${o.total} projecten nog niet geleverd`);
    for (const p of o.projects) lines.push(`  - ${p.name} (${p.gemeenteName})`);
    lines.push('');
  }
  return lines.join('\n').trimEnd();
}

/** A confirmation of several projects at once by (or on behalf of) one organisation. */
export interface ConfirmationBatch {
  batchId: string;
  count: number;
  /** When the latest of its confirmations was recorded. */
  at: string;
}

/**
 * Per organisation, its latest confirmation of several projects at once (one batch), so it can still be
 * undone in one step after the page was left, until the quarter closes (issue 8 item 17). A batch of one
 * project is undone on its own row.
 */
export function latestBatches(projects: readonly Pick<ProjectDelivery, 'parties'>[]): Map<string, ConfirmationBatch> {
  const batches = new Map<string, { organisationId: string; count: number; at: string }>();
  for (const p of projects) {
    for (const x of p.parties) {
      if (x.via !== 'bevestigd' || !x.batchId) continue;
      const b = batches.get(x.batchId) ?? { organisationId: x.organisationId, count: 0, at: '' };
      b.count += 1;
      if (x.at && x.at > b.at) b.at = x.at;
      batches.set(x.batchId, b);
    }
  }
  const latest = new Map<string, ConfirmationBatch>();
  for (const [batchId, b] of batches) {
    if (b.count < 2) continue;
    const now = latest.get(b.organisationId);
    if (!now || b.at > now.at) latest.set(b.organisationId, { batchId, count: b.count, at: b.at });
  }
  return latest;
}

/**
 * Per organisation: how many of its outstanding projects it can confirm unchanged now, and how many wait
 * for a new forecast first (a milestone of its side whose forecast passed: src/domain/forecast-expired.ts),
 * so the button does not offer projects the confirmation will refuse.
 */
export function confirmableCounts(
  projects: readonly Pick<ProjectDelivery, 'parties' | 'expiredForecasts'>[],
): Map<string, { ready: number; blocked: number }> {
  const counts = new Map<string, { ready: number; blocked: number }>();
  for (const p of projects) {
    for (const x of p.parties) {
      if (x.via !== null) continue;
      const c = counts.get(x.organisationId) ?? { ready: 0, blocked: 0 };
      if (p.expiredForecasts.some((e) => ownedBySide(e.ownerSide, x.side))) c.blocked += 1;
      else c.ready += 1;
      counts.set(x.organisationId, c);
    }
  }
  return counts;
}
