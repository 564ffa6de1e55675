/**
 * Removing a person's data when they leave (issue 11 item 3, "Personal data"; SPEC §7; AVG/GDPR art. 17): the
 * deactivated account is pseudonymised — name and e-mail address replaced everywhere they are kept, sign-in data,
 * sessions and API tokens removed, open invitations to their address revoked — in one transaction. The audit trail
 * stays whole: who did what keeps actor_user_id; one entry 'gepseudonimiseerd' records it, without the old values.
 *
 * Access first: src/domain/access.ts requireMayPseudonymise (administrators only); then the account rule
 * (src/domain/pseudonymise.ts: deactivated first, once).
 */
import { requireMayPseudonymise, type Principal } from '../domain/access.ts';
import type { Via } from '../domain/audit.ts';
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import { pseudonymFor, pseudonymiseProblems } from '../domain/pseudonymise.ts';
import type { AuditRepository } from '../storage/audit.repository.ts';
import type { Db } from '../storage/db.ts';
import type { PseudonymiseCounts, PseudonymiseRepository } from '../storage/pseudonymise.repository.ts';

export function createPseudonymiseService(deps: { db: Db; people: PseudonymiseRepository; audit: AuditRepository }) {
  const { db, people, audit } = deps;
  return {
    /** Pseudonymise a deactivated account (irreversible); what was removed or rewritten. */
    async pseudonymise(
      principal: Principal,
      userId: string,
      via: Via,
    ): Promise<{ id: string; name: string; email: string; pseudonymisedAt: string; removed: PseudonymiseCounts }> {
      return db.transaction(async (tx) => {
        const account = await people.target(tx, userId);
        requireMayPseudonymise(principal, account, () => new NotFoundError('Account', userId));
        const problems = pseudonymiseProblems(account);
        if (problems.length > 0) throw new ValidationError(problems);
        const pseudonym = pseudonymFor(userId);
        const removed = await people.pseudonymise(tx, account, pseudonym);
        const pseudonymisedAt = new Date().toISOString();
        await audit.append(tx, [
          {
            actorUserId: principal.userId,
            actorName: principal.name,
            via,
            entityType: 'user',
            entityId: userId,
            action: 'gepseudonimiseerd',
            // No old values: they are what is being removed.
            changes: Object.entries(removed).map(([field, n]) => ({ field, old: null, new: n })),
          },
        ]);
        return { id: userId, ...pseudonym, pseudonymisedAt, removed };
      });
    },
  };
}

export type PseudonymiseService = ReturnType<typeof createPseudonymiseService>;
