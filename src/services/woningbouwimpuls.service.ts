/**
 * Woningbouwimpuls (SPEC §4.2, `001 § Afspraak 19.2`) and Gebiedsbudget (SPEC §4.3, `001 § Afspraak 19.3`): tranches,
 * a gemeente's applications for its own projects during the window, the committee's scores, ranking and allocation,
 * the decision list (CSV/XLSX); gebiedsbudget requests, their cap and the running total. Every access decision is
 * src/domain/access.ts (subsidyScope and friends); every rule src/domain/instruments/*. Every change is audited in the
 * same transaction.
 */
import ExcelJS from 'exceljs';
import {
  createsSynthetic,
  requireMayAdministerSubsidies,
  requireMayFileGebiedsbudget,
  requireMayFileSubsidyApplication,
  requireMayReadSubsidyApplication,
  requireSubsidyScope,
  syntheticDataOnly,
  type Principal,
} from '../domain/access.ts';
import { diffFields, type Actor } from '../domain/audit.ts';
import { ConflictError, NotFoundError, ValidationError } from '../domain/errors.ts';
import {
  checkGebiedsbudgetAward,
  checkGebiedsbudgetEligibility,
  checkGebiedsbudgetRequest,
  gebiedsbudgetTotals,
  type GebiedsbudgetEligibility,
  type GebiedsbudgetRequestInput,
} from '../domain/instruments/gebiedsbudget.ts';
import {
  ALLOCATION_OUTCOME_LABELS,
  allocateTranche,
  checkTranche,
  checkWbiApplication,
  checkWbiEligibility,
  checkWbiScores,
  isWindowOpen,
  totalScore,
  WBI_CRITERIA,
  type Allocation,
  type AllocationLine,
  type WbiApplicationInput,
  type WbiEligibility,
  type WbiScores,
} from '../domain/instruments/woningbouwimpuls.ts';
import { dateInNetherlands } from '../domain/plausibility.ts';
import { POLICY } from '../domain/policy.ts';
import { csvLine, neutraliseFormula } from '../domain/project-export.ts';
import type { AuditRepository } from '../storage/audit.repository.ts';
import type { Db, Queryable } from '../storage/db.ts';
import type { ProjectRepository } from '../storage/project.repository.ts';
import type {
  GebiedsbudgetArea,
  GebiedsbudgetRequestRecord,
  ListScope,
  TrancheRecord,
  WbiApplicationRecord,
  WoningbouwimpulsRepository,
} from '../storage/woningbouwimpuls.repository.ts';

export interface WoningbouwimpulsServiceDeps {
  db: Db;
  projects: ProjectRepository;
  store: WoningbouwimpulsRepository;
  audit: AuditRepository;
  today?: () => string;
}

export type TrancheInput = { name: string; windowOpens: string; windowCloses: string; awardDate: string; budgetEuros: number };
export type TrancheView = TrancheRecord & { windowOpen: boolean };
export type WbiApplicationView = Omit<WbiApplicationRecord, 'scores'> & {
  scores: (WbiScores & { version: number; totalScore: number }) | null;
  eligibility: WbiEligibility;
};
export type AllocationView = Omit<Allocation, 'lines'> & {
  tranche: TrancheView;
  lines: Array<AllocationLine & { projectName: string; gemeenteName: string; requestedEuros: number; maximumAwardEuros: number }>;
};
export type GebiedsbudgetRequestView = GebiedsbudgetRequestRecord & { areaName: string; eligibility: GebiedsbudgetEligibility };

const ENTITY = { tranche: 'wbi_tranche', application: 'wbi_aanvraag', scores: 'wbi_scores', request: 'gebiedsbudget_aanvraag' } as const;

