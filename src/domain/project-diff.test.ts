/**
 * Unit tests for the quarter-on-quarter diff (src/domain/project-diff.ts), on hand-made projects.
 *
 * SPEC §2 "Quarterly round": "the system shows who has delivered and what changed"; SPEC §8: "an
 * explanation of every quarter-on-quarter change". Seed: `001 § Afspraak 3B` ("Met behulp van een PPM
 * spreken partijen over de voortgang van individuele woningbouwprojecten"; "Bij vertraging …").
 */
import { describe, expect, it } from 'vitest';
import { at, take } from '../../test/helpers/present.ts';
import { milestone as ms, samplePlan } from '../../test/helpers/builders.ts';
import type { BaselineHistoryEntry } from './baseline.ts';
import type { MilestoneCode } from './codes.ts';
import { attachBaselineReasons, diffProject, type DiffableProject } from './project-diff.ts';
import type { Milestone } from './project.ts';

const GEMEENTE = 'org-gemeente';
const ONTWIKKELAAR = 'org-ontwikkelaar';

function project(overrides: Partial<DiffableProject> = {}): DiffableProject {
  const plan = samplePlan();
  return {
    name: 'Hart van Zuid',
    planStatus: 'vastgesteld',
    phase: 'vergunning',
    status: 'groen',
    flags: ['woondeal_locatie'],
    programme: plan.programme,
    jaarschijven: plan.jaarschijven,
    milestones: plan.milestones.map(({ code, ...dates }) => ms(code, dates)),
    knelpunten: [],
    parties: [{ organisationId: GEMEENTE, role: 'bevoegd_gezag' }],
    ...overrides,
  };
}

const withMilestone = (p: DiffableProject, code: MilestoneCode, fields: Partial<Milestone>): DiffableProject => ({
  ...p,
  milestones: p.milestones.map((m) => (m.code === code ? { ...m, ...fields } : m)),
});

describe('SPEC §2 "Quarterly round": nothing changed', () => {
  it('gives no changes for the same project, also with parts in another order', () => {
    const p = project();
    expect(diffProject(p, project())).toEqual([]);
    const shuffled = {
      ...p,
      programme: [...p.programme].reverse(),
      jaarschijven: [...p.jaarschijven].reverse(),
      milestones: [...p.milestones].reverse(),
    };
    expect(diffProject(p, shuffled)).toEqual([]);
  });

  it('reports a project that did not exist in the previous quarter once, as new', () => {
    expect(diffProject(null, project())).toEqual([
      { kind: 'project_added', field: 'project', from: null, to: 'Hart van Zuid', message: expect.stringContaining('Nieuw project') },
    ]);
  });
});

