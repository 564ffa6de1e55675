/**
 * Ending a plan (issue 12 item 2): withdraw a plan that will not be built ("vervallen", counted as planuitval),
 * make it active again, and merge two records of the same plan. Each is its own audited act with the project
 * version (stale → 409); the rules are src/domain/withdrawal.ts, who may is src/domain/access.ts.
 */
import { requireMayEndProject, requireMayMergeProjects, type Principal, type ProjectFacts } from '../domain/access.ts';
import type { Actor } from '../domain/audit.ts';
import type { IsoDate } from '../domain/dates.ts';
import { deriveProject } from '../domain/derive.ts';
import { ConflictError, NotFoundError, ValidationError, type Issue } from '../domain/errors.ts';
import { dateInNetherlands } from '../domain/plausibility.ts';
import type { Knelpunt, Party, Project } from '../domain/project.ts';
import { ACTIVE, checkMerge, checkReinstatement, checkWithdrawal, planMerge, type ProjectLifecycle } from '../domain/withdrawal.ts';
import type { AuditRepository } from '../storage/audit.repository.ts';
import { projectChangeRecorder } from './project-audit.ts';
import type { Db, Queryable } from '../storage/db.ts';
import type { LifecycleRepository } from '../storage/lifecycle.repository.ts';
import type { KnelpuntRepository, ProjectRepository } from '../storage/project.repository.ts';
import type { AccessGuard } from './access.service.ts';
import { projectView, type ProjectView } from './project.service.ts';

export interface LifecycleServiceDeps {
  db: Db;
  access: AccessGuard;
  audit: AuditRepository;
  projects: ProjectRepository;
  knelpunten: KnelpuntRepository;
  lifecycle: LifecycleRepository;
  /** Today's date (YYYY-MM-DD); default: the clock, in the Netherlands. */
  today?: () => string;
}

/** What a merge would move, shown before it is confirmed. */
export interface MergePreview {
  into: { id: string; name: string; version: number };
  knelpunten: Array<Pick<Knelpunt, 'id' | 'category' | 'description' | 'resolvedDate'>>;
  parties: Party[];
  /** Why the merge would be refused (empty: it can be done). */
  issues: Issue[];
}

interface Loaded {
  project: Project;
  lifecycle: ProjectLifecycle;
  facts: ProjectFacts;
  knelpunten: Knelpunt[];
}

