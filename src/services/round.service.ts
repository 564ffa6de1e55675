/**
 * Use cases of the quarterly round (kwartaalronde) of a versnellingstafel: open a quarter, see who has
 * delivered, confirm unchanged projects, remind, close and freeze, look back "as of" a closed quarter,
 * and explain what changed since. SPEC §2 "Quarterly round"; `001 § Afspraak 3B`.
 */
import { randomUUID } from 'node:crypto';
import type { OrganisationType } from '../domain/codes.ts';
import { ConflictError, NotFoundError, ValidationError } from '../domain/errors.ts';
import { formatDatum } from '../domain/format-nl.ts';
import { kwartaalEnd, kwartaalLabel, type Kwartaal } from '../domain/kwartaal.ts';
import { attachDelayReasons } from '../domain/delay-reason.ts';
import type { DelayReasonRepository } from '../storage/delay-reason.repository.ts';
import { attachBaselineReasons, diffProject, type DiffableProject, type ProjectChange } from '../domain/project-diff.ts';
import type { Project } from '../domain/project.ts';
import { deriveProject } from '../domain/derive.ts';
import {
  checkConfirmProjectIds,
  checkOpenRound,
  deliverySideOf,
  partyDelivery,
  projectDelivery,
  projectsToConfirmFor,
  remindersOf,
  rollupDelivery,
  roundStatus,
  sideOf,
  type DeliveryFacts,
  type DeliverySide,
  type DeliveryVia,
  type OpenRoundRequest,
  type PartyDelivery,
  type ProjectMembership,
  type RoundStatus,
} from '../domain/round.ts';
import { checkConfirmUnchanged, expiredForecasts, type ExpiredForecast } from '../domain/forecast-expired.ts';
import { gemeenteOrganisationId } from '../domain/identifiers.ts';
import { MIN_REASON_LENGTH } from '../domain/baseline.ts';
import type { Issue } from '../domain/errors.ts';
import {
  canReadProject,
  canRunRound,
  canUndoConfirmation,
  deliveringOrganisation,
  isOwnRoundProject,
  memberPartyOrganisation,
  PARTY_ROLES,
  requireMayConfirmFor,
  requireMayRunRound,
  requireRoundOverview,
  requireRoundVisibility,
  requireTableAgenda,
  syntheticDataOnly,
  type Principal,
} from '../domain/access.ts';
import type { Actor } from '../domain/audit.ts';
import type { AuditRepository } from '../storage/audit.repository.ts';
import type { BaselineHistoryRepository } from '../storage/baseline.repository.ts';
import type { GeographyRepository } from '../storage/geography.repository.ts';
import type { AccessGuard } from './access.service.ts';
import type { Db, Queryable } from '../storage/db.ts';
import type { KnelpuntRepository, ProjectRepository, ProjectSummary } from '../storage/project.repository.ts';
import type { DeliveryFactsRow, RoundRecord, RoundRepository, SnapshotFilter, SnapshotSortKey } from '../storage/round.repository.ts';
import { projectView, type ProjectView } from './project.service.ts';
import { todayInNetherlands } from './today.ts';

export interface RoundSummary {
  id: string;
  regionId: string;
  regionName: string;
  quarter: Kwartaal;
  deadline: string;
  status: RoundStatus;
  openedAt: string;
  closedAt: string | null;
  /** Projects frozen at close (null while open). */
  projectCount: number | null;
}

/** One party's delivery of its side of a project, as the round shows it. */
export type PartyDeliveryStatus = Omit<PartyDelivery, 'at'> & { at: string | null; batchId: string | null };

export interface ProjectDeliveryStatus {
  projectId: string;
  name: string;
  gemeenteCode: string;
  gemeenteName: string;
  /** Every party has delivered its side. */
  delivered: boolean;
  via: DeliveryVia | null;
  updatedAt: string;
  /** Latest confirmation of any party (null when none). */
  confirmedAt: string | null;
  /** Organisations that answer for a side of the project: its gemeente and every party. */
  organisationIds: string[];
  parties: PartyDeliveryStatus[];
  /** Milestones whose forecast has passed without an actual date (as of today; of a closed round: as of its close). */
  expiredForecasts: ExpiredForecast[];
}

export interface OrganisationDeliveryStatus {
  organisationId: string;
  name: string;
  type: OrganisationType | null;
  total: number;
  delivered: number;
  outstanding: number;
  /** Of the delivered ones, recorded on the organisation's behalf by the secretary. */
  onBehalf: number;
}

export interface RoundDetail extends RoundSummary {
  delivery: { total: number; delivered: number; changed: number; confirmed: number; outstanding: number; withoutParty: number };
  projects: ProjectDeliveryStatus[];
  organisations: OrganisationDeliveryStatus[];
}

