/**
 * Woningbouwimpuls tranches, applications and committee scores, and Gebiedsbudget areas and requests (migration 0029).
 * The only SQL that reads these tables. Amounts in whole euros.
 */
import type { GebiedsbudgetRequestInput, GebiedsbudgetStatus } from '../domain/instruments/gebiedsbudget.ts';
import type { AllocationOutcome, WbiApplicationInput, WbiScores } from '../domain/instruments/woningbouwimpuls.ts';
import type { Queryable } from './db.ts';

export interface TrancheRecord {
  id: string;
  name: string;
  windowOpens: string;
  windowCloses: string;
  awardDate: string;
  budgetEuros: number;
  allocatedAt: string | null;
  synthetic: boolean;
  version: number;
}
export type TrancheWrite = Omit<TrancheRecord, 'allocatedAt' | 'version'>;

export interface WbiApplicationRecord extends WbiApplicationInput {
  id: string;
  trancheId: string;
  projectId: string;
  projectName: string;
  gemeenteCode: string;
  gemeenteName: string;
  outcome: AllocationOutcome | null;
  ranking: number | null;
  awardedEuros: number | null;
  filedAt: string;
  updatedAt: string;
  synthetic: boolean;
  version: number;
  scores: (WbiScores & { version: number }) | null;
}

export interface GebiedsbudgetArea {
  code: string;
  name: string;
  regio: string;
  designated: boolean;
  source: string;
}

export interface GebiedsbudgetRequestRecord extends GebiedsbudgetRequestInput {
  id: string;
  gemeenteCode: string;
  gemeenteName: string;
  status: GebiedsbudgetStatus;
  awardedEuros: number | null;
  filedAt: string;
  synthetic: boolean;
  version: number;
}

/** Which rows a list reads: all, or one gemeente's; synthetic rows only for demo principals. */
export interface ListScope {
  gemeenteCode?: string;
  syntheticOnly: boolean;
}

const iso = (v: Date | string) => new Date(v).toISOString();

const TRANCHE_COLUMNS = `id, name, window_opens AS "windowOpens", window_closes AS "windowCloses", award_date AS "awardDate",
  budget_euros AS "budgetEuros", allocated_at AS "allocatedAt", synthetic, version`;
type TrancheRow = Omit<TrancheRecord, 'allocatedAt'> & { allocatedAt: Date | string | null };
const toTranche = (r: TrancheRow): TrancheRecord => ({ ...r, allocatedAt: r.allocatedAt === null ? null : iso(r.allocatedAt) });

const APPLICATION_COLUMNS = `a.id, a.tranche_id AS "trancheId", a.project_id AS "projectId", p.name AS "projectName", a.gemeente_code AS "gemeenteCode",
  g.name AS "gemeenteName", a.homes, a.affordable_homes AS "affordableHomes", a.public_investments_euros AS "publicInvestmentsEuros",
  a.kostenverhaal_euros AS "kostenverhaalEuros", a.grondverkoop_euros AS "grondverkoopEuros",
  a.other_national_contributions_euros AS "otherNationalContributionsEuros", a.requested_euros AS "requestedEuros",
  a.cofinancing_euros AS "cofinancingEuros", a.activities, a.other_activities AS "otherActivities", a.first_start_date AS "firstStartDate",
  a.last_start_date AS "lastStartDate", a.necessary_for_woondeal AS "necessaryForWoondeal", a.bottleneck,
  a.realisatiestimulans_insufficient AS "realisatiestimulansInsufficient", a.parallel_plannen AS "parallelPlannen",
  a.versnellingstafel_with_ppm AS "versnellingstafelWithPpm", a.open_books AS "openBooks", a.explanation, a.outcome, a.ranking,
  a.awarded_euros AS "awardedEuros", a.filed_at AS "filedAt", a.updated_at AS "updatedAt", a.synthetic, a.version,
  s.noodzaak, s.effectiviteit, s.efficientie, s.urgentie, s.version AS "scoresVersion"`;
const APPLICATION_FROM = `wbi_applications a JOIN projects p ON p.id = a.project_id JOIN gemeenten g ON g.code = a.gemeente_code
  LEFT JOIN wbi_scores s ON s.application_id = a.id`;
