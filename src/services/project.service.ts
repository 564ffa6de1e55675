/** Use cases on the project register: load through repositories, apply domain rules, save. */
import { randomUUID } from 'node:crypto';
import { checkBaselineEdit, planRebaseline, type BaselineHistoryEntry, type RebaselineRequest } from '../domain/baseline.ts';
import { MILESTONES, type MilestoneCode, type OwnerSide } from '../domain/codes.ts';
import { checkProject, type CheckResult } from '../domain/consistency.ts';
import { milestoneDelay, type MilestoneDelay } from '../domain/delay.ts';
import { deriveProject } from '../domain/derive.ts';
import {
  checkKnelpunt,
  checkKnelpuntChange,
  escalateKnelpunt,
  knelpuntStep,
  resolveKnelpunt,
  withoutEscalation,
  type Outcome,
} from '../domain/knelpunt.ts';
import { delayReasonRequired, describeDelayReason, needsDelayReason, resolveDelayReason, type DelayReasonInput } from '../domain/delay-reason.ts';
import { milestoneName } from '../domain/format-nl.ts';
import { checkKnelpuntDates, checkMilestoneDates, dateInNetherlands } from '../domain/plausibility.ts';
import { ConflictError, NotFoundError, ValidationError, type Issue } from '../domain/errors.ts';
import { closedRecordProblem } from '../domain/withdrawal.ts';
import type { Knelpunt, Milestone, Project, ProjectInput } from '../domain/project.ts';
import type { BaselineHistoryRepository } from '../storage/baseline.repository.ts';
import {
  createsSynthetic,
  canSeeOrganisation,
  hiddenAuditEntities,
  requireMayAskForProjects,
  requireMayChangeProject,
  requireMayCreateProject,
  requireMayDeleteProject,
  requireMayEditKnelpunten,
  requireMayRebaseline,
  requireProjectScope,
  requireReadableDeletedProject,
  type Principal,
  type ProjectChange,
  type ProjectFacts,
} from '../domain/access.ts';
import { diffFields, type Actor } from '../domain/audit.ts';
import type { AuditRepository } from '../storage/audit.repository.ts';
import { projectChangeRecorder } from './project-audit.ts';
import type { ListPageCache } from './list-page-cache.ts';
import type { Db, Queryable } from '../storage/db.ts';
import type { AccessGuard } from './access.service.ts';
import type { GeographyRepository } from '../storage/geography.repository.ts';
import type { OrganisationRepository } from '../storage/organisation.repository.ts';
import type { DelayReasonRepository } from '../storage/delay-reason.repository.ts';
import type { KnelpuntRepository, ListPage, ListSums, Page, ProjectFilter, ProjectRepository } from '../storage/project.repository.ts';

/** How the list counts (see listPage). */
export type ListTotal = 'exact' | 'bounded';

/** A page of the list; `sums` only with an exact total. */
export type ProjectListResult = ListPage & { sums?: ListSums };

/**
 * A milestone as supplied by a user: the owner side defaults to the milestone's definition. A date left
 * out keeps the stored date (a new milestone: none); only an explicit null clears one.
 */
export type MilestoneInput = Pick<Milestone, 'code'> &
  Partial<Pick<Milestone, 'baselineDate' | 'forecastDate' | 'actualDate'>> & { ownerSide?: OwnerSide; homes?: number | null };

export type ProjectCreate = Omit<
  ProjectInput,
  'milestones' | 'description' | 'flags' | 'origin' | 'location' | 'synthetic' | 'programme' | 'jaarschijven' | 'parties'
> &
  Partial<Pick<ProjectInput, 'description' | 'flags' | 'origin' | 'location' | 'synthetic' | 'programme' | 'jaarschijven' | 'parties'>> & {
    milestones?: MilestoneInput[];
  };

export type ProjectPatch = Partial<Omit<ProjectCreate, 'synthetic'>>;

export type KnelpuntInput = Omit<
  Knelpunt,
  'id' | 'projectId' | 'version' | 'escalated' | 'escalatedOn' | 'escalationReason' | 'owner' | 'resolution' | 'resolvedDate'
