/** Rules for accounts. SPEC §7 (design: length over complexity, after NCSC/NIST guidance). */
import { ROLE_LABELS, type Role } from './access.ts';
import type { Issue } from './errors.ts';
import { gemeenteOrganisationId } from './identifiers.ts';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

/** A plain-Dutch reason why a password is not acceptable, or null. */
export function passwordProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `Kies een wachtwoord van minstens ${PASSWORD_MIN_LENGTH} tekens.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `Een wachtwoord mag hooguit ${PASSWORD_MAX_LENGTH} tekens hebben.`;
  return null;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The scope of an account: what its role acts on (SPEC §1). */
export interface AccountScope {
  organisationId: string | null;
  gemeenteCode: string | null;
  regionId: string | null;
  provincieCode: string | null;
}

/** The scope field each role needs (roles not listed need none). */
export const ROLE_SCOPE: Partial<Record<Role, keyof AccountScope>> = {
  gemeente_editor: 'gemeenteCode',
  tafel_secretaris: 'regionId',
  provincie_analist: 'provincieCode',
  marktpartij_editor: 'organisationId',
};

const SCOPE_WORD: Record<keyof AccountScope, string> = {
  gemeenteCode: 'een gemeente',
  regionId: 'een versnellingstafel',
  provincieCode: 'een provincie',
  organisationId: 'een organisatie',
};

/** What is missing from the scope for this role, as issues with the field's path (empty: the scope fits). */
export function roleScopeProblems(role: Role, scope: AccountScope): Issue[] {
  const field = ROLE_SCOPE[role];
  if (!field || scope[field]) return [];
  return [{ path: field, code: 'scope_required', message: `Iemand met de rol ${ROLE_LABELS[role]} hoort bij ${SCOPE_WORD[field]}: kies die.` }];
}

/**
 * The scope as stored for this role: fields left out are empty, and someone who works for a gemeente (the role's
 * scope is a gemeente) without a named organisation works for the gemeente itself, as with `wbm user add`.
 */
export function scopeForRole(role: Role, given: Partial<AccountScope>): AccountScope {
  const gemeenteCode = given.gemeenteCode ?? null;
  const forGemeente = ROLE_SCOPE[role] === 'gemeenteCode' && gemeenteCode !== null;
  return {
    organisationId: given.organisationId ?? (forGemeente ? gemeenteOrganisationId(gemeenteCode) : null),
    gemeenteCode,
    regionId: given.regionId ?? null,
    provincieCode: given.provincieCode ?? null,
  };
}
