/** `wbm openapi`: print the OpenAPI document on stdout (built from the routes' schemas, on an empty in-memory database). */
import type { Config } from '../../config.ts';
import { openApiDocumentText } from '../../http/openapi-document.ts';

export async function openapiCommand(config: Config): Promise<number> {
  const text = await openApiDocumentText(config.apiContact);
  // Written in full before the process exits: a pipe takes 64 KiB at a time and main exits right after.
  await new Promise<void>((resolve, reject) => process.stdout.write(text, (err) => (err ? reject(err) : resolve())));
  return 0;
}
