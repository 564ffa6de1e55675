/** Test helpers for signing in: accounts per role, API-token headers and an authenticated inject. */
import type { FastifyInstance, InjectOptions } from 'fastify';
import type { Principal, Role } from '../../src/domain/access.ts';
import type { Actor } from '../../src/domain/audit.ts';
import type { Services } from '../../src/services/container.ts';

/** scrypt at a low cost: tests create many accounts. Never use outside tests. */
export const TEST_AUTH_OPTIONS = { scryptCost: { N: 1024, r: 8, p: 1 }, demoMode: true };

export const ADMIN: Principal = {
  kind: 'user',
  userId: null,
  name: 'Test beheerder',
  role: 'beheerder',
  organisationId: null,
  gemeenteCode: null,
  regionId: null,
  provincieCode: null,
  demo: false,
};
export const ADMIN_ACTOR: Actor = { principal: ADMIN, via: 'system' };

let counter = 0;

/** Create an account with the given role and scope, and an API token for it. */
export async function accountWithToken(
  services: Services,
  role: Role,
  scope: Partial<Pick<Principal, 'organisationId' | 'gemeenteCode' | 'regionId' | 'provincieCode'>> = {},
): Promise<{ principal: Principal; headers: Record<string, string> }> {
  counter += 1;
  const principal = await services.auth.createUser({
    email: `test-${role}-${counter}-${Date.now()}@example.invalid`,
    name: `Test ${role} ${counter}`,
    password: null,
    role,
    organisationId: scope.organisationId ?? null,
    gemeenteCode: scope.gemeenteCode ?? null,
    regionId: scope.regionId ?? null,
    provincieCode: scope.provincieCode ?? null,
  });
  const { token } = await services.auth.createApiToken(principal, 'test');
  return { principal, headers: { authorization: `Bearer ${token}` } };
}

/** `app.inject` that always sends these headers. */
export function authedInject(app: FastifyInstance, headers: Record<string, string>) {
  return (opts: string | InjectOptions) =>
    app.inject(typeof opts === 'string' ? { url: opts, headers } : { ...opts, headers: { ...headers, ...(opts.headers ?? {}) } });
}
