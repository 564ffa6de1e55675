/**
 * Gemeentelijke herindelingen: mapping figures published in an older municipal classification onto the
 * gemeenten of a later one (the 2025 list). Issue 3 / SPEC §2 "Geography": CBS tables such as 81955NED
 * use the classification of each year, while the monitor uses today's gemeenten. Pure: the caller loads
 * the herindelingen (data/reference/herindelingen_2012_2025.csv) and the figures.
 */

export type HerindelingEvent = 'samenvoeging' | 'opsplitsing' | 'naamswijziging';

/** One step of a herindeling: (part of) a gemeente goes to a successor on a date. */
export interface Herindeling {
  gemeenteCode: string;
  gemeenteName: string;
  year: number;
  effectiveDate: string;
  event: HerindelingEvent;
  successorCode: string;
  successorName: string;
  /** Relative size of the part going to this successor (dwellings, inhabitants, or 1 for the whole). */
  weight: number;
  weightBasis: string;
}

/** Where a code's figures end up: gemeenten of the target classification with their share (sum 1). */
export interface Successor {
  code: string;
  share: number;
}

export interface MappingProblem {
  code: string;
  message: string;
}

export interface Resolution {
  /** For every code that resolves: its successors in the target classification. */
  successors: Map<string, Successor[]>;
  problems: MappingProblem[];
}

/**
 * Follow every herindeling chain to the target classification. A code of the target list maps onto
 * itself; any other code onto the successors of its herindeling, followed until every part lands in a
 * target gemeente (a code merged twice — Skarsterlân → De Friese Meren → De Fryske Marren — ends at
 * the last one). Shares of a split are the successors' weights over their sum and multiply along a
 * chain. Codes that cannot be resolved (no herindeling, a cycle, a successor outside both lists) are
 * reported, never guessed.
 */
export function resolveSuccessors(herindelingen: readonly Herindeling[], targetCodes: Iterable<string>, codes: Iterable<string>): Resolution {
  const target = new Set(targetCodes);
  const steps = new Map<string, Herindeling[]>();
  for (const h of herindelingen) {
    const list = steps.get(h.gemeenteCode);
    if (list) list.push(h);
    else steps.set(h.gemeenteCode, [h]);
  }
  const successors = new Map<string, Successor[]>();
  const problems: MappingProblem[] = [];

  function resolve(code: string, path: string[]): Map<string, number> | string {
    if (target.has(code)) return new Map([[code, 1]]);
    if (path.includes(code)) return `kringverwijzing in de herindelingen: ${[...path, code].join(' → ')}`;
    const list = steps.get(code);
    if (!list || list.length === 0) {
      return path.length === 0
        ? `gemeentecode ${code} staat niet in de gemeentelijke indeling 2025 en er is geen herindeling voor bekend`
        : `opvolger ${code} (via ${path.join(' → ')}) staat niet in de indeling 2025 en heeft zelf geen herindeling`;
    }
    const total = list.reduce((s, h) => s + h.weight, 0);
    if (!(total > 0)) return `herindeling van ${code} heeft geen positief gewicht`;
    const result = new Map<string, number>();
    for (const h of list) {
      const next = resolve(h.successorCode, [...path, code]);
      if (typeof next === 'string') return next;
      for (const [c, share] of next) result.set(c, (result.get(c) ?? 0) + (share * h.weight) / total);
    }
    return result;
  }

  for (const code of new Set(codes)) {
    const r = resolve(code, []);
    if (typeof r === 'string') problems.push({ code, message: r });
    else
      successors.set(
        code,
        [...r].map(([c, share]) => ({ code: c, share })).sort((a, b) => a.code.localeCompare(b.code)),
      );
  }
  return { successors, problems };
}

/** A figure of one gemeente (in the classification of its year) for one year. */
export interface CodeYearValue {
  code: string;
  year: number;
  value: number;
}

export interface MappedValue {
  code: string;
  year: number;
  value: number;
  /** The original figures that went into it: source code, its full value and the part counted here. */
  from: Array<{ code: string; value: number; part: number }>;
}

/**
 * Split `value` into integer parts proportional to `shares` that add up to exactly `value`
 * (largest-remainder method; ties go to the earlier share). Keeps national totals exact after a split.
 */
export function apportionInteger(value: number, shares: readonly number[]): number[] {
  if (!Number.isInteger(value)) return shares.map((s) => value * s);
  const raw = shares.map((s) => value * s);
  const parts = raw.map((r) => Math.trunc(r));
  let rest = value - parts.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => ({ i, frac: Math.abs(r - Math.trunc(r)) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  const step = Math.sign(rest);
  for (let k = 0; rest !== 0 && order.length > 0; k = (k + 1) % order.length) {
    parts[order[k]!.i]! += step; // k < order.length, and order holds the indices of parts
    rest -= step;
  }
  return parts;
}

/**
 * Map (code, year, value) figures onto the target classification, keeping the original figures in
 * `from`. Integer values stay integers (a split is apportioned by largest remainder), so every year's
 * total is unchanged. Throws when a code has no resolution: an unmapped code must never disappear.
 */
export function mapToClassification(values: readonly CodeYearValue[], resolution: Resolution): MappedValue[] {
  const out = new Map<string, MappedValue>();
  const missing = new Set<string>();
  for (const v of values) {
    const successors = resolution.successors.get(v.code);
    if (!successors) {
      missing.add(v.code);
      continue;
    }
    const parts = apportionInteger(
      v.value,
      successors.map((s) => s.share),
    );
    successors.forEach((s, i) => {
      const key = `${s.code}/${v.year}`;
      let m = out.get(key);
      if (!m) {
        m = { code: s.code, year: v.year, value: 0, from: [] };
        out.set(key, m);
      }
      const part = parts[i]!; // one part per successor
      m.value += part;
      m.from.push({ code: v.code, value: v.value, part });
    });
  }
  if (missing.size > 0) {
    throw new Error(`Geen herindeling bekend voor ${[...missing].sort().join(', ')}: deze cijfers kunnen niet naar de indeling 2025.`);
  }
  return [...out.values()].sort((a, b) => a.year - b.year || a.code.localeCompare(b.code));
}

/** Total per year of a list of figures. */
export function totalsByYear(values: ReadonlyArray<{ year: number; value: number }>): Map<number, number> {
  const totals = new Map<number, number>();
  for (const v of values) totals.set(v.year, (totals.get(v.year) ?? 0) + v.value);
  return new Map([...totals].sort((a, b) => a[0] - b[0]));
}