export interface Reminder extends OrganisationDeliveryStatus {
  projects: Array<{ id: string; name: string; gemeenteCode: string; gemeenteName: string }>;
}

export interface ConfirmRequest {
  /** Projects to confirm; without them, every project where the organisation's side is not yet delivered. */
  projectIds?: string[];
  /** The party whose side is confirmed; default: the caller's own organisation. */
  organisationId?: string;
  /** Required when the secretary records the delivery on behalf of a party. */
  reason?: string;
}

export interface ConfirmPlan {
  organisationId: string;
  organisationName: string;
  /** Recorded by the secretary on behalf of the party. */
  onBehalf: boolean;
  /** What will be confirmed. */
  projects: Array<{ projectId: string; name: string; gemeenteName: string }>;
  /** Left out of a bulk confirmation: an expired forecast must be updated first. */
  refused: Array<{ projectId: string; name: string; gemeenteName: string; message: string }>;
}

export type UndoRequest = { batchId: string } | { projectId: string; organisationId: string };

/** A frozen project view: the project view of the moment the round closed, plus its gemeente name. */
export type SnapshotView = ProjectView & { gemeenteName: string };

export interface RoundServiceDeps {
  db: Db;
  rounds: RoundRepository;
  projects: ProjectRepository;
  knelpunten: KnelpuntRepository;
  baselineHistory: BaselineHistoryRepository;
  delayReasons: DelayReasonRepository;
  geography: GeographyRepository;
  access: AccessGuard;
  audit: AuditRepository;
  /** Today's date (YYYY-MM-DD) for expired forecasts; default: the clock, in the Netherlands. */
  today?: () => string;
}

/** Large enough to read every project of a region in one list query. */
const ALL = 1_000_000;

function summary(round: RoundRecord): RoundSummary {
  return { ...round, status: roundStatus(round) };
}

function closedError(round: RoundRecord): ConflictError {
  return new ConflictError(
    `De kwartaalronde ${round.quarter} van ${round.regionName} is gesloten op ${formatDatum(round.closedAt!.slice(0, 10))}. ` +
      'Een gesloten ronde verandert niet meer; wijzigingen horen in de volgende ronde.',
  );
}

