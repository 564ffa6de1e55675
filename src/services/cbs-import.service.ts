/**
 * `wbm import cbs <file>` (issue 13 item 2): a CBS StatLine TypedDataSet file of 81955NED or 86098NED into
 * cbs_woningvoorraad, so realisations, reconciliation and the national overview run to the latest year loaded.
 * Gemeente rows are stored in the classification of their year (mapped onto today's gemeenten at read time through
 * the herindelingen); NL01 and PV rows only check the sums. All or nothing, one transaction, with an import log row
 * and an audit entry.
 */
import { randomUUID } from 'node:crypto';
import { CBS_MEASURES, parseCbsTypedDataSet, type CbsParseResult, type CbsRowError, type CbsTotalCheck } from '../domain/cbs-typed-dataset.ts';
import { resolveSuccessors } from '../domain/herindelingen.ts';
import type { AuditRepository } from '../storage/audit.repository.ts';
import type { Db } from '../storage/db.ts';
import type { GeographyRepository } from '../storage/geography.repository.ts';
import type { RealisationRepository } from '../storage/realisation.repository.ts';
import type { RealisationSourcesRepository } from '../storage/realisation-sources.repository.ts';

export interface CbsImportSummary {
  file: string;
  table: CbsParseResult['table'];
  columns: CbsParseResult['columns'];
  ignoredColumns: string[];
  rowsRead: number;
  /** Gemeente-year rows in the file (after summing quarters or months). */
  gemeenteRows: number;
  years: number[];
  /** New construction per year over the gemeente rows of the file. */
  totals: Array<{ year: number; newConstruction: number }>;
  added: number;
  changed: number;
  unchanged: number;
  skipped: Array<{ reason: string; count: number }>;
  /** NL01 / PV rows against the sum of their gemeenten; `differences` only those that do not add up. */
  checks: number;
  differences: CbsTotalCheck[];
  errors: CbsRowError[];
  dryRun: boolean;
  /** Whether the rows were written (not with --dry-run, not when there are errors). */
  written: boolean;
  importId: string | null;
}

export function createCbsImportService(deps: {
  db: Db;
  sources: RealisationSourcesRepository;
  realisations: RealisationRepository;
  geography: GeographyRepository;
  audit: AuditRepository;
}) {
  const { db, sources, realisations, geography, audit } = deps;

  return {
    async importText(
      text: string,
      options: { file: string; actorName: string; dryRun?: boolean; onProgress?: (done: number, total: number) => void },
    ): Promise<CbsImportSummary> {
      const [gemeenten, herindelingen] = await Promise.all([geography.listGemeenten(db), realisations.herindelingen(db)]);
      const current = new Map(gemeenten.map((g) => [g.code, g.provincieCode]));
      const known = new Map<string, string | undefined>();
      const resolve = (code: string) => {
        if (!known.has(code)) {
          const r = resolveSuccessors(herindelingen, current.keys(), [code]);
          const first = r.successors.get(code)?.[0];
          known.set(code, first ? current.get(first.code) : undefined);
        }
        return known.get(code);
      };
      const parsed = parseCbsTypedDataSet(text, { knownGemeente: (c) => resolve(c) !== undefined, provincieOf: resolve });
      const existing = await sources.cbsExisting(db);
      let added = 0;
      let changed = 0;
      let unchanged = 0;
      for (const r of parsed.rows) {
        const key = `${r.gemeenteCode}/${r.year}`;
        if (!existing.has(key)) added++;
        else if (existing.get(key) !== r.values.new_construction && r.values.new_construction !== null) changed++;
        else unchanged++;
      }
      const totals = new Map<number, number>();
      for (const r of parsed.rows) totals.set(r.year, (totals.get(r.year) ?? 0) + (r.values.new_construction ?? 0));
      const summary: CbsImportSummary = {
        file: options.file,
        table: parsed.table,
        columns: parsed.columns,
        ignoredColumns: parsed.ignoredColumns,
        rowsRead: parsed.rowsRead,
        gemeenteRows: parsed.rows.length,
        years: parsed.years,
        totals: [...totals].sort((a, b) => a[0] - b[0]).map(([year, newConstruction]) => ({ year, newConstruction })),
        added,
        changed,
        unchanged,
        skipped: parsed.skipped,
        checks: parsed.checks.length,
        differences: parsed.checks.filter((c) => c.difference !== 0),
        errors: parsed.errors,
        dryRun: options.dryRun ?? false,
        written: false,
        importId: null,
      };
      if (parsed.errors.length > 0 || summary.dryRun || parsed.rows.length === 0) return summary;

      const importId = randomUUID();
      await db.transaction(async (tx) => {
        await sources.upsertCbs(
          tx,
          parsed.rows,
          { sourceTable: parsed.table === 'onbekend' ? 'CBS' : parsed.table, importId, currentCodes: new Set(current.keys()) },
          (done) => options.onProgress?.(done, parsed.rows.length),
        );
        const logged = { ...summary, written: true, importId, errors: [] };
        await sources.logImport(tx, { id: importId, kind: 'cbs', fileName: options.file, actorName: options.actorName, summary: logged });
        await audit.append(tx, [
          {
            actorUserId: null,
            actorName: options.actorName,
            via: 'import',
            entityType: 'cbs_import',
            entityId: importId,
            action: 'import',
            changes: [
              { field: 'file', old: null, new: options.file },
              { field: 'table', old: null, new: parsed.table },
              { field: 'years', old: null, new: parsed.years },
              { field: 'rows', old: null, new: { added, changed, unchanged } },
              { field: 'measures', old: null, new: CBS_MEASURES.filter((m) => parsed.columns[m]) },
            ],
          },
        ]);
      });
      return { ...summary, written: true, importId };
    },
  };
}

export type CbsImportService = ReturnType<typeof createCbsImportService>;