type ApplicationRow = Omit<WbiApplicationRecord, 'scores' | 'filedAt' | 'updatedAt'> & {
  filedAt: Date | string;
  updatedAt: Date | string;
  noodzaak: number | null;
  effectiviteit: number | null;
  efficientie: number | null;
  urgentie: number | null;
  scoresVersion: number | null;
};
function toApplication(r: ApplicationRow): WbiApplicationRecord {
  const { noodzaak, effectiviteit, efficientie, urgentie, scoresVersion, ...rest } = r;
  return {
    ...rest,
    activities: [...r.activities],
    filedAt: iso(r.filedAt),
    updatedAt: iso(r.updatedAt),
    scores:
      scoresVersion === null
        ? null
        : { noodzaak: noodzaak!, effectiviteit: effectiviteit!, efficientie: efficientie!, urgentie: urgentie!, version: scoresVersion },
  };
}

const APPLICATION_FIELDS: ReadonlyArray<[keyof WbiApplicationInput, string]> = [
  ['homes', 'homes'],
  ['affordableHomes', 'affordable_homes'],
  ['publicInvestmentsEuros', 'public_investments_euros'],
  ['kostenverhaalEuros', 'kostenverhaal_euros'],
  ['grondverkoopEuros', 'grondverkoop_euros'],
  ['otherNationalContributionsEuros', 'other_national_contributions_euros'],
  ['requestedEuros', 'requested_euros'],
  ['cofinancingEuros', 'cofinancing_euros'],
  ['activities', 'activities'],
  ['otherActivities', 'other_activities'],
  ['firstStartDate', 'first_start_date'],
  ['lastStartDate', 'last_start_date'],
  ['necessaryForWoondeal', 'necessary_for_woondeal'],
  ['bottleneck', 'bottleneck'],
  ['realisatiestimulansInsufficient', 'realisatiestimulans_insufficient'],
  ['parallelPlannen', 'parallel_plannen'],
  ['versnellingstafelWithPpm', 'versnellingstafel_with_ppm'],
  ['openBooks', 'open_books'],
  ['explanation', 'explanation'],
];

const REQUEST_COLUMNS = `r.id, r.area_code AS "areaCode", r.gemeente_code AS "gemeenteCode", g.name AS "gemeenteName", r.title, r.homes,
  r.affordable_homes AS "affordableHomes", r.last_homes_year AS "lastHomesYear", r.homes_before_2030 AS "homesBefore2030",
  r.parallel_plannen AS "parallelPlannen", r.versnellingstafel_with_ppm AS "versnellingstafelWithPpm", r.open_books AS "openBooks",
  r.positive_mkba AS "positiveMkba", r.measures, r.total_investment_euros AS "totalInvestmentEuros",
  r.region_reserved_euros AS "regionReservedEuros", r.requested_euros AS "requestedEuros", r.status, r.awarded_euros AS "awardedEuros",
  r.filed_at AS "filedAt", r.synthetic, r.version`;
type RequestRow = Omit<GebiedsbudgetRequestRecord, 'filedAt'> & { filedAt: Date | string };
const toRequest = (r: RequestRow): GebiedsbudgetRequestRecord => ({ ...r, measures: [...r.measures], filedAt: iso(r.filedAt) });
const REQUEST_FIELDS: ReadonlyArray<[keyof GebiedsbudgetRequestInput, string]> = [
  ['areaCode', 'area_code'],
  ['title', 'title'],
  ['homes', 'homes'],
  ['affordableHomes', 'affordable_homes'],
  ['lastHomesYear', 'last_homes_year'],
  ['homesBefore2030', 'homes_before_2030'],
  ['parallelPlannen', 'parallel_plannen'],
  ['versnellingstafelWithPpm', 'versnellingstafel_with_ppm'],
  ['openBooks', 'open_books'],
  ['positiveMkba', 'positive_mkba'],
  ['measures', 'measures'],
  ['totalInvestmentEuros', 'total_investment_euros'],
  ['regionReservedEuros', 'region_reserved_euros'],
  ['requestedEuros', 'requested_euros'],
];

/** `WHERE` conditions and parameters of a list scope, with `alias` the table's alias. */
function scopeWhere(alias: string, scope: ListScope, params: unknown[]): string[] {
  const where: string[] = [];
  if (scope.gemeenteCode !== undefined) {
    params.push(scope.gemeenteCode);
    where.push(`${alias}.gemeente_code = $${params.length}`);
  }
  if (scope.syntheticOnly) where.push(`${alias}.synthetic`);
  return where;
}