> &
  Partial<Pick<Knelpunt, 'escalated' | 'escalationReason' | 'owner' | 'resolution' | 'resolvedDate'>>;

export interface ProjectView extends Project {
  milestones: Array<Milestone & { delay: MilestoneDelay }>;
  knelpunten: Knelpunt[];
  warnings: Issue[];
}

export interface ProjectServiceDeps {
  access: AccessGuard;
  audit: AuditRepository;
  db: Db;
  projects: ProjectRepository;
  knelpunten: KnelpuntRepository;
  delayReasons: DelayReasonRepository;
  geography: GeographyRepository;
  organisations: OrganisationRepository;
  baselineHistory: BaselineHistoryRepository;
  /** Today's date (YYYY-MM-DD) for the plausibility of dates; default: the clock, in the Netherlands. */
  today?: () => string;
  /** List pages per data version (list-page-cache.ts); default: none kept. */
  listPages?: ListPageCache;
}

/** A project locked for a change (loadForChange), with what its write path needs. */
interface LoadedForChange {
  current: Project;
  facts: ProjectFacts;
  /** Its knelpunten, which colour its status. */
  knelpunten: Knelpunt[];
  /** The province of its gemeente in the reference data now. */
  gemeenteProvincieCode: string;
}

/** The references of a stored project that exist (foreign keys), so validation need not look them up again. */
type StoredReferences = Pick<Project, 'gemeenteCode' | 'parties'> & { gemeenteProvincieCode: string };

/** The full view of a project as the API shows it (also what a closed quarter freezes). */
export function projectView(project: Project, projectKnelpunten: Knelpunt[], warnings: Issue[] = checkProject(project).warnings): ProjectView {
  return {
    ...project,
    milestones: project.milestones.map((m) => ({ ...m, delay: milestoneDelay(m) })),
    knelpunten: projectKnelpunten,
    warnings,
  };
}

/**
 * Complete milestones as supplied: a field left out keeps the value of the stored milestone with the
 * same code (`current`), so leaving out a date never clears it; only an explicit null does (issue 8).
 */
function normaliseMilestones(milestones: readonly MilestoneInput[], current: readonly Milestone[] = []): Milestone[] {
  return milestones.map((m) => {
    const stored = current.find((c) => c.code === m.code);
    return {
      code: m.code,
      ownerSide: m.ownerSide ?? stored?.ownerSide ?? MILESTONES.find((d) => d.code === m.code)!.allowedOwners[0],
      baselineDate: m.baselineDate !== undefined ? m.baselineDate : (stored?.baselineDate ?? null),
      forecastDate: m.forecastDate !== undefined ? m.forecastDate : (stored?.forecastDate ?? null),
      actualDate: m.actualDate !== undefined ? m.actualDate : (stored?.actualDate ?? null),
      homes: m.homes !== undefined ? m.homes : (stored?.homes ?? null),
    };
  });
}

