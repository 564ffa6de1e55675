/** Use cases on the project register: load through repositories, apply domain rules, save. */
import { randomUUID } from 'node:crypto';
import { checkBaselineEdit, planRebaseline, type BaselineHistoryEntry, type RebaselineRequest } from '../domain/baseline.ts';
import { MILESTONES, type MilestoneCode, type OwnerSide } from '../domain/codes.ts';
import { checkProject, type CheckResult } from '../domain/consistency.ts';
import { milestoneDelay, type MilestoneDelay } from '../domain/delay.ts';
import { deriveProject } from '../domain/derive.ts';
import { checkKnelpunt } from '../domain/knelpunt.ts';
import { ConflictError, NotFoundError, ValidationError, type Issue } from '../domain/errors.ts';
import type { Knelpunt, Milestone, Project, ProjectInput } from '../domain/project.ts';
import type { BaselineHistoryRepository } from '../storage/baseline.repository.ts';
import type { Db, Queryable } from '../storage/db.ts';
import type { GeographyRepository } from '../storage/geography.repository.ts';
import type { OrganisationRepository } from '../storage/organisation.repository.ts';
import type { KnelpuntRepository, Page, ProjectFilter, ProjectRepository } from '../storage/project.repository.ts';

/** A milestone as supplied by a user: the owner side defaults to the milestone's definition. */
export type MilestoneInput = Omit<Milestone, 'ownerSide' | 'homes'> & { ownerSide?: OwnerSide; homes?: number | null };

export type ProjectCreate = Omit<ProjectInput, 'milestones' | 'description' | 'flags' | 'origin' | 'location' | 'synthetic' | 'programme' | 'jaarschijven' | 'parties'> &
  Partial<Pick<ProjectInput, 'description' | 'flags' | 'origin' | 'location' | 'synthetic' | 'programme' | 'jaarschijven' | 'parties'>> & {
    milestones?: MilestoneInput[];
  };

export type ProjectPatch = Partial<Omit<ProjectCreate, 'synthetic'>>;

export type KnelpuntInput = Omit<Knelpunt, 'id' | 'projectId' | 'version' | 'escalated' | 'owner' | 'resolution' | 'resolvedDate'> &
  Partial<Pick<Knelpunt, 'escalated' | 'owner' | 'resolution' | 'resolvedDate'>>;

export interface ProjectView extends Project {
  milestones: Array<Milestone & { delay: MilestoneDelay }>;
  knelpunten: Knelpunt[];
  warnings: Issue[];
}

export interface ProjectServiceDeps {
  db: Db;
  projects: ProjectRepository;
  knelpunten: KnelpuntRepository;
  geography: GeographyRepository;
  organisations: OrganisationRepository;
  baselineHistory: BaselineHistoryRepository;
}

/** The full view of a project as the API shows it (also what a closed quarter freezes). */
export function projectView(project: Project, projectKnelpunten: Knelpunt[], warnings: Issue[] = checkProject(project).warnings): ProjectView {
  return {
    ...project,
    milestones: project.milestones.map((m) => ({ ...m, delay: milestoneDelay(m) })),
    knelpunten: projectKnelpunten,
    warnings,
  };
}

function normaliseMilestones(milestones: readonly MilestoneInput[]): Milestone[] {
  return milestones.map((m) => ({
    code: m.code,
    ownerSide: m.ownerSide ?? MILESTONES.find((d) => d.code === m.code)!.allowedOwners[0],
    baselineDate: m.baselineDate ?? null,
    forecastDate: m.forecastDate ?? null,
    actualDate: m.actualDate ?? null,
    homes: m.homes ?? null,
  }));
}

