/**
 * Recently looked-up sessions and API tokens, per token hash, for a few seconds (issue 15 goals 1 and 6): a page
 * that makes ten API calls, twenty people at a table meeting, or a system calling the API in a loop, do not each
 * read the session or token from the database. An entry never
 * outlives its session (expiry), and is dropped at once in this process when the session ends (sign-out, ended
 * from the account page) or an administrator changes or deactivates an account (every entry then goes: a role or
 * scope change takes effect with the next request). For an API token the same: dropped at once when it is revoked, or when an
 * administrator changes or deactivates an account. A change made by another server process on the same database
 * takes effect here within SESSION_CACHE_MS. Only sessions and tokens that exist are kept: an unknown token is
 * looked up every time.
 */

/** How long a looked-up session is reused without asking the database again. */
export const SESSION_CACHE_MS = 5_000;

export interface SessionCache<T> {
  get(tokenHash: string): T | undefined;
  /** Keep a lookup until `expiresAt` (an API token has none) or SESSION_CACHE_MS from now, whichever comes first. */
  set(tokenHash: string, value: T, expiresAt?: Date): void;
  /** This session ended. */
  forget(tokenHash: string): void;
  /** An account changed (role, scope, deactivated, sessions ended): every entry goes. */
  clear(): void;
  readonly size: number;
}

export function createSessionCache<T>(options: { ttlMs?: number; maxEntries?: number; now?: () => number } = {}): SessionCache<T> {
  const ttl = options.ttlMs ?? SESSION_CACHE_MS;
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, { value: T; until: number }>();
  return {
    get(tokenHash) {
      const entry = entries.get(tokenHash);
      if (!entry) return undefined;
      if (entry.until <= now()) {
        entries.delete(tokenHash);
        return undefined;
      }
      return entry.value;
    },
    set(tokenHash, value, expiresAt) {
      entries.delete(tokenHash);
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
      entries.set(tokenHash, { value, until: Math.min(now() + ttl, expiresAt?.getTime() ?? Infinity) });
    },
    forget(tokenHash) {
      entries.delete(tokenHash);
    },
    clear() {
      entries.clear();
    },
    get size() {
      return entries.size;
    },
  };
}
