#!/usr/bin/env node
/**
 * `wbm` — the Woningbouwmonitor command line.
 *   wbm serve [--demo-if-empty] [--demo-with-real-data]
 *                                      start the API and web pages (demo mode refuses a database with real
 *                                      projects or accounts unless --demo-with-real-data / DEMO_MODE_WITH_REAL_DATA=true)
 *   wbm migrate                        apply database migrations
 *   wbm reference load                 load gemeenten, provincies, boundaries, CBS figures, example regions
 *   wbm seed --demo [--projects N] [--seed S] [--as-of YYYY-MM-DD]
 *                                      replace the synthetic demo projects
 *   wbm openapi                        print the OpenAPI document
 *   wbm backup FILE                    logical backup of the whole database (gzip JSON lines)
 *   wbm restore FILE                   restore a backup into an empty database (one transaction)
 *   wbm user add --email E --name N --role R [--gemeente GM…] [--region ID] [--provincie PV…] [--organisation UUID]
 *                                      create an account; password from WBM_PASSWORD (or none: OIDC only)
 * Environment: PORT, HOST, DATA_DIR, DATABASE_URL, LOG_LEVEL.
 */
import { parseArgs } from 'node:util';
import { loadConfig, type Config } from '../config.ts';
import { isIsoDate } from '../domain/dates.ts';
import { buildApp } from '../http/app.ts';
import { openApiDocumentText } from '../http/openapi-document.ts';
import { createServices, type Services } from '../services/container.ts';
import { assertDemoModeMayStart } from '../services/demo-mode.service.ts';
import { openDb, type Db } from '../storage/db.ts';
import { backupDatabase, restoreWithMigrations } from '../storage/backup.ts';
import { migrate } from '../storage/migrate.ts';
import { ROLES, type Role } from '../domain/access.ts';
import { gemeenteOrganisationId } from '../domain/identifiers.ts';
import { loadReferenceData } from '../storage/reference-data.ts';
import { createProgress } from './progress.ts';

const USAGE =
  'Usage: wbm <serve [--demo-if-empty] [--demo-with-real-data] | migrate | reference load | seed --demo [--projects N] [--seed S] [--as-of DATE] | openapi |\n' +
  '            backup FILE | restore FILE | user add --email E --name N --role R [--gemeente GM…] [--region ID] [--provincie PV…] [--organisation UUID]>';

/** Default size and "today" of the demo dataset shown on first start. */
export const DEMO_DEFAULTS = { projects: 3000, seed: 2025, asOf: '2026-10-01' };

const log = (line: string) => process.stderr.write(`${line}\n`);

async function openReadyDb(config: Config): Promise<Db> {
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrate(db, log);
  const [{ n }] = await db.query<{ n: number }>('SELECT count(*) AS n FROM gemeenten');
  if (n === 0) {
    log('loading reference data (first start)…');
    await loadReferenceData(db, undefined, (l) => log(`  ${l}`));
  }
  return db;
}

async function seedDemo(services: Services, options: { projects: number; seed: number; asOf: string }) {
  log(`seeding ${options.projects} synthetic demo projects (seed ${options.seed}, as of ${options.asOf})…`);
  const result = await services.demoSeed.seed({ ...options, onProgress: createProgress('projects') });
  log(
    `seeded ${result.projects} projects, ${result.milestones} milestones, ${result.knelpunten} knelpunten, ` +
      `${result.organisations} organisations in ${result.seconds.toFixed(1)} s`,
  );
  return result;
}

