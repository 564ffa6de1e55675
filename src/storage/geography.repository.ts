/** Reference geography: provincies, gemeenten, and regions (named sets of gemeenten). */
import { countedSql } from './lifecycle.repository.ts';
import type { RegionKind } from '../domain/codes.ts';
import type { Gemeente, Provincie, Region } from '../domain/geography.ts';
import { queryOne, type Queryable } from './db.ts';

export interface GemeenteWithCount extends Gemeente {
  provincieName: string;
  projectCount: number;
}

export function createGeographyRepository() {
  return {
    async listProvincies(q: Queryable): Promise<Provincie[]> {
      return q.query<Provincie>('SELECT code, name FROM provincies ORDER BY code');
    },

    /** The gemeenten in use: a gemeente merged away by a newer gemeente list (ended_on set) is left out. */
    async listGemeenten(q: Queryable, filter: { provincieCode?: string } = {}): Promise<GemeenteWithCount[]> {
      return q.query<GemeenteWithCount>(
        `SELECT g.code, g.name, g.provincie_code AS "provincieCode", pv.name AS "provincieName", g.corop_code AS "coropCode",
           g.corop_name AS "coropName", COALESCE(c.n, 0) AS "projectCount"
         FROM gemeenten g JOIN provincies pv ON pv.code = g.provincie_code
         LEFT JOIN (SELECT gemeente_code, count(*) AS n FROM projects p WHERE ${countedSql('p')} GROUP BY gemeente_code) c ON c.gemeente_code = g.code
         WHERE ($1::text IS NULL OR g.provincie_code = $1) AND g.ended_on IS NULL ORDER BY g.name`,
        [filter.provincieCode ?? null],
      );
    },

    /** A gemeente in use (one merged away by a newer gemeente list is not: no new projects there). */
    async getGemeente(q: Queryable, code: string): Promise<Gemeente | null> {
      const [row] = await q.query<Gemeente>(
        `SELECT code, name, provincie_code AS "provincieCode", corop_code AS "coropCode", corop_name AS "coropName"
         FROM gemeenten WHERE code = $1 AND ended_on IS NULL`,
        [code],
      );
      return row ?? null;
    },

    async gemeenteCodes(q: Queryable): Promise<Map<string, string>> {
      const rows = await q.query<{ code: string; provincie_code: string }>('SELECT code, provincie_code FROM gemeenten');
      return new Map(rows.map((r) => [r.code, r.provincie_code]));
    },

    async listRegions(q: Queryable, kind?: RegionKind): Promise<Region[]> {
      return q.query<Region>(
        `SELECT r.id, r.kind, r.name, COALESCE(array_agg(rg.gemeente_code ORDER BY rg.gemeente_code)
           FILTER (WHERE rg.gemeente_code IS NOT NULL), '{}') AS "gemeenteCodes"
         FROM regions r LEFT JOIN region_gemeenten rg ON rg.region_id = r.id
         WHERE ($1::text IS NULL OR r.kind = $1) GROUP BY r.id ORDER BY r.name`,
        [kind ?? null],
      );
    },

    /** Boundaries as a GeoJSON FeatureCollection for maps and GIS export. */
    async boundaries(q: Queryable, level: 'gemeente' | 'provincie'): Promise<{ type: 'FeatureCollection'; features: unknown[] }> {
      const rows =
        level === 'gemeente'
          ? await q.query<{ code: string; name: string; provincie_code: string; geometry: unknown }>(
              'SELECT code, name, provincie_code, geometry FROM gemeenten WHERE geometry IS NOT NULL AND ended_on IS NULL ORDER BY code',
            )
          : await q.query<{ code: string; name: string; geometry: unknown }>('SELECT code, name, geometry FROM provincies ORDER BY code');
      return {
        type: 'FeatureCollection' as const,
        features: rows.map(({ geometry, ...properties }) => ({ type: 'Feature', id: properties.code, properties, geometry })),
      };
    },

    /** Regions (versnellingstafels, woondealregio's) whose gemeenten include this one. */
    async regionIdsOf(q: Queryable, gemeenteCode: string): Promise<string[]> {
      const rows = await q.query<{ region_id: string }>('SELECT region_id FROM region_gemeenten WHERE gemeente_code = $1 ORDER BY region_id', [
        gemeenteCode,
      ]);
      return rows.map((r) => r.region_id);
    },

    async countGemeenten(q: Queryable): Promise<number> {
      const { n } = await queryOne<{ n: number }>(q, 'SELECT count(*) AS n FROM gemeenten');
      return n;
    },
  };
}

export type GeographyRepository = ReturnType<typeof createGeographyRepository>;
