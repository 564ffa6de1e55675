#!/usr/bin/env node
/**
 * `wbm` — the Woningbouwmonitor command line.
 *   wbm serve [--demo-if-empty] [--demo-with-real-data] [--build-web]
 *                                      start the API and web pages (demo mode refuses a database with real
 *                                      projects or accounts unless --demo-with-real-data / DEMO_MODE_WITH_REAL_DATA=true;
 *                                      --build-web builds the web app alongside the database, as npm start does)
 *   wbm prepare                        what an installation makes once (npm ci runs it): the pristine embedded database
 *                                      cluster (initdb) and the web app's build; skipped where current
 *   wbm migrate                        apply database migrations
 *   wbm reference load                 load gemeenten, provincies, boundaries, CBS figures, example regions
 *   wbm seed --demo [--projects N|national] [--seed S] [--as-of YYYY-MM-DD] [--workers W]
 *                                      replace the synthetic demo projects (default: national scale)
 *   wbm openapi                        print the OpenAPI document
 *   wbm backup FILE                    logical backup of the whole database (gzip JSON lines)
 *   wbm restore FILE                   restore a backup into an empty database (one transaction)
 *   wbm user add --email E --name N --role R [--gemeente GM…] [--region ID] [--provincie PV…] [--organisation UUID]
 *                                      create an account; password from WBM_PASSWORD (or none: OIDC only)
 *   wbm import planlijst FILE [--mapping MAPPING.json] [--dry-run] [--json] [--suggest-mapping] [--withdraw-missing]
 *                                      import a plan list (CSV or XLSX) as beheerder: all or nothing, report on stdout
 *                                      (README "Importing a planlijst"); --dry-run writes nothing
 *   wbm people prune                   remove expired sessions, finished invitations and revoked API tokens past
 *                                      their retention period (POLICY.retention) and print the counts
 *   wbm import cbs FILE [--dry-run] [--json]
 *                                      load a CBS StatLine TypedDataSet file (81955NED / 86098NED) into the realisations
 *   wbm import bag FILE [--dry-run] [--json]
 *                                      load BAG status lines (layout in the README) into the BAG starts and completions
 *   wbm reference update-gemeenten GEMEENTEN.csv HERINDELINGEN.csv [--dry-run] [--json]
 *                                      a newer gemeente list: merged gemeenten end, their projects, regions and targets follow
 *   wbm import bag-ids FILE            the BAG pand / verblijfsobject ids of projects (project_id;soort;bag_id)
 * Environment: PORT, HOST, DATA_DIR, DATABASE_URL, LOG_LEVEL.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { backupCommand } from './commands/backup.ts';
import { importPlanlijstCommand } from './commands/import-planlijst.ts';
import { migrateCommand } from './commands/migrate.ts';
import { openapiCommand } from './commands/openapi.ts';
import { peoplePruneCommand } from './commands/people-prune.ts';
import { referenceLoadCommand } from './commands/reference-load.ts';
import { restoreCommand } from './commands/restore.ts';
import { seedCommand } from './commands/seed.ts';
import { prepareCommand } from './commands/prepare.ts';
import { serveCommand } from './commands/serve.ts';
import { userAddCommand } from './commands/user-add.ts';
import { importCbsCommand } from './commands/import-cbs.ts';
import { importBagCommand, importBagIdsCommand } from './commands/import-bag.ts';
import { updateGemeentenCommand } from './commands/update-gemeenten.ts';
import { log } from './log.ts';
import { OPTIONS } from './options.ts';

export { DEMO_DEFAULTS } from './commands/seed.ts';

const USAGE =
  'Usage: wbm <serve [--demo-if-empty] [--demo-with-real-data] [--build-web] | migrate | reference load | seed --demo [--projects N|national] [--seed S] [--as-of DATE] [--workers W] | openapi |\n' +
  '            backup FILE | restore FILE | user add --email E --name N --role R [--gemeente GM…] [--region ID] [--provincie PV…] [--organisation UUID] |\n' +
  '            import planlijst FILE [--mapping MAPPING.json] [--dry-run] [--json] [--suggest-mapping] [--withdraw-missing] |\n' +
  '            people prune | import cbs|bag FILE [--dry-run] [--json] | import bag-ids FILE |\n' +
  '            reference update-gemeenten GEMEENTEN.csv HERINDELINGEN.csv [--dry-run] [--json] | prepare>';

/** The FILE after `wbm <command> <sub>`. */
function fileArgument(positionals: string[], what: string): string {
  const file = positionals[2];
  if (!file) throw new Error(`wbm ${what} needs a file name\n${USAGE}`);
  return file;
}

/** Run one command; the exit code, or -1 while the server keeps running. Each command is a file in src/cli/commands/. */
export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  const [command, sub] = positionals;
  if (values.help || !command) {
    log(USAGE);
    return command ? 0 : 2;
  }
  const config = loadConfig();

  switch (command) {
    case 'migrate':
      return migrateCommand(config);
    case 'reference':
      if (sub === 'update-gemeenten') return updateGemeentenCommand(config, positionals.slice(2), values);
      if (sub !== 'load') throw new Error(`unknown: reference ${sub ?? ''}\n${USAGE}`);
      return referenceLoadCommand(config);
    case 'seed':
      return seedCommand(config, values);
    case 'backup':
    case 'restore':
      if (!sub) throw new Error(`wbm ${command} needs a file name\n${USAGE}`);
      return command === 'backup' ? backupCommand(config, sub) : restoreCommand(config, sub);
    case 'user':
      if (sub !== 'add') throw new Error(`unknown: user ${sub ?? ''}\n${USAGE}`);
      return userAddCommand(config, values);
    case 'people':
      if (sub !== 'prune') throw new Error(`unknown: people ${sub ?? ''}\n${USAGE}`);
      return peoplePruneCommand(config);
    case 'openapi':
      return openapiCommand(config);
    case 'import':
      if (sub === 'cbs') return importCbsCommand(config, fileArgument(positionals, 'import cbs'), values);
      if (sub === 'planlijst') return importPlanlijstCommand(config, fileArgument(positionals, 'import planlijst'), values);
      if (sub === 'bag') return importBagCommand(config, fileArgument(positionals, 'import bag'), values);
      if (sub === 'bag-ids') return importBagIdsCommand(config, fileArgument(positionals, 'import bag-ids'));
      throw new Error(`unknown: import ${sub ?? ''}\n${USAGE}`);
    case 'serve':
      return serveCommand(config, values);
    case 'prepare':
      return prepareCommand();
    default:
      throw new Error(`unknown command '${command}'\n${USAGE}`);
  }
}

/** Runs `wbm` with these arguments and exits with its code (serve keeps running: -1). bin/wbm.js calls it. */
export function run(argv: string[]): void {
  main(argv).then(
    (code) => {
      if (code >= 0) process.exit(code);
    },
    (err: Error) => {
      process.stderr.write(`wbm: ${err.message}\n`);
      process.exit(1);
    },
  );
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('cli/main.ts')) run(process.argv.slice(2));
