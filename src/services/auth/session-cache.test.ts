/** Sessions looked up recently (issue 15 goal 1): reused for a few seconds, never past expiry or sign-out. */
import { describe, expect, it } from 'vitest';
import { createSessionCache } from './session-cache.ts';

describe('session cache', () => {
  it('reuses a lookup for ttlMs, then asks again', () => {
    let now = 1_000;
    const cache = createSessionCache<string>({ ttlMs: 5_000, now: () => now });
    cache.set('h', 'anna', new Date(100_000));
    now += 4_999;
    expect(cache.get('h')).toBe('anna');
    now += 1;
    expect(cache.get('h')).toBeUndefined();
  });

  it('never past the session’s expiry', () => {
    let now = 1_000;
    const cache = createSessionCache<string>({ ttlMs: 5_000, now: () => now });
    cache.set('h', 'anna', new Date(2_000));
    now = 2_000;
    expect(cache.get('h')).toBeUndefined();
  });

  it('forget drops one session, clear all; at most maxEntries are kept', () => {
    const cache = createSessionCache<string>({ maxEntries: 2 });
    const later = new Date(Date.now() + 60_000);
    cache.set('a', 'anna', later);
    cache.set('b', 'bert', later);
    cache.forget('a');
    expect([cache.get('a'), cache.get('b')]).toEqual([undefined, 'bert']);
    cache.set('c', 'cor', later);
    cache.set('d', 'dirk', later);
    expect(cache.size).toBe(2);
    expect(cache.get('b')).toBeUndefined();
    cache.clear();
    expect(cache.size).toBe(0);
  });
});
