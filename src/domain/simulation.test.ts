/**
 * Monte-Carlo band of the completion forecast (src/domain/simulation.ts). Issue 3 "Forecast": an
 * uncertainty band from the delays observed in the project history, reproducible with a seed;
 * SPEC §8 ("probabilistic completion forecasts from the observed milestone history"), SPEC §2
 * (milestones with baseline, forecast and actual dates; M11 start bouw, M12 oplevering).
 * Hand-made datasets where the answer is known.
 */
import { describe, expect, it } from 'vitest';
import { at, take } from '../../test/helpers/present.ts';
import { bandFor, completionDelay, knownCompletionDelay, percentile, simulate, wholeMonthsBetween, type SimulationProject } from './simulation.ts';

let nextKey = 1;
const project = (over: Partial<SimulationProject> = {}): SimulationProject => ({
  key: nextKey++,
  gemeente: 0,
  probability: 1,
  completed: false,
  knownDelayMonths: 0,
  years: [2027, 2028],
  homes: [100, 50],
  ...over,
});

const options = { runs: 50, seed: 1, fromYear: 2026, toYear: 2031, gemeenten: 2 };

describe('simulate: known answers (SPEC §8, issue 3 forecast)', () => {
  it('gives P10 = P50 = P90 = the jaarschijven when every plan is realised and no delay was observed', () => {
    const projects = [project(), project({ gemeente: 1, years: [2026, 2030], homes: [10, 20] })];
    const result = simulate(projects, { ...options, delaySamples: [] });
    const band = bandFor(result, [0, 1]);
    expect(band.map((b) => b.year)).toEqual([2026, 2027, 2028, 2029, 2030, 2031]);
    const expected = [10, 100, 50, 0, 20, 0];
    band.forEach((b, i) => {
      expect(b.p10).toBe(expected[i]);
      expect(b.p50).toBe(expected[i]);
      expect(b.p90).toBe(expected[i]);
      expect(b.mean).toBe(expected[i]);
    });
    // Observed delays of zero months are the same as none.
    const zero = bandFor(simulate(projects, { ...options, delaySamples: [0, 0, 0] }), [0, 1]);
    expect(zero.map((b) => b.p50)).toEqual(expected);
  });

  it('shifts every jaarschijf exactly one year when the only observed delay is 12 months', () => {
    const result = simulate([project()], { ...options, delaySamples: [12] });
    const band = bandFor(result, [0]);
    expect(band.map((b) => [b.year, b.p10, b.p50, b.p90])).toEqual([
      [2026, 0, 0, 0],
      [2027, 0, 0, 0],
      [2028, 100, 100, 100],
      [2029, 50, 50, 50],
      [2030, 0, 0, 0],
      [2031, 0, 0, 0],
    ]);
  });

  it('moves (m mod 12)/12 of a year one year further for a delay of m months (6 months: half)', () => {
    const band = bandFor(simulate([project({ years: [2027], homes: [100] })], { ...options, delaySamples: [18] }), [0]);
    expect(band.find((b) => b.year === 2028)!.p50).toBe(50);
    expect(band.find((b) => b.year === 2029)!.p50).toBe(50);
  });

  it('does not count twice the delay a project already reports: 12 months late already and 12 observed → no further shift', () => {
    const band = bandFor(simulate([project({ knownDelayMonths: 12 })], { ...options, delaySamples: [12] }), [0]);
    expect(band.find((b) => b.year === 2027)!.p50).toBe(100);
    // Early completions in the history never bring homes forward.
    const early = bandFor(simulate([project()], { ...options, delaySamples: [-24] }), [0]);
    expect(early.find((b) => b.year === 2027)!.p50).toBe(100);
  });

  it('keeps opgeleverde projects as they are, whatever the assumption and delays', () => {
    const band = bandFor(simulate([project({ completed: true, probability: 0 })], { ...options, delaySamples: [36] }), [0]);
    expect(band.find((b) => b.year === 2027)!.p50).toBe(100);
  });

  it('drops a plan as a whole with probability 1 − assumption: a 50% plan gives 0 or all, about half the time', () => {
    const result = simulate([project({ years: [2027], homes: [100] })], { ...options, runs: 2000, delaySamples: [] });
    const [b] = take(
      bandFor(result, [0]).filter((x) => x.year === 2027),
      1,
    );
    expect(b.p10).toBe(100); // probability 1
    const half = bandFor(
      simulate([project({ probability: 0.5, years: [2027], homes: [100] })], { ...options, runs: 2000, delaySamples: [] }),
      [0],
    ).find((x) => x.year === 2027)!;
    expect(half.p10).toBe(0);
    expect(half.p90).toBe(100);
    expect(half.mean).toBeGreaterThan(45);
    expect(half.mean).toBeLessThan(55);
  });

  it('is reproducible: the same seed gives the same band, another seed another draw', () => {
    const projects = Array.from({ length: 40 }, (_, i) => project({ probability: 0.6, gemeente: i % 2, years: [2027 + (i % 3)], homes: [10 + i] }));
    const samples = [0, 3, 6, 12, 18, 30];
    const a = simulate(projects, { ...options, seed: 42, delaySamples: samples });
    const b = simulate(projects, { ...options, seed: 42, delaySamples: samples });
    const c = simulate(projects, { ...options, seed: 43, delaySamples: samples });
    expect(Array.from(a.values)).toEqual(Array.from(b.values));
    expect(Array.from(a.values)).not.toEqual(Array.from(c.values));
    const band = bandFor(a, [0, 1]);
    for (const y of band) {
      expect(y.p10).toBeLessThanOrEqual(y.p50);
      expect(y.p50).toBeLessThanOrEqual(y.p90);
    }
  });

  it('gives a project the same outcome whatever the order of the projects or which others exist', () => {
    const projects = Array.from({ length: 30 }, (_, i) =>
      project({ key: 1000 + i, probability: 0.5, gemeente: i % 2, years: [2027], homes: [1 + i] }),
    );
    const opts = { ...options, seed: 9, delaySamples: [0, 12] };
    const a = simulate(projects, opts);
    const b = simulate([...projects].reverse(), opts);
    expect(Array.from(b.values)).toEqual(Array.from(a.values));
    // Project 1000 alone lands in the same runs as within the crowd.
    const alone = simulate([at(projects, 0)], opts);
    const crowdWithout = simulate(projects.slice(1), opts);
    const sum = Array.from(alone.values).map((v, i) => v + at(Array.from(crowdWithout.values), i));
    sum.forEach((v, i) => expect(v).toBeCloseTo(at(Array.from(a.values), i), 9));
  });

  it('counts only the gemeenten asked for', () => {
    const result = simulate([project(), project({ gemeente: 1, homes: [1, 1] })], { ...options, delaySamples: [] });
    expect(bandFor(result, [1]).find((b) => b.year === 2027)!.p50).toBe(1);
    expect(bandFor(result, []).find((b) => b.year === 2027)!.p50).toBe(0);
  });
});