export function createRoundService(deps: RoundServiceDeps) {
  const { db, rounds, projects, knelpunten, baselineHistory, delayReasons, geography, access, audit } = deps;
  const today = deps.today ?? (() => todayInNetherlands());

  /**
   * What of a table's round the principal may see: 'all' for those who may read the table
   * (secretary, province, ministry, administrator), 'own' for editors with projects in it (only their
   * projects and their organisation are listed), else 403 — or, asked by a round's id (`roundId`), 404 as for
   * an unknown round: an outsider does not learn that the table has a round with that id. SPEC §1, §7.
   */
  async function roundAccess(q: Queryable, principal: Principal, regionId: string, roundId?: string): Promise<'all' | 'own'> {
    const region = (await geography.listRegions(q)).find((r) => r.id === regionId);
    if (!region) throw new NotFoundError('Regio', regionId);
    const party = memberPartyOrganisation(principal);
    const isPartyInRegion =
      party !== null &&
      (await projects.list(q, { regionId, scope: { partyOrganisationId: party } }, { limit: 1, offset: 0, sort: 'name', descending: false }, 'none'))
        .items.length > 0;
    return requireRoundVisibility(principal, await access.areaFacts(q, region), isPartyInRegion, roundId);
  }

  function visibleDetail(detail: RoundDetail, principal: Principal, mode: 'all' | 'own'): RoundDetail {
    if (mode === 'all') return detail;
    return {
      ...detail,
      projects: detail.projects.filter((p) => isOwnRoundProject(principal, p)),
      organisations: detail.organisations.filter((o) => o.organisationId === deliveringOrganisation(principal, gemeenteOrganisationId)),
    };
  }

  /** `roundId`: asked by a round's id; whoever may not see the round then gets 404 as for an unknown round. */
  async function assertRunsRound(q: Queryable, principal: Principal, regionId: string, roundId?: string): Promise<void> {
    const realProjects =
      syntheticDataOnly(principal) &&
      (await projects.list(q, { regionId, synthetic: false }, { limit: 1, offset: 0, sort: 'name', descending: false }, 'none')).items.length > 0;
    // Asked by a round's id, whoever may not see the round gets 404 before the 403 of not running it.
    if (!canRunRound(principal, regionId, realProjects) && roundId !== undefined) await roundAccess(q, principal, regionId, roundId);
    requireMayRunRound(principal, regionId, realProjects);
  }

  /**
   * Demo roles act on the synthetic demo projects of a round only (src/domain/access.ts
   * syntheticDataOnly): the ids they may see and confirm, or null for everyone else. SPEC §7.
   */
  async function demoProjectIds(q: Queryable, viewer: Principal | undefined, regionId: string): Promise<Set<string> | null> {
    if (!viewer || !syntheticDataOnly(viewer)) return null;
    const { items } = await projects.list(
      q,
      { regionId, scope: { all: true, syntheticOnly: true }, lifecycle: 'actief' },
      { limit: ALL, offset: 0, sort: 'name', descending: false },
    );
    return new Set(items.map((p) => p.id));
  }

  async function record(tx: Queryable, actor: Actor, roundId: string, action: string, changes: Array<{ field: string; old: unknown; new: unknown }>) {
    await audit.append(tx, [
      {
        actorUserId: actor.principal.userId,
        actorName: actor.principal.name,
        via: actor.via,
        entityType: 'kwartaalronde',
        entityId: roundId,
        action,
        changes,
      },
    ]);
  }

  async function loadRound(q: Queryable, roundId: string, forUpdate = false): Promise<RoundRecord> {
    const round = await rounds.get(q, roundId, { forUpdate });
    if (!round) throw new NotFoundError('Kwartaalronde', roundId);
    return round;
  }

  async function loadRegion(q: Queryable, regionId: string) {
    const region = await rounds.getRegion(q, regionId);
    if (!region) throw new NotFoundError('Regio', regionId);
    return region;
  }

  /**
   * Delivery of a round per party for its own side of each project: live while open (confirmations
   * plus edits by the party's users from the audit trail), as frozen at close once closed.
   */
  /** Delivery of a round; `viewer`: a demo role sees its synthetic projects only (see demoProjectIds). */
  async function delivery(q: Queryable, round: RoundRecord, viewer?: Principal) {
    const all: DeliveryFactsRow[] = round.closedAt ? await rounds.snapshotDeliveryFacts(q, round.id) : await rounds.liveDeliveryFacts(q, round);
    const demoIds = await demoProjectIds(q, viewer, round.regionId);
    const rows = demoIds ? all.filter((r) => demoIds.has(r.projectId)) : all;
    const recorded = await rounds.deliveries(q, round.id);
    const edits = round.closedAt ? [] : await rounds.liveEdits(q, round.id, PARTY_ROLES);
    const key = (projectId: string, organisationId: string) => `${projectId}|${organisationId}`;
    const confirmations = new Map(recorded.filter((d) => d.via === 'bevestigd').map((d) => [key(d.projectId, d.organisationId), d]));
    const editedAt = new Map<string, string>([
      ...edits.map((e) => [key(e.projectId, e.organisationId), e.at] as const),
      ...recorded.filter((d) => d.via === 'gewijzigd').map((d) => [key(d.projectId, d.organisationId), d.at] as const),
    ]);
    const parties = new Map<string, PartyDeliveryStatus[]>(
      rows.map((r) => [
        r.projectId,
        r.parties.map((p) => {
          const k = key(r.projectId, p.organisationId);
          const c = confirmations.get(k) ?? null;
          const d = partyDelivery({ editedAt: editedAt.get(k) ?? null, confirmedAt: c?.at ?? null });
          const confirmed = d.via === 'bevestigd' && c !== null;
          return {
            organisationId: p.organisationId,
            side: deliverySideOf(p.type),
            via: d.via,
            at: d.at,
            onBehalf: confirmed && c.onBehalf ? { by: c.recordedByName ?? 'de secretaris', reason: c.reason ?? '' } : null,
            batchId: confirmed ? c.batchId : null,
          };
        }),
      ]),
    );
    const facts: DeliveryFacts[] = rows.map((r) => ({ projectId: r.projectId, parties: parties.get(r.projectId)! }));
    const organisations = await rounds.organisations(q, [...new Set(rows.flatMap((r) => r.parties.map((p) => p.organisationId)))]);
    const rollup = rollupDelivery(facts, new Map([...organisations].map(([id, o]) => [id, o.name])));
    const named = (o: (typeof rollup.organisations)[number]): OrganisationDeliveryStatus => ({
      organisationId: o.organisationId,
      name: organisations.get(o.organisationId)?.name ?? 'Onbekende organisatie',
      type: organisations.get(o.organisationId)?.type ?? null,
      total: o.total,
      delivered: o.delivered,
      outstanding: o.outstanding,
      onBehalf: o.onBehalf,
    });
    const asOf = round.closedAt ? round.closedAt.slice(0, 10) : today();
    return { rows, facts, parties, rollup, named, organisations, asOf };
  }

  /**
   * The snapshot of every active project of the region, as closing a round freezes it. `forecastsThen` (the
   * history of a quarter filled in afterwards, see closeQuarterAsItStood) replaces forecast dates of milestones
   * by the ones that stood at the quarter's end; the derived figures (phase, status) follow those dates.
   */
  async function snapshotRows(
    tx: Queryable,
    regionId: string,
    deliveredVia: ReadonlyMap<string, DeliveryVia | null>,
    forecastsThen: ReadonlyMap<string, ReadonlyArray<{ code: string; forecastDate: string | null }>> = new Map(),
  ) {
    // A withdrawn or merged project is not in the quarter's snapshot (src/domain/withdrawal.ts); earlier quarters keep it.
    const { items } = await projects.list(tx, { regionId, lifecycle: 'actief' }, { limit: ALL, offset: 0, sort: 'name', descending: false });
    const parts = await rounds.regionParts(tx, regionId);
    return items.map((s: ProjectSummary) => {
      const { gemeenteName, ...rest } = s;
      const knelpunten = parts.knelpunten.get(s.id) ?? [];
      let project: Project = {
        ...rest,
        programme: parts.programme.get(s.id) ?? [],
        jaarschijven: parts.jaarschijven.get(s.id) ?? [],
        milestones: parts.milestones.get(s.id) ?? [],
        parties: parts.parties.get(s.id) ?? [],
      };
      const then = forecastsThen.get(s.id);
      if (then) {
        const milestones = project.milestones.map((m) => {
          const earlier = then.find((f) => f.code === m.code);
          return earlier ? { ...m, forecastDate: earlier.forecastDate } : m;
        });
        project = { ...project, milestones, ...deriveProject({ programme: project.programme, milestones }, knelpunten) };
      }
      const data: SnapshotView = { ...projectView(project, knelpunten), gemeenteName };
      return { projectId: s.id, delivery: deliveredVia.get(s.id) ?? null, data };
    });
  }

  async function detail(q: Queryable, round: RoundRecord, viewer?: Principal): Promise<RoundDetail> {
    const { rows, facts, parties, rollup, named, asOf } = await delivery(q, round, viewer);
    const { organisations: _unused, ...counts } = rollup;
    return {
      ...summary(round),
      delivery: counts,
      projects: rows.map((r, i) => {
        const via = projectDelivery(facts[i]!);
        const own = parties.get(r.projectId)!;
        const confirmedAt = own
          .filter((p) => p.via === 'bevestigd')
          .reduce<string | null>((max, p) => (max === null || p.at! > max ? p.at : max), null);
        return {
          projectId: r.projectId,
          name: r.name,
          gemeenteCode: r.gemeenteCode,
          gemeenteName: r.gemeenteName,
          delivered: via !== null,
          via,
          updatedAt: r.updatedAt,
          confirmedAt,
          organisationIds: own.map((p) => p.organisationId),
          parties: own,
          expiredForecasts: expiredForecasts(r.milestones, asOf),
        };
      }),
      organisations: rollup.organisations.map(named),
    };
  }

  /**
   * What a confirmation would do, decided in this order so nothing leaks (SPEC §7): first who may act
   * for which party (before any project or organisation is looked at), then the projects — one the
   * caller may not see is answered exactly like an unknown id.
   */
  async function planConfirmation(
    q: Queryable,
    round: RoundRecord,
    request: ConfirmRequest,
    principal: Principal,
    mode: 'all' | 'own',
  ): Promise<ConfirmPlan> {
    const own = deliveringOrganisation(principal, gemeenteOrganisationId);
    const organisationId = request.organisationId ?? own;
    if (requireMayConfirmFor(principal, round.regionId, organisationId, own) === 'on-behalf') {
      if (!organisationId) {
        throw new ValidationError([{ path: 'organisationId', code: 'required', message: 'Kies de partij namens wie u de levering vastlegt.' }]);
      }
      if ((request.reason ?? '').trim().length < MIN_REASON_LENGTH) {
        throw new ValidationError([
          {
            path: 'reason',
            code: 'reason_required',
            message: `Geef een reden van minstens ${MIN_REASON_LENGTH} tekens: waarom legt u de levering vast namens deze partij?`,
          },
        ]);
      }
    }
    // 'own' has an organisation; 'on-behalf' without one was refused above.
    if (!organisationId)
      throw new ValidationError([{ path: 'organisationId', code: 'required', message: 'Kies de partij namens wie u de levering vastlegt.' }]);
    const onBehalf = organisationId !== own;
    const { rows, facts } = await delivery(q, round, principal);
    const organisation = (await rounds.organisations(q, [organisationId])).get(organisationId);
    if (!organisation) {
      throw new ValidationError([{ path: 'organisationId', code: 'unknown_organisation', message: `Organisatie '${organisationId}' bestaat niet.` }]);
    }
    if (!facts.some((f) => sideOf(f, organisationId))) {
      throw new ValidationError([
        { path: 'organisationId', code: 'not_a_party', message: `${organisation.name} is bij geen enkel project van ${round.regionName} partij.` },
      ]);
    }
    // `facts` is one per row, in the same order.
    const byId = new Map(rows.map((r, i) => [r.projectId, { row: r, facts: facts[i]! }]));
    const asOf = today();
    const item = (r: DeliveryFactsRow) => ({ projectId: r.projectId, name: r.name, gemeenteName: r.gemeenteName });
    const expiredIssue = (r: DeliveryFactsRow, side: DeliverySide, path: string): Issue[] => checkConfirmUnchanged(r, side, asOf, path);

    if (request.projectIds) {
      const ids = request.projectIds;
      const membership = new Map<string, ProjectMembership>();
      const found = await rounds.projectMembership(q, round.regionId, [...new Set(ids)]);
      for (const [id, m] of found) {
        const inRound = byId.get(id);
        let readable: boolean;
        if (m.inRegion && inRound) {
          readable =
            mode === 'all' ||
            isOwnRoundProject(principal, {
              gemeenteCode: inRound.row.gemeenteCode,
              organisationIds: inRound.row.parties.map((p) => p.organisationId),
            });
        } else if (m.inRegion) {
          // In the region but not in the caller's view of the round (a real project for a demo role): unknown to them.
          readable = false;
        } else {
          const project = await projects.get(q, id);
          readable = project !== null && canReadProject(principal, await access.projectFacts(q, project));
        }
        membership.set(id, { ...m, readable });
      }
      const issues = checkConfirmProjectIds(ids, membership, round.regionName);
      if (issues.length > 0) throw new ValidationError(issues);
      const seen = new Set<string>();
      const toConfirm: ConfirmPlan['projects'] = [];
      ids.forEach((id, i) => {
        if (seen.has(id)) return;
        seen.add(id);
        const { row, facts: f } = byId.get(id)!;
        const side = sideOf(f, organisationId);
        if (!side) {
          issues.push({ path: `projectIds[${i}]`, code: 'not_a_party', message: `${organisation.name} is geen partij bij ${row.name}.` });
          return;
        }
        if (f.parties.find((p) => p.organisationId === organisationId)!.via !== null) return; // already delivered: nothing to do
        const expired = expiredIssue(row, side, `projectIds[${i}]`);
        if (expired.length > 0) issues.push(...expired);
        else toConfirm.push(item(row));
      });
      if (issues.length > 0) throw new ValidationError(issues);
      return { organisationId, organisationName: organisation.name, onBehalf, projects: toConfirm, refused: [] };
    }

    const plan: ConfirmPlan = { organisationId, organisationName: organisation.name, onBehalf, projects: [], refused: [] };
    for (const id of projectsToConfirmFor(facts, organisationId)) {
      const { row, facts: f } = byId.get(id)!;
      const [expired] = expiredIssue(row, sideOf(f, organisationId)!, 'organisationId');
      if (expired) plan.refused.push({ ...item(row), message: expired.message });
      else plan.projects.push(item(row));
    }
    return plan;
  }

  /** Organisations that have not delivered all their projects in the round, each with those projects. */
  async function outstanding(q: Queryable, round: RoundRecord, viewer: Principal): Promise<Reminder[]> {
    const { rows, rollup, named } = await delivery(q, round, viewer);
    const byId = new Map(rows.map((f) => [f.projectId, f]));
    return remindersOf(rollup).map((o) => ({
      ...named(o),
      projects: o.outstandingProjectIds.map((id) => ({
        id,
        name: byId.get(id)!.name,
        gemeenteCode: byId.get(id)!.gemeenteCode,
        gemeenteName: byId.get(id)!.gemeenteName,
      })),
    }));
  }

  async function closedRound(q: Queryable, roundId: string): Promise<RoundRecord> {
    const round = await loadRound(q, roundId);
    if (!round.closedAt) {
      throw new ValidationError([
        {
          path: 'roundId',
          code: 'round_open',
          message: `De kwartaalronde van het ${kwartaalLabel(round.quarter)} is nog open; de stand wordt pas bevroren als de ronde sluit. Bekijk zolang de actuele projecten.`,
        },
      ]);
    }
    return round;
  }

  return {
    async listRounds(regionId: string, principal: Principal): Promise<{ items: RoundSummary[]; total: number }> {
      await loadRegion(db, regionId);
      await roundAccess(db, principal, regionId);
      const items = (await rounds.listByRegion(db, regionId)).map(summary);
      return { items, total: items.length };
    },

    /** Open a quarter for a versnellingstafel (one open round at a time, quarters in order). */
    async openRound(regionId: string, request: OpenRoundRequest, actor: Actor): Promise<RoundDetail> {
      return db.transaction(async (tx) => {
        await assertRunsRound(tx, actor.principal, regionId);
        const region = await loadRegion(tx, regionId);
        await rounds.lockRegion(tx, regionId);
        const issues = checkOpenRound(request, region, await rounds.listByRegion(tx, regionId));
        if (issues.length > 0) throw new ValidationError(issues);
        const id = randomUUID();
        await rounds.insert(tx, { id, regionId, quarter: request.quarter as Kwartaal, deadline: request.deadline });
        await record(tx, actor, id, `geopend: ${request.quarter}`, [{ field: 'deadline', old: null, new: request.deadline }]);
        return detail(tx, await loadRound(tx, id), actor.principal);
      });
    },

    async getRound(roundId: string, principal: Principal): Promise<RoundDetail> {
      const round = await loadRound(db, roundId);
      const mode = await roundAccess(db, principal, round.regionId, round.id);
      return visibleDetail(await detail(db, round, principal), principal, mode);
    },

    /**
     * Close a round: freeze the full view of every project of the region, in one transaction. Project
     * writes wait meanwhile, so the snapshot is one consistent moment. Set-based: a handful of queries
     * for the whole region and batched inserts, whatever the number of projects.
     */
    async closeRound(roundId: string, actor: Actor): Promise<RoundDetail> {
      return db.transaction(async (tx) => {
        const round = await loadRound(tx, roundId, true);
        await assertRunsRound(tx, actor.principal, round.regionId, round.id);
        if (round.closedAt) throw closedError(round);
        await rounds.lockProjectsForSnapshot(tx);
        const { facts } = await delivery(tx, round);
        const deliveredVia = new Map(facts.map((f) => [f.projectId, projectDelivery(f)]));
        await rounds.freezeEdits(tx, round.id, await rounds.liveEdits(tx, round.id, PARTY_ROLES));
        const rows = await snapshotRows(tx, round.regionId, deliveredVia);
        await rounds.insertSnapshots(tx, round.id, rows);
        await rounds.markClosed(tx, round.id, rows.length);
        await record(tx, actor, round.id, `gesloten: ${round.quarter}`, [{ field: 'projectCount', old: null, new: rows.length }]);
        return detail(tx, await loadRound(tx, round.id), actor.principal);
      });
    },

    /**
     * Fill in a past quarter's history at a table: a round opened and closed at once, its snapshots the region's
     * projects as they stood at the quarter's end — today's projects with the forecast dates of `forecastsThen`.
     * No party delivered in it (nothing was asked). Used by the national demo (issue 14) so that "Wat is er
     * veranderd sinds vorig kwartaal" has a closed quarter to compare with, without rewriting every project twice.
     * Refused like opening a round (an ended table, a quarter that already has a round).
     */
    async closeQuarterAsItStood(
      regionId: string,
      quarter: Kwartaal,
      forecastsThen: ReadonlyMap<string, ReadonlyArray<{ code: string; forecastDate: string | null }>>,
      actor: Actor,
    ): Promise<{ roundId: string; projectCount: number }> {
      return db.transaction(async (tx) => {
        await assertRunsRound(tx, actor.principal, regionId);
        const region = await loadRegion(tx, regionId);
        await rounds.lockRegion(tx, regionId);
        const deadline = kwartaalEnd(quarter);
        const issues = checkOpenRound({ quarter, deadline }, region, await rounds.listByRegion(tx, regionId));
        if (issues.length > 0) throw new ValidationError(issues);
        const id = randomUUID();
        await rounds.insert(tx, { id, regionId, quarter, deadline });
        await record(tx, actor, id, `geopend: ${quarter}`, [{ field: 'deadline', old: null, new: deadline }]);
        await rounds.lockProjectsForSnapshot(tx);
        const rows = await snapshotRows(tx, regionId, new Map(), forecastsThen);
        await rounds.insertSnapshots(tx, id, rows);
        await rounds.markClosed(tx, id, rows.length);
        await record(tx, actor, id, `gesloten: ${quarter}`, [{ field: 'projectCount', old: null, new: rows.length }]);
        return { roundId: id, projectCount: rows.length };
      });
    },

    /** What a confirmation would confirm (and leave out), without writing: the summary shown before asking once. */
    async previewConfirmation(roundId: string, request: ConfirmRequest, principal: Principal): Promise<ConfirmPlan> {
      const round = await loadRound(db, roundId);
      const mode = await roundAccess(db, principal, round.regionId, round.id);
      if (round.closedAt) throw closedError(round);
      return planConfirmation(db, round, request, principal, mode);
    },

    /**
     * Confirm a party's side of projects unchanged, in one action: a list of projects, or every project
     * where its side is not yet delivered (SPEC §2: keep the round light). A project with an expired
     * forecast is refused (in a list) or left out (in one action for all). The secretary may record it
     * on behalf of a party, with a reason. One call is one batch: it can be undone as one.
     */
    async confirm(
      roundId: string,
      request: ConfirmRequest,
      actor: Actor,
    ): Promise<{ confirmedProjectIds: string[]; batchId: string; organisationId: string; refused: ConfirmPlan['refused']; round: RoundDetail }> {
      return db.transaction(async (tx) => {
        const round = await loadRound(tx, roundId, true);
        const mode = await roundAccess(tx, actor.principal, round.regionId, round.id);
        if (round.closedAt) throw closedError(round);
        const plan = await planConfirmation(tx, round, request, actor.principal, mode);
        const batchId = randomUUID();
        const reason = plan.onBehalf ? request.reason!.trim() : null;
        const confirmedProjectIds = await rounds.confirm(
          tx,
          round.id,
          plan.projects.map((p) => p.projectId),
          {
            organisationId: plan.organisationId,
            recordedByUserId: actor.principal.userId,
            recordedByName: actor.principal.name,
            onBehalfReason: reason,
            batchId,
          },
        );
        if (confirmedProjectIds.length > 0) {
          await record(
            tx,
            actor,
            round.id,
            plan.onBehalf
              ? `namens ${plan.organisationName} als ongewijzigd vastgelegd door de secretaris: ${reason}`
              : `ongewijzigd bevestigd door ${plan.organisationName}`,
            [
              { field: 'batchId', old: null, new: batchId },
              { field: 'organisationId', old: null, new: plan.organisationId },
              ...confirmedProjectIds.map((id) => ({ field: `projects.${id}.confirmed`, old: false, new: true })),
            ],
          );
        }
        return {
          confirmedProjectIds,
          batchId,
          organisationId: plan.organisationId,
          refused: plan.refused,
          round: visibleDetail(await detail(tx, round, actor.principal), actor.principal, mode),
        };
      });
    },

    /**
     * Undo a confirmation until the quarter closes: a whole batch (one bulk action) or one party's
     * confirmation of one project. The party itself or the secretary; audited. A confirmation the caller
     * may not undo is answered like one that does not exist.
     */
    async undoConfirmation(roundId: string, request: UndoRequest, actor: Actor): Promise<{ undoneProjectIds: string[]; round: RoundDetail }> {
      return db.transaction(async (tx) => {
        const round = await loadRound(tx, roundId, true);
        const mode = await roundAccess(tx, actor.principal, round.regionId, round.id);
        if (round.closedAt) throw closedError(round);
        const own = deliveringOrganisation(actor.principal, gemeenteOrganisationId);
        const demoIds = await demoProjectIds(tx, actor.principal, round.regionId);
        const rows = (await rounds.confirmationsOf(tx, round.id, request)).filter(
          (r) => canUndoConfirmation(actor.principal, round.regionId, r.organisationId, own) && (demoIds === null || demoIds.has(r.projectId)),
        );
        if (rows.length === 0) throw new NotFoundError('Bevestiging', 'batchId' in request ? request.batchId : request.projectId);
        await rounds.deleteConfirmations(tx, round.id, rows);
        const names = await rounds.organisations(tx, [...new Set(rows.map((r) => r.organisationId))]);
        await record(
          tx,
          actor,
          round.id,
          `bevestiging ongedaan gemaakt (${[...names.values()].map((n) => n.name).join(', ')})`,
          rows.map((r) => ({
            field: `projects.${r.projectId}.confirmed`,
            old: { organisationId: r.organisationId, batchId: r.batchId, at: r.at },
            new: false,
          })),
        );
        return {
          undoneProjectIds: rows.map((r) => r.projectId),
          round: visibleDetail(await detail(tx, round, actor.principal), actor.principal, mode),
        };
      });
    },

    /** Organisations that have not delivered all their projects, with those projects: the reminder mailing list. */
    async reminders(roundId: string, principal: Principal): Promise<{ round: RoundSummary; items: Reminder[] }> {
      const round = await loadRound(db, roundId);
      await assertRunsRound(db, principal, round.regionId, round.id);
      return { round: summary(round), items: await outstanding(db, round, principal) };
    },

    /**
     * The parties that have not delivered in a round, for the table's agenda (issue 12 item 7): for those who see the
     * whole table (src/domain/access.ts requireTableAgenda), not only who runs the round.
     */
    async undelivered(roundId: string, principal: Principal): Promise<{ round: RoundSummary; items: Reminder[] }> {
      const round = await loadRound(db, roundId);
      const region = (await geography.listRegions(db)).find((r) => r.id === round.regionId);
      if (!region) throw new NotFoundError('Regio', round.regionId);
      requireTableAgenda(principal, await access.areaFacts(db, region));
      return { round: summary(round), items: await outstanding(db, round, principal) };
    },

    /** Project summaries as of a closed quarter. */
    async listRoundProjects(
      roundId: string,
      filter: SnapshotFilter,
      page: { limit: number; offset: number; sort: SnapshotSortKey; descending: boolean },
      principal: Principal,
    ): Promise<{ items: ProjectSummary[]; total: number }> {
      // Permission first: whether a round is open or closed is the table's business (issue 8 item 6).
      const mode = await roundAccess(db, principal, (await loadRound(db, roundId)).regionId, roundId);
      await closedRound(db, roundId);
      requireRoundOverview(mode);
      return rounds.listSnapshots(db, roundId, { ...filter, syntheticOnly: syntheticDataOnly(principal) }, page);
    },

    /** The full view of a project as frozen when the round closed. */
    async getRoundProject(roundId: string, projectId: string, principal: Principal): Promise<SnapshotView> {
      const round = await loadRound(db, roundId);
      const data = round.closedAt ? await rounds.getSnapshot(db, roundId, projectId) : null;
      if (data) {
        try {
          await access.readableProject(db, principal, data as SnapshotView);
          return data as SnapshotView;
        } catch (e) {
          if (!(e instanceof NotFoundError)) throw e;
        }
      }
      // Not there, or not the caller's to read: whoever may not see the round learns nothing of it (404 as for
      // an unknown round), and only those with access learn that it is still open (issue 8 items 6, 15).
      await roundAccess(db, principal, round.regionId, round.id);
      if (!round.closedAt) await closedRound(db, roundId);
      throw new NotFoundError('Project', projectId);
    },

    /**
     * What changed in a project since a closed quarter (default: the latest closed round of a table
     * the project belongs to), each change in plain Dutch. SPEC §8: "an explanation of every
     * quarter-on-quarter change".
     */
    async changes(
      projectId: string,
      sinceRoundId: string | undefined,
      principal: Principal,
    ): Promise<{ projectId: string; since: RoundSummary | null; changes: ProjectChange[] }> {
      const project = await projects.get(db, projectId);
      if (!project) throw new NotFoundError('Project', projectId);
      await access.readableProject(db, principal, project);
      const current = projectView(project, await knelpunten.listByProject(db, projectId));
      let round: RoundRecord | null;
      if (sinceRoundId) {
        round = await rounds.get(db, sinceRoundId);
        if (!round) throw new NotFoundError('Kwartaalronde', sinceRoundId);
        // A round the caller may not see answers as an unknown one (neither its quarter nor that it is open).
        await roundAccess(db, principal, round.regionId, round.id);
        if (!round.closedAt) {
          throw new ValidationError([
            {
              path: 'since',
              code: 'round_open',
              message: `De kwartaalronde van het ${kwartaalLabel(round.quarter)} is nog open; vergelijk met een gesloten kwartaal.`,
            },
          ]);
        }
      } else {
        round = await rounds.latestClosedRoundFor(db, projectId, project.gemeenteCode);
      }
      if (!round) return { projectId, since: null, changes: [] };
      const previous = (await rounds.getSnapshot(db, round.id, projectId)) as SnapshotView | null;
      if (!previous && !(await rounds.regionContains(db, round.regionId, project.gemeenteCode))) {
        throw new ValidationError([
          {
            path: 'since',
            code: 'not_in_region',
            message: `Het project hoort niet bij ${round.regionName}; kies een kwartaalronde van een tafel waar het bij hoort.`,
          },
        ]);
      }
      const partyIds = [...new Set([...(previous?.parties ?? []), ...current.parties].map((p) => p.organisationId))];
      const names = await rounds.organisations(db, partyIds);
      const diff = diffProject(previous as DiffableProject | null, current, { organisationName: (id) => names.get(id)?.name });
      const [history, reasons] = await Promise.all([
        baselineHistory.listByProject(db, projectId, round.closedAt!),
        delayReasons.listByProject(db, projectId, round.closedAt!),
      ]);
      // Why it changed: the table's reason for a re-baseline, the party's reason for a forecast moved past the tolerance.
      return { projectId, since: summary(round), changes: attachDelayReasons(attachBaselineReasons(diff, history), reasons) };
    },

    /** Every closed quarter that froze this project, latest first, with the frozen headline figures. */
    async projectSnapshots(projectId: string, principal: Principal) {
      const project = await projects.get(db, projectId);
      if (!project) throw new NotFoundError('Project', projectId);
      await access.readableProject(db, principal, project);
      const rows = await rounds.snapshotsOfProject(db, projectId);
      if (rows.length === 0 && !(await projects.exists(db, projectId))) throw new NotFoundError('Project', projectId);
      return { items: rows.map((r) => ({ round: summary(r.round), delivery: r.delivery, ...r.summary })), total: rows.length };
    },
  };
}

export type RoundService = ReturnType<typeof createRoundService>;
