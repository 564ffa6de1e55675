/**
 * What the Realisatiestimulans counts (src/domain/instruments/realisatiestimulans.ts), read from the register in
 * one query: per project and counting basis, the start bouw (M11) or oplevering (M12) date — actual, else forecast —
 * within the counted years, the milestone's own homes, origin, flags, the programme and the earlier national
 * contributions. Only projects that can earn anything are read (affordable homes in the programme, or a building of
 * onzelfstandige woonruimten), and never a withdrawn or merged plan (src/domain/withdrawal.ts, countedSql).
 */
import { randomUUID } from 'node:crypto';
import type { Segment } from '../domain/codes.ts';
import type { CountedProject, EarlierContribution, Telbasis } from '../domain/instruments/realisatiestimulans.ts';
import { countedSql } from './lifecycle.repository.ts';
import type { Queryable } from './db.ts';

/** Which projects: all, a province's, some gemeenten's; optionally the synthetic demo projects only. */
export interface CountedFilter {
  gemeenteCodes?: readonly string[];
  provincieCode?: string;
  syntheticOnly: boolean;
  firstYear: number;
  lastYear: number;
  /** Project origins whose homes count as betaalbaar whatever their segment (onzelfstandige woonruimten). */
  onzelfstandigOrigins: readonly string[];
  /** Only the lines countedAggregates leaves out (a partial milestone, or an earlier contribution). */
  complexOnly?: boolean;
}

/**
 * A line of many projects at once: the same gemeente, basis, year, status, origin and NPLV flag, counted whole (no
 * partial milestone) and without earlier national contributions — for them the entitlement is linear in the homes,
 * so adding first and computing once gives the same amounts as computing per project (the overview's fast path).
 */
export interface CountedAggregate {
  gemeenteCode: string;
  basis: Telbasis;
  year: number;
  actual: boolean;
  origin: string;
  nplv: boolean;
  projects: number;
  programme: Array<{ segment: Segment; doelgroep: string; homes: number }>;
}

/** SQL: the milestone line is counted whole and the project has no earlier contribution (the aggregate path). */
const SIMPLE = `((m.homes IS NULL OR m.homes >= p.total_homes)
  AND NOT EXISTS (SELECT 1 FROM realisatiestimulans_contributions c WHERE c.project_id = p.id))`;
/** SQL: the lines of the filter (alias p projects, m milestones M11/M12 dated in the years). */
const LINES_WHERE = `${countedSql('p')}
  AND (p.affordable_homes > 0 OR p.origin = ANY($5::text[]))
  AND COALESCE(m.actual_date, m.forecast_date) >= make_date($3::int, 1, 1)
  AND COALESCE(m.actual_date, m.forecast_date) < make_date($4::int + 1, 1, 1)
  AND ($1::text[] IS NULL OR p.gemeente_code = ANY($1::text[]))
  AND ($2::text IS NULL OR p.provincie_code = $2)
  AND (p.synthetic OR NOT $6::boolean)`;
const params = (f: CountedFilter) => [
  f.gemeenteCodes ? [...f.gemeenteCodes] : null,
  f.provincieCode ?? null,
  f.firstYear,
  f.lastYear,
  [...f.onzelfstandigOrigins],
  f.syntheticOnly,
];

interface Row {
  project_id: string;
  name: string;
  gemeente_code: string;
  code: 'M11' | 'M12';
  date: string;
  actual: boolean;
  homes: number | null;
  origin: string;
  flags: string[];
  programme: Array<[Segment, string, number]> | null;
  contributions: Array<[string, number]> | null;
}

export interface ContributionRecord extends EarlierContribution {
  id: string;
  projectId: string;
  projectName: string;
  gemeenteCode: string;
  provincieCode: string;
  decidedOn: string | null;
  note: string | null;
  synthetic: boolean;
}

