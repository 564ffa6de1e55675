import { describe, expect, it } from 'vitest';
import { homesBySegment } from '../programme.ts';
import { createGemeenteResolver } from './gemeente.ts';
import type { PlanlijstMapping } from './fields.ts';
import { createRowConverter, Tally, tallyNotes } from './rows.ts';
import { changedParts, inputOf, planRow } from './plan.ts';
import type { Project } from '../project.ts';

const resolver = createGemeenteResolver(
  [
    { code: 'GM0363', name: 'Amsterdam', provincieCode: 'PV27' },
    { code: 'GM1980', name: 'Dijk en Waard', provincieCode: 'PV27' },
    { code: 'GM0599', name: 'Rotterdam', provincieCode: 'PV28' },
  ],
  [
    {
      gemeenteCode: 'GM0398',
      gemeenteName: 'Heerhugowaard',
      year: 2022,
      effectiveDate: '2022-01-01',
      event: 'samenvoeging',
      successorCode: 'GM1980',
      successorName: 'Dijk en Waard',
      weight: 1,
      weightBasis: 'geheel',
    },
  ],
);
const columns = [
  'Plan-id',
  'Plannaam',
  'Gemeente',
  'Planstatus',
  'Aantal woningen',
  'Sociale huur',
  'Huur',
  'Koop',
  'OP202024',
  'OP2019',
  'Start bouw',
  'X',
  'Y',
];
const mapping: PlanlijstMapping = {
  source: 'test',
  fields: {
    externalId: 'Plan-id',
    name: 'Plannaam',
    gemeente: 'Gemeente',
    planStatus: 'Planstatus',
    homesTotal: 'Aantal woningen',
    'homes.sociale_huur': 'Sociale huur',
    'completions.2020-2024': 'OP202024',
    'completions.2019': 'OP2019',
    'milestones.M11.prognose': 'Start bouw',
    x: 'X',
    y: 'Y',
  },
};

function convertOne(cells: Array<string | number | null>, m: PlanlijstMapping = mapping, inScope = () => true) {
  const tally = new Tally();
  const convert = createRowConverter({ mapping: m, columns, gemeenten: resolver, inScope, today: '2026-12-02' }, tally);
  return { row: convert(cells, 7), notes: tallyNotes(tally) };
}

