/** `wbm backup FILE`: logical backup of the whole database (gzip JSON lines), the same format for PGlite and PostgreSQL. */
import type { Config } from '../../config.ts';
import { backupTo, openDatabase } from '../../services/database.service.ts';
import { log, tableProgress } from '../log.ts';

export async function backupCommand(config: Config, file: string): Promise<number> {
  const db = await openDatabase(config);
  const summary = await backupTo(db, file, log, tableProgress('backup'));
  const total = summary.tables.reduce((n, t) => n + t.rows, 0);
  log(`\nbacked up ${summary.tables.length} tables, ${total} rows to ${file}`);
  await db.close();
  return 0;
}
