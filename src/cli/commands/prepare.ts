/**
 * `wbm prepare` (run by `npm ci` / `npm install` as the package's prepare script): what an installation makes once
 * so that the first `npm start` does not — the pristine embedded database cluster (PostgreSQL's initdb, as a
 * server's package runs it when installed; src/services/database.service.ts) and the web app's build. Each is
 * skipped when it is there and current.
 */
import { ensurePristineCluster } from '../../services/database.service.ts';
import { log } from '../log.ts';
import { buildWeb, webBuildIsCurrent } from '../web-build.ts';

export async function prepareCommand(): Promise<number> {
  const cluster = await ensurePristineCluster();
  log(
    cluster.made
      ? `embedded database: ran initdb once for new databases (${(cluster.bytes / 1e6).toFixed(1)} MB in ${cluster.path}) in ${cluster.seconds.toFixed(1)} s`
      : `embedded database: the pristine cluster is there (${cluster.path})`,
  );
  if (webBuildIsCurrent()) {
    log('web app: the build in web/dist is current');
  } else {
    log('building the web app (vite)…');
    log(`web app built in ${(await buildWeb()).toFixed(1)} s`);
  }
  return 0;
}
