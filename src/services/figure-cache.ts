/**
 * Figures computed once per data version (issue 15 goal 1): the first request for a key at a version computes,
 * concurrent and later requests at the same version reuse its result (the same promise), and the first request
 * that reads a newer version drops everything. The version comes from the database (src/storage/data-version
 * .repository.ts), bumped in the transaction of every write, so a write invalidates on every server process.
 * A request that read an older version than the cache holds (it raced a write) computes without caching.
 * Cached values are shared: callers must not mutate them. Access is never cached here: callers cache figures
 * per scope (region, years, demo data or not) and apply the caller's access to the result.
 */
export interface FigureCache {
  get<T>(version: number, key: string, compute: () => Promise<T>): Promise<T>;
  /** Entries held (for tests and the benchmark's notes). */
  readonly size: number;
}

export function createFigureCache(maxEntries = 32): FigureCache {
  let current = -1;
  const entries = new Map<string, Promise<unknown>>();
  return {
    get<T>(version: number, key: string, compute: () => Promise<T>): Promise<T> {
      if (version < current) return compute();
      if (version > current) {
        entries.clear();
        current = version;
      }
      const hit = entries.get(key);
      if (hit) {
        // Most recently used last: the oldest entry is the first to go when full.
        entries.delete(key);
        entries.set(key, hit);
        return hit as Promise<T>;
      }
      const pending = compute();
      entries.set(key, pending);
      pending.catch(() => {
        if (entries.get(key) === pending) entries.delete(key);
      });
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
      return pending;
    },
    get size() {
      return entries.size;
    },
  };
}