describe('SPEC §2 "Phases and milestones": milestone dates', () => {
  it('a moved forecast gives milestone, field, from → to and the months, in plain Dutch', () => {
    const changes = diffProject(project(), withMilestone(project(), 'M11', { forecastDate: '2027-01-01' }));
    expect(changes).toEqual([
      {
        kind: 'milestone_moved',
        field: 'milestones.M11.forecastDate',
        milestoneCode: 'M11',
        from: '2026-07-01',
        to: '2027-01-01',
        months: 6,
        days: 184,
        message: 'Start bouw (M11): verwachte datum verschoven van 1 juli 2026 naar 1 januari 2027 (6 maanden later).',
      },
    ]);
  });

  it('a forecast brought forward counts negative months; a move under a month is told in days', () => {
    const earlier = diffProject(project(), withMilestone(project(), 'M12', { forecastDate: '2028-08-01' }))[0];
    expect(earlier).toMatchObject({ months: -1, days: -31, message: expect.stringContaining('(1 maand eerder)') });
    const days = diffProject(project(), withMilestone(project(), 'M12', { forecastDate: '2028-09-13' }))[0];
    expect(days).toMatchObject({ months: 0, days: 12, message: expect.stringContaining('(12 dagen later)') });
  });

  it('an actual date set means the milestone was achieved, compared with the forecast', () => {
    const changes = diffProject(project(), withMilestone(project(), 'M09', { actualDate: '2026-04-01', forecastDate: null }));
    expect(changes).toEqual([
      expect.objectContaining({
        kind: 'milestone_achieved',
        field: 'milestones.M09.actualDate',
        from: null,
        to: '2026-04-01',
        message: 'Omgevingsvergunning verleend (M09) is gerealiseerd op 1 april 2026 (2 maanden later dan verwacht).',
      }),
    ]);
  });

  it('an achieved milestone without forecast is compared with its baseline', () => {
    const p = withMilestone(project(), 'M09', { forecastDate: null });
    const [change] = take(diffProject(p, withMilestone(p, 'M09', { actualDate: '2026-01-01' })), 1);
    expect(change.message).toBe('Omgevingsvergunning verleend (M09) is gerealiseerd op 1 januari 2026.');
    const [late] = take(diffProject(p, withMilestone(p, 'M09', { actualDate: '2026-03-15' })), 1);
    expect(late.message).toContain('(2 maanden later dan de baseline)');
  });

  it('corrects and clears actual dates', () => {
    expect(diffProject(project(), withMilestone(project(), 'M06', { actualDate: '2025-05-15' }))[0]).toMatchObject({
      kind: 'actual_date_changed',
      from: '2025-04-15',
      to: '2025-05-15',
      months: 1,
    });
    expect(diffProject(project(), withMilestone(project(), 'M06', { actualDate: null }))[0]).toMatchObject({
      kind: 'actual_date_cleared',
      from: '2025-04-15',
      to: null,
    });
  });

  it('sets and clears forecasts', () => {
    const noForecast = withMilestone(project(), 'M11', { forecastDate: null });
    expect(diffProject(noForecast, project())[0]).toMatchObject({
      kind: 'forecast_set',
      to: '2026-07-01',
      message: expect.stringContaining('ingevuld'),
    });
    expect(diffProject(project(), noForecast)[0]).toMatchObject({ kind: 'forecast_cleared', from: '2026-07-01' });
  });

  it('a new milestone reports each date it brings; a removed milestone is reported once', () => {
    const added = { ...project(), milestones: [...project().milestones, ms('M10', { baselineDate: '2026-04-01', forecastDate: '2026-05-01' })] };
    expect(diffProject(project(), added).map((c) => c.kind)).toEqual(['baseline_set', 'forecast_set']);
    const removed = { ...project(), milestones: project().milestones.filter((m) => m.code !== 'M09') };
    expect(diffProject(project(), removed)).toEqual([
      expect.objectContaining({
        kind: 'milestone_removed',
        milestoneCode: 'M09',
        message: 'Omgevingsvergunning verleend (M09) is uit de planning gehaald.',
      }),
    ]);
  });

  it('reports the homes of a (partial) oplevering', () => {
    const p = withMilestone(project(), 'M12', { actualDate: '2028-09-01', forecastDate: null, homes: 40 });
    expect(diffProject(p, withMilestone(p, 'M12', { homes: 150 }))).toEqual([
      expect.objectContaining({
        kind: 'oplevering_homes_changed',
        from: 40,
        to: 150,
        message: 'Oplevering (M12): opgeleverde woningen van 40 naar 150.',
      }),
    ]);
  });

  it('lists milestones in code order', () => {
    const next = withMilestone(withMilestone(project(), 'M12', { forecastDate: '2029-01-01' }), 'M09', { forecastDate: '2026-03-01' });
    expect(diffProject(project(), next).map((c) => c.milestoneCode)).toEqual(['M09', 'M12']);
  });
});

