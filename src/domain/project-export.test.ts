import { describe, expect, it } from 'vitest';
import { csvCell, csvHeader, exportColumns, jaarschijfHeader, milestoneHeader, neutraliseFormula, restoreFormulaText } from './project-export.ts';

describe('project export columns (SPEC §7, issue 13 part 4: the planlijst contract)', () => {
  it('names jaarschijf and milestone columns as the contract does', () => {
    expect(jaarschijfHeader({ year: 2027, segment: 'sociale_huur' })).toBe('Oplevering 2027 sociale huur');
    expect(milestoneHeader('M11', 'prognose')).toBe('M11 Start bouw – prognose');
  });

  it('has 36 milestone date columns and only the jaarschijf columns asked for, by year then segment order', () => {
    const headers = exportColumns([
      { year: 2028, segment: 'sociale_huur' },
      { year: 2027, segment: 'vrije_sector_koop' },
      { year: 2027, segment: 'middenhuur' },
    ]).map((c) => c.header);
    expect(headers.filter((h) => / – (basis|prognose|gerealiseerd)$/.test(h))).toHaveLength(36);
    expect(headers.filter((h) => h.startsWith('Oplevering '))).toEqual([
      'Oplevering 2027 middenhuur',
      'Oplevering 2027 vrije sector koop',
      'Oplevering 2028 sociale huur',
    ]);
    expect(new Set(headers).size).toBe(headers.length);
  });

  it('writes cells for Dutch Excel: decimal comma, ISO dates, quoted separators, no formulas', () => {
    expect(csvCell(52.370216, { decimals: 6 })).toBe('52,370216');
    expect(csvCell(1234, {})).toBe('1234');
    expect(csvCell({ date: '2027-03-01' }, {})).toBe('2027-03-01');
    expect(csvCell(null, {})).toBe('');
    expect(csvCell('Wijk; fase "2"', {})).toBe('"Wijk; fase ""2"""');
    expect(csvCell('=HYPERLINK("x")', {})).toBe(`"'=HYPERLINK(""x"")"`);
    expect(neutraliseFormula('-5 woningen')).toBe("'-5 woningen");
    expect(neutraliseFormula('Zuidas')).toBe('Zuidas');
    for (const text of ['=1+1', '+31', '-Zuid', '@home', 'Zuidas', "'s-Hertogenbosch"])
      expect(restoreFormulaText(neutraliseFormula(text))).toBe(text);
    expect(csvHeader(exportColumns([])).startsWith('Project-id;Projectnaam;Gemeentecode;Gemeente;')).toBe(true);
  });
});
