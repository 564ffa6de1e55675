/**
 * Realisatiestimulans (issue 16; SPEC §4.1): the figures per gemeente on both counting bases, the national (or
 * provincial) overview with the budget check and payout schedule, a gemeente's drill-down to the projects behind
 * every amount, and the earlier national contributions the deduction rule uses. Access first, in every method
 * (src/domain/access.ts realisatiestimulansArea): the ministry and administrators all, a province analyst its
 * province, a gemeente only itself; a demo account only demo data.
 */
import {
  requireMayReadRealisatiestimulansOf,
  requireRealisatiestimulansArea,
  requireMayRecordContributions,
  syntheticDataOnly,
  withinDemoScope,
  type InstrumentArea,
  type Principal,
} from '../domain/access.ts';
import type { Actor } from '../domain/audit.ts';
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import {
  aggregateEntitlement,
  budgetCheck,
  gemeenteFigures,
  payoutSchedule,
  projectEntitlement,
  realisatiestimulansSettings,
  sumFigures,
  TELBASES,
  type BudgetCheck,
  type DeductionRule,
  type GemeenteFigures,
  type ProjectEntitlement,
  type RealisatiestimulansSettings,
  type SupplementSettings,
  type Telbasis,
} from '../domain/instruments/realisatiestimulans.ts';
import { POLICY } from '../domain/policy.ts';
import type { AuditRepository } from '../storage/audit.repository.ts';
import type { Db, Queryable } from '../storage/db.ts';
import type { GeographyRepository } from '../storage/geography.repository.ts';
import type { ContributionRecord, RealisatiestimulansRepository } from '../storage/realisatiestimulans.repository.ts';

const RS = POLICY.realisatiestimulans;

/** The scenario the caller tries: a deduction rule and supplement amounts (not fixed by policy). */
export interface ScenarioRequest {
  deductionRule?: DeductionRule;
  supplements?: Partial<SupplementSettings>;
}

export interface GemeenteRow extends GemeenteFigures {
  gemeenteName: string;
  provincieCode: string;
}

export interface ProvincieRow extends Omit<GemeenteFigures, 'gemeenteCode'> {
  provincieCode: string;
  provincieName: string;
}

export interface RealisatiestimulansOverview {
  /** What the figures cover: the nation, one province or one gemeente. */
  area: { level: 'nl' | 'provincie' | 'gemeente'; code: string | null };
  settings: RealisatiestimulansSettings;
  gemeenten: GemeenteRow[];
  provincies: ProvincieRow[];
  total: Omit<GemeenteFigures, 'gemeenteCode'>;
  /** Budget against claims per basis; only for the nation (the budget is national). */
  budget: Record<Telbasis, BudgetCheck> | null;
  payout: Record<Telbasis, ReturnType<typeof payoutSchedule>>;
}

export interface GemeenteDetail {
  gemeenteCode: string;
  gemeenteName: string;
  provincieCode: string;
  settings: RealisatiestimulansSettings;
  figures: GemeenteFigures;
  payout: Record<Telbasis, ReturnType<typeof payoutSchedule>>;
  /** Every project line behind the amounts, both bases, realised and expected. */
  projects: ProjectEntitlement[];
}

export interface RealisatiestimulansServiceDeps {
  db: Db;
  geography: GeographyRepository;
  repository: RealisatiestimulansRepository;
  audit: AuditRepository;
  publicDemoData: boolean;
}

