/**
 * The open books of projects (migration 0022): one row per project with its current figures. The only SQL that
 * reads `project_open_books`; nothing else in the register joins it (SPEC §7: the figures are confidential).
 */
import type { OpenBookInput } from '../domain/open-book.ts';
import type { Queryable } from './db.ts';

export interface OpenBookRecord extends OpenBookInput {
  projectId: string;
  /** The party that entered the current figures. */
  enteredByOrganisationId: string;
  enteredByOrganisationName: string;
  enteredByUserId: string | null;
  enteredAt: string;
  version: number;
}

const COLUMNS = `b.project_id AS "projectId", b.total_costs_euros AS "totalCostsEuros", b.total_revenues_euros AS "totalRevenuesEuros",
  b.public_contributions_euros AS "publicContributionsEuros", b.peildatum, b.entered_by_organisation_id AS "enteredByOrganisationId",
  o.name AS "enteredByOrganisationName", b.entered_by_user_id AS "enteredByUserId", b.entered_at AS "enteredAt", b.version`;

type Row = Omit<OpenBookRecord, 'enteredAt'> & { enteredAt: Date | string };
const toRecord = (r: Row): OpenBookRecord => ({ ...r, enteredAt: new Date(r.enteredAt).toISOString() });

/** What a write stores: the figures and who entered them (the time and the name of the organisation follow). */
export type OpenBookWrite = OpenBookInput & { projectId: string; enteredByOrganisationId: string; enteredByUserId: string | null };

export function createOpenBookRepository() {
  return {
    /** The current figures of a project; `lock`: FOR UPDATE, for a change in the same transaction. */
    async get(q: Queryable, projectId: string, lock = false): Promise<OpenBookRecord | null> {
      const [row] = await q.query<Row>(
        `SELECT ${COLUMNS} FROM project_open_books b JOIN organisations o ON o.id = b.entered_by_organisation_id
         WHERE b.project_id = $1${lock ? ' FOR UPDATE OF b' : ''}`,
        [projectId],
      );
      return row ? toRecord(row) : null;
    },

    /** The first figures of a project (version 1); false when another party entered them first. */
    async insert(q: Queryable, w: OpenBookWrite): Promise<boolean> {
      const rows = await q.query(
        `INSERT INTO project_open_books (project_id, total_costs_euros, total_revenues_euros, public_contributions_euros, peildatum,
           entered_by_organisation_id, entered_by_user_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (project_id) DO NOTHING RETURNING project_id`,
        [w.projectId, w.totalCostsEuros, w.totalRevenuesEuros, w.publicContributionsEuros, w.peildatum, w.enteredByOrganisationId, w.enteredByUserId],
      );
      return rows.length === 1;
    },

    /** New figures over version `expected`; false (nothing changed) when that is no longer the stored version. */
    async update(q: Queryable, w: OpenBookWrite, expected: number): Promise<boolean> {
      const rows = await q.query(
        `UPDATE project_open_books SET total_costs_euros = $2, total_revenues_euros = $3, public_contributions_euros = $4, peildatum = $5,
           entered_by_organisation_id = $6, entered_by_user_id = $7, entered_at = now(), version = version + 1
         WHERE project_id = $1 AND version = $8 RETURNING project_id`,
        [
          w.projectId,
          w.totalCostsEuros,
          w.totalRevenuesEuros,
          w.publicContributionsEuros,
          w.peildatum,
          w.enteredByOrganisationId,
          w.enteredByUserId,
          expected,
        ],
      );
      return rows.length === 1;
    },
  };
}

export type OpenBookRepository = ReturnType<typeof createOpenBookRepository>;
