/** Rules for accounts. SPEC §7 (design: length over complexity, after NCSC/NIST guidance). */

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