describe('observed delays (SPEC §2: delay = effective date − baseline; M12 oplevering, M11 start bouw)', () => {
  const dates = (baselineDate: string | null, forecastDate: string | null, actualDate: string | null = null) => ({
    baselineDate,
    forecastDate,
    actualDate,
  });

  it('counts whole calendar months, a month being complete when its day of the month is reached', () => {
    const table: Array<[string, string, number]> = [
      ['2026-01-15', '2026-03-14', 1],
      ['2026-01-15', '2026-03-15', 2],
      ['2026-03-15', '2026-01-16', -1],
      ['2026-03-15', '2026-01-15', -2],
      ['2026-06-01', '2026-06-30', 0],
      ['2020-12-31', '2026-01-01', 60],
      ['2026-01-31', '2026-02-28', 0],
    ];
    for (const [a, b, months] of table) expect(wholeMonthsBetween(a, b), `${a} → ${b}`).toBe(months);
  });

  it('takes M12 (actual, else forecast) minus baseline, else M11; null without dates', () => {
    expect(completionDelay(dates('2026-01-01', null, '2027-01-01'), dates('2024-01-01', '2024-07-01'))).toBe(12);
    expect(completionDelay(dates('2026-01-01', '2026-04-01'), null)).toBe(3);
    expect(completionDelay(dates(null, '2026-04-01'), dates('2024-01-01', '2024-07-01'))).toBe(6);
    expect(completionDelay(null, null)).toBeNull();
    expect(completionDelay(dates(null, null), dates('2024-01-01', null))).toBeNull();
  });

  it('knows the delay a project already reports only from an unachieved M12 forecast, never negative', () => {
    expect(knownCompletionDelay(dates('2026-01-01', '2026-07-01'))).toBe(6);
    expect(knownCompletionDelay(dates('2026-07-01', '2026-01-01'))).toBe(0);
    expect(knownCompletionDelay(dates('2026-01-01', null, '2027-01-01'))).toBe(0);
    expect(knownCompletionDelay(null)).toBe(0);
  });

  it('uses the nearest-rank percentile', () => {
    const sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(sorted, 10)).toBe(1);
    expect(percentile(sorted, 50)).toBe(5);
    expect(percentile(sorted, 90)).toBe(9);
    expect(percentile([7], 90)).toBe(7);
  });
});
