/**
 * Unit tests for the quarterly round rules and delivery roll-up (src/domain/round.ts).
 *
 * SPEC §2 "Quarterly round": "a quarter opens, each party updates, the table meets, the quarter closes
 * and is frozen as a snapshot; the system shows who has delivered and what changed … keep the round
 * light". Seed: `001 § Afspraak 3B` ("De PPM wordt elk kwartaal geüpdatet"; the landelijke tafel reports
 * on "het leveren van de informatie daarvoor door alle partijen").
 */
import { describe, expect, it } from 'vitest';
import { at, take } from '../../test/helpers/present.ts';
import {
  checkConfirmProjectIds,
  checkOpenRound,
  deliverySideOf,
  partyDelivery,
  projectDelivery,
  projectsToConfirmFor,
  remindersOf,
  rollupDelivery,
  roundStatus,
  sideOf,
  type DeliveryFacts,
  type PartyDelivery,
} from './round.ts';

const tafel = { kind: 'versnellingstafel' as const, name: 'Versnellingstafel Rotterdam' };
const closed = (quarter: `${number}-Q${1 | 2 | 3 | 4}`) => ({ quarter, closedAt: '2026-07-10T10:00:00.000Z' });
const open = (quarter: `${number}-Q${1 | 2 | 3 | 4}`) => ({ quarter, closedAt: null });

describe('SPEC §2 "Quarterly round" (001 § Afspraak 3B): opening a quarter', () => {
  it('opens the first quarter of a versnellingstafel', () => {
    expect(checkOpenRound({ quarter: '2026-Q4', deadline: '2026-12-15' }, tafel, [])).toEqual([]);
  });

  it('opens the next quarter once the previous one is closed, also after a skipped quarter', () => {
    expect(checkOpenRound({ quarter: '2026-Q4', deadline: '2026-12-15' }, tafel, [closed('2026-Q3')])).toEqual([]);
    expect(checkOpenRound({ quarter: '2027-Q2', deadline: '2027-05-01' }, tafel, [closed('2026-Q3')])).toEqual([]);
  });

  it('refuses a new round for a table that has stopped (issue 11 item 1), in plain Dutch', () => {
    const issues = checkOpenRound({ quarter: '2026-Q4', deadline: '2026-12-15' }, { ...tafel, endedOn: '2026-09-30' }, []);
    expect(issues).toEqual([{ path: 'regionId', code: 'table_ended', message: expect.stringContaining('gestopt') }]);
  });

  it('refuses a second open round, naming quarter', () => {
    const issues = checkOpenRound({ quarter: '2026-Q4', deadline: '2026-12-15' }, tafel, [open('2026-Q3')]);
    expect(issues).toEqual([
      expect.objectContaining({
        path: 'quarter',
        code: 'previous_round_open',
        message: expect.stringContaining('De ronde van het 3e kwartaal 2026 is nog open'),
      }),
    ]);
  });

  it('refuses a quarter that already had a round, open or closed', () => {
    expect(checkOpenRound({ quarter: '2026-Q3', deadline: '2026-09-15' }, tafel, [closed('2026-Q3')])[0]).toMatchObject({
      path: 'quarter',
      code: 'duplicate',
    });
    expect(checkOpenRound({ quarter: '2026-Q3', deadline: '2026-09-15' }, tafel, [open('2026-Q3')])[0]).toMatchObject({
      path: 'quarter',
      code: 'duplicate',
    });
  });

  it('refuses a quarter before the latest round of the table', () => {
    const issues = checkOpenRound({ quarter: '2026-Q2', deadline: '2026-06-15' }, tafel, [closed('2026-Q1'), closed('2026-Q3')]);
    expect(issues).toEqual([expect.objectContaining({ path: 'quarter', code: 'quarter_order' })]);
  });

  it('refuses a malformed quarter', () => {
    expect(checkOpenRound({ quarter: '2026-4', deadline: '2026-12-15' }, tafel, [])).toEqual([
      expect.objectContaining({ path: 'quarter', code: 'invalid_quarter' }),
    ]);
  });

  it('refuses a region that is not a versnellingstafel, naming regionId', () => {
    const issues = checkOpenRound({ quarter: '2026-Q4', deadline: '2026-12-15' }, { kind: 'woondealregio', name: 'Woondeal Groningen' }, []);
    expect(issues).toEqual([expect.objectContaining({ path: 'regionId', code: 'not_versnellingstafel' })]);
  });

  it.each([
    ['2026-09-30', 'deadline_before_quarter'],
    ['2027-04-01', 'deadline_too_late'],
    ['2026-02-30', 'invalid_date'],
  ])('refuses deadline %s (%s)', (deadline, code) => {
    expect(checkOpenRound({ quarter: '2026-Q4', deadline }, tafel, [])).toEqual([expect.objectContaining({ path: 'deadline', code })]);
  });

  it('names the deadline, the quarter and the allowed dates in plain Dutch (SPEC §7), no codes or ISO dates', () => {
    const [before] = take(checkOpenRound({ quarter: '2026-Q4', deadline: '2020-01-01' }, tafel, []), 1);
    expect(before.message).toBe('De deadline (1 januari 2020) ligt vóór het begin van het 4e kwartaal 2026 (1 oktober 2026).');
    const [late] = take(checkOpenRound({ quarter: '2026-Q4', deadline: '2027-04-01' }, tafel, []), 1);
    expect(late.message).toBe('De deadline (1 april 2027) ligt na het einde van het kwartaal daarna (31 maart 2027).');
    const [order] = take(checkOpenRound({ quarter: '2026-Q2', deadline: '2026-06-15' }, tafel, [closed('2026-Q3')]), 1);
    expect(order.message).not.toMatch(/\d{4}-Q\d/);
    const [duplicate] = take(checkOpenRound({ quarter: '2026-Q3', deadline: '2026-09-15' }, tafel, [closed('2026-Q3')]), 1);
    expect(duplicate.message).toBe('Voor het 3e kwartaal 2026 is al een kwartaalronde geopend bij deze tafel.');
  });

  it('accepts a deadline on the first day of the quarter and on the last day of the next one', () => {
    expect(checkOpenRound({ quarter: '2026-Q4', deadline: '2026-10-01' }, tafel, [])).toEqual([]);
    expect(checkOpenRound({ quarter: '2026-Q4', deadline: '2027-03-31' }, tafel, [])).toEqual([]);
  });

  it('reports the status of a round', () => {
    expect(roundStatus({ closedAt: null })).toBe('open');
    expect(roundStatus({ closedAt: '2026-12-20T12:00:00Z' })).toBe('gesloten');
  });
});