export function createWoningbouwimpulsRepository() {
  return {
    async tranches(q: Queryable, syntheticOnly: boolean): Promise<TrancheRecord[]> {
      const rows = await q.query<TrancheRow>(
        `SELECT ${TRANCHE_COLUMNS} FROM wbi_tranches ${syntheticOnly ? 'WHERE synthetic' : ''} ORDER BY window_opens DESC, name`,
      );
      return rows.map(toTranche);
    },
    async tranche(q: Queryable, id: string, lock = false): Promise<TrancheRecord | null> {
      const [row] = await q.query<TrancheRow>(`SELECT ${TRANCHE_COLUMNS} FROM wbi_tranches WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
      return row ? toTranche(row) : null;
    },
    /** Sum of the budgets of all tranches except `exceptId` (the €470m check). */
    async budgetsTotal(q: Queryable, synthetic: boolean, exceptId: string | null): Promise<number> {
      const [row] = await q.query<{ total: number | null }>(
        'SELECT sum(budget_euros)::bigint AS total FROM wbi_tranches WHERE synthetic = $1 AND ($2::uuid IS NULL OR id <> $2::uuid)',
        [synthetic, exceptId],
      );
      return Number(row?.total ?? 0);
    },
    async insertTranche(q: Queryable, t: TrancheWrite): Promise<void> {
      await q.query(
        `INSERT INTO wbi_tranches (id, name, window_opens, window_closes, award_date, budget_euros, synthetic) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [t.id, t.name, t.windowOpens, t.windowCloses, t.awardDate, t.budgetEuros, t.synthetic],
      );
    },
    async updateTranche(q: Queryable, t: TrancheWrite, expected: number): Promise<boolean> {
      const rows = await q.query(
        `UPDATE wbi_tranches SET name = $2, window_opens = $3, window_closes = $4, award_date = $5, budget_euros = $6, version = version + 1
         WHERE id = $1 AND version = $7 RETURNING id`,
        [t.id, t.name, t.windowOpens, t.windowCloses, t.awardDate, t.budgetEuros, expected],
      );
      return rows.length === 1;
    },

    async applications(q: Queryable, trancheId: string | null, scope: ListScope): Promise<WbiApplicationRecord[]> {
      const params: unknown[] = [];
      const where = scopeWhere('a', scope, params);
      if (trancheId) {
        params.push(trancheId);
        where.push(`a.tranche_id = $${params.length}`);
      }
      const rows = await q.query<ApplicationRow>(
        `SELECT ${APPLICATION_COLUMNS} FROM ${APPLICATION_FROM} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY a.filed_at, a.id`,
        params,
      );
      return rows.map(toApplication);
    },
    async application(q: Queryable, id: string, lock = false): Promise<WbiApplicationRecord | null> {
      const [row] = await q.query<ApplicationRow>(
        `SELECT ${APPLICATION_COLUMNS} FROM ${APPLICATION_FROM} WHERE a.id = $1${lock ? ' FOR UPDATE OF a' : ''}`,
        [id],
      );
      return row ? toApplication(row) : null;
    },
    /** The application of a project in a tranche, if any (one per project per tranche). */
    async applicationFor(q: Queryable, trancheId: string, projectId: string): Promise<string | null> {
      const [row] = await q.query<{ id: string }>('SELECT id FROM wbi_applications WHERE tranche_id = $1 AND project_id = $2', [
        trancheId,
        projectId,
      ]);
      return row?.id ?? null;
    },
    async insertApplication(
      q: Queryable,
      a: WbiApplicationInput & {
        id: string;
        trancheId: string;
        projectId: string;
        gemeenteCode: string;
        filedByUserId: string | null;
        synthetic: boolean;
      },
    ): Promise<void> {
      const cols = APPLICATION_FIELDS.map(([, c]) => c);
      const values = APPLICATION_FIELDS.map(([f]) => a[f]);
      const params = [a.id, a.trancheId, a.projectId, a.gemeenteCode, a.filedByUserId, a.synthetic, ...values];
      await q.query(
        `INSERT INTO wbi_applications (id, tranche_id, project_id, gemeente_code, filed_by_user_id, synthetic, ${cols.join(', ')})
         VALUES (${params.map((_, i) => `$${i + 1}`).join(', ')})`,
        params,
      );
    },
    async updateApplication(q: Queryable, id: string, a: WbiApplicationInput, expected: number): Promise<boolean> {
      const sets = APPLICATION_FIELDS.map(([, c], i) => `${c} = $${i + 3}`);
      const rows = await q.query(
        `UPDATE wbi_applications SET ${sets.join(', ')}, updated_at = now(), version = version + 1 WHERE id = $1 AND version = $2 RETURNING id`,
        [id, expected, ...APPLICATION_FIELDS.map(([f]) => a[f])],
      );
      return rows.length === 1;
    },
    /** Enter (expected 0) or change the committee's scores. */
    async putScores(q: Queryable, applicationId: string, s: WbiScores, userId: string | null, expected: number): Promise<boolean> {
      if (expected === 0) {
        const rows = await q.query(
          `INSERT INTO wbi_scores (application_id, noodzaak, effectiviteit, efficientie, urgentie, entered_by_user_id) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (application_id) DO NOTHING RETURNING application_id`,
          [applicationId, s.noodzaak, s.effectiviteit, s.efficientie, s.urgentie, userId],
        );
        return rows.length === 1;
      }
      const rows = await q.query(
        `UPDATE wbi_scores SET noodzaak = $2, effectiviteit = $3, efficientie = $4, urgentie = $5, entered_by_user_id = $6, entered_at = now(),
           version = version + 1 WHERE application_id = $1 AND version = $7 RETURNING application_id`,
        [applicationId, s.noodzaak, s.effectiviteit, s.efficientie, s.urgentie, userId, expected],
      );
      return rows.length === 1;
    },
    /** Store the outcome of the allocation on each application and mark the tranche allocated. */
    async storeAllocation(
      q: Queryable,
      trancheId: string,
      lines: ReadonlyArray<{ id: string; outcome: AllocationOutcome; ranking: number | null; awardedEuros: number }>,
    ): Promise<void> {
      for (const l of lines) {
        await q.query('UPDATE wbi_applications SET outcome = $2, ranking = $3, awarded_euros = $4 WHERE id = $1 AND tranche_id = $5', [
          l.id,
          l.outcome,
          l.ranking,
          l.awardedEuros,
          trancheId,
        ]);
      }
      await q.query('UPDATE wbi_tranches SET allocated_at = now(), version = version + 1 WHERE id = $1', [trancheId]);
    },

    async areas(q: Queryable): Promise<GebiedsbudgetArea[]> {
      return q.query<GebiedsbudgetArea>('SELECT code, name, regio, designated, source FROM gebiedsbudget_areas ORDER BY name');
    },
    async requests(q: Queryable, scope: ListScope): Promise<GebiedsbudgetRequestRecord[]> {
      const params: unknown[] = [];
      const where = scopeWhere('r', scope, params);
      const rows = await q.query<RequestRow>(
        `SELECT ${REQUEST_COLUMNS} FROM gebiedsbudget_requests r JOIN gemeenten g ON g.code = r.gemeente_code
         ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY r.filed_at, r.id`,
        params,
      );
      return rows.map(toRequest);
    },
    async request(q: Queryable, id: string, lock = false): Promise<GebiedsbudgetRequestRecord | null> {
      const [row] = await q.query<RequestRow>(
        `SELECT ${REQUEST_COLUMNS} FROM gebiedsbudget_requests r JOIN gemeenten g ON g.code = r.gemeente_code WHERE r.id = $1${lock ? ' FOR UPDATE OF r' : ''}`,
        [id],
      );
      return row ? toRequest(row) : null;
    },
    async insertRequest(
      q: Queryable,
      r: GebiedsbudgetRequestInput & { id: string; gemeenteCode: string; filedByUserId: string | null; synthetic: boolean },
    ): Promise<void> {
      const cols = REQUEST_FIELDS.map(([, c]) => c);
      const params = [r.id, r.gemeenteCode, r.filedByUserId, r.synthetic, ...REQUEST_FIELDS.map(([f]) => r[f])];
      await q.query(
        `INSERT INTO gebiedsbudget_requests (id, gemeente_code, filed_by_user_id, synthetic, ${cols.join(', ')})
         VALUES (${params.map((_, i) => `$${i + 1}`).join(', ')})`,
        params,
      );
    },
    async decideRequest(q: Queryable, id: string, status: GebiedsbudgetStatus, awardedEuros: number | null, expected: number): Promise<boolean> {
      const rows = await q.query(
        'UPDATE gebiedsbudget_requests SET status = $2, awarded_euros = $3, version = version + 1 WHERE id = $1 AND version = $4 RETURNING id',
        [id, status, awardedEuros, expected],
      );
      return rows.length === 1;
    },
    /** The amount awarded from the gebiedsbudget, all requests except `exceptId`, on the same side (real or synthetic). */
    async awardedTotal(q: Queryable, synthetic: boolean, exceptId: string): Promise<number> {
      const [row] = await q.query<{ total: number | null }>(
        `SELECT sum(awarded_euros)::bigint AS total FROM gebiedsbudget_requests WHERE status = 'toegekend' AND synthetic = $1 AND id <> $2`,
        [synthetic, exceptId],
      );
      return Number(row?.total ?? 0);
    },
  };
}

export type WoningbouwimpulsRepository = ReturnType<typeof createWoningbouwimpulsRepository>;
