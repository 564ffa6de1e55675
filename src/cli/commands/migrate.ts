/** `wbm migrate`: apply the database migrations not yet applied. */
import type { Config } from '../../config.ts';
import { migrateDatabase, openDatabase } from '../../services/database.service.ts';
import { log } from '../log.ts';

export async function migrateCommand(config: Config): Promise<number> {
  const db = await openDatabase(config);
  const applied = await migrateDatabase(db, log);
  log(applied.length ? `${applied.length} migration(s) applied` : 'database is up to date');
  await db.close();
  return 0;
}