export function createProjectService(deps: ProjectServiceDeps) {
  const { db, projects, knelpunten, geography, organisations, baselineHistory } = deps;

  /** Check references (gemeente, organisations) and domain consistency; throw on any error. */
  async function validate(q: Queryable, input: ProjectInput): Promise<{ provincieCode: string; checks: CheckResult }> {
    const errors: Issue[] = [];
    const gemeente = await geography.getGemeente(q, input.gemeenteCode);
    if (!gemeente) {
      errors.push({ path: 'gemeenteCode', code: 'unknown_gemeente', message: `Gemeentecode '${input.gemeenteCode}' bestaat niet (2025-indeling).` });
    }
    const orgIds = [...new Set(input.parties.map((p) => p.organisationId))];
    const known = await organisations.existing(q, orgIds);
    input.parties.forEach((p, i) => {
      if (!known.has(p.organisationId)) {
        errors.push({ path: `parties[${i}].organisationId`, code: 'unknown_organisation', message: `Organisatie '${p.organisationId}' bestaat niet.` });
      }
    });
    const checks = checkProject(input);
    errors.push(...checks.errors);
    if (errors.length > 0) throw new ValidationError(errors);
    return { provincieCode: gemeente!.provincieCode, checks };
  }

  const view = projectView;

  async function load(q: Queryable, id: string, forUpdate = false): Promise<Project> {
    const project = await projects.get(q, id, { forUpdate });
    if (!project) throw new NotFoundError('Project', id);
    return project;
  }

  async function conflict(q: Queryable, id: string): Promise<never> {
    const current = await projects.get(q, id);
    if (!current) throw new NotFoundError('Project', id);
    throw new ConflictError(
      `Iemand anders heeft dit project intussen gewijzigd (nu versie ${current.version}). Laad het opnieuw en voer uw wijziging opnieuw in.`,
      current.version,
    );
  }

  return {
    async list(filter: ProjectFilter, page: Page) {
      return projects.list(db, filter, page);
    },

    async get(id: string): Promise<ProjectView> {
      const project = await load(db, id);
      const ks = await knelpunten.listByProject(db, id);
      return view(project, ks, checkProject(project).warnings);
    },

    async create(data: ProjectCreate): Promise<ProjectView> {
      const input: ProjectInput = {
        name: data.name,
        gemeenteCode: data.gemeenteCode,
        description: data.description ?? null,
        planStatus: data.planStatus,
        origin: data.origin ?? 'nieuwbouw',
        flags: [...new Set(data.flags ?? [])],
        location: data.location ?? null,
        synthetic: data.synthetic ?? false,
        programme: data.programme ?? [],
        jaarschijven: data.jaarschijven ?? [],
        milestones: normaliseMilestones(data.milestones ?? []),
        parties: data.parties ?? [],
      };
      return db.transaction(async (tx) => {
        const { provincieCode, checks } = await validate(tx, input);
        const now = new Date().toISOString();
        const project: Project = { ...input, ...deriveProject(input, []), id: randomUUID(), provincieCode, version: 1, createdAt: now, updatedAt: now };
        await projects.insertMany(tx, [project]);
        return view(project, [], checks.warnings);
      });
    },

    /** Apply a partial change when `version` is still current; a stale version changes nothing (409). */
    async update(id: string, version: number, patch: ProjectPatch): Promise<ProjectView> {
      return db.transaction(async (tx) => {
        const current = await load(tx, id, true);
        if (current.version !== version) return conflict(tx, id);
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
          milestones: patch.milestones ? normaliseMilestones(patch.milestones) : current.milestones,
          parties: patch.parties ?? current.parties,
        };
        // SPEC §2: an ordinary edit may set an empty baseline, never move one; that is re-baselining.
        const locked = checkBaselineEdit(current.milestones, input.milestones);
        if (locked.length > 0) throw new ValidationError(locked);
        return replace(tx, current, version, input);
      });
    },

    /**
     * Re-baseline: the explicit act of the table, with a reason, kept in history (SPEC §2). Changes only
     * the baselines named, bumps the version (stale → 409) and appends to the baseline history.
     */
    async rebaseline(id: string, version: number, request: RebaselineRequest): Promise<ProjectView> {
      return db.transaction(async (tx) => {
        const current = await load(tx, id, true);
        if (current.version !== version) return conflict(tx, id);
        const plan = planRebaseline(current.milestones, request);
        if (plan.issues.length > 0) throw new ValidationError(plan.issues);
        const saved = await replace(tx, current, version, { ...current, milestones: plan.milestones });
        await baselineHistory.insert(tx, { id: randomUUID(), projectId: id, projectVersion: saved.version, reason: request.reason.trim(), changes: plan.changes });
        return saved;
      });
    },

    /** The re-baselines of a project, oldest first. */
    async baselineHistory(id: string): Promise<BaselineHistoryEntry[]> {
      await load(db, id);
      return baselineHistory.listByProject(db, id);
    },

    /** Change one milestone (the common quarterly edit): only the fields given change. */
    async updateMilestone(id: string, code: MilestoneCode, version: number, change: Partial<Omit<MilestoneInput, 'code'>>): Promise<ProjectView> {
      const current = await load(db, id);
      const existing = current.milestones.find((m) => m.code === code);
      const merged: MilestoneInput = { ...(existing ?? { code, baselineDate: null, forecastDate: null, actualDate: null }), ...change, code };
      const milestones = existing ? current.milestones.map((m) => (m.code === code ? merged : m)) : [...current.milestones, merged];
      return this.update(id, version, { milestones: milestones.sort((a, b) => a.code.localeCompare(b.code)) });
    },

    async delete(id: string, version: number): Promise<void> {
      await db.transaction(async (tx) => {
        await load(tx, id, true);
        if (!(await projects.delete(tx, id, version))) await conflict(tx, id);
      });
    },

    async listKnelpunten(projectId: string): Promise<Knelpunt[]> {
      await load(db, projectId);
      return knelpunten.listByProject(db, projectId);
    },

    async addKnelpunt(projectId: string, data: KnelpuntInput): Promise<Knelpunt> {
      return db.transaction(async (tx) => {
        const project = await load(tx, projectId, true);
        const knelpunt: Knelpunt = {
          id: randomUUID(),
          projectId,
          category: data.category,
          description: data.description,
          owner: data.owner ?? null,
          raisedDate: data.raisedDate,
          escalated: data.escalated ?? false,
          resolution: data.resolution ?? null,
          resolvedDate: data.resolvedDate ?? null,
          version: 1,
        };
        assertValidKnelpunt(knelpunt);
        await knelpunten.insertMany(tx, [knelpunt]);
        await refreshStatus(tx, project);
        return knelpunt;
      });
    },

    async updateKnelpunt(projectId: string, knelpuntId: string, version: number, change: Partial<KnelpuntInput>): Promise<Knelpunt> {
      return db.transaction(async (tx) => {
        const project = await load(tx, projectId, true);
        const current = await knelpunten.get(tx, knelpuntId);
        if (!current || current.projectId !== projectId) throw new NotFoundError('Knelpunt', knelpuntId);
        if (current.version !== version) {
          throw new ConflictError(`Iemand anders heeft dit knelpunt intussen gewijzigd (nu versie ${current.version}).`, current.version);
        }
        const next: Knelpunt = { ...current, ...change, id: knelpuntId, projectId, version: version + 1 };
        assertValidKnelpunt(next);
        if (!(await knelpunten.update(tx, next, version))) throw new ConflictError('Het knelpunt is intussen gewijzigd.');
        await refreshStatus(tx, project);
        return next;
      });
    },

    async deleteKnelpunt(projectId: string, knelpuntId: string, version: number): Promise<void> {
      await db.transaction(async (tx) => {
        const project = await load(tx, projectId, true);
        const current = await knelpunten.get(tx, knelpuntId);
        if (!current || current.projectId !== projectId) throw new NotFoundError('Knelpunt', knelpuntId);
        if (!(await knelpunten.delete(tx, knelpuntId, version))) {
          throw new ConflictError(`Iemand anders heeft dit knelpunt intussen gewijzigd (nu versie ${current.version}).`, current.version);
        }
        await refreshStatus(tx, project);
      });
    },
  };

  /** Validate `input`, derive, and write it over `current` when `version` is still current (else 409). */
  async function replace(tx: Queryable, current: Project, version: number, input: ProjectInput): Promise<ProjectView> {
    const { provincieCode, checks } = await validate(tx, input);
    const ks = await knelpunten.listByProject(tx, current.id);
    const next: Project = {
      ...input,
      ...deriveProject(input, ks),
      id: current.id,
      provincieCode,
      version: version + 1,
      createdAt: current.createdAt,
      updatedAt: new Date().toISOString(),
    };
    if (!(await projects.update(tx, next, version))) return conflict(tx, current.id);
    return view(next, ks, checks.warnings);
  }

  /** Knelpunten colour the project status: recompute it in the same transaction. */
  async function refreshStatus(tx: Queryable, project: Project): Promise<void> {
    const ks = await knelpunten.listByProject(tx, project.id);
    await projects.updateDerived(tx, project.id, deriveProject(project, ks));
  }
}

function assertValidKnelpunt(k: Knelpunt): void {
  const errors = checkKnelpunt(k);
  if (errors.length) throw new ValidationError(errors);
}

export type ProjectService = ReturnType<typeof createProjectService>;
