import { describe, expect, it } from 'vitest';
import { EMPTY_FORM, matchesSearch, organisationBody } from './organisationInput.ts';

describe('the register form (checked before sending, with Dutch messages per field)', () => {
  it('sends a market party with a KvK number typed with spaces as 8 digits', () => {
    expect(organisationBody({ name: ' De Bouwers BV ', type: 'ontwikkelaar', kvkNumber: '1234 5678', website: '' })).toEqual({
      body: { name: 'De Bouwers BV', type: 'ontwikkelaar', kvkNumber: '12345678', website: null },
    });
  });

  it('names every wrong field and sends nothing', () => {
    const result = organisationBody({ ...EMPTY_FORM, kvkNumber: '1234567', website: 'bouwers' });
    expect(result).toEqual({
      errors: {
        name: 'Vul de naam van de organisatie in.',
        type: 'Kies wat voor organisatie het is.',
        kvkNumber: expect.stringContaining('8 cijfers'),
        website: expect.stringContaining('https://'),
      },
    });
    expect('errors' in organisationBody({ name: 'Gemeente X', type: 'gemeente', kvkNumber: '', website: '' })).toBe(true);
  });

  it('finds organisations by part of the name or of the KvK number', () => {
    const org = { name: 'Woonstichting Noord', kvkNumber: '87654321' };
    expect(matchesSearch(org, 'noord')).toBe(true);
    expect(matchesSearch(org, '8765')).toBe(true);
    expect(matchesSearch(org, 'zuid')).toBe(false);
    expect(matchesSearch({ name: 'X', kvkNumber: null }, '123')).toBe(false);
  });
});
