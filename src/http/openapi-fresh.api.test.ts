/**
 * The committed openapi.json is the API as the code builds it, and the web's types are generated from it
 * (issue 9: types from the API). When a route or schema changes, `npm run openapi` rewrites both.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApiDocumentText } from './openapi-document.ts';
import { OPENAPI_FILE, WEB_TYPES_FILE, webTypesSource } from './openapi-types.ts';

/** Where two texts first differ, as `line N: expected … / found …`; null when they are equal. */
function firstDifference(expected: string, found: string): string | null {
  if (expected === found) return null;
  const a = expected.split('\n');
  const b = found.split('\n');
  const line = a.findIndex((text, i) => text !== b[i]);
  const n = line < 0 ? a.length : line;
  return `line ${n + 1}: expected ${JSON.stringify(a[n] ?? '(end of file)')}, found ${JSON.stringify(b[n] ?? '(end of file)')}`;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('OpenAPI document and web types are up to date', () => {
  it('openapi.json is the document `wbm openapi` builds now', async () => {
    const built = await openApiDocumentText();
    const difference = firstDifference(built, readFileSync(OPENAPI_FILE, 'utf8'));
    if (difference !== null)
      expect.fail(
        `openapi.json is out of date: run \`npm run openapi\` and commit openapi.json and web/src/api/generated/openapi.ts (${difference})`,
      );
  }, 60_000);

  it('web/src/api/generated/openapi.ts is what openapi-typescript makes of openapi.json', async () => {
    const generated = await webTypesSource(readFileSync(OPENAPI_FILE, 'utf8'));
    const difference = firstDifference(generated, readFileSync(WEB_TYPES_FILE, 'utf8'));
    if (difference !== null)
      expect.fail(`web/src/api/generated/openapi.ts is out of date: run \`npm run gen:api\` (or \`npm run openapi\`) and commit it (${difference})`);
  }, 60_000);

  it('gives every shared schema its own component name (a repeated `.meta({ id })` would silently replace the other)', () => {
    const ids = sources(import.meta.dirname).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\.meta\(\{\s*id:\s*'([^']+)'/g)].map((m) => ({ id: m[1], file: relative(import.meta.dirname, file) })),
    );
    const repeated = ids.filter((x, i) => ids.findIndex((y) => y.id === x.id) !== i).map((x) => `${x.id} (${x.file})`);
    expect(ids.length).toBeGreaterThan(50);
    expect(repeated).toEqual([]);
    for (const { id } of ids) expect(id, 'component names are PascalCase').toMatch(/^[A-Z][A-Za-z]+$/);
  });
});
