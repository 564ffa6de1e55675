/**
 * The demo's generated projects as the register stores them (pure): parties pointed at the gemeenten's own
 * organisations, derived figures (phase, status, delay) computed, province filled in; and per part the COPY
 * batches, the withdrawn plans and the forecasts that moved since the quarter of history. Runs in the demo
 * seed's worker threads (demo-seed.worker.ts) as well as in-process.
 */
import type { DemoPart, DemoProject } from '../demo/generate-demo.ts';
import { deriveProject } from '../domain/derive.ts';
import type { Knelpunt, Project } from '../domain/project.ts';
import type { CopyBatch } from '../storage/copy.ts';
import { knelpuntCopyBatches, projectCopyBatches } from '../storage/project.repository.ts';

export interface RowContext {
  /** Generated gemeente organisation id → the gemeente's own organisation (reference data). */
  orgIdMap: ReadonlyMap<string, string>;
  /** Gemeente code → province code. */
  provincieOf: ReadonlyMap<string, string>;
  /** createdAt/updatedAt of every project (ISO). */
  now: string;
}

export type Withdrawal = { id: string; date: string; reason: string };
export type MovedForecasts = NonNullable<DemoProject['previousForecasts']>;

export interface SeedRows {
  projects: Project[];
  knelpunten: Knelpunt[];
  withdrawn: Withdrawal[];
  /** Active projects whose forecasts moved since the closed quarter: the forecasts as they stood then. */
  moved: Array<{ id: string; gemeenteCode: string; forecasts: MovedForecasts }>;
}

/** The register's rows for a part of the generated dataset. */
export function seedRows(part: DemoPart, ctx: RowContext): SeedRows {
  const knelpuntenByProject = new Map<string, Knelpunt[]>();
  for (const k of part.knelpunten) {
    const list = knelpuntenByProject.get(k.projectId);
    if (list) list.push(k);
    else knelpuntenByProject.set(k.projectId, [k]);
  }
  const withdrawn: Withdrawal[] = [];
  const moved: SeedRows['moved'] = [];
  const projects = part.projects.map(({ withdrawal, previousForecasts, ...input }): Project => {
    if (withdrawal) withdrawn.push({ id: input.id, ...withdrawal });
    else if (previousForecasts) moved.push({ id: input.id, gemeenteCode: input.gemeenteCode, forecasts: previousForecasts });
    return {
      ...input,
      parties: input.parties.map((p) => ({ ...p, organisationId: ctx.orgIdMap.get(p.organisationId) ?? p.organisationId })),
      ...deriveProject(input, knelpuntenByProject.get(input.id) ?? []),
      provincieCode: ctx.provincieOf.get(input.gemeenteCode)!,
      version: 1,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    };
  });
  return { projects, knelpunten: part.knelpunten, withdrawn, moved };
}

/** A written-ready piece of the demo: its COPY batches (projects and parts first, then knelpunten) and what the seed reports. */
export interface SeedChunk {
  batches: CopyBatch[];
  /** Parts of the generated dataset (gemeenten of the national demo) finished with this chunk. */
  partsDone: number;
  projects: number;
  milestones: number;
  knelpunten: number;
  withdrawn: Withdrawal[];
  moved: SeedRows['moved'];
}

export function seedChunk(rows: SeedRows, partsDone: number): SeedChunk {
  return {
    batches: [...projectCopyBatches(rows.projects), ...knelpuntCopyBatches(rows.knelpunten)],
    partsDone,
    projects: rows.projects.length,
    milestones: rows.projects.reduce((n, p) => n + p.milestones.length, 0),
    knelpunten: rows.knelpunten.length,
    withdrawn: rows.withdrawn,
    moved: rows.moved,
  };
}

/** A chunk of parts: the projects and knelpunten, and how many parts were finished with it. */
export type PartChunk = DemoPart & { partsDone: number };

/**
 * The parts regrouped into chunks of about `size` projects (a part larger than that — a number of projects is one
 * part — in pieces, each with its projects' knelpunten): what is written, and reported, per step.
 */
export function* chunkParts(parts: Iterable<DemoPart>, size: number): Generator<PartChunk> {
  let pending: PartChunk = { projects: [], knelpunten: [], partsDone: 0 };
  for (const part of parts) {
    for (let i = 0; i < part.projects.length; i += size) {
      const projects = part.projects.slice(i, i + size);
      const ids = new Set(projects.map((p) => p.id));
      pending.projects.push(...projects);
      pending.knelpunten.push(...part.knelpunten.filter((k) => ids.has(k.projectId)));
      if (i + size >= part.projects.length) pending.partsDone++;
      if (pending.projects.length >= size) {
        yield pending;
        pending = { projects: [], knelpunten: [], partsDone: 0 };
      }
    }
    if (part.projects.length === 0) pending.partsDone++;
  }
  if (pending.projects.length > 0 || pending.partsDone > 0) yield pending;
}
