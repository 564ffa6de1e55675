/** SPEC §7: every change is traceable — which fields, old and new value. */
import { describe, expect, it } from 'vitest';
import { diffFields } from './audit.ts';

describe('diffFields (SPEC §7 audit trail: which fields, old and new value)', () => {
  it('lists changed leaf fields with dotted paths and leaves unchanged ones out', () => {
    expect(diffFields({ name: 'A', planStatus: 'visie', flags: ['nplv'] }, { name: 'B', planStatus: 'visie', flags: ['nplv'] })).toEqual([
      { field: 'name', old: 'A', new: 'B' },
    ]);
  });

  it('compares milestones by code, so moving one forecast names exactly that field', () => {
    const before = {
      milestones: [
        { code: 'M11', forecastDate: '2027-01-01' },
        { code: 'M12', forecastDate: '2028-06-01' },
      ],
    };
    const after = {
      milestones: [
        { code: 'M12', forecastDate: '2028-10-15' },
        { code: 'M11', forecastDate: '2027-01-01' },
      ],
    };
    expect(diffFields(before, after)).toEqual([{ field: 'milestones.M12.forecastDate', old: '2028-06-01', new: '2028-10-15' }]);
  });

  it('keys parties by organisation and role, so a second role of the same organisation is seen', () => {
    const before = { parties: [{ organisationId: 'o1', role: 'ontwikkelaar' }] };
    const after = {
      parties: [
        { organisationId: 'o1', role: 'ontwikkelaar' },
        { organisationId: 'o1', role: 'bouwer' },
      ],
    };
    expect(diffFields(before, after)).toEqual([{ field: 'parties.o1/bouwer', old: null, new: { organisationId: 'o1', role: 'bouwer' } }]);
  });

  it('keys jaarschijven by year and segment and programme lines by segment, type and target group', () => {
    const before = {
      jaarschijven: [{ year: 2028, segment: 'middenhuur', homes: 10 }],
      programme: [{ segment: 'middenhuur', woningtype: 'gestapeld', doelgroep: 'regulier', homes: 10 }],
    };
    const after = {
      jaarschijven: [{ year: 2028, segment: 'middenhuur', homes: 12 }],
      programme: [{ segment: 'middenhuur', woningtype: 'gestapeld', doelgroep: 'regulier', homes: 12 }],
    };
    expect(diffFields(before, after).map((c) => c.field)).toEqual([
      'jaarschijven.2028/middenhuur.homes',
      'programme.middenhuur/gestapeld/regulier.homes',
    ]);
  });

  it('records creation and deletion as changes from and to nothing', () => {
    expect(diffFields({}, { name: 'Nieuw' })).toEqual([{ field: 'name', old: null, new: 'Nieuw' }]);
    expect(diffFields({ name: 'Weg' }, {})).toEqual([{ field: 'name', old: 'Weg', new: null }]);
  });
});