describe('a plan list row as a project (issue 13 part 1; SPEC §2 project, §7 clear errors naming row and column)', () => {
  it('builds the project: old gemeente name resolved, status code, RD point, period spread, Q-date', () => {
    const { row, notes } = convertOne([
      'P-1',
      'Stationskwartier',
      'Heerhugowaard',
      '2A Vastgesteld',
      '1.200',
      '300',
      '',
      '',
      '1.000',
      '200',
      'Q3 2027',
      '111924,4',
      '476145,5',
    ]);
    expect(row.problems).toEqual([]);
    expect(row.externalId).toBe('P-1');
    expect(row.input).toMatchObject({ name: 'Stationskwartier', gemeenteCode: 'GM1980', planStatus: 'vastgesteld' });
    expect(homesBySegment(row.input.programme)).toMatchObject({ sociale_huur: 300, vrije_sector_koop: 900 });
    expect(row.input.jaarschijven.reduce((s, j) => s + j.homes, 0)).toBe(1000);
    expect(new Set(row.input.jaarschijven.map((j) => j.year))).toEqual(new Set([2020, 2021, 2022, 2023, 2024]));
    expect(row.input.milestones).toEqual([expect.objectContaining({ code: 'M11', forecastDate: '2027-07-01' })]);
    expect(row.input.location!.lon).toBeCloseTo(4.756107, 4);
    expect(row.input.location!.lat).toBeCloseTo(52.27164, 4);
    expect(notes.join('\n')).toMatch(/Heerhugowaard \(GM0398\) is sinds 2022 Dijk en Waard/);
    expect(notes.join('\n')).toMatch(/vóór 2020.*1 keer, 200 woningen/);
    expect(notes.join('\n')).toMatch(/RD New/);
  });

  it('names every problem by row and column in plain Dutch', () => {
    const { row } = convertOne(['', 'Plan', 'Atlantis', 'heel hard', 'veel', '12,5', '', '', '', '', 'binnenkort', '4,9', '']);
    expect(row.problems).toEqual([
      {
        row: 7,
        column: 'Gemeente',
        problem: "gemeente 'Atlantis' bestaat niet in de gemeentelijke indeling van 2025 en is geen bekende oude gemeentenaam",
      },
      {
        row: 7,
        column: 'Planstatus',
        problem: "planstatus 'heel hard' is onbekend; neem hem op in de waardenlijst van de koppeling (values.planStatus)",
      },
      { row: 7, column: 'Aantal woningen', problem: "'veel' is geen getal; hier hoort een aantal woningen" },
      { row: 7, column: 'Sociale huur', problem: "'12,5' is geen heel aantal woningen; hier hoort een aantal woningen" },
      { row: 7, column: 'Start bouw', problem: expect.stringMatching(/^'binnenkort' is geen datum/) },
      { row: 7, column: 'Y', problem: 'de andere coördinaat ontbreekt' },
      { row: 7, column: 'Plan-id', problem: 'het project-id ontbreekt' },
    ]);
  });

  it('reads RD coordinates written with Dutch thousands points (121.000 / 487.000): the reading inside the Netherlands wins', () => {
    const { row } = convertOne(['P-9', 'Plan', 'Amsterdam', '1A', '10', '', '', '', '', '', '', '121.000', '487.000']);
    expect(row.problems).toEqual([]);
    expect(row.input.location!.lon).toBeCloseTo(4.89, 1);
    expect(row.input.location!.lat).toBeCloseTo(52.37, 1);
    const wgs = convertOne(['P-9', 'Plan', 'Amsterdam', '1A', '10', '', '', '', '', '', '', '4.895', '52.370']).row;
    expect(wgs.input.location).toEqual({ lon: 4.895, lat: 52.37 });
  });

  it('refuses a gemeente outside the scope of the importer', () => {
    const { row } = convertOne(['P-2', 'Plan', 'Rotterdam', '', '10', '', '', '', '', '', '', '', ''], mapping, () => false);
    expect(row.problems).toEqual([{ row: 7, column: 'Gemeente', problem: 'gemeente GM0599 valt buiten de gemeenten waarvoor u mag importeren' }]);
  });

  it('reports a segment split larger than the total per row, and the total wins', () => {
    const { row } = convertOne(['P-3', 'Plan', 'Amsterdam', '1A', '10', '15', '', '', '', '', '', '', '']);
    expect(row.problems).toEqual([]);
    expect(homesBySegment(row.input.programme).sociale_huur).toBe(10);
    expect(row.notes).toEqual([
      'de verdeling naar segment telt op tot 15, meer dan het totaal van 10: het totaal geldt, de verdeling is naar verhouding verkleind',
    ]);
  });

  it('maps tenure to segments by the explicit rule when the file has no segments (EIB: huur/koop only)', () => {
    const m: PlanlijstMapping = {
      source: 't',
      fields: { name: 'Plannaam', gemeente: 'Gemeente', homesTotal: 'Aantal woningen', 'tenure.huur': 'Huur', 'tenure.koop': 'Koop' },
    };
    const { row, notes } = convertOne(['', 'Plan', 'Amsterdam', '', '100', '', '40', '50', '', '', '', '', ''], m);
    expect(homesBySegment(row.input.programme)).toMatchObject({ vrije_sector_huur: 40, vrije_sector_koop: 60 });
    expect(row.externalId).toBe('GM0363:plan');
    expect(notes.join('\n')).toMatch(/huur telt als Vrije sector huur/);
  });

  it('re-importing the same row changes nothing; a changed count changes only the programme', () => {
    const { row } = convertOne(['P-1', 'Plan', 'Amsterdam', '1A', '40', '', '', '', '', '', '2027-03-01', '', '']);
    const created = planRow(row, null, new Set(['name', 'gemeenteCode', 'planStatus', 'programme', 'jaarschijven', 'milestones', 'location']));
    expect(created.kind).toBe('create');
    const stored = { ...(created as unknown as { input: Project }).input, id: 'x', version: 1 } as Project;
    const again = planRow(row, stored, new Set(['name', 'gemeenteCode', 'planStatus', 'programme', 'jaarschijven', 'milestones', 'location']));
    expect(again.kind).toBe('unchanged');
    const { row: newer } = convertOne(['P-1', 'Plan', 'Amsterdam', '1A', '45', '', '', '', '', '', '2027-03-01', '', '']);
    const next = planRow(newer, stored, new Set(['name', 'gemeenteCode', 'planStatus', 'programme', 'milestones']));
    expect(next).toMatchObject({ kind: 'update', fields: ['programma'] });
    expect(changedParts(inputOf(stored), inputOf(stored))).toEqual([]);
  });
});
