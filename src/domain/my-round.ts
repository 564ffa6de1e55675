/**
 * "Mijn kwartaalronde": one party's own work in the open quarterly rounds of its tables — per project
 * its side's state (te doen, bijgewerkt, bevestigd) and what needs attention (let op). SPEC §2
 * "Quarterly round": "a quarter opens, each party updates … the system shows who has delivered"; keep
 * the round light ("vraagt een inspanning van gemeenten, marktpartijen en corporaties", `004`). Seed:
 * `001 § Afspraak 3B` (parties bring their plan lists and update them each quarter).
 */
import { differenceInCalendarDays, format, parseISO } from 'date-fns';
import { nl } from 'date-fns/locale/nl';
import type { IsoDate } from './dates.ts';
import { milestoneDelay, type DelaySeverity, type DelayTolerance, DEFAULT_TOLERANCE } from './delay.ts';
import { expiredForecasts, ownedBySide, type ExpiredForecast, type MilestoneDates } from './forecast-expired.ts';
import type { Milestone } from './project.ts';
import { partyDelivery, type DeliverySide, type DeliveryVia } from './round.ts';

/**
 * A party's state for its own side of one project in an open round: still to do, updated (the party
 * edited the project since the round opened), or confirmed unchanged. An edit counts first, as in
 * src/domain/round.ts partyDelivery.
 */
export const MY_ROUND_STATES = ['te_doen', 'bijgewerkt', 'bevestigd'] as const;
export type MyRoundState = (typeof MY_ROUND_STATES)[number];

export function myRoundState(via: DeliveryVia | null): MyRoundState {
  if (via === 'gewijzigd') return 'bijgewerkt';
  if (via === 'bevestigd') return 'bevestigd';
  return 'te_doen';
}

/** What needs a party's attention in a project ("let op"). */
export interface MyRoundAttention {
  /** The side's own (and shared) milestones whose forecast has passed without an actual date: the project cannot be confirmed unchanged. */
  expiredForecasts: ExpiredForecast[];
  /** The worst delay of a milestone still to come, against its baseline (as the project status counts it, src/domain/status.ts). */
  delay: DelaySeverity;
  /** Knelpunten not yet resolved. */
  openKnelpunten: number;
}

/** The facts of one project the caller's side answers for. */
export interface MyRoundProjectFacts {
  milestones: readonly (MilestoneDates & Pick<Milestone, 'baselineDate'>)[];
  openKnelpunten: number;
  /** The latest edit by the caller's organisation since the round opened, or null. */
  editedAt: string | null;
  /** The confirmation recorded for the caller's organisation in this round, or null. */
  confirmedAt: string | null;
}

/**
 * The worst delay of the milestones still to come (no actual date): a milestone achieved late is
 * history, as in the project status (src/domain/status.ts). SPEC §2 "Phases and milestones".
 */
export function worstPendingDelay(
  milestones: readonly Pick<Milestone, 'baselineDate' | 'forecastDate' | 'actualDate'>[],
  tolerance: DelayTolerance = DEFAULT_TOLERANCE,
): DelaySeverity {
  let worst: DelaySeverity = 'geen';
  for (const m of milestones) {
    if (m.actualDate) continue;
    const { severity } = milestoneDelay(m, tolerance);
    if (severity === 'ernstig') return 'ernstig';
    if (severity === 'vertraagd') worst = 'vertraagd';
  }
  return worst;
}

/** State and attention of one project for the caller's side, as of `today`. */
export function myRoundProject(
  facts: MyRoundProjectFacts,
  side: DeliverySide,
  today: IsoDate,
): { state: MyRoundState; deliveredAt: string | null; attention: MyRoundAttention } {
  const delivery = partyDelivery({ editedAt: facts.editedAt, confirmedAt: facts.confirmedAt });
  return {
    state: myRoundState(delivery.via),
    deliveredAt: delivery.at,
    attention: {
      expiredForecasts: expiredForecasts(facts.milestones, today).filter((m) => ownedBySide(m.ownerSide, side)),
      delay: worstPendingDelay(facts.milestones),
      openKnelpunten: facts.openKnelpunten,
    },
  };
}

/** Does the project need attention (any "let op" fact)? */
export function needsAttention(a: MyRoundAttention): boolean {
  return a.expiredForecasts.length > 0 || a.delay !== 'geen' || a.openKnelpunten > 0;
}

export interface MyRoundCounts {
  total: number;
  teDoen: number;
  bijgewerkt: number;
  bevestigd: number;
  /** Projects with at least one "let op" fact. */
  letOp: number;
}

export function countMyRound(projects: readonly { state: MyRoundState; attention: MyRoundAttention }[]): MyRoundCounts {
  const counts: MyRoundCounts = { total: projects.length, teDoen: 0, bijgewerkt: 0, bevestigd: 0, letOp: 0 };
  for (const p of projects) {
    if (p.state === 'te_doen') counts.teDoen += 1;
    else if (p.state === 'bijgewerkt') counts.bijgewerkt += 1;
    else counts.bevestigd += 1;
    if (needsAttention(p.attention)) counts.letOp += 1;
  }
  return counts;
}

/** The order of the list: what is still to do first, then updated, then confirmed; within each by name. */
export function compareMyRoundProjects(
  a: { state: MyRoundState; name: string; id: string },
  b: { state: MyRoundState; name: string; id: string },
): number {
  return MY_ROUND_STATES.indexOf(a.state) - MY_ROUND_STATES.indexOf(b.state) || a.name.localeCompare(b.name, 'nl') || a.id.localeCompare(b.id);
}

/** Whole days from `today` to the deadline: 0 on the day itself, negative once it has passed. */
export function daysUntilDeadline(deadline: IsoDate, today: IsoDate): number {
  return differenceInCalendarDays(parseISO(deadline), parseISO(today));
}

/**
 * The deadline in words: "Lever uiterlijk vrijdag 15 januari 2027 — nog 12 dagen"; on the day itself
 * "vandaag is de laatste dag"; once passed "de deadline was … (3 dagen geleden)".
 */
export function deadlineInWords(deadline: IsoDate, daysLeft: number): string {
  const day = format(parseISO(deadline), 'EEEE d MMMM yyyy', { locale: nl });
  if (daysLeft > 1) return `Lever uiterlijk ${day} — nog ${daysLeft} dagen`;
  if (daysLeft === 1) return `Lever uiterlijk ${day} — nog 1 dag`;
  if (daysLeft === 0) return `Lever uiterlijk ${day} — vandaag is de laatste dag`;
  const ago = -daysLeft;
  return `De deadline was ${day} (${ago} ${ago === 1 ? 'dag' : 'dagen'} geleden); lever zo snel mogelijk`;
}
