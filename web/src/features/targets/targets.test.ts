/** The Doelen page's pure parts: the area a target lies in, the filters, the figures, the form's check and the import report. */
import { describe, expect, it } from 'vitest';
import type { Target } from '../../api/types.ts';
import { emptyValues, importProblems, mapErrors, toInput, valuesOf } from './targetForm.ts';
import { areaChoices, filterTargets, formatFigure, formatPeriod, geoIndex, inArea, provincieOfTarget, sourceText } from './targetList.ts';

const index = geoIndex(
  [
    { code: 'GM0363', provincieCode: 'PV27' },
    { code: 'GM0362', provincieCode: 'PV27' },
    { code: 'GM0344', provincieCode: 'PV26' },
  ],
  [
    { id: 'amsterdam', gemeenteCodes: ['GM0363', 'GM0362'] },
    { id: 'across', gemeenteCodes: ['GM0363', 'GM0344'] },
  ],
);

function target(fields: Partial<Target>): Target {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    metric: 'woningbouw',
    unit: 'woningen',
    geoLevel: 'provincie',
    geoCode: 'PV27',
    geoName: 'Noord-Holland',
    periodStart: 2022,
    periodEnd: 2030,
    homes: 183600,
    share: null,
    kind: 'opgave',
    sourceUrl: null,
    sourceQuote: null,
    sourceRef: 'Kamerbrief Monitoring Woningbouw, 20 mei 2025',
    sourcePublished: null,
    note: null,
    isExample: false,
    preferred: true,
    version: 1,
    updatedAt: '2026-01-01T00:00:00Z',
    ...fields,
  };
}

const refs = { provincies: new Set(['PV27', 'PV26']), gemeenten: new Set(['GM0363', 'GM0362', 'GM0344']), regions: new Set(['amsterdam']) };

describe('where a target lies', () => {
  it('finds the province of a province, gemeente or region target as the server does; none for the nation or across provinces', () => {
    expect(provincieOfTarget({ geoLevel: 'provincie', geoCode: 'PV27' }, index)).toBe('PV27');
    expect(provincieOfTarget({ geoLevel: 'gemeente', geoCode: 'GM0344' }, index)).toBe('PV26');
    expect(provincieOfTarget({ geoLevel: 'region', geoCode: 'amsterdam' }, index)).toBe('PV27');
    expect(provincieOfTarget({ geoLevel: 'region', geoCode: 'across' }, index)).toBeNull();
    expect(provincieOfTarget({ geoLevel: 'nation', geoCode: 'NL01' }, index)).toBeNull();
  });

  it('gives a province analyst the targets of the province, the ministry all', () => {
    const analyst = { role: 'provincie_analist' as const, provincieCode: 'PV27' };
    expect(inArea(analyst, 'PV27')).toBe(true);
    expect(inArea(analyst, 'PV26')).toBe(false);
    expect(inArea(analyst, null)).toBe(false);
    expect(inArea({ role: 'ministerie_analist', provincieCode: null }, null)).toBe(true);
  });
});

