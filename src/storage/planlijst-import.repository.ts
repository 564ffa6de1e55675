/** SQL of the planlijst import (migration 0024): sources with their saved mapping, links to projects, runs. */
import type { Knelpunt, Project } from '../domain/project.ts';
import { ACTIVE } from '../domain/withdrawal.ts';
import { insertColumns } from './batch.ts';
import { PROJECT_TABLES } from './project.repository.ts';
import type { Queryable } from './db.ts';

export interface ImportSource {
  id: string;
  name: string;
  scopeKey: string;
  mapping: unknown;
}

export interface ImportRunRecord {
  id: string;
  sourceId: string;
  fileName: string;
  actorUserId: string | null;
  actorName: string;
  via: string;
  counts: {
    rowsRead: number;
    rowsValid: number;
    rowsRejected: number;
    created: number;
    updated: number;
    unchanged: number;
    removed: number;
    withdrawn: number;
    homes: number;
  };
  report: unknown;
}

/** A linked project as the import compares it: all the parts a plan list can give, and what colours its status. */
export interface LinkedProject {
  project: Project;
  knelpunten: Array<Pick<Knelpunt, 'escalated' | 'resolvedDate'>>;
  withdrawn: boolean;
  merged: boolean;
}

interface ProjectRow {
  id: string;
  name: string;
  gemeente_code: string;
  provincie_code: string;
  description: string | null;
  plan_status: Project['planStatus'];
  origin: Project['origin'];
  flags: Project['flags'];
  lon: number | null;
  lat: number | null;
  synthetic: boolean;
  phase: Project['phase'];
  status: Project['status'];
  total_homes: number;
  affordable_homes: number;
  social_homes: number;
  max_delay_months: number;
  version: number;
  created_at: Date;
  updated_at: Date;
  withdrawn_date: string | null;
  merged_at: Date | null;
}

/** ids per statement when loading many projects (keeps each array parameter and result modest). */
const LOAD_CHUNK = 5_000;

/**
 * The rows of a project's part table for the projects in $1, joined with the ids: `project_id = ANY($1)` on a table
 * whose statistics predate its latest rows (PGlite runs no autovacuum; an import's own rows) is planned as a scan
 * that compares every row with every id (a re-import of 40,000 unchanged plans spent most of its time there).
 */
const ofProjects = (columns: string, table: string, orderBy: string) =>
  `SELECT t.project_id, ${columns} FROM unnest($1::uuid[]) AS w(id) JOIN ${table} t ON t.project_id = w.id ORDER BY ${orderBy}`;

