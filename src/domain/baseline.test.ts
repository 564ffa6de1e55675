/**
 * Unit tests for the baseline rule and re-baselining (src/domain/baseline.ts).
 *
 * SPEC §2 "Phases and milestones": each milestone has "a baseline date (agreed plan)"; "Re-baselining is
 * an explicit act of the table, with a reason, kept in history." SPEC §2 "Quarterly round" and seed
 * `001 § Afspraak 3B` ("Bij vertraging worden alternatieve mogelijkheden en alternatieve projecten
 * aangedragen"): a delay must stay visible against the agreed plan, so an ordinary edit cannot move it.
 */
import { describe, expect, it } from 'vitest';
import { milestone } from '../../test/helpers/builders.ts';
import { checkBaselineEdit, MIN_REASON_LENGTH, planRebaseline } from './baseline.ts';
import type { MilestoneCode } from './codes.ts';
import type { Milestone } from './project.ts';

function m(code: MilestoneCode, baselineDate: string | null, fields: Partial<Omit<Milestone, 'code'>> = {}): Milestone {
  return milestone(code, { baselineDate, ...fields });
}

describe('SPEC §2: an ordinary edit may set an empty baseline but not change or clear one', () => {
  const current = [m('M09', '2026-01-01'), m('M11', null), m('M12', '2028-06-01')];

  it('allows an edit that keeps every baseline and moves forecasts', () => {
    expect(checkBaselineEdit(current, [m('M09', '2026-01-01', { forecastDate: '2026-05-01' }), m('M11', null), m('M12', '2028-06-01')])).toEqual([]);
  });

  it('allows setting a baseline that was empty, and adding a milestone with a baseline', () => {
    expect(checkBaselineEdit(current, [m('M09', '2026-01-01'), m('M11', '2026-06-01'), m('M12', '2028-06-01'), m('M10', '2026-03-01')])).toEqual([]);
  });

  it('refuses changing an existing baseline, naming milestones[i].baselineDate and pointing to "opnieuw baselinen"', () => {
    const issues = checkBaselineEdit(current, [m('M09', '2026-01-01'), m('M11', null), m('M12', '2028-12-01')]);
    expect(issues).toEqual([
      {
        path: 'milestones[2].baselineDate',
        code: 'baseline_locked',
        message: expect.stringMatching(/Oplevering \(M12\) staat vast op 1 juni 2028.*opnieuw baselinen.*reden/),
      },
    ]);
  });

  it('refuses clearing an existing baseline', () => {
    const issues = checkBaselineEdit(current, [m('M09', null), m('M11', null), m('M12', '2028-06-01')]);
    expect(issues).toEqual([
      expect.objectContaining({ path: 'milestones[0].baselineDate', code: 'baseline_locked', message: expect.stringContaining('gewist') }),
    ]);
  });

  it('uses the index in the new list, whatever the order', () => {
    const issues = checkBaselineEdit(current, [m('M12', '2028-07-01'), m('M09', '2026-01-01')]);
    expect(issues.map((i) => i.path)).toEqual(['milestones[0].baselineDate']);
  });

  it('refuses dropping a milestone that has a baseline, naming milestones', () => {
    const issues = checkBaselineEdit(current, [m('M09', '2026-01-01'), m('M11', null)]);
    expect(issues).toEqual([expect.objectContaining({ path: 'milestones', code: 'baseline_locked', message: expect.stringContaining('M12') })]);
  });

  it('allows dropping a milestone without a baseline', () => {
    expect(checkBaselineEdit(current, [m('M09', '2026-01-01'), m('M12', '2028-06-01')])).toEqual([]);
  });
});

describe('SPEC §2: re-baselining is an explicit act with a reason', () => {
  const current = [m('M09', '2026-01-01', { forecastDate: '2026-09-01' }), m('M11', '2026-06-01'), m('M12', '2028-06-01')];
  const reason = 'Netcongestie: aansluiting pas in 2027, afgesproken aan de tafel van 12 november';

  it('changes the named baselines, keeps everything else and lists the changes', () => {
    const plan = planRebaseline(current, {
      reason,
      milestones: [
        { code: 'M09', baselineDate: '2026-09-01' },
        { code: 'M12', baselineDate: '2029-01-01' },
      ],
    });
    expect(plan.issues).toEqual([]);
    expect(plan.changes).toEqual([
      { code: 'M09', from: '2026-01-01', to: '2026-09-01' },
      { code: 'M12', from: '2028-06-01', to: '2029-01-01' },
    ]);
    expect(plan.milestones).toEqual([m('M09', '2026-09-01', { forecastDate: '2026-09-01' }), m('M11', '2026-06-01'), m('M12', '2029-01-01')]);
  });

  it('may clear a baseline and may set an empty one', () => {
    const plan = planRebaseline([m('M09', '2026-01-01'), m('M11', null)], {
      reason,
      milestones: [
        { code: 'M09', baselineDate: null },
        { code: 'M11', baselineDate: '2026-06-01' },
      ],
    });
    expect(plan.changes).toEqual([
      { code: 'M09', from: '2026-01-01', to: null },
      { code: 'M11', from: null, to: '2026-06-01' },
    ]);
  });

  it.each(['', '   ', 'te kort', ' nog kort  '])(`refuses a reason shorter than ${MIN_REASON_LENGTH} characters: %j`, (r) => {
    const plan = planRebaseline(current, { reason: r, milestones: [{ code: 'M12', baselineDate: '2029-01-01' }] });
    expect(plan.issues).toEqual([expect.objectContaining({ path: 'reason', code: 'reason_required' })]);
  });

  it('ignores entries that do not change, but refuses when nothing changes at all', () => {
    const plan = planRebaseline(current, {
      reason,
      milestones: [
        { code: 'M11', baselineDate: '2026-06-01' },
        { code: 'M12', baselineDate: '2028-07-01' },
      ],
    });
    expect(plan.issues).toEqual([]);
    expect(plan.changes).toEqual([{ code: 'M12', from: '2028-06-01', to: '2028-07-01' }]);
    const none = planRebaseline(current, { reason, milestones: [{ code: 'M11', baselineDate: '2026-06-01' }] });
    expect(none.issues).toEqual([expect.objectContaining({ path: 'milestones', code: 'no_change' })]);
  });

  it('names milestones[i] for a duplicate, a milestone the project does not have, and an invalid date', () => {
    const plan = planRebaseline(current, {
      reason,
      milestones: [
        { code: 'M12', baselineDate: '2029-01-01' },
        { code: 'M12', baselineDate: '2029-02-01' },
        { code: 'M05', baselineDate: '2025-01-01' },
        { code: 'M11', baselineDate: '2026-13-01' },
      ],
    });
    expect(plan.issues).toEqual([
      expect.objectContaining({ path: 'milestones[1].code', code: 'duplicate' }),
      expect.objectContaining({ path: 'milestones[2].code', code: 'unknown_milestone' }),
      expect.objectContaining({ path: 'milestones[3].baselineDate', code: 'invalid_date' }),
    ]);
  });

  it('refuses an empty list', () => {
    expect(planRebaseline(current, { reason, milestones: [] }).issues).toEqual([expect.objectContaining({ path: 'milestones', code: 'required' })]);
  });
});
