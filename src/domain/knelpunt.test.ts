/** Unit tests for the knelpunt rules (src/domain/knelpunt.ts). SPEC §2 "Knelpunt"; SPEC §7: plain Dutch on screen. */
import { describe, expect, it } from 'vitest';
import { checkKnelpunt } from './knelpunt.ts';

describe('SPEC §2 "Knelpunt": resolved after raised', () => {
  it('refuses a resolution date before the date raised, with both dates in plain Dutch (no ISO dates)', () => {
    expect(checkKnelpunt({ raisedDate: '2026-05-01', resolvedDate: '2026-04-01', resolution: 'Opgelost.' })).toEqual([
      { path: 'resolvedDate', code: 'date_order', message: 'De datum van oplossen (1 april 2026) ligt vóór de datum van melden (1 mei 2026).' },
    ]);
  });

  it('accepts a resolution on or after the date raised, and asks how it was resolved', () => {
    expect(checkKnelpunt({ raisedDate: '2026-05-01', resolvedDate: '2026-05-01', resolution: 'Opgelost.' })).toEqual([]);
    expect(checkKnelpunt({ raisedDate: '2026-05-01', resolvedDate: '2026-06-01', resolution: ' ' })).toEqual([
      expect.objectContaining({ path: 'resolution', code: 'required' }),
    ]);
  });
});
