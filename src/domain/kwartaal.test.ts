/**
 * Unit tests for the quarter value type (src/domain/kwartaal.ts).
 *
 * SPEC §2 "Quarterly round": "a quarter opens, each party updates, the table meets, the quarter closes
 * and is frozen as a snapshot … keeps every quarter queryable ('as of Q2 2026')". Seed:
 * `001 § Afspraak 3B` ("De PPM wordt elk kwartaal geüpdatet en vanaf 1 juli 2025 in gebruik genomen").
 */
import { describe, expect, it } from 'vitest';
import {
  addKwartalen,
  compareKwartaal,
  formatKwartaal,
  isKwartaal,
  kwartaalEnd,
  kwartaalLabel,
  kwartaalStart,
  nextKwartaal,
  parseKwartaal,
  previousKwartaal,
  quarterOf,
  type Kwartaal,
} from './kwartaal.ts';

describe('SPEC §2 "Quarterly round": parsing and formatting quarters', () => {
  it.each([
    ['2026-Q4', { year: 2026, quarter: 4 }],
    ['2025-Q3', { year: 2025, quarter: 3 }],
    ['2030-Q1', { year: 2030, quarter: 1 }],
  ])('parses %s', (text, parts) => {
    expect(parseKwartaal(text)).toEqual(parts);
    expect(isKwartaal(text)).toBe(true);
    expect(formatKwartaal(parts.year, parts.quarter as 1 | 2 | 3 | 4)).toBe(text);
  });

  it.each(['2026-Q0', '2026-Q5', '2026Q4', '26-Q4', '2026-q4', ' 2026-Q4', '2026-Q4 ', 'Q4-2026', ''])('rejects %j', (text) => {
    expect(parseKwartaal(text)).toBeNull();
    expect(isKwartaal(text)).toBe(false);
  });

  it('refuses to format a year outside four digits', () => {
    expect(() => formatKwartaal(99, 1)).toThrow();
  });

  it('labels a quarter in plain Dutch', () => {
    expect(kwartaalLabel('2026-Q4')).toBe('4e kwartaal 2026');
  });
});

describe('SPEC §2 "Quarterly round": the next and previous quarter (the PPM is updated every quarter, 001 § Afspraak 3B)', () => {
  it.each<[Kwartaal, Kwartaal, Kwartaal]>([
    ['2026-Q1', '2026-Q2', '2025-Q4'],
    ['2026-Q2', '2026-Q3', '2026-Q1'],
    ['2026-Q3', '2026-Q4', '2026-Q2'],
    ['2026-Q4', '2027-Q1', '2026-Q3'],
  ])('%s → next %s, previous %s', (k, next, previous) => {
    expect(nextKwartaal(k)).toBe(next);
    expect(previousKwartaal(k)).toBe(previous);
    expect(previousKwartaal(nextKwartaal(k))).toBe(k);
  });

  it('moves several quarters at once, across years, both ways', () => {
    expect(addKwartalen('2025-Q3', 6)).toBe('2027-Q1');
    expect(addKwartalen('2025-Q3', -7)).toBe('2023-Q4');
    expect(addKwartalen('2025-Q3', 0)).toBe('2025-Q3');
  });

  it('sorts chronologically, also as plain strings', () => {
    const quarters: Kwartaal[] = ['2027-Q1', '2025-Q3', '2026-Q4', '2026-Q1'];
    expect([...quarters].sort(compareKwartaal)).toEqual(['2025-Q3', '2026-Q1', '2026-Q4', '2027-Q1']);
    expect([...quarters].sort()).toEqual([...quarters].sort(compareKwartaal));
    expect(compareKwartaal('2026-Q4', '2026-Q4')).toBe(0);
  });
});

describe('SPEC §2 "Quarterly round": the quarter of a date, and a quarter\'s first and last day', () => {
  it.each([
    ['2025-07-01', '2025-Q3'], // the PPM is in use from 1 July 2025 (001 § Afspraak 3B)
    ['2026-01-01', '2026-Q1'],
    ['2026-03-31', '2026-Q1'],
    ['2026-04-01', '2026-Q2'],
    ['2026-09-30', '2026-Q3'],
    ['2026-12-31', '2026-Q4'],
  ])('%s lies in %s', (date, k) => {
    expect(quarterOf(date)).toBe(k);
  });

  it.each<[Kwartaal, string, string]>([
    ['2026-Q1', '2026-01-01', '2026-03-31'],
    ['2026-Q2', '2026-04-01', '2026-06-30'],
    ['2026-Q3', '2026-07-01', '2026-09-30'],
    ['2026-Q4', '2026-10-01', '2026-12-31'],
  ])('%s runs from %s to %s', (k, start, end) => {
    expect(kwartaalStart(k)).toBe(start);
    expect(kwartaalEnd(k)).toBe(end);
    expect(quarterOf(start)).toBe(k);
    expect(quarterOf(end)).toBe(k);
  });
});
