/**
 * Set-based loading for the national roll-up (issue 3): the national project dataset (forecast,
 * simulation, special targets) with a data version, PPM use per region, plancapaciteit; and the
 * targets and plancapaciteit norms with optimistic locking.
 */
import { SEGMENTS, type PlanStatus } from '../domain/codes.ts';
import { countedSql, createLifecycleRepository } from './lifecycle.repository.ts';
import type { NationalProject } from '../domain/forecast.ts';
import { ELDERLY_DOELGROEPEN, type PpmCounts, type TargetInput, type TargetRecord } from '../domain/national.ts';
import type { CapacityRow } from '../domain/plancapaciteit.ts';
import type { Queryable } from './db.ts';

const TARGET_COLUMNS = `id, metric, unit, geo_level AS "geoLevel", geo_code AS "geoCode", geo_name AS "geoName", period_start AS "periodStart",
  period_end AS "periodEnd", homes, share, kind, source_url AS "sourceUrl", source_quote AS "sourceQuote", source_ref AS "sourceRef",
  source_published AS "sourcePublished", note, is_example AS "isExample", preferred, synthetic, version, updated_at AS "updatedAt"`;

type TargetRow = Omit<TargetRecord, 'updatedAt'> & { updatedAt: Date | string };

/** A tuple of `N` strings. */
type Fields<N extends number, A extends string[] = []> = A['length'] extends N ? A : Fields<N, [...A, string]>;

/** Splits a row packed by our own query into its `count` fields; another count is a bug in that query. */
function unpack<N extends number>(packed: string, count: N, what: string): Fields<N> {
  const fields = packed.split('|');
  if (fields.length !== count) throw new Error(`${what}: ${fields.length} fields where the query packs ${count}: ${packed.slice(0, 80)}`);
  return fields as Fields<N>;
}
const toTarget = (r: TargetRow): TargetRecord => ({ ...r, updatedAt: new Date(r.updatedAt).toISOString() });

const WRITE_COLUMNS = [
  'metric',
  'unit',
  'geo_level',
  'geo_code',
  'geo_name',
  'period_start',
  'period_end',
  'homes',
  'share',
  'kind',
  'source_url',
  'source_quote',
  'source_ref',
  'source_published',
  'note',
  'is_example',
  'preferred',
] as const;
const writeValues = (t: TargetInput): unknown[] => [
  t.metric,
  t.unit,
  t.geoLevel,
  t.geoCode,
  t.geoName,
  t.periodStart,
  t.periodEnd,
  t.homes,
  t.share,
  t.kind,
  t.sourceUrl,
  t.sourceQuote,
  t.sourceRef,
  t.sourcePublished,
  t.note,
  t.isExample,
  t.preferred,
];

export interface TargetFilter {
  metric?: string;
  geoLevel?: string;
  geoCode?: string;
  /**
   * Also the synthetic targets demo roles created (for demo principals only: src/domain/access.ts
   * syntheticDataOnly). Without it only real targets are listed, so real figures never count demo data.
   */
  includeSynthetic?: boolean;
}

export interface PpmRow extends PpmCounts {
  id: string;
}

