/** Mijn kwartaalronde in words (myRound.ts): tags, summary, the confirmation shown at once, and a stable row order. */
import { describe, expect, it } from 'vitest';
import type { MyRounds } from '../../api/types.ts';
import { attentionTags, inShownOrder, shownOrder, openRoundSentence, roundTitle, stateTag, summarySentence, withConfirmed } from './myRound.ts';

const quiet = { expiredForecasts: [], delay: 'geen' as const, openKnelpunten: 0 };
const project = (id: string, name: string, state: 'te_doen' | 'bijgewerkt' | 'bevestigd') => ({
  id,
  name,
  gemeenteCode: 'GM0363',
  gemeenteName: 'Amsterdam',
  version: 1,
  state,
  deliveredAt: null,
  attention: quiet,
});
const data: MyRounds = {
  asOf: '2027-01-03',
  organisation: { id: 'o', name: 'Gemeente Amsterdam', side: 'publiek' },
  rounds: [
    {
      id: 'r',
      regionId: 'vt-amsterdam-e-o',
      regionName: 'Amsterdam e.o.',
      quarter: '2026-Q4',
      deadline: '2027-01-15',
      daysLeft: 12,
      counts: { total: 2, teDoen: 2, bijgewerkt: 0, bevestigd: 0, letOp: 0 },
      projects: [project('a', 'Amstel III', 'te_doen'), project('b', 'Buiksloterham', 'te_doen')],
    },
  ],
};

describe('Mijn kwartaalronde in words', () => {
  it('names the round and its deadline', () => {
    expect(roundTitle(data.rounds[0]!)).toBe('Kwartaalronde 4e kwartaal 2026 – Amsterdam e.o.');
    expect(openRoundSentence(data.rounds[0]!)).toBe('Kwartaalronde 4e kwartaal 2026 van Amsterdam e.o. is open tot 15 januari 2027.');
  });

  it('sums up the round in one sentence', () => {
    expect(summarySentence({ total: 6, teDoen: 3, bijgewerkt: 1, bevestigd: 2, letOp: 0 })).toBe(
      'Van uw 6 projecten zijn er 3 te doen, 1 bijgewerkt en 2 bevestigd.',
    );
    expect(summarySentence({ total: 1, teDoen: 0, bijgewerkt: 0, bevestigd: 1, letOp: 0 })).toBe(
      'Van uw 1 project is er 0 te doen, 0 bijgewerkt en 1 bevestigd.',
    );
  });

  it('tags the state and what needs attention in words', () => {
    expect(stateTag({ state: 'te_doen', deliveredAt: null })).toEqual({ text: 'Te doen', kind: 'open' });
    expect(stateTag({ state: 'bevestigd', deliveredAt: '2026-12-20T10:00:00.000Z' })).toMatchObject({
      text: 'Bevestigd',
      detail: expect.stringContaining('20'),
    });
    expect(attentionTags(quiet)).toEqual([]);
    expect(
      attentionTags({
        expiredForecasts: [{ code: 'M11', ownerSide: 'privaat', forecastDate: '2026-07-01' }],
        delay: 'ernstig',
        openKnelpunten: 1,
      }).map((t) => t.text),
    ).toEqual(['Prognose verstreken', 'Ernstig vertraagd', 'Open knelpunt']);
    expect(attentionTags({ ...quiet, delay: 'vertraagd', openKnelpunten: 2 }).map((t) => t.text)).toEqual(['Vertraagd', '2 open knelpunten']);
  });

  it('shows a confirmation at once, with the counts again', () => {
    const after = withConfirmed(data, 'r', 'b', '2027-01-03T09:00:00.000Z');
    expect(after.rounds[0]!.projects.map((p) => p.state)).toEqual(['te_doen', 'bevestigd']);
    expect(after.rounds[0]!.counts).toEqual({ total: 2, teDoen: 1, bijgewerkt: 0, bevestigd: 1, letOp: 0 });
  });

  it('keeps rows where they were while the page is open; new rows go last', () => {
    const order = shownOrder([{ id: 'a' }, { id: 'b' }]);
    expect(inShownOrder([{ id: 'a' }, { id: 'b' }], order).map((r) => r.id)).toEqual(['a', 'b']);
    // The server now puts b first (a was confirmed) and has a new project c: the page keeps a first, c last.
    expect(inShownOrder([{ id: 'b' }, { id: 'c' }, { id: 'a' }], order).map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });
});
