/**
 * The quarterly round (kwartaalronde) of a versnellingstafel: opening rules and who has delivered.
 * SPEC §2 "Quarterly round": "a quarter opens, each party updates, the table meets, the quarter closes
 * and is frozen as a snapshot; the system shows who has delivered". Seed: `001 § Afspraak 3B` ("De PPM
 * wordt elk kwartaal geüpdatet"; the landelijke tafel reports on "het leveren van de informatie daarvoor
 * door alle partijen").
 */
import type { RegionKind } from './codes.ts';
import type { IsoDate } from './dates.ts';
import { isIsoDate } from './dates.ts';
import type { Issue } from './errors.ts';
import { formatDatum } from './format-nl.ts';
import { addKwartalen, isKwartaal, kwartaalEnd, kwartaalLabel, kwartaalStart, type Kwartaal } from './kwartaal.ts';
import { checkPlausibleDate } from './plausibility.ts';
import { POLICY } from './policy.ts';

export type RoundStatus = 'open' | 'gesloten';

export interface Round {
  id: string;
  regionId: string;
  quarter: Kwartaal;
  /** Date by which parties are asked to have updated their projects. */
  deadline: IsoDate;
  openedAt: string;
  closedAt: string | null;
}

export function roundStatus(round: Pick<Round, 'closedAt'>): RoundStatus {
  return round.closedAt ? 'gesloten' : 'open';
}

export interface OpenRoundRequest {
  quarter: string;
  deadline: string;
}

/**
 * Check a request to open a quarter for a region, given the region's existing rounds.
 * - only a versnellingstafel runs rounds (SPEC §1: the PPM is used at the versnellingstafel);
 * - one round per quarter, and at most one open round per region;
 * - (design) quarters open in order: a quarter opens only when every earlier round of the region is
 *   closed and it is later than all of them. Skipping a quarter is allowed (a table may not meet).
 * - (design) the deadline lies between the first day of the quarter and the end of the next quarter.
 */
export function checkOpenRound(
  request: OpenRoundRequest,
  region: { kind: RegionKind; name: string; endedOn?: string | null },
  existing: readonly Pick<Round, 'quarter' | 'closedAt'>[],
): Issue[] {
  const issues: Issue[] = [];
  // A table that has stopped keeps its history but opens no new round (issue 11 item 1).
  if (region.endedOn) {
    issues.push({
      path: 'regionId',
      code: 'table_ended',
      message: `${region.name} is gestopt op ${region.endedOn}; voor een gestopte tafel kan geen nieuwe kwartaalronde worden geopend.`,
    });
  }
  if (region.kind !== 'versnellingstafel') {
    issues.push({
      path: 'regionId',
      code: 'not_versnellingstafel',
      message: `${region.name} is geen versnellingstafel; een kwartaalronde hoort bij een versnellingstafel.`,
    });
  }
  if (!isKwartaal(request.quarter)) {
    issues.push({
      path: 'quarter',
      code: 'invalid_quarter',
      message: `'${request.quarter}' is geen kwartaal; gebruik JJJJ-Qn, bijvoorbeeld 2026-Q4.`,
    });
    return issues;
  }
  const quarter = request.quarter;
  const open = existing.find((r) => !r.closedAt);
  const latest = existing.reduce<Kwartaal | null>((max, r) => (max === null || r.quarter > max ? r.quarter : max), null);
  if (existing.some((r) => r.quarter === quarter)) {
    issues.push({
      path: 'quarter',
      code: 'duplicate',
      message: `Voor het ${kwartaalLabel(quarter)} is al een kwartaalronde geopend bij deze tafel.`,
    });
  } else if (open) {
    issues.push({
      path: 'quarter',
      code: 'previous_round_open',
      message: `De ronde van het ${kwartaalLabel(open.quarter)} is nog open. Sluit die eerst; daarna kan het ${kwartaalLabel(quarter)} open.`,
    });
  } else if (latest && quarter < latest) {
    issues.push({
      path: 'quarter',
      code: 'quarter_order',
      message: `Het ${kwartaalLabel(quarter)} ligt vóór het ${kwartaalLabel(latest)}, de laatste ronde van deze tafel. Kies een kwartaal na het ${kwartaalLabel(latest)}.`,
    });
  }
  // Issue 8: a quarter and a deadline are planned dates, within POLICY.plausibleDates (reason there).
  const { earliest, latestPlanned } = POLICY.plausibleDates;
  if (kwartaalStart(quarter) < earliest || kwartaalStart(quarter) > latestPlanned) {
    issues.push({
      path: 'quarter',
      code: 'date_too_late',
      message: `Het ${kwartaalLabel(quarter)} ligt buiten de jaren ${earliest.slice(0, 4)}–${latestPlanned.slice(0, 4)} die de monitor aanneemt. Controleer het jaartal.`,
    });
    return issues;
  }
  const implausibleDeadline = checkPlausibleDate('deadline', 'De deadline', request.deadline, 'planned', kwartaalStart(quarter));
  if (!isIsoDate(request.deadline)) {
    issues.push({ path: 'deadline', code: 'invalid_date', message: `'${request.deadline}' is geen geldige datum (JJJJ-MM-DD).` });
  } else if (implausibleDeadline) {
    issues.push(implausibleDeadline);
  } else if (request.deadline < kwartaalStart(quarter)) {
    issues.push({
      path: 'deadline',
      code: 'deadline_before_quarter',
      message: `De deadline (${formatDatum(request.deadline)}) ligt vóór het begin van het ${kwartaalLabel(quarter)} (${formatDatum(kwartaalStart(quarter))}).`,
    });
  } else if (request.deadline > kwartaalEnd(addKwartalen(quarter, 1))) {
    issues.push({
      path: 'deadline',
      code: 'deadline_too_late',
      message: `De deadline (${formatDatum(request.deadline)}) ligt na het einde van het kwartaal daarna (${formatDatum(kwartaalEnd(addKwartalen(quarter, 1)))}).`,
    });
  }
  return issues;
}

