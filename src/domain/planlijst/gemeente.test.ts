import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Herindeling } from '../herindelingen.ts';
import { createGemeenteResolver } from './gemeente.ts';

const REF = join(import.meta.dirname, '..', '..', '..', 'data', 'reference');
const csv = (file: string) => Papa.parse<Record<string, string>>(readFileSync(join(REF, file), 'utf8'), { header: true, skipEmptyLines: true }).data;
const gemeenten = csv('gemeenten_2025.csv').map((g) => ({ code: g.gemeente_code!, name: g.gemeente_name!, provincieCode: g.province_code! }));
const herindelingen: Herindeling[] = csv('herindelingen_2012_2025.csv').map((h) => ({
  gemeenteCode: h.gemeente_code!,
  gemeenteName: h.gemeente_name!,
  year: Number(h.year),
  effectiveDate: h.effective_date!,
  event: h.event as Herindeling['event'],
  successorCode: h.successor_code!,
  successorName: h.successor_name!,
  weight: Number(h.weight),
  weightBasis: h.weight_basis!,
}));
const provincies = [
  { code: 'PV27', name: 'Noord-Holland' },
  { code: 'PV31', name: 'Limburg' },
  { code: 'PV21', name: 'Fryslân' },
];
const resolver = createGemeenteResolver(gemeenten, herindelingen, provincies);

describe('gemeente of a plan list row (SPEC §2 Geography; issue 13 part 1: old names from before a merger)', () => {
  it.each([
    ['Heerhugowaard', 'GM1980'],
    ['Langedijk', 'GM1980'],
    ['Weesp', 'GM0363'],
    ['Beemster', 'GM0439'],
    ['Leeuwarderadeel', 'GM0080'],
    ['Hengelo', 'GM0164'],
    ['Laren', 'GM0417'],
    ['Skarsterlân', 'GM1940'],
  ])('resolves the old or short name %s to %s with a note', (name, code) => {
    const m = resolver.byName(name);
    expect(m).toMatchObject({ code });
    expect((m as { note: string }).note).toMatch(new RegExp(code));
  });

  it('matches case, diacritics and punctuation insensitively, without a note', () => {
    expect(resolver.byName('SUDWEST FRYSLAN')).toEqual({ code: 'GM1900', note: null });
    expect(resolver.byName('Bergen (NH)')).toEqual({ code: 'GM0373', note: null });
    expect(resolver.byName("'s-gravenhage")).toEqual({ code: 'GM0518', note: null });
    expect(resolver.byName('Den Haag')).toEqual({ code: 'GM0518', note: null });
  });

  it('settles a name two gemeenten carry by the province, and asks for it otherwise', () => {
    expect(resolver.byName('Bergen', 'Noord-Holland')).toMatchObject({ code: 'GM0373' });
    expect(resolver.byName('Bergen', 'Limburg')).toMatchObject({ code: 'GM0893' });
    expect(resolver.byName('Bergen')).toEqual({
      problem: "gemeente 'Bergen' is niet eenduidig: Bergen (NH.) of Bergen (L.); geef de provincie of de gemeentecode",
    });
  });

  it('reads codes in several forms and follows old codes; refuses unknown ones and a split gemeente', () => {
    expect(resolver.byCode('GM0363')).toEqual({ code: 'GM0363', note: null });
    expect(resolver.byCode('363')).toEqual({ code: 'GM0363', note: null });
    expect(resolver.byCode('GM0398')).toMatchObject({ code: 'GM1980' });
    expect(resolver.byCode('GM9999')).toHaveProperty('problem');
    expect(resolver.byName('Boarnsterhim')).toHaveProperty('problem', expect.stringContaining('verdeeld over'));
    expect(resolver.byName('Atlantis')).toHaveProperty('problem', expect.stringContaining('bestaat niet'));
  });
});
