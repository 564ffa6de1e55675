/**
 * Plancapaciteit against need and the 130% test (src/domain/plancapaciteit.ts).
 * SPEC §2: harde plancapaciteit = onherroepelijk + vastgesteld. SPEC §3 / `002 § 1`: "130%
 * plancapaciteit tot 2030 in die gebieden met de grootste opgave … niet altijd nodig" (a per-area
 * norm). `001 § Afspraak 3A`: jaarschijven through 2030 and the programming 2031–2035.
 */
import { describe, expect, it } from 'vitest';
import { present, take } from '../../test/helpers/present.ts';
import { calculatePlancapaciteit, capacityPeriods, normFor, type CapacityRow, type Need, type NormPolicy } from './plancapaciteit.ts';
import { POLICY } from './policy.ts';

const periods = capacityPeriods(2026, 2030, { from: 2031, to: 2035 });
const rows: CapacityRow[] = [
  { gemeenteCode: 'GM0001', planStatus: 'onherroepelijk', year: 2026, homes: 400 },
  { gemeenteCode: 'GM0001', planStatus: 'vastgesteld', year: 2030, homes: 300 },
  { gemeenteCode: 'GM0001', planStatus: 'in_voorbereiding', year: 2029, homes: 500 },
  { gemeenteCode: 'GM0002', planStatus: 'visie', year: 2033, homes: 800 },
  { gemeenteCode: 'GM0002', planStatus: 'onbekend', year: 2028, homes: 100 },
  { gemeenteCode: 'GM0002', planStatus: 'vastgesteld', year: null, homes: 70 },
  { gemeenteCode: 'GM0003', planStatus: 'onherroepelijk', year: 2027, homes: 5000 },
];
const need =
  (homes: number | null): ((p: { key: string }) => Need) =>
  (p) =>
    p.key === '2026-2030' ? { homes, basis: 'vastgesteld', explanation: 'test' } : { homes: null, basis: 'onbekend', explanation: 'geen opgave' };

describe('periods (001 § Afspraak 3A: to 2030, then 2031–2035)', () => {
  it('runs from the start year to 2030 and then 2031–2035', () => {
    expect(periods.map((p) => [p.key, p.from, p.to])).toEqual([
      ['2026-2030', 2026, 2030],
      ['2031-2035', 2031, 2035],
    ]);
    expect(capacityPeriods(2032, 2030, { from: 2031, to: 2035 }).map((p) => p.key)).toEqual(['2032-2035']);
    expect(POLICY.plancapaciteit.norm).toBe(1.3);
  });
});

describe('calculatePlancapaciteit (SPEC §2 hard/soft, §3 130% test)', () => {
  const areas = new Set(['GM0001', 'GM0002']);

  it('splits hard (onherroepelijk + vastgesteld) and soft per period', () => {
    const r = calculatePlancapaciteit(rows, areas, periods, need(1000), 1.3);
    const [first, second] = take(r.periods, 2);
    expect(first).toMatchObject({ hard: 700, soft: 600, total: 1300 });
    expect(first.byPlanStatus).toEqual({ onherroepelijk: 400, vastgesteld: 300, in_voorbereiding: 500, visie: 0, onbekend: 100 });
    expect(second).toMatchObject({ hard: 0, soft: 800, total: 800 });
    expect(r.withoutYear).toEqual({ hard: 70, soft: 0 });
  });

  it('passes the 130% test at exactly 130% of need and reports the shortfall below it', () => {
    const ok = calculatePlancapaciteit(rows, areas, periods, need(1000), 1.3).periods[0];
    expect(ok).toMatchObject({ ratio: 1.3, hardRatio: 0.7, meetsNorm: true, shortfall: 0 });
    const short = present(calculatePlancapaciteit(rows, areas, periods, need(1100), 1.3).periods[0]);
    expect(short.meetsNorm).toBe(false);
    expect(short.shortfall).toBe(130); // 1.3 × 1100 − 1300
  });

  it('uses the norm of the area: 100% where 130% is not needed (krimp-/grensregio)', () => {
    const r = calculatePlancapaciteit(rows, areas, periods, need(1200), 1.0).periods[0];
    expect(r).toMatchObject({ norm: 1, meetsNorm: true });
  });

  it('gives no ratio or verdict when the need is unknown', () => {
    const second = present(calculatePlancapaciteit(rows, areas, periods, need(1000), 1.3).periods[1]);
    expect(second).toMatchObject({ ratio: null, meetsNorm: null, shortfall: null });
    expect(second.need.basis).toBe('onbekend');
  });

  it('counts every gemeente for the nation (null filter)', () => {
    expect(calculatePlancapaciteit(rows, null, periods, need(1000), 1.3).periods[0]?.hard).toBe(5700);
  });
});

// SPEC §3 plancapaciteit row; `002 § 1`: "Als uitgangspunt hanteer ik daarbij 130% plancapaciteit tot 2030 in
// die gebieden met de grootste opgave … is ook een plancapaciteit van 130% niet altijd nodig". Issue 8 item 25.
describe('where and when the 130% norm applies (SPEC §3; 002 § 1)', () => {
  const policy: NormPolicy = { ...POLICY.plancapaciteit, largestTaskAreas: ['provincie:PV26'] };
  const [first, second] = take(periods, 2);

  it('applies no norm by default: the shipped policy names no area with the largest task', () => {
    expect(POLICY.plancapaciteit.largestTaskAreas).toEqual([]);
    expect(POLICY.plancapaciteit.normUntil).toBe(2030);
    expect(normFor('provincie:PV26', first, undefined, POLICY.plancapaciteit).value).toBeNull();
    expect(normFor('vt-u10', first, undefined, POLICY.plancapaciteit).value).toBeNull();
  });

  it('applies 130% to 2030 in an area listed with the largest task, and not in 2031–2035', () => {
    expect(normFor('provincie:PV26', first, undefined, policy)).toMatchObject({ value: 1.3 });
    expect(normFor('provincie:PV26', first, undefined, policy).source).toMatch(/tot 2030/);
    expect(normFor('provincie:PV26', second, undefined, policy)).toMatchObject({ value: null, source: expect.stringContaining('tot en met 2030') });
    expect(normFor('provincie:PV20', first, undefined, policy).value).toBeNull();
  });

  it('applies a norm set for the area, with its reason, in every period', () => {
    const set = { norm: 1.1, reason: 'krimpregio' };
    expect(normFor('provincie:PV20', first, set, policy)).toEqual({ value: 1.1, source: 'Ingesteld voor dit gebied: krimpregio' });
    expect(normFor('provincie:PV20', second, set, policy).value).toBe(1.1);
  });

  it('shows the ratio without a verdict where no norm applies', () => {
    const r = calculatePlancapaciteit(
      rows,
      new Set(['GM0001', 'GM0002']),
      periods,
      need(1000),
      (p) => normFor('provincie:PV26', p, undefined, policy).value,
    );
    expect(r.periods[0]).toMatchObject({ norm: 1.3, ratio: 1.3, meetsNorm: true, shortfall: 0 });
    const none = calculatePlancapaciteit(rows, new Set(['GM0001', 'GM0002']), periods, need(1000), null).periods[0];
    expect(none).toMatchObject({ norm: null, ratio: 1.3, hardRatio: 0.7, meetsNorm: null, shortfall: null });
  });
});
