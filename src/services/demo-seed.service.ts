/**
 * Seeds the synthetic demo dataset: generates projects over the real gemeenten (weighted by their
 * real CBS production) and writes them in ONE transaction, so a crash leaves all or nothing.
 * Existing synthetic projects are replaced; real projects are never touched.
 */
import { generateDemoParts, NATIONAL_WINDOW_YEARS, type DemoGemeente, type DemoPart } from '../demo/generate-demo.ts';
import { productionWeights } from '../domain/production-weights.ts';
import { gemeenteOrganisationId } from '../domain/identifiers.ts';
import type { Actor } from '../domain/audit.ts';
import { previousKwartaal, quarterOf } from '../domain/kwartaal.ts';
import { regionAnnualTarget } from '../domain/targets.ts';
import {
  chunkParts,
  seedChunk,
  seedRows,
  type MovedForecasts,
  type RowContext,
  type SeedChunk,
  type SeedRows,
  type Withdrawal,
} from './demo-seed-rows.ts';
import { generateInWorkers } from './demo-seed-workers.ts';
import type { RoundService } from './round.service.ts';
import type { DashboardRepository } from '../storage/dashboard.repository.ts';
import type { Db } from '../storage/db.ts';
import type { GeographyRepository } from '../storage/geography.repository.ts';
import type { OrganisationRepository } from '../storage/organisation.repository.ts';
import { PROJECT_TABLES, type KnelpuntRepository, type ProjectRepository } from '../storage/project.repository.ts';
import { withoutIndexUpkeep } from '../storage/bulk-load.ts';
import { writeCopyBatch } from '../storage/copy.ts';

export interface SeedOptions {
  /** A number of projects (spread by production), or 'national': a pipeline per gemeente sized to its target (issue 14). */
  projects: number | 'national';
  seed: number;
  /** The "today" of the dataset: milestones before it are achieved. */
  asOf: string;
  onProgress?: (done: number, total: number) => void;
  /** How the rows are written: COPY (default) or multi-row INSERTs (the earlier path, for bench/seed.bench.ts). */
  writer?: 'copy' | 'insert';
  /**
   * Worker threads that generate the projects and their COPY text while the database writes (0: generate here).
   * Default: defaultWorkers. With INSERTs the projects are always generated here.
   */
  workers?: number;
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
  /** From reading the inputs until the projects were written (the closed quarter of history not included). */
  seconds: number;
  /** Worker threads that generated the projects (0: generated in-process, one chunk after the other). */
  workers: number;
  /** Of seconds: how long the writer waited for generated chunks (with workers: only what writing did not hide). */
  waitSeconds: number;
  /** Of seconds: building indexes and keys after a load without index upkeep (null: loaded with upkeep). */
  indexSeconds: number | null;
}

/** Projects per chunk: written in one round of COPY statements, with progress reported after each. */
const CHUNK = 5000;
/** Chunks a worker may have generated ahead of the writer. */
const CHUNKS_AHEAD = 2;
/**
 * Worker threads for a demo of this size: two for the national demo (its gemeenten draw from their own random
 * streams, so two threads share them; with the writer that fills two cores), none for a number of projects: that is
 * one random stream, and one thread generating it while the database writes gained nothing measurable
 * (`npm run bench:seed`: 40,000 projects in 13.1 s against 13.7 s on PGlite, 17.2 s against 15.9 s on PostgreSQL).
 */
export function defaultWorkers(projects: SeedOptions['projects']): number {
  return projects === 'national' ? 2 : 0;
}