export function createRealisatiestimulansService(deps: RealisatiestimulansServiceDeps) {
  const { db, geography, repository, audit, publicDemoData } = deps;

  /**
   * The project lines of the filter. `aggregated`: the lines counted whole and without earlier contributions come
   * added up per gemeente, basis, year, status, origin and NPLV flag (aggregateEntitlement: the same amounts, far
   * fewer rows; for overviews), the others per project; otherwise every line is one project (for the drill-down).
   */
  async function lines(
    q: Queryable,
    filter: { gemeenteCodes?: string[]; provincieCode?: string },
    principal: Principal,
    settings: RealisatiestimulansSettings,
    aggregated = false,
  ) {
    const counted = {
      ...filter,
      syntheticOnly: syntheticDataOnly(principal, publicDemoData),
      firstYear: settings.firstYear,
      lastYear: settings.lastYear,
      onzelfstandigOrigins: RS.onzelfstandigOrigins,
    };
    const out: ProjectEntitlement[] = [];
    if (aggregated) {
      for (const group of await repository.countedAggregates(q, counted)) {
        const line = aggregateEntitlement(group, settings);
        if (line) out.push(line);
      }
    }
    for (const project of await repository.countedProjects(q, { ...counted, complexOnly: aggregated })) {
      const line = projectEntitlement(project, settings);
      if (line) out.push(line);
    }
    return out;
  }

  const payoutOf = (f: Omit<GemeenteFigures, 'gemeenteCode'>) =>
    Object.fromEntries(TELBASES.map((b) => [b, payoutSchedule(f[b])])) as Record<Telbasis, ReturnType<typeof payoutSchedule>>;

  return {
    /** The overview of the principal's area: per gemeente and province, the total, and (nationally) the budget check. */
    async overview(request: ScenarioRequest, principal: Principal): Promise<RealisatiestimulansOverview> {
      const area = requireRealisatiestimulansArea(principal);
      const settings = realisatiestimulansSettings(request);
      const [allGemeenten, provincies] = await Promise.all([repository.gemeenten(db), geography.listProvincies(db)]);
      const inArea = allGemeenten.filter((g) => within(area, g));
      const filter = 'all' in area ? {} : 'provincieCode' in area ? { provincieCode: area.provincieCode } : { gemeenteCodes: [area.gemeenteCode] };
      const projectLines = await lines(db, filter, principal, settings, true);
      const names = new Map(allGemeenten.map((g) => [g.code, g]));
      const figures = gemeenteFigures(
        projectLines,
        settings,
        inArea.map((g) => g.code),
      );
      const gemeenten: GemeenteRow[] = figures.map((f) => ({
        ...f,
        gemeenteName: names.get(f.gemeenteCode)?.name ?? f.gemeenteCode,
        provincieCode: names.get(f.gemeenteCode)?.provincieCode ?? '',
      }));
      const provincieRows: ProvincieRow[] = provincies
        .filter((p) => gemeenten.some((g) => g.provincieCode === p.code))
        .map((p) => ({
          provincieCode: p.code,
          provincieName: p.name,
          ...sumFigures(
            gemeenten.filter((g) => g.provincieCode === p.code),
            settings,
          ),
        }));
      const total = sumFigures(figures, settings);
      const budget =
        'all' in area
          ? (Object.fromEntries(TELBASES.map((b) => [b, budgetCheck(total[b].realised, total[b].expected, settings)])) as Record<
              Telbasis,
              BudgetCheck
            >)
          : null;
      return {
        area:
          'all' in area
            ? { level: 'nl', code: null }
            : 'provincieCode' in area
              ? { level: 'provincie', code: area.provincieCode }
              : { level: 'gemeente', code: area.gemeenteCode },
        settings,
        gemeenten: gemeenten.sort((a, b) => a.gemeenteName.localeCompare(b.gemeenteName, 'nl')),
        provincies: provincieRows,
        total,
        budget,
        payout: payoutOf(total),
      };
    },

    /** One gemeente: its figures on both bases, the payout schedule and every project line behind them. */
    async gemeente(gemeenteCode: string, request: ScenarioRequest, principal: Principal): Promise<GemeenteDetail> {
      requireRealisatiestimulansArea(principal);
      const gemeente = await geography.getGemeente(db, gemeenteCode);
      requireMayReadRealisatiestimulansOf(principal, gemeente ? { gemeenteCode: gemeente.code, provincieCode: gemeente.provincieCode } : null);
      if (!gemeente) throw new NotFoundError('gemeente', gemeenteCode);
      const settings = realisatiestimulansSettings(request);
      const projects = await lines(db, { gemeenteCodes: [gemeente.code] }, principal, settings);
      const [figures] = gemeenteFigures(projects, settings, [gemeente.code]);
      if (!figures) throw new Error('realisatiestimulans: no figures for a listed gemeente');
      return {
        gemeenteCode: gemeente.code,
        gemeenteName: gemeente.name,
        provincieCode: gemeente.provincieCode,
        settings,
        figures,
        payout: payoutOf(figures),
        projects,
      };
    },

    /** The earlier national contributions recorded within the principal's area. */
    async contributions(filter: { projectId?: string }, principal: Principal): Promise<ContributionRecord[]> {
      const area = requireRealisatiestimulansArea(principal);
      const scope = 'all' in area ? {} : 'provincieCode' in area ? { provincieCode: area.provincieCode } : { gemeenteCodes: [area.gemeenteCode] };
      return repository.listContributions(db, { ...scope, ...filter, syntheticOnly: syntheticDataOnly(principal, publicDemoData) });
    },

    /** Records an earlier national contribution to a project (the ministry, administrators), in the audit trail. */
    async addContribution(
      input: { projectId: string; scheme: string; amountEuros: number; decidedOn?: string | null; note?: string | null },
      actor: Actor,
    ): Promise<ContributionRecord> {
      const { principal } = actor;
      requireMayRecordContributions(principal);
      return db.transaction(async (tx) => {
        const [project] = await tx.query<{ id: string; synthetic: boolean }>('SELECT id, synthetic FROM projects WHERE id = $1', [input.projectId]);
        if (!project || !withinDemoScope(principal, project)) {
          throw new ValidationError([{ path: 'projectId', code: 'not_found', message: 'Dit project bestaat niet.' }]);
        }
        const id = await repository.insertContribution(tx, {
          projectId: input.projectId,
          scheme: input.scheme,
          amountEuros: input.amountEuros,
          decidedOn: input.decidedOn ?? null,
          note: input.note ?? null,
          synthetic: principal.demo,
        });
        await audit.append(tx, [
          {
            projectId: input.projectId,
            actorUserId: principal.userId,
            actorName: principal.name,
            via: actor.via,
            entityType: 'realisatiestimulans_bijdrage',
            entityId: id,
            action: 'eerdere rijksbijdrage vastgelegd',
            changes: [
              { field: 'regeling', old: null, new: input.scheme },
              { field: 'bedrag', old: null, new: input.amountEuros },
            ],
          },
        ]);
        return (await repository.getContribution(tx, id))!;
      });
    },

    /** Removes a recorded contribution (the ministry, administrators), in the audit trail. */
    async removeContribution(id: string, actor: Actor): Promise<void> {
      const { principal } = actor;
      requireMayRecordContributions(principal);
      await db.transaction(async (tx) => {
        const current = await repository.getContribution(tx, id);
        if (!current || !withinDemoScope(principal, current)) throw new NotFoundError('bijdrage', id);
        await repository.deleteContribution(tx, id);
        await audit.append(tx, [
          {
            projectId: current.projectId,
            actorUserId: principal.userId,
            actorName: principal.name,
            via: actor.via,
            entityType: 'realisatiestimulans_bijdrage',
            entityId: id,
            action: 'eerdere rijksbijdrage verwijderd',
            changes: [
              { field: 'regeling', old: current.scheme, new: null },
              { field: 'bedrag', old: current.amountEuros, new: null },
            ],
          },
        ]);
      });
    },
  };
}

function within(area: InstrumentArea, g: { code: string; provincieCode: string }): boolean {
  if ('all' in area) return true;
  if ('provincieCode' in area) return g.provincieCode === area.provincieCode;
  return g.code === area.gemeenteCode;
}

export type RealisatiestimulansService = ReturnType<typeof createRealisatiestimulansService>;