describe('SPEC §2: baselines (re-baselining is an explicit act of the table, with a reason)', () => {
  it('reports a re-set baseline, a newly set baseline and a cleared one', () => {
    const p = withMilestone(project(), 'M11', { baselineDate: null });
    expect(diffProject(p, project())[0]).toMatchObject({
      kind: 'baseline_set',
      to: '2026-06-01',
      message: 'Start bouw (M11): baseline vastgelegd op 1 juni 2026.',
    });
    const moved = withMilestone(project(), 'M12', { baselineDate: '2028-12-01' });
    expect(diffProject(project(), moved)[0]).toMatchObject({
      kind: 'baseline_changed',
      field: 'milestones.M12.baselineDate',
      from: '2028-06-01',
      to: '2028-12-01',
      months: 6,
      message: 'Oplevering (M12): opnieuw gebaselined van 1 juni 2028 naar 1 december 2028 (6 maanden later).',
    });
    expect(diffProject(project(), withMilestone(project(), 'M12', { baselineDate: null }))[0]).toMatchObject({
      kind: 'baseline_cleared',
      from: '2028-06-01',
    });
  });

  it('attaches the reason from the baseline history to the change it explains', () => {
    const changes = diffProject(
      project(),
      withMilestone(withMilestone(project(), 'M12', { baselineDate: '2028-12-01' }), 'M11', { forecastDate: '2026-08-01' }),
    );
    const history: BaselineHistoryEntry[] = [
      {
        id: 'h1',
        projectId: 'p',
        changedAt: '2026-11-01T10:00:00.000Z',
        projectVersion: 3,
        reason: 'Eerder besluit',
        changes: [{ code: 'M12', from: '2028-06-01', to: '2028-09-01' }],
      },
      {
        id: 'h2',
        projectId: 'p',
        changedAt: '2026-11-20T10:00:00.000Z',
        projectVersion: 5,
        reason: 'Netcongestie, besproken aan tafel',
        changes: [{ code: 'M12', from: '2028-09-01', to: '2028-12-01' }],
      },
    ];
    const explained = attachBaselineReasons(changes, history);
    expect(explained[0]).toMatchObject({ kind: 'milestone_moved', milestoneCode: 'M11' });
    expect(at(explained, 0).reason).toBeUndefined();
    expect(explained[1]).toMatchObject({
      kind: 'baseline_changed',
      reason: 'Netcongestie, besproken aan tafel',
      message: expect.stringMatching(/Reden: Netcongestie, besproken aan tafel$/),
    });
  });
});

describe('SPEC §2 "Segments" and `001 § Afspraak 3A` jaarschijven: programme and year slices', () => {
  it('reports the total and each segment that changed, from → to with the difference', () => {
    const next = project({
      programme: [
        { segment: 'sociale_huur', woningtype: 'gestapeld', doelgroep: 'regulier', homes: 80 },
        { segment: 'middenhuur', woningtype: 'gestapeld', doelgroep: 'regulier', homes: 40 },
        { segment: 'vrije_sector_koop', woningtype: 'gestapeld', doelgroep: 'regulier', homes: 30 },
      ],
    });
    expect(diffProject(project(), next)).toEqual([
      expect.objectContaining({
        kind: 'programme_segment_changed',
        segment: 'sociale_huur',
        from: 60,
        to: 80,
        message: 'Programma sociale huur: van 60 naar 80 woningen (+20).',
      }),
      expect.objectContaining({
        kind: 'programme_segment_changed',
        segment: 'vrije_sector_koop',
        from: 50,
        to: 30,
        message: 'Programma vrije sector koop: van 50 naar 30 woningen (-20).',
      }),
    ]);
    const bigger = project({
      programme: [...project().programme, { segment: 'betaalbare_koop', woningtype: 'grondgebonden', doelgroep: 'regulier', homes: 1 }],
    });
    expect(diffProject(project(), bigger).map((c) => [c.kind, c.from, c.to])).toEqual([
      ['programme_total_changed', 150, 151],
      ['programme_segment_changed', 0, 1],
    ]);
    expect(diffProject(project(), bigger)[1]?.message).toBe('Programma betaalbare koop: van 0 naar 1 woning (+1).');
  });

  it('ignores a change of type or target group within the same segment totals', () => {
    const next = project({
      programme: [
        { segment: 'sociale_huur', woningtype: 'grondgebonden', doelgroep: 'ouderen', homes: 60 },
        { segment: 'middenhuur', woningtype: 'gestapeld', doelgroep: 'regulier', homes: 40 },
        { segment: 'vrije_sector_koop', woningtype: 'gestapeld', doelgroep: 'regulier', homes: 50 },
      ],
    });
    expect(diffProject(project(), next)).toEqual([]);
  });

  it('reports each year whose slices changed, with the segments that moved', () => {
    const next = project({
      jaarschijven: [
        { year: 2028, segment: 'sociale_huur', homes: 20 },
        { year: 2028, segment: 'middenhuur', homes: 40 },
        { year: 2029, segment: 'sociale_huur', homes: 40 },
        { year: 2029, segment: 'vrije_sector_koop', homes: 50 },
      ],
    });
    expect(diffProject(project(), next)).toEqual([
      expect.objectContaining({
        kind: 'jaarschijf_changed',
        year: 2028,
        field: 'jaarschijven.2028',
        from: 100,
        to: 60,
        message: 'Jaarschijf 2028: van 100 naar 60 woningen gepland (sociale huur van 60 naar 20).',
      }),
      expect.objectContaining({ kind: 'jaarschijf_changed', year: 2029, from: 50, to: 90 }),
    ]);
  });

  it('reports a year that appears or disappears', () => {
    const next = project({ jaarschijven: [{ year: 2030, segment: 'vrije_sector_koop', homes: 50 }] });
    expect(diffProject(project(), next).map((c) => [c.year, c.from, c.to])).toEqual([
      [2028, 100, 0],
      [2029, 50, 0],
      [2030, 0, 50],
    ]);
  });
});

