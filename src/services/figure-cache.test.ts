/** The per-data-version figure cache (issue 15 goal 1: figures computed once per data version, reused until a write). */
import { describe, expect, it } from 'vitest';
import { createFigureCache } from './figure-cache.ts';

describe('figure cache per data version (issue 15 goal 1)', () => {
  it('computes a key once per version, also for concurrent callers', async () => {
    const cache = createFigureCache();
    let runs = 0;
    const compute = async () => ++runs;
    const [a, b] = await Promise.all([cache.get(1, 'k', compute), cache.get(1, 'k', compute)]);
    expect([a, b, await cache.get(1, 'k', compute)]).toEqual([1, 1, 1]);
    expect(runs).toBe(1);
  });

  it('a newer version drops every figure of the older ones', async () => {
    const cache = createFigureCache();
    await cache.get(1, 'a', async () => 'a1');
    await cache.get(1, 'b', async () => 'b1');
    expect(await cache.get(2, 'a', async () => 'a2')).toBe('a2');
    expect(cache.size).toBe(1);
    expect(await cache.get(2, 'b', async () => 'b2')).toBe('b2');
  });

  it('a request that read an older version (it raced a write) computes for itself and caches nothing', async () => {
    const cache = createFigureCache();
    await cache.get(5, 'a', async () => 'new');
    expect(await cache.get(4, 'a', async () => 'old')).toBe('old');
    expect(await cache.get(5, 'a', async () => 'again')).toBe('new');
    expect(cache.size).toBe(1);
  });

  it('a failed computation is not kept: the next caller tries again', async () => {
    const cache = createFigureCache();
    await expect(cache.get(1, 'k', async () => Promise.reject(new Error('database gone')))).rejects.toThrow('database gone');
    expect(await cache.get(1, 'k', async () => 'ok')).toBe('ok');
  });

  it('holds at most maxEntries figures, dropping the least recently used', async () => {
    const cache = createFigureCache(2);
    await cache.get(1, 'a', async () => 'a');
    await cache.get(1, 'b', async () => 'b');
    await cache.get(1, 'a', async () => 'a again'); // a is used: b is now the oldest
    await cache.get(1, 'c', async () => 'c');
    expect(cache.size).toBe(2);
    expect(await cache.get(1, 'a', async () => 'recomputed')).toBe('a');
    expect(await cache.get(1, 'b', async () => 'recomputed')).toBe('recomputed');
  });
});