export function createProjectService(deps: ProjectServiceDeps) {
  const { db, projects, knelpunten, delayReasons, geography, organisations, baselineHistory, access, audit } = deps;
  const today = deps.today ?? (() => dateInNetherlands(new Date()));

  /** Refuse dates outside the plausible window (issue 8); only new or changed dates are checked. */
  function assertPlausibleMilestones(next: readonly Milestone[], current: readonly Milestone[] = []): void {
    const issues = checkMilestoneDates(next, today(), current);
    if (issues.length > 0) throw new ValidationError(issues);
  }

  const record = projectChangeRecorder(audit);

  /**
   * Which parts of a project the actor changes, and whether they may: the project's own data needs
   * the gemeente (canEditProject); each milestone needs its owner side (canEditMilestone). SPEC §1, §7.
   */
  function assertMayChange(principal: Principal, facts: ProjectFacts, current: ProjectInput, next: ProjectInput): void {
    requireMayChangeProject(principal, facts, projectChange(current, next));
  }

  /**
   * Load for a change: the locked row with its parts, knelpunten and access facts in one statement
   * (issue 9 item 5), readable by the actor (else 404).
   */
  async function loadForChange(tx: Queryable, id: string, principal: Principal): Promise<LoadedForChange> {
    const loaded = await projects.loadForChange(tx, id);
    if (!loaded) throw new NotFoundError('Project', id);
    const facts = await access.readableProject(tx, principal, { ...loaded.project, regionIds: loaded.regionIds });
    // Only after the read check: a 409 must not tell an outsider that the record exists.
    const closed = loaded.project.lifecycle ? closedRecordProblem(loaded.project.lifecycle) : null;
    if (closed) throw new ConflictError(closed);
    return { current: loaded.project, facts, knelpunten: loaded.knelpunten, gemeenteProvincieCode: loaded.gemeenteProvincieCode };
  }

  /**
   * Check references (gemeente, organisations) and domain consistency; throw on any error. `principal`: a party
   * added by this caller must be an organisation it may see (a demo role: no real market party, answered as an
   * unknown one; src/domain/access.ts canSeeOrganisation); `stored`: the project as stored, whose gemeente and
   * parties exist (foreign keys), so only a new gemeente or organisation is looked up. SPEC §7.
   */
  async function validate(
    q: Queryable,
    input: ProjectInput,
    principal?: Principal,
    stored?: StoredReferences,
  ): Promise<{ provincieCode: string; checks: CheckResult }> {
    const errors: Issue[] = [];
    const provincieCode =
      stored && input.gemeenteCode === stored.gemeenteCode
        ? stored.gemeenteProvincieCode
        : (await geography.getGemeente(q, input.gemeenteCode))?.provincieCode;
    if (!provincieCode) {
      errors.push({ path: 'gemeenteCode', code: 'unknown_gemeente', message: `Gemeentecode '${input.gemeenteCode}' bestaat niet (2025-indeling).` });
    }
    const keep = new Set(stored?.parties.map((p) => p.organisationId));
    const added = [...new Set(input.parties.map((p) => p.organisationId))].filter((o) => !keep.has(o));
    const known = new Set(keep);
    if (principal) {
      for (const id of added) {
        const org = await organisations.get(q, id);
        // A merged duplicate is no new party: the organisation it went into is (migration 0015).
        if (org && canSeeOrganisation(principal, org) && org.mergedInto === null) known.add(org.id);
      }
    } else {
      for (const id of await organisations.existing(q, added)) known.add(id);
    }
    input.parties.forEach((p, i) => {
      if (!known.has(p.organisationId)) {
        errors.push({
          path: `parties[${i}].organisationId`,
          code: 'unknown_organisation',
          message: `Organisatie '${p.organisationId}' bestaat niet.`,
        });
      }
    });
    const checks = checkProject(input);
    errors.push(...checks.errors);
    if (errors.length > 0) throw new ValidationError(errors);
    return { provincieCode: provincieCode!, checks };
  }

  const view = projectView;

  /**
   * A page of the list. Exact: with the number of all matching projects and their sums (one query that reads
   * every match). Bounded: counted up to LIST_COUNT_CAP + 1 and without sums, so a page costs the same however
   * large the register is (issue 15); the exact figures are asked for separately.
   */
  async function listPage(filter: ProjectFilter, page: Page, total: ListTotal): Promise<ProjectListResult> {
    if (total === 'bounded') return projects.list(db, filter, page, 'bounded');
    const [list, counted] = await Promise.all([projects.list(db, filter, page, 'none'), projects.sums(db, filter)]);
    return { ...list, total: counted.total, totalExact: true, sums: counted.sums };
  }

  async function load(q: Queryable, id: string): Promise<Project> {
    const project = await projects.get(q, id);
    if (!project) throw new NotFoundError('Project', id);
    return project;
  }

  async function conflict(q: Queryable, id: string): Promise<never> {
    const current = await projects.get(q, id);
    if (!current) throw new NotFoundError('Project', id);
    return stale(current.version);
  }

  /** 409: the change was made on an older version than the stored (locked) `currentVersion`. */
  function stale(currentVersion: number): never {
    throw new ConflictError(
      `Iemand anders heeft dit project intussen gewijzigd (nu versie ${currentVersion}). Laad het opnieuw en voer uw wijziging opnieuw in.`,
      currentVersion,
    );
  }

  /** Apply a partial change to a project locked by loadForChange; a stale version changes nothing (409). */
  async function applyPatch(tx: Queryable, loaded: LoadedForChange, version: number, patch: ProjectPatch, actor: Actor): Promise<ProjectView> {
    const { current, facts } = loaded;
    if (current.version !== version) return stale(current.version);
    const input: ProjectInput = {
      name: patch.name ?? current.name,
      gemeenteCode: patch.gemeenteCode ?? current.gemeenteCode,
      description: patch.description !== undefined ? patch.description : current.description,
      planStatus: patch.planStatus ?? current.planStatus,
      origin: patch.origin ?? current.origin,
      flags: patch.flags ? [...new Set(patch.flags)] : current.flags,
      location: patch.location !== undefined ? patch.location : current.location,
      synthetic: current.synthetic,
      programme: patch.programme ?? current.programme,
      jaarschijven: patch.jaarschijven ?? current.jaarschijven,
      milestones: patch.milestones ? normaliseMilestones(patch.milestones, current.milestones) : current.milestones,
      parties: patch.parties ?? current.parties,
    };
    // SPEC §2: an ordinary edit may set an empty baseline, never move one; that is re-baselining.
    const locked = checkBaselineEdit(current.milestones, input.milestones);
    if (locked.length > 0) throw new ValidationError(locked);
    assertPlausibleMilestones(input.milestones, current.milestones);
    assertMayChange(actor.principal, facts, inputOf(current), input);
    const saved = await replace(tx, loaded, version, input, actor.principal);
    await record(tx, actor, 'project', current.id, 'gewijzigd', inputOf(current), input);
    return saved;
  }

  return {
    /** The projects the principal may see, filtered (SPEC §7: nobody sees what is not theirs). */
    /** A page of the list (exact: with the exact number of matches and their sums; see listPage). */
    async list(filter: ProjectFilter, page: Page, principal: Principal, total: ListTotal = 'exact'): Promise<ProjectListResult> {
      // One scope for every list, export and figure: own area, and only synthetic demo projects for demo
      // principals and for the public in demo mode (never real ones). SPEC §7.
      const scope = requireProjectScope(principal, access.publicDemoData);
      if (scope === null)
        return {
          items: [],
          total: 0,
          totalExact: true,
          nextCursor: null,
          ...(total === 'exact'
            ? { sums: { homes: 0, affordableHomes: 0, socialHomes: 0, yearHomes: null, openKnelpunten: null, delayedMilestones: null } }
            : {}),
        };
      const read = () => listPage({ ...filter, scope }, page, total);
      return deps.listPages ? deps.listPages.get({ scope, filter, page, total, today: today() }, read) : read();
    },

    async get(id: string, principal: Principal): Promise<ProjectView> {
      // Without demo mode the public reads no project: 401 before looking, so a real id and an unknown one answer alike.
      requireMayAskForProjects(principal, access.publicDemoData);
      const project = await load(db, id);
      await access.readableProject(db, principal, project);
      const ks = await knelpunten.listByProject(db, id);
      return view(project, ks, checkProject(project).warnings);
    },

    async create(data: ProjectCreate, actor: Actor): Promise<ProjectView> {
      requireMayCreateProject(actor.principal, data.gemeenteCode);
      const input: ProjectInput = {
        name: data.name,
        gemeenteCode: data.gemeenteCode,
        description: data.description ?? null,
        planStatus: data.planStatus,
        origin: data.origin ?? 'nieuwbouw',
        flags: [...new Set(data.flags ?? [])],
        location: data.location ?? null,
        // What a demo role creates is demo data, whatever the request says. SPEC §7.
        synthetic: createsSynthetic(actor.principal) || (data.synthetic ?? false),
        programme: data.programme ?? [],
        jaarschijven: data.jaarschijven ?? [],
        milestones: normaliseMilestones(data.milestones ?? []),
        parties: data.parties ?? [],
      };
      assertPlausibleMilestones(input.milestones);
      return db.transaction(async (tx) => {
        const { provincieCode, checks } = await validate(tx, input, actor.principal);
        const now = new Date().toISOString();
        const project: Project = {
          ...input,
          ...deriveProject(input, []),
          id: randomUUID(),
          provincieCode,
          version: 1,
          createdAt: now,
          updatedAt: now,
        };
        await projects.insertMany(tx, [project]);
        await record(tx, actor, 'project', project.id, 'aangemaakt', {}, input);
        return view(project, [], checks.warnings);
      });
    },

    /** Apply a partial change when `version` is still current; a stale version changes nothing (409). */
    async update(id: string, version: number, patch: ProjectPatch, actor: Actor): Promise<ProjectView> {
      return db.transaction(async (tx) => applyPatch(tx, await loadForChange(tx, id, actor.principal), version, patch, actor));
    },

    /**
     * Re-baseline: the explicit act of the table, with a reason, kept in history (SPEC §2). Changes only
     * the baselines named, bumps the version (stale → 409) and appends to the baseline history.
     */
    async rebaseline(id: string, version: number, request: RebaselineRequest, actor: Actor): Promise<ProjectView> {
      return db.transaction(async (tx) => {
        const loaded = await loadForChange(tx, id, actor.principal);
        const { current, facts } = loaded;
        requireMayRebaseline(actor.principal, facts);
        if (current.version !== version) return stale(current.version);
        const plan = planRebaseline(current.milestones, request);
        if (plan.issues.length > 0) throw new ValidationError(plan.issues);
        const saved = await replace(tx, loaded, version, { ...current, milestones: plan.milestones });
        await baselineHistory.insert(tx, {
          id: randomUUID(),
          projectId: id,
          projectVersion: saved.version,
          reason: request.reason.trim(),
          changes: plan.changes,
        });
        await record(tx, actor, 'project', id, `opnieuw gebaselined: ${request.reason.trim()}`, inputOf(current), {
          ...inputOf(current),
          milestones: plan.milestones,
        });
        return saved;
      });
    },

    /** The re-baselines of a project, oldest first. */
    async baselineHistory(id: string, principal: Principal): Promise<BaselineHistoryEntry[]> {
      await access.readableProject(db, principal, await load(db, id));
      return baselineHistory.listByProject(db, id);
    },

    /**
     * Change one milestone (the common quarterly edit): only the fields given change. A forecast moved past the delay
     * tolerance needs `delayReason` (src/domain/delay-reason.ts); the reason is kept and audited in the same transaction.
     */
    async updateMilestone(
      id: string,
      code: MilestoneCode,
      version: number,
      change: Partial<Omit<MilestoneInput, 'code'>>,
      actor: Actor,
      delayReason?: DelayReasonInput,
    ): Promise<ProjectView> {
      // One load, inside the transaction, for the merge and the change alike (issue 9 item 5).
      return db.transaction(async (tx) => {
        const loaded = await loadForChange(tx, id, actor.principal);
        const { current } = loaded;
        const existing = current.milestones.find((m) => m.code === code);
        // Fields left out of `change` keep their stored value (normaliseMilestones); null clears.
        const merged: MilestoneInput = {
          ...(existing ?? { code, baselineDate: null, forecastDate: null, actualDate: null }),
          ...definedOnly(change),
          code,
        };
        const milestones = existing ? current.milestones.map((m) => (m.code === code ? merged : m)) : [...current.milestones, merged];
        const saved = await applyPatch(tx, loaded, version, { milestones: milestones.sort((a, b) => a.code.localeCompare(b.code)) }, actor);
        // After the ordinary checks (version, dates, who): why the date moved. A failure here rolls the change back.
        const before = existing?.forecastDate ?? null;
        const after = saved.milestones.find((m) => m.code === code)?.forecastDate ?? null;
        const moved = after !== null && after !== before;
        if (!delayReason) {
          if (moved && needsDelayReason(existing, after)) throw new ValidationError([delayReasonRequired(code, existing!.baselineDate!, after)]);
          return saved;
        }
        if (!moved) {
          throw new ValidationError([
            { path: 'delayReason', code: 'no_forecast_change', message: 'Een reden voor het schuiven hoort bij een nieuwe prognosedatum.' },
          ]);
        }
        const resolved = resolveDelayReason(delayReason, loaded.knelpunten);
        if ('issues' in resolved) throw new ValidationError(resolved.issues);
        const reason = resolved.reason;
        await delayReasons.insert(tx, {
          id: randomUUID(),
          projectId: id,
          milestoneCode: code,
          oldForecast: before,
          newForecast: after,
          ...reason,
          actorUserId: actor.principal.userId,
          actorName: actor.principal.name,
        });
        await record(
          tx,
          actor,
          'project',
          id,
          `reden voor het schuiven van ${milestoneName(code)}: ${describeDelayReason(reason)}`,
          { delayReason: null },
          { delayReason: { milestone: code, oldForecast: before, newForecast: after, ...reason } },
        );
        return saved;
      });
    },

    async delete(id: string, version: number, actor: Actor): Promise<void> {
      await db.transaction(async (tx) => {
        const { current, facts, knelpunten: itsKnelpunten } = await loadForChange(tx, id, actor.principal);
        requireMayDeleteProject(actor.principal, facts);
        if (!(await projects.delete(tx, id, version))) stale(current.version);
        await record(tx, actor, 'project', id, 'verwijderd', inputOf(current), {});
        // Every removed row is audited: the knelpunten go with the project. SPEC §7.
        for (const k of itsKnelpunten) await record(tx, actor, 'knelpunt', k.id, 'knelpunt verwijderd met het project', k, {}, id);
        // The facts that decide who may still read the trail (issue 8 item 13).
        await audit.recordDeletedProject(tx, {
          id,
          name: current.name,
          gemeenteCode: facts.gemeenteCode,
          provincieCode: facts.provincieCode,
          regionIds: [...facts.regionIds],
          partyOrganisationIds: [...facts.partyOrganisationIds],
          synthetic: facts.synthetic,
        });
      });
    },

    /** Every recorded change of the project and its knelpunten, newest first, a page at a time. SPEC §7. */
    async auditTrail(id: string, principal: Principal, page: { limit: number; offset: number } = { limit: 100, offset: 0 }) {
      const project = await projects.get(db, id);
      let facts: ProjectFacts;
      if (project) facts = await access.readableProject(db, principal, project);
      else {
        // A deleted project's trail stays readable by those who could read the project (its tombstone). SPEC §7.
        const tombstone = await audit.deletedProject(db, id);
        requireReadableDeletedProject(principal, id, tombstone);
        facts = tombstone!;
      }
      // Open-book changes (their figures, and that they were made) only for readers of the open book (issue 12 item 5).
      return audit.forProject(db, id, page, hiddenAuditEntities(principal, facts));
    },

    async listKnelpunten(projectId: string, principal: Principal): Promise<Knelpunt[]> {
      await access.readableProject(db, principal, await load(db, projectId));
      return knelpunten.listByProject(db, projectId);
    },

    async addKnelpunt(projectId: string, data: KnelpuntInput, actor: Actor): Promise<Knelpunt> {
      return db.transaction(async (tx) => {
        const { current: project, facts, knelpunten: ks } = await loadForChange(tx, projectId, actor.principal);
        assertMayEditKnelpunten(actor.principal, facts);
        const escalated = data.escalated ?? false;
        const knelpunt: Knelpunt = withoutEscalation({
          id: randomUUID(),
          projectId,
          category: data.category,
          description: data.description.trim(),
          owner: data.owner?.trim() || null,
          raisedDate: data.raisedDate,
          escalated,
          escalatedOn: escalated ? today() : null,
          escalationReason: data.escalationReason?.trim() || null,
          resolution: data.resolution?.trim() || null,
          resolvedDate: data.resolvedDate ?? null,
          version: 1,
        });
        assertValidKnelpunt(null, knelpunt, today());
        await knelpunten.insertMany(tx, [knelpunt]);
        await refreshStatus(tx, project, [...ks, knelpunt]);
        // Each step is its own act in the history: added, and (when so made) escalated and resolved.
        await record(tx, actor, 'knelpunt', knelpunt.id, knelpuntStep(null, knelpunt), {}, knelpunt, projectId);
        if (knelpunt.escalated) {
          await record(
            tx,
            actor,
            'knelpunt',
            knelpunt.id,
            knelpuntStep({ ...knelpunt, escalated: false, resolvedDate: null }, knelpunt),
            {},
            {},
            projectId,
          );
        }
        return knelpunt;
      });
    },

    /** Change a knelpunt (PATCH): the audit names the step it is (changed, escalated, resolved, reopened). */
    async updateKnelpunt(projectId: string, knelpuntId: string, version: number, change: Partial<KnelpuntInput>, actor: Actor): Promise<Knelpunt> {
      return changeKnelpunt(projectId, knelpuntId, version, actor, (current) => {
        const given = definedOnly(change);
        const next: Knelpunt = withoutEscalation({
          ...current,
          ...given,
          description: given.description?.trim() ?? current.description,
          owner: given.owner !== undefined ? given.owner?.trim() || null : current.owner,
        });
        // A new escalation is dated today; its reason is checked with the other rules.
        if (next.escalated && !current.escalated) next.escalatedOn = today();
        assertValidKnelpunt(current, next, today());
        return { ok: true, knelpunt: next };
      });
    },

    /** "Escaleren naar de tafel": with a reason, dated today (src/domain/knelpunt.ts escalateKnelpunt). */
    async escalateKnelpunt(projectId: string, knelpuntId: string, version: number, reason: string, actor: Actor): Promise<Knelpunt> {
      return changeKnelpunt(projectId, knelpuntId, version, actor, (current) => escalateKnelpunt(current, reason, today()));
    },

    /** "Oplossen": with the date and how (src/domain/knelpunt.ts resolveKnelpunt). */
    async resolveKnelpunt(
      projectId: string,
      knelpuntId: string,
      version: number,
      resolution: { resolvedDate: string | null; resolution: string },
      actor: Actor,
    ): Promise<Knelpunt> {
      return changeKnelpunt(projectId, knelpuntId, version, actor, (current) => {
        const outcome = resolveKnelpunt(current, resolution, today());
        if (outcome.ok) assertValidKnelpunt(current, outcome.knelpunt, today());
        return outcome;
      });
    },

    async deleteKnelpunt(projectId: string, knelpuntId: string, version: number, actor: Actor): Promise<void> {
      await db.transaction(async (tx) => {
        const { current: project, facts, knelpunten: ks } = await loadForChange(tx, projectId, actor.principal);
        assertMayEditKnelpunten(actor.principal, facts);
        const current = ks.find((k) => k.id === knelpuntId);
        if (!current || current.projectId !== projectId) throw new NotFoundError('Knelpunt', knelpuntId);
        if (!(await knelpunten.delete(tx, knelpuntId, version))) {
          throw new ConflictError(`Iemand anders heeft dit knelpunt intussen gewijzigd (nu versie ${current.version}).`, current.version);
        }
        await refreshStatus(
          tx,
          project,
          ks.filter((k) => k.id !== knelpuntId),
        );
        await record(tx, actor, 'knelpunt', knelpuntId, knelpuntStep(current, null), current, {}, projectId);
      });
    },
  };

  /**
   * One step on a knelpunt under the project's lock: who may, the version (409 when stale), the next state from
   * `step` (422 with its issues), the status of the project, and the step as its own act in the audit trail.
   */
  async function changeKnelpunt(
    projectId: string,
    knelpuntId: string,
    version: number,
    actor: Actor,
    step: (current: Knelpunt) => Outcome,
  ): Promise<Knelpunt> {
    return db.transaction(async (tx) => {
      const { current: project, facts, knelpunten: ks } = await loadForChange(tx, projectId, actor.principal);
      assertMayEditKnelpunten(actor.principal, facts);
      const current = ks.find((k) => k.id === knelpuntId);
      if (!current || current.projectId !== projectId) throw new NotFoundError('Knelpunt', knelpuntId);
      if (current.version !== version) {
        throw new ConflictError(`Iemand anders heeft dit knelpunt intussen gewijzigd (nu versie ${current.version}).`, current.version);
      }
      const outcome = step(current);
      if (!outcome.ok) throw new ValidationError(outcome.issues);
      const next: Knelpunt = { ...outcome.knelpunt, id: knelpuntId, projectId, version: version + 1 };
      if (!(await knelpunten.update(tx, next, version))) throw new ConflictError('Het knelpunt is intussen gewijzigd.');
      await refreshStatus(
        tx,
        project,
        ks.map((k) => (k.id === knelpuntId ? next : k)),
      );
      await record(tx, actor, 'knelpunt', knelpuntId, knelpuntStep(current, next), current, next, projectId);
      return next;
    });
  }

  /**
   * Validate `input`, derive, and write over the loaded project when `version` is still current (else
   * 409); only the rows that changed are written (issue 9 item 5).
   */
  async function replace(tx: Queryable, loaded: LoadedForChange, version: number, input: ProjectInput, principal?: Principal): Promise<ProjectView> {
    const { current, knelpunten: ks } = loaded;
    const { provincieCode, checks } = await validate(tx, input, principal, { ...current, gemeenteProvincieCode: loaded.gemeenteProvincieCode });
    const next: Project = {
      ...input,
      ...deriveProject(input, ks),
      id: current.id,
      provincieCode,
      version: version + 1,
      createdAt: current.createdAt,
      updatedAt: new Date().toISOString(),
      lifecycle: current.lifecycle,
    };
    if (!(await projects.update(tx, next, version, current))) return conflict(tx, current.id);
    return view(next, ks, checks.warnings);
  }

  /** Knelpunten colour the project status: recompute it in the same transaction, from the knelpunten after the change. */
  async function refreshStatus(tx: Queryable, project: Project, ks: readonly Knelpunt[]): Promise<void> {
    await projects.updateDerived(tx, project.id, deriveProject(project, ks));
  }
}

