/** `wbm reference load`: (re)load gemeenten, provincies, boundaries, CBS figures and example regions. */
import type { Config } from '../../config.ts';
import { openDatabase, reloadReferenceData } from '../../services/database.service.ts';
import { log } from '../log.ts';

export async function referenceLoadCommand(config: Config): Promise<number> {
  const db = await openDatabase(config);
  const counts = await reloadReferenceData(db, log);
  log(`reference data loaded: ${JSON.stringify(counts)}`);
  await db.close();
  return 0;
}
