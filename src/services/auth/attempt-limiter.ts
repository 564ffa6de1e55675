/**
 * A small in-memory limiter of attempts per key in a fixed window (e.g. failed sign-ins per e-mail
 * address). In memory: one server process; a restart forgets the counts, which is acceptable for
 * slowing down password guessing.
 */
export interface AttemptLimiter {
  /** Null while `key` may try again; otherwise the seconds until its window ends. Counts nothing. */
  blocked(key: string): number | null;
  /** Count one attempt for `key`. */
  hit(key: string): void;
}

export function createAttemptLimiter(options: { max: number; windowMs: number; now?: () => number; maxKeys?: number }): AttemptLimiter {
  const now = options.now ?? Date.now;
  const maxKeys = options.maxKeys ?? 100_000;
  const windows = new Map<string, { start: number; count: number }>();

  function current(key: string, t: number) {
    const w = windows.get(key);
    return w && t - w.start < options.windowMs ? w : null;
  }

  return {
    blocked(key) {
      const t = now();
      const w = current(key, t);
      return w && w.count >= options.max ? Math.max(1, Math.ceil((w.start + options.windowMs - t) / 1000)) : null;
    },
    hit(key) {
      const t = now();
      let w = current(key, t);
      if (!w) {
        if (windows.size >= maxKeys) {
          for (const [k, old] of windows) if (t - old.start >= options.windowMs) windows.delete(k);
          // Still full (a flood of distinct keys): forget the oldest windows.
          for (const oldest of windows.keys()) {
            if (windows.size < maxKeys) break;
            windows.delete(oldest);
          }
        }
        w = { start: t, count: 0 };
        windows.set(key, w);
      }
      w.count += 1;
    },
  };
}