function assertValidKnelpunt(current: Knelpunt | null, k: Knelpunt, today: string): void {
  const errors = [...checkKnelpuntDates(k, today, current ?? undefined), ...checkKnelpunt(k), ...checkKnelpuntChange(current, k)];
  if (errors.length) throw new ValidationError(errors);
}

/** The fields of a partial change that are given: a key present with `undefined` changes nothing. */
function definedOnly<T extends object>(change: T): Partial<T> {
  return Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export type ProjectService = ReturnType<typeof createProjectService>;

/** The user-supplied part of a project, for audit diffs. */
function inputOf(p: Project): ProjectInput {
  return {
    name: p.name,
    gemeenteCode: p.gemeenteCode,
    description: p.description,
    planStatus: p.planStatus,
    origin: p.origin,
    flags: p.flags,
    location: p.location,
    synthetic: p.synthetic,
    programme: p.programme,
    jaarschijven: p.jaarschijven,
    milestones: p.milestones,
    parties: p.parties,
  };
}

/** Knelpunten are raised and followed up by the gemeente and by the market parties of the project (src/domain/access.ts). */
const assertMayEditKnelpunten = requireMayEditKnelpunten;

/** What a change touches, as the owner-side rule (src/domain/access.ts requireMayChangeProject) needs it. */
function projectChange(current: ProjectInput, next: ProjectInput): ProjectChange {
  const { milestones: currentMilestones, ...currentRest } = current;
  const { milestones: nextMilestones, ...nextRest } = next;
  const byCode = (list: readonly Milestone[]) => new Map(list.map((m) => [m.code, m]));
  const before = byCode(currentMilestones);
  const after = byCode(nextMilestones);
  const milestones: ProjectChange['milestones'] = [...new Set([...before.keys(), ...after.keys()])]
    .filter((code) => JSON.stringify(before.get(code) ?? null) !== JSON.stringify(after.get(code) ?? null))
    .map((code) => ({
      code,
      sides: [...new Set([before.get(code)?.ownerSide, after.get(code)?.ownerSide].filter((x): x is OwnerSide => Boolean(x)))],
    }));
  return {
    projectData: diffFields(currentRest, nextRest).length > 0,
    toGemeenteCode: next.gemeenteCode !== current.gemeenteCode ? next.gemeenteCode : null,
    milestones,
  };
}
