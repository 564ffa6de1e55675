import { describe, expect, it } from 'vitest';
import { describeMerge, mergeCandidates } from './mergeInput.ts';

const org = (id: string, name: string, fields: Partial<{ type: string; synthetic: boolean; kvkNumber: string | null }> = {}) => ({
  id,
  name,
  type: 'ontwikkelaar',
  kvkNumber: null,
  synthetic: false,
  mergedInto: null,
  ...fields,
});
const none = { projects: 0, people: 0, deliveries: 0, regions: 0, invitations: 0 };

describe('mergeCandidates', () => {
  it('offers registered organisations other than itself, of the same kind of data, matching the search', () => {
    const dup = org('a', 'Bouwbedrijf Jansen');
    const all = [
      dup,
      org('b', 'Jansen Bouw BV'),
      org('c', 'Gemeente Utrecht', { type: 'gemeente' }),
      org('d', 'Demo Jansen', { synthetic: true }),
      org('e', 'Anders'),
    ];
    expect(mergeCandidates(dup, all, 'jansen').map((o) => o.id)).toEqual(['b']);
    expect(mergeCandidates(dup, all, '').map((o) => o.id)).toEqual(['b', 'e']);
  });
});

describe('describeMerge', () => {
  it('names what moves, in plain Dutch', () => {
    expect(describeMerge({ ...none, projects: 12, people: 2 }, 'Jansen Bouw BV')).toBe('12 projecten en 2 mensen gaan over naar ‘Jansen Bouw BV’.');
    expect(describeMerge({ ...none, projects: 1 }, 'X')).toBe('1 project gaat over naar ‘X’.');
    expect(describeMerge({ projects: 1, people: 1, deliveries: 0, regions: 2, invitations: 1 }, 'X')).toBe(
      '1 project, 1 persoon, 2 lidmaatschappen van een tafel en 1 uitnodiging gaan over naar ‘X’.',
    );
    expect(describeMerge(none, 'X')).toMatch(/^Er hoort niets bij deze organisatie/);
  });
});
