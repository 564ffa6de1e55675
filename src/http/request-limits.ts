/**
 * Limits on request bodies (issue 8 item 11): a general size limit, and JSON bodies nested no deeper
 * than MAX_JSON_DEPTH. A deeply nested body is refused with 400 problem+json before it is parsed, so
 * it costs no parsing or validation work. Spreadsheet uploads (targets import) have their own limit
 * on their content-type parser (src/http/routes/national.routes.ts); the planlijst import (base64 JSON) its
 * own route limit (IMPORT_BODY_LIMIT_BYTES).
 */
import type { FastifyInstance } from 'fastify';

/** The largest request body in general: the biggest legitimate JSON body (a project with 1,000
 * jaarschijven, or 5,000 project ids confirmed at once) is well under 1 MB. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/** The largest planlijst file the import takes (issue 13 part 1): a province's list of 40,000 plans as XLSX is ~10 MB. */
export const IMPORT_FILE_LIMIT_BYTES = 20 * 1024 * 1024;
/** The import's JSON body: the file base64-encoded (4/3 of its size) plus the mapping. */
export const IMPORT_BODY_LIMIT_BYTES = Math.ceil(IMPORT_FILE_LIMIT_BYTES / 3) * 4 + 256 * 1024;

/** No API body nests deeper than 4 levels; 32 leaves room without letting junk cost CPU. */
export const MAX_JSON_DEPTH = 32;

/** The deepest nesting of arrays and objects in a JSON text (brackets inside strings do not count). */
export function jsonDepth(text: string, stopAbove = Infinity): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > stopAbove) return max;
      }
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) depth--;
  }
  return max;
}

class BodyTooDeepError extends Error {
  readonly statusCode = 400;
  constructor() {
    super(`De JSON-invoer is te diep genest (meer dan ${MAX_JSON_DEPTH} niveaus).`);
  }
}

/** Replace the JSON parser by one that first checks the nesting depth (same protections otherwise). */
export function registerJsonDepthLimit(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    if (jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
      done(new BodyTooDeepError(), undefined);
      return;
    }
    parse(request, text, done);
  });
}
