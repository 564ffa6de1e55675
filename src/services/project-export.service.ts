/**
 * Streaming project exports as CSV and XLSX (SPEC §7, issue 13 part 4): the project list's filter and
 * scope, read from the database in keyset batches and written to a stream as the reader takes it, so that
 * exporting the whole register keeps memory flat. The columns are the planlijst contract of
 * src/domain/project-export.ts, which the planlijst importer reads back.
 */
import { Readable } from 'node:stream';
import { requireProjectScope, type Principal } from '../domain/access.ts';
import { csvHeader, csvRow, exportColumns, exportNotice, UTF8_BOM, type ExportColumn, type ExportProject } from '../domain/project-export.ts';
import type { Db } from '../storage/db.ts';
import { cursorAfter, type ProjectExportRepository } from '../storage/project-export.repository.ts';
import type { ProjectFilter } from '../storage/project.repository.ts';
import { xlsxStream, type XlsxRow } from './xlsx-writer.ts';

/**
 * Projects read per query. Small on purpose: a batch (and the next one, read meanwhile) must die young. With
 * 2,000 a batch outlived V8's young-generation collections, was promoted and the old generation grew by some
 * 100 MB of garbage over a 40,000-project export; with 100 the heap stays flat at about the same speed
 * (250 was still enough for the CSV, not for the XLSX, which makes more garbage per row).
 */
export const EXPORT_BATCH_SIZE = 100;

export interface ProjectExportServiceDeps {
  db: Db;
  exports: ProjectExportRepository;
  publicDemoData: boolean;
  batchSize?: number;
}

interface Prepared {
  total: number;
  synthetic: number;
  columns: ExportColumn[];
  batches: () => AsyncGenerator<ExportProject[]>;
}

function toDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

export function createProjectExportService(deps: ProjectExportServiceDeps) {
  const { db, exports, publicDemoData } = deps;
  const batchSize = deps.batchSize ?? EXPORT_BATCH_SIZE;

  /** Access check and outline before the first byte, so that a refusal is an ordinary problem answer. */
  async function prepare(filter: ProjectFilter, principal: Principal): Promise<Prepared> {
    // The same scope as the project list (src/domain/access.ts projectScope; demo principals: synthetic only).
    const scope = requireProjectScope(principal, publicDemoData);
    if (scope === null) return { total: 0, synthetic: 0, columns: exportColumns([]), batches: async function* () {} };
    const scoped: ProjectFilter = { ...filter, scope };
    const outline = await exports.outline(db, scoped);
    return {
      ...outline,
      columns: exportColumns(outline.jaarschijfColumns),
      batches: async function* () {
        // The next batch is read while the caller writes this one (on a server pool the two overlap): two batches at most.
        const read = (after: ReturnType<typeof cursorAfter>) => {
          const pending = exports.batch(db, scoped, after, batchSize);
          pending.catch(() => undefined); // a reader that stops early leaves it unawaited: no unhandled rejection
          return pending;
        };
        let next: Promise<ExportProject[]> | null = read(null);
        while (next) {
          const batch: ExportProject[] = await next;
          next = batch.length < batchSize ? null : read(cursorAfter(batch));
          if (batch.length > 0) yield batch;
        }
      },
    };
  }

  return {
    /** CSV for Dutch Excel: UTF-8 with BOM, `;`-separated, decimal comma, CRLF. One chunk per batch, pulled by the reader. */
    async csv(filter: ProjectFilter, principal: Principal): Promise<Readable> {
      const prepared = await prepare(filter, principal);
      async function* chunks() {
        yield Buffer.from(UTF8_BOM + csvHeader(prepared.columns));
        for await (const batch of prepared.batches()) {
          yield Buffer.from(batch.map((p) => csvRow(prepared.columns, p)).join(''));
        }
      }
      return Readable.from(chunks(), { objectMode: false });
    },

    /**
     * XLSX, streamed (xlsx-writer.ts): sheet "Projecten" (dates as date cells) and the notice sheet "Toelichting".
     * One batch of rows at a time, pulled by the reader.
     */
    async xlsx(filter: ProjectFilter, principal: Principal): Promise<Readable> {
      const prepared = await prepare(filter, principal);
      const { columns } = prepared;
      async function* projectRows(): AsyncGenerator<XlsxRow> {
        yield { cells: columns.map((c) => c.header), style: 'bold' };
        for await (const batch of prepared.batches()) {
          for (const p of batch) {
            yield {
              cells: columns.map((c) => {
                const v = c.value(p);
                return v !== null && typeof v === 'object' ? toDate(v.date) : v;
              }),
            };
          }
        }
      }
      const notice: XlsxRow[] = [
        { cells: ['Woningbouwmonitor — projectenlijst'], style: 'title' },
        { cells: [`Aangemaakt: ${new Date().toISOString()}`] },
        ...exportNotice(prepared.total, prepared.synthetic).map((line): XlsxRow =>
          line.startsWith('LET OP') ? { cells: [line], style: 'warning' } : { cells: [line] },
        ),
      ];
      return xlsxStream(
        [
          { name: 'Projecten', widths: columns.map((c) => c.width), header: true, rows: projectRows },
          { name: 'Toelichting', widths: [100], rows: () => notice },
        ],
        { creator: 'Woningbouwmonitor' },
      );
    },
  };
}

export type ProjectExportService = ReturnType<typeof createProjectExportService>;
