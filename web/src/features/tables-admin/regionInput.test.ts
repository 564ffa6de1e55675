import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.ts';
import { problemOf, quarterChoices, quarterText, regionFormErrors, tableOf, type RegionRow } from './regionInput.ts';

const region = (id: string, codes: string[], over: Partial<RegionRow> = {}): RegionRow => ({
  id,
  kind: 'versnellingstafel',
  name: `Tafel ${id}`,
  gemeenteCodes: codes,
  isExample: false,
  synthetic: false,
  endedOn: null,
  version: 1,
  memberCount: 0,
  ...over,
});

describe('Tafels inrichten: the forms’ checks and wording (issue 11 item 1)', () => {
  it('offers the current and the next quarters, written out in Dutch', () => {
    expect(quarterChoices('2026-Q1', 3)).toEqual(['2026-Q1', '2025-Q4', '2025-Q3']);
    expect(quarterText('2027-Q1')).toBe('1e kwartaal 2027');
    expect(quarterText(null, 'Nu nog')).toBe('Nu nog');
  });

  it('checks name and gemeenten with the server’s rules, keyed by field', () => {
    const errors = regionFormErrors({ name: ' ', gemeenteCodes: [], fromQuarter: '2027-Q1' }, [], new Set(['GM0363']));
    expect(Object.keys(errors).sort()).toEqual(['gemeenteCodes', 'name']);
    expect(regionFormErrors({ gemeenteCodes: ['GM9999'], fromQuarter: '2027-Q1' }, [], new Set(['GM0363'])).gemeenteCodes).toMatch(/bestaat niet/);
  });

  it('shows the server’s field errors next to the field, a 409 without fields as stale', () => {
    const named = new ApiError(409, {
      type: 'bestaat-al',
      detail: 'In tafel X.',
      title: 'Dit bestaat al.',
      status: 409,
      errors: [{ path: 'gemeenteCodes[1]', code: 'in_other_table', message: 'In tafel X.' }],
    });
    expect(problemOf(named)).toMatchObject({ errors: { gemeenteCodes: 'In tafel X.' }, stale: false });
    expect(problemOf(new ApiError(409, { type: 'x', detail: 'Gewijzigd.', title: 'Iemand anders was u voor.', status: 409 })).stale).toBe(true);
  });

  it('names the running versnellingstafel a gemeente lies in now, not a stopped one or the table itself', () => {
    const regions = [region('a', ['GM0363']), region('b', ['GM0599'], { endedOn: '2026-12-31' })];
    expect(tableOf(regions, 'GM0363', null)?.id).toBe('a');
    expect(tableOf(regions, 'GM0363', 'a')).toBeNull();
    expect(tableOf(regions, 'GM0599', null)).toBeNull();
  });
});
