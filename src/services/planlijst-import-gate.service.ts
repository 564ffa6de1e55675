/**
 * The planlijst import as the API and the web app offer it (issue 13 part 1, the web side): who may import
 * where (src/domain/access.ts planlijstImportArea, turned into gemeente codes here), the upload's columns
 * with their distinct values for the value mapping, the progress of a running check or import for the page
 * to poll, and the import runs of the caller's area. The import itself is planlijst-import.service.ts.
 */
import { requirePlanlijstImportArea, type ImportArea, type Principal } from '../domain/access.ts';
import type { Actor } from '../domain/audit.ts';
import { NotFoundError } from '../domain/errors.ts';
import { isEmptyCell } from '../domain/planlijst/values.ts';
import type { Db } from '../storage/db.ts';
import type { GeographyRepository } from '../storage/geography.repository.ts';
import type { ImportRunsRepository } from '../storage/import-runs.repository.ts';
import type { ImportFile, ImportReport, ImportScope, PlanlijstImportService, PlanlijstMapping } from './planlijst-import.service.ts';
import { readPlanlijst } from './planlijst-readers.ts';

export interface PlanlijstImportGateDeps {
  db: Db;
  geography: GeographyRepository;
  imports: PlanlijstImportService;
  runs: ImportRunsRepository;
  /** Clock for progress expiry (tests). */
  now?: () => number;
}

export interface ImportProgressState {
  stage: 'lezen' | 'controleren' | 'opslaan' | 'klaar';
  done: number;
  total: number;
}

/** A column's distinct values when it has few (a value list such as plan status labels), else null. */
const MAX_DISTINCT = 40;
/** How long a finished or abandoned progress entry is kept for a last poll. */
const PROGRESS_TTL_MS = 10 * 60 * 1000;

export function createPlanlijstImportGate(deps: PlanlijstImportGateDeps) {
  const { db, geography, imports, runs } = deps;
  const now = deps.now ?? Date.now;
  const progress = new Map<string, ImportProgressState & { userId: string | null; touched: number }>();

  /** The gemeenten of an import area (SPEC §1: gemeente own, province its gemeenten, table its gemeenten, ministry/admin all). */
  async function scopeOf(area: ImportArea): Promise<ImportScope> {
    if ('all' in area) return { gemeenteCodes: 'all' };
    if ('gemeenteCode' in area) return { gemeenteCodes: new Set([area.gemeenteCode]) };
    if ('provincieCode' in area) {
      const gemeenten = await geography.listGemeenten(db, { provincieCode: area.provincieCode });
      return { gemeenteCodes: new Set(gemeenten.map((g) => g.code)) };
    }
    const [region] = (await geography.listRegions(db)).filter((r) => r.id === area.regionId);
    return { gemeenteCodes: new Set(region?.gemeenteCodes ?? []) };
  }

  async function scopeFor(principal: Principal): Promise<ImportScope> {
    return scopeOf(requirePlanlijstImportArea(principal));
  }

  function tracker(progressId: string | undefined, principal: Principal) {
    if (!progressId) return undefined;
    for (const [id, entry] of progress) if (now() - entry.touched > PROGRESS_TTL_MS) progress.delete(id);
    const entry = { stage: 'lezen' as ImportProgressState['stage'], done: 0, total: 0, userId: principal.userId, touched: now() };
    progress.set(progressId, entry);
    return {
      onProgress: (done: number, total: number, stage: 'lezen' | 'controleren' | 'opslaan') => {
        Object.assign(entry, { done, total, stage, touched: now() });
      },
      finish: () => Object.assign(entry, { stage: 'klaar', done: entry.total, touched: now() }),
    };
  }

  return {
    /** The file's columns, a sample, the suggested and saved mapping, and each column's distinct values when it has few. */
    async inspect(file: ImportFile, principal: Principal) {
      const scope = await scopeFor(principal);
      const inspected = await imports.inspect(file, { scope });
      const sheet = await readPlanlijst(file);
      const distinct = sheet.columns.map(() => new Set<string>());
      const many = sheet.columns.map(() => false);
      for (const { cells } of sheet.rows) {
        cells.forEach((cell, i) => {
          if (many[i] || isEmptyCell(cell)) return;
          const text = cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell).trim();
          distinct[i]!.add(text);
          if (distinct[i]!.size > MAX_DISTINCT) many[i] = true;
        });
      }
      return {
        ...inspected,
        valueLists: Object.fromEntries(
          sheet.columns.flatMap((c, i) => (many[i] ? [] : [[c, [...distinct[i]!].sort((a, b) => a.localeCompare(b, 'nl'))]])),
        ),
      };
    },

    async preview(file: ImportFile, mapping: PlanlijstMapping, actor: Actor, progressId?: string): Promise<ImportReport> {
      const scope = await scopeFor(actor.principal);
      const track = tracker(progressId, actor.principal);
      try {
        return await imports.preview(file, mapping, actor, scope, { onProgress: track?.onProgress });
      } finally {
        track?.finish();
      }
    },

    async apply(file: ImportFile, mapping: PlanlijstMapping, actor: Actor, options: { progressId?: string; withdrawMissing?: boolean } = {}) {
      const scope = await scopeFor(actor.principal);
      const track = tracker(options.progressId, actor.principal);
      try {
        return await imports.apply(file, mapping, actor, scope, { onProgress: track?.onProgress, withdrawMissing: options.withdrawMissing });
      } finally {
        track?.finish();
      }
    },

    /** The progress of the caller's own running check or import (404 for an unknown id or another person's). */
    progress(progressId: string, principal: Principal): ImportProgressState {
      requirePlanlijstImportArea(principal);
      const entry = progress.get(progressId);
      if (!entry || entry.userId !== principal.userId) throw new NotFoundError('Voortgang', progressId);
      return { stage: entry.stage, done: entry.done, total: entry.total };
    },

    /** The import runs of the caller's area, newest first (administrators and the ministry: all). */
    async runs(principal: Principal, limit = 50) {
      const scope = await scopeFor(principal);
      const key = scope.gemeenteCodes === 'all' ? null : [...scope.gemeenteCodes].sort().join(',');
      return runs.list(db, key, limit);
    },
  };
}

export type PlanlijstImportGate = ReturnType<typeof createPlanlijstImportGate>;
