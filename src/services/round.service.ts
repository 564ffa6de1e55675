/**
 * Use cases of the quarterly round (kwartaalronde) of a versnellingstafel: open a quarter, see who has
 * delivered, confirm unchanged projects, remind, close and freeze, look back "as of" a closed quarter,
 * and explain what changed since. SPEC §2 "Quarterly round"; `001 § Afspraak 3B`.
 */
import { randomUUID } from 'node:crypto';
import type { OrganisationType } from '../domain/codes.ts';
import { ConflictError, NotFoundError, ValidationError } from '../domain/errors.ts';
import { formatDatum } from '../domain/format-nl.ts';
import type { Kwartaal } from '../domain/kwartaal.ts';
import { attachBaselineReasons, diffProject, type DiffableProject, type ProjectChange } from '../domain/project-diff.ts';
import type { Project } from '../domain/project.ts';
import {
  checkConfirmProjectIds,
  checkOpenRound,
  projectDelivery,
  projectsToConfirmFor,
  remindersOf,
  rollupDelivery,
  roundStatus,
  type DeliveryVia,
  type OpenRoundRequest,
  type RoundStatus,
} from '../domain/round.ts';
import { canConfirmProject, canRunRound, isOwnRoundProject, roundVisibility, type Principal } from '../domain/access.ts';
import type { Actor } from '../domain/audit.ts';
import { ForbiddenError } from '../domain/errors.ts';
import type { AuditRepository } from '../storage/audit.repository.ts';
import type { BaselineHistoryRepository } from '../storage/baseline.repository.ts';
import type { GeographyRepository } from '../storage/geography.repository.ts';
import type { AccessGuard } from './access.service.ts';
import type { Db, Queryable } from '../storage/db.ts';
import type { KnelpuntRepository, ProjectRepository, ProjectSummary } from '../storage/project.repository.ts';
import type { RoundRecord, RoundRepository, SnapshotFilter, SnapshotSortKey } from '../storage/round.repository.ts';
import { projectView, type ProjectView } from './project.service.ts';

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

export interface ProjectDeliveryStatus {
  projectId: string;
  name: string;
  gemeenteCode: string;
  gemeenteName: string;
  delivered: boolean;
  via: DeliveryVia | null;
  updatedAt: string;
  confirmedAt: string | null;
  organisationIds: string[];
}

export interface OrganisationDeliveryStatus {
  organisationId: string;
  name: string;
  type: OrganisationType | null;
  total: number;
  delivered: number;
  outstanding: number;
}

export interface RoundDetail extends RoundSummary {
  delivery: { total: number; delivered: number; changed: number; confirmed: number; outstanding: number; withoutParty: number };
  projects: ProjectDeliveryStatus[];
  organisations: OrganisationDeliveryStatus[];
}

export interface Reminder extends OrganisationDeliveryStatus {
  projects: Array<{ id: string; name: string; gemeenteName: string }>;
}

export interface ConfirmRequest {
  projectIds?: string[];
  organisationId?: string;
}

/** A frozen project view: the project view of the moment the round closed, plus its gemeente name. */
export type SnapshotView = ProjectView & { gemeenteName: string };

export interface RoundServiceDeps {
  db: Db;
  rounds: RoundRepository;
  projects: ProjectRepository;
  knelpunten: KnelpuntRepository;
  baselineHistory: BaselineHistoryRepository;
  geography: GeographyRepository;
  access: AccessGuard;
  audit: AuditRepository;
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
  const { db, rounds, projects, knelpunten, baselineHistory, geography, access, audit } = deps;

  /**
   * What of a table's round the principal may see: 'all' for those who may read the table
   * (secretary, province, ministry, administrator), 'own' for editors with projects in it (only their
   * projects and their organisation are listed), else 403. SPEC §1, §7.
   */
  async function roundAccess(q: Queryable, principal: Principal, regionId: string): Promise<'all' | 'own'> {
    const region = (await geography.listRegions(q)).find((r) => r.id === regionId);
    if (!region) throw new NotFoundError('Regio', regionId);
    const isPartyInRegion =
      principal.role === 'marktpartij_editor' &&
      principal.organisationId !== null &&
      (await projects.list(q, { regionId, scope: { partyOrganisationId: principal.organisationId } }, { limit: 1, offset: 0, sort: 'name', descending: false }))
        .total > 0;
    const mode = roundVisibility(principal, await access.areaFacts(q, region), isPartyInRegion);
    if (!mode) throw new ForbiddenError('U heeft geen toegang tot de kwartaalronde van deze tafel.');
    return mode;
  }

