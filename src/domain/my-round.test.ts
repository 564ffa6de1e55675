/**
 * Unit tests for "Mijn kwartaalronde" (src/domain/my-round.ts): a party's own state per project and
 * what needs its attention.
 *
 * SPEC §2 "Quarterly round": "a quarter opens, each party updates … the system shows who has
 * delivered"; keep the round light (`004`). Seed: `001 § Afspraak 3B` (each party updates its plan
 * list every quarter).
 */
import { describe, expect, it } from 'vitest';
import {
  compareMyRoundProjects,
  countMyRound,
  daysUntilDeadline,
  deadlineInWords,
  myRoundProject,
  myRoundState,
  needsAttention,
  worstPendingDelay,
  type MyRoundProjectFacts,
} from './my-round.ts';

const TODAY = '2027-01-03';
const facts = (over: Partial<MyRoundProjectFacts> = {}): MyRoundProjectFacts => ({
  milestones: [],
  openKnelpunten: 0,
  editedAt: null,
  confirmedAt: null,
  ...over,
});
const ms = (code: 'M06' | 'M08' | 'M11' | 'M04', ownerSide: 'publiek' | 'privaat' | 'beide', dates: { b?: string; f?: string; a?: string }) => ({
  code,
  ownerSide,
  baselineDate: dates.b ?? null,
  forecastDate: dates.f ?? null,
  actualDate: dates.a ?? null,
});

describe('SPEC §2 "Quarterly round" (001 § Afspraak 3B): a party\'s state per project', () => {
  it('is te doen until the party edits or confirms its side', () => {
    expect(myRoundProject(facts(), 'publiek', TODAY)).toMatchObject({ state: 'te_doen', deliveredAt: null });
  });

  it('is bijgewerkt after an edit by the party in the round, also when it confirmed as well (an edit counts first)', () => {
    expect(myRoundProject(facts({ editedAt: '2026-12-10T09:00:00.000Z' }), 'publiek', TODAY)).toMatchObject({
      state: 'bijgewerkt',
      deliveredAt: '2026-12-10T09:00:00.000Z',
    });
    expect(myRoundProject(facts({ editedAt: '2026-12-10T09:00:00.000Z', confirmedAt: '2026-12-11T09:00:00.000Z' }), 'privaat', TODAY).state).toBe(
      'bijgewerkt',
    );
  });

  it('is bevestigd after a confirmation without edit', () => {
    expect(myRoundProject(facts({ confirmedAt: '2026-12-11T09:00:00.000Z' }), 'privaat', TODAY)).toMatchObject({
      state: 'bevestigd',
      deliveredAt: '2026-12-11T09:00:00.000Z',
    });
  });

  it('maps the delivery of src/domain/round.ts one to one', () => {
    expect([myRoundState(null), myRoundState('gewijzigd'), myRoundState('bevestigd')]).toEqual(['te_doen', 'bijgewerkt', 'bevestigd']);
  });
});

