/**
 * Performance marks for "this page is ready" (all data shown and charts drawn). The benchmark
 * (bench/dashboard-interactive.bench.ts) reads them: their startTime is measured from navigation start.
 */
export type ReadyMark = 'tafeloverzicht' | 'tafeloverzicht-kaart' | 'tafelrapport' | 'kaart' | 'kaart-projecten' | 'landelijk' | 'landelijk-kaart';

/** Sets `wbm:<name>` once per page load. */
export function markReady(name: ReadyMark): void {
  const mark = `wbm:${name}`;
  if (typeof performance === 'undefined' || performance.getEntriesByName(mark).length > 0) return;
  performance.mark(mark);
}
