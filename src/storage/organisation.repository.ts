/** Organisations (gemeenten, corporaties, ontwikkelaars, …). */
import type { Organisation } from '../domain/organisation.ts';
import { insertRows } from './batch.ts';
import type { Queryable } from './db.ts';

const SELECT = `SELECT id, name, type, gemeente_code AS "gemeenteCode", synthetic FROM organisations`;

export function createOrganisationRepository() {
  return {
    async list(q: Queryable, filter: { type?: string } = {}): Promise<Organisation[]> {
      return q.query<Organisation>(`${SELECT} WHERE ($1::text IS NULL OR type = $1) ORDER BY name`, [filter.type ?? null]);
    },
    async get(q: Queryable, id: string): Promise<Organisation | null> {
      const [row] = await q.query<Organisation>(`${SELECT} WHERE id = $1`, [id]);
      return row ?? null;
    },
    /** Which of these ids exist. */
    async existing(q: Queryable, ids: readonly string[]): Promise<Set<string>> {
      if (ids.length === 0) return new Set();
      const rows = await q.query<{ id: string }>('SELECT id FROM organisations WHERE id = ANY($1::uuid[])', [ids]);
      return new Set(rows.map((r) => r.id));
    },
    async insertMany(q: Queryable, organisations: readonly Organisation[]): Promise<void> {
      await insertRows(
        q,
        'organisations',
        ['id', 'name', 'type', 'gemeente_code', 'synthetic'],
        organisations.map((o) => [o.id, o.name, o.type, o.gemeenteCode, o.synthetic]),
        { suffix: 'ON CONFLICT (id) DO NOTHING' },
      );
    },
  };
}

export type OrganisationRepository = ReturnType<typeof createOrganisationRepository>;