/** How a party delivered its side of a project in a round: changed since the round opened, or confirmed unchanged. */
export type DeliveryVia = 'gewijzigd' | 'bevestigd';

/**
 * The side of a project a party answers for in the round (SPEC §2 milestone table, "owner"): the
 * gemeente for the public side, each market party for the private side of the projects it is party to.
 */
export type DeliverySide = 'publiek' | 'privaat';

export function deliverySideOf(organisationType: string): DeliverySide {
  return organisationType === 'gemeente' ? 'publiek' : 'privaat';
}

/** One party's delivery for its side of one project. */
export interface PartyDelivery {
  organisationId: string;
  side: DeliverySide;
  /** How the party delivered (null: not yet). An edit counts first: it shows the project was actually looked at. */
  via: DeliveryVia | null;
  /** When: the latest edit by the party, or the confirmation. */
  at: string | null;
  /** Recorded by the table's secretary on behalf of the party (an explicit, audited act), with who and why. */
  onBehalf: { by: string; reason: string } | null;
}

export interface DeliveryFacts {
  projectId: string;
  /** Every party that answers for a side of the project, each with its own delivery. */
  parties: readonly PartyDelivery[];
}

/**
 * A party's delivery from what it did: an edit of the project by the party since the round opened, or
 * a confirmation recorded for it (SPEC §2 "Quarterly round": each party updates; keep the round
 * light — confirming costs one action).
 */
export function partyDelivery(f: { editedAt: string | null; confirmedAt: string | null }): { via: DeliveryVia | null; at: string | null } {
  if (f.editedAt) return { via: 'gewijzigd', at: f.editedAt };
  if (f.confirmedAt) return { via: 'bevestigd', at: f.confirmedAt };
  return { via: null, at: null };
}

/**
 * A project is delivered when every party has delivered its side; 'gewijzigd' when at least one of
 * them changed it, else 'bevestigd'. A project without any party is never delivered (nobody answers for it).
 */
export function projectDelivery(f: Pick<DeliveryFacts, 'parties'>): DeliveryVia | null {
  if (f.parties.length === 0 || f.parties.some((p) => p.via === null)) return null;
  return f.parties.some((p) => p.via === 'gewijzigd') ? 'gewijzigd' : 'bevestigd';
}

export interface OrganisationDelivery {
  organisationId: string;
  /** Projects of the region the organisation answers for a side of. */
  total: number;
  /** Of those, the projects where it delivered its own side. */
  delivered: number;
  outstanding: number;
  /** Of the delivered ones, recorded on its behalf by the secretary. */
  onBehalf: number;
  /** Projects still to update or confirm, in input order. */
  outstandingProjectIds: string[];
}