describe('SPEC §2 "Quarterly round": let op', () => {
  it("names only the side's own and shared expired forecasts (the ones that stop a confirmation)", () => {
    const milestones = [
      ms('M06', 'publiek', { b: '2026-10-01', f: '2026-11-01' }),
      ms('M08', 'privaat', { b: '2026-10-01', f: '2026-12-01' }),
      ms('M04', 'beide', { b: '2026-12-01', f: '2026-12-20' }),
      ms('M11', 'privaat', { b: '2027-06-01', f: '2027-06-01' }),
    ];
    const gemeente = myRoundProject(facts({ milestones }), 'publiek', TODAY).attention.expiredForecasts.map((m) => m.code);
    const party = myRoundProject(facts({ milestones }), 'privaat', TODAY).attention.expiredForecasts.map((m) => m.code);
    expect(gemeente).toEqual(['M04', 'M06']);
    expect(party).toEqual(['M04', 'M08']);
  });

  it('a forecast of today or a milestone with an actual date has not expired', () => {
    const milestones = [ms('M06', 'publiek', { f: TODAY }), ms('M08', 'publiek', { f: '2026-01-01', a: '2026-01-05' })];
    expect(myRoundProject(facts({ milestones }), 'publiek', TODAY).attention.expiredForecasts).toEqual([]);
  });

  it('delay: beyond 3 months vertraagd, beyond 12 ernstig (POLICY.delay); only milestones still to come count', () => {
    expect(worstPendingDelay([ms('M11', 'privaat', { b: '2027-01-01', f: '2027-03-01' })])).toBe('geen');
    expect(worstPendingDelay([ms('M11', 'privaat', { b: '2027-01-01', f: '2027-06-01' })])).toBe('vertraagd');
    expect(
      worstPendingDelay([ms('M06', 'publiek', { b: '2027-01-01', f: '2027-06-01' }), ms('M11', 'privaat', { b: '2027-01-01', f: '2028-06-01' })]),
    ).toBe('ernstig');
    // Achieved late: history, not a delay of the project any more.
    expect(worstPendingDelay([ms('M11', 'privaat', { b: '2025-01-01', f: '2026-06-01', a: '2026-06-01' })])).toBe('geen');
  });

  it('counts open knelpunten and says whether anything needs attention', () => {
    const quiet = myRoundProject(facts(), 'publiek', TODAY).attention;
    const knelpunt = myRoundProject(facts({ openKnelpunten: 2 }), 'publiek', TODAY).attention;
    expect(quiet).toEqual({ expiredForecasts: [], delay: 'geen', openKnelpunten: 0 });
    expect(needsAttention(quiet)).toBe(false);
    expect(knelpunt.openKnelpunten).toBe(2);
    expect(needsAttention(knelpunt)).toBe(true);
  });
});

describe('the summary and the order of the list', () => {
  const quiet = { expiredForecasts: [], delay: 'geen' as const, openKnelpunten: 0 };
  const rows = [
    { id: '3', name: 'Zuidas', state: 'bevestigd' as const, attention: quiet },
    { id: '1', name: 'Buiksloterham', state: 'te_doen' as const, attention: { ...quiet, delay: 'vertraagd' as const } },
    { id: '2', name: 'Amstelkwartier', state: 'bijgewerkt' as const, attention: quiet },
    { id: '4', name: 'Amstel III', state: 'te_doen' as const, attention: quiet },
  ];

  it('counts te doen, bijgewerkt, bevestigd and let op', () => {
    expect(countMyRound(rows)).toEqual({ total: 4, teDoen: 2, bijgewerkt: 1, bevestigd: 1, letOp: 1 });
  });

  it('puts what is still to do first, then by name', () => {
    expect([...rows].sort(compareMyRoundProjects).map((r) => r.name)).toEqual(['Amstel III', 'Buiksloterham', 'Amstelkwartier', 'Zuidas']);
  });
});

describe('the deadline in words', () => {
  it('counts calendar days to the deadline', () => {
    expect(daysUntilDeadline('2027-01-15', '2027-01-03')).toBe(12);
    expect(daysUntilDeadline('2027-01-15', '2027-01-15')).toBe(0);
    expect(daysUntilDeadline('2027-01-15', '2027-01-18')).toBe(-3);
  });

  it('says the weekday, the date and how long is left', () => {
    expect(deadlineInWords('2027-01-15', 12)).toBe('Lever uiterlijk vrijdag 15 januari 2027 — nog 12 dagen');
    expect(deadlineInWords('2027-01-15', 1)).toBe('Lever uiterlijk vrijdag 15 januari 2027 — nog 1 dag');
    expect(deadlineInWords('2027-01-15', 0)).toBe('Lever uiterlijk vrijdag 15 januari 2027 — vandaag is de laatste dag');
    expect(deadlineInWords('2027-01-15', -3)).toBe('De deadline was vrijdag 15 januari 2027 (3 dagen geleden); lever zo snel mogelijk');
  });
});