export function createPlanlijstImportRepository() {
  return {
    async findSource(q: Queryable, name: string, scopeKey: string): Promise<ImportSource | null> {
      const [row] = await q.query<ImportSource>(
        'SELECT id, name, scope_key AS "scopeKey", mapping FROM import_sources WHERE name = $1 AND scope_key = $2',
        [name, scopeKey],
      );
      return row ?? null;
    },

    /** Create the source or save its mapping; returns its id. Locks the source row for the rest of the transaction. */
    async saveSource(q: Queryable, id: string, name: string, scopeKey: string, mapping: unknown): Promise<string> {
      const [row] = await q.query<{ id: string }>(
        `INSERT INTO import_sources (id, name, scope_key, mapping) VALUES ($1, $2, $3, $4::jsonb)
         ON CONFLICT (name, scope_key) DO UPDATE SET mapping = EXCLUDED.mapping, updated_at = now() RETURNING id`,
        [id, name, scopeKey, JSON.stringify(mapping)],
      );
      return row!.id;
    },

    /** external id → project id of a source. */
    async links(q: Queryable, sourceId: string): Promise<Map<string, string>> {
      const rows = await q.query<{ external_id: string; project_id: string }>(
        'SELECT external_id, project_id FROM import_links WHERE source_id = $1',
        [sourceId],
      );
      return new Map(rows.map((r) => [r.external_id, r.project_id]));
    },

    async insertLinks(q: Queryable, sourceId: string, links: ReadonlyArray<{ externalId: string; projectId: string }>): Promise<void> {
      await insertColumns(
        q,
        'import_links',
        [
          { name: 'source_id', type: 'uuid' },
          { name: 'external_id', type: 'text' },
          { name: 'project_id', type: 'uuid' },
        ],
        links.map((l) => [sourceId, l.externalId, l.projectId]),
        { suffix: 'ON CONFLICT (source_id, external_id) DO UPDATE SET project_id = EXCLUDED.project_id' },
      );
    },

    /** The projects with these ids that exist, with their parts (in chunks; unknown ids are left out). */
    async loadProjects(q: Queryable, wanted: readonly string[]): Promise<Map<string, LinkedProject>> {
      const out = new Map<string, LinkedProject>();
      const ids = [...new Set(wanted)];
      for (let start = 0; start < ids.length; start += LOAD_CHUNK) {
        const chunk = ids.slice(start, start + LOAD_CHUNK);
        const rows = await q.query<ProjectRow>(
          `SELECT p.id, name, gemeente_code, provincie_code, description, plan_status, origin, flags, lon, lat, synthetic, phase, status,
             total_homes, affordable_homes, social_homes, max_delay_months, version, created_at, updated_at, withdrawn_date, merged_at
           FROM unnest($1::uuid[]) AS w(id) JOIN projects p ON p.id = w.id`,
          [chunk],
        );
        for (const r of rows) {
          out.set(r.id, {
            project: {
              id: r.id,
              name: r.name,
              gemeenteCode: r.gemeente_code,
              provincieCode: r.provincie_code,
              description: r.description,
              planStatus: r.plan_status,
              origin: r.origin,
              flags: [...r.flags],
              location: r.lon === null || r.lat === null ? null : { lon: r.lon, lat: r.lat },
              synthetic: r.synthetic,
              phase: r.phase,
              status: r.status,
              totalHomes: r.total_homes,
              affordableHomes: r.affordable_homes,
              socialHomes: r.social_homes,
              maxDelayMonths: r.max_delay_months,
              version: r.version,
              createdAt: new Date(r.created_at).toISOString(),
              updatedAt: new Date(r.updated_at).toISOString(),
              lifecycle: ACTIVE,
              programme: [],
              jaarschijven: [],
              milestones: [],
              parties: [],
            },
            knelpunten: [],
            withdrawn: r.withdrawn_date !== null,
            merged: r.merged_at !== null,
          });
        }
        const present = rows.map((r) => r.id);
        if (present.length === 0) continue;
        // One after the other: inside the import's transaction they share one connection.
        const programme = await q.query<{ project_id: string; segment: never; woningtype: never; doelgroep: never; homes: number }>(
          ofProjects('segment, woningtype, doelgroep, homes', 'project_programme', 't.project_id, segment, woningtype, doelgroep'),
          [present],
        );
        const jaarschijven = await q.query<{ project_id: string; year: number; segment: never; homes: number }>(
          ofProjects('year, segment, homes', 'project_jaarschijven', 't.project_id, year, segment'),
          [present],
        );
        const milestones = await q.query<{
          project_id: string;
          code: never;
          ownerSide: never;
          baselineDate: string | null;
          forecastDate: string | null;
          actualDate: string | null;
          homes: number | null;
        }>(
          ofProjects(
            'code, owner_side AS "ownerSide", baseline_date AS "baselineDate", forecast_date AS "forecastDate", actual_date AS "actualDate", homes',
            'project_milestones',
            't.project_id, code',
          ),
          [present],
        );
        const parties = await q.query<{ project_id: string; organisationId: string; role: never }>(
          ofProjects('organisation_id AS "organisationId", role', 'project_parties', 't.project_id, role, organisation_id'),
          [present],
        );
        const knelpunten = await q.query<{ project_id: string; escalated: boolean; resolvedDate: string | null }>(
          ofProjects('escalated, resolved_date AS "resolvedDate"', 'knelpunten', 't.project_id, t.id'),
          [present],
        );
        for (const { project_id, ...line } of programme) out.get(project_id)!.project.programme.push(line);
        for (const { project_id, ...s } of jaarschijven) out.get(project_id)!.project.jaarschijven.push(s);
        for (const { project_id, ...m } of milestones) out.get(project_id)!.project.milestones.push(m);
        for (const { project_id, ...p } of parties) out.get(project_id)!.project.parties.push(p);
        for (const { project_id, ...k } of knelpunten) out.get(project_id)!.knelpunten.push(k);
      }
      return out;
    },

    /** Withdraw ("vervallen") active projects no longer in their source's list; returns the ids withdrawn. */
    async withdraw(q: Queryable, ids: readonly string[], date: string, reason: string, userId: string | null): Promise<string[]> {
      if (ids.length === 0) return [];
      const rows = await q.query<{ id: string }>(
        `UPDATE projects SET withdrawn_date = $2::date, withdrawn_reason = $3, withdrawn_by = $4::uuid, version = version + 1, updated_at = now()
         WHERE id = ANY($1::uuid[]) AND withdrawn_date IS NULL AND merged_at IS NULL RETURNING id`,
        [ids, date, reason, userId],
      );
      return rows.map((r) => r.id);
    },

    /**
     * Fresh planner statistics for the tables a large import filled, in its transaction: without them the next
     * import's lookups by project id are planned as if the tables were still small (PGlite runs no autovacuum, and a
     * server's may not have come by yet): a scan of every part row per chunk of ids.
     */
    async analyse(q: Queryable): Promise<void> {
      await q.query(`ANALYZE ${[...PROJECT_TABLES, 'import_links'].join(', ')}`);
    },

    async insertRun(q: Queryable, run: ImportRunRecord): Promise<void> {
      const c = run.counts;
      await q.query(
        `INSERT INTO import_runs (id, source_id, file_name, actor_user_id, actor_name, via, rows_read, rows_valid, rows_rejected,
           created, updated, unchanged, removed, withdrawn, homes, report)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16::jsonb)`,
        [
          run.id,
          run.sourceId,
          run.fileName,
          run.actorUserId,
          run.actorName,
          run.via,
          c.rowsRead,
          c.rowsValid,
          c.rowsRejected,
          c.created,
          c.updated,
          c.unchanged,
          c.removed,
          c.withdrawn,
          c.homes,
          JSON.stringify(run.report),
        ],
      );
    },

    async countRuns(q: Queryable): Promise<number> {
      const [row] = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM import_runs');
      return row?.n ?? 0;
    },
  };
}

export type PlanlijstImportRepository = ReturnType<typeof createPlanlijstImportRepository>;
