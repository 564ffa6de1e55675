/**
 * Relative housing production per gemeente, used to spread demo projects realistically.
 * Source: CBS StatLine 81955NED (dwelling-stock mutations, 2012–2020, each year in that year's
 * municipal classification), column `new_construction`. Pure: the caller reads the file.
 */

export interface ProductionRow {
  gemeente_code: string;
  year: string | number;
  new_construction: string | number | null;
}

/** Share of the sorted weights used as the fallback for codes without data (5th percentile). */
const FALLBACK_PERCENTILE = 0.05;

function toNumber(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' && value.trim() === '') return null;
  const n = typeof value === 'number' ? value : Number(value.trim());
  return Number.isFinite(n) ? n : null;
}

/**
 * Weight per 2025 gemeente = mean yearly `new_construction` over the years the code has a value.
 * Rows of codes not in `codes2025` are ignored (those gemeenten no longer exist in 2025). A code
 * without any value, or with a mean of zero or less, gets a small positive fallback: the 5th
 * percentile of the positive means (1 if there are none), so every gemeente can get projects.
 * The map has exactly one entry per code of `codes2025`, in that order.
 */
export function productionWeights(rows: readonly ProductionRow[], codes2025: readonly string[]): Map<string, number> {
  const wanted = new Set(codes2025);
  const sums = new Map<string, { sum: number; years: Set<string> }>();
  for (const row of rows) {
    const code = row.gemeente_code?.trim();
    if (!code || !wanted.has(code)) continue;
    const value = toNumber(row.new_construction);
    if (value === null) continue;
    const year = String(row.year).trim();
    let acc = sums.get(code);
    if (!acc) {
      acc = { sum: 0, years: new Set() };
      sums.set(code, acc);
    }
    // One value per code and year: a repeated year would otherwise be counted twice.
    if (acc.years.has(year)) continue;
    acc.years.add(year);
    acc.sum += value;
  }

  const means = new Map<string, number>();
  for (const [code, acc] of sums) means.set(code, acc.sum / acc.years.size);

  const positive = [...means.values()].filter((m) => m > 0).sort((a, b) => a - b);
  const fallback =
    positive.length === 0 ? 1 : positive[Math.min(positive.length - 1, Math.max(0, Math.ceil(FALLBACK_PERCENTILE * positive.length) - 1))]!; // 0 ≤ index < length

  const weights = new Map<string, number>();
  for (const code of codes2025) {
    const mean = means.get(code);
    weights.set(code, mean !== undefined && mean > 0 ? mean : fallback);
  }
  return weights;
}