  function visibleDetail(detail: RoundDetail, principal: Principal, mode: 'all' | 'own'): RoundDetail {
    if (mode === 'all') return detail;
    return {
      ...detail,
      projects: detail.projects.filter((p) => isOwnRoundProject(principal, p)),
      organisations: detail.organisations.filter((o) => o.organisationId === principal.organisationId),
    };
  }

  function assertRunsRound(principal: Principal, regionId: string): void {
    if (!canRunRound(principal, regionId)) {
      throw new ForbiddenError('Alleen de secretaris van deze versnellingstafel kan de kwartaalronde openen, sluiten of herinneren.');
    }
  }

  async function record(tx: Queryable, actor: Actor, roundId: string, action: string, changes: Array<{ field: string; old: unknown; new: unknown }>) {
    await audit.append(tx, [
      { actorUserId: actor.principal.userId, actorName: actor.principal.name, via: actor.via, entityType: 'kwartaalronde', entityId: roundId, action, changes },
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

  /** Delivery of a round: live while open, as frozen in the snapshots once closed. */
  async function delivery(q: Queryable, round: RoundRecord) {
    const facts = round.closedAt ? await rounds.snapshotDeliveryFacts(q, round.id) : await rounds.liveDeliveryFacts(q, round);
    const organisations = await rounds.organisations(q, [...new Set(facts.flatMap((f) => f.organisationIds))]);
    const rollup = rollupDelivery(facts, new Map([...organisations].map(([id, o]) => [id, o.name])));
    const named = (o: (typeof rollup.organisations)[number]): OrganisationDeliveryStatus => ({
      organisationId: o.organisationId,
      name: organisations.get(o.organisationId)?.name ?? 'Onbekende organisatie',
      type: organisations.get(o.organisationId)?.type ?? null,
      total: o.total,
      delivered: o.delivered,
      outstanding: o.outstanding,
    });
    return { facts, rollup, named };
  }

  async function detail(q: Queryable, round: RoundRecord): Promise<RoundDetail> {
    const { facts, rollup, named } = await delivery(q, round);
    const { organisations: _unused, ...counts } = rollup;
    return {
      ...summary(round),
      delivery: counts,
      projects: facts.map((f) => {
        const via = projectDelivery(f);
        return {
          projectId: f.projectId,
          name: f.name,
          gemeenteCode: f.gemeenteCode,
          gemeenteName: f.gemeenteName,
          delivered: via !== null,
          via,
          updatedAt: f.updatedAt,
          confirmedAt: f.confirmedAt,
          organisationIds: f.organisationIds,
        };
      }),
      organisations: rollup.organisations.map(named),
    };
  }

  async function closedRound(q: Queryable, roundId: string): Promise<RoundRecord> {
    const round = await loadRound(q, roundId);
    if (!round.closedAt) {
      throw new ValidationError([
        {
          path: 'roundId',
          code: 'round_open',
          message: `De kwartaalronde ${round.quarter} is nog open; de stand wordt pas bevroren als de ronde sluit. Bekijk zolang de actuele projecten.`,
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
        assertRunsRound(actor.principal, regionId);
        const region = await loadRegion(tx, regionId);
        await rounds.lockRegion(tx, regionId);
        const issues = checkOpenRound(request, region, await rounds.listByRegion(tx, regionId));
        if (issues.length > 0) throw new ValidationError(issues);
        const id = randomUUID();
        await rounds.insert(tx, { id, regionId, quarter: request.quarter as Kwartaal, deadline: request.deadline });
        await record(tx, actor, id, `geopend: ${request.quarter}`, [{ field: 'deadline', old: null, new: request.deadline }]);
        return detail(tx, await loadRound(tx, id));
      });
    },

    async getRound(roundId: string, principal: Principal): Promise<RoundDetail> {
      const round = await loadRound(db, roundId);
      const mode = await roundAccess(db, principal, round.regionId);
      return visibleDetail(await detail(db, round), principal, mode);
    },

    /**
     * Close a round: freeze the full view of every project of the region, in one transaction. Project
     * writes wait meanwhile, so the snapshot is one consistent moment. Set-based: a handful of queries
     * for the whole region and batched inserts, whatever the number of projects.
     */
    async closeRound(roundId: string, actor: Actor): Promise<RoundDetail> {
      return db.transaction(async (tx) => {
        const round = await loadRound(tx, roundId, true);
        assertRunsRound(actor.principal, round.regionId);
        if (round.closedAt) throw closedError(round);
        await rounds.lockProjectsForSnapshot(tx);
        const { items } = await projects.list(tx, { regionId: round.regionId }, { limit: ALL, offset: 0, sort: 'name', descending: false });
        const parts = await rounds.regionParts(tx, round.regionId);
        const facts = await rounds.liveDeliveryFacts(tx, round);
        const deliveredVia = new Map(facts.map((f) => [f.projectId, projectDelivery(f)]));
        const rows = items.map((s: ProjectSummary) => {
          const { gemeenteName, ...rest } = s;
          const project: Project = {
            ...rest,
            programme: parts.programme.get(s.id) ?? [],
            jaarschijven: parts.jaarschijven.get(s.id) ?? [],
            milestones: parts.milestones.get(s.id) ?? [],
            parties: parts.parties.get(s.id) ?? [],
          };
          const data: SnapshotView = { ...projectView(project, parts.knelpunten.get(s.id) ?? []), gemeenteName };
          return { projectId: s.id, delivery: deliveredVia.get(s.id) ?? null, data };
        });
        await rounds.insertSnapshots(tx, round.id, rows);
        await rounds.markClosed(tx, round.id, rows.length);
        await record(tx, actor, round.id, `gesloten: ${round.quarter}`, [{ field: 'projectCount', old: null, new: rows.length }]);
        return detail(tx, await loadRound(tx, round.id));
      });
    },

    /**
     * Confirm projects unchanged, in one action: a list of projects, or every project an organisation is
     * party to that is not yet delivered (SPEC §2: keep the round light).
     */
    async confirm(roundId: string, request: ConfirmRequest, actor: Actor): Promise<{ confirmedProjectIds: string[]; round: RoundDetail }> {
      return db.transaction(async (tx) => {
        const round = await loadRound(tx, roundId, true);
        if (round.closedAt) throw closedError(round);
        await roundAccess(tx, actor.principal, round.regionId);
        let toConfirm: string[];
        if (request.projectIds && !request.organisationId) {
          const ids = [...new Set(request.projectIds)];
          const membership = await rounds.projectMembership(tx, round.regionId, ids);
          const issues = checkConfirmProjectIds(request.projectIds, membership, round.regionName);
          if (issues.length > 0) throw new ValidationError(issues);
          toConfirm = ids;
        } else if (request.organisationId && !request.projectIds) {
          const organisationId = request.organisationId;
          const organisation = (await rounds.organisations(tx, [organisationId])).get(organisationId);
          if (!organisation) {
            throw new ValidationError([{ path: 'organisationId', code: 'unknown_organisation', message: `Organisatie '${organisationId}' bestaat niet.` }]);
          }
          const facts = await rounds.liveDeliveryFacts(tx, round);
          if (!facts.some((f) => f.organisationIds.includes(organisationId))) {
            throw new ValidationError([
              { path: 'organisationId', code: 'not_a_party', message: `${organisation.name} is bij geen enkel project van ${round.regionName} partij.` },
            ]);
          }
          toConfirm = projectsToConfirmFor(facts, organisationId);
        } else {
          throw new ValidationError([{ path: 'projectIds', code: 'one_of', message: 'Geef óf projectIds óf organisationId.' }]);
        }
        // Each project must be one the actor may confirm (its gemeente, a party to it, or the table).
        for (const [i, id] of toConfirm.entries()) {
          const project = await projects.get(tx, id);
          if (!project || !canConfirmProject(actor.principal, await access.projectFacts(tx, project))) {
            const path = request.projectIds ? `projectIds[${request.projectIds.indexOf(id)}]` : `organisationId`;
            throw new ForbiddenError(`${path}: u mag project ${project?.name ?? id} niet bevestigen (${i + 1}e in de lijst).`);
          }
        }
        if (request.organisationId && !canRunRound(actor.principal, round.regionId) && actor.principal.organisationId !== request.organisationId) {
          throw new ForbiddenError('U kunt alleen de projecten van uw eigen organisatie in één keer bevestigen.');
        }
        const confirmedProjectIds = await rounds.confirm(tx, round.id, toConfirm, request.organisationId ?? actor.principal.organisationId ?? null);
        await record(tx, actor, round.id, 'ongewijzigd bevestigd', confirmedProjectIds.map((id) => ({ field: `projects.${id}.confirmed`, old: false, new: true })));
        const mode = await roundAccess(tx, actor.principal, round.regionId);
        return { confirmedProjectIds, round: visibleDetail(await detail(tx, round), actor.principal, mode) };
      });
    },

    /** Organisations that have not delivered all their projects, with those projects: the reminder mailing list. */
    async reminders(roundId: string, principal: Principal): Promise<{ round: RoundSummary; items: Reminder[] }> {
      const round = await loadRound(db, roundId);
      assertRunsRound(principal, round.regionId);
      const { facts, rollup, named } = await delivery(db, round);
      const byId = new Map(facts.map((f) => [f.projectId, f]));
      const items = remindersOf(rollup).map((o) => ({
        ...named(o),
        projects: o.outstandingProjectIds.map((id) => ({ id, name: byId.get(id)!.name, gemeenteName: byId.get(id)!.gemeenteName })),
      }));
      return { round: summary(round), items };
    },

    /** Project summaries as of a closed quarter. */
    async listRoundProjects(
      roundId: string,
      filter: SnapshotFilter,
      page: { limit: number; offset: number; sort: SnapshotSortKey; descending: boolean },
      principal: Principal,
    ): Promise<{ items: ProjectSummary[]; total: number }> {
      const round = await closedRound(db, roundId);
      if ((await roundAccess(db, principal, round.regionId)) === 'own') {
        throw new ForbiddenError('Het overzicht van een gesloten kwartaal is voor de tafel; bekijk uw eigen projecten per project.');
      }
      return rounds.listSnapshots(db, roundId, filter, page);
    },

    /** The full view of a project as frozen when the round closed. */
    async getRoundProject(roundId: string, projectId: string, principal: Principal): Promise<SnapshotView> {
      const round = await closedRound(db, roundId);
      const data = await rounds.getSnapshot(db, roundId, projectId);
      if (!data) throw new NotFoundError(`Project in kwartaalronde ${round.quarter}`, projectId);
      await access.readableProject(db, principal, data as SnapshotView);
      return data as SnapshotView;
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
        if (!round.closedAt) {
          throw new ValidationError([{ path: 'since', code: 'round_open', message: `De kwartaalronde ${round.quarter} is nog open; vergelijk met een gesloten kwartaal.` }]);
        }
      } else {
        round = await rounds.latestClosedRoundFor(db, projectId, project.gemeenteCode);
      }
      if (!round) return { projectId, since: null, changes: [] };
      const previous = (await rounds.getSnapshot(db, round.id, projectId)) as SnapshotView | null;
      if (!previous && !(await rounds.regionContains(db, round.regionId, project.gemeenteCode))) {
        throw new ValidationError([
          { path: 'since', code: 'not_in_region', message: `Het project hoort niet bij ${round.regionName}; kies een kwartaalronde van een tafel waar het bij hoort.` },
        ]);
      }
      const partyIds = [...new Set([...(previous?.parties ?? []), ...current.parties].map((p) => p.organisationId))];
      const names = await rounds.organisations(db, partyIds);
      const diff = diffProject(previous as DiffableProject | null, current, { organisationName: (id) => names.get(id)?.name });
      const history = await baselineHistory.listByProject(db, projectId, round.closedAt!);
      return { projectId, since: summary(round), changes: attachBaselineReasons(diff, history) };
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
