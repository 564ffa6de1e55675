/**
 * Planlijst import (issue 13 part 1; SPEC §2, §7): read a province's or gemeente's plan list (CSV or XLSX), map its
 * columns to the register, check every row, and apply it in one transaction — all or nothing. A source's own ids link
 * its plans to projects, so importing the same file again changes nothing and a newer version updates the matching
 * projects (audit-logged, version bumped); plans the source had before and this file lacks are reported (and
 * withdrawn only when asked).
 */
import { randomUUID } from 'node:crypto';
import { diffFields, type Actor } from '../domain/audit.ts';
import { deriveProject } from '../domain/derive.ts';
import { DomainError } from '../domain/errors.ts';
import { mappingProblems, type PlanlijstMapping } from '../domain/planlijst/fields.ts';
import { createGemeenteResolver } from '../domain/planlijst/gemeente.ts';
import { suggestMapping } from '../domain/planlijst/headers.ts';
import { givenParts, createRowConverter, Tally, tallyNotes, type ImportedRow, type RowProblem } from '../domain/planlijst/rows.ts';
import { inputOf, planRow, type PlannedChange } from '../domain/planlijst/plan.ts';
import { programmeTotals } from '../domain/programme.ts';
import type { Project } from '../domain/project.ts';
import { isEmptyCell } from '../domain/planlijst/values.ts';
import { dateInNetherlands } from '../domain/plausibility.ts';
import type { AuditEntry, AuditRepository } from '../storage/audit.repository.ts';
import type { Db, Queryable } from '../storage/db.ts';
import type { GeographyRepository } from '../storage/geography.repository.ts';
import type { LinkedProject, PlanlijstImportRepository } from '../storage/planlijst-import.repository.ts';
import type { ProjectRepository } from '../storage/project.repository.ts';
import type { RealisationRepository } from '../storage/realisation.repository.ts';
import { parseMapping } from './planlijst-mapping.ts';
import { readPlanlijst, type ImportFile, type SheetData } from './planlijst-readers.ts';

export type { ImportFile } from './planlijst-readers.ts';
export type { RowProblem } from '../domain/planlijst/rows.ts';
export type { PlanlijstMapping } from '../domain/planlijst/fields.ts';

/** The gemeenten the actor may write: gemeente its own, province its gemeenten, table secretary the table's, admin/ministry all. */
export interface ImportScope {
  gemeenteCodes: 'all' | ReadonlySet<string>;
}

export interface ImportChange {
  kind: 'created' | 'updated' | 'removed';
  externalId: string;
  projectId: string | null;
  name: string;
  fields: string[];
}

export interface ImportReport {
  rowsRead: number;
  rowsValid: number;
  rowsRejected: number;
  rowsEmpty: number;
  created: number;
  updated: number;
  unchanged: number;
  removed: number;
  withdrawn: number;
  /** Total homes in the valid rows. */
  homes: number;
  /** Every problem (errors), sorted by row. */
  problems: RowProblem[];
  /** Plain-Dutch notes on what was done (old names resolved, periods spread, splits fixed, …). */
  notes: string[];
  changes: ImportChange[];
  /** False for a preview (dry run) or when rows were rejected. */
  applied: boolean;
}

export type ImportStage = 'lezen' | 'controleren' | 'opslaan';
export type ImportProgress = (done: number, total: number, stage: ImportStage) => void;

export interface PlanlijstImportDeps {
  db: Db;
  imports: PlanlijstImportRepository;
  projects: ProjectRepository;
  geography: GeographyRepository;
  realisations: Pick<RealisationRepository, 'herindelingen'>;
  audit: AuditRepository;
  /** Today's date (YYYY-MM-DD), for the plausibility of dates and the withdrawal date; default: the clock, in the Netherlands. */
  today?: () => string;
}

/** Rows per progress report and per write batch. */
const CHUNK = 5_000;
/** From this many created or updated projects an import refreshes the planner statistics of the tables it wrote. */
const ANALYSE_FROM = 1_000;
/** An import run keeps at most this many change lines in its stored report (the counts are always complete). */
const STORED_CHANGES = 5_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Thrown inside the apply transaction to roll it back when rows were rejected; carries the report. */
class Rejected extends Error {
  constructor(readonly report: ImportReport) {
    super('rejected');
  }
}