function intOption(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number ≥ 0, got '${value}'`);
  return n;
}

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'demo-if-empty': { type: 'boolean' },
      'demo-with-real-data': { type: 'boolean' },
      demo: { type: 'boolean' },
      projects: { type: 'string' },
      seed: { type: 'string' },
      'as-of': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      gemeente: { type: 'string' },
      region: { type: 'string' },
      provincie: { type: 'string' },
      organisation: { type: 'string' },
    },
  });
  const [command, sub] = positionals;
  if (values.help || !command) {
    log(USAGE);
    return command ? 0 : 2;
  }
  const config = loadConfig();

  switch (command) {
    case 'migrate': {
      const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      const applied = await migrate(db, log);
      log(applied.length ? `${applied.length} migration(s) applied` : 'database is up to date');
      await db.close();
      return 0;
    }
    case 'reference': {
      if (sub !== 'load') throw new Error(`unknown: reference ${sub ?? ''}\n${USAGE}`);
      const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      await migrate(db, log);
      const counts = await loadReferenceData(db, undefined, log);
      log(`reference data loaded: ${JSON.stringify(counts)}`);
      await db.close();
      return 0;
    }
    case 'seed': {
      if (!values.demo) throw new Error('Only synthetic demo data can be seeded: use `wbm seed --demo`.');
      const asOf = values['as-of'] ?? DEMO_DEFAULTS.asOf;
      if (!isIsoDate(asOf)) throw new Error(`--as-of must be a date YYYY-MM-DD, got '${asOf}'`);
      const db = await openReadyDb(config);
      await seedDemo(createServices(db), {
        projects: intOption(values.projects, 'projects', DEMO_DEFAULTS.projects),
        seed: intOption(values.seed, 'seed', DEMO_DEFAULTS.seed),
        asOf,
      });
      await db.close();
      return 0;
    }
    case 'backup':
    case 'restore': {
      if (!sub) throw new Error(`wbm ${command} needs a file name\n${USAGE}`);
      const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      const progress = (table: string, rows: number) => process.stderr.write(`\r${command}: ${table} ${rows} rows   `);
      let header;
      if (command === 'backup') {
        await migrate(db, log);
        header = await backupDatabase(db, sub, progress);
      } else {
        // A backup of an older version is restored at its own migrations, then carried forward.
        header = await restoreWithMigrations(db, sub, { log, onProgress: progress });
      }
      const total = header.tables.reduce((n, t) => n + t.rows, 0);
      log(`\n${command === 'backup' ? 'backed up' : 'restored'} ${header.tables.length} tables, ${total} rows ${command === 'backup' ? 'to' : 'from'} ${sub}`);
      await db.close();
      return 0;
    }
    case 'user': {
      if (sub !== 'add') throw new Error(`unknown: user ${sub ?? ''}\n${USAGE}`);
      if (!values.email || !values.name || !values.role) throw new Error('wbm user add needs --email, --name and --role');
      if (!(ROLES as readonly string[]).includes(values.role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
      const db = await openReadyDb(config);
      const principal = await createServices(db).auth.createUser({
        email: values.email,
        name: values.name,
        role: values.role as Role,
        password: config.newAccountPassword,
        gemeenteCode: values.gemeente ?? null,
        regionId: values.region ?? null,
        provincieCode: values.provincie ?? null,
        organisationId: values.organisation ?? (values.gemeente ? gemeenteOrganisationId(values.gemeente) : null),
      });
      log(`account created: ${principal.name} (${principal.role}), id ${principal.userId}`);
      await db.close();
      return 0;
    }
    case 'openapi': {
      const text = await openApiDocumentText(config.apiContact);
      // Written in full before the process exits (a pipe takes 64 KiB at a time).
      await new Promise<void>((resolve, reject) => process.stdout.write(text, (err) => (err ? reject(err) : resolve())));
      return 0;
    }
    case 'serve': {
      log(`database: ${config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`}`);
      const db = await openReadyDb(config);
      const services = createServices(db, {
        auth: { demoMode: config.demoMode, sessionHours: config.sessionHours },
        oidc: config.oidc,
        chromiumPath: config.chromiumPath,
      });
      if (values['demo-if-empty'] && (await services.repositories.projects.count(db)) === 0) {
        await seedDemo(services, DEMO_DEFAULTS);
      }
      // Demo mode lets anyone in without a password: refuse a database with real data unless told explicitly.
      try {
        await assertDemoModeMayStart(db, { demoMode: config.demoMode, allowRealData: config.demoWithRealData || Boolean(values['demo-with-real-data']) });
      } catch (err) {
        await db.close();
        throw err;
      }
      if (config.demoMode) {
        await services.auth.ensureDemoUsers();
        log('DEMO MODE is on: anyone can sign in as a demo role (set DEMO_MODE=false in production)');
      }
      const app = await buildApp({ services, logger: { level: config.logLevel }, secureCookies: config.secureCookies, trustProxy: config.trustProxy, apiContact: config.apiContact });
      const close = async () => {
        await app.close();
        await db.close();
        process.exit(0);
      };
      process.once('SIGINT', close);
      process.once('SIGTERM', close);
      await app.listen({ port: config.port, host: config.host });
      log(`Woningbouwmonitor listens on http://${config.host}:${config.port}/ (API: /api/v1, docs: /api/v1/docs)`);
      return -1; // keep running
    }
    default:
      throw new Error(`unknown command '${command}'\n${USAGE}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('cli/main.ts')) {
  main(process.argv.slice(2)).then(
    (code) => {
      if (code >= 0) process.exit(code);
    },
    (err: Error) => {
      process.stderr.write(`wbm: ${err.message}\n`);
      process.exit(1);
    },
  );
}
