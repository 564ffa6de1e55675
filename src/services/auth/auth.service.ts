/**
 * Sign-in and identity: local accounts (scrypt), sessions (token in an HttpOnly cookie, stored hashed,
 * with a CSRF token), API tokens for system-to-system submissions, and demo sign-in for the demo roles.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  requireDemoSignIn,
  requireMayCreateTokens,
  requireMayListTokensOf,
  requireMayManageOwnSessions,
  requireMayManageSessionsOf,
  requireMayManageTokensOf,
  ROLE_LABELS,
  ROLES,
  type Principal,
  type Role,
} from '../../domain/access.ts';
import { normaliseEmail, passwordProblem } from '../../domain/account.ts';
import { NotFoundError, UnauthorizedError, ValidationError } from '../../domain/errors.ts';
import { gemeenteOrganisationId } from '../../domain/identifiers.ts';
import type { AccountRepository, UserRow } from '../../storage/account.repository.ts';
import type { Db } from '../../storage/db.ts';
import { DEFAULT_COST, hashPassword, verifyPassword, type ScryptCost } from './passwords.ts';
import { TooManyRequestsError } from '../../domain/errors.ts';
import type { Via } from '../../domain/audit.ts';
import type { AuditRepository } from '../../storage/audit.repository.ts';
import { createAttemptLimiter } from './attempt-limiter.ts';
import { createSessionCache, type SessionCache } from './session-cache.ts';

/**
 * Failed sign-ins per e-mail address (whatever the client address): at most 10 in 15 minutes, so
 * guessing one account's password from many addresses is slow too. Per client address the sign-in
 * route has its own limit (src/http/routes/auth.routes.ts).
 */
export const SIGN_IN_FAILURES_PER_ADDRESS = { max: 10, windowMs: 15 * 60_000 };

export interface AuthOptions {
  sessionHours: number;
  scryptCost: ScryptCost;
  /** Allow signing in as a demo role without a password (clearly marked in the UI). */
  demoMode: boolean;
}

export const DEFAULT_AUTH_OPTIONS: AuthOptions = { sessionHours: 8, scryptCost: DEFAULT_COST, demoMode: true };

export const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');
export const API_TOKEN_PREFIX = 'wbm_';
/** At most this many characters of a browser's User-Agent header are kept with its session. */
export const USER_AGENT_MAX = 300;

export function principalOf(u: UserRow, kind: Principal['kind'] = 'user'): Principal {
  return {
    kind,
    userId: u.id,
    name: u.name,
    role: u.role,
    organisationId: u.organisationId,
    gemeenteCode: u.gemeenteCode,
    regionId: u.regionId,
    provincieCode: u.provincieCode,
    demo: u.isDemo,
  };
}

/** The demo accounts, one per role, scoped to the example versnellingstafel Amsterdam e.o. */
const DEMO_SCOPE = { gemeenteCode: 'GM0363', regionId: 'vt-amsterdam-e-o', provincieCode: 'PV27' };

/** A valid session: who it signs in and its CSRF token. */
export interface SessionPrincipal {
  principal: Principal;
  email: string;
  csrfToken: string;
  demo: boolean;
}

