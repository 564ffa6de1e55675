/** Pseudonyms and when an account may be pseudonymised (issue 11 item 3; SPEC §7). */
import { describe, expect, it } from 'vitest';
import { isPseudonymised, pseudonymFor, pseudonymiseProblems } from './pseudonymise.ts';

const id = '0a1b2c3d-1111-4222-8333-444455556666';

describe('pseudonymFor', () => {
  it('names a former user by the start of the id; the e-mail stays unique and is never delivered', () => {
    expect(pseudonymFor(id)).toEqual({ name: 'Voormalig gebruiker 0a1b2c3d', email: `verwijderd-${id}@invalid` });
  });
});

describe('pseudonymiseProblems', () => {
  it('an active account is deactivated first; a pseudonymised one is not done twice', () => {
    expect(pseudonymiseProblems({ id, email: 'jan@example.nl', disabled: false }).map((p) => p.code)).toEqual(['not_deactivated']);
    expect(pseudonymiseProblems({ id, email: 'jan@example.nl', disabled: true })).toEqual([]);
    const done = { id, email: pseudonymFor(id).email, disabled: true };
    expect(isPseudonymised(done)).toBe(true);
    expect(pseudonymiseProblems(done).map((p) => p.code)).toEqual(['already_pseudonymised']);
  });
});
