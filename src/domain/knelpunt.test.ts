/** Unit tests for the knelpunt rules (src/domain/knelpunt.ts). SPEC §2 "Knelpunt"; SPEC §7: plain Dutch on screen. */
import { describe, expect, it } from 'vitest';
import {
  checkKnelpunt,
  checkKnelpuntChange,
  escalateKnelpunt,
  knelpuntStep,
  newEscalationsSince,
  resolveKnelpunt,
  withoutEscalation,
} from './knelpunt.ts';
import type { Knelpunt } from './project.ts';

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

const open: Knelpunt = {
  id: 'k1',
  projectId: 'p1',
  category: 'netcongestie',
  description: 'Geen aansluiting op het net voor 2029',
  owner: 'Netbeheerder',
  raisedDate: '2026-05-01',
  escalated: false,
  escalatedOn: null,
  escalationReason: null,
  resolution: null,
  resolvedDate: null,
  version: 1,
};

describe('SPEC §2 "Knelpunt" (`001 § 1.1, 10, 11, 18`): escalating to the versnellingstafel', () => {
  it('escalates an open knelpunt with its reason, dated today', () => {
    expect(escalateKnelpunt(open, '  Netbeheerder reageert niet  ', '2026-06-10')).toEqual({
      ok: true,
      knelpunt: { ...open, escalated: true, escalatedOn: '2026-06-10', escalationReason: 'Netbeheerder reageert niet' },
    });
  });

  it('needs a reason why the table must pick it up', () => {
    expect(escalateKnelpunt(open, '   ', '2026-06-10')).toEqual({
      ok: false,
      issues: [{ path: 'reason', code: 'required', message: 'Schrijf waarom de versnellingstafel dit knelpunt moet oppakken.' }],
    });
  });

  it('cannot escalate a resolved knelpunt, nor one already escalated', () => {
    const resolved = { ...open, resolvedDate: '2026-06-01', resolution: 'Tijdelijke aansluiting' };
    expect(escalateKnelpunt(resolved, 'Graag', '2026-06-10')).toMatchObject({ ok: false, issues: [{ path: 'escalated', code: 'resolved' }] });
    const escalated = { ...open, escalated: true, escalatedOn: '2026-06-02', escalationReason: 'Al gedaan' };
    expect(escalateKnelpunt(escalated, 'Nog eens', '2026-06-10')).toEqual({
      ok: false,
      issues: [{ path: 'escalated', code: 'already_escalated', message: 'Dit knelpunt is al op 2 juni 2026 naar de tafel geëscaleerd.' }],
    });
  });

  it('a change that escalates (PATCH) needs the reason too; an escalation from before reasons were kept may stay without', () => {
    expect(checkKnelpuntChange(open, { ...open, escalated: true })).toEqual([
      expect.objectContaining({ path: 'escalationReason', code: 'required' }),
    ]);
    expect(checkKnelpuntChange(null, { ...open, escalated: true, escalationReason: 'Tafel moet de netbeheerder aanspreken' })).toEqual([]);
    const legacy = { ...open, escalated: true };
    expect(checkKnelpuntChange(legacy, { ...legacy })).toEqual([]);
    const withReason = { ...open, escalated: true, escalationReason: 'Reden' };
    expect(checkKnelpuntChange(withReason, { ...withReason, escalationReason: '' })).toEqual([expect.objectContaining({ code: 'required' })]);
  });

  it('a reason for the table belongs to an escalation only', () => {
    expect(checkKnelpuntChange(open, { ...open, escalationReason: 'Reden' })).toEqual([expect.objectContaining({ code: 'not_escalated' })]);
    expect(withoutEscalation({ ...open, escalatedOn: '2026-06-01', escalationReason: 'Reden' })).toEqual(open);
  });
});

describe('SPEC §2 "Knelpunt": resolving with a date and how', () => {
  it('resolves with the date and how', () => {
    expect(resolveKnelpunt(open, { resolvedDate: '2026-06-01', resolution: ' Tijdelijke aansluiting ' }, '2026-06-10')).toEqual({
      ok: true,
      knelpunt: { ...open, resolvedDate: '2026-06-01', resolution: 'Tijdelijke aansluiting' },
    });
  });

  it('needs a date, not before it was raised and not in the future, and how it was resolved', () => {
    expect(resolveKnelpunt(open, { resolvedDate: null, resolution: '' }, '2026-06-10')).toMatchObject({
      ok: false,
      issues: [
        { path: 'resolvedDate', code: 'required' },
        { path: 'resolution', code: 'required' },
      ],
    });
    expect(resolveKnelpunt(open, { resolvedDate: '2026-04-01', resolution: 'x' }, '2026-06-10')).toMatchObject({
      ok: false,
      issues: [{ path: 'resolvedDate', code: 'date_order' }],
    });
    expect(resolveKnelpunt(open, { resolvedDate: '2026-06-11', resolution: 'x' }, '2026-06-10')).toEqual({
      ok: false,
      issues: [{ path: 'resolvedDate', code: 'date_in_future', message: 'De datum van oplossen (11 juni 2026) ligt in de toekomst.' }],
    });
  });

  it('cannot resolve twice', () => {
    expect(
      resolveKnelpunt({ ...open, resolvedDate: '2026-06-01', resolution: 'x' }, { resolvedDate: '2026-06-02', resolution: 'y' }, '2026-06-10'),
    ).toMatchObject({
      ok: false,
      issues: [{ path: 'resolvedDate', code: 'already_resolved' }],
    });
  });
});

describe('SPEC §7 (every change audited): each step of a knelpunt is its own act in the history', () => {
  it('names the step', () => {
    const escalated = { ...open, escalated: true };
    const resolved = { ...open, resolvedDate: '2026-06-01' };
    expect(knelpuntStep(null, open)).toBe('knelpunt toegevoegd');
    expect(knelpuntStep(open, { ...open })).toBe('knelpunt gewijzigd');
    expect(knelpuntStep(open, escalated)).toBe('knelpunt geëscaleerd naar de tafel');
    expect(knelpuntStep(escalated, { ...escalated, resolvedDate: '2026-06-01' })).toBe('knelpunt opgelost');
    expect(knelpuntStep(resolved, open)).toBe('knelpunt weer geopend');
    expect(knelpuntStep(escalated, open)).toBe('knelpunt niet langer geëscaleerd naar de tafel');
    expect(knelpuntStep(open, null)).toBe('knelpunt verwijderd');
  });
});

describe('SPEC §2 "Quarterly round" (design): which escalations are new on the Tafeloverzicht', () => {
  it('since the open round opened, else the last three months', () => {
    expect(newEscalationsSince('2026-04-02', '2026-05-20')).toEqual({ since: '2026-04-02', basis: 'round' });
    expect(newEscalationsSince(null, '2026-05-20')).toEqual({ since: '2026-02-20', basis: 'months' });
  });
});