/** The chunks generated here, one after the other (no workers). */
async function* inProcess(parts: Iterable<DemoPart>, ctx: RowContext): AsyncGenerator<SeedChunk> {
  for (const part of chunkParts(parts, CHUNK)) yield seedChunk(seedRows(part, ctx), part.partsDone);
}

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
  async function closeDemoQuarter(movedAnywhere: ReadonlyMap<string, SeedRows['moved'][number]>, asOf: string): Promise<SeedResult['history']> {
    const started = performance.now();
    const quarter = previousKwartaal(quarterOf(asOf));
    if (!deps.rounds || movedAnywhere.size === 0) return { quarter: null, tables: 0, movedProjects: 0, seconds: 0 };
    const tables = (await deps.geography.listRegions(db, 'versnellingstafel')).filter((r) => r.gemeenteCodes.length > 0);
    const existing = new Set((await db.query<{ region_id: string }>('SELECT DISTINCT region_id FROM rounds')).map((r) => r.region_id));
    const todo = tables.filter((t) => !existing.has(t.id));
    // Only the tables' projects are frozen: only theirs need their earlier forecasts.
    const inTables = new Set(todo.flatMap((t) => t.gemeenteCodes));
    const forecastsThen = new Map<string, MovedForecasts>();
    for (const m of movedAnywhere.values()) if (inTables.has(m.gemeenteCode)) forecastsThen.set(m.id, m.forecasts);
    if (todo.length === 0 || forecastsThen.size === 0) return { quarter, tables: 0, movedProjects: 0, seconds: 0 };
    for (const table of todo) await deps.rounds.closeQuarterAsItStood(table.id, quarter, forecastsThen, SEED_ACTOR);
    return { quarter, tables: todo.length, movedProjects: forecastsThen.size, seconds: (performance.now() - started) / 1000 };
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
      // The organisations come at once; the projects are generated as they are written (in worker threads or here).
      const { organisations, parts } = generateDemoParts(gemeenten, { projects: options.projects, seed: options.seed, asOf: options.asOf });
      // Gemeente organisations exist already (reference data) under a stable id: point parties there.
      const orgIdMap = new Map<string, string>();
      for (const org of organisations) {
        if (org.type === 'gemeente' && org.gemeenteCode) orgIdMap.set(org.id, gemeenteOrganisationId(org.gemeenteCode));
      }
      const syntheticOrgs = organisations.filter((o) => !orgIdMap.has(o.id));
      const ctx: RowContext = { orgIdMap, provincieOf, now: new Date().toISOString() };
      const workers = options.writer === 'insert' ? 0 : (options.workers ?? defaultWorkers(options.projects));
      const generating =
        workers > 0
          ? generateInWorkers(
              {
                gemeenten,
                options: { projects: options.projects, seed: options.seed, asOf: options.asOf },
                orgIdMap: [...orgIdMap],
                provincieOf: [...provincieOf],
                now: ctx.now,
                chunkProjects: CHUNK,
                ahead: CHUNKS_AHEAD,
              },
              workers,
            )
          : null;

      const totals = { projects: 0, milestones: 0, knelpunten: 0 };
      const withdrawn: Withdrawal[] = [];
      const moved = new Map<string, SeedRows['moved'][number]>();
      let waitedMs = 0;
      let indexSeconds: number | null = null;
      // Progress: gemeenten generated and written of the national demo, else projects.
      const progressTotal = options.projects === 'national' ? gemeenten.filter((g) => (g.annualTarget ?? 0) > 0).length : options.projects;
      let partsDone = 0;
      const report = () => options.onProgress?.(options.projects === 'national' ? partsDone : totals.projects, progressTotal);
      // A failed write stops the worker threads too (else they would wait for the writer and keep the process alive).
      try {
        await db.transaction(async (tx) => {
          await tx.query('DELETE FROM projects WHERE synthetic');
          await tx.query(
            'DELETE FROM organisations o WHERE synthetic AND NOT EXISTS (SELECT 1 FROM project_parties p WHERE p.organisation_id = o.id)',
          );
          await deps.organisations.insertMany(tx, syntheticOrgs);
          const take = (chunk: SeedChunk) => {
            partsDone += chunk.partsDone;
            totals.projects += chunk.projects;
            totals.milestones += chunk.milestones;
            totals.knelpunten += chunk.knelpunten;
            withdrawn.push(...chunk.withdrawn);
            for (const m of chunk.moved) moved.set(m.id, m);
          };
          // Bulk load with COPY (src/storage/copy.ts), in the one transaction; or multi-row INSERTs (bench/seed.bench.ts).
          const writeAll = async () => {
            if (options.writer === 'insert') {
              for (const part of chunkParts(parts, CHUNK)) {
                const rows = seedRows(part, ctx);
                await deps.projects.insertMany(tx, rows.projects);
                await deps.knelpunten.insertMany(tx, rows.knelpunten);
                take({ ...seedChunk(rows, part.partsDone), batches: [] });
                report();
              }
              return;
            }
            let waitStarted = performance.now();
            for await (const chunk of generating?.chunks ?? inProcess(parts, ctx)) {
              waitedMs += performance.now() - waitStarted;
              for (const batch of chunk.batches) await writeCopyBatch(tx, batch);
              take(chunk);
              report();
              waitStarted = performance.now();
            }
            waitedMs += performance.now() - waitStarted;
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
              [withdrawn.map((p) => p.id), withdrawn.map((p) => p.date), withdrawn.map((p) => p.reason)],
            );
          }
        });
      } finally {
        await generating?.stop();
      }
      const written = performance.now();
      const history =
        options.projects === 'national' ? await closeDemoQuarter(moved, options.asOf) : { quarter: null, tables: 0, movedProjects: 0, seconds: 0 };
      return {
        projects: totals.projects,
        milestones: totals.milestones,
        knelpunten: totals.knelpunten,
        organisations: syntheticOrgs.length,
        withdrawn: withdrawn.length,
        history,
        seconds: (written - started) / 1000,
        workers,
        waitSeconds: waitedMs / 1000,
        indexSeconds,
      };
    },
  };
}