describe('the list', () => {
  const list = [
    target({ id: 'a' }),
    target({ id: 'b', geoLevel: 'gemeente', geoCode: 'GM0363', geoName: 'Amsterdam', periodStart: 2025, periodEnd: 2025, homes: 7500 }),
    target({ id: 'c', geoLevel: 'gemeente', geoCode: 'GM0362', geoName: 'Amstelveen', periodStart: 2031, periodEnd: 2035 }),
  ];

  it('filters by level, area and a year inside the period', () => {
    expect(filterTargets(list, { level: 'gemeente', area: '', year: '' }).map((t) => t.id)).toEqual(['b', 'c']);
    expect(filterTargets(list, { level: '', area: 'gemeente:GM0363', year: '' }).map((t) => t.id)).toEqual(['b']);
    expect(filterTargets(list, { level: '', area: '', year: '2026' }).map((t) => t.id)).toEqual(['a']);
    expect(filterTargets(list, { level: '', area: '', year: '' })).toHaveLength(3);
    expect(areaChoices(list, 'gemeente').map((a) => a.name)).toEqual(['Amstelveen', 'Amsterdam']);
  });

  it('writes the period, the figure with its unit and the source by title and date', () => {
    expect(formatPeriod(list[0]!)).toBe('2022–2030');
    expect(formatPeriod(list[1]!)).toBe('2025');
    expect(formatFigure(target({ homes: 183600 }))).toBe('183.600 woningen');
    expect(formatFigure(target({ unit: 'woningen_per_jaar', homes: 20000 }))).toBe('20.000 woningen per jaar');
    expect(formatFigure(target({ unit: 'aandeel', homes: null, share: 0.3 }))).toBe('30%');
    expect(sourceText(target({}))).toBe('Kamerbrief Monitoring Woningbouw, 20 mei 2025');
    expect(sourceText(target({ sourceRef: null, sourceUrl: 'https://www.example.nl/a', sourcePublished: '2024-06-05' }))).toBe(
      'example.nl, 5 juni 2024',
    );
  });
});

describe('the form', () => {
  const filled = emptyValues({
    geoCode: 'PV27',
    geoName: 'Noord-Holland',
    periodStart: '2026',
    periodEnd: '2030',
    homes: '12.500',
    sourceRef: 'Brief',
  });

  it('turns what was typed into the API fields', () => {
    const { input, errors } = toInput(filled, refs);
    expect(errors).toEqual({});
    expect(input).toMatchObject({ geoLevel: 'provincie', geoCode: 'PV27', periodStart: 2026, periodEnd: 2030, homes: 12500, unit: 'woningen' });
  });

  it('refuses impossible values next to their field, with the server’s rule', () => {
    const { input, errors } = toInput({ ...filled, homes: '-5', periodEnd: '2020', sourceRef: '' }, refs);
    expect(input).toBeNull();
    expect(errors.homes).toMatch(/heel getal van 0 of meer/);
    expect(errors.periodEnd).toMatch(/niet voor het beginjaar/);
    expect(errors.sourceUrl).toMatch(/bron/);
    expect(toInput({ ...filled, homes: '12,5' }, refs).errors.homes).toMatch(/heel getal/);
    expect(toInput({ ...filled, geoCode: '' }, refs).errors.geoCode).toBe('Kies het gebied van het doel.');
  });

  it('takes a share as a percentage', () => {
    const { input } = toInput({ ...filled, metric: 'sociaal_aandeel', homes: '', share: '30' }, refs);
    expect(input).toMatchObject({ unit: 'aandeel', share: 0.3, homes: null });
    expect(toInput({ ...filled, metric: 'sociaal_aandeel', share: '130' }, refs).errors.share).toMatch(/tussen 0 en 100%/);
    expect(valuesOf(target({ metric: 'sociaal_aandeel', unit: 'aandeel', homes: null, share: 0.3 })).share).toBe('30');
  });

  it('places the server’s errors next to the fields, and names line and column of an import', () => {
    expect(
      mapErrors([
        { path: 'homes', code: 'x', message: 'Te veel.' },
        { path: 'id', code: 'y', message: 'Anders.' },
      ]),
    ).toEqual({
      fields: { homes: 'Te veel.' },
      other: ['Anders.'],
    });
    expect(
      importProblems([
        { path: 'rows[1].homes', code: 'not_integer', message: "Regel 3: Het aantal woningen 'veel' is geen heel getal." },
        { path: 'file', code: 'unreadable', message: 'Niet te lezen.' },
      ]),
    ).toEqual([
      { line: 3, column: 'homes', message: "Het aantal woningen 'veel' is geen heel getal." },
      { line: null, column: null, message: 'Niet te lezen.' },
    ]);
  });
});