describe('SPEC §2 "Plan status", "Phases", status colour and flags', () => {
  it('reports plan status, phase and status with their Dutch labels', () => {
    const next = project({ planStatus: 'onherroepelijk', phase: 'realisatie', status: 'oranje' });
    expect(diffProject(project(), next)).toEqual([
      expect.objectContaining({
        kind: 'plan_status_changed',
        from: 'vastgesteld',
        to: 'onherroepelijk',
        message: 'Planstatus gewijzigd van Vastgesteld naar Onherroepelijk.',
      }),
      expect.objectContaining({
        kind: 'phase_changed',
        from: 'vergunning',
        to: 'realisatie',
        message: 'Fase gewijzigd van Vergunning naar Realisatie.',
      }),
      expect.objectContaining({
        kind: 'status_changed',
        from: 'groen',
        to: 'oranje',
        message: 'Status gewijzigd van Op schema naar Aandacht nodig.',
      }),
    ]);
  });

  it('reports a new name and flags added or removed', () => {
    const next = project({ name: 'Hart van Zuid II', flags: ['nplv'] });
    expect(diffProject(project(), next).map((c) => [c.kind, c.from, c.to])).toEqual([
      ['name_changed', 'Hart van Zuid', 'Hart van Zuid II'],
      ['flag_added', null, 'nplv'],
      ['flag_removed', 'woondeal_locatie', null],
    ]);
  });
});

