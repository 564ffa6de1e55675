import { describe, expect, it } from 'vitest';
import { attainmentClass, formatTargetValue } from './attainment.ts';

describe('target attainment classes of the national map', () => {
  it('puts each attainment in a class with a name in words; no target is its own class', () => {
    expect(attainmentClass(1.02)).toBe('gehaald');
    expect(attainmentClass(1)).toBe('gehaald');
    expect(attainmentClass(0.8)).toBe('bijna');
    expect(attainmentClass(0.5)).toBe('achter');
    expect(attainmentClass(0.1)).toBe('ver_achter');
    expect(attainmentClass(null)).toBe('geen_doel');
  });

  it('formats target values with their unit in Dutch', () => {
    expect(formatTargetValue(100000, 'woningen_per_jaar')).toBe('100.000 woningen per jaar');
    expect(formatTargetValue(60000, 'kamers')).toBe('60.000 kamers');
    expect(formatTargetValue(2 / 3, 'aandeel')).toBe('67%');
    expect(formatTargetValue(288000, 'woningen')).toBe('288.000 woningen');
  });
});
