/** Shared by the benchmarks: order statistics and the aligned table they print. */

/** The value at `index` of a sorted, non-empty sample; an empty sample is a bug in the benchmark. */
export function sampleAt(sorted: readonly number[], index: number): number {
  const value = sorted[index];
  if (value === undefined) throw new Error(`no sample at ${index} of ${sorted.length}`);
  return value;
}

/** Prints a header and rows as aligned columns: the first `leftAligned` columns padded on the right, numbers on the left. */
export function printTable(header: readonly string[], rows: readonly (readonly string[])[], leftAligned = 1): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]) => r.map((v, i) => (i < leftAligned ? v.padEnd(widths[i] ?? 0) : v.padStart(widths[i] ?? 0))).join('  ');
  console.log(line(header));
  for (const r of rows) console.log(line(r));
}
