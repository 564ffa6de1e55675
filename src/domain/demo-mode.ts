/**
 * Demo mode and real data (issue 8 item 5; SPEC §7 confidentiality). In demo mode anyone can sign in as
 * a demo role without a password. Demo roles act on synthetic data only (src/domain/access.ts), but a
 * database that holds real projects or real accounts should not be served in demo mode by accident:
 * the server refuses to start unless the operator says so explicitly.
 */

export interface RealDataCounts {
  /** Projects not marked synthetic. */
  realProjects: number;
  /** Accounts that are not demo accounts. */
  realAccounts: number;
}

/**
 * Why the server must not start, in English for the operator; null when it may. `allowRealData` is
 * the explicit allowance (DEMO_MODE_WITH_REAL_DATA=true or `wbm serve --demo-with-real-data`).
 */
export function demoModeStartProblem(options: { demoMode: boolean; allowRealData: boolean }, counts: RealDataCounts): string | null {
  if (!options.demoMode || options.allowRealData) return null;
  if (counts.realProjects === 0 && counts.realAccounts === 0) return null;
  const held = [
    counts.realProjects > 0 ? `${counts.realProjects} real (non-synthetic) project${counts.realProjects === 1 ? '' : 's'}` : null,
    counts.realAccounts > 0 ? `${counts.realAccounts} real (non-demo) account${counts.realAccounts === 1 ? '' : 's'}` : null,
  ].filter(Boolean);
  return (
    `Refusing to start in demo mode: the database holds ${held.join(' and ')}. ` +
    'In demo mode anyone can sign in as a demo role without a password. ' +
    'For real use set DEMO_MODE=false. To run the demo next to real data anyway (demo roles then see and change ' +
    'synthetic demo data only), set DEMO_MODE_WITH_REAL_DATA=true or start with `wbm serve --demo-with-real-data`.'
  );
}
