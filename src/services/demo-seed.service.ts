/**
 * Seeds the synthetic demo dataset: generates projects over the real gemeenten (weighted by their
 * real CBS production) and writes them in ONE transaction, so a crash leaves all or nothing.
 * Existing synthetic projects are replaced; real projects are never touched.
 */
import { generateDemo, NATIONAL_WINDOW_YEARS, type DemoGemeente } from '../demo/generate-demo.ts';
import { productionWeights } from '../domain/production-weights.ts';
import { deriveProject } from '../domain/derive.ts';
import { gemeenteOrganisationId } from '../domain/identifiers.ts';
import type { Knelpunt, Project } from '../domain/project.ts';
import type { Actor } from '../domain/audit.ts';
import { previousKwartaal, quarterOf } from '../domain/kwartaal.ts';
import { regionAnnualTarget } from '../domain/targets.ts';
import type { DemoDataset } from '../demo/generate-demo.ts';
import type { RoundService } from './round.service.ts';
import type { DashboardRepository } from '../storage/dashboard.repository.ts';
import type { Db } from '../storage/db.ts';
import type { GeographyRepository } from '../storage/geography.repository.ts';
import type { OrganisationRepository } from '../storage/organisation.repository.ts';
import { PROJECT_TABLES, type KnelpuntRepository, type ProjectRepository } from '../storage/project.repository.ts';
import { withoutIndexUpkeep } from '../storage/bulk-load.ts';

export interface SeedOptions {
  /** A number of projects (spread by production), or 'national': a pipeline per gemeente sized to its target (issue 14). */
  projects: number | 'national';
  seed: number;
  /** The "today" of the dataset: milestones before it are achieved. */
  asOf: string;
  onProgress?: (done: number, total: number) => void;
  /** How the rows are written: COPY (default) or multi-row INSERTs (the earlier path, for bench/seed.bench.ts). */
  writer?: 'copy' | 'insert';
}

export interface SeedResult {
  projects: number;
  milestones: number;
  knelpunten: number;
  organisations: number;
  /** Withdrawn plans among the projects (planuitval). */
  withdrawn: number;
  /** National demo: versnellingstafels given a closed quarter of history, and the projects whose forecasts moved since. */
  history: { quarter: string | null; tables: number; movedProjects: number; seconds: number };
  seconds: number;
  /** Where the time went: generating the dataset, and writing it. */
  generateSeconds: number;
  writeSeconds: number;
  /** Of writeSeconds: building indexes and keys after a load without index upkeep (null: loaded with upkeep). */
  indexSeconds: number | null;
}

/** Projects per COPY round: progress is reported after each. */
const CHUNK = 5000;

