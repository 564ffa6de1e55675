/**
 * Unit tests for ending a plan (src/domain/withdrawal.ts; issue 12 item 2): withdrawing ("vervallen",
 * counted as planuitval, `002 § 1`), making it active again, merging two records of the same plan.
 */
import { describe, expect, it } from 'vitest';
import {
  ACTIVE,
  checkMerge,
  checkReinstatement,
  checkWithdrawal,
  closedRecordProblem,
  countsInFigures,
  isPlanuitval,
  lifecycleState,
  planMerge,
  summarisePlanuitval,
  type ProjectLifecycle,
} from './withdrawal.ts';

const TODAY = '2026-12-02';
const withdrawn: ProjectLifecycle = { ...ACTIVE, state: 'vervallen', withdrawnDate: '2026-10-01', withdrawnReason: 'Grond niet verworven.' };
const merged: ProjectLifecycle = { ...ACTIVE, state: 'samengevoegd', mergedIntoId: 'b', mergedIntoName: 'B', mergedAt: '2026-11-01T10:00:00.000Z' };

describe('state of a record', () => {
  it('is samengevoegd once merged (also when it was withdrawn before), else vervallen with a withdrawal date, else actief', () => {
    expect(lifecycleState({ withdrawnDate: null, mergedAt: null })).toBe('actief');
    expect(lifecycleState({ withdrawnDate: '2026-01-01', mergedAt: null })).toBe('vervallen');
    expect(lifecycleState({ withdrawnDate: '2026-01-01', mergedAt: '2026-02-01T00:00:00Z' })).toBe('samengevoegd');
  });

  it('SPEC §3 plancapaciteit (`002 § 1`): only an active plan counts in the figures; a withdrawn plan is planuitval, a merged duplicate is neither', () => {
    expect([ACTIVE, withdrawn, merged].map(countsInFigures)).toEqual([true, false, false]);
    expect([ACTIVE, withdrawn, merged].map(isPlanuitval)).toEqual([false, true, false]);
  });
});

describe('withdrawing a plan ("vervallen")', () => {
  it('accepts an active plan with a reason and a date up to today', () => {
    expect(checkWithdrawal(ACTIVE, { reason: 'Gemeenteraad heeft het plan afgewezen.', date: TODAY }, TODAY)).toEqual([]);
  });

  it('asks for the reason and the date, naming each field', () => {
    expect(checkWithdrawal(ACTIVE, { reason: '  ', date: undefined }, TODAY)).toEqual([
      expect.objectContaining({ path: 'reason', code: 'required' }),
      expect.objectContaining({ path: 'date', code: 'required' }),
    ]);
  });

  it('refuses a date after today (a withdrawal is a decision that has happened), in plain Dutch', () => {
    const [issue] = checkWithdrawal(ACTIVE, { reason: 'Vervalt.', date: '2026-12-03' }, TODAY);
    expect(issue).toMatchObject({ path: 'date', code: 'date_in_future' });
    expect(issue!.message).toContain('3 december 2026');
  });

  it('refuses a plan that is already withdrawn or merged', () => {
    expect(checkWithdrawal(withdrawn, { reason: 'x', date: TODAY }, TODAY)).toEqual([
      { path: 'version', code: 'already_withdrawn', message: 'Dit plan is al vervallen (op 1 oktober 2026).' },
    ]);
    expect(checkWithdrawal(merged, { reason: 'x', date: TODAY }, TODAY)).toEqual([expect.objectContaining({ code: 'merged' })]);
  });

  it('refuses a reason longer than 2000 characters', () => {
    expect(checkWithdrawal(ACTIVE, { reason: 'x'.repeat(2001), date: TODAY }, TODAY)).toEqual([
      expect.objectContaining({ path: 'reason', code: 'too_long' }),
    ]);
  });
});

