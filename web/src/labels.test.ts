/** Counts on screen take the singular for one ("1 woning", "1 organisatie heeft"), Dutch thousands separators otherwise. */
import { describe, expect, it } from 'vitest';
import { POLICY } from '../../src/domain/policy.ts';
import { formatCount, formatGoalShare, NATIONAL_GOALS } from './labels.ts';

describe('formatCount', () => {
  it('uses the singular for exactly one and the plural otherwise, with Dutch number formatting', () => {
    expect(formatCount(1, 'woning', 'woningen')).toBe('1 woning');
    expect(formatCount(0, 'woning', 'woningen')).toBe('0 woningen');
    expect(formatCount(1234, 'woning', 'woningen')).toBe('1.234 woningen');
    expect(formatCount(1, 'organisatie heeft', 'organisaties hebben')).toBe('1 organisatie heeft');
  });
});

describe('the national goals on screen', () => {
  it('come from the domain policy, not typed again in the web (issue 9)', () => {
    expect(NATIONAL_GOALS).toBe(POLICY.targets);
  });

  it('say a share goal as the policy documents do: two thirds in words, other shares as a percentage', () => {
    expect(formatGoalShare(NATIONAL_GOALS.affordableShare)).toBe('twee derde');
    expect(formatGoalShare(NATIONAL_GOALS.socialShare)).toBe('30%');
  });
});
