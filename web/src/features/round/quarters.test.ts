import { describe, expect, it } from 'vitest';
import type { PartyDelivery } from '../../api/types.ts';
import { confirmableCounts, defaultDeadline, latestBatches, openableQuarters, proposedQuarter, quarterLabel, remindersText } from './quarters.ts';

describe('quarters in the round UI', () => {
  it('offers the previous quarter up to two ahead when the table has no rounds yet', () => {
    expect(openableQuarters('2026-11-23', [])).toEqual(['2026-Q3', '2026-Q4', '2027-Q1', '2027-Q2']);
    expect(proposedQuarter('2026-11-23', openableQuarters('2026-11-23', []))).toBe('2026-Q4');
  });

  it('only offers quarters after the latest round (quarters open in order)', () => {
    expect(openableQuarters('2026-11-23', [{ quarter: '2026-Q4' }])).toEqual(['2027-Q1', '2027-Q2']);
    expect(openableQuarters('2026-11-23', [{ quarter: '2027-Q2' }])).toEqual(['2027-Q3']);
  });

  it('proposes a deadline inside the window the server accepts (the 15th after the quarter)', () => {
    expect(defaultDeadline('2026-Q3')).toBe('2026-10-15');
    expect(defaultDeadline('2026-Q4')).toBe('2027-01-15');
  });

  it('writes the reminder list as text to paste into a mail', () => {
    const text = remindersText('2026-Q4', '2027-01-15', [
      {
        organisationId: 'o1',
        name: 'Gemeente Zaanstad',
        type: 'gemeente',
        total: 3,
        delivered: 1,
        outstanding: 2,
        onBehalf: 0,
        projects: [{ id: 'p1', name: 'Hemmes', gemeenteName: 'Zaanstad' }],
      },
    ]);
    expect(text).toContain('Gemeente Zaanstad: 2 van 3 projecten nog niet geleverd');
    expect(text).toContain('  - Hemmes (Zaanstad)');
    expect(quarterLabel('2026-Q4')).toBe('4e kwartaal 2026');
  });
});

describe('latestBatches: a confirmation of several projects at once can be undone in one step after leaving the page (issue 8 item 17)', () => {
  const party = (organisationId: string, batchId: string | null, at: string, via: PartyDelivery['via'] = 'bevestigd'): PartyDelivery => ({
    organisationId,
    side: 'publiek',
    via,
    at,
    onBehalf: null,
    batchId,
  });
  it('gives per organisation its latest batch of two or more projects, with its count', () => {
    const projects = [
      { parties: [party('gm', 'b1', '2026-12-01T10:00:00Z'), party('mp', 'b3', '2026-12-01T12:00:00Z')] },
      { parties: [party('gm', 'b1', '2026-12-01T10:00:01Z'), party('mp', 'b3', '2026-12-01T12:00:00Z')] },
      { parties: [party('gm', 'b2', '2026-12-01T11:00:00Z')] },
      { parties: [party('gm', 'b2', '2026-12-01T11:00:00Z')] },
      { parties: [party('gm', 'b2', '2026-12-01T11:00:00Z')] },
      // A single project confirmed on its own, and an edit: not a batch.
      { parties: [party('zs', 'b4', '2026-12-01T13:00:00Z'), party('gm', null, '2026-12-01T14:00:00Z', 'gewijzigd')] },
    ];
    const batches = latestBatches(projects);
    expect(batches.get('gm')).toEqual({ batchId: 'b2', count: 3, at: '2026-12-01T11:00:00Z' });
    expect(batches.get('mp')).toEqual({ batchId: 'b3', count: 2, at: '2026-12-01T12:00:00Z' });
    expect(batches.has('zs')).toBe(false);
  });
});

describe('confirmableCounts: the bulk button offers only what can be confirmed (issue 8 item 3)', () => {
  const open = (organisationId: string, side: 'publiek' | 'privaat'): PartyDelivery => ({
    organisationId,
    side,
    via: null,
    at: null,
    onBehalf: null,
    batchId: null,
  });
  it('counts per organisation the outstanding projects without an expired forecast of its own side, and those waiting for one', () => {
    const projects = [
      {
        parties: [open('gm', 'publiek'), open('mp', 'privaat')],
        expiredForecasts: [{ code: 'M05' as const, ownerSide: 'publiek' as const, forecastDate: '2026-10-01' }],
      },
      {
        parties: [open('gm', 'publiek'), open('mp', 'privaat')],
        expiredForecasts: [{ code: 'M11' as const, ownerSide: 'beide' as const, forecastDate: '2026-10-01' }],
      },
      { parties: [open('gm', 'publiek')], expiredForecasts: [] },
      { parties: [{ ...open('gm', 'publiek'), via: 'bevestigd' as const }], expiredForecasts: [] },
    ];
    const counts = confirmableCounts(projects);
    expect(counts.get('gm')).toEqual({ ready: 1, blocked: 2 });
    expect(counts.get('mp')).toEqual({ ready: 1, blocked: 1 });
  });
});
