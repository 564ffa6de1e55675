/**
 * Invitations (issue 11 item 3; SPEC §1, §7): someone who manages people invites a person by e-mail for a role and
 * scope they may give (src/domain/access.ts requireMayAssignRoleScope); the person opens the one-time link, chooses a
 * password (or signs in with their organisation account) and so gets that account, signed in at once. Only the
 * token's hash is stored; the link is mailed, or, without mail, given to the inviter to pass on. Every step is in the
 * audit trail.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import {
  createsSynthetic,
  requireMayAssignRoleScope,
  requireMayManageInvitation,
  requireMayManageUsers,
  canAssignRoleScope,
  canSeeOrganisation,
  invitableRoles,
  ROLE_LABELS,
  type Principal,
  type Role,
} from '../domain/access.ts';
import { normaliseEmail, passwordProblem, ROLE_SCOPE, roleScopeProblems, scopeForRole, type AccountScope } from '../domain/account.ts';
import type { FieldChange, Via } from '../domain/audit.ts';
import { DuplicateError, GoneError, NotFoundError, ValidationError, type Issue } from '../domain/errors.ts';
import { POLICY } from '../domain/policy.ts';
import type { AccountRepository, UserRow } from '../storage/account.repository.ts';
import type { AuditRepository } from '../storage/audit.repository.ts';
import type { Db, Queryable } from '../storage/db.ts';
import type { InvitationRepository, InvitationRow } from '../storage/invitation.repository.ts';
import type { UserAdminRepository } from '../storage/user-admin.repository.ts';
import { hashPassword, type ScryptCost } from './auth/passwords.ts';
import { sha256 } from './auth/auth.service.ts';
import { invitationMail } from './mail/invitation-mail.ts';
import type { Mailer } from './mail/mailer.service.ts';
import type { PeopleGeographyRepository } from '../storage/people-geography.repository.ts';
import type { PeopleFacts } from './people-facts.ts';
import { UNKNOWN_SCOPE } from './user-admin.service.ts';

export interface InvitationInput extends Partial<AccountScope> {
  email: string;
  name: string;
  role: Role;
}

/** An invitation as its inviter and the people page see it (never the token). */
export type Invitation = Omit<InvitationRow, 'acceptedUserId'>;

/** What the person invited sees before accepting (no sign-in needed; the token is the key). */
export interface InvitationPreview {
  name: string;
  email: string;
  role: Role;
  roleLabel: string;
  invitedByName: string | null;
  scopeName: string | null;
  expiresAt: string;
}

const DAY_MS = 24 * 3600_000;
const newToken = () => randomBytes(32).toString('base64url');
const scopeName = (i: InvitationRow) => i.gemeenteName ?? i.regionName ?? i.organisationName ?? i.provincieName;
const publicView = ({ acceptedUserId: _used, ...rest }: InvitationRow): Invitation => rest;

/** Why a link no longer works, in plain Dutch; null when it still does. */
function goneReason(i: InvitationRow, now: number): string | null {
  if (i.acceptedAt) return 'Deze uitnodiging is al gebruikt. U kunt inloggen met het account dat u toen heeft gemaakt.';
  if (i.revokedAt) return 'Deze uitnodiging is ingetrokken. Vraag degene die u uitnodigde om een nieuwe.';
  if (Date.parse(i.expiresAt) <= now) return 'Deze uitnodiging is verlopen. Vraag degene die u uitnodigde om een nieuwe.';
  return null;
}

