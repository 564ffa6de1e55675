/** Organisations (gemeenten, corporaties, ontwikkelaars, …). */
import type { Organisation, RegisteredOrganisation } from '../domain/organisation.ts';
import { insertRows } from './batch.ts';
import type { Queryable } from './db.ts';

const SELECT = `SELECT o.id, o.name, o.type, o.gemeente_code AS "gemeenteCode", o.synthetic, o.kvk_number AS "kvkNumber", o.website,
  o.version, o.created_at AS "createdAt", CASE WHEN m.id IS NULL THEN NULL ELSE json_build_object('id', m.id, 'name', m.name) END AS "mergedInto",
  o.merged_at AS "mergedAt"
  FROM organisations o LEFT JOIN organisations m ON m.id = o.merged_into_id`;

type Row = Omit<RegisteredOrganisation, 'createdAt' | 'mergedAt'> & { createdAt: Date | string | null; mergedAt: Date | string | null };
const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());
const toOrganisation = (r: Row): RegisteredOrganisation => ({ ...r, createdAt: iso(r.createdAt), mergedAt: iso(r.mergedAt) });

/** The fields the register writes (migration 0012). */
export interface OrganisationFields {
  name: string;
  type: string;
  kvkNumber: string | null;
  website: string | null;
}

export function createOrganisationRepository() {
  return {
    /** The organisations taking part: a merged duplicate is left out (migration 0015). */
    async list(q: Queryable, filter: { type?: string } = {}): Promise<RegisteredOrganisation[]> {
      return (
        await q.query<Row>(`${SELECT} WHERE ($1::text IS NULL OR o.type = $1) AND o.merged_into_id IS NULL ORDER BY o.name`, [filter.type ?? null])
      ).map(toOrganisation);
    },
    async get(q: Queryable, id: string): Promise<RegisteredOrganisation | null> {
      const [row] = await q.query<Row>(`${SELECT} WHERE o.id = $1`, [id]);
      return row ? toOrganisation(row) : null;
    },
    async byKvkNumber(q: Queryable, kvkNumber: string): Promise<RegisteredOrganisation | null> {
      const [row] = await q.query<Row>(`${SELECT} WHERE o.kvk_number = $1`, [kvkNumber]);
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
    /** Which of these ids exist (and were not merged into another organisation: a new party is the one kept). */
    async existing(q: Queryable, ids: readonly string[]): Promise<Set<string>> {
      if (ids.length === 0) return new Set();
      const rows = await q.query<{ id: string }>('SELECT id FROM organisations WHERE id = ANY($1::uuid[]) AND merged_into_id IS NULL', [ids]);
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