export function createNationalRepository() {
  return {
    // ----- targets ------------------------------------------------------------------------------

    async listTargets(q: Queryable, filter: TargetFilter = {}): Promise<TargetRecord[]> {
      const rows = await q.query<TargetRow>(
        `SELECT ${TARGET_COLUMNS} FROM targets
         WHERE ($1::text IS NULL OR metric = $1) AND ($2::text IS NULL OR geo_level = $2) AND ($3::text IS NULL OR geo_code = $3)
           AND ($4 OR NOT synthetic)
         ORDER BY metric, geo_level, geo_code NULLS FIRST, period_start, period_end, id`,
        [filter.metric ?? null, filter.geoLevel ?? null, filter.geoCode ?? null, filter.includeSynthetic ?? false],
      );
      return rows.map(toTarget);
    },

    async getTarget(q: Queryable, id: string): Promise<TargetRecord | null> {
      const [row] = await q.query<TargetRow>(`SELECT ${TARGET_COLUMNS} FROM targets WHERE id = $1`, [id]);
      return row ? toTarget(row) : null;
    },

    /**
     * The target with the same natural key (what, where, when, which kind), for idempotent imports.
     * `synthetic`: look among the demo targets (a demo import) or the real ones; never across.
     */
    async findByKey(
      q: Queryable,
      t: Pick<TargetInput, 'metric' | 'geoLevel' | 'geoCode' | 'geoName' | 'periodStart' | 'periodEnd' | 'kind'>,
      synthetic = false,
    ): Promise<TargetRecord | null> {
      const [row] = await q.query<TargetRow>(
        `SELECT ${TARGET_COLUMNS} FROM targets WHERE metric = $1 AND geo_level = $2 AND COALESCE(geo_code, geo_name) = COALESCE($3, $4)
           AND period_start = $5 AND period_end = $6 AND kind = $7 AND synthetic = $8 ORDER BY id LIMIT 1`,
        [t.metric, t.geoLevel, t.geoCode, t.geoName, t.periodStart, t.periodEnd, t.kind, synthetic],
      );
      return row ? toTarget(row) : null;
    },

    /** Insert a target; `synthetic` marks one a demo role created (SPEC §7). */
    async insertTarget(q: Queryable, id: string, t: TargetInput, synthetic = false): Promise<void> {
      const placeholders = WRITE_COLUMNS.map((_, i) => `$${i + 2}`).join(', ');
      await q.query(`INSERT INTO targets (id, ${WRITE_COLUMNS.join(', ')}, synthetic) VALUES ($1, ${placeholders}, $${WRITE_COLUMNS.length + 2})`, [
        id,
        ...writeValues(t),
        synthetic,
      ]);
    },

    /** Replace a target when its version is `expectedVersion`; false (nothing written) otherwise. */
    async updateTarget(q: Queryable, id: string, t: TargetInput, expectedVersion: number): Promise<boolean> {
      const sets = WRITE_COLUMNS.map((c, i) => `${c} = $${i + 2}`).join(', ');
      const rows = await q.query(
        `UPDATE targets SET ${sets}, version = version + 1, updated_at = now() WHERE id = $1 AND version = $${WRITE_COLUMNS.length + 2} RETURNING id`,
        [id, ...writeValues(t), expectedVersion],
      );
      return rows.length > 0;
    },

    /** Only one preferred target per metric, geography and period: the others stop being preferred. Returns them as they were (each needs its own audit row). */
    async unpreferOthers(
      q: Queryable,
      id: string,
      t: Pick<TargetInput, 'metric' | 'geoLevel' | 'geoCode' | 'geoName' | 'periodStart' | 'periodEnd'>,
    ): Promise<TargetRecord[]> {
      const before = await q.query<TargetRow>(
        `SELECT ${TARGET_COLUMNS} FROM targets
         WHERE id <> $1 AND preferred AND metric = $2 AND geo_level = $3 AND COALESCE(geo_code, geo_name) = COALESCE($4, $5)
           AND period_start = $6 AND period_end = $7
           -- a demo target never flips a real one (nor the other way round). SPEC §7.
           AND synthetic = (SELECT synthetic FROM targets WHERE id = $1)
         ORDER BY id FOR UPDATE`,
        [id, t.metric, t.geoLevel, t.geoCode, t.geoName, t.periodStart, t.periodEnd],
      );
      if (before.length === 0) return [];
      await q.query('UPDATE targets SET preferred = false, version = version + 1, updated_at = now() WHERE id = ANY($1::uuid[])', [
        before.map((r) => r.id),
      ]);
      return before.map(toTarget);
    },

    /** Codes a target may refer to, and the province of each gemeente and (single-province) region. */
    async targetReferences(q: Queryable): Promise<{
      provincies: Set<string>;
      gemeenten: Set<string>;
      regions: Set<string>;
      provincieOfGemeente: Map<string, string>;
      provincieOfRegion: Map<string, string | null>;
    }> {
      const pv = await q.query<{ code: string }>('SELECT code FROM provincies');
      const gm = await q.query<{ code: string; provincie_code: string }>('SELECT code, provincie_code FROM gemeenten');
      const rg = await q.query<{ id: string; provincies: string[] }>(
        `SELECT r.id, COALESCE(array_agg(DISTINCT g.provincie_code) FILTER (WHERE g.code IS NOT NULL), '{}') AS provincies
         FROM regions r LEFT JOIN region_gemeenten x ON x.region_id = r.id LEFT JOIN gemeenten g ON g.code = x.gemeente_code GROUP BY r.id`,
      );
      return {
        provincies: new Set(pv.map((r) => r.code)),
        gemeenten: new Set(gm.map((r) => r.code)),
        regions: new Set(rg.map((r) => r.id)),
        provincieOfGemeente: new Map(gm.map((r) => [r.code, r.provincie_code])),
        provincieOfRegion: new Map(rg.map((r) => [r.id, r.provincies.length === 1 ? r.provincies[0]! : null])), // length 1: [0] is there
      };
    },

    // ----- plancapaciteit norms -----------------------------------------------------------------

    async listNorms(q: Queryable): Promise<Array<{ areaId: string; norm: number; reason: string; version: number; updatedAt: string }>> {
      const rows = await q.query<{ areaId: string; norm: number; reason: string; version: number; updatedAt: Date }>(
        `SELECT area_id AS "areaId", norm, reason, version, updated_at AS "updatedAt" FROM plancapaciteit_normen ORDER BY area_id`,
      );
      return rows.map((r) => ({ ...r, updatedAt: new Date(r.updatedAt).toISOString() }));
    },

    /**
     * Set an area's norm. A new norm needs no version; a change needs the version last read. Returns the
     * new version, or null when the version no longer matches.
     */
    async upsertNorm(q: Queryable, areaId: string, norm: number, reason: string, expectedVersion: number | null): Promise<number | null> {
      if (expectedVersion === null) {
        const rows = await q.query<{ version: number }>(
          `INSERT INTO plancapaciteit_normen (area_id, norm, reason) VALUES ($1, $2, $3) ON CONFLICT (area_id) DO NOTHING RETURNING version`,
          [areaId, norm, reason],
        );
        return rows[0]?.version ?? null;
      }
      const rows = await q.query<{ version: number }>(
        `UPDATE plancapaciteit_normen SET norm = $2, reason = $3, version = version + 1, updated_at = now()
         WHERE area_id = $1 AND version = $4 RETURNING version`,
        [areaId, norm, reason, expectedVersion],
      );
      return rows[0]?.version ?? null;
    },

    // ----- the national dataset (forecast, simulation, special targets) -------------------------------

    /**
     * A cheap fingerprint of each gemeente's projects: it changes with every insert, delete or update of
     * one of them (every write of a project or its parts bumps its version and updated_at; the id sum
     * catches one project replaced by another). Lets a loaded dataset be refreshed gemeente by gemeente.
     */
    async gemeenteFingerprints(q: Queryable): Promise<Map<string, string>> {
      const rows = await q.query<{ g: string; f: string }>(
        `SELECT gemeente_code AS g,
           count(*) || '/' || sum(version) || '/' || sum(('x' || left(id::text, 8))::bit(32)::int::bigint) || '/' || COALESCE(max(updated_at)::text, '') AS f
         FROM projects GROUP BY gemeente_code`,
      );
      return new Map(rows.map((r) => [r.g, r.f]));
    },

    /**
     * Every project with what the national computations need, in one set-based query: one text row per
     * gemeente with its projects packed (PGlite and pg both transfer a few long strings far faster than
     * 40,000 rows of many columns), unpacked here. A corporatie party is an organisation of type
     * corporatie; the programme total is the project's total_homes (derived from the programme).
     */
    async projectDataset(q: Queryable, gemeenteCodes?: readonly string[]): Promise<NationalProject[]> {
      const only = gemeenteCodes ? [...gemeenteCodes] : null;
      const segmentCase = SEGMENTS.map((s, i) => `WHEN '${s}' THEN ${i}`).join(' ');
      const d = (col: string) => `COALESCE(${col}::text, '')`;
      // Projects are keyed within their gemeente by the first 12 hex digits of their id (48 bits: no two
      // projects of one gemeente share them in practice; a clash would be detected below).
      const key = 'left(p.id::text, 13)';
      // The doelgroepen as literals, as the partial index of migration 0036 names them (a parameter would not use it).
      const elderly = ELDERLY_DOELGROEPEN.map((g) => `'${g}'`).join(', ');
      const [projectRows, schijfRows] = await Promise.all([
        q.query<{ g: string; b: string }>(
          `WITH corp AS (
             SELECT DISTINCT pp.project_id FROM organisations o JOIN project_parties pp ON pp.organisation_id = o.id WHERE o.type = 'corporatie'),
           prog AS (
             SELECT project_id, COALESCE(sum(homes) FILTER (WHERE doelgroep IN (${elderly})), 0) AS elderly,
               COALESCE(sum(homes) FILTER (WHERE doelgroep = 'student'), 0) AS student
             FROM project_programme WHERE doelgroep IN (${elderly}, 'student') GROUP BY project_id)
           SELECT p.gemeente_code AS g, string_agg(concat_ws('|', ${key}, p.plan_status, p.origin, array_to_string(p.flags, '+'),
               (corp.project_id IS NOT NULL)::int, p.total_homes, COALESCE(prog.elderly, 0), COALESCE(prog.student, 0),
               (m12.project_id IS NOT NULL)::int, ${d('m12.baseline_date')}, ${d('m12.forecast_date')}, ${d('m12.actual_date')}, ${d('m12.homes')},
               (m11.project_id IS NOT NULL)::int, ${d('m11.baseline_date')}, ${d('m11.forecast_date')}, ${d('m11.actual_date')},
               p.synthetic::int), ';') AS b
           FROM projects p
           LEFT JOIN corp ON corp.project_id = p.id
           LEFT JOIN prog ON prog.project_id = p.id
           LEFT JOIN project_milestones m12 ON m12.project_id = p.id AND m12.code = 'M12'
           LEFT JOIN project_milestones m11 ON m11.project_id = p.id AND m11.code = 'M11'
           WHERE ($1::text[] IS NULL OR p.gemeente_code = ANY($1::text[])) AND ${countedSql('p')}
           GROUP BY p.gemeente_code`,
          [only],
        ),
        q.query<{ g: string; b: string }>(
          `SELECT p.gemeente_code AS g,
             string_agg(${key} || ':' || s.year || ':' || (CASE s.segment ${segmentCase} ELSE 0 END) || ':' || s.homes, ',') AS b
           FROM project_jaarschijven s JOIN projects p ON p.id = s.project_id
           WHERE ($1::text[] IS NULL OR p.gemeente_code = ANY($1::text[])) AND ${countedSql('p')}
           GROUP BY p.gemeente_code`,
          [only],
        ),
      ]);

      // The dataset stays in memory for as long as the data does not change (forecast.service.ts), 40,000 projects
      // and more: repeated values (dates, statuses, flags) are held once, and the jaarschijf columns are copied to
      // their exact length at the end (an array grown by push keeps room for 16 or more numbers). Issue 15 goal 3.
      const out: Array<NationalProject & Schijven> = [];
      type Schijven = { years: number[]; segments: number[]; homes: number[] };
      const byGemeente = new Map<string, Map<string, Schijven>>();
      const held = new Map<string, string>();
      const once = (v: string): string => {
        const seen = held.get(v);
        if (seen !== undefined) return seen;
        held.set(v, v);
        return v;
      };
      const date = (v: string) => (v === '' ? null : once(v));
      const noFlags: readonly string[] = Object.freeze([]);
      for (const { g, b } of projectRows) {
        const byKey = new Map<string, Schijven>();
        byGemeente.set(g, byKey);
        for (const packed of b.split(';')) {
          const f = unpack(packed, 18, `national projects of ${g}`);
          const schijven: Schijven = { years: [], segments: [], homes: [] };
          if (byKey.has(f[0])) throw new Error(`Two projects in ${g} share the key ${f[0]}; the national dataset cannot tell them apart.`);
          byKey.set(f[0], schijven);
          out.push({
            key: parseInt(f[0].slice(0, 8), 16) | 0,
            gemeenteCode: g,
            planStatus: once(f[1]) as PlanStatus,
            origin: once(f[2]),
            flags: f[3] ? f[3].split('+').map(once) : noFlags,
            corporatie: f[4] === '1',
            totalHomes: Number(f[5]),
            programmeHomes: Number(f[5]),
            elderlyHomes: Number(f[6]),
            studentHomes: Number(f[7]),
            m12: f[8] === '1' ? { baselineDate: date(f[9]), forecastDate: date(f[10]), actualDate: date(f[11]) } : null,
            m12Homes: f[12] === '' ? null : Number(f[12]),
            m11: f[13] === '1' ? { baselineDate: date(f[14]), forecastDate: date(f[15]), actualDate: date(f[16]) } : null,
            years: schijven.years,
            segments: schijven.segments,
            homes: schijven.homes,
            synthetic: f[17] === '1',
          });
        }
      }
      // key:year:segment:homes,… read by character code (no substring per number: 110,000 jaarschijven).
      // The two queries may see the register a moment apart (pg runs them on two connections): a jaarschijf
      // of a project the first did not see is skipped; its gemeente's changed fingerprint reloads it next time.
      const nowhere: Schijven = { years: [], segments: [], homes: [] };
      for (const { g, b } of schijfRows) {
        const byKey = byGemeente.get(g);
        let i = 0;
        while (i < b.length) {
          const colon = b.indexOf(':', i);
          const target = byKey?.get(b.slice(i, colon)) ?? nowhere;
          let n = 0;
          let part = 0;
          let j = colon + 1;
          for (; j <= b.length; j++) {
            const c = j < b.length ? b.charCodeAt(j) : 44;
            if (c >= 48 && c <= 57) n = n * 10 + (c - 48);
            else if (c === 58) {
              if (part === 0) target.years.push(n);
              else target.segments.push(n);
              part++;
              n = 0;
            } else if (c === 44) {
              target.homes.push(n);
              break;
            }
          }
          i = j + 1;
        }
      }
      for (const p of out) {
        p.years = p.years.slice();
        p.segments = p.segments.slice();
        p.homes = p.homes.slice();
      }
      return out;
    },

    /** CBS 81955NED nieuwbouw: the mean per code over the years it has a value, and the national total per year. */
    async cbsSummary(q: Queryable): Promise<{ means: Array<{ code: string; mean: number }>; totals: Map<number, number> }> {
      const means = await q.query<{ code: string; mean: number }>(
        'SELECT gemeente_code AS code, avg(new_construction)::float8 AS mean FROM cbs_woningvoorraad WHERE new_construction IS NOT NULL GROUP BY gemeente_code',
      );
      const totals = await q.query<{ year: number; total: number }>(
        'SELECT year, sum(new_construction)::int AS total FROM cbs_woningvoorraad WHERE new_construction IS NOT NULL GROUP BY year ORDER BY year',
      );
      return { means, totals: new Map(totals.map((t) => [t.year, t.total])) };
    },

    /** The gemeenten with province and COROP (no project counts: cheap). */
    async gemeenten(
      q: Queryable,
    ): Promise<Array<{ code: string; name: string; provincieCode: string; provincieName: string; coropCode: string; coropName: string }>> {
      return q.query(
        `SELECT g.code, g.name, g.provincie_code AS "provincieCode", pv.name AS "provincieName", g.corop_code AS "coropCode", g.corop_name AS "coropName"
         FROM gemeenten g JOIN provincies pv ON pv.code = g.provincie_code WHERE g.ended_on IS NULL ORDER BY g.code`,
      );
    },

    // ----- PPM use ----------------------------------------------------------------------------------

    /**
     * Per region (versnellingstafel, woondealregio) or per provincie: projects, updated in the quarter,
     * overdue, the organisations party to an overdue project, and the last update.
     */
    async ppmCounts(q: Queryable, by: 'region' | 'provincie', quarterStart: string, overdueBefore: string, syntheticOnly = false): Promise<PpmRow[]> {
      // Demo roles: synthetic demo projects only (src/domain/access.ts syntheticDataOnly). SPEC §7.
      const projectRows = `(SELECT * FROM projects p WHERE ${countedSql('p')}${syntheticOnly ? ' AND p.synthetic' : ''})`;
      const areas =
        by === 'region'
          ? 'SELECT r.id, rg.gemeente_code FROM regions r JOIN region_gemeenten rg ON rg.region_id = r.id'
          : 'SELECT provincie_code AS id, code AS gemeente_code FROM gemeenten';
      // Quarterly rounds ever opened: by the region itself, or by any region with a gemeente in the province.
      const opened =
        by === 'region'
          ? 'SELECT region_id AS id, count(*)::int AS rounds FROM rounds GROUP BY region_id'
          : `SELECT g.provincie_code AS id, count(DISTINCT ro.id)::int AS rounds FROM rounds ro
               JOIN region_gemeenten rg ON rg.region_id = ro.region_id JOIN gemeenten g ON g.code = rg.gemeente_code GROUP BY g.provincie_code`;
      const rows = await q.query<{
        id: string;
        projects: number;
        updated: number;
        overdue: number;
        parties: number;
        last: Date | null;
        rounds: number;
      }>(
        // Counted per gemeente first, then summed per area: one pass over the projects, whatever the number of areas a
        // gemeente is in (issue 15 goal 4). Parties: the distinct organisations of overdue projects, per gemeente, then per area.
        `WITH area AS (${areas}),
         per_gemeente AS (
           SELECT p.gemeente_code, count(*) AS projects,
             count(*) FILTER (WHERE p.updated_at >= $1::date) AS updated,
             count(*) FILTER (WHERE p.updated_at < $2::date) AS overdue,
             max(p.updated_at) AS last
           FROM ${projectRows} p GROUP BY p.gemeente_code),
         overdue_parties AS (
           SELECT DISTINCT p.gemeente_code, pp.organisation_id
           FROM ${projectRows} p JOIN project_parties pp ON pp.project_id = p.id WHERE p.updated_at < $2::date),
         counts AS (
           SELECT a.id, COALESCE(sum(g.projects), 0)::int AS projects, COALESCE(sum(g.updated), 0)::int AS updated,
             COALESCE(sum(g.overdue), 0)::int AS overdue, max(g.last) AS last
           FROM area a LEFT JOIN per_gemeente g ON g.gemeente_code = a.gemeente_code GROUP BY a.id),
         parties AS (
           SELECT a.id, count(DISTINCT op.organisation_id)::int AS parties
           FROM area a JOIN overdue_parties op ON op.gemeente_code = a.gemeente_code GROUP BY a.id),
         opened AS (${opened})
         SELECT c.id, c.projects, c.updated, c.overdue, COALESCE(pa.parties, 0) AS parties, c.last, COALESCE(o.rounds, 0) AS rounds
         FROM counts c LEFT JOIN parties pa ON pa.id = c.id LEFT JOIN opened o ON o.id = c.id ORDER BY c.id`,
        [quarterStart, overdueBefore],
      );
      return rows.map((r) => ({
        id: r.id,
        projects: r.projects,
        updatedThisQuarter: r.updated,
        overdue: r.overdue,
        overdueParties: r.parties,
        lastUpdate: r.last ? new Date(r.last).toISOString() : null,
        roundsOpened: r.rounds,
      }));
    },

    // ----- plancapaciteit -----------------------------------------------------------------------------

    /**
     * Homes still to complete per gemeente, plan status and year (projects not yet opgeleverd), years
     * before `fromYear` counted in `fromYear` (plans that are late are still capacity); plus, with year
     * null, homes of the programme no jaarschijf covers.
     */
    async capacityRows(
      q: Queryable,
      opts: { fromYear: number; toYear: number; gemeenteCodes?: readonly string[]; syntheticOnly?: boolean },
    ): Promise<CapacityRow[]> {
      return q.query<CapacityRow>(
        `SELECT p.gemeente_code AS "gemeenteCode", p.plan_status AS "planStatus", greatest(s.year, $1) AS year, sum(s.homes)::int AS homes
         FROM projects p JOIN project_jaarschijven s ON s.project_id = p.id
         WHERE p.phase <> 'opgeleverd' AND s.year <= $2 AND ($3::text[] IS NULL OR p.gemeente_code = ANY($3::text[])) AND (p.synthetic OR NOT $4)
           AND ${countedSql('p')}
         GROUP BY p.gemeente_code, p.plan_status, greatest(s.year, $1)
         UNION ALL
         SELECT p.gemeente_code, p.plan_status, NULL, sum(p.total_homes - COALESCE(js.total, 0))::int
         FROM projects p LEFT JOIN (SELECT project_id, sum(homes) AS total FROM project_jaarschijven GROUP BY project_id) js ON js.project_id = p.id
         WHERE p.phase <> 'opgeleverd' AND p.total_homes > COALESCE(js.total, 0) AND ($3::text[] IS NULL OR p.gemeente_code = ANY($3::text[]))
           AND (p.synthetic OR NOT $4) AND ${countedSql('p')}
         GROUP BY p.gemeente_code, p.plan_status`,
        [opts.fromYear, opts.toYear, opts.gemeenteCodes ? [...opts.gemeenteCodes] : null, opts.syntheticOnly ?? false],
      );
    },

    /** The withdrawn plans (planuitval) of these gemeenten (undefined: the whole country). */
    withdrawnProjects: createLifecycleRepository().planuitval,

    /** Ids of the projects behind a plancapaciteit figure (at most `limit`, ordered by id). */
    async capacityProjectIds(
      q: Queryable,
      opts: {
        gemeenteCodes: readonly string[];
        planStatuses: readonly PlanStatus[];
        fromYear: number;
        from: number;
        to: number;
        limit: number;
        syntheticOnly?: boolean;
      },
    ): Promise<string[]> {
      const rows = await q.query<{ id: string }>(
        `SELECT DISTINCT p.id FROM projects p JOIN project_jaarschijven s ON s.project_id = p.id
         WHERE p.phase <> 'opgeleverd' AND p.gemeente_code = ANY($1::text[]) AND p.plan_status = ANY($2::text[])
           AND greatest(s.year, $3) BETWEEN $4 AND $5 AND s.homes > 0 AND (p.synthetic OR NOT $7) AND ${countedSql('p')}
         ORDER BY p.id LIMIT $6`,
        [[...opts.gemeenteCodes], [...opts.planStatuses], opts.fromYear, opts.from, opts.to, opts.limit, opts.syntheticOnly ?? false],
      );
      return rows.map((r) => r.id);
    },
  };
}

export type NationalRepository = ReturnType<typeof createNationalRepository>;