const GEM = 'org-gemeente';
const DEV = 'org-ontwikkelaar';
const CORP = 'org-corporatie';
type Did = 'gewijzigd' | 'bevestigd' | null;
const party = (organisationId: string, via: Did, onBehalf = false): PartyDelivery => ({
  organisationId,
  side: organisationId === GEM ? 'publiek' : 'privaat',
  via,
  at: via ? '2026-11-01T10:00:00.000Z' : null,
  onBehalf: onBehalf ? { by: 'Secretaris', reason: 'Telefonisch doorgegeven' } : null,
});
const facts = (id: string, parties: PartyDelivery[]): DeliveryFacts => ({ projectId: id, parties });

describe('SPEC §2 "Quarterly round": who has delivered, per party for its own side (001 § Afspraak 3B: "het leveren van de informatie … door alle partijen")', () => {
  it('a party delivers by an edit since the round opened or by confirming unchanged; an edit counts first', () => {
    expect(partyDelivery({ editedAt: '2026-11-02T00:00:00Z', confirmedAt: null })).toEqual({ via: 'gewijzigd', at: '2026-11-02T00:00:00Z' });
    expect(partyDelivery({ editedAt: '2026-11-02T00:00:00Z', confirmedAt: '2026-11-01T00:00:00Z' }).via).toBe('gewijzigd');
    expect(partyDelivery({ editedAt: null, confirmedAt: '2026-11-01T00:00:00Z' }).via).toBe('bevestigd');
    expect(partyDelivery({ editedAt: null, confirmedAt: null })).toEqual({ via: null, at: null });
  });

  it('the gemeente answers for the public side, every other party for the private side', () => {
    expect(deliverySideOf('gemeente')).toBe('publiek');
    expect(deliverySideOf('ontwikkelaar')).toBe('privaat');
    expect(deliverySideOf('corporatie')).toBe('privaat');
  });

  it('a project is delivered only when every party delivered its own side', () => {
    expect(projectDelivery(facts('p', [party(GEM, 'bevestigd'), party(DEV, null)]))).toBeNull();
    expect(projectDelivery(facts('p', [party(GEM, 'bevestigd'), party(DEV, 'bevestigd')]))).toBe('bevestigd');
    expect(projectDelivery(facts('p', [party(GEM, 'bevestigd'), party(DEV, 'gewijzigd')]))).toBe('gewijzigd');
    expect(projectDelivery(facts('p', []))).toBeNull();
  });

  const region = [
    facts('p1', [party(GEM, 'gewijzigd'), party(DEV, 'gewijzigd')]),
    facts('p2', [party(GEM, 'bevestigd'), party(DEV, 'bevestigd', true)]),
    facts('p3', [party(GEM, 'bevestigd'), party(DEV, null), party(DEV, null)]), // DEV in two roles counts once
    facts('p4', [party(GEM, null), party(CORP, null)]),
    facts('p5', []),
  ];
  const names = new Map([
    [GEM, 'Gemeente Rotterdam'],
    [DEV, 'Ontwikkelaar BV'],
    [CORP, 'Woonstad'],
  ]);

  it('counts delivered, changed, confirmed, outstanding and projects without a party', () => {
    const r = rollupDelivery(region, names);
    expect(r).toMatchObject({ total: 5, delivered: 2, changed: 1, confirmed: 1, outstanding: 3, withoutParty: 1 });
  });

  it("one party's bulk confirmation never counts for another party (issue 8 item 16)", () => {
    // The gemeente confirmed all its projects; the developer did nothing.
    const gemeenteOnly = Array.from({ length: 25 }, (_, i) => facts(`p${i}`, [party(GEM, 'bevestigd'), party(DEV, null)]));
    const r = rollupDelivery(gemeenteOnly, names);
    expect(r.organisations.find((o) => o.organisationId === DEV)).toMatchObject({ total: 25, delivered: 0, outstanding: 25 });
    expect(r.organisations.find((o) => o.organisationId === GEM)).toMatchObject({ total: 25, delivered: 25, outstanding: 0 });
    expect(r).toMatchObject({ delivered: 0, outstanding: 25 });
  });

  it('rolls up per organisation: delivered / total, on behalf, outstanding projects listed, most outstanding first, then by name', () => {
    const r = rollupDelivery(region, names);
    expect(r.organisations).toEqual([
      { organisationId: GEM, total: 4, delivered: 3, outstanding: 1, onBehalf: 0, outstandingProjectIds: ['p4'] },
      { organisationId: DEV, total: 3, delivered: 2, outstanding: 1, onBehalf: 1, outstandingProjectIds: ['p3'] },
      { organisationId: CORP, total: 1, delivered: 0, outstanding: 1, onBehalf: 0, outstandingProjectIds: ['p4'] },
    ]);
  });

  it('orders organisations with equal outstanding work by name', () => {
    const r = rollupDelivery([facts('a', [party(CORP, null)]), facts('b', [party(DEV, null)])], names);
    expect(r.organisations.map((o) => o.organisationId)).toEqual([DEV, CORP]); // Ontwikkelaar BV before Woonstad
  });

  it('the reminder list holds only organisations with outstanding projects', () => {
    const after = rollupDelivery([facts('p1', [party(GEM, 'gewijzigd'), party(DEV, 'gewijzigd')]), facts('p2', [party(GEM, null)])], names);
    expect(remindersOf(after).map((o) => o.organisationId)).toEqual([GEM]);
    expect(remindersOf(rollupDelivery([facts('p1', [party(GEM, 'bevestigd')])]))).toEqual([]);
  });

  it('an empty region has nothing outstanding', () => {
    expect(rollupDelivery([])).toEqual({ total: 0, delivered: 0, changed: 0, confirmed: 0, outstanding: 0, withoutParty: 0, organisations: [] });
  });

  it('confirming for an organisation takes the projects where its own side is not yet delivered', () => {
    expect(projectsToConfirmFor(region, DEV)).toEqual(['p3']);
    expect(projectsToConfirmFor(region, GEM)).toEqual(['p4']);
    expect(projectsToConfirmFor(region, 'org-onbekend')).toEqual([]);
    expect(sideOf(at(region, 0), GEM)).toBe('publiek');
    expect(sideOf(at(region, 0), CORP)).toBeNull();
  });
});

