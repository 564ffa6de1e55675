/** The demo-mode start check: refuse to serve real data in demo mode unless explicitly allowed (issue 8 item 5). */
import { demoModeStartProblem } from '../domain/demo-mode.ts';
import type { Queryable } from '../storage/db.ts';
import { realDataCounts } from '../storage/demo-scope.repository.ts';

export class DemoModeRefusedError extends Error {}

/** Throws DemoModeRefusedError (with the reason for the operator) when the server must not start. */
export async function assertDemoModeMayStart(q: Queryable, options: { demoMode: boolean; allowRealData: boolean }): Promise<void> {
  if (!options.demoMode) return;
  const problem = demoModeStartProblem(options, await realDataCounts(q));
  if (problem) throw new DemoModeRefusedError(problem);
}
