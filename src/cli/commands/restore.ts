/** `wbm restore FILE`: restore a backup into an empty database, all or nothing. */
import type { Config } from '../../config.ts';
import { openDatabase, restoreFrom } from '../../services/database.service.ts';
import { log, tableProgress } from '../log.ts';

export async function restoreCommand(config: Config, file: string): Promise<number> {
  const db = await openDatabase(config);
  // A backup of an older version is restored at its own migrations, then carried forward.
  const summary = await restoreFrom(db, file, log, tableProgress('restore'));
  const total = summary.tables.reduce((n, t) => n + t.rows, 0);
  log(`\nrestored ${summary.tables.length} tables, ${total} rows from ${file}`);
  await db.close();
  return 0;
}