describe('SPEC §2 "Knelpunt": opened, escalated to the table, resolved', () => {
  const k = {
    id: 'k1',
    category: 'netcongestie' as const,
    description: 'Geen aansluiting voor 2029',
    escalated: false,
    resolution: null,
    resolvedDate: null,
  };

  it('a new knelpunt is opened; when escalated it is reported as escalated too', () => {
    expect(diffProject(project(), project({ knelpunten: [k] }))).toEqual([
      {
        kind: 'knelpunt_opened',
        field: 'knelpunten.k1',
        from: null,
        to: 'netcongestie',
        knelpuntId: 'k1',
        message: 'Nieuw knelpunt (Netcongestie): Geen aansluiting voor 2029.',
      },
    ]);
    expect(diffProject(project(), project({ knelpunten: [{ ...k, escalated: true }] })).map((c) => c.kind)).toEqual([
      'knelpunt_opened',
      'knelpunt_escalated',
    ]);
  });

  it('an existing knelpunt escalated, de-escalated, resolved, reopened or removed', () => {
    const before = project({ knelpunten: [k] });
    expect(diffProject(before, project({ knelpunten: [{ ...k, escalated: true }] }))[0]).toMatchObject({
      kind: 'knelpunt_escalated',
      message: 'Knelpunt geëscaleerd naar de versnellingstafel (Netcongestie): Geen aansluiting voor 2029.',
    });
    expect(diffProject(project({ knelpunten: [{ ...k, escalated: true }] }), before)[0]).toMatchObject({ kind: 'knelpunt_deescalated' });
    const resolved = { ...k, escalated: true, resolvedDate: '2026-11-01', resolution: 'Tijdelijke aansluiting' };
    expect(diffProject(project({ knelpunten: [{ ...k, escalated: true }] }), project({ knelpunten: [resolved] }))).toEqual([
      expect.objectContaining({
        kind: 'knelpunt_resolved',
        to: '2026-11-01',
        message: 'Knelpunt opgelost op 1 november 2026 (Netcongestie): Geen aansluiting voor 2029 — Tijdelijke aansluiting.',
      }),
    ]);
    expect(diffProject(project({ knelpunten: [resolved] }), project({ knelpunten: [{ ...k, escalated: true }] })).map((c) => c.kind)).toEqual([
      'knelpunt_reopened',
    ]);
    expect(diffProject(before, project())).toEqual([expect.objectContaining({ kind: 'knelpunt_removed', knelpuntId: 'k1' })]);
  });

  it('a knelpunt raised and resolved within the quarter is reported as opened and resolved', () => {
    const quick = { ...k, resolvedDate: '2026-11-01', resolution: 'Opgelost' };
    expect(diffProject(project(), project({ knelpunten: [quick] })).map((c) => c.kind)).toEqual(['knelpunt_opened', 'knelpunt_resolved']);
  });
});

describe('SPEC §2 "Organisation": parties added and removed', () => {
  it('names the organisation and its role', () => {
    const next = project({ parties: [{ organisationId: ONTWIKKELAAR, role: 'ontwikkelaar' }] });
    const names = new Map([[ONTWIKKELAAR, 'Bouwfonds BV']]);
    expect(diffProject(project(), next, { organisationName: (id) => names.get(id) })).toEqual([
      {
        kind: 'party_added',
        field: 'parties',
        from: null,
        to: 'ontwikkelaar',
        organisationId: ONTWIKKELAAR,
        message: 'Partij toegevoegd: Bouwfonds BV als ontwikkelaar.',
      },
      {
        kind: 'party_removed',
        field: 'parties',
        from: 'bevoegd_gezag',
        to: null,
        organisationId: GEMEENTE,
        message: `Partij vervallen: ${GEMEENTE} als bevoegd gezag.`,
      },
    ]);
  });

  it('a new role of the same organisation is a party added', () => {
    const next = project({ parties: [...project().parties, { organisationId: GEMEENTE, role: 'initiatiefnemer' }] });
    expect(diffProject(project(), next)).toEqual([expect.objectContaining({ kind: 'party_added', to: 'initiatiefnemer' })]);
  });
});

describe('order of the change list', () => {
  it('project fields, milestones, programme, jaarschijven, knelpunten, parties', () => {
    const next = withMilestone(
      project({
        status: 'rood',
        programme: project().programme.map((l) => (l.segment === 'middenhuur' ? { ...l, homes: 45 } : l)),
        jaarschijven: project().jaarschijven.map((s) => (s.segment === 'middenhuur' ? { ...s, homes: 45 } : s)),
        knelpunten: [{ id: 'k9', category: 'stikstof', description: 'Vergunning stikstof', escalated: true, resolution: null, resolvedDate: null }],
        parties: [...project().parties, { organisationId: ONTWIKKELAAR, role: 'bouwer' }],
      }),
      'M11',
      { forecastDate: '2027-09-01' },
    );
    expect(diffProject(project(), next).map((c) => c.kind)).toEqual([
      'status_changed',
      'milestone_moved',
      'programme_total_changed',
      'programme_segment_changed',
      'jaarschijf_changed',
      'knelpunt_opened',
      'knelpunt_escalated',
      'party_added',
    ]);
  });
});
