/**
 * Monte-Carlo uncertainty band (P10/P50/P90) of the completion forecast. Issue 3 "Forecast"; SPEC §8
 * ("probabilistic completion forecasts from the observed milestone history"). Pure and deterministic for
 * a given seed: the same projects in the same order and the same seed give the same band.
 *
 * Model *(design)*, per run and per project that is not yet opgeleverd:
 * 1. the project goes ahead with the realisation assumption of its plan status as probability
 *    (planuitval: a plan drops out as a whole), otherwise it delivers nothing;
 * 2. its total completion delay against the baseline is drawn from the delays observed over all
 *    projects (the empirical distribution of M12 — else M11 — effective date minus baseline, in
 *    months); the part of that delay the project already reports (its own M12 forecast minus baseline,
 *    which its jaarschijven already reflect) is not counted twice, so the jaarschijven move later by
 *    max(0, drawn − known) months. A shift of m months moves (m mod 12)/12 of a year's homes one year
 *    further than ⌊m/12⌋. The simulation never brings homes forward.
 * Opgeleverde projects (M12 achieved) count as planned, without uncertainty. Each project draws from
 * its own random stream (seed × project key), so the outcome of one project does not depend on the
 * order in which projects are loaded or on which other projects exist.
 */
import { dateForAxis } from './plausibility.ts';
import { Rng } from './random.ts';

export interface SimulationProject {
  /** Stable 32-bit key of the project (from its id): selects its random stream. */
  key: number;
  /** Index of the project's gemeente in the caller's list of gemeenten. */
  gemeente: number;
  /** Probability that the project is realised (the realisation assumption of its plan status). */
  probability: number;
  /** M12 achieved: its homes are history. */
  completed: boolean;
  /** Delay the project already reports for its completion, in whole months (≥ 0). */
  knownDelayMonths: number;
  years: readonly number[];
  homes: readonly number[];
}

export interface SimulationOptions {
  runs: number;
  seed: number;
  fromYear: number;
  toYear: number;
  gemeenten: number;
  /** Observed completion delays in months (may be empty: then no delay). */
  delaySamples: readonly number[];
}

export interface SimulationResult {
  runs: number;
  seed: number;
  fromYear: number;
  toYear: number;
  gemeenten: number;
  /** Homes per run × gemeente × year, index `(run * gemeenten + gemeente) * years + (year − fromYear)`. */
  values: Float64Array;
}

/**
 * Whole calendar months from `from` to `to` (ISO dates), truncated toward zero: a month counts once its
 * day of the month is reached. Plain arithmetic on the strings, fast enough for every project of the country.
 */
export function wholeMonthsBetween(from: string, to: string): number {
  const [y1, m1, d1] = [Number(from.slice(0, 4)), Number(from.slice(5, 7)), Number(from.slice(8, 10))];
  const [y2, m2, d2] = [Number(to.slice(0, 4)), Number(to.slice(5, 7)), Number(to.slice(8, 10))];
  let months = (y2 - y1) * 12 + (m2 - m1);
  if (months > 0 && d2 < d1) months -= 1;
  else if (months < 0 && d2 > d1) months += 1;
  return months;
}

export interface MilestoneDates {
  baselineDate: string | null;
  forecastDate: string | null;
  actualDate: string | null;
}

/**
 * One observed completion delay per project: M12 effective (actual, else forecast) date minus its
 * baseline in whole months; where M12 has no baseline or date, M11's. Null when neither has both.
 */
export function completionDelay(m12: MilestoneDates | null, m11: MilestoneDates | null): number | null {
  for (const m of [m12, m11]) {
    const effective = m?.actualDate ?? m?.forecastDate ?? null;
    // A date outside the plausible years (stored before they were checked, issue 8) is no observation.
    if (m?.baselineDate && effective) return plausible(m.baselineDate) && plausible(effective) ? wholeMonthsBetween(m.baselineDate, effective) : null;
  }
  return null;
}

/** The delay a project already reports for its completion (M12 forecast minus baseline), at least 0. */
export function knownCompletionDelay(m12: MilestoneDates | null): number {
  if (!m12?.baselineDate || !m12.forecastDate || m12.actualDate) return 0;
  if (!plausible(m12.baselineDate) || !plausible(m12.forecastDate)) return 0;
  return Math.max(0, wholeMonthsBetween(m12.baselineDate, m12.forecastDate));
}

const plausible = (date: string) => dateForAxis(date)?.clamped === false;