export function createDemoSeedService(deps: {
  db: Db;
  projects: ProjectRepository;
  knelpunten: KnelpuntRepository;
  organisations: OrganisationRepository;
  dashboards: DashboardRepository;
  geography: GeographyRepository;
  /** Closes the national demo's quarter of history (optional: without it the demo has no closed quarter). */
  rounds?: Pick<RoundService, 'closeQuarterAsItStood'>;
}) {
  const { db } = deps;

  /** Who closes the demo's quarter of history (recorded in the rounds' audit entries). */
  const SEED_ACTOR: Actor = {
    principal: {
      kind: 'user',
      userId: null,
      name: 'Demodata (wbm seed --demo)',
      role: 'beheerder',
      organisationId: null,
      gemeenteCode: null,
      regionId: null,
      provincieCode: null,
      demo: false,
    },
    via: 'system',
  };

  /**
   * The national demo's history (issue 14): the quarter before asOf closed at every versnellingstafel, its
   * snapshots holding the forecasts as they stood then, so "Wat is er veranderd sinds vorig kwartaal" shows
   * the forecasts that moved since. The round service fills in each table's quarter from today's projects with
   * the earlier forecast dates (closeQuarterAsItStood), in its own transaction after the seed's: a crash in
   * between leaves the demo without history, valid data. A table that has rounds already keeps its own
   * history.
   */
  async function closeDemoQuarter(dataset: DemoDataset, asOf: string): Promise<SeedResult['history']> {
    const started = performance.now();
    const movedAnywhere = dataset.projects.filter((p) => p.previousForecasts && !p.withdrawal);
    const quarter = previousKwartaal(quarterOf(asOf));
    if (!deps.rounds || movedAnywhere.length === 0) return { quarter: null, tables: 0, movedProjects: 0, seconds: 0 };
    const tables = (await deps.geography.listRegions(db, 'versnellingstafel')).filter((r) => r.gemeenteCodes.length > 0);
    const existing = new Set((await db.query<{ region_id: string }>('SELECT DISTINCT region_id FROM rounds')).map((r) => r.region_id));
    const todo = tables.filter((t) => !existing.has(t.id));
    // Only the tables' projects are frozen: only theirs need their earlier forecasts.
    const inTables = new Set(todo.flatMap((t) => t.gemeenteCodes));
    const moved = movedAnywhere.filter((p) => inTables.has(p.gemeenteCode));
    if (todo.length === 0 || moved.length === 0) return { quarter, tables: 0, movedProjects: 0, seconds: 0 };
    const forecastsThen = new Map(moved.map((p) => [p.id, p.previousForecasts!]));
    for (const table of todo) await deps.rounds.closeQuarterAsItStood(table.id, quarter, forecastsThen, SEED_ACTOR);
    return { quarter, tables: todo.length, movedProjects: moved.length, seconds: (performance.now() - started) / 1000 };
  }

  /**
   * The homes a year each gemeente is measured against over the national demo's window (the mean over its
   * years), computed as the Tafeloverzicht computes a region's target (src/domain/targets.ts regionAnnualTarget):
   * a table's target is the sum of these.
   */
  async function gemeenteAnnualTargets(codes: readonly string[], asOf: string): Promise<Map<string, number | null>> {
    const [targets, provincieOf, production] = await Promise.all([
      deps.dashboards.listTargets(db),
      deps.geography.gemeenteCodes(db),
      deps.dashboards.productionRows(db),
    ]);
    const weights = productionWeights(production, [...provincieOf.keys()]);
    const firstYear = Number(asOf.slice(0, 4));
    const years = Array.from({ length: NATIONAL_WINDOW_YEARS }, (_, i) => firstYear + i);
    const result = new Map<string, number | null>();
    for (const code of codes) {
      const perYear = years
        .map((year) => regionAnnualTarget({ id: `gemeente:${code}`, gemeenteCodes: [code] }, year, targets, provincieOf, weights)?.homesPerYear)
        .filter((v): v is number => v !== undefined);
      result.set(code, perYear.length ? perYear.reduce((a, b) => a + b, 0) / perYear.length : null);
    }
    // Gemeenten in a province without a target (none in the data) still build: their pipeline is sized
    // to their production at the rate of the gemeenten that have one. Their tables show no target.
    let targetSum = 0;
    let productionSum = 0;
    for (const [code, target] of result) {
      if (target === null) continue;
      targetSum += target;
      productionSum += weights.get(code) ?? 0;
    }
    const rate = productionSum > 0 ? targetSum / productionSum : 1;
    for (const [code, target] of result) if (target === null) result.set(code, (weights.get(code) ?? 0) * rate);
    return result;
  }

  /** The gemeenten the generator spreads the demo over, with their production weight and (national demo) annual target. */
  async function demoGemeenten(
    options: Pick<SeedOptions, 'projects' | 'asOf'>,
  ): Promise<{ gemeenten: DemoGemeente[]; provincieOf: Map<string, string> }> {
    const rows = await db.query<{ code: string; name: string; provincie_code: string; geometry: DemoGemeente['geometry'] }>(
      'SELECT code, name, provincie_code, geometry FROM gemeenten ORDER BY code',
    );
    if (rows.length === 0) throw new Error('No reference data: run `wbm reference load` first.');
    const weights = productionWeights(
      await deps.dashboards.productionRows(db),
      rows.map((g) => g.code),
    );
    const annualTargets =
      options.projects === 'national'
        ? await gemeenteAnnualTargets(
            rows.map((g) => g.code),
            options.asOf,
          )
        : null;
    return {
      gemeenten: rows.map((g) => ({
        code: g.code,
        name: g.name,
        provincieCode: g.provincie_code,
        weight: weights.get(g.code) ?? 1,
        annualTarget: annualTargets?.get(g.code) ?? null,
        geometry: g.geometry,
      })),
      provincieOf: new Map(rows.map((g) => [g.code, g.provincie_code])),
    };
  }

  return {
    /** The generator's input for these options (pure generateDemo over it gives the dataset `seed` writes). */
    async inputs(options: Pick<SeedOptions, 'projects' | 'asOf'>): Promise<DemoGemeente[]> {
      return (await demoGemeenten(options)).gemeenten;
    },

    async seed(options: SeedOptions): Promise<SeedResult> {
      const started = performance.now();
      const { gemeenten, provincieOf } = await demoGemeenten(options);
      const dataset = generateDemo(gemeenten, { projects: options.projects, seed: options.seed, asOf: options.asOf });

      // Gemeente organisations exist already (reference data) under a stable id: point parties there.
      const orgIdMap = new Map<string, string>();
      for (const org of dataset.organisations) {
        if (org.type === 'gemeente' && org.gemeenteCode) orgIdMap.set(org.id, gemeenteOrganisationId(org.gemeenteCode));
      }
      const syntheticOrgs = dataset.organisations.filter((o) => !orgIdMap.has(o.id));
      const knelpuntenByProject = new Map<string, Knelpunt[]>();
      for (const k of dataset.knelpunten) {
        const list = knelpuntenByProject.get(k.projectId) ?? [];
        list.push(k);
        knelpuntenByProject.set(k.projectId, list);
      }
      const now = new Date().toISOString();
      const withdrawn = dataset.projects.filter((p) => p.withdrawal);
      const projects: Project[] = dataset.projects.map(({ withdrawal: _withdrawal, previousForecasts: _previous, ...input }) => ({
        ...input,
        parties: input.parties.map((p) => ({ ...p, organisationId: orgIdMap.get(p.organisationId) ?? p.organisationId })),
        ...deriveProject(input, knelpuntenByProject.get(input.id) ?? []),
        provincieCode: provincieOf.get(input.gemeenteCode)!,
        version: 1,
        createdAt: now,
        updatedAt: now,
      }));

      const generated = performance.now();
      let indexSeconds: number | null = null;
      await db.transaction(async (tx) => {
        await tx.query('DELETE FROM projects WHERE synthetic');
        await tx.query('DELETE FROM organisations o WHERE synthetic AND NOT EXISTS (SELECT 1 FROM project_parties p WHERE p.organisation_id = o.id)');
        await deps.organisations.insertMany(tx, syntheticOrgs);
        // Bulk load with COPY (src/storage/copy.ts), in the one transaction.
        const writeAll = async () => {
          for (let i = 0; i < projects.length; i += CHUNK) {
            const chunk = projects.slice(i, i + CHUNK);
            const chunkKnelpunten = chunk.flatMap((p) => knelpuntenByProject.get(p.id) ?? []);
            if (options.writer === 'insert') {
              await deps.projects.insertMany(tx, chunk);
              await deps.knelpunten.insertMany(tx, chunkKnelpunten);
            } else {
              await deps.projects.copyMany(tx, chunk);
              await deps.knelpunten.copyMany(tx, chunkKnelpunten);
            }
            options.onProgress?.(Math.min(i + CHUNK, projects.length), projects.length);
          }
        };
        // An empty register (a fresh start, a benchmark) is loaded without index upkeep: the indexes and keys are
        // built once afterwards (src/storage/bulk-load.ts). Next to real projects, the rows go in as any write does.
        const empty = (await tx.query<{ empty: boolean }>('SELECT NOT EXISTS (SELECT 1 FROM projects) AS empty'))[0]!.empty;
        if (empty && options.writer !== 'insert') {
          indexSeconds = (await withoutIndexUpkeep(tx, PROJECT_TABLES, writeAll)).rebuildSeconds;
        } else {
          await writeAll();
        }
        // Planuitval: withdrawn plans are kept with their date and reason (migration 0019, src/domain/withdrawal.ts).
        if (withdrawn.length > 0) {
          await tx.query(
            `UPDATE projects p SET withdrawn_date = w.date, withdrawn_reason = w.reason
             FROM unnest($1::uuid[], $2::date[], $3::text[]) AS w(id, date, reason) WHERE p.id = w.id`,
            [withdrawn.map((p) => p.id), withdrawn.map((p) => p.withdrawal!.date), withdrawn.map((p) => p.withdrawal!.reason)],
          );
        }
      });
      const written = performance.now();
      const history =
        options.projects === 'national' ? await closeDemoQuarter(dataset, options.asOf) : { quarter: null, tables: 0, movedProjects: 0, seconds: 0 };
      return {
        projects: projects.length,
        milestones: projects.reduce((n, p) => n + p.milestones.length, 0),
        knelpunten: dataset.knelpunten.length,
        organisations: syntheticOrgs.length,
        withdrawn: withdrawn.length,
        history,
        seconds: (written - started) / 1000,
        generateSeconds: (generated - started) / 1000,
        writeSeconds: (written - generated) / 1000,
        indexSeconds,
      };
    },
  };
}