const applicationInput = (a: WbiApplicationInput): WbiApplicationInput => ({
  homes: a.homes,
  affordableHomes: a.affordableHomes,
  publicInvestmentsEuros: a.publicInvestmentsEuros,
  kostenverhaalEuros: a.kostenverhaalEuros,
  grondverkoopEuros: a.grondverkoopEuros,
  otherNationalContributionsEuros: a.otherNationalContributionsEuros,
  requestedEuros: a.requestedEuros,
  cofinancingEuros: a.cofinancingEuros,
  activities: [...a.activities],
  otherActivities: a.otherActivities,
  firstStartDate: a.firstStartDate,
  lastStartDate: a.lastStartDate,
  necessaryForWoondeal: a.necessaryForWoondeal,
  bottleneck: a.bottleneck,
  realisatiestimulansInsufficient: a.realisatiestimulansInsufficient,
  parallelPlannen: a.parallelPlannen,
  versnellingstafelWithPpm: a.versnellingstafelWithPpm,
  openBooks: a.openBooks,
  explanation: a.explanation,
});

const stale = (what: string, current: number): never => {
  throw new ConflictError(
    `Iemand anders heeft ${what} intussen gewijzigd (nu versie ${current}). Laad de pagina opnieuw en voer uw wijziging opnieuw in.`,
    current,
  );
};

