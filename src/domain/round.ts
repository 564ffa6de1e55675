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
import { addKwartalen, isKwartaal, kwartaalEnd, kwartaalStart, type Kwartaal } from './kwartaal.ts';

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
  region: { kind: RegionKind; name: string },
  existing: readonly Pick<Round, 'quarter' | 'closedAt'>[],
): Issue[] {
  const issues: Issue[] = [];
  if (region.kind !== 'versnellingstafel') {
    issues.push({
      path: 'regionId',
      code: 'not_versnellingstafel',
      message: `${region.name} is geen versnellingstafel; een kwartaalronde hoort bij een versnellingstafel.`,
    });
  }
  if (!isKwartaal(request.quarter)) {
    issues.push({ path: 'quarter', code: 'invalid_quarter', message: `'${request.quarter}' is geen kwartaal; gebruik JJJJ-Qn, bijvoorbeeld 2026-Q4.` });
    return issues;
  }
  const quarter = request.quarter;
  const open = existing.find((r) => !r.closedAt);
  const latest = existing.reduce<Kwartaal | null>((max, r) => (max === null || r.quarter > max ? r.quarter : max), null);
  if (existing.some((r) => r.quarter === quarter)) {
    issues.push({ path: 'quarter', code: 'duplicate', message: `Voor ${quarter} is al een kwartaalronde geopend bij deze tafel.` });
  } else if (open) {
    issues.push({
      path: 'quarter',
      code: 'previous_round_open',
      message: `De ronde van ${open.quarter} is nog open. Sluit die eerst; daarna kan ${quarter} open.`,
    });
  } else if (latest && quarter < latest) {
    issues.push({
      path: 'quarter',
      code: 'quarter_order',
      message: `${quarter} ligt vóór ${latest}, de laatste ronde van deze tafel. Kies een kwartaal na ${latest}.`,
    });
  }
  if (!isIsoDate(request.deadline)) {
    issues.push({ path: 'deadline', code: 'invalid_date', message: `'${request.deadline}' is geen geldige datum (JJJJ-MM-DD).` });
  } else if (request.deadline < kwartaalStart(quarter)) {
    issues.push({
      path: 'deadline',
      code: 'deadline_before_quarter',
      message: `De deadline ${request.deadline} ligt vóór het begin van ${quarter} (${kwartaalStart(quarter)}).`,
    });
  } else if (request.deadline > kwartaalEnd(addKwartalen(quarter, 1))) {
    issues.push({
      path: 'deadline',
      code: 'deadline_too_late',
      message: `De deadline ${request.deadline} ligt na het einde van het kwartaal daarna (${kwartaalEnd(addKwartalen(quarter, 1))}).`,
    });
  }
  return issues;
}

/** How a project was delivered in a round: changed since the round opened, or confirmed unchanged. */
export type DeliveryVia = 'gewijzigd' | 'bevestigd';

export interface DeliveryFacts {
  projectId: string;
  /** The project was changed at or after the moment the round opened (projects.updated_at ≥ opened_at). */
  changedSinceOpened: boolean;
  /** A party confirmed in this round that the project is unchanged. */
  confirmed: boolean;
  /** Organisations that are a party to the project (any role). */
  organisationIds: readonly string[];
}

/**
 * A project is delivered when it was changed after the round opened or explicitly confirmed unchanged
 * (SPEC §2 "Quarterly round": keep the round light — confirming costs one action). A change counts
 * first: it shows the project was actually looked at.
 */
export function projectDelivery(f: Pick<DeliveryFacts, 'changedSinceOpened' | 'confirmed'>): DeliveryVia | null {
  if (f.changedSinceOpened) return 'gewijzigd';
  if (f.confirmed) return 'bevestigd';
  return null;
}

export interface OrganisationDelivery {
  organisationId: string;
  /** Projects of the region the organisation is a party to. */
  total: number;
  delivered: number;
  outstanding: number;
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
 * Roll delivery up per organisation: delivered / total projects for every party of the region's
 * projects. An organisation with several roles in one project counts that project once.
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
    const organisationIds = [...new Set(f.organisationIds)];
    if (organisationIds.length === 0) withoutParty += 1;
    for (const organisationId of organisationIds) {
      let o = byOrganisation.get(organisationId);
      if (!o) {
        o = { organisationId, total: 0, delivered: 0, outstanding: 0, outstandingProjectIds: [] };
        byOrganisation.set(organisationId, o);
      }
      o.total += 1;
      if (via) {
        o.delivered += 1;
      } else {
        o.outstanding += 1;
        o.outstandingProjectIds.push(f.projectId);
      }
    }
  }
  const nameOf = (id: string) => names.get(id) ?? id;
  const organisations = [...byOrganisation.values()].sort(
    (a, b) => b.outstanding - a.outstanding || nameOf(a.organisationId).localeCompare(nameOf(b.organisationId), 'nl') || a.organisationId.localeCompare(b.organisationId),
  );
  const delivered = changed + confirmed;
  return { total: facts.length, delivered, changed, confirmed, outstanding: facts.length - delivered, withoutParty, organisations };
}

/** Organisations that have not delivered all their projects: the mailing list for a reminder. */
export function remindersOf(rollup: DeliveryRollup): OrganisationDelivery[] {
  return rollup.organisations.filter((o) => o.outstanding > 0);
}

/** The projects an organisation confirms in one action: those it is party to that are not yet delivered. */
export function projectsToConfirmFor(facts: readonly DeliveryFacts[], organisationId: string): string[] {
  return facts.filter((f) => f.organisationIds.includes(organisationId) && projectDelivery(f) === null).map((f) => f.projectId);
}

export interface ProjectMembership {
  name: string;
  gemeenteName: string;
  /** The project's gemeente belongs to the round's region. */
  inRegion: boolean;
}

/** Every project id to confirm must exist and lie in the round's region; issues name `projectIds[i]`. */
export function checkConfirmProjectIds(
  projectIds: readonly string[],
  known: ReadonlyMap<string, ProjectMembership>,
  regionName: string,
): Issue[] {
  const issues: Issue[] = [];
  projectIds.forEach((id, i) => {
    const p = known.get(id);
    if (!p) {
      issues.push({ path: `projectIds[${i}]`, code: 'unknown_project', message: `Project '${id}' bestaat niet.` });
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
