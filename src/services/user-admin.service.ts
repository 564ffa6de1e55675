/**
 * People management (issue 11 items 3 and 5; SPEC §1, §7): list the accounts, change a person's role and scope
 * (optimistic locking), deactivate and reactivate. Administrators manage everyone; a province analyst and a table
 * secretary the people within their area (src/domain/access.ts canAssignRoleScope, over the facts of people-facts.ts). Deactivating ends all the person's sessions and
 * API tokens in the same transaction. Every change is written to the audit trail; every method asks
 * src/domain/access.ts first.
 */
import {
  canManagePerson,
  requireMayAssignRoleScope,
  requireMayManageUser,
  requireMayManageUsers,
  requireNotOwnAccount,
  type Principal,
  type Role,
} from '../domain/access.ts';
import { roleScopeProblems, scopeForRole, type AccountScope } from '../domain/account.ts';
import { diffFields, type Via } from '../domain/audit.ts';
import { ConflictError, NotFoundError, ValidationError, type Issue } from '../domain/errors.ts';
import type { SessionCache } from './auth/session-cache.ts';
import type { AuditRepository } from '../storage/audit.repository.ts';
import type { Db, Queryable } from '../storage/db.ts';
import type { AccountRow, UserAdminRepository } from '../storage/user-admin.repository.ts';
import type { PeopleFacts } from './people-facts.ts';

export interface RoleScopeChange extends Partial<AccountScope> {
  version: number;
  role: Role;
}

export const UNKNOWN_SCOPE: Record<keyof AccountScope, string> = {
  organisationId: 'Deze organisatie bestaat niet.',
  gemeenteCode: 'Deze gemeente bestaat niet.',
  regionId: 'Deze versnellingstafel of regio bestaat niet.',
  provincieCode: 'Deze provincie bestaat niet.',
};

const scopeOf = (a: AccountScope): AccountScope => ({
  organisationId: a.organisationId,
  gemeenteCode: a.gemeenteCode,
  regionId: a.regionId,
  provincieCode: a.provincieCode,
});

export function createUserAdminService(deps: {
  db: Db;
  users: UserAdminRepository;
  audit: AuditRepository;
  facts: PeopleFacts;
  /** The sessions looked up recently (src/services/auth/session-cache.ts): dropped when an account changes. */
  sessions?: Pick<SessionCache<unknown>, 'clear'>;
  /** The API tokens looked up recently (the same kind of cache): likewise. */
  tokens?: Pick<SessionCache<unknown>, 'clear'>;
}) {
  const { db, users, audit, facts } = deps;
  /** After an account changed: its sessions and API tokens are looked up again with the next request. */
  const changed = <T>(result: T): T => {
    deps.sessions?.clear();
    deps.tokens?.clear();
    return result;
  };
  const notFound = (id: string) => () => new NotFoundError('Account', id);

  async function auditAccount(q: Queryable, principal: Principal, via: Via, userId: string, action: string, changes: ReturnType<typeof diffFields>) {
    await audit.append(q, [{ actorUserId: principal.userId, actorName: principal.name, via, entityType: 'user', entityId: userId, action, changes }]);
  }

  /** Load and lock the account inside the transaction, after the access rules. */
  async function lockedAccount(tx: Queryable, principal: Principal, userId: string): Promise<AccountRow> {
    const account = await users.byId(tx, userId, true);
    const factsOf = await facts.load(tx);
    requireMayManageUser(principal, account && { ...account, ...factsOf(account) }, notFound(userId));
    return account as AccountRow;
  }

  async function setDisabled(principal: Principal, userId: string, disabled: boolean, via: Via) {
    requireMayManageUsers(principal);
    if (disabled) requireNotOwnAccount(principal, userId, 'deactivate');
    const result = await db.transaction(async (tx) => {
      const account = await lockedAccount(tx, principal, userId);
      if (account.disabled === disabled) return account;
      await users.setDisabled(tx, userId, disabled);
      const ended = disabled ? { sessions: await users.endAllSessions(tx, userId), tokens: await users.revokeAllTokens(tx, userId) } : null;
      await auditAccount(tx, principal, via, userId, disabled ? 'uitgezet' : 'weer aangezet', [
        { field: 'disabled', old: account.disabled, new: disabled },
        ...(ended
          ? [
              { field: 'sessionsEnded', old: null, new: ended.sessions },
              { field: 'apiTokensRevoked', old: null, new: ended.tokens },
            ]
          : []),
      ]);
      return (await users.byId(tx, userId))!;
    });
    return changed(result);
  }

  return {
    /**
     * Every account the principal may manage: an administrator all (a demo administrator the demo accounts only), a
     * province analyst and a table secretary those within their area. Never a secret.
     */
    async list(principal: Principal): Promise<AccountRow[]> {
      requireMayManageUsers(principal);
      const factsOf = await facts.load(db);
      return (await users.list(db)).filter((a) => canManagePerson(principal, factsOf(a)));
    },

    /**
     * Change role and scope. The scope is given whole (fields left out become empty); it must fit the role (a
     * gemeente editor a gemeente, a table secretary a table, a province analyst a province, a market party's editor
     * an organisation) and exist. A gemeente editor without an organisation works for the gemeente itself, as with
     * `wbm user add`. Stale version: 409, nothing changes.
     */
    async changeRoleScope(principal: Principal, userId: string, change: RoleScopeChange, via: Via): Promise<AccountRow> {
      requireMayManageUsers(principal);
      const scope = scopeForRole(change.role, change);
      const result = await db.transaction(async (tx) => {
        const account = await lockedAccount(tx, principal, userId);
        requireNotOwnAccount(principal, userId, { from: account.role, to: change.role });
        const issues: Issue[] = [
          ...roleScopeProblems(change.role, scope),
          ...(await users.unknownScope(tx, scope)).map((field) => ({ path: field, code: 'unknown', message: UNKNOWN_SCOPE[field] })),
        ];
        if (issues.length > 0) throw new ValidationError(issues);
        // Nobody gives a role or scope they could not invite someone to.
        requireMayAssignRoleScope(principal, (await facts.load(tx))({ role: change.role, ...scope, isDemo: account.isDemo }));
        const version = await users.updateRoleScope(tx, userId, change.version, change.role, scope);
        if (version === null) {
          throw new ConflictError(
            `Iemand anders heeft dit account intussen gewijzigd (nu versie ${account.version}). Laad het opnieuw.`,
            account.version,
          );
        }
        const changes = diffFields({ role: account.role, ...scopeOf(account) }, { role: change.role, ...scope });
        if (changes.length > 0) await auditAccount(tx, principal, via, userId, 'rol of bereik gewijzigd', changes);
        return (await users.byId(tx, userId))!;
      });
      return changed(result);
    },

    /** Deactivate: the person can no longer sign in, and all their sessions and API tokens end at once. Not one's own account. */
    deactivate: (principal: Principal, userId: string, via: Via) => setDisabled(principal, userId, true, via),

    /** Reactivate: the person can sign in again (ended sessions and revoked tokens stay ended). */
    reactivate: (principal: Principal, userId: string, via: Via) => setDisabled(principal, userId, false, via),
  };
}

export type UserAdminService = ReturnType<typeof createUserAdminService>;
