import { describe, expect, it } from 'vitest';
import { normaliseHeader, suggestField, suggestMapping } from './headers.ts';
import { fieldKind, mappingProblems } from './fields.ts';

describe('plan list headers and automatic mapping (issue 13 part 1: suggestions for common Dutch headers)', () => {
  it('normalises case, diacritics and punctuation', () => {
    expect(normaliseHeader('  Aantal_woningen (totaal) ')).toBe('aantal woningen totaal');
    expect(normaliseHeader('Súdwest-Fryslân')).toBe('sudwest fryslan');
  });

  it.each([
    ['Gemeente', 'gemeente'],
    ['Gemeentenaam', 'gemeente'],
    ['Gem_naam', 'gemeente'],
    ['Gemeentecode', 'gemeenteCode'],
    ['Projectnaam', 'name'],
    ['Plannaam', 'name'],
    ['Naam', 'name'],
    ['Aantal woningen', 'homesTotal'],
    ['Aantalrest', 'homesTotal'],
    ['Totaal', 'homesTotal'],
    ['Sociale huur', 'homes.sociale_huur'],
    ['Middenhuur', 'homes.middenhuur'],
    ['Huur', 'tenure.huur'],
    ['KOOP', 'tenure.koop'],
    ['HRKPONB', 'tenure.onbekend'],
    ['WTYPGGB', 'woningtype.grondgebonden'],
    ['Start bouw', 'milestones.M11.prognose'],
    ['Planstatus', 'planStatus'],
    ['Hardheid', 'planStatus'],
    ['PSlegenda', 'planStatus'],
    ['Plantype', 'origin'],
    ['OBJECTID', 'externalId'],
    ['Projectnummer', 'externalId'],
    ['Plan-id', 'externalId'],
    ['X', 'x'],
    ['RD-X', 'x'],
    ['Lat', 'y'],
    ['Oplevering 2020-2024', 'completions.2020-2024'],
    ['OP202024', 'completions.2020-2024'],
    ['Op202529', 'completions.2025-2029'],
    ['Op20302050', 'completions.2030-2050'],
    ['OP2019', 'completions.2019'],
    ['OPLONB', 'completions.onbekend'],
    ['Oplevering 2027', 'completions.2027'],
    ['Oplevering 2027 sociale huur', 'completions.2027.sociale_huur'],
    ['M11 Start bouw – prognose', 'milestones.M11.prognose'],
    ['M07 Omgevingsplan onherroepelijk – gerealiseerd', 'milestones.M07.gerealiseerd'],
    ['Fase', null],
    ['Provinciecode', null],
  ])('suggests %s → %s', (header, field) => {
    expect(suggestField(header)).toBe(field);
    if (field) expect(fieldKind(field)).not.toBeNull();
  });

  it('maps every imported column of the register export without a mapping file (EXPORT-COLUMNS contract)', () => {
    const exportColumns = [
      'Project-id',
      'Projectnaam',
      'Gemeentecode',
      'Gemeente',
      'Provinciecode',
      'Planstatus',
      'Herkomst',
      'Kenmerken',
      'Omschrijving',
      'Fase',
      'Status',
      'Woningen totaal',
      'Sociale huur',
      'Middenhuur',
      'Betaalbare koop',
      'Vrije sector huur',
      'Vrije sector koop',
      'Grondgebonden',
      'Gestapeld',
      'Doelgroep ouderen',
      'Doelgroep studenten',
      'Doelgroep flex',
      'Doelgroep woonzorg',
      'Oplevering 2027 sociale huur',
      'M11 Start bouw – basis',
      'M11 Start bouw – prognose',
      'M11 Start bouw – gerealiseerd',
      'Lengtegraad',
      'Breedtegraad',
      'Demogegevens (verzonnen)',
    ];
    const m = suggestMapping(exportColumns, 'export');
    expect(m.fields).toMatchObject({
      externalId: 'Project-id',
      name: 'Projectnaam',
      gemeenteCode: 'Gemeentecode',
      gemeente: 'Gemeente',
      planStatus: 'Planstatus',
      origin: 'Herkomst',
      flags: 'Kenmerken',
      description: 'Omschrijving',
      homesTotal: 'Woningen totaal',
      'homes.sociale_huur': 'Sociale huur',
      'homes.vrije_sector_koop': 'Vrije sector koop',
      'woningtype.grondgebonden': 'Grondgebonden',
      'woningtype.gestapeld': 'Gestapeld',
      'doelgroep.student': 'Doelgroep studenten',
      'completions.2027.sociale_huur': 'Oplevering 2027 sociale huur',
      'milestones.M11.basis': 'M11 Start bouw – basis',
      'milestones.M11.gerealiseerd': 'M11 Start bouw – gerealiseerd',
      x: 'Lengtegraad',
      y: 'Breedtegraad',
      synthetic: 'Demogegevens (verzonnen)',
    });
    expect(Object.values(m.fields)).not.toContain('Fase');
    expect(mappingProblems(m, exportColumns)).toEqual([]);
  });

  it('prefers WGS84 over RD columns and gives a column to one field only', () => {
    const m = suggestMapping(['RD-X', 'RD-Y', 'Lon', 'Lat', 'Naam', 'Plan'], 's');
    expect(m.fields).toMatchObject({ x: 'Lon', y: 'Lat', name: 'Naam' });
  });

  it('names wrong headers in a mapping in plain Dutch', () => {
    expect(mappingProblems({ source: 's', fields: { name: 'Projectnaam', gemeente: 'Gemeent', bogus: 'X' } }, ['Projectnaam', 'X'])).toEqual([
      "Kolom 'Gemeent' (voor gemeente) staat niet in het bestand.",
      "'bogus' is geen veld van het register.",
    ]);
  });
});
