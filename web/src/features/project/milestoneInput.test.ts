/**
 * The optional milestone rows of "Nieuw project" (milestoneInput.ts) → POST /projects `milestones`: all twelve
 * milestones are sent, a row adds its dates to the milestone it names; impossible dates and a milestone chosen
 * twice are refused under the row's field, naming the row; the server's `milestones[i].field` finds its row again.
 */
import { describe, expect, it } from 'vitest';
import { MILESTONE_CODES } from '../../labels.ts';
import { collectMilestones, newMilestoneRow, type MilestoneRow } from './milestoneInput.ts';
import { mapServerIssues } from './projectForm.ts';

const TODAY = '2026-12-02';
const row = (code: MilestoneRow['code'], baselineDate = '', forecastDate = ''): MilestoneRow => ({
  ...newMilestoneRow(),
  code,
  baselineDate,
  forecastDate,
});

describe('collectMilestones', () => {
  it('sends all twelve milestones without dates when there are no rows', () => {
    const c = collectMilestones([], TODAY);
    expect(c.errors).toEqual({});
    expect(c.items).toEqual(MILESTONE_CODES.map((code) => ({ code })));
    expect(c.rowOf).toEqual(MILESTONE_CODES.map(() => -1));
  });

  it('puts the dates of each row on its milestone, typed dd-mm-jjjj, and remembers the row', () => {
    const c = collectMilestones([row('M11', '01-09-2028', '15-10-2028'), row(''), row('M06', '1-3-2027')], TODAY);
    expect(c.errors).toEqual({});
    expect(c.items).toHaveLength(12);
    expect(c.items[5]).toEqual({ code: 'M06', baselineDate: '2027-03-01' });
    expect(c.items[10]).toEqual({ code: 'M11', baselineDate: '2028-09-01', forecastDate: '2028-10-15' });
    expect(c.items[0]).toEqual({ code: 'M01' });
    expect(c.rowOf[5]).toBe(2);
    expect(c.rowOf[10]).toBe(0);
    expect(c.rowOf.filter((r) => r >= 0)).toHaveLength(2);
  });

  it('refuses an impossible date next to its field, naming the row', () => {
    const c = collectMilestones([row('M06', '01-03-2027'), row('M11', '31-02-2027')], TODAY);
    expect(c.errors).toEqual({ 'milestones.1.baselineDate': 'Regel 2: ‘31-02-2027’ bestaat niet: februari 2027 heeft 28 dagen.' });
  });

  it('refuses an implausible date with the server rule', () => {
    const c = collectMilestones([row('M06', '', '01-01-1900')], TODAY);
    expect(Object.keys(c.errors)).toEqual(['milestones.0.forecastDate']);
    expect(c.errors['milestones.0.forecastDate']).toMatch(/^Regel 1: De prognosedatum /);
  });

  it('refuses the same milestone twice, naming the earlier row', () => {
    const c = collectMilestones([row('M06', '01-03-2027'), row('M11'), row('M06', '', '01-04-2027')], TODAY);
    expect(c.errors).toEqual({ 'milestones.2.code': 'Regel 3: Deze mijlpaal staat al in regel 1. Zet de datums in één regel.' });
  });

  it('asks for the milestone of a row with dates but none chosen; an empty row is left out', () => {
    const c = collectMilestones([row(''), row('', '', '01-04-2027')], TODAY);
    expect(c.errors).toEqual({ 'milestones.1.code': 'Regel 2: Kies de mijlpaal waarbij deze datums horen.' });
  });
});

describe('mapServerIssues for milestones', () => {
  const rowOf = collectMilestones([row('M11', '01-09-2028'), row('M06', '01-03-2027')], TODAY).rowOf;
  it('puts `milestones[10].forecastDate` and `milestones.5.baselineDate` under the row they came from', () => {
    const mapped = mapServerIssues(
      [
        { path: 'milestones[10].forecastDate', code: 'invalid', message: 'Te laat.' },
        { path: 'milestones.5.baselineDate', code: 'invalid', message: 'Te vroeg.' },
        { path: 'milestones[5].homes', code: 'invalid', message: 'Geen woningen.' },
      ],
      { rowOf: { milestones: rowOf } },
    );
    expect(mapped.errors).toEqual({
      'milestones.0.forecastDate': 'Regel 1: Te laat.',
      'milestones.1.baselineDate': 'Regel 2: Te vroeg.',
      'milestones.1.code': 'Regel 2: Geen woningen.',
    });
    expect(mapped.other).toEqual([]);
  });
  it('keeps an error about a milestone without a row as a message of the form', () => {
    const mapped = mapServerIssues([{ path: 'milestones[0].baselineDate', code: 'invalid', message: 'Iets.' }], { rowOf: { milestones: rowOf } });
    expect(mapped).toEqual({ errors: {}, other: ['Iets.'] });
  });
});
