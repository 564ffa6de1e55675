/**
 * Storage of the realisation sources of issue 13 (migration 0025): CBS rows imported from a StatLine TypedDataSet
 * file, BAG status rows with the per-object starts and completions derived from them, a project's BAG ids, and the
 * reference import log.
 */
import type { CbsGemeenteYear, CbsMeasure } from '../domain/cbs-typed-dataset.ts';
import { CBS_MEASURES } from '../domain/cbs-typed-dataset.ts';
import { insertRows } from './batch.ts';
import type { Queryable } from './db.ts';

export interface ReferenceImportRow {
  id: string;
  kind: 'cbs' | 'bag' | 'gemeenten';
  fileName: string;
  actorName: string;
  summary: unknown;
}

/** One verblijfsobject with its derived start and completion, as stored in bag_verblijfsobjecten. */
export interface StoredBagObject {
  id: string;
  pandId: string;
  gemeenteCode: string;
  woonfunctie: boolean;
  withdrawn: boolean;
  startedOn: string | null;
  completedOn: string | null;
  lon: number | null;
  lat: number | null;
  projectId: string | null;
  linkRule: 'verblijfsobject' | 'pand' | 'locatie' | null;
}

/** A raw BAG status line as stored in bag_status_rows. */
export interface StoredBagStatusRow {
  verblijfsobjectId: string;
  pandId: string;
  gemeenteCode: string;
  woonfunctie: boolean;
  status: string;
  statusDate: string | null;
  pandStatus: string;
  pandStatusDate: string | null;
  x: number | null;
  y: number | null;
}

