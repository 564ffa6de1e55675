/**
 * Streaming project exports as CSV and XLSX (SPEC §7, issue 13 part 4): the project list's filter and
 * scope, read from the database in keyset batches and written to a stream as the reader takes it, so that
 * exporting the whole register keeps memory flat. The columns are the planlijst contract of
 * src/domain/project-export.ts, which the planlijst importer reads back.
 */
import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { requireProjectScope, type Principal } from '../domain/access.ts';
import { csvHeader, csvRow, exportColumns, exportNotice, UTF8_BOM, type ExportColumn, type ExportProject } from '../domain/project-export.ts';
import type { Db } from '../storage/db.ts';
import { cursorAfter, type ProjectExportRepository } from '../storage/project-export.repository.ts';
import type { ProjectFilter } from '../storage/project.repository.ts';

/**
 * Projects read per query. Small on purpose: a batch (and the next one, read meanwhile) must die young. With
 * 2,000 a batch outlived V8's young-generation collections, was promoted and the old generation grew by some
 * 100 MB of garbage over a 40,000-project export; with 250 the heap stays flat at about the same speed.
 */
export const EXPORT_BATCH_SIZE = 250;

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

    /** XLSX written by exceljs' streaming writer: sheet "Projecten" (dates as date cells) and the notice sheet "Toelichting". */
    async xlsx(filter: ProjectFilter, principal: Principal): Promise<Readable> {
      const prepared = await prepare(filter, principal);
      const out = new PassThrough();
      const write = async () => {
        const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
        workbook.creator = 'Woningbouwmonitor';
        const sheet = workbook.addWorksheet('Projecten', { views: [{ state: 'frozen', ySplit: 1 }] });
        const { columns } = prepared;
        sheet.columns = columns.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width }));
        sheet.getRow(1).font = { bold: true };
        sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
        sheet.getRow(1).commit();
        // The date format on the date cells only (a column style would be merged into every cell of the column: slower).
        const dateStyle: Partial<ExcelJS.Style> = { numFmt: 'yyyy-mm-dd' };
        for await (const batch of prepared.batches()) {
          for (const p of batch) {
            const dated: number[] = [];
            const row = sheet.addRow(
              columns.map((c, i) => {
                const v = c.value(p);
                if (v === null) return undefined;
                if (typeof v !== 'object') return v;
                dated.push(i + 1);
                return toDate(v.date);
              }),
            );
            for (const i of dated) row.getCell(i).style = dateStyle;
            row.commit();
          }
          // Backpressure: wait for the reader before building the next batch.
          if (out.writableNeedDrain) await once(out, 'drain');
        }
        await sheet.commit();
        const notice = workbook.addWorksheet('Toelichting');
        notice.getColumn(1).width = 100;
        notice.addRow(['Woningbouwmonitor — projectenlijst']).font = { bold: true, size: 14 };
        notice.addRow([`Aangemaakt: ${new Date().toISOString()}`]);
        for (const line of exportNotice(prepared.total, prepared.synthetic)) {
          const row = notice.addRow([line]);
          if (line.startsWith('LET OP')) row.font = { bold: true, color: { argb: 'FFB00020' } };
        }
        await notice.commit();
        await workbook.commit();
      };
      write().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
      return out;
    },
  };
}

export type ProjectExportService = ReturnType<typeof createProjectExportService>;
