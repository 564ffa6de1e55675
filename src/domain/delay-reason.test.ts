/**
 * Unit tests for why a date moved (src/domain/delay-reason.ts). SPEC §2 "Phases and milestones" (delayed: later than
 * the baseline by more than the tolerance, design default 3 months) and "Knelpunt" (the categories); issue 12 item 4.
 */
import { describe, expect, it } from 'vitest';
import { attachDelayReasons, describeDelayReason, needsDelayReason, resolveDelayReason } from './delay-reason.ts';
import type { ProjectChange } from './project-diff.ts';
import type { Knelpunt } from './project.ts';

const M11 = { baselineDate: '2027-01-01', forecastDate: '2027-01-01', actualDate: null };

describe('SPEC §2 "Phases and milestones": a forecast moved past the tolerance needs a reason', () => {
  it('needs one when the new forecast is later than baseline + 3 months and later than it was', () => {
    expect(needsDelayReason(M11, '2027-04-02')).toBe(true);
    expect(needsDelayReason({ ...M11, forecastDate: null }, '2027-06-01')).toBe(true);
  });

  it('needs none within the tolerance (exactly 3 months is still on time)', () => {
    expect(needsDelayReason(M11, '2027-04-01')).toBe(false);
    expect(needsDelayReason(M11, '2027-02-15')).toBe(false);
  });

  it('needs none when the forecast moves earlier, even while still delayed', () => {
    expect(needsDelayReason({ ...M11, forecastDate: '2028-01-01' }, '2027-10-01')).toBe(false);
    expect(needsDelayReason({ ...M11, forecastDate: '2028-01-01' }, '2028-01-01')).toBe(false);
  });

  it('needs none without a baseline, without a new forecast, or once the milestone is achieved', () => {
    expect(needsDelayReason({ ...M11, baselineDate: null }, '2030-01-01')).toBe(false);
    expect(needsDelayReason(M11, null)).toBe(false);
    expect(needsDelayReason(undefined, '2030-01-01')).toBe(false);
    expect(needsDelayReason({ ...M11, actualDate: '2026-12-01' }, '2030-01-01')).toBe(false);
  });

  it('follows the tolerance given', () => {
    expect(needsDelayReason(M11, '2027-03-01', { toleranceMonths: 1, seriousMonths: 12 })).toBe(true);
  });
});

const knelpunt: Knelpunt = {
  id: '11111111-1111-4111-8111-111111111111',
  projectId: 'p',
  category: 'stikstof',
  description: 'Stikstofvergunning ontbreekt',
  owner: null,
  raisedDate: '2026-01-01',
  escalated: false,
  escalatedOn: null,
  escalationReason: null,
  resolution: null,
  resolvedDate: null,
  version: 1,
};

describe('SPEC §2 "Knelpunt": the reason is a category with a short text, or a knelpunt of the project', () => {
  it('keeps a category with its text', () => {
    expect(resolveDelayReason({ category: 'netcongestie', text: ' Geen aansluiting ' }, [])).toEqual({
      reason: { category: 'netcongestie', text: 'Geen aansluiting', knelpuntId: null },
    });
  });

  it('refuses an empty text', () => {
    expect(resolveDelayReason({ category: 'netcongestie', text: '  ' }, [])).toEqual({
      issues: [{ path: 'delayReason.text', code: 'required', message: 'Licht kort toe waarom de datum schuift.' }],
    });
  });

  it('copies a linked knelpunt of the project, and refuses one of another project', () => {
    expect(resolveDelayReason({ knelpuntId: knelpunt.id }, [knelpunt])).toEqual({
      reason: { category: 'stikstof', text: 'Stikstofvergunning ontbreekt', knelpuntId: knelpunt.id },
    });
    expect(resolveDelayReason({ knelpuntId: '22222222-2222-4222-8222-222222222222' }, [knelpunt])).toMatchObject({
      issues: [{ path: 'delayReason.knelpuntId', code: 'unknown_knelpunt' }],
    });
  });

  it('reads in plain Dutch, and is attached to the move in "wat is er veranderd"', () => {
    expect(describeDelayReason({ category: 'netcongestie', text: 'Geen aansluiting', knelpuntId: null })).toBe('Netcongestie: Geen aansluiting');
    const moved: ProjectChange = {
      kind: 'milestone_moved',
      field: 'milestones.M11.forecastDate',
      from: '2027-01-01',
      to: '2027-09-01',
      milestoneCode: 'M11',
      message: 'Start bouw (M11): verwachte datum verschoven.',
    };
    const other: ProjectChange = { ...moved, milestoneCode: 'M06', field: 'milestones.M06.forecastDate' };
    const reasons = [
      {
        milestoneCode: 'M11' as const,
        oldForecast: '2027-01-01',
        newForecast: '2027-06-01',
        category: 'stikstof' as const,
        text: 'Oud',
        knelpuntId: null,
        recordedAt: '2026-05-01T10:00:00.000Z',
      },
      {
        milestoneCode: 'M11' as const,
        oldForecast: '2027-06-01',
        newForecast: '2027-09-01',
        category: 'netcongestie' as const,
        text: 'Geen aansluiting',
        knelpuntId: null,
        recordedAt: '2026-05-02T10:00:00.000Z',
      },
    ];
    expect(attachDelayReasons([moved, other], reasons)).toEqual([
      {
        ...moved,
        reason: 'Netcongestie: Geen aansluiting',
        message: 'Start bouw (M11): verwachte datum verschoven. Reden: Netcongestie: Geen aansluiting',
      },
      other,
    ]);
  });
});
