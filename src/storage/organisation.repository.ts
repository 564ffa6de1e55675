/** Organisations (gemeenten, corporaties, ontwikkelaars, …). */
import type { Organisation, RegisteredOrganisation } from '../domain/organisation.ts';
import { insertRows } from './batch.ts';
import type { Queryable } from './db.ts';

const SELECT = `SELECT id, name, type, gemeente_code AS "gemeenteCode", synthetic, kvk_number AS "kvkNumber", website, version,
  created_at AS "createdAt" FROM organisations`;

type Row = Omit<RegisteredOrganisation, 'createdAt'> & { createdAt: Date | string | null };
const toOrganisation = (r: Row): RegisteredOrganisation => ({ ...r, createdAt: r.createdAt === null ? null : new Date(r.createdAt).toISOString() });

/** The fields the register writes (migration 0012). */
export interface OrganisationFields {
  name: string;
  type: string;
  kvkNumber: string | null;
  website: string | null;
}

export function createOrganisationRepository() {
  return {
    async list(q: Queryable, filter: { type?: string } = {}): Promise<RegisteredOrganisation[]> {
      return (await q.query<Row>(`${SELECT} WHERE ($1::text IS NULL OR type = $1) ORDER BY name`, [filter.type ?? null])).map(toOrganisation);
    },
    async get(q: Queryable, id: string): Promise<RegisteredOrganisation | null> {
      const [row] = await q.query<Row>(`${SELECT} WHERE id = $1`, [id]);
      return row ? toOrganisation(row) : null;
    },
    async byKvkNumber(q: Queryable, kvkNumber: string): Promise<RegisteredOrganisation | null> {
      const [row] = await q.query<Row>(`${SELECT} WHERE kvk_number = $1`, [kvkNumber]);
      return row ? toOrganisation(row) : null;
    },
    /** Register an organisation (the register, issue 11 item 2). */
    async insert(q: Queryable, id: string, fields: OrganisationFields, synthetic: boolean): Promise<void> {
      await q.query(
        `INSERT INTO organisations (id, name, type, kvk_number, website, synthetic, version, created_at) VALUES ($1, $2, $3, $4, $5, $6, 1, now())`,
        [id, fields.name, fields.type, fields.kvkNumber, fields.website, synthetic],
      );
    },
    /** Change an organisation when `version` is still current; false when it is not (optimistic locking). */
    async update(q: Queryable, id: string, fields: OrganisationFields, version: number): Promise<boolean> {
      const rows = await q.query<{ id: string }>(
        `UPDATE organisations SET name = $2, type = $3, kvk_number = $4, website = $5, version = version + 1
         WHERE id = $1 AND version = $6 RETURNING id`,
        [id, fields.name, fields.type, fields.kvkNumber, fields.website, version],
      );
      return rows.length === 1;
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
