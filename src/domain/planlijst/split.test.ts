import { describe, expect, it } from 'vitest';
import { fitSplit, jaarschijvenFrom, northWestCorner, programmeFromMarginals, spreadOverYears } from './split.ts';
import { homesBySegment } from '../programme.ts';

describe('splits of a plan list row (SPEC §2 programme and jaarschijven; issue 13 part 1: splits that do not add up)', () => {
  it('the total wins: a negative unknown counts as 0 and a larger split is scaled down', () => {
    // EIB row 2: 9 ground-level + 18 apartments, type unknown −27, total 0.
    expect(fitSplit<string>({ grondgebonden: 9, gestapeld: 18, onbekend: -27 }, 0, 'onbekend')).toEqual({
      parts: { grondgebonden: 0, gestapeld: 0, onbekend: 0 },
      fixes: [
        { kind: 'negative', keys: ['onbekend'] },
        { kind: 'scaled', sum: 27 },
      ],
    });
    expect(fitSplit<string>({ huur: 60, koop: 44 }, 45, 'onbekend').parts).toEqual({ huur: 26, koop: 19, onbekend: 0 });
  });

  it('a split short of the total puts the rest in unknown', () => {
    expect(fitSplit<string>({ grondgebonden: 10 }, 25, 'onbekend')).toEqual({
      parts: { grondgebonden: 10, onbekend: 15 },
      fixes: [{ kind: 'rest', rest: 15 }],
    });
    expect(fitSplit<string>({ a: 5, b: 5 }, 10, 'b').fixes).toEqual([]);
  });

  it('rebuilds programme lines that keep every marginal (segment, type, target group)', () => {
    const lines = programmeFromMarginals(
      { sociale_huur: 30, middenhuur: 10, betaalbare_koop: 0, vrije_sector_huur: 0, vrije_sector_koop: 60 },
      { grondgebonden: 45, gestapeld: 50, onbekend: 5 },
      { regulier: 80, ouderen: 20, student: 0, flex: 0, woonzorg: 0 },
    );
    const sum = (f: (l: (typeof lines)[number]) => boolean) => lines.filter(f).reduce((s, l) => s + l.homes, 0);
    expect(homesBySegment(lines)).toMatchObject({ sociale_huur: 30, middenhuur: 10, vrije_sector_koop: 60 });
    expect(sum((l) => l.woningtype === 'gestapeld')).toBe(50);
    expect(sum((l) => l.woningtype === 'onbekend')).toBe(5);
    expect(sum((l) => l.doelgroep === 'ouderen')).toBe(20);
    expect(lines.every((l) => l.homes > 0)).toBe(true);
  });

  it('north-west corner keeps row and column sums', () => {
    const t = northWestCorner([5, 0, 7], [3, 9]);
    expect(t.map((r) => r[0]! + r[1]!)).toEqual([5, 0, 7]);
    expect([0, 1].map((j) => t.reduce((s, r) => s + r[j]!, 0))).toEqual([3, 9]);
  });

  it('spreads a completion period evenly over its years in whole homes', () => {
    expect([...spreadOverYears(24, 2020, 2024)]).toEqual([
      [2020, 5],
      [2021, 5],
      [2022, 5],
      [2023, 5],
      [2024, 4],
    ]);
  });

  it('splits yearly completions over the segments in proportion to the programme', () => {
    const js = jaarschijvenFrom(
      new Map([
        [2027, 50],
        [2028, 50],
      ]),
      [],
      { sociale_huur: 30, middenhuur: 0, betaalbare_koop: 0, vrije_sector_huur: 0, vrije_sector_koop: 70 },
    );
    expect(homesBySegment(js)).toMatchObject({ sociale_huur: 30, vrije_sector_koop: 70 });
    expect(js.filter((s) => s.year === 2027).reduce((a, s) => a + s.homes, 0)).toBe(50);
  });
});
