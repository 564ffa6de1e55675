/**
 * The layering of STYLE.md, checked: the domain is pure (no I/O, no other layer), storage knows no
 * services or HTTP, services know no HTTP or CLI. A newcomer can trust the folder names.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = import.meta.dirname;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

function imports(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'/gm)].flatMap((m) => (m[1] ? [m[1]] : []));
}

const layerOf = (file: string) => relative(SRC, file).split('/')[0] ?? '';

describe('architecture (STYLE.md: dependencies point inward)', () => {
  // proj4 only computes (RD New ↔ WGS84 in src/domain/coordinates.ts), like date-fns: no I/O.
  it('keeps the domain pure: only other domain modules, date-fns and proj4', () => {
    const offenders = sources(join(SRC, 'domain')).flatMap((f) =>
      imports(f)
        // Relative imports must stay inside src/domain (its subfolders, such as src/domain/planlijst/, may use '../').
        .filter(
          (i) => !((i.startsWith('.') && layerOf(join(f, '..', i)) === 'domain') || i === 'date-fns' || i.startsWith('date-fns/') || i === 'proj4'),
        )
        .map((i) => `${relative(SRC, f)} imports ${i}`),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps storage free of services, HTTP and CLI, services free of HTTP and CLI, and the CLI free of storage', () => {
    // The CLI calls services, never SQL (STYLE.md): opening, migrating, reference data, backup and restore go
    // through src/services/database.service.ts, so no exception list is needed, not even for the `Db` type.
    const forbidden: Record<string, string[]> = {
      storage: ['services', 'http', 'cli'],
      services: ['http', 'cli'],
      demo: ['storage', 'services', 'http', 'cli'],
      cli: ['storage'],
    };
    const offenders: string[] = [];
    for (const [layer, banned] of Object.entries(forbidden)) {
      for (const f of sources(join(SRC, layer))) {
        for (const i of imports(f).filter((x) => x.startsWith('.'))) {
          const target = layerOf(join(f, '..', i));
          if (banned.includes(target)) offenders.push(`${relative(SRC, f)} imports ${i}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });
});