export function createRealisatiestimulansRepository() {
  return {
    /** The counted projects, one line per project and basis (a project with both M11 and M12 in the years gives two). */
    async countedProjects(q: Queryable, f: CountedFilter): Promise<CountedProject[]> {
      const rows = await q.query<Row>(
        `WITH ms AS (
           SELECT p.id AS project_id, p.name, p.gemeente_code, m.code, COALESCE(m.actual_date, m.forecast_date) AS date,
             m.actual_date IS NOT NULL AS actual, m.homes, p.origin, p.flags
           FROM projects p JOIN project_milestones m ON m.project_id = p.id AND m.code IN ('M11', 'M12')
           WHERE ${LINES_WHERE}${f.complexOnly ? ` AND NOT ${SIMPLE}` : ''}
         ),
         prog AS (
           SELECT pp.project_id, json_agg(json_build_array(pp.segment, pp.doelgroep, pp.homes) ORDER BY pp.segment, pp.doelgroep) AS programme
           FROM project_programme pp WHERE pp.project_id IN (SELECT project_id FROM ms) AND pp.homes > 0 GROUP BY pp.project_id
         ),
         contrib AS (
           SELECT c.project_id, json_agg(json_build_array(c.scheme, c.amount_euros) ORDER BY c.created_at) AS contributions
           FROM realisatiestimulans_contributions c WHERE c.project_id IN (SELECT project_id FROM ms) GROUP BY c.project_id
         )
         SELECT ms.project_id, ms.name, ms.gemeente_code, ms.code, to_char(ms.date, 'YYYY-MM-DD') AS date, ms.actual, ms.homes, ms.origin,
           ms.flags, prog.programme, contrib.contributions
         FROM ms LEFT JOIN prog ON prog.project_id = ms.project_id LEFT JOIN contrib ON contrib.project_id = ms.project_id
         ORDER BY ms.gemeente_code, ms.date, ms.name, ms.project_id, ms.code`,
        params(f),
      );
      return rows.map((r) => ({
        projectId: r.project_id,
        name: r.name,
        gemeenteCode: r.gemeente_code,
        basis: (r.code === 'M11' ? 'start_bouw' : 'oplevering') satisfies Telbasis,
        date: r.date,
        actual: r.actual,
        milestoneHomes: r.homes === null ? null : Number(r.homes),
        origin: r.origin,
        flags: r.flags ?? [],
        programme: (r.programme ?? []).map(([segment, doelgroep, homes]) => ({ segment, doelgroep, homes: Number(homes) })),
        contributions: (r.contributions ?? []).map(([scheme, amount]) => ({ scheme, amountEuros: Number(amount) })),
      }));
    },

    /** The lines counted whole and without contributions, added up per gemeente, basis, year, status, origin and NPLV flag. */
    async countedAggregates(q: Queryable, f: CountedFilter): Promise<CountedAggregate[]> {
      const rows = await q.query<{
        gemeente_code: string;
        code: 'M11' | 'M12';
        year: number;
        actual: boolean;
        origin: string;
        nplv: boolean;
        projects: number;
        segment: Segment | null;
        doelgroep: string | null;
        homes: number | null;
      }>(
        `WITH lines AS (
           SELECT p.id, p.gemeente_code, m.code, extract(year FROM COALESCE(m.actual_date, m.forecast_date))::int AS year,
             m.actual_date IS NOT NULL AS actual, p.origin, 'nplv' = ANY(p.flags) AS nplv
           FROM projects p JOIN project_milestones m ON m.project_id = p.id AND m.code IN ('M11', 'M12')
           WHERE ${LINES_WHERE} AND ${SIMPLE}
         ),
         groups AS (
           SELECT gemeente_code, code, year, actual, origin, nplv, count(*)::int AS projects FROM lines GROUP BY 1, 2, 3, 4, 5, 6
         ),
         homes AS (
           SELECT l.gemeente_code, l.code, l.year, l.actual, l.origin, l.nplv, pp.segment, pp.doelgroep, sum(pp.homes)::int AS homes
           FROM lines l JOIN project_programme pp ON pp.project_id = l.id AND pp.homes > 0
           GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
         )
         SELECT g.gemeente_code, g.code, g.year, g.actual, g.origin, g.nplv, g.projects, h.segment, h.doelgroep, h.homes
         FROM groups g LEFT JOIN homes h ON h.gemeente_code = g.gemeente_code AND h.code = g.code AND h.year = g.year
           AND h.actual = g.actual AND h.origin = g.origin AND h.nplv = g.nplv`,
        params(f),
      );
      const groups = new Map<string, CountedAggregate>();
      for (const r of rows) {
        const key = `${r.gemeente_code}|${r.code}|${r.year}|${r.actual}|${r.origin}|${r.nplv}`;
        let g = groups.get(key);
        if (!g) {
          g = {
            gemeenteCode: r.gemeente_code,
            basis: r.code === 'M11' ? 'start_bouw' : 'oplevering',
            year: Number(r.year),
            actual: r.actual,
            origin: r.origin,
            nplv: r.nplv,
            projects: Number(r.projects),
            programme: [],
          };
          groups.set(key, g);
        }
        if (r.segment !== null && r.homes !== null) g.programme.push({ segment: r.segment, doelgroep: r.doelgroep ?? '', homes: Number(r.homes) });
      }
      return [...groups.values()];
    },

    /** The gemeenten in use (one merged away by a newer gemeente list is not), with name and province: the overview's rows. */
    async gemeenten(q: Queryable): Promise<Array<{ code: string; name: string; provincieCode: string }>> {
      return q.query('SELECT code, name, provincie_code AS "provincieCode" FROM gemeenten WHERE ended_on IS NULL ORDER BY code');
    },

    /** The earlier national contributions recorded, for the projects in the filter. */
    async listContributions(
      q: Queryable,
      f: { gemeenteCodes?: readonly string[]; provincieCode?: string; projectId?: string; syntheticOnly: boolean },
    ): Promise<ContributionRecord[]> {
      const rows = await q.query<Record<string, unknown>>(
        `SELECT c.id, c.project_id, p.name AS project_name, p.gemeente_code, p.provincie_code, c.scheme, c.amount_euros,
           to_char(c.decided_on, 'YYYY-MM-DD') AS decided_on, c.note, c.synthetic
         FROM realisatiestimulans_contributions c JOIN projects p ON p.id = c.project_id
         WHERE ($1::text[] IS NULL OR p.gemeente_code = ANY($1::text[])) AND ($2::text IS NULL OR p.provincie_code = $2)
           AND ($3::uuid IS NULL OR c.project_id = $3) AND (c.synthetic OR NOT $4::boolean)
         ORDER BY p.gemeente_code, p.name, c.created_at`,
        [f.gemeenteCodes ? [...f.gemeenteCodes] : null, f.provincieCode ?? null, f.projectId ?? null, f.syntheticOnly],
      );
      return rows.map(toContribution);
    },

    async getContribution(q: Queryable, id: string): Promise<ContributionRecord | null> {
      const [row] = await q.query<Record<string, unknown>>(
        `SELECT c.id, c.project_id, p.name AS project_name, p.gemeente_code, p.provincie_code, c.scheme, c.amount_euros,
           to_char(c.decided_on, 'YYYY-MM-DD') AS decided_on, c.note, c.synthetic
         FROM realisatiestimulans_contributions c JOIN projects p ON p.id = c.project_id WHERE c.id = $1`,
        [id],
      );
      return row ? toContribution(row) : null;
    },

    async insertContribution(
      q: Queryable,
      c: { projectId: string; scheme: string; amountEuros: number; decidedOn: string | null; note: string | null; synthetic: boolean },
    ): Promise<string> {
      const id = randomUUID();
      await q.query(
        `INSERT INTO realisatiestimulans_contributions (id, project_id, scheme, amount_euros, decided_on, note, synthetic)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [id, c.projectId, c.scheme, c.amountEuros, c.decidedOn, c.note, c.synthetic],
      );
      return id;
    },

    async deleteContribution(q: Queryable, id: string): Promise<void> {
      await q.query('DELETE FROM realisatiestimulans_contributions WHERE id = $1', [id]);
    },
  };
}

function toContribution(r: Record<string, unknown>): ContributionRecord {
  return {
    id: String(r.id),
    projectId: String(r.project_id),
    projectName: String(r.project_name),
    gemeenteCode: String(r.gemeente_code),
    provincieCode: String(r.provincie_code),
    scheme: String(r.scheme),
    amountEuros: Number(r.amount_euros),
    decidedOn: (r.decided_on as string | null) ?? null,
    note: (r.note as string | null) ?? null,
    synthetic: Boolean(r.synthetic),
  };
}

export type RealisatiestimulansRepository = ReturnType<typeof createRealisatiestimulansRepository>;