function scopeKey(scope: ImportScope): string {
  return scope.gemeenteCodes === 'all' ? 'all' : [...scope.gemeenteCodes].sort().join(',');
}

/** The source name a file suggests: its name without folder and extension. */
export function sourceNameOf(fileName: string): string {
  return (
    fileName
      .replace(/^.*[\\/]/, '')
      .replace(/\.[a-z0-9]+$/i, '')
      .trim() || 'planlijst'
  );
}

interface Analysis {
  report: ImportReport;
  planned: PlannedChange[];
  removed: Array<{ externalId: string; project: Project }>;
  provincieOf: Map<string, string>;
  /** The knelpunten of the projects to update (they colour the status). */
  knelpuntenOf: Map<string, LinkedProject['knelpunten']>;
  /** The source's links before this import: external id → project id. */
  links: Map<string, string>;
}

export function createPlanlijstImportService(deps: PlanlijstImportDeps) {
  const { db, imports, projects, geography, realisations, audit } = deps;
  const today = deps.today ?? (() => dateInNetherlands(new Date()));

  async function analyse(
    q: Queryable,
    sheet: SheetData,
    mapping: PlanlijstMapping,
    scope: ImportScope,
    sourceId: string | null,
    onProgress: ImportProgress,
  ): Promise<Analysis> {
    const report: ImportReport = {
      rowsRead: 0,
      rowsValid: 0,
      rowsRejected: 0,
      rowsEmpty: 0,
      created: 0,
      updated: 0,
      unchanged: 0,
      removed: 0,
      withdrawn: 0,
      homes: 0,
      problems: [],
      notes: [],
      changes: [],
      applied: false,
    };
    const empty: Analysis = { report, planned: [], removed: [], provincieOf: new Map(), knelpuntenOf: new Map(), links: new Map() };
    const headerProblems = mappingProblems(mapping, sheet.columns);
    if (headerProblems.length > 0) {
      report.rowsRead = sheet.rows.filter((r) => !r.cells.every(isEmptyCell)).length;
      report.problems = headerProblems.map((problem) => ({ row: 1, column: null, problem }));
      return empty;
    }

    // One after the other: inside the apply transaction they share one connection.
    const gemeenten = await geography.listGemeenten(q);
    const provincies = await geography.listProvincies(q);
    const herindelingen = await realisations.herindelingen(q);
    const provincieOf = new Map(gemeenten.map((g) => [g.code, g.provincieCode]));
    const resolver = createGemeenteResolver(gemeenten, herindelingen, provincies);
    const allowed = scope.gemeenteCodes;
    const tally = new Tally();
    const convert = createRowConverter(
      { mapping, columns: sheet.columns, gemeenten: resolver, inScope: (code) => allowed === 'all' || allowed.has(code), today: today() },
      tally,
    );

    // Check every row.
    const valid: ImportedRow[] = [];
    const firstRowOf = new Map<string, number>();
    const rowNotes: string[] = [];
    const total = sheet.rows.length;
    sheet.rows.forEach(({ row, cells }, i) => {
      if (i % CHUNK === 0) onProgress(i, total, 'controleren');
      if (cells.every(isEmptyCell)) {
        report.rowsEmpty += 1;
        return;
      }
      report.rowsRead += 1;
      const r = convert(cells, row);
      if (r.externalId) {
        const first = firstRowOf.get(r.externalId);
        if (first !== undefined) {
          const column = typeof mapping.fields.externalId === 'string' ? mapping.fields.externalId : null;
          r.problems.push({ row, column, problem: `project-id '${r.externalId}' staat ook in rij ${first}; elk plan hoort één keer in de lijst` });
        } else firstRowOf.set(r.externalId, row);
      }
      for (const note of r.notes) rowNotes.push(`Rij ${row}: ${note}.`);
      if (r.problems.length > 0) {
        report.rowsRejected += 1;
        report.problems.push(...r.problems);
      } else {
        report.rowsValid += 1;
        report.homes += programmeTotals(r.input.programme).totalHomes;
        valid.push(r);
      }
    });
    onProgress(total, total, 'controleren');

    // Match with the projects of this source (its links), or with the register's own project id (a re-imported export).
    const links = sourceId ? await imports.links(q, sourceId) : new Map<string, string>();
    const target = (externalId: string) => links.get(externalId) ?? (UUID.test(externalId) ? externalId.toLowerCase() : null);
    const wanted = [...new Set(valid.flatMap((r) => target(r.externalId) ?? []))];
    const removedIds = [...links].filter(([externalId]) => !firstRowOf.has(externalId));
    const loaded = await imports.loadProjects(q, [...wanted, ...removedIds.map(([, id]) => id)]);
    const given = givenParts(mapping);
    const planned: PlannedChange[] = [];
    for (const r of valid) {
      const id = target(r.externalId);
      const existing: LinkedProject | undefined = id ? loaded.get(id) : undefined;
      const column = typeof mapping.fields.externalId === 'string' ? mapping.fields.externalId : null;
      if (existing) {
        const outside = allowed !== 'all' && !allowed.has(existing.project.gemeenteCode);
        if (outside) {
          report.problems.push({
            row: r.row,
            column,
            problem: `het project met dit id hoort bij gemeente ${existing.project.gemeenteCode}, buiten de gemeenten waarvoor u mag importeren`,
          });
          continue;
        }
        if (existing.merged) {
          report.problems.push({
            row: r.row,
            column,
            problem: `het project '${existing.project.name}' is samengevoegd met een ander project; werk dat project bij of haal het id uit de lijst`,
          });
          continue;
        }
        if (existing.withdrawn)
          tally.add('Vervallen projecten die weer in de lijst staan: bijgewerkt, maar blijven vervallen (zet ze zo nodig terug op het project)');
      }
      planned.push(planRow(r, existing?.project ?? null, given));
    }
    // Rows refused only now count as rejected.
    const refused = new Set(report.problems.map((p) => p.row));
    const stillValid = planned.filter((p) => !refused.has(p.row.row));
    if (stillValid.length !== planned.length) {
      const dropped = planned.filter((p) => refused.has(p.row.row));
      report.rowsValid -= dropped.length;
      report.rowsRejected += dropped.length;
      report.homes -= dropped.reduce((s, p) => s + programmeTotals(p.row.input.programme).totalHomes, 0);
    }

    const removed = removedIds.flatMap(([externalId, id]) => {
      const p = loaded.get(id);
      return p && !p.merged ? [{ externalId, project: p.project }] : [];
    });
    for (const p of stillValid) {
      if (p.kind === 'create') {
        report.created += 1;
        report.changes.push({ kind: 'created', externalId: p.row.externalId, projectId: null, name: p.input.name, fields: [] });
      } else if (p.kind === 'update') {
        report.updated += 1;
        report.changes.push({ kind: 'updated', externalId: p.row.externalId, projectId: p.current.id, name: p.next.name, fields: p.fields });
      } else report.unchanged += 1;
    }
    report.removed = removed.length;
    for (const r of removed)
      report.changes.push({ kind: 'removed', externalId: r.externalId, projectId: r.project.id, name: r.project.name, fields: [] });
    report.problems.sort((a, b) => a.row - b.row || (a.column ?? '').localeCompare(b.column ?? ''));
    report.notes = [...tallyNotes(tally), ...rowNotes];
    return {
      report,
      planned: stillValid,
      removed,
      provincieOf,
      knelpuntenOf: new Map([...loaded].map(([id, p]) => [id, p.knelpunten])),
      links,
    };
  }

  async function read(file: ImportFile, mapping: PlanlijstMapping | undefined, onProgress: ImportProgress): Promise<SheetData> {
    onProgress(0, 1, 'lezen');
    const sheet = await readPlanlijst(file, mapping?.sheet);
    onProgress(1, 1, 'lezen');
    return sheet;
  }

  const auditEntry = (actor: Actor, projectId: string, action: string, before: unknown, after: unknown): AuditEntry => ({
    projectId,
    actorUserId: actor.principal.userId,
    actorName: actor.principal.name,
    via: actor.via,
    entityType: 'project',
    entityId: projectId,
    action,
    changes: diffFields(before, after),
  });

  /** Write the analysed import in the caller's transaction. */
  async function write(
    tx: Queryable,
    a: Analysis,
    sourceId: string,
    mapping: PlanlijstMapping,
    actor: Actor,
    fileName: string,
    withdrawMissing: boolean,
    onProgress: ImportProgress,
  ) {
    const { report } = a;
    const action = `geïmporteerd uit planlijst '${mapping.source}'`;
    const creates = a.planned.filter((p): p is Extract<PlannedChange, { kind: 'create' }> => p.kind === 'create');
    const updates = a.planned.filter((p): p is Extract<PlannedChange, { kind: 'update' }> => p.kind === 'update');
    const steps = creates.length + updates.length + (withdrawMissing ? a.removed.length : 0);
    let done = 0;
    onProgress(0, steps, 'opslaan');
    const links: Array<{ externalId: string; projectId: string }> = [];
    const byExternalId = new Map(report.changes.map((c) => [`${c.kind}/${c.externalId}`, c]));
    for (let start = 0; start < creates.length; start += CHUNK) {
      const chunk = creates.slice(start, start + CHUNK).map((c) => {
        const id = c.row.externalId && UUID.test(c.row.externalId) ? c.row.externalId.toLowerCase() : randomUUID();
        const now = new Date().toISOString();
        const project: Project = {
          ...c.input,
          ...deriveProject(c.input, []),
          id,
          provincieCode: a.provincieOf.get(c.input.gemeenteCode)!,
          version: 1,
          createdAt: now,
          updatedAt: now,
        };
        links.push({ externalId: c.row.externalId, projectId: id });
        byExternalId.get(`created/${c.row.externalId}`)!.projectId = id;
        return project;
      });
      await projects.copyMany(tx, chunk);
      await audit.copyMany(
        tx,
        // A created project's audit entry names its source row and main figures (its full content is the project's
        // version 1 and the source file); changes by later imports and edits are recorded field by field.
        chunk.map((p, i) => ({
          ...auditEntry(actor, p.id, `aangemaakt: ${action}`, {}, {}),
          changes: [
            { field: 'bron', old: null, new: `${fileName}, rij ${creates[start + i]!.row.row}, id ${creates[start + i]!.row.externalId}` },
            { field: 'name', old: null, new: p.name },
            { field: 'gemeenteCode', old: null, new: p.gemeenteCode },
            { field: 'planStatus', old: null, new: p.planStatus },
            { field: 'totalHomes', old: null, new: p.totalHomes },
          ],
        })),
      );
      done += chunk.length;
      onProgress(done, steps, 'opslaan');
    }
    for (let start = 0; start < updates.length; start += CHUNK) {
      const chunk = updates.slice(start, start + CHUNK);
      const stale = await projects.updateMany(
        tx,
        chunk.map((u) => ({
          project: {
            ...u.current,
            ...u.next,
            ...deriveProject(u.next, a.knelpuntenOf.get(u.current.id) ?? []),
            provincieCode: a.provincieOf.get(u.next.gemeenteCode)!,
            version: u.current.version + 1,
          },
          expectedVersion: u.current.version,
          previous: u.current,
        })),
      );
      if (stale.length > 0) {
        const name = chunk.find((u) => u.current.id === stale[0])!.current.name;
        throw new DomainError('version_conflict', `Project '${name}' is tijdens het importeren door iemand anders gewijzigd; importeer opnieuw.`);
      }
      await audit.append(
        tx,
        chunk.map((u) => auditEntry(actor, u.current.id, `bijgewerkt: ${action}`, inputOf(u.current), u.next)),
      );
      for (const u of chunk) links.push({ externalId: u.row.externalId, projectId: u.current.id });
      done += chunk.length;
      onProgress(done, steps, 'opslaan');
    }
    for (const p of a.planned) if (p.kind === 'unchanged') links.push({ externalId: p.row.externalId, projectId: p.current.id });
    // Only the links that are new or point elsewhere now: importing an unchanged file again writes no link.
    await imports.insertLinks(
      tx,
      sourceId,
      links.filter((l) => a.links.get(l.externalId) !== l.projectId),
    );
    if (withdrawMissing && a.removed.length > 0) {
      const reason = `Niet meer in de planlijst '${mapping.source}' (import van ${fileName})`;
      const withdrawn = await imports.withdraw(
        tx,
        a.removed.map((r) => r.project.id),
        today(),
        reason,
        actor.principal.userId,
      );
      report.withdrawn = withdrawn.length;
      await audit.append(
        tx,
        withdrawn.map((id) => auditEntry(actor, id, `vervallen: ${reason}`, { lifecycle: 'actief' }, { lifecycle: 'vervallen', reason })),
      );
    }
    if (creates.length + updates.length >= ANALYSE_FROM) await imports.analyse(tx);
    onProgress(steps, steps, 'opslaan');
    report.applied = true;
    const stored = {
      ...report,
      changes: report.changes.slice(0, STORED_CHANGES),
      changesLeftOut: Math.max(0, report.changes.length - STORED_CHANGES),
    };
    await imports.insertRun(tx, {
      id: randomUUID(),
      sourceId,
      fileName,
      actorUserId: actor.principal.userId,
      actorName: actor.principal.name,
      via: actor.via,
      counts: report,
      report: stored,
    });
  }

  const noProgress: ImportProgress = () => undefined;

  return {
    /** The columns, a sample, the row count, the suggested mapping and the mapping saved for this source (if any). */
    async inspect(
      file: ImportFile,
      opts: { scope?: ImportScope; source?: string } = {},
    ): Promise<{ columns: string[]; sampleRows: string[][]; rowCount: number; suggested: PlanlijstMapping; savedMapping: PlanlijstMapping | null }> {
      const sheet = await readPlanlijst(file);
      const source = opts.source ?? sourceNameOf(file.name);
      const saved = await imports.findSource(db, source, scopeKey(opts.scope ?? { gemeenteCodes: 'all' }));
      let savedMapping: PlanlijstMapping | null = null;
      if (saved?.mapping) {
        try {
          savedMapping = parseMapping(saved.mapping);
        } catch {
          savedMapping = null;
        }
      }
      const text = (c: unknown) => (c === null || c === undefined ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c));
      const dataRows = sheet.rows.filter((r) => !r.cells.every(isEmptyCell));
      return {
        columns: sheet.columns,
        sampleRows: dataRows.slice(0, 10).map((r) => sheet.columns.map((_, i) => text(r.cells[i]))),
        rowCount: dataRows.length,
        suggested: suggestMapping(sheet.columns, source),
        savedMapping,
      };
    },

    /** Check the whole file against the mapping and report what an apply would do; writes nothing. */
    async preview(
      file: ImportFile,
      mapping: PlanlijstMapping,
      _actor: Actor,
      scope: ImportScope,
      opts: { onProgress?: ImportProgress } = {},
    ): Promise<ImportReport> {
      const checked = parseMapping(mapping);
      const onProgress = opts.onProgress ?? noProgress;
      const sheet = await read(file, checked, onProgress);
      const source = await imports.findSource(db, checked.source, scopeKey(scope));
      return (await analyse(db, sheet, checked, scope, source?.id ?? null, onProgress)).report;
    },

    /**
     * Apply the file in one transaction: any rejected row and nothing is written (the report lists every problem).
     * Saves the mapping for the source, links the source's ids to projects, audit-logs every change, keeps the run.
     */
    async apply(
      file: ImportFile,
      mapping: PlanlijstMapping,
      actor: Actor,
      scope: ImportScope,
      opts: { onProgress?: ImportProgress; withdrawMissing?: boolean } = {},
    ): Promise<ImportReport> {
      const checked = parseMapping(mapping);
      const onProgress = opts.onProgress ?? noProgress;
      const sheet = await read(file, checked, onProgress);
      try {
        return await db.transaction(async (tx) => {
          // Saving the source first locks it: a second import of the same source waits for this one.
          const sourceId = await imports.saveSource(tx, randomUUID(), checked.source, scopeKey(scope), checked);
          const analysis = await analyse(tx, sheet, checked, scope, sourceId, onProgress);
          if (analysis.report.problems.length > 0) throw new Rejected(analysis.report);
          await write(tx, analysis, sourceId, checked, actor, file.name, opts.withdrawMissing ?? false, onProgress);
          return analysis.report;
        });
      } catch (err) {
        // Nothing was written: the counts of changes say so (a preview gives what the valid rows would do).
        if (err instanceof Rejected) return { ...err.report, created: 0, updated: 0, unchanged: 0, removed: 0, changes: [] };
        throw err;
      }
    },

    /** Check a mapping file's content (for callers that take it as JSON). */
    parseMapping,
  };
}

export type PlanlijstImportService = ReturnType<typeof createPlanlijstImportService>;
