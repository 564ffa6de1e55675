/** `wbm seed --demo [--projects N] [--seed S] [--as-of YYYY-MM-DD]`: replace the synthetic demo projects. */
import type { Config } from '../../config.ts';
import { isIsoDate } from '../../domain/dates.ts';
import type { Services } from '../../services/container.ts';
import { createServices } from '../../services/container.ts';
import { openReadyDatabase } from '../../services/database.service.ts';
import { log } from '../log.ts';
import { intOption, type Flags } from '../options.ts';
import { createProgress } from '../progress.ts';

/** Default size and "today" of the demo dataset shown on first start. */
export const DEMO_DEFAULTS = { projects: 3000, seed: 2025, asOf: '2026-10-01' };

/** Seed the demo dataset with progress on stderr (also used by `wbm serve --demo-if-empty`). */
export async function seedDemo(services: Services, options: { projects: number; seed: number; asOf: string }) {
  log(`seeding ${options.projects} synthetic demo projects (seed ${options.seed}, as of ${options.asOf})…`);
  const result = await services.demoSeed.seed({ ...options, onProgress: createProgress('projects') });
  log(
    `seeded ${result.projects} projects, ${result.milestones} milestones, ${result.knelpunten} knelpunten, ` +
      `${result.organisations} organisations in ${result.seconds.toFixed(1)} s`,
  );
  return result;
}

export async function seedCommand(config: Config, flags: Flags): Promise<number> {
  if (!flags.demo) throw new Error('Only synthetic demo data can be seeded: use `wbm seed --demo`.');
  const asOf = flags['as-of'] ?? DEMO_DEFAULTS.asOf;
  if (!isIsoDate(asOf)) throw new Error(`--as-of must be a date YYYY-MM-DD, got '${asOf}'`);
  const db = await openReadyDatabase(config, log);
  await seedDemo(createServices(db), {
    projects: intOption(flags.projects, 'projects', DEMO_DEFAULTS.projects),
    seed: intOption(flags.seed, 'seed', DEMO_DEFAULTS.seed),
    asOf,
  });
  await db.close();
  return 0;
}
