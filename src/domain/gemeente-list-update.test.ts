/**
 * Planning a gemeente-list update (issue 13 item 5; SPEC §2 "Geography"): a split sends projects to the largest
 * successor and says so; a successor outside the new list, a bad date or an unknown province is an error with its line.
 */
import { describe, expect, it } from 'vitest';
import { planGemeenteListUpdate } from './gemeente-list-update.ts';

const rows = (text: string) => text.split('\n').map((l) => l.split(','));
const LIST_HEADER = 'gemeente_code,gemeente_name,province_code,corop_code,corop_name';
const H_HEADER = 'gemeente_code,gemeente_name,year,effective_date,event,successor_code,successor_name,weight,weight_basis';
const current = [
  { code: 'GM0001', name: 'Oud' },
  { code: 'GM0002', name: 'Groot' },
  { code: 'GM0003', name: 'Klein' },
];

describe('gemeente-list update plan (issue 13 item 5)', () => {
  it('a split: projects to the successor with the largest share, marked for a check', () => {
    const plan = planGemeenteListUpdate({
      gemeentenRows: rows(`${LIST_HEADER}\nGM0002,Groot,PV25,CR1,X\nGM0003,Klein,PV25,CR1,X`),
      herindelingenRows: rows(
        `${H_HEADER}\nGM0001,Oud,2027,2027-01-01,opsplitsing,GM0002,Groot,300,inwoners\nGM0001,Oud,2027,2027-01-01,opsplitsing,GM0003,Klein,100,inwoners`,
      ),
      current,
      knownHerindelingen: [],
      provincieCodes: new Set(['PV25']),
    });
    expect(plan.errors).toEqual([]);
    expect(plan.ended).toEqual([
      {
        code: 'GM0001',
        name: 'Oud',
        endedOn: '2027-01-01',
        successors: [
          { code: 'GM0002', share: 0.75 },
          { code: 'GM0003', share: 0.25 },
        ],
        projectsTo: 'GM0002',
        split: true,
      },
    ]);
  });

  it('names the line and column of a bad date, an unknown province and a successor outside the new list', () => {
    const plan = planGemeenteListUpdate({
      gemeentenRows: rows(`${LIST_HEADER}\nGM0002,Groot,PV99,CR1,X\nGM0003,Klein,PV25,CR1,X`),
      herindelingenRows: rows(
        `${H_HEADER}\nGM0001,Oud,2027,1-1-2027,samenvoeging,GM0002,Groot,1,geheel\nGM0001,Oud,2027,2027-01-01,samenvoeging,GM0009,Nergens,1,geheel`,
      ),
      current,
      knownHerindelingen: [],
      provincieCodes: new Set(['PV25']),
    });
    expect(plan.errors.map((e) => [e.file, e.line, e.column])).toEqual([
      ['gemeenten', 2, 'province_code'],
      ['herindelingen', 2, 'effective_date'],
      ['herindelingen', 0, 'gemeente_code'],
      ['herindelingen', 0, 'successor_code'],
    ]);
  });
});
