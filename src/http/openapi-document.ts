/**
 * The OpenAPI document as `wbm openapi` prints it and `openapi.json` holds it (the repository's copy is what
 * `npm run lint:api` checks and what the web's types are generated from, see openapi-types.ts).
 */
import { createServices } from '../services/container.ts';
import { openDatabase } from '../services/database.service.ts';
import type { ApiContact } from './api-design.ts';
import { buildApp } from './app.ts';

/** The document as text: built by the app from the zod schemas, on an empty in-memory database, two-space JSON. */
export async function openApiDocumentText(apiContact?: Partial<ApiContact>): Promise<string> {
  const db = await openDatabase({ dataDir: undefined });
  try {
    const app = await buildApp({ services: createServices(db), apiContact });
    try {
      await app.ready();
      return `${JSON.stringify(app.swagger(), null, 2)}\n`;
    } finally {
      await app.close();
    }
  } finally {
    await db.close();
  }
}
