/** The checks of the forms that end a plan (web/src/features/project/lifecycleInput.ts), as the server words them. */
import { describe, expect, it } from 'vitest';
import { checkReasonInput, reasonErrorsFrom } from './lifecycleInput.ts';

describe('checkReasonInput', () => {
  const options = { reasonWhat: 'het plan vervalt', dateWhat: 'De datum waarop het plan is vervallen', today: '2026-12-01' };

  it('gives the ISO date of a typed date and no errors', () => {
    expect(checkReasonInput({ reason: 'Grond niet verworven.', date: '15-11-2026' }, options)).toEqual({ errors: {}, iso: '2026-11-15' });
  });

  it('names the missing reason and date, and a date after today', () => {
    expect(checkReasonInput({ reason: '  ', date: '' }, options).errors).toEqual({
      reason: 'Vul de reden in waarom het plan vervalt.',
      date: 'Vul de datum in als dag-maand-jaar, bijvoorbeeld 15-11-2026.',
    });
    expect(checkReasonInput({ reason: 'x', date: '02-12-2026' }, options).errors.date).toContain('ligt na vandaag');
  });

  it('asks for no date when the form has none (making a plan active again)', () => {
    expect(checkReasonInput({ reason: 'Toch door.' }, { reasonWhat: 'het plan weer actief wordt' })).toEqual({ errors: {}, iso: null });
  });
});

describe('reasonErrorsFrom', () => {
  it('puts the server messages next to reason and date, the rest in general', () => {
    expect(
      reasonErrorsFrom([
        { path: 'reason', code: 'required', message: 'Vul de reden in.' },
        { path: 'date', code: 'date_in_future', message: 'Te laat.' },
        { path: 'version', code: 'already_withdrawn', message: 'Al vervallen.' },
      ]),
    ).toEqual({ reason: 'Vul de reden in.', date: 'Te laat.', general: 'Al vervallen.' });
  });
});