export interface DeliveryRollup {
  total: number;
  delivered: number;
  changed: number;
  confirmed: number;
  outstanding: number;
  /** Projects without any party: nobody gets a reminder for them. */
  withoutParty: number;
  /** Outstanding first (most first), then by name (or id when no name is known). */
  organisations: OrganisationDelivery[];
}

/**
 * Roll delivery up per organisation: each counts only its own side of its own projects, so one
 * party's confirmation never counts for another (issue: "17 of 25 delivered" for a party that did nothing).
 */
export function rollupDelivery(facts: readonly DeliveryFacts[], names: ReadonlyMap<string, string> = new Map()): DeliveryRollup {
  const byOrganisation = new Map<string, OrganisationDelivery>();
  let changed = 0;
  let confirmed = 0;
  let withoutParty = 0;
  for (const f of facts) {
    const via = projectDelivery(f);
    if (via === 'gewijzigd') changed += 1;
    if (via === 'bevestigd') confirmed += 1;
    if (f.parties.length === 0) withoutParty += 1;
    const seen = new Set<string>();
    for (const party of f.parties) {
      if (seen.has(party.organisationId)) continue;
      seen.add(party.organisationId);
      let o = byOrganisation.get(party.organisationId);
      if (!o) {
        o = { organisationId: party.organisationId, total: 0, delivered: 0, outstanding: 0, onBehalf: 0, outstandingProjectIds: [] };
        byOrganisation.set(party.organisationId, o);
      }
      o.total += 1;
      if (party.via) {
        o.delivered += 1;
        if (party.onBehalf) o.onBehalf += 1;
      } else {
        o.outstanding += 1;
        o.outstandingProjectIds.push(f.projectId);
      }
    }
  }
  const nameOf = (id: string) => names.get(id) ?? id;
  const organisations = [...byOrganisation.values()].sort(
    (a, b) =>
      b.outstanding - a.outstanding ||
      nameOf(a.organisationId).localeCompare(nameOf(b.organisationId), 'nl') ||
      a.organisationId.localeCompare(b.organisationId),
  );
  const delivered = changed + confirmed;
  return { total: facts.length, delivered, changed, confirmed, outstanding: facts.length - delivered, withoutParty, organisations };
}

/** Organisations that have not delivered all their projects: the mailing list for a reminder. */
export function remindersOf(rollup: DeliveryRollup): OrganisationDelivery[] {
  return rollup.organisations.filter((o) => o.outstanding > 0);
}

/** The projects an organisation confirms in one action: those where its own side is not yet delivered. */
export function projectsToConfirmFor(facts: readonly DeliveryFacts[], organisationId: string): string[] {
  return facts.filter((f) => f.parties.some((p) => p.organisationId === organisationId && p.via === null)).map((f) => f.projectId);
}

/** The side an organisation answers for in a project, or null when it is not one of its parties. */
export function sideOf(facts: Pick<DeliveryFacts, 'parties'>, organisationId: string): DeliverySide | null {
  return facts.parties.find((p) => p.organisationId === organisationId)?.side ?? null;
}

export interface ProjectMembership {
  name: string;
  gemeenteName: string;
  /** The project's gemeente belongs to the round's region. */
  inRegion: boolean;
  /** The caller may see the project (SPEC §7): otherwise it is answered as if it did not exist. */
  readable: boolean;
}

/**
 * Every project id to confirm must exist, be visible to the caller and lie in the round's region;
 * issues name `projectIds[i]`. A project the caller may not see gets exactly the answer of an unknown
 * id, so neither its name nor its existence leaks (SPEC §7).
 */
export function checkConfirmProjectIds(projectIds: readonly string[], known: ReadonlyMap<string, ProjectMembership>, regionName: string): Issue[] {
  const issues: Issue[] = [];
  projectIds.forEach((id, i) => {
    const p = known.get(id);
    if (!p || !p.readable) {
      issues.push({ path: `projectIds[${i}]`, code: 'unknown_project', message: `Project '${id}' is niet gevonden.` });
    } else if (!p.inRegion) {
      issues.push({
        path: `projectIds[${i}]`,
        code: 'outside_region',
        message: `Project '${p.name}' ligt in ${p.gemeenteName} en hoort niet bij ${regionName}.`,
      });
    }
  });
  return issues;
}