export function simulate(projects: readonly SimulationProject[], options: SimulationOptions): SimulationResult {
  const { runs, seed, fromYear, toYear, gemeenten, delaySamples } = options;
  if (!Number.isInteger(runs) || runs < 1) throw new Error('runs must be a positive integer');
  const years = toYear - fromYear + 1;
  const slice = gemeenten * years;
  const values = new Float64Array(runs * slice);
  const nSamples = delaySamples.length;
  let maxDelay = 0;
  for (const d of delaySamples) if (d > maxDelay) maxDelay = d;
  // Opgeleverde projects are the same in every run: add them once, copy into every run at the end.
  // Every index below is in range by construction (loop bounds; a project's years and homes have one length,
  // and y is checked against the window): the `!`s tell the compiler so, at no cost in this hot loop.
  const fixed = new Float64Array(slice);

  for (const p of projects) {
    const gBase = p.gemeente * years;
    if (p.completed) {
      for (let i = 0; i < p.years.length; i++) {
        const y = p.years[i]! - fromYear;
        if (y >= 0 && y < years) fixed[gBase + y]! += p.homes[i]!;
      }
      continue;
    }
    // A project none of whose homes can land in the window (even at the longest delay) changes nothing;
    // it has its own random stream, so leaving it out changes no other project's draws.
    let minYear = Infinity;
    let maxYear = -Infinity;
    for (const y of p.years) {
      if (y < minYear) minYear = y;
      if (y > maxYear) maxYear = y;
    }
    if (minYear > toYear || maxYear + Math.ceil(Math.max(0, maxDelay - p.knownDelayMonths) / 12) < fromYear) continue;

    const rng = new Rng(seed, p.key);
    const n = p.years.length;
    const known = p.knownDelayMonths;
    const probability = p.probability;
    for (let run = 0; run < runs; run++) {
      // Always two draws per run, so a project's runs line up whatever its outcome.
      const goes = rng.next() < probability;
      const drawn = nSamples === 0 ? 0 : delaySamples[Math.floor(rng.next() * nSamples)]!;
      if (!goes) continue;
      const extra = drawn > known ? drawn - known : 0;
      const whole = Math.floor(extra / 12);
      const frac = (extra - whole * 12) / 12;
      const base = run * slice + gBase;
      for (let i = 0; i < n; i++) {
        const h = p.homes[i]!;
        const y = p.years[i]! + whole - fromYear;
        if (frac === 0) {
          if (y >= 0 && y < years) values[base + y]! += h;
        } else {
          if (y >= 0 && y < years) values[base + y]! += h * (1 - frac);
          if (y + 1 >= 0 && y + 1 < years) values[base + y + 1]! += h * frac;
        }
      }
    }
  }
  for (let run = 0; run < runs; run++) {
    const base = run * slice;
    for (let i = 0; i < slice; i++) values[base + i]! += fixed[i]!;
  }
  return { runs, seed, fromYear, toYear, gemeenten, values };
}

/** Nearest-rank percentile of sorted values (p in 0–100). */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1]!; // 1 ≤ rank, and sorted is not empty
}

export interface Band {
  year: number;
  p10: number;
  p50: number;
  p90: number;
  mean: number;
}

/** P10/P50/P90 and mean per year of the sum over the given gemeenten (indices), over all runs. */
export function bandFor(result: SimulationResult, gemeenteIndices: readonly number[]): Band[] {
  const years = result.toYear - result.fromYear + 1;
  const perRun = new Float64Array(result.runs);
  const bands: Band[] = [];
  for (let y = 0; y < years; y++) {
    let total = 0;
    for (let run = 0; run < result.runs; run++) {
      let sum = 0;
      const runBase = run * result.gemeenten;
      for (const g of gemeenteIndices) sum += result.values[(runBase + g) * years + y]!; // g < result.gemeenten
      perRun[run] = sum;
      total += sum;
    }
    const sorted = Float64Array.from(perRun).sort();
    bands.push({
      year: result.fromYear + y,
      p10: percentile(sorted, 10),
      p50: percentile(sorted, 50),
      p90: percentile(sorted, 90),
      mean: total / result.runs,
    });
  }
  return bands;
}

/** Summary of a delay distribution for display: count, mean and percentiles in months. */
export function summariseDelays(samples: readonly number[]): { samples: number; meanMonths: number; p10: number; p50: number; p90: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.length === 0 ? 0 : sorted.reduce((a, b) => a + b, 0) / sorted.length;
  return { samples: sorted.length, meanMonths: mean, p10: percentile(sorted, 10), p50: percentile(sorted, 50), p90: percentile(sorted, 90) };
}
