/** The audit entry of a change to a project or one of its parts (SPEC §7: every change in the audit log). */
import { diffFields, type Actor } from '../domain/audit.ts';
import type { Queryable } from '../storage/db.ts';
import type { AuditRepository } from '../storage/audit.repository.ts';

/** Appends one audit entry in the caller's transaction: who, how, what changed from `before` to `after`. */
export function projectChangeRecorder(audit: AuditRepository) {
  return async function record(
    tx: Queryable,
    actor: Actor,
    entityType: string,
    entityId: string,
    action: string,
    before: unknown,
    after: unknown,
    projectId = entityId,
  ): Promise<void> {
    await audit.append(tx, [
      {
        projectId,
        actorUserId: actor.principal.userId,
        actorName: actor.principal.name,
        via: actor.via,
        entityType,
        entityId,
        action,
        changes: diffFields(before, after),
      },
    ]);
  };
}
