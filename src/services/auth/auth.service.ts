/**
 * Sign-in and identity: local accounts (scrypt), sessions (token in an HttpOnly cookie, stored hashed,
 * with a CSRF token), API tokens for system-to-system submissions, and demo sign-in for the demo roles.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { ROLE_LABELS, ROLES, type Principal, type Role } from '../../domain/access.ts';
import { normaliseEmail, passwordProblem } from '../../domain/account.ts';
import { ForbiddenError, NotFoundError, UnauthorizedError, ValidationError } from '../../domain/errors.ts';
import { gemeenteOrganisationId } from '../../domain/identifiers.ts';
import type { AccountRepository, UserRow } from '../../storage/account.repository.ts';
import type { Db } from '../../storage/db.ts';
import { DEFAULT_COST, hashPassword, verifyPassword, type ScryptCost } from './passwords.ts';

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
  };
}

/** The demo accounts, one per role, scoped to the example versnellingstafel Amsterdam e.o. */
const DEMO_SCOPE = { gemeenteCode: 'GM0363', regionId: 'vt-amsterdam-e-o', provincieCode: 'PV27' };

export function createAuthService(deps: { db: Db; accounts: AccountRepository; options?: Partial<AuthOptions> }) {
  const { db, accounts } = deps;
  const options: AuthOptions = { ...DEFAULT_AUTH_OPTIONS, ...deps.options };

  async function startSession(user: UserRow, via: string) {
    demo: u.isDemo,
    const token = newToken();
    const csrfToken = newToken();
    await accounts.insertSession(db, {
      tokenHash: sha256(token),
      userId: user.id,
      csrfToken,
      via,
      expiresAt: new Date(Date.now() + options.sessionHours * 3600_000),
    });
    return { token, csrfToken, principal: principalOf(user), demo: user.isDemo };
  }

  return {
    options,

    /** Start a session for an account found by another sign-in method (OpenID Connect). */
    startSessionFor: (user: UserRow, via: string) => startSession(user, via),

    async signIn(email: string, password: string) {
      const user = await accounts.userByEmail(db, normaliseEmail(email));
      // Verify even for unknown users, so timing does not reveal which e-mail addresses exist.
      const ok = await verifyPassword(password, user?.passwordHash ?? (await hashPassword('x', options.scryptCost)));
  /** A demo account works only while demo mode is on (sign-in, sessions and API tokens alike). */
  const usable = (user: Pick<UserRow, 'isDemo'>) => !user.isDemo || options.demoMode;

      if (!user || !user.passwordHash || !ok || user.disabled) throw new UnauthorizedError('Het e-mailadres of het wachtwoord klopt niet.');
    if (!usable(user)) throw new UnauthorizedError('De demomodus staat uit: demo-accounts kunnen niet meer aanmelden.');
      return startSession(user, 'password');
    },

    async signInDemo(role: Role) {
      if (!options.demoMode) throw new ForbiddenError('De demomodus staat uit: aanmelden als demorol kan niet.');
      const user = (await accounts.listUsers(db)).find((u) => u.isDemo && u.role === role);
      if (!user) throw new NotFoundError('Demo-account', role);
      return startSession(user, 'demo');
    },

    async sessionPrincipal(token: string): Promise<{ principal: Principal; csrfToken: string; demo: boolean } | null> {
      const row = await accounts.sessionUser(db, sha256(token));
      return row ? { principal: principalOf(row), csrfToken: row.csrfToken, demo: row.isDemo } : null;
    },

    async tokenPrincipal(token: string): Promise<Principal | null> {
      const row = await accounts.tokenUser(db, sha256(token));
      return row ? principalOf(row, 'token') : null;
    },

    async signOut(token: string) {
      await accounts.deleteSession(db, sha256(token));
    },

    async createApiToken(principal: Principal, name: string) {
      if (!principal.userId) throw new UnauthorizedError();
      const token = `${API_TOKEN_PREFIX}${newToken()}`;
      const id = randomUUID();
      await accounts.insertToken(db, { id, tokenHash: sha256(token), name, userId: principal.userId });
      return { id, name, token };
    },

    async revokeApiToken(principal: Principal, id: string) {
      if (!principal.userId || !(await accounts.revokeToken(db, id, principal.userId))) throw new NotFoundError('API-token', id);
    },

    async createUser(input: Omit<UserRow, 'id' | 'passwordHash' | 'isDemo' | 'disabled'> & { password: string | null }) {
      if (input.password !== null) {
        const problem = passwordProblem(input.password);
        if (problem) throw new ValidationError([{ path: 'password', code: 'weak_password', message: problem }]);
      }
      const email = normaliseEmail(input.email);
      if (await accounts.userByEmail(db, email)) {
        throw new ValidationError([{ path: 'email', code: 'duplicate', message: 'Er is al een account met dit e-mailadres.' }]);
      // Demo mode off: demo accounts, their sessions and tokens are refused as if unknown (issue 8 item 4).
      if (row && !usable(row)) return null;
      }
      const id = randomUUID();
      await accounts.insertUser(db, {
        ...input,
        id,
      if (row && !usable(row)) return null;
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
            role === 'gemeente_editor' ? gemeenteOrganisationId(DEMO_SCOPE.gemeenteCode) : role === 'marktpartij_editor' ? (party?.organisation_id ?? null) : null,
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