export function createInvitationService(deps: {
  db: Db;
  invitations: InvitationRepository;
  accounts: AccountRepository;
  users: UserAdminRepository;
  facts: PeopleFacts;
  geography: PeopleGeographyRepository;
  audit: AuditRepository;
  mailer: Mailer;
  scryptCost: ScryptCost;
  /** Base URL for links (PUBLIC_URL); null: the origin of the request. */
  publicUrl: string | null;
  now?: () => number;
}) {
  const { db, invitations, accounts, users, facts, audit, mailer } = deps;
  const now = deps.now ?? Date.now;
  const unknownLink = () => new NotFoundError('Uitnodiging', 'deze link');

  async function record(
    q: Queryable,
    actor: { userId: string | null; name: string },
    via: Via,
    entity: string,
    id: string,
    action: string,
    changes: FieldChange[],
  ) {
    await audit.append(q, [{ actorUserId: actor.userId, actorName: actor.name, via, entityType: entity, entityId: id, action, changes }]);
  }

  /** The invitation of a link that still works (404 unknown, 410 used, withdrawn or expired). */
  async function usable(q: Queryable, token: string): Promise<InvitationRow> {
    const invitation = await invitations.byTokenHash(q, sha256(token));
    if (!invitation) throw unknownLink();
    const gone = goneReason(invitation, now());
    if (gone) throw new GoneError(gone);
    return invitation;
  }

  /** The account of an accepted invitation, made inside the transaction; the invitation is then used (once). */
  async function createAccount(
    tx: Queryable,
    invitation: InvitationRow,
    login: { passwordHash: string | null; oidcIssuer?: string; oidcSubject?: string },
  ) {
    if (await accounts.userByEmail(tx, invitation.email)) {
      throw new DuplicateError([{ path: 'email', code: 'duplicate', message: 'Er is al een account met dit e-mailadres. Log in met dat account.' }]);
    }
    const id = randomUUID();
    await accounts.insertUser(tx, {
      id,
      email: invitation.email,
      name: invitation.name,
      role: invitation.role,
      organisationId: invitation.organisationId,
      gemeenteCode: invitation.gemeenteCode,
      regionId: invitation.regionId,
      provincieCode: invitation.provincieCode,
      isDemo: invitation.isDemo,
      passwordHash: login.passwordHash,
      oidcIssuer: login.oidcIssuer ?? null,
      oidcSubject: login.oidcSubject ?? null,
    });
    if (!(await invitations.markAccepted(tx, invitation.id, id))) throw new GoneError('Deze uitnodiging is net al gebruikt of ingetrokken.');
    const actor = { userId: id, name: invitation.name };
    await record(tx, actor, 'ui', 'uitnodiging', invitation.id, 'geaccepteerd', [{ field: 'acceptedUserId', old: null, new: id }]);
    await record(tx, actor, 'ui', 'user', id, 'aangemaakt via uitnodiging', [
      { field: 'role', old: null, new: invitation.role },
      ...(['organisationId', 'gemeenteCode', 'regionId', 'provincieCode'] as const)
        .filter((f) => invitation[f] !== null)
        .map((f) => ({ field: f, old: null, new: invitation[f] })),
      { field: 'invitationId', old: null, new: invitation.id },
    ]);
    return (await accounts.userById(tx, id))!;
  }

  return {
    /**
     * Invite someone. The scope must fit the role and exist (422 with the field), be one the principal may give
     * (403), and the address may not have an account yet (409 on 'email'). The mail goes out when mail is set up;
     * otherwise (or when the mail server refuses it) the link comes back, for the inviter to pass on.
     */
    async create(principal: Principal, input: InvitationInput, via: Via, origin: string) {
      requireMayManageUsers(principal);
      const email = normaliseEmail(input.email);
      const scope = scopeForRole(input.role, input);
      const token = newToken();
      const invitation = await db.transaction(async (tx) => {
        const issues: Issue[] = [
          ...roleScopeProblems(input.role, scope),
          ...(await users.unknownScope(tx, scope)).map((field) => ({ path: field, code: 'unknown', message: UNKNOWN_SCOPE[field] })),
        ];
        if (issues.length > 0) throw new ValidationError(issues);
        const factsOf = await facts.load(tx);
        requireMayAssignRoleScope(principal, factsOf({ role: input.role, ...scope, isDemo: createsSynthetic(principal) }));
        if (await accounts.userByEmail(tx, email)) {
          throw new DuplicateError([{ path: 'email', code: 'duplicate', message: 'Er is al een account met dit e-mailadres.' }]);
        }
        const id = randomUUID();
        await invitations.insert(tx, {
          id,
          tokenHash: sha256(token),
          email,
          name: input.name,
          role: input.role,
          ...scope,
          invitedBy: principal.userId,
          expiresAt: new Date(now() + POLICY.invitations.validDays * DAY_MS),
          isDemo: createsSynthetic(principal),
        });
        await record(tx, principal, via, 'uitnodiging', id, 'verstuurd', [
          { field: 'email', old: null, new: email },
          { field: 'role', old: null, new: input.role },
          ...Object.entries(scope)
            .filter(([, v]) => v !== null)
            .map(([field, v]) => ({ field, old: null, new: v })),
        ]);
        return (await invitations.byId(tx, id))!;
      });
      const link = `${deps.publicUrl ?? origin}/uitnodiging/${token}`;
      const mail = invitationMail({
        to: email,
        name: invitation.name,
        inviterName: principal.name,
        roleLabel: ROLE_LABELS[invitation.role],
        scopeName: scopeName(invitation),
        link,
        expiresAt: invitation.expiresAt,
      });
      const mailSent = await mailer.send(mail).then(
        (r) => r.sent,
        () => false,
      );
      return { invitation: publicView(invitation), mailSent, ...(mailSent ? {} : { link }) };
    },

    /**
     * The roles the principal may invite people to or give them, each with the scopes they may choose (gemeenten,
     * tables, provinces or organisations within their area): the same rule the server applies on sending.
     */
    async choices(principal: Principal) {
      requireMayManageUsers(principal);
      const [factsOf, candidates] = await Promise.all([facts.load(db), deps.geography.candidates(db)]);
      const isDemo = createsSynthetic(principal);
      return {
        roles: invitableRoles(principal).map((role) => {
          const field = ROLE_SCOPE[role] ?? null;
          if (!field) return { role, label: ROLE_LABELS[role], scopeField: null, options: [] };
          const visible = field === 'organisationId' ? candidates.organisationId.filter((o) => canSeeOrganisation(principal, o)) : candidates[field];
          const options = visible
            .filter((c) => canAssignRoleScope(principal, factsOf({ role, ...scopeForRole(role, { [field]: c.value }), isDemo })))
            .map((c) => ({ value: c.value, label: c.label }));
          return { role, label: ROLE_LABELS[role], scopeField: field, options };
        }),
      };
    },

    /** The open invitations (not used, withdrawn or expired) the principal may manage. */
    async list(principal: Principal): Promise<Invitation[]> {
      requireMayManageUsers(principal);
      const factsOf = await facts.load(db);
      return (await invitations.listOpen(db)).filter((i) => canAssignRoleScope(principal, factsOf(i))).map(publicView);
    },

    /** Withdraw an open invitation: its link stops working. One outside the principal's reach answers as unknown. */
    async revoke(principal: Principal, id: string, via: Via): Promise<Invitation> {
      requireMayManageUsers(principal);
      return db.transaction(async (tx) => {
        const invitation = await invitations.byId(tx, id);
        const factsOf = await facts.load(tx);
        requireMayManageInvitation(principal, invitation && { ...invitation, ...factsOf(invitation) }, () => new NotFoundError('Uitnodiging', id));
        if (await invitations.revoke(tx, id)) {
          await record(tx, principal, via, 'uitnodiging', id, 'ingetrokken', [{ field: 'revokedAt', old: null, new: new Date(now()).toISOString() }]);
        }
        return publicView((await invitations.byId(tx, id))!);
      });
    },

    /** What the link is for, for the accept page (no sign-in: the token is the key). */
    async preview(token: string): Promise<InvitationPreview> {
      const i = await usable(db, token);
      return {
        name: i.name,
        email: i.email,
        role: i.role,
        roleLabel: ROLE_LABELS[i.role],
        invitedByName: i.invitedByName,
        scopeName: scopeName(i),
        expiresAt: i.expiresAt,
      };
    },

    /** Accept with a password: the account is made with the invitation's role and scope; the link is then used. */
    async acceptWithPassword(token: string, password: string): Promise<UserRow> {
      const problem = passwordProblem(password);
      if (problem) throw new ValidationError([{ path: 'password', code: 'weak_password', message: problem }]);
      const passwordHash = await hashPassword(password, deps.scryptCost);
      return db.transaction(async (tx) => createAccount(tx, await usable(tx, token), { passwordHash }));
    },

    /** Accept by signing in with an organisation account (OpenID Connect): the account is made and linked to that identity. */
    async acceptWithOidc(token: string, identity: { issuer: string; subject: string }): Promise<UserRow> {
      return db.transaction(async (tx) => {
        const invitation = await usable(tx, token);
        if (await accounts.userByOidc(tx, identity.issuer, identity.subject)) {
          throw new DuplicateError([
            { path: 'invitation', code: 'duplicate', message: 'Dit organisatieaccount hoort al bij een account. Log daarmee in.' },
          ]);
        }
        return createAccount(tx, invitation, { passwordHash: null, oidcIssuer: identity.issuer, oidcSubject: identity.subject });
      });
    },
  };
}

export type InvitationService = ReturnType<typeof createInvitationService>;
