import { describe, expect, it } from 'vitest';
import { excelSerialToIso, parseCount, parseCoordinate, parseDutchDate, parseYesNo } from './values.ts';

describe('plan list values (issue 13 part 1: Dutch number formats, dates in several Dutch formats; SPEC §7)', () => {
  it('reads Dutch counts: 1.234 is a thousand and more, 1.234,0 too; 12,5 is no whole number of homes', () => {
    expect(parseCount('1.234')).toEqual({ value: 1234 });
    expect(parseCount('12.345.678')).toEqual({ value: 12345678 });
    expect(parseCount('1.234,0')).toEqual({ value: 1234 });
    expect(parseCount(' 42 ')).toEqual({ value: 42 });
    expect(parseCount(-27)).toEqual({ value: -27 });
    expect(parseCount('')).toEqual({ value: null });
    expect(parseCount('-')).toEqual({ value: null });
    expect(parseCount('12,5')).toEqual({ problem: "'12,5' is geen heel aantal woningen" });
    expect(parseCount('veel')).toEqual({ problem: "'veel' is geen getal" });
    expect(parseCount('ca. 40')).toEqual({ problem: "'ca. 40' is geen getal" });
  });

  it('reads coordinates with a decimal comma or point, never as thousands', () => {
    expect(parseCoordinate('52.271640')).toEqual({ value: 52.27164 });
    expect(parseCoordinate('52.271')).toEqual({ value: 52.271 });
    expect(parseCoordinate('4,756107')).toEqual({ value: 4.756107 });
    expect(parseCoordinate('111.924,4')).toEqual({ value: 111924.4 });
  });

  it.each([
    ['15-3-2027', '2027-03-15', false],
    ['15-03-27', '2027-03-15', false],
    ['15/3/2027', '2027-03-15', false],
    ['2027-03-15', '2027-03-15', false],
    ['1 januari 2027', '2027-01-01', false],
    ['15 mrt. 2027', '2027-03-15', false],
    ['jan 2027', '2027-01-01', true],
    ['maart 2027', '2027-03-01', true],
    ['2027', '2027-01-01', true],
    ['Q3 2027', '2027-07-01', true],
    ['3e kwartaal 2027', '2027-07-01', true],
    ['2027-Q4', '2027-10-01', true],
  ])('reads the date %s as %s', (text, iso, approximate) => {
    const d = parseDutchDate(text);
    expect(d).toMatchObject({ value: iso });
    expect(Boolean((d as { approximate?: boolean }).approximate)).toBe(approximate);
  });

  it('reads Excel date cells and day numbers, and refuses what is no date', () => {
    expect(parseDutchDate(new Date(Date.UTC(2027, 2, 15)))).toEqual({ value: '2027-03-15' });
    expect(excelSerialToIso(46461)).toBe('2027-03-15');
    expect(parseDutchDate(46461)).toEqual({ value: '2027-03-15' });
    expect(parseDutchDate(2027)).toMatchObject({ value: '2027-01-01', approximate: true });
    expect(parseDutchDate('31-2-2027')).toHaveProperty('problem');
    expect(parseDutchDate('binnenkort')).toHaveProperty('problem');
  });

  it('reads yes/no cells', () => {
    expect(parseYesNo('ja')).toEqual({ value: true });
    expect(parseYesNo('Nee')).toEqual({ value: false });
    expect(parseYesNo('misschien')).toHaveProperty('problem');
  });
});
