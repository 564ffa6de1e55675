/**
 * `wbm people prune`: remove expired sessions, finished invitations and revoked API tokens past their retention
 * period (src/domain/policy.ts POLICY.retention) and print how many of each. `wbm serve` does the same at start and
 * every few hours; this is for a server that is not running, or to see the counts.
 */
import type { Config } from '../../config.ts';
import { createServices } from '../../services/container.ts';
import { openReadyDatabase } from '../../services/database.service.ts';
import { describePrune } from '../../services/retention.service.ts';
import { log } from '../log.ts';

export async function peoplePruneCommand(config: Config): Promise<number> {
  const db = await openReadyDatabase(config, log);
  try {
    const counts = await createServices(db).retention.prune();
    process.stdout.write(`${describePrune(counts)}\n`);
    return 0;
  } finally {
    await db.close();
  }
}
