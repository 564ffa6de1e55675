/**
 * Pseudonymisation when someone leaves (issue 11 item 3, "Personal data"; SPEC §7). The account stays, so the audit
 * trail keeps who did what (actor_user_id), but the person's name, e-mail address and sign-in data go: AVG/GDPR
 * art. 17 (erasure) and art. 5(1)(e) (storage limitation). Irreversible.
 */
import type { Issue } from './errors.ts';

/** What replaces a person's name and e-mail address: the same for the same account, unique as the e-mail must be. */
export function pseudonymFor(userId: string): { name: string; email: string } {
  return { name: `Voormalig gebruiker ${userId.slice(0, 8)}`, email: `verwijderd-${userId}@invalid` };
}

/** Has this account been pseudonymised already (its e-mail address is its pseudonym)? */
export const isPseudonymised = (account: { id: string; email: string }): boolean => account.email === pseudonymFor(account.id).email;

/**
 * May this account be pseudonymised now? Only a deactivated one (first the person loses access, with its own audit
 * entry; then their data goes), and only once. The problems (422, Dutch), none when it may.
 */
export function pseudonymiseProblems(account: { id: string; email: string; disabled: boolean }): Issue[] {
  if (isPseudonymised(account)) {
    return [{ path: 'userId', code: 'already_pseudonymised', message: 'De gegevens van dit account zijn al verwijderd.' }];
  }
  if (!account.disabled) {
    return [
      {
        path: 'userId',
        code: 'not_deactivated',
        message: 'Zet het account eerst uit. Daarna kunt u de gegevens van deze persoon verwijderen.',
      },
    ];
  }
  return [];
}
