/** Counts on screen take the singular for one ("1 woning", "1 organisatie heeft"), Dutch thousands separators otherwise. */
import { describe, expect, it } from 'vitest';
import { formatCount } from './labels.ts';

describe('formatCount', () => {
  it('uses the singular for exactly one and the plural otherwise, with Dutch number formatting', () => {
    expect(formatCount(1, 'woning', 'woningen')).toBe('1 woning');
    expect(formatCount(0, 'woning', 'woningen')).toBe('0 woningen');
    expect(formatCount(1234, 'woning', 'woningen')).toBe('1.234 woningen');
    expect(formatCount(1, 'organisatie heeft', 'organisaties hebben')).toBe('1 organisatie heeft');
  });
});
