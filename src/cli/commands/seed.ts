/**
 * `wbm seed --demo [--projects N|national] [--seed S] [--as-of YYYY-MM-DD] [--workers W]`: replace the synthetic demo
 * projects (default: the national-scale demo). W: the worker threads that generate them (default: two for the
 * national demo, none for a number of projects; src/services/demo-seed.service.ts defaultWorkers).
 */
import type { Config } from '../../config.ts';
import { isIsoDate } from '../../domain/dates.ts';
import type { Services } from '../../services/container.ts';
import { createServices } from '../../services/container.ts';
import { openReadyDatabase } from '../../services/database.service.ts';
import { log } from '../log.ts';
import { intOption, type Flags } from '../options.ts';
import { createProgress } from '../progress.ts';

/**
 * Default size and "today" of the demo dataset shown on first start: at national scale, a pipeline per
 * gemeente sized to its target (issue 14; tests seed small demos with a number of projects instead).
 */
export const DEMO_DEFAULTS: { projects: number | 'national'; seed: number; asOf: string } = { projects: 'national', seed: 2025, asOf: '2026-10-01' };

/** Seed the demo dataset with progress on stderr (also used by `wbm serve --demo-if-empty`). */
export async function seedDemo(services: Services, options: { projects: number | 'national'; seed: number; asOf: string; workers?: number }) {
  const size =
    options.projects === 'national'
      ? 'a national-scale demo (a pipeline per gemeente sized to its target)'
      : `${options.projects} synthetic demo projects`;
  log(`seeding ${size} (seed ${options.seed}, as of ${options.asOf})…`);
  const result = await services.demoSeed.seed({ ...options, onProgress: createProgress(options.projects === 'national' ? 'gemeenten' : 'projects') });
  log(
    `seeded ${result.projects} projects (${result.withdrawn} withdrawn), ${result.milestones} milestones, ${result.knelpunten} knelpunten, ` +
      `${result.organisations} organisations in ${result.seconds.toFixed(1)} s (` +
      (result.workers > 0
        ? `generated in ${result.workers} worker thread${result.workers > 1 ? 's' : ''} while writing with COPY`
        : 'generated, then written') +
      `; waiting for generated projects ${result.waitSeconds.toFixed(1)} s` +
      (result.indexSeconds === null ? ')' : `; building indexes and keys afterwards ${result.indexSeconds.toFixed(1)} s)`),
  );
  if (result.history.tables > 0) {
    log(
      `closed ${result.history.quarter} at ${result.history.tables} versnellingstafels as the demo's history ` +
        `(${result.history.movedProjects} projects' forecasts moved since) in ${result.history.seconds.toFixed(1)} s`,
    );
  }
  return result;
}

export async function seedCommand(config: Config, flags: Flags): Promise<number> {
  if (!flags.demo) throw new Error('Only synthetic demo data can be seeded: use `wbm seed --demo`.');
  const asOf = flags['as-of'] ?? DEMO_DEFAULTS.asOf;
  if (!isIsoDate(asOf)) throw new Error(`--as-of must be a date YYYY-MM-DD, got '${asOf}'`);
  const db = await openReadyDatabase(config, log);
  await seedDemo(createServices(db), {
    projects: flags.projects === undefined || flags.projects === 'national' ? DEMO_DEFAULTS.projects : intOption(flags.projects, 'projects', 0),
    seed: intOption(flags.seed, 'seed', DEMO_DEFAULTS.seed),
    asOf,
    workers: flags.workers === undefined ? undefined : intOption(flags.workers, 'workers', 0),
  });
  await db.close();
  return 0;
}