describe('SPEC §2 "Quarterly round": confirming projects of the table', () => {
  const known = new Map([
    ['in', { name: 'Hart van Zuid', gemeenteName: 'Rotterdam', inRegion: true, readable: true }],
    ['out', { name: 'Zuidas', gemeenteName: 'Amsterdam', inRegion: false, readable: true }],
    ['hidden', { name: 'Appelwijk', gemeenteName: 'Utrecht', inRegion: true, readable: false }],
  ]);

  it('accepts projects of the region', () => {
    expect(checkConfirmProjectIds(['in'], known, 'Versnellingstafel Rotterdam')).toEqual([]);
  });

  it('names projectIds[i] for a project outside the region and for an unknown project', () => {
    expect(checkConfirmProjectIds(['in', 'out', 'gone'], known, 'Versnellingstafel Rotterdam')).toEqual([
      { path: 'projectIds[1]', code: 'outside_region', message: "Project 'Zuidas' ligt in Amsterdam en hoort niet bij Versnellingstafel Rotterdam." },
      expect.objectContaining({ path: 'projectIds[2]', code: 'unknown_project' }),
    ]);
  });

  it('answers a project the caller may not see exactly as an unknown one, without its name (SPEC §7; issue 8 item 6)', () => {
    const [hidden] = take(checkConfirmProjectIds(['hidden'], known, 'Versnellingstafel Rotterdam'), 1);
    const [gone] = checkConfirmProjectIds(['gone'], known, 'Versnellingstafel Rotterdam');
    expect(hidden).toEqual({ path: 'projectIds[0]', code: 'unknown_project', message: "Project 'hidden' is niet gevonden." });
    expect(gone).toEqual({ path: 'projectIds[0]', code: 'unknown_project', message: "Project 'gone' is niet gevonden." });
    expect(hidden.message).not.toContain('Appelwijk');
  });
});
