/** `wbm openapi`: print the OpenAPI document on stdout (built from the routes' schemas, on an empty in-memory database). */
import type { Config } from '../../config.ts';
import { buildApp } from '../../http/app.ts';
import { createServices } from '../../services/container.ts';
import { openDatabase } from '../../services/database.service.ts';

export async function openapiCommand(config: Config): Promise<number> {
  const db = await openDatabase({ dataDir: undefined });
  const app = await buildApp({ services: createServices(db), apiContact: config.apiContact });
  await app.ready();
  process.stdout.write(`${JSON.stringify(app.swagger(), null, 2)}\n`);
  await app.close();
  await db.close();
  return 0;
}
