import { describe, expect, it } from 'vitest';
import { ANONYMOUS, canChangeNorm, type Principal, type Role } from '../../../../src/domain/access.ts';
import type { Gemeente, Provincie, Region } from '../../api/types.ts';
import { apiQuery, areaGroups, choiceParams, homeArea, outcomeText, parseChoice, parseNormPercent } from './plancapaciteit.ts';

const who = (role: Role, scope: Partial<Principal> = {}): Principal => ({
  ...ANONYMOUS,
  kind: 'user',
  userId: `u-${role}`,
  name: role,
  role,
  demo: false,
  ...scope,
});

const gemeenten = [
  { code: 'GM0363', name: 'Amsterdam', provincieCode: 'PV27' },
  { code: 'GM0362', name: 'Amstelveen', provincieCode: 'PV27' },
  { code: 'GM0344', name: 'Utrecht', provincieCode: 'PV26' },
] as Gemeente[];
const provincies = [
  { code: 'PV26', name: 'Utrecht' },
  { code: 'PV27', name: 'Noord-Holland' },
] as Provincie[];
const regions = [
  { id: 'vt-amsterdam', kind: 'versnellingstafel', name: 'Tafel Amsterdam', gemeenteCodes: ['GM0362', 'GM0363'] },
  { id: 'wd-mixed', kind: 'woondealregio', name: 'Woondeal over twee provincies', gemeenteCodes: ['GM0363', 'GM0344'] },
] as Region[];
const lists = { regions, provincies, gemeenten };
const values = (groups: ReturnType<typeof areaGroups>) => groups.flatMap((g) => g.options.map((o) => o.value));

describe('the Plancapaciteit page', () => {
  it('starts each role in the area it reads as a whole, and has nothing for a market party or the public', () => {
    expect(homeArea(who('ministerie_analist'))).toBe('nl');
    expect(homeArea(who('beheerder'))).toBe('nl');
    expect(homeArea(who('provincie_analist', { provincieCode: 'PV27' }))).toBe('provincie:PV27');
    expect(homeArea(who('tafel_secretaris', { regionId: 'vt-amsterdam' }))).toBe('vt-amsterdam');
    expect(homeArea(who('gemeente_editor', { gemeenteCode: 'GM0363' }))).toBe('gemeente:GM0363');
    expect(homeArea(who('marktpartij_editor', { organisationId: 'o1' }))).toBeNull();
    expect(homeArea(ANONYMOUS)).toBeNull();
  });

  it('offers only the areas the person may read (the server rule)', () => {
    expect(values(areaGroups(who('ministerie_analist'), lists))).toEqual([
      'nl',
      'provincie:PV26',
      'provincie:PV27',
      'vt-amsterdam',
      'wd-mixed',
      'gemeente:GM0363',
      'gemeente:GM0362',
      'gemeente:GM0344',
    ]);
    // A province analyst: the province, the table inside it, its gemeenten; not the woondeal that crosses the border.
    expect(values(areaGroups(who('provincie_analist', { provincieCode: 'PV27' }), lists))).toEqual([
      'provincie:PV27',
      'vt-amsterdam',
      'gemeente:GM0363',
      'gemeente:GM0362',
    ]);
    expect(values(areaGroups(who('gemeente_editor', { gemeenteCode: 'GM0363' }), lists))).toEqual(['gemeente:GM0363']);
    expect(values(areaGroups(null, lists))).toHaveLength(8);
  });

  it('keeps the choice in the page address, with safe defaults for missing or wrong values', () => {
    const choice = parseChoice(new URLSearchParams('gebied=provincie:PV27&vanaf=2028&uitsplitsing=gemeente'), 'nl', 2026);
    expect(choice).toEqual({ area: 'provincie:PV27', fromYear: 2028, breakdown: 'gemeente' });
    expect(choiceParams(choice, 'nl', 2026).toString()).toBe('gebied=provincie%3APV27&vanaf=2028&uitsplitsing=gemeente');
    expect(apiQuery(choice).toString()).toBe('area=provincie%3APV27&fromYear=2028&breakdown=gemeente');
    expect(parseChoice(new URLSearchParams('vanaf=abc&uitsplitsing=alles'), 'gemeente:GM0363', 2026)).toEqual({
      area: 'gemeente:GM0363',
      fromYear: 2026,
      breakdown: 'none',
    });
    expect(parseChoice(new URLSearchParams('vanaf=2099'), 'nl', 2026).fromYear).toBe(2026);
    expect(choiceParams({ area: 'nl', fromYear: 2026, breakdown: 'none' }, 'nl', 2026).toString()).toBe('');
  });

  it('says the outcome of the norm test in words', () => {
    expect(outcomeText({ need: { homes: 1000 }, norm: 1.3, meetsNorm: true, shortfall: 0 })).toBe('Voldoet aan 130%');
    expect(outcomeText({ need: { homes: 1000 }, norm: 1.3, meetsNorm: false, shortfall: 1234 })).toBe('Tekort: 1.234 woningen');
    expect(outcomeText({ need: { homes: 1000 }, norm: null, meetsNorm: null, shortfall: null })).toBe('Geen oordeel: geen norm');
    expect(outcomeText({ need: { homes: null }, norm: 1.3, meetsNorm: null, shortfall: null })).toBe('Geen oordeel: behoefte onbekend');
  });

  it('reads the norm as a percentage and refuses what the API would refuse, in Dutch', () => {
    expect(parseNormPercent('130')).toEqual({ value: 1.3 });
    expect(parseNormPercent(' 97,5 % ')).toEqual({ value: 0.975 });
    expect(parseNormPercent('110%')).toEqual({ value: 1.1 });
    expect(parseNormPercent('')).toEqual({ error: expect.stringContaining('Vul de norm in') });
    expect(parseNormPercent('veel')).toEqual({ error: expect.stringContaining('Vul alleen een getal in') });
    expect(parseNormPercent('0')).toEqual({ error: expect.stringContaining('meer dan 0%') });
    expect(parseNormPercent('600')).toEqual({ error: expect.stringContaining('boven 500%') });
    expect(parseNormPercent('-5')).toEqual({ error: expect.stringContaining('Vul alleen een getal in') });
  });
});

describe('canChangeNorm (src/domain/access.ts), which decides the norm form', () => {
  const amsterdam = { id: 'gemeente:GM0363', gemeenteCodes: ['GM0363'], provincieCodes: ['PV27'] };
  const utrecht = { id: 'provincie:PV26', gemeenteCodes: ['GM0344'], provincieCodes: ['PV26'] };

  it('lets the target editors set norms within their areas, never with a demo account', () => {
    expect(canChangeNorm(who('ministerie_analist'), utrecht)).toBe(true);
    expect(canChangeNorm(who('beheerder'), amsterdam)).toBe(true);
    expect(canChangeNorm(who('provincie_analist', { provincieCode: 'PV27' }), amsterdam)).toBe(true);
    expect(canChangeNorm(who('provincie_analist', { provincieCode: 'PV27' }), utrecht)).toBe(false);
    expect(canChangeNorm(who('ministerie_analist', { demo: true }), utrecht)).toBe(false);
    expect(canChangeNorm(who('gemeente_editor', { gemeenteCode: 'GM0363' }), amsterdam)).toBe(false);
    expect(canChangeNorm(who('tafel_secretaris', { regionId: 'vt-amsterdam' }), { ...amsterdam, id: 'vt-amsterdam' })).toBe(false);
  });
});