export function createAuthService(deps: {
  db: Db;
  accounts: AccountRepository;
  audit?: AuditRepository;
  options?: Partial<AuthOptions>;
  /** Sessions looked up recently (session-cache.ts); shared with the services that change accounts. */
  sessions?: SessionCache<SessionPrincipal>;
  /** API tokens looked up recently (session-cache.ts), likewise. */
  tokens?: SessionCache<Principal>;
}) {
  const { db, accounts } = deps;
  const sessions = deps.sessions ?? createSessionCache<SessionPrincipal>();
  const tokens = deps.tokens ?? createSessionCache<Principal>();
  const failedSignIns = createAttemptLimiter(SIGN_IN_FAILURES_PER_ADDRESS);
  // One fixed hash to verify against when the address is unknown (or has no password), computed once,
  // so every refused sign-in costs exactly one scrypt and timing does not reveal which addresses exist.
  let dummyHash: Promise<string> | null = null;
  const dummy = () => (dummyHash ??= hashPassword(randomBytes(16).toString('base64url'), options.scryptCost));

  /** Only a signed-in person (not an API token) creates API tokens (issue 8 item 10; src/domain/access.ts). */
  const assertMayCreateTokens: (principal: Principal) => void = requireMayCreateTokens;

  /** An account's API tokens and sessions as written to the audit trail: never the secret. */
  async function auditToken(
    actor: { principal: Principal; via: Via },
    tokenId: string,
    action: string,
    changes: Array<{ field: string; old: unknown; new: unknown }>,
    entityType: 'api_token' | 'session' = 'api_token',
  ) {
    await deps.audit?.append(db, [
      {
        actorUserId: actor.principal.userId,
        actorName: actor.principal.name,
        via: actor.via,
        entityType,
        entityId: tokenId,
        action,
        changes,
      },
    ]);
  }
  const options: AuthOptions = { ...DEFAULT_AUTH_OPTIONS, ...deps.options };

  /** A demo account works only while demo mode is on (sign-in, sessions and API tokens alike). */
  const usable = (user: Pick<UserRow, 'isDemo'>) => !user.isDemo || options.demoMode;

  /** `userAgent`: the browser's User-Agent header, kept (shortened) so its owner recognises the session. */
  async function startSession(user: UserRow, via: string, userAgent: string | null = null) {
    if (!usable(user)) throw new UnauthorizedError('De demomodus staat uit: demo-accounts kunnen niet meer aanmelden.');
    const token = newToken();
    const csrfToken = newToken();
    const sessionId = randomUUID();
    await accounts.insertSession(db, {
      id: sessionId,
      tokenHash: sha256(token),
      userId: user.id,
      csrfToken,
      via,
      expiresAt: new Date(Date.now() + options.sessionHours * 3600_000),
      userAgent: userAgent ? userAgent.slice(0, USER_AGENT_MAX) : null,
    });
    return { token, csrfToken, sessionId, principal: principalOf(user), email: user.email, demo: user.isDemo };
  }

  return {
    options,

    /** Start a session for an account found by another sign-in method (OpenID Connect). */
    startSessionFor: (user: UserRow, via: string, userAgent: string | null = null) => startSession(user, via, userAgent),

    async signIn(email: string, password: string, userAgent: string | null = null) {
      const address = normaliseEmail(email);
      // Too many failures for this address (from anywhere): refused before the password is even checked.
      const wait = failedSignIns.blocked(address);
      if (wait !== null) {
        throw new TooManyRequestsError(
          `Te veel mislukte inlogpogingen met dit e-mailadres. Probeer het over ${Math.ceil(wait / 60)} minuten opnieuw.`,
          wait,
        );
      }
      const user = await accounts.userByEmail(db, address);
      // Verify even for unknown users (against the fixed dummy hash), so timing does not reveal which addresses exist.
      const ok = await verifyPassword(password, user?.passwordHash ?? (await dummy()));
      if (!user || !user.passwordHash || !ok || user.disabled) {
        failedSignIns.hit(address);
        throw new UnauthorizedError('Het e-mailadres of het wachtwoord klopt niet.');
      }
      return startSession(user, 'password', userAgent);
    },

    async signInDemo(role: Role, userAgent: string | null = null) {
      requireDemoSignIn(options.demoMode);
      const user = (await accounts.listUsers(db)).find((u) => u.isDemo && u.role === role);
      if (!user) throw new NotFoundError('Demo-account', role);
      return startSession(user, 'demo', userAgent);
    },

    async sessionPrincipal(token: string): Promise<SessionPrincipal | null> {
      const hash = sha256(token);
      const known = sessions.get(hash);
      if (known) return known;
      const row = await accounts.sessionUser(db, hash);
      // Demo mode off: demo accounts, their sessions and tokens are refused as if unknown (issue 8 item 4).
      if (!row || !usable(row)) return null;
      const session = { principal: principalOf(row), email: row.email, csrfToken: row.csrfToken, demo: row.isDemo };
      sessions.set(hash, session, row.expiresAt);
      return session;
    },

    async tokenPrincipal(token: string): Promise<Principal | null> {
      const hash = sha256(token);
      const known = tokens.get(hash);
      if (known) return known;
      const row = await accounts.tokenUser(db, hash);
      if (!row || !usable(row)) return null;
      const principal = principalOf(row, 'token');
      tokens.set(hash, principal);
      return principal;
    },

    async signOut(token: string) {
      await accounts.deleteSession(db, sha256(token));
      sessions.forget(sha256(token));
    },

    /**
     * A new API token acting as the account. Only a signed-in person creates one (a browser session, or
     * the command line / tests with the account itself): an API token cannot make tokens, which would
     * outlive its own revocation (issue 8 item 10).
     */
    async createApiToken(principal: Principal, name: string, via: Via = 'system') {
      requireMayCreateTokens(principal);
      const token = `${API_TOKEN_PREFIX}${newToken()}`;
      const id = randomUUID();
      await accounts.insertToken(db, { id, tokenHash: sha256(token), name, userId: principal.userId });
      await auditToken({ principal, via }, id, 'aangemaakt', [{ field: 'name', old: null, new: name }]);
      return { id, name, token };
    },

    assertMayCreateTokens,

    /** The API tokens of an account that still work (never the secret). A beheerder may list anyone's. */
    async listApiTokens(principal: Principal, userId: string = principal.userId ?? '') {
      if (requireMayListTokensOf(principal, userId) === 'other') {
        // An account outside the caller's reach answers exactly as an unknown one.
        const account = await accounts.userById(db, userId);
        requireMayManageTokensOf(principal, account && { userId, isDemo: account.isDemo }, () => new NotFoundError('Account', userId));
      }
      return accounts.listTokens(db, userId);
    },

    /** Revoke a token: one's own, or anyone's for a beheerder. Someone else's token answers as unknown. */
    async revokeApiToken(principal: Principal, id: string, via: Via = 'system') {
      const owner = await accounts.tokenOwner(db, id);
      requireMayManageTokensOf(principal, owner, () => new NotFoundError('API-token', id));
      const revoked = await accounts.revokeToken(db, id, owner.userId);
      if (!revoked) throw new NotFoundError('API-token', id);
      tokens.forget(revoked.tokenHash);
      await auditToken({ principal, via }, id, 'ingetrokken', [{ field: 'revokedAt', old: null, new: revoked.revokedAt }]);
    },

    /**
     * The signed-in person's own sessions that still work, marking the one of `currentToken` (the caller's
     * cookie). Only in the browser: an API token has no session and may not see them (src/domain/access.ts).
     */
    async listSessions(principal: Principal, currentToken: string | null) {
      requireMayManageOwnSessions(principal);
      const current = currentToken === null ? null : sha256(currentToken);
      return (await accounts.listSessions(db, principal.userId)).map(({ tokenHash, ...session }) => ({ ...session, current: tokenHash === current }));
    },

    /**
     * End one of one's own sessions (from then on its cookie signs nobody in). Someone else's session answers
     * exactly as an unknown one. Returns whether it was the caller's current session; recorded in the audit trail.
     */
    async endSession(principal: Principal, id: string, currentToken: string | null, via: Via = 'system'): Promise<{ current: boolean }> {
      requireMayManageOwnSessions(principal);
      const session = await accounts.sessionOwner(db, id);
      requireMayManageSessionsOf(principal, session, () => new NotFoundError('Sessie', id));
      if (!(await accounts.deleteSessionById(db, id, session.userId))) throw new NotFoundError('Sessie', id);
      sessions.forget(session.tokenHash);
      await auditToken({ principal, via }, id, 'beëindigd', [{ field: 'endedAt', old: null, new: new Date().toISOString() }], 'session');
      return { current: currentToken !== null && sha256(currentToken) === session.tokenHash };
    },

    async createUser(input: Omit<UserRow, 'id' | 'passwordHash' | 'isDemo' | 'disabled'> & { password: string | null }) {
      if (input.password !== null) {
        const problem = passwordProblem(input.password);
        if (problem) throw new ValidationError([{ path: 'password', code: 'weak_password', message: problem }]);
      }
      const email = normaliseEmail(input.email);
      if (await accounts.userByEmail(db, email)) {
        throw new ValidationError([{ path: 'email', code: 'duplicate', message: 'Er is al een account met dit e-mailadres.' }]);
      }
      const id = randomUUID();
      await accounts.insertUser(db, {
        ...input,
        id,
        email,
        passwordHash: input.password === null ? null : await hashPassword(input.password, options.scryptCost),
        isDemo: false,
      });
      return principalOf((await accounts.userById(db, id))!);
    },

    /** One demo account per role (no password: demo sign-in only). Idempotent. */
    async ensureDemoUsers() {
      const existing = new Set((await accounts.listUsers(db)).filter((u) => u.isDemo).map((u) => u.role));
      const [party] = await db.query<{ organisation_id: string }>(
        `SELECT pp.organisation_id FROM project_parties pp JOIN projects p ON p.id = pp.project_id JOIN organisations o ON o.id = pp.organisation_id
         WHERE p.gemeente_code = $1 AND o.type <> 'gemeente' GROUP BY pp.organisation_id ORDER BY count(*) DESC, pp.organisation_id LIMIT 1`,
        [DEMO_SCOPE.gemeenteCode],
      );
      for (const role of ROLES) {
        if (role === 'publiek' || existing.has(role)) continue;
        await accounts.insertUser(db, {
          id: randomUUID(),
          email: `demo-${role.replace(/_/g, '-')}@woningbouwmonitor.invalid`,
          name: `Demo: ${ROLE_LABELS[role]}`,
          passwordHash: null,
          role,
          organisationId:
            role === 'gemeente_editor'
              ? gemeenteOrganisationId(DEMO_SCOPE.gemeenteCode)
              : role === 'marktpartij_editor'
                ? (party?.organisation_id ?? null)
                : null,
          gemeenteCode: role === 'gemeente_editor' ? DEMO_SCOPE.gemeenteCode : null,
          regionId: role === 'tafel_secretaris' ? DEMO_SCOPE.regionId : null,
          provincieCode: role === 'provincie_analist' ? DEMO_SCOPE.provincieCode : null,
          isDemo: true,
        });
      }
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
