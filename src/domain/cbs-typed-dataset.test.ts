/**
 * Reading a CBS TypedDataSet file (issue 13 item 2; SPEC §2 "Geography": CBS figures in the classification of each
 * year): quoting and padding, measures found by name prefix, months summed into a complete year, other levels skipped.
 */
import { describe, expect, it } from 'vitest';
import { parseCbsTypedDataSet, splitDelimited } from './cbs-typed-dataset.ts';

const known = { knownGemeente: (c: string) => c !== 'GM9999' };

describe('CBS TypedDataSet parsing (issue 13 item 2)', () => {
  it('splits quoted fields with separators and doubled quotes inside, CRLF or LF, and a BOM', () => {
    expect(splitDelimited('\ufeffa;"b;c";"d ""e"""\r\n1;2;3\n')).toEqual([
      ['a', 'b;c', 'd "e"'],
      ['1', '2', '3'],
    ]);
  });

  it('sums twelve months into a year (flows summed, begin of January, end of December) and maps NieuwbouwTotaal_6', () => {
    const months = Array.from(
      { length: 12 },
      (_, i) => `${i + 1};"A045364   ";"GM0363    ";"2024MM${String(i + 1).padStart(2, '0')}";"${1000 + i}";"${i + 1}";"${1001 + i}";"7"`,
    );
    const text = ['ID;Gebruiksfunctie;RegioS;Perioden;BeginstandVoorraad_1;NieuwbouwTotaal_6;EindstandVoorraad_9;Anders_12', ...months].join('\n');
    const r = parseCbsTypedDataSet(text, known);
    expect(r.table).toBe('86098NED');
    expect(r.ignoredColumns).toEqual(['Anders_12']);
    expect(r.rows).toEqual([
      expect.objectContaining({
        gemeenteCode: 'GM0363',
        year: 2024,
        basis: 'maanden',
        values: expect.objectContaining({ new_construction: 78, begin_stock: 1000, end_stock: 1012, demolition: null }),
      }),
    ]);
  });

  it('prefers the year row over its quarters, skips COROP rows, and flags a duplicate region-period and a bad period', () => {
    const text = [
      'ID;Gebruiksfunctie;RegioS;Perioden;Nieuwbouw_2',
      '1;A045364;GM0344;2021JJ00;900',
      '2;A045364;GM0344;2021KW01;1',
      '3;A045364;CR17;2021JJ00;5',
      '4;A045364;GM0344;2021JJ00;901',
      '5;A045364;GM0344;2021XX01;1',
      '6;A045364;GM0344;2021JJ00',
    ].join('\n');
    const r = parseCbsTypedDataSet(text, known);
    expect(r.rows.map((x) => [x.gemeenteCode, x.year, x.values.new_construction, x.basis])).toEqual([['GM0344', 2021, 900, 'jaar']]);
    expect(r.skipped).toEqual([{ reason: 'regio die geen gemeente, provincie of Nederland is', count: 1 }]);
    expect(r.errors.map((e) => [e.line, e.column])).toEqual([
      [5, 'RegioS/Perioden'],
      [6, 'Perioden'],
      [7, '-'],
    ]);
  });

  it('checks a PV row against the sum of its gemeenten', () => {
    const text = ['RegioS;Perioden;Nieuwbouw_2', 'GM0344;2021JJ00;900', 'GM0345;2021JJ00;100', 'PV26;2021JJ00;1001'].join('\n');
    const r = parseCbsTypedDataSet(text, { ...known, provincieOf: () => 'PV26' });
    expect(r.checks).toEqual([{ region: 'PV26', year: 2021, reported: 1001, summed: 1000, difference: -1 }]);
  });
});