describe('making a withdrawn plan active again', () => {
  it('needs a withdrawn plan and a reason', () => {
    expect(checkReinstatement(withdrawn, { reason: 'Nieuwe ontwikkelaar gevonden.' })).toEqual([]);
    expect(checkReinstatement(withdrawn, { reason: '' })).toEqual([expect.objectContaining({ path: 'reason', code: 'required' })]);
    expect(checkReinstatement(ACTIVE, { reason: 'x' })).toEqual([expect.objectContaining({ code: 'not_withdrawn' })]);
    expect(checkReinstatement(merged, { reason: 'x' })).toEqual([expect.objectContaining({ code: 'merged' })]);
  });
});

describe('a merged record is closed', () => {
  it('refuses changes to a merged record and names the record that stays; an active or withdrawn plan may still be changed', () => {
    expect(closedRecordProblem(ACTIVE)).toBeNull();
    expect(closedRecordProblem(withdrawn)).toBeNull();
    expect(closedRecordProblem({ state: 'samengevoegd', mergedIntoName: 'Kerckebosch' })).toContain("samengevoegd met 'Kerckebosch'");
    expect(closedRecordProblem({ state: 'samengevoegd', mergedIntoName: null })).toContain('samengevoegd met een ander project');
  });
});

describe('merging two records of the same plan', () => {
  const side = (id: string, lifecycle: ProjectLifecycle = ACTIVE, gemeenteCode = 'GM0363') => ({ id, gemeenteCode, lifecycle });

  it('accepts two active records of the same gemeente', () => {
    expect(checkMerge(side('a'), side('b'))).toEqual([]);
    expect(checkMerge(side('a', withdrawn), side('b'))).toEqual([]);
  });

  it('refuses the record itself, another gemeente, and a record that stays which is merged or withdrawn', () => {
    expect(checkMerge(side('a'), side('a'))).toEqual([expect.objectContaining({ path: 'intoProjectId', code: 'same_project' })]);
    expect(checkMerge(side('a'), side('b', ACTIVE, 'GM0344'))).toEqual([expect.objectContaining({ path: 'intoProjectId', code: 'other_gemeente' })]);
    expect(checkMerge(side('a'), side('b', merged))).toEqual([expect.objectContaining({ path: 'intoProjectId', code: 'merged' })]);
    expect(checkMerge(side('a'), side('b', withdrawn))).toEqual([expect.objectContaining({ path: 'intoProjectId', code: 'withdrawn' })]);
    expect(checkMerge(side('a', merged), side('b'))).toEqual([expect.objectContaining({ path: 'version', code: 'merged' })]);
  });

  it('moves every knelpunt and the parties (organisation and role) the record that stays does not have', () => {
    const plan = planMerge(
      {
        parties: [
          { organisationId: 'o1', role: 'ontwikkelaar' },
          { organisationId: 'o2', role: 'corporatie' },
          { organisationId: 'o3', role: 'belegger' },
        ],
        knelpunten: [{ id: 'k1' }, { id: 'k2' }],
      },
      {
        parties: [
          { organisationId: 'o1', role: 'ontwikkelaar' },
          { organisationId: 'o3', role: 'bouwer' },
        ],
      },
    );
    expect(plan).toEqual({
      knelpuntIds: ['k1', 'k2'],
      parties: [
        { organisationId: 'o2', role: 'corporatie' },
        { organisationId: 'o3', role: 'belegger' },
      ],
    });
  });
});

describe('planuitval per year', () => {
  it('sums the withdrawn plans and their homes per year of withdrawal, oldest first', () => {
    expect(
      summarisePlanuitval([
        { withdrawnDate: '2026-03-01', totalHomes: 100 },
        { withdrawnDate: '2025-11-30', totalHomes: 40 },
        { withdrawnDate: '2026-09-15', totalHomes: 10 },
      ]),
    ).toEqual({
      projects: 3,
      homes: 150,
      perYear: [
        { year: 2025, projects: 1, homes: 40 },
        { year: 2026, projects: 2, homes: 110 },
      ],
    });
    expect(summarisePlanuitval([])).toEqual({ projects: 0, homes: 0, perYear: [] });
  });
});
