/**
 * Where the repository's files are (migrations, reference data, the web build, the default data directory), found
 * from this module's place whether it runs from its source (src/, through tsx) or from the CLI bundle that
 * bin/wbm.js makes (dist/cli/): the nearest directory above it that holds package.json.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

function repositoryRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const REPO_ROOT = repositoryRoot(import.meta.dirname);
