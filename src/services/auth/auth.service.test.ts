/**
 * Sign-in timing (SPEC §7; issue 8 item 9): a refused sign-in for an unknown address must cost the same
 * as one with a wrong password, so it verifies against one fixed dummy hash, computed once — it used
 * to hash a fresh dummy password per request (an extra scrypt, so unknown addresses were slower).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccountRepository, UserRow } from '../../storage/account.repository.ts';
import type { Db } from '../../storage/db.ts';

const calls = vi.hoisted(() => ({ hash: 0, verify: 0 }));
vi.mock('./passwords.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./passwords.ts')>();
  return {
    ...actual,
    hashPassword: async (...args: Parameters<typeof actual.hashPassword>) => {
      calls.hash += 1;
      return actual.hashPassword(...args);
    },
    verifyPassword: async (...args: Parameters<typeof actual.verifyPassword>) => {
      calls.verify += 1;
      return actual.verifyPassword(...args);
    },
  };
});

const { createAuthService } = await import('./auth.service.ts');
const { hashPassword } = await import('./passwords.ts');

const COST = { N: 1024, r: 8, p: 1 };

async function service() {
  const known: UserRow = {
    id: '11111111-1111-4111-8111-111111111111',
    email: 'bekend@example.invalid',
    name: 'Bekend',
    passwordHash: await hashPassword('het goede wachtwoord', COST),
    role: 'gemeente_editor',
    organisationId: null,
    gemeenteCode: 'GM0363',
    regionId: null,
    provincieCode: null,
    isDemo: false,
    disabled: false,
  };
  const accounts = { userByEmail: async (_db: unknown, email: string) => (email === known.email ? known : null) } as unknown as AccountRepository;
  return createAuthService({ db: {} as Db, accounts, options: { scryptCost: COST, demoMode: false } });
}

beforeEach(() => {
  calls.hash = 0;
  calls.verify = 0;
});

describe('sign-in for an unknown address', () => {
  it('does not hash a password per request: one fixed dummy hash, computed once', async () => {
    const auth = await service();
    calls.hash = 0;
    for (let i = 0; i < 5; i++) await expect(auth.signIn(`onbekend${i}@example.invalid`, 'gok')).rejects.toThrow('klopt niet');
    expect(calls.hash).toBeLessThanOrEqual(1);
    expect(calls.verify).toBe(5);
  });

  it('costs one verification, like a wrong password for a known address', async () => {
    const auth = await service();
    await expect(auth.signIn('onbekend@example.invalid', 'gok')).rejects.toThrow('klopt niet');
    calls.hash = 0;
    calls.verify = 0;
    await expect(auth.signIn('onbekend2@example.invalid', 'gok')).rejects.toThrow('klopt niet');
    const unknown = { ...calls };
    calls.hash = 0;
    calls.verify = 0;
    await expect(auth.signIn('bekend@example.invalid', 'gok')).rejects.toThrow('klopt niet');
    expect(unknown).toEqual({ ...calls });
    expect(unknown).toEqual({ hash: 0, verify: 1 });
  });
});
