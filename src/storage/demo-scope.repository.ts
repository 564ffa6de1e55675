/** Counts of real (non-demo) data, for the demo-mode start check (src/domain/demo-mode.ts). */
import type { RealDataCounts } from '../domain/demo-mode.ts';
import { queryOne, type Queryable } from './db.ts';

export async function realDataCounts(q: Queryable): Promise<RealDataCounts> {
  const row = await queryOne<{ projects: number; accounts: number }>(
    q,
    `SELECT (SELECT count(*) FROM projects WHERE NOT synthetic)::int AS projects,
            (SELECT count(*) FROM users WHERE NOT is_demo)::int AS accounts`,
  );
  return { realProjects: Number(row.projects), realAccounts: Number(row.accounts) };
}