export function createWoningbouwimpulsService(deps: WoningbouwimpulsServiceDeps) {
  const { db, projects, store, audit } = deps;
  const today = deps.today ?? (() => dateInNetherlands(new Date()));

  const listScope = (p: Principal): ListScope => {
    const scope = requireSubsidyScope(p);
    return 'all' in scope ? { syntheticOnly: scope.syntheticOnly } : { gemeenteCode: scope.gemeenteCode, syntheticOnly: scope.syntheticOnly };
  };
  const trancheView = (t: TrancheRecord): TrancheView => ({ ...t, windowOpen: isWindowOpen(t, today()) });
  const applicationView = (a: WbiApplicationRecord, tranche: TrancheRecord): WbiApplicationView => ({
    ...a,
    scores: a.scores ? { ...a.scores, totalScore: totalScore(a.scores) } : null,
    eligibility: checkWbiEligibility(a, tranche.awardDate),
  });

  /** A tranche the principal may see (demo principals: synthetic ones only), else 404. */
  async function visibleTranche(q: Queryable, id: string, p: Principal, lock = false): Promise<TrancheRecord> {
    requireSubsidyScope(p);
    const t = await store.tranche(q, id, lock);
    if (!t || (syntheticDataOnly(p) && !t.synthetic)) throw new NotFoundError('Tranche', id);
    return t;
  }

  async function allocationOf(q: Queryable, tranche: TrancheRecord): Promise<AllocationView> {
    const apps = (await store.applications(q, tranche.id, { syntheticOnly: false })).map((a) => applicationView(a, tranche));
    const allocation = allocateTranche(
      apps.map((a) => ({
        id: a.id,
        eligible: a.eligibility.eligible,
        scores: a.scores,
        awardableEuros: a.eligibility.awardableEuros,
        affordableHomes: a.affordableHomes,
        filedAt: a.filedAt,
      })),
      tranche.budgetEuros,
    );
    const byId = new Map(apps.map((a) => [a.id, a]));
    return {
      ...allocation,
      tranche: trancheView(tranche),
      lines: allocation.lines.map((l) => {
        const a = byId.get(l.id)!;
        return {
          ...l,
          projectName: a.projectName,
          gemeenteName: a.gemeenteName,
          requestedEuros: a.requestedEuros,
          maximumAwardEuros: a.eligibility.maximumAwardEuros,
        };
      }),
    };
  }

  async function areaOf(q: Queryable, code: string): Promise<GebiedsbudgetArea | null> {
    return (await store.areas(q)).find((a) => a.code === code) ?? null;
  }
  async function requestView(q: Queryable, r: GebiedsbudgetRequestRecord, areas?: GebiedsbudgetArea[]): Promise<GebiedsbudgetRequestView> {
    const area = (areas ?? (await store.areas(q))).find((a) => a.code === r.areaCode) ?? null;
    return { ...r, areaName: area?.name ?? r.areaCode, eligibility: checkGebiedsbudgetEligibility(r, area) };
  }

  return {
    // ----- Woningbouwimpuls -----
    async tranches(p: Principal): Promise<TrancheView[]> {
      const scope = listScope(p);
      return (await store.tranches(db, scope.syntheticOnly)).map(trancheView);
    },

    async createTranche(input: TrancheInput, actor: Actor): Promise<TrancheView> {
      requireMayAdministerSubsidies(actor.principal);
      const issues = checkTranche(input);
      if (issues.length) throw new ValidationError(issues);
      return db.transaction(async (tx) => {
        const synthetic = createsSynthetic(actor.principal);
        const others = await store.budgetsTotal(tx, synthetic, null);
        if (others + input.budgetEuros > POLICY.woningbouwimpuls.totalBudgetEuros)
          throw new ValidationError([
            {
              path: 'budgetEuros',
              code: 'above_total',
              message: `Samen met de andere tranches (${others.toLocaleString('nl-NL')} euro) komt het budget boven de € 470 miljoen van de Woningbouwimpuls tot en met ${POLICY.woningbouwimpuls.budgetUntilYear}.`,
            },
          ]);
        const id = crypto.randomUUID();
        const write = {
          id,
          name: input.name.trim(),
          windowOpens: input.windowOpens,
          windowCloses: input.windowCloses,
          awardDate: input.awardDate,
          budgetEuros: input.budgetEuros,
          synthetic,
        };
        await store.insertTranche(tx, write);
        await audit.append(tx, [
          {
            actorUserId: actor.principal.userId,
            actorName: actor.principal.name,
            via: actor.via,
            entityType: ENTITY.tranche,
            entityId: id,
            action: 'tranche aangemaakt',
            changes: diffFields({}, input),
          },
        ]);
        return trancheView((await store.tranche(tx, id))!);
      });
    },

    /** A tranche with the applications the principal may read (a gemeente: its own). */
    async tranche(id: string, p: Principal): Promise<{ tranche: TrancheView; applications: WbiApplicationView[] }> {
      const t = await visibleTranche(db, id, p);
      const apps = await store.applications(db, id, listScope(p));
      return { tranche: trancheView(t), applications: apps.map((a) => applicationView(a, t)) };
    },

    async application(id: string, p: Principal): Promise<WbiApplicationView> {
      const a = await store.application(db, id);
      requireMayReadSubsidyApplication(p, a, 'Aanvraag', id);
      const t = await visibleTranche(db, a.trancheId, p);
      return applicationView(a, t);
    },

    /** A gemeente files an application for one of its projects while the window is open (one per project per tranche). */
    async fileApplication(trancheId: string, projectId: string, input: WbiApplicationInput, actor: Actor): Promise<WbiApplicationView> {
      const p = actor.principal;
      return db.transaction(async (tx) => {
        const t = await visibleTranche(tx, trancheId, p);
        const project = await projects.get(tx, projectId);
        if (!project) throw new NotFoundError('Project', projectId);
        requireMayFileSubsidyApplication(
          p,
          { id: projectId, gemeenteCode: project.gemeenteCode, synthetic: project.synthetic ?? false },
          isWindowOpen(t, today()),
        );
        const issues = checkWbiApplication(input);
        if (issues.length) throw new ValidationError(issues);
        if (await store.applicationFor(tx, trancheId, projectId))
          throw new ConflictError(
            'Voor dit project is in deze tranche al een aanvraag ingediend. Pas die aan in plaats van een nieuwe in te dienen.',
          );
        const id = crypto.randomUUID();
        await store.insertApplication(tx, {
          ...applicationInput(input),
          id,
          trancheId,
          projectId,
          gemeenteCode: project.gemeenteCode,
          filedByUserId: p.userId,
          synthetic: createsSynthetic(p) || (project.synthetic ?? false),
        });
        await audit.append(tx, [
          {
            actorUserId: p.userId,
            actorName: p.name,
            via: actor.via,
            entityType: ENTITY.application,
            entityId: id,
            action: 'Woningbouwimpuls-aanvraag ingediend',
            changes: diffFields({}, { trancheId, projectId, ...applicationInput(input) }),
          },
        ]);
        return applicationView((await store.application(tx, id))!, t);
      });
    },

    async updateApplication(id: string, version: number, input: WbiApplicationInput, actor: Actor): Promise<WbiApplicationView> {
      const p = actor.principal;
      return db.transaction(async (tx) => {
        const current = await store.application(tx, id, true);
        requireMayReadSubsidyApplication(p, current, 'Aanvraag', id);
        const t = await visibleTranche(tx, current.trancheId, p);
        requireMayFileSubsidyApplication(
          p,
          { id: current.projectId, gemeenteCode: current.gemeenteCode, synthetic: current.synthetic },
          isWindowOpen(t, today()),
        );
        const issues = checkWbiApplication(input);
        if (issues.length) throw new ValidationError(issues);
        if (current.version !== version || !(await store.updateApplication(tx, id, applicationInput(input), version)))
          stale('deze aanvraag', current.version);
        await audit.append(tx, [
          {
            actorUserId: p.userId,
            actorName: p.name,
            via: actor.via,
            entityType: ENTITY.application,
            entityId: id,
            action: 'Woningbouwimpuls-aanvraag aangepast',
            changes: diffFields(applicationInput(current), applicationInput(input)),
          },
        ]);
        return applicationView((await store.application(tx, id))!, t);
      });
    },

    /** The committee's scores (version 0: the first). The ministry only; they count in the ranking once entered. */
    async putScores(id: string, version: number, scores: WbiScores, actor: Actor): Promise<WbiApplicationView> {
      const p = actor.principal;
      requireMayAdministerSubsidies(p);
      const issues = checkWbiScores(scores);
      if (issues.length) throw new ValidationError(issues);
      return db.transaction(async (tx) => {
        const current = await store.application(tx, id, true);
        requireMayReadSubsidyApplication(p, current, 'Aanvraag', id);
        const t = await visibleTranche(tx, current.trancheId, p);
        const currentVersion = current.scores?.version ?? 0;
        if (currentVersion !== version || !(await store.putScores(tx, id, scores, p.userId, version)))
          stale('de scores van deze aanvraag', currentVersion);
        const before = current.scores ? Object.fromEntries(WBI_CRITERIA.map((k) => [k, current.scores![k]])) : {};
        await audit.append(tx, [
          {
            actorUserId: p.userId,
            actorName: p.name,
            via: actor.via,
            entityType: ENTITY.scores,
            entityId: id,
            action: current.scores ? 'scores aangepast' : 'scores ingevoerd',
            changes: diffFields(before, Object.fromEntries(WBI_CRITERIA.map((k) => [k, scores[k]]))),
          },
        ]);
        return applicationView((await store.application(tx, id))!, t);
      });
    },

    /** The ranking and allocation as it stands (computed; not stored). The ministry only. */
    async allocation(trancheId: string, p: Principal): Promise<AllocationView> {
      requireMayAdministerSubsidies(p);
      return allocationOf(db, await visibleTranche(db, trancheId, p));
    },

    /**
     * Fix the ranking and allocation on the applications (outcome, rank, amount) — after the window has closed
     * (`001 § Afspraak 19.2`: the minister ranks "na het sluiten van het aanvraagtijdvak"). May be repeated when scores change.
     */
    async allocate(trancheId: string, actor: Actor): Promise<AllocationView> {
      const p = actor.principal;
      requireMayAdministerSubsidies(p);
      return db.transaction(async (tx) => {
        const t = await visibleTranche(tx, trancheId, p, true);
        if (today() <= t.windowCloses)
          throw new ValidationError([
            {
              path: 'trancheId',
              code: 'window_open',
              message: 'Het aanvraagtijdvak is nog open. Het ministerie rangschikt de aanvragen pas na de sluiting.',
            },
          ]);
        const allocation = await allocationOf(tx, t);
        await store.storeAllocation(
          tx,
          trancheId,
          allocation.lines.map((l) => ({ id: l.id, outcome: l.outcome, ranking: l.rank, awardedEuros: l.awardedEuros })),
        );
        await audit.append(tx, [
          {
            actorUserId: p.userId,
            actorName: p.name,
            via: actor.via,
            entityType: ENTITY.tranche,
            entityId: trancheId,
            action: 'tranche gerangschikt en verdeeld',
            changes: allocation.lines.map((l) => ({
              field: `aanvragen.${l.id}`,
              old: null,
              new: { rank: l.rank, outcome: l.outcome, awardedEuros: l.awardedEuros },
            })),
          },
        ]);
        return allocationOf(tx, (await store.tranche(tx, trancheId))!);
      });
    },

    /** The decision list: ranking, scores, amounts and outcome per application, as CSV (Dutch Excel) or XLSX. */
    async decisionList(trancheId: string, format: 'csv' | 'xlsx', p: Principal): Promise<{ body: Buffer; fileName: string }> {
      requireMayAdministerSubsidies(p);
      const allocation = await allocationOf(db, await visibleTranche(db, trancheId, p));
      const apps = new Map((await store.applications(db, trancheId, { syntheticOnly: false })).map((a) => [a.id, a]));
      const header = [
        'Rang',
        'Gemeente',
        'Project',
        'Totaalscore',
        ...WBI_CRITERIA.map((k) => ({ noodzaak: 'Noodzaak', effectiviteit: 'Effectiviteit', efficientie: 'Efficiëntie', urgentie: 'Urgentie' })[k]),
        'Gevraagd (euro)',
        'Maximale bijdrage (euro)',
        'Toegekend (euro)',
        'Uitkomst',
        'Toelichting',
      ];
      const rows = allocation.lines.map((l) => {
        const s = apps.get(l.id)?.scores;
        return [
          l.rank,
          l.gemeenteName,
          l.projectName,
          l.totalScore,
          ...WBI_CRITERIA.map((k) => (s ? s[k] : null)),
          l.requestedEuros,
          l.maximumAwardEuros,
          l.awardedEuros,
          ALLOCATION_OUTCOME_LABELS[l.outcome],
          l.explanation,
        ] as Array<string | number | null>;
      });
      const base = `besluitenlijst-${allocation.tranche.name.replace(/[^a-zA-Z0-9-]+/g, '-').toLowerCase()}`;
      if (format === 'csv') {
        const cell = (v: string | number | null) =>
          v === null
            ? ''
            : typeof v === 'number'
              ? String(v).replace('.', ',')
              : /[;"\r\n]/.test(v)
                ? `"${neutraliseFormula(v).replaceAll('"', '""')}"`
                : neutraliseFormula(v);
        const text = [csvLine(header.map(cell)), ...rows.map((r) => csvLine(r.map(cell)))].join('');
        return { body: Buffer.from(`\uFEFF${text}`, 'utf8'), fileName: `${base}.csv` };
      }
      const wb = new ExcelJS.Workbook();
      const sheet = wb.addWorksheet('Besluitenlijst');
      sheet.addRow(header).font = { bold: true };
      for (const r of rows) sheet.addRow(r);
      sheet.columns.forEach((c, i) => (c.width = i === header.length - 1 ? 80 : 18));
      const note = wb.addWorksheet('Toelichting');
      note.addRow([
        `Tranche: ${allocation.tranche.name}; budget ${allocation.budgetEuros} euro; toegekend ${allocation.awardedEuros} euro; over ${allocation.remainingEuros} euro.`,
      ]);
      note.addRow([allocation.rule]);
      note.addRow([`Bron: ${POLICY.woningbouwimpuls.source}.`]);
      return { body: Buffer.from(await wb.xlsx.writeBuffer()), fileName: `${base}.xlsx` };
    },

    // ----- Gebiedsbudget -----
    async areas(p: Principal): Promise<GebiedsbudgetArea[]> {
      requireSubsidyScope(p);
      return store.areas(db);
    },

    /** The requests the principal may read, with eligibility and cap, and the running total against the ceiling (all requests for the ministry; a gemeente its own). */
    async requests(p: Principal): Promise<{ items: GebiedsbudgetRequestView[]; totals: ReturnType<typeof gebiedsbudgetTotals> }> {
      const scope = listScope(p);
      const areas = await store.areas(db);
      const items = await Promise.all((await store.requests(db, scope)).map((r) => requestView(db, r, areas)));
      const all =
        scope.gemeenteCode === undefined
          ? items
          : await Promise.all((await store.requests(db, { syntheticOnly: scope.syntheticOnly })).map((r) => requestView(db, r, areas)));
      // The running total is national (one ceiling for all areas); it names no other gemeente's request.
      const totals = gebiedsbudgetTotals(
        all.map((r) => ({
          status: r.status,
          eligible: r.eligibility.eligible,
          cappedEuros: r.eligibility.cappedEuros,
          awardedEuros: r.awardedEuros,
        })),
      );
      return { items, totals };
    },

    async fileRequest(input: GebiedsbudgetRequestInput, actor: Actor): Promise<GebiedsbudgetRequestView> {
      const p = actor.principal;
      const gemeenteCode = requireMayFileGebiedsbudget(p);
      const issues = checkGebiedsbudgetRequest(input);
      if (issues.length) throw new ValidationError(issues);
      return db.transaction(async (tx) => {
        if (!(await areaOf(tx, input.areaCode)))
          throw new ValidationError([{ path: 'areaCode', code: 'unknown_area', message: 'Kies een gebied uit de lijst.' }]);
        const id = crypto.randomUUID();
        await store.insertRequest(tx, { ...input, id, gemeenteCode, filedByUserId: p.userId, synthetic: createsSynthetic(p) });
        await audit.append(tx, [
          {
            actorUserId: p.userId,
            actorName: p.name,
            via: actor.via,
            entityType: ENTITY.request,
            entityId: id,
            action: 'Gebiedsbudget-aanvraag ingediend',
            changes: diffFields({}, input),
          },
        ]);
        return requestView(tx, (await store.request(tx, id))!);
      });
    },

    /** The ministry's decision: toegekend (an amount within the cap and the ceiling) or afgewezen. */
    async decideRequest(
      id: string,
      version: number,
      decision: { status: 'toegekend' | 'afgewezen'; awardedEuros: number | null },
      actor: Actor,
    ): Promise<GebiedsbudgetRequestView> {
      const p = actor.principal;
      requireMayAdministerSubsidies(p);
      return db.transaction(async (tx) => {
        const current = await store.request(tx, id, true);
        requireMayReadSubsidyApplication(p, current, 'Aanvraag', id);
        const view = await requestView(tx, current);
        let amount: number | null = null;
        if (decision.status === 'toegekend') {
          amount = decision.awardedEuros ?? view.eligibility.cappedEuros;
          const issues = checkGebiedsbudgetAward(view.eligibility, amount, await store.awardedTotal(tx, current.synthetic, id));
          if (issues.length) throw new ValidationError(issues);
        }
        if (current.version !== version || !(await store.decideRequest(tx, id, decision.status, amount, version)))
          stale('deze aanvraag', current.version);
        await audit.append(tx, [
          {
            actorUserId: p.userId,
            actorName: p.name,
            via: actor.via,
            entityType: ENTITY.request,
            entityId: id,
            action: decision.status === 'toegekend' ? 'Gebiedsbudget toegekend' : 'Gebiedsbudget afgewezen',
            changes: diffFields({ status: current.status, awardedEuros: current.awardedEuros }, { status: decision.status, awardedEuros: amount }),
          },
        ]);
        return requestView(tx, (await store.request(tx, id))!);
      });
    },
  };
}

export type WoningbouwimpulsService = ReturnType<typeof createWoningbouwimpulsService>;