export function createRealisationSourcesRepository() {
  return {
    async logImport(q: Queryable, row: ReferenceImportRow): Promise<void> {
      await q.query(`INSERT INTO reference_imports (id, kind, file_name, actor_name, summary) VALUES ($1, $2, $3, $4, $5::jsonb)`, [
        row.id,
        row.kind,
        row.fileName,
        row.actorName,
        JSON.stringify(row.summary),
      ]);
    },

    /** Existing CBS rows keyed `code/year`: their new construction (to say what an import changes). */
    async cbsExisting(q: Queryable): Promise<Map<string, number | null>> {
      const rows = await q.query<{ code: string; year: number; value: number | null }>(
        'SELECT gemeente_code AS code, year, new_construction AS value FROM cbs_woningvoorraad',
      );
      return new Map(rows.map((r) => [`${r.code}/${r.year}`, r.value]));
    },

    /**
     * Upsert per (gemeente, year). A row without any figure (the gemeente did not exist that year) is inserted when
     * missing but never overwrites figures already there.
     */
    async upsertCbs(
      q: Queryable,
      rows: readonly CbsGemeenteYear[],
      meta: { sourceTable: string; importId: string; currentCodes: ReadonlySet<string> },
      onBatch?: (done: number) => void,
    ): Promise<void> {
      const columns = ['gemeente_code', 'year', 'code_in_2025_list', ...CBS_MEASURES, 'source_table', 'cbs_row_id', 'import_id'];
      const toRow = (r: CbsGemeenteYear) => [
        r.gemeenteCode,
        r.year,
        meta.currentCodes.has(r.gemeenteCode),
        ...CBS_MEASURES.map((m: CbsMeasure) => r.values[m]),
        meta.sourceTable,
        r.rowId || null,
        meta.importId,
      ];
      const isEmpty = (r: CbsGemeenteYear) => CBS_MEASURES.every((m) => r.values[m] === null);
      const update = [...CBS_MEASURES, 'code_in_2025_list', 'source_table', 'cbs_row_id', 'import_id'].map((c) => `${c} = excluded.${c}`).join(', ');
      const step = 500;
      for (let i = 0; i < rows.length; i += step) {
        const chunk = rows.slice(i, i + step);
        const full = chunk.filter((r) => !isEmpty(r));
        const empty = chunk.filter(isEmpty);
        if (full.length > 0) {
          await insertRows(q, 'cbs_woningvoorraad', columns, full.map(toRow), {
            casts: { import_id: 'uuid' },
            suffix: `ON CONFLICT (gemeente_code, year) DO UPDATE SET ${update}`,
          });
        }
        if (empty.length > 0) {
          await insertRows(q, 'cbs_woningvoorraad', columns, empty.map(toRow), {
            casts: { import_id: 'uuid' },
            suffix: 'ON CONFLICT (gemeente_code, year) DO NOTHING',
          });
        }
        onBatch?.(Math.min(i + step, rows.length));
      }
    },

    /**
     * Insert BAG status lines; a line already stored (same object, pand, statuses and dates, empty dates alike) is left
     * alone, and so is a line repeated within the file. Returns how many were new.
     */
    async insertBagStatusRows(q: Queryable, rows: readonly StoredBagStatusRow[], importId: string): Promise<number> {
      const key = (r: StoredBagStatusRow) => JSON.stringify([r.verblijfsobjectId, r.pandId, r.status, r.statusDate, r.pandStatus, r.pandStatusDate]);
      const unique = [...new Map(rows.map((r) => [key(r), r])).values()];
      let added = 0;
      const step = 500;
      for (let i = 0; i < unique.length; i += step) {
        const chunk = unique.slice(i, i + step);
        const params: unknown[] = [];
        const values = chunk.map((r) => {
          const base = params.length;
          params.push(r.verblijfsobjectId, r.pandId, r.gemeenteCode, r.woonfunctie, r.status, r.statusDate, r.pandStatus, r.pandStatusDate, r.x, r.y);
          const casts = ['text', 'text', 'text', 'boolean', 'text', 'date', 'text', 'date', 'float8', 'float8'];
          return `(${casts.map((c, k) => `$${base + k + 1}::${c}`).join(',')})`;
        });
        params.push(importId);
        const inserted = await q.query(
          `INSERT INTO bag_status_rows (verblijfsobject_id, pand_id, gemeente_code, woonfunctie, status, status_date, pand_status, pand_status_date, x, y, import_id)
           SELECT v.*, $${params.length}::uuid FROM (VALUES ${values.join(',')}) AS v (vbo, pand, gm, woon, st, sd, pst, psd, x, y)
           WHERE NOT EXISTS (SELECT 1 FROM bag_status_rows b WHERE b.verblijfsobject_id = v.vbo AND b.pand_id = v.pand AND b.status = v.st
             AND b.status_date IS NOT DISTINCT FROM v.sd AND b.pand_status = v.pst AND b.pand_status_date IS NOT DISTINCT FROM v.psd)
           RETURNING 1`,
          params,
        );
        added += inserted.length;
      }
      return added;
    },

    /** Every stored status line of these verblijfsobjecten (to derive them again from all their history). */
    async bagStatusRowsOf(q: Queryable, ids: readonly string[]): Promise<StoredBagStatusRow[]> {
      return q.query<StoredBagStatusRow>(
        `SELECT verblijfsobject_id AS "verblijfsobjectId", pand_id AS "pandId", gemeente_code AS "gemeenteCode", woonfunctie, status,
           status_date AS "statusDate", pand_status AS "pandStatus", pand_status_date AS "pandStatusDate", x, y
         FROM bag_status_rows WHERE verblijfsobject_id = ANY($1::text[])`,
        [[...ids]],
      );
    },

    async upsertBagObjects(q: Queryable, objects: readonly StoredBagObject[], importId: string): Promise<void> {
      const columns = [
        'id',
        'pand_id',
        'gemeente_code',
        'woonfunctie',
        'withdrawn',
        'started_on',
        'completed_on',
        'lon',
        'lat',
        'project_id',
        'link_rule',
        'import_id',
      ];
      await insertRows(
        q,
        'bag_verblijfsobjecten',
        columns,
        objects.map((o) => [
          o.id,
          o.pandId,
          o.gemeenteCode,
          o.woonfunctie,
          o.withdrawn,
          o.startedOn,
          o.completedOn,
          o.lon,
          o.lat,
          o.projectId,
          o.linkRule,
          importId,
        ]),
        {
          casts: { started_on: 'date', completed_on: 'date', project_id: 'uuid', import_id: 'uuid' },
          suffix: `ON CONFLICT (id) DO UPDATE SET ${columns
            .slice(1)
            .map((c) => `${c} = excluded.${c}`)
            .join(', ')}`,
        },
      );
    },

    /** Projects that may receive BAG objects: their gemeente, location and BAG ids. */
    async projectsForBagLinks(
      q: Queryable,
      gemeenteCodes: readonly string[],
    ): Promise<Array<{ id: string; gemeenteCode: string; lon: number | null; lat: number | null }>> {
      return q.query(`SELECT id, gemeente_code AS "gemeenteCode", lon, lat FROM projects WHERE gemeente_code = ANY($1::text[]) ORDER BY id`, [
        [...gemeenteCodes],
      ]);
    },

    /** Which of these ids are projects. */
    async existingProjects(q: Queryable, ids: readonly string[]): Promise<Set<string>> {
      const rows = await q.query<{ id: string }>('SELECT id::text AS id FROM projects WHERE id::text = ANY($1::text[])', [[...ids]]);
      return new Set(rows.map((r) => r.id));
    },

    async projectBagIds(q: Queryable): Promise<Array<{ projectId: string; kind: 'pand' | 'verblijfsobject'; bagId: string }>> {
      return q.query(`SELECT project_id AS "projectId", kind, bag_id AS "bagId" FROM project_bag_ids ORDER BY kind, bag_id`);
    },

    /** Replace a project's BAG ids; an id that belongs to another project is refused by the primary key. */
    async setProjectBagIds(q: Queryable, projectId: string, ids: ReadonlyArray<{ kind: 'pand' | 'verblijfsobject'; bagId: string }>): Promise<void> {
      await q.query('DELETE FROM project_bag_ids WHERE project_id = $1', [projectId]);
      if (ids.length > 0) {
        await insertRows(
          q,
          'project_bag_ids',
          ['project_id', 'kind', 'bag_id'],
          ids.map((i) => [projectId, i.kind, i.bagId]),
          { casts: { project_id: 'uuid' } },
        );
      }
    },

    /** Link the imported BAG objects a project's ids name to it (a verblijfsobject id wins over a pand id). */
    async relinkBagObjects(q: Queryable, projectId: string): Promise<void> {
      await q.query(
        `UPDATE bag_verblijfsobjecten o SET project_id = b.project_id, link_rule = b.kind FROM project_bag_ids b
         WHERE b.project_id = $1 AND ((b.kind = 'verblijfsobject' AND b.bag_id = o.id)
           OR (b.kind = 'pand' AND b.bag_id = o.pand_id AND o.link_rule IS DISTINCT FROM 'verblijfsobject'))`,
        [projectId],
      );
    },

    /**
     * BAG starts and completions per gemeente and period (withdrawn objects and objects without woonfunctie left
     * out). `period` 'year' gives quarter 0.
     */
    async bagCounts(
      q: Queryable,
      filter: { gemeenteCodes?: readonly string[]; period: 'year' | 'quarter' },
    ): Promise<Array<{ gemeenteCode: string; year: number; quarter: number; started: number; completed: number }>> {
      const quarter = (col: string) => (filter.period === 'quarter' ? `extract(quarter FROM ${col})::int` : '0');
      return q.query(
        `WITH counted AS (
           SELECT gemeente_code, extract(year FROM started_on)::int AS year, ${quarter('started_on')} AS quarter, 1 AS started, 0 AS completed
           FROM bag_verblijfsobjecten WHERE started_on IS NOT NULL AND woonfunctie AND NOT withdrawn
           UNION ALL
           SELECT gemeente_code, extract(year FROM completed_on)::int, ${quarter('completed_on')}, 0, 1
           FROM bag_verblijfsobjecten WHERE completed_on IS NOT NULL AND woonfunctie AND NOT withdrawn)
         SELECT gemeente_code AS "gemeenteCode", year, quarter, sum(started)::int AS started, sum(completed)::int AS completed
         FROM counted WHERE ($1::text[] IS NULL OR gemeente_code = ANY($1::text[]))
         GROUP BY gemeente_code, year, quarter ORDER BY year, quarter, gemeente_code`,
        [filter.gemeenteCodes ? [...filter.gemeenteCodes] : null],
      );
    },

    /**
     * The monitor's own starts and completions: homes of projects whose milestone M11 (start bouw) or M12 (oplevering)
     * has an actual date in the period (a milestone's own number of homes when given, else the project's total).
     */
    async monitorStartsAndCompletions(
      q: Queryable,
      filter: { gemeenteCodes?: readonly string[]; period: 'year' | 'quarter'; syntheticOnly?: boolean },
    ): Promise<Array<{ gemeenteCode: string; year: number; quarter: number; started: number; completed: number }>> {
      const quarter = filter.period === 'quarter' ? 'extract(quarter FROM m.actual_date)::int' : '0';
      return q.query(
        `SELECT p.gemeente_code AS "gemeenteCode", extract(year FROM m.actual_date)::int AS year, ${quarter} AS quarter,
           COALESCE(sum(COALESCE(m.homes, p.total_homes)) FILTER (WHERE m.code = 'M11'), 0)::int AS started,
           COALESCE(sum(COALESCE(m.homes, p.total_homes)) FILTER (WHERE m.code = 'M12'), 0)::int AS completed
         FROM projects p JOIN project_milestones m ON m.project_id = p.id AND m.code IN ('M11', 'M12') AND m.actual_date IS NOT NULL
         WHERE ($1::text[] IS NULL OR p.gemeente_code = ANY($1::text[])) AND (p.synthetic OR NOT $2)
         GROUP BY 1, 2, 3 ORDER BY 2, 3, 1`,
        [filter.gemeenteCodes ? [...filter.gemeenteCodes] : null, filter.syntheticOnly ?? false],
      );
    },

    /** BAG starts and completions per project and year (linked objects only). */
    async bagCountsPerProject(q: Queryable, projectId: string): Promise<Array<{ year: number; started: number; completed: number }>> {
      return q.query(
        `SELECT year, sum(started)::int AS started, sum(completed)::int AS completed FROM (
           SELECT extract(year FROM started_on)::int AS year, 1 AS started, 0 AS completed FROM bag_verblijfsobjecten
           WHERE project_id = $1 AND started_on IS NOT NULL AND woonfunctie AND NOT withdrawn
           UNION ALL
           SELECT extract(year FROM completed_on)::int, 0, 1 FROM bag_verblijfsobjecten
           WHERE project_id = $1 AND completed_on IS NOT NULL AND woonfunctie AND NOT withdrawn) t
         GROUP BY year ORDER BY year`,
        [projectId],
      );
    },
  };
}

export type RealisationSourcesRepository = ReturnType<typeof createRealisationSourcesRepository>;
