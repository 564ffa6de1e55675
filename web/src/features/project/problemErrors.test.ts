import { describe, expect, it } from 'vitest';
import { mapMilestoneErrors } from './problemErrors.ts';

describe('mapMilestoneErrors', () => {
  it('puts request validation errors next to the field they name', () => {
    const r = mapMilestoneErrors([{ path: 'forecastDate', code: 'custom', message: 'Ongeldige datum.' }], 11);
    expect(r).toEqual({ fields: { forecastDate: 'Ongeldige datum.' }, other: [] });
  });

  it('puts rule errors on the edited milestone next to its field, others apart', () => {
    const r = mapMilestoneErrors(
      [
        { path: 'milestones[11].actualDate', code: 'milestone_order', message: 'Oplevering ligt vóór Start bouw.' },
        { path: 'milestones[3].forecastDate', code: 'x', message: 'Ander probleem.' },
        { path: 'version', code: 'too_small', message: 'Versie ontbreekt.' },
      ],
      11,
    );
    expect(r).toEqual({ fields: { actualDate: 'Oplevering ligt vóór Start bouw.' }, other: ['Ander probleem.', 'Versie ontbreekt.'] });
  });
});
