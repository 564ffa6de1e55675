/**
 * API tokens are looked up like sessions (issue 15 goal 6): a token just used is not read from the database again
 * for a few seconds, and revoking it through the service refuses it from the next request on.
 */
import { describe, expect, it } from 'vitest';
import type { AccountRepository, UserRow } from '../../storage/account.repository.ts';
import type { Db } from '../../storage/db.ts';
import { createAuthService, sha256 } from './auth.service.ts';
import { createSessionCache } from './session-cache.ts';

const USER: UserRow = {
  id: '22222222-2222-4222-8222-222222222222',
  email: 'koppeling@example.invalid',
  name: 'Koppeling',
  passwordHash: null,
  role: 'ministerie_analist',
  organisationId: null,
  gemeenteCode: null,
  regionId: null,
  provincieCode: null,
  isDemo: false,
  disabled: false,
};
const TOKEN_ID = '33333333-3333-4333-8333-333333333333';

/** One working token in a fake account store that counts its lookups. */
function setup(now: () => number = Date.now) {
  const token = 'wbm_geheim';
  const store = { revoked: false, lookups: 0 };
  const accounts = {
    tokenUser: async (_q: unknown, hash: string) => {
      store.lookups += 1;
      return hash === sha256(token) && !store.revoked ? USER : null;
    },
    tokenOwner: async (_q: unknown, id: string) => (id === TOKEN_ID && !store.revoked ? { userId: USER.id, isDemo: false } : null),
    revokeToken: async (_q: unknown, id: string) => {
      if (id !== TOKEN_ID || store.revoked) return null;
      store.revoked = true;
      return { userId: USER.id, revokedAt: new Date().toISOString(), tokenHash: sha256(token) };
    },
  } as unknown as AccountRepository;
  const tokens = createSessionCache<never>({ now });
  const auth = createAuthService({ db: {} as Db, accounts, tokens, options: { demoMode: false } });
  return { auth, store, token, tokens };
}

describe('API token lookups', () => {
  it('a token just used is not read from the database again within the cache time, then it is', async () => {
    let now = 1_000_000;
    const { auth, store, token } = setup(() => now);
    for (let i = 0; i < 3; i++) expect(await auth.tokenPrincipal(token)).toMatchObject({ kind: 'token', userId: USER.id });
    expect(store.lookups).toBe(1);
    now += 5_000;
    await auth.tokenPrincipal(token);
    expect(store.lookups).toBe(2);
  });

  it('a revoked token is refused on the next request', async () => {
    const { auth, store, token } = setup();
    expect(await auth.tokenPrincipal(token)).not.toBeNull();
    await auth.revokeApiToken({ kind: 'user', userId: USER.id, name: USER.name, role: USER.role } as never, TOKEN_ID);
    expect(await auth.tokenPrincipal(token)).toBeNull();
    expect(store.lookups).toBe(2);
  });

  it('an unknown token is looked up every time (nothing is kept for it)', async () => {
    const { auth, store, tokens } = setup();
    for (let i = 0; i < 3; i++) expect(await auth.tokenPrincipal('wbm_onbekend')).toBeNull();
    expect(store.lookups).toBe(3);
    expect(tokens.size).toBe(0);
  });
});
