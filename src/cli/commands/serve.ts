/**
 * `wbm serve [--demo-if-empty] [--demo-with-real-data] [--build-web]`: start the API and web pages. Demo mode
 * refuses a database with real projects or accounts unless --demo-with-real-data / DEMO_MODE_WITH_REAL_DATA=true.
 * `--build-web` (npm start) builds the web app with Vite in a child process while the database is migrated,
 * loaded and seeded, and listens once both are done — unless the build is current (`wbm prepare` at install
 * made it, or an earlier start did; src/cli/web-build.ts).
 */
import { setFlagsFromString } from 'node:v8';
import type { Config } from '../../config.ts';
import { buildApp } from '../../http/app.ts';
import { ANONYMOUS, type Principal } from '../../domain/access.ts';
import { createServices, type Services } from '../../services/container.ts';
import { openReadyDatabase, registerIsEmpty } from '../../services/database.service.ts';
import { assertDemoModeMayStart } from '../../services/demo-mode.service.ts';
import { schedulePrune } from '../../services/retention.service.ts';
import { log } from '../log.ts';
import type { Flags } from '../options.ts';
import { buildWeb, webBuildIsCurrent } from '../web-build.ts';
import { DEMO_DEFAULTS, seedDemo } from './seed.ts';

/** Returns -1: the server keeps running until SIGINT or SIGTERM. */
export async function serveCommand(config: Config, flags: Flags): Promise<number> {
  const started = performance.now();
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
  let webBuild: Promise<number> | null = null;
  if (flags['build-web'] && webBuildIsCurrent()) {
    log('web app: the build in web/dist is current (made at install by `wbm prepare`, or by an earlier start)');
  } else if (flags['build-web']) {
    log('building the web app (vite) alongside the database…');
    webBuild = buildWeb();
    webBuild.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
  }
  log(`database: ${config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`}`);
  const db = await openReadyDatabase(config, log);
  log(`database ready (migrated, reference data) after ${seconds()} s`);
  const services = createServices(db, {
    auth: { demoMode: config.demoMode, sessionHours: config.sessionHours },
    oidc: config.oidc,
    chromiumPath: config.chromiumPath,
    mail: config.mail,
    publicUrl: config.publicUrl,
    listPageCache: config.listPageCache,
  });
  // The HTTP app (routes, schemas, plugins) is built while the demo is seeded: it reads no data until it listens.
  const appBuilt = buildApp({
    services,
    logger: { level: config.logLevel },
    secureCookies: config.secureCookies,
    trustProxy: config.trustProxy,
    apiContact: config.apiContact,
  }).then(async (app) => (await app.ready(), app));
  appBuilt.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
  /** Stop starting: close the app and the database, then fail with `err`. */
  const abort = async (err: unknown): Promise<never> => {
    await appBuilt.then(
      (app) => app.close(),
      () => undefined,
    );
    await db.close();
    throw err;
  };
  if (flags['demo-if-empty'] && (await registerIsEmpty(db))) {
    await seedDemo(services, DEMO_DEFAULTS).catch(abort);
    log(`demo seeded after ${seconds()} s`);
  }
  if (webBuild) {
    try {
      const built = await webBuild;
      // The child's exit is seen once the seed lets go of the event loop: `built` is an upper bound.
      log(`web app built (within ${built.toFixed(1)} s, alongside the database; ready after ${seconds()} s)`);
    } catch (err) {
      await abort(err);
    }
  }
  // Demo mode lets anyone in without a password: refuse a database with real data unless told explicitly.
  try {
    await assertDemoModeMayStart(db, { demoMode: config.demoMode, allowRealData: config.demoWithRealData || Boolean(flags['demo-with-real-data']) });
  } catch (err) {
    await abort(err);
  }
  log(
    config.mail.smtpUrl ? 'mail: sent through SMTP_URL' : 'mail: not configured (SMTP_URL unset): invitation links are shown to the inviter instead',
  );
  if (config.demoMode) {
    await services.auth.ensureDemoUsers();
    log('DEMO MODE is on: anyone can sign in as a demo role (set DEMO_MODE=false in production)');
  }
  const app = await appBuilt;
  // Retention (POLICY.retention): prune now and every few hours; the timer does not keep the process alive.
  const stopPruning = schedulePrune(services.retention, log);
  const close = async () => {
    stopPruning();
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  // Serving from here on: after a full collection the heap may grow by 30% of what is live before the next one,
  // instead of a factor V8 chooses (up to 4×), so that the garbage of exports and national figures does not stay
  // in an idle server's memory (issue 15 goal 3; README "Memory of the server"). Set now, not at start: the demo
  // seed above allocates much and runs faster with V8's own heap growth. V8 reads this flag at every collection.
  setFlagsFromString('--heap-growing-percent=30');
  await app.listen({ port: config.port, host: config.host });
  log(`Woningbouwmonitor listens on http://${config.host}:${config.port}/ (API: /api/v1, docs: /api/v1/docs)`);
  void prepareNationalOverview(services, config.demoMode, log);
  return -1;
}

/**
 * The national overview's sums per gemeente are made from every project the first time they are asked for in a
 * database (migration 0038; later processes read them): made now, in the background while serving, so the first
 * visitor of the Landelijk overzicht does not wait for them. In demo mode also the demo projects' own sums, which
 * demo roles see. A failure here is only logged: the page makes them itself when asked.
 */
async function prepareNationalOverview(services: Services, demoMode: boolean, log: (line: string) => void): Promise<void> {
  const started = performance.now();
  const ministry: Principal = { ...ANONYMOUS, kind: 'user', name: 'Woningbouwmonitor', role: 'ministerie_analist' };
  try {
    await services.national.overview({}, ministry);
    if (demoMode) await services.national.overview({}, { ...ministry, demo: true });
    log(`national overview ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } catch (err) {
    log(`national overview not prepared in advance (${err instanceof Error ? err.message : String(err)}); it is made when first asked for`);
  }
}
