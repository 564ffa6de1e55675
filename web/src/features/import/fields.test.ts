import { describe, expect, it } from 'vitest';
import { buildMapping, columnOf, examples, fieldGroups, fieldLabel } from './fields.ts';

describe('planlijst mapping fields in the web app (issue 13 part 1; SPEC §7)', () => {
  it('names register fields in plain Dutch, also the yearly and milestone ones', () => {
    expect(fieldLabel('homesTotal')).toBe('Woningen totaal');
    expect(fieldLabel('homes.sociale_huur')).toBe('Woningen sociale huur');
    expect(fieldLabel('completions.2027.middenhuur')).toBe('Oplevering 2027 – middenhuur');
    expect(fieldLabel('completions.2020-2024')).toBe('Oplevering 2020–2024');
    expect(fieldLabel('milestones.M11.prognose')).toBe('Start bouw (M11) – verwacht');
  });

  it('shows the base fields and adds the suggestion’s years and milestones in their own groups', () => {
    const groups = fieldGroups({ source: 's', fields: { name: 'Naam', 'completions.2028': 'Op 2028', 'milestones.M12.basis': 'Oplevering' } });
    expect(groups.map((g) => g.title)).toEqual(['Project', 'Woningen', 'Opleveringen per jaar', 'Mijlpalen']);
    expect(groups[2]!.fields).toEqual(['completions.2028']);
  });

  it('sends only the chosen columns and the recognised plan status labels', () => {
    const mapping = buildMapping({ source: 's', fields: {} }, { name: 'Naam', gemeente: '' }, { Vastgesteld: 'vastgesteld', Raar: '' });
    expect(mapping).toEqual({ source: 's', fields: { name: 'Naam' }, values: { planStatus: { Vastgesteld: 'vastgesteld' } } });
    expect(columnOf({ source: 's', fields: { homesTotal: { columns: ['A', 'B'] } } }, 'homesTotal')).toBe('A');
  });

  it('gives distinct non-empty examples of a column', () => {
    expect(
      examples(
        ['a', 'b'],
        [
          ['1', 'x'],
          ['', 'x'],
          ['2', 'y'],
        ],
        'a',
      ),
    ).toEqual(['1', '2']);
    expect(examples(['a'], [['1']], 'zz')).toEqual([]);
  });
});