export function createLifecycleService(deps: LifecycleServiceDeps) {
  const { db, access, audit, projects, knelpunten, lifecycle } = deps;
  const today = deps.today ?? (() => dateInNetherlands(new Date()));

  /** Lock and load a project readable by the principal (else 404). */
  async function loadForChange(tx: Queryable, id: string, principal: Principal): Promise<Loaded> {
    const loaded = await projects.loadForChange(tx, id);
    if (!loaded) throw new NotFoundError('Project', id);
    const facts = await access.readableProject(tx, principal, { ...loaded.project, regionIds: loaded.regionIds });
    return { project: loaded.project, lifecycle: loaded.project.lifecycle ?? ACTIVE, facts, knelpunten: loaded.knelpunten };
  }

  function stale(currentVersion: number): never {
    throw new ConflictError(
      `Iemand anders heeft dit project intussen gewijzigd (nu versie ${currentVersion}). Laad het opnieuw en voer uw wijziging opnieuw in.`,
      currentVersion,
    );
  }

  const record = projectChangeRecorder(audit);

  /** The project as the API shows it, after the change (same transaction). */
  async function viewOf(tx: Queryable, id: string): Promise<ProjectView> {
    const project = await projects.get(tx, id);
    if (!project) throw new NotFoundError('Project', id);
    return projectView(project, await knelpunten.listByProject(tx, id));
  }

  /** The lifecycle fields an audit entry compares. */
  const audited = (l: ProjectLifecycle) => ({
    vervallenOp: l.withdrawnDate,
    redenVervallen: l.withdrawnReason,
    samengevoegdMet: l.mergedIntoId,
  });

  /** Lock both records of a merge in id order (two merges of the same pair cannot deadlock). */
  async function loadPair(tx: Queryable, id: string, intoId: string, principal: Principal): Promise<[Loaded, Loaded]> {
    if (id <= intoId) {
      const dup = await loadForChange(tx, id, principal);
      return [dup, await loadForChange(tx, intoId, principal)];
    }
    const into = await loadForChange(tx, intoId, principal);
    return [await loadForChange(tx, id, principal), into];
  }

  function mergeIssues(dup: Loaded, into: Loaded): Issue[] {
    return checkMerge(
      { id: dup.project.id, gemeenteCode: dup.project.gemeenteCode, lifecycle: dup.lifecycle },
      { id: into.project.id, gemeenteCode: into.project.gemeenteCode, lifecycle: into.lifecycle },
    );
  }

  return {
    /** Withdraw a plan that will not be built, with the reason and the date of the decision. */
    async withdraw(id: string, version: number, request: { reason: string; date: IsoDate }, actor: Actor): Promise<ProjectView> {
      return db.transaction(async (tx) => {
        const loaded = await loadForChange(tx, id, actor.principal);
        requireMayEndProject(actor.principal, loaded.facts);
        if (loaded.project.version !== version) return stale(loaded.project.version);
        const issues = checkWithdrawal(loaded.lifecycle, request, today());
        if (issues.length > 0) throw new ValidationError(issues);
        const reason = request.reason.trim();
        if (!(await lifecycle.withdraw(tx, id, version, { date: request.date, reason, byUserId: actor.principal.userId }))) {
          return stale(loaded.project.version);
        }
        const after: ProjectLifecycle = { ...loaded.lifecycle, state: 'vervallen', withdrawnDate: request.date, withdrawnReason: reason };
        await record(tx, actor, 'project', id, `vervallen: ${reason}`, audited(loaded.lifecycle), audited(after), id);
        return viewOf(tx, id);
      });
    },

    /** Make a withdrawn plan active again ("Weer actief maken"), with a reason. */
    async reinstate(id: string, version: number, request: { reason: string }, actor: Actor): Promise<ProjectView> {
      return db.transaction(async (tx) => {
        const loaded = await loadForChange(tx, id, actor.principal);
        requireMayEndProject(actor.principal, loaded.facts);
        if (loaded.project.version !== version) return stale(loaded.project.version);
        const issues = checkReinstatement(loaded.lifecycle, request);
        if (issues.length > 0) throw new ValidationError(issues);
        if (!(await lifecycle.reinstate(tx, id, version))) return stale(loaded.project.version);
        await record(tx, actor, 'project', id, `weer actief: ${request.reason.trim()}`, audited(loaded.lifecycle), audited(ACTIVE), id);
        return viewOf(tx, id);
      });
    },

    /** What merging `id` into `intoId` would move, and whether it can be done (nothing is changed). */
    async mergePreview(id: string, intoId: string, principal: Principal): Promise<MergePreview> {
      return db.transaction(async (tx) => {
        const [dup, into] = await loadPair(tx, id, intoId, principal);
        requireMayMergeProjects(principal, dup.facts, into.facts);
        const plan = planMerge({ parties: dup.project.parties, knelpunten: dup.knelpunten }, into.project);
        return {
          into: { id: into.project.id, name: into.project.name, version: into.project.version },
          knelpunten: dup.knelpunten.map((k) => ({ id: k.id, category: k.category, description: k.description, resolvedDate: k.resolvedDate })),
          parties: plan.parties,
          issues: mergeIssues(dup, into),
        };
      });
    },

    /**
     * Merge a duplicate into the record that stays, in one transaction: its knelpunten and the parties the
     * other lacks move over, the duplicate is closed as "samengevoegd" (kept for its history, counted nowhere),
     * and both records get a new version and an audit entry. Returns the record that stays.
     */
    async merge(id: string, version: number, intoId: string, intoVersion: number, actor: Actor): Promise<ProjectView> {
      return db.transaction(async (tx) => {
        const [dup, into] = await loadPair(tx, id, intoId, actor.principal);
        requireMayMergeProjects(actor.principal, dup.facts, into.facts);
        if (dup.project.version !== version) return stale(dup.project.version);
        if (into.project.version !== intoVersion) {
          throw new ConflictError(
            `Iemand anders heeft het project '${into.project.name}' intussen gewijzigd (nu versie ${into.project.version}). Laad het opnieuw.`,
            into.project.version,
          );
        }
        const issues = mergeIssues(dup, into);
        if (issues.length > 0) throw new ValidationError(issues);
        const plan = planMerge({ parties: dup.project.parties, knelpunten: dup.knelpunten }, into.project);
        await lifecycle.moveKnelpunten(tx, id, intoId, plan.knelpuntIds);
        await lifecycle.addParties(tx, intoId, plan.parties);
        if (!(await lifecycle.markMerged(tx, id, version, intoId))) return stale(dup.project.version);
        if (!(await lifecycle.touch(tx, intoId, intoVersion))) return stale(into.project.version);
        // The knelpunten colour the status of both records (SPEC §2): recompute both.
        const movedIds = new Set(plan.knelpuntIds);
        const intoKnelpunten = [...into.knelpunten, ...dup.knelpunten.filter((k) => movedIds.has(k.id)).map((k) => ({ ...k, projectId: intoId }))];
        await projects.updateDerived(tx, intoId, deriveProject(into.project, intoKnelpunten));
        await projects.updateDerived(tx, id, deriveProject(dup.project, []));
        await record(
          tx,
          actor,
          'project',
          id,
          `samengevoegd met ${into.project.name}`,
          audited(dup.lifecycle),
          audited({ ...dup.lifecycle, state: 'samengevoegd', mergedIntoId: intoId }),
          id,
        );
        await record(
          tx,
          actor,
          'project',
          intoId,
          `project ${dup.project.name} hierin samengevoegd`,
          { samengevoegdUit: null, partijen: into.project.parties },
          { samengevoegdUit: id, partijen: [...into.project.parties, ...plan.parties] },
          intoId,
        );
        // Every moved knelpunt is audited on both records.
        for (const k of dup.knelpunten.filter((x) => movedIds.has(x.id))) {
          await record(tx, actor, 'knelpunt', k.id, `knelpunt verplaatst naar ${into.project.name}`, { projectId: id }, { projectId: intoId }, id);
          await record(tx, actor, 'knelpunt', k.id, `knelpunt overgenomen van ${dup.project.name}`, { projectId: id }, { projectId: intoId }, intoId);
        }
        return viewOf(tx, intoId);
      });
    },
  };
}

export type LifecycleService = ReturnType<typeof createLifecycleService>;
