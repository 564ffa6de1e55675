/**
 * Unit tests for the table dashboard (src/domain/dashboard.ts, summariseTable).
 *
 * SPEC §1: the versnellingstafel secretary needs a "regional dashboard against woondeal targets;
 * delays, knelpunten, alternatives". SPEC §2: jaarschijven are planned completions per year and
 * segment (`001 § Afspraak 3A`); betaalbaar = sociale huur + middenhuur + betaalbare koop;
 * harde plancapaciteit = onherroepelijk + vastgesteld; a milestone is delayed when its forecast is
 * later than its baseline by more than the tolerance (design: 3 months; serious beyond 12);
 * knelpunten have a category, an escalated flag and a resolution. SPEC §3: targets and the gap.
 */
import { describe, expect, it } from 'vitest';
import { present } from '../../test/helpers/present.ts';
import { dashboardProject as project, milestone } from '../../test/helpers/builders.ts';
import { KNELPUNT_CATEGORIES, PHASES, PLAN_STATUSES, SEGMENTS, type KnelpuntCategory, type Segment } from './codes.ts';
import { summariseTable } from './dashboard.ts';
import type { Jaarschijf, Milestone } from './project.ts';

const js = (year: number, segment: Segment, homes: number): Jaarschijf => ({ year, segment, homes });
const kp = (category: KnelpuntCategory, escalated = false, resolvedDate: string | null = null) => ({ category, escalated, resolvedDate });
const segments = (values: Partial<Record<Segment, number>>): Record<Segment, number> =>
  Object.fromEntries(SEGMENTS.map((s) => [s, values[s] ?? 0])) as Record<Segment, number>;

/*
 * Hand-made table of three projects.
 *
 * P1 Akkerweide: onherroepelijk (hard), realisatie, groen, 100 homes (70 betaalbaar, 30 sociaal), on the map
 *   jaarschijven 2026 sociale_huur 30, 2026 vrije_sector_koop 20, 2027 middenhuur 40, 2027 vrije_sector_koop 10
 *   M11 achieved 8 months late (never listed), M12 forecast 5 months late (vertraagd)
 *   knelpunten: netcongestie open+escalated; netcongestie escalated but resolved (not counted)
 * P2 Boschpoort: in_voorbereiding (not hard), planvorming, oranje, 200 homes (100 betaalbaar, 60 sociaal), no location, synthetic
 *   jaarschijven 2027 sociale_huur 60, 2027 betaalbare_koop 40, 2028 vrije_sector_huur 100, 2035 vrije_sector_koop 5 (outside years)
 *   M06 16 months late (ernstig), M07 exactly 3 months late (within tolerance), M05 no baseline, M03 no forecast
 *   knelpunten: stikstof open, netcongestie open
 * P3 Castellum: vastgesteld (hard), vergunning, rood, 50 homes (0 betaalbaar), on the map, synthetic
 *   jaarschijven 2026 vrije_sector_koop 50, 2025 vrije_sector_koop 7 (outside years)
 *   M09 5 months late (vertraagd; ties with P1 M12), M11 3 months early
 *   knelpunten: financiele_haalbaarheid resolved
 *
 * Years [2026, 2027, 2028]:
 *   2026: expected 30+20+50 = 100; hard 50 (P1) + 50 (P3) = 100; betaalbaar 30; sociaal 30
 *   2027: expected 40+10+60+40 = 150; hard 50 (P1); betaalbaar 40+60+40 = 140; sociaal 60
 *   2028: expected 100; hard 0; betaalbaar 0; sociaal 0
 * Targets: 2026 → 120.4 (gap 100 − round(120.4) = −20), 2027 → 100 (gap +50), 2028 → unknown (gap null)
 * Totals: 3 projects, 350 homes, 170 betaalbaar (170/350), 90 sociaal (90/350), 2 synthetic.
 */
const P1 = project({
  id: 'p1',
  name: 'Akkerweide',
  planStatus: 'onherroepelijk',
  phase: 'realisatie',
  status: 'groen',
  totalHomes: 100,
  affordableHomes: 70,
  socialHomes: 30,
  location: { lon: 5.1, lat: 52.1 },
  jaarschijven: [js(2026, 'sociale_huur', 30), js(2026, 'vrije_sector_koop', 20), js(2027, 'middenhuur', 40), js(2027, 'vrije_sector_koop', 10)],
  milestones: [
    milestone('M11', { baselineDate: '2025-01-01', forecastDate: '2025-09-01', actualDate: '2025-09-01' }),
    milestone('M12', { baselineDate: '2026-01-01', forecastDate: '2026-06-01' }),
  ],
  knelpunten: [kp('netcongestie', true), kp('netcongestie', true, '2026-02-01')],
});
const P2 = project({
  id: 'p2',
  name: 'Boschpoort',
  gemeenteCode: 'GM0002',
  planStatus: 'in_voorbereiding',
  phase: 'planvorming',
  status: 'oranje',
  totalHomes: 200,
  affordableHomes: 100,
  socialHomes: 60,
  synthetic: true,
  jaarschijven: [js(2027, 'sociale_huur', 60), js(2027, 'betaalbare_koop', 40), js(2028, 'vrije_sector_huur', 100), js(2035, 'vrije_sector_koop', 5)],
  milestones: [
    milestone('M06', { baselineDate: '2025-03-01', forecastDate: '2026-07-01' }),
    milestone('M07', { baselineDate: '2025-06-01', forecastDate: '2025-09-01' }),
    milestone('M05', { forecastDate: '2027-01-01' }),
    milestone('M03', { baselineDate: '2025-01-01' }),
  ],
  knelpunten: [kp('stikstof'), kp('netcongestie')],
});
const P3 = project({
  id: 'p3',
  name: 'Castellum',
  planStatus: 'vastgesteld',
  phase: 'vergunning',
  status: 'rood',
  totalHomes: 50,
  location: { lon: 4.9, lat: 52.3 },
  synthetic: true,
  jaarschijven: [js(2026, 'vrije_sector_koop', 50), js(2025, 'vrije_sector_koop', 7)],
  milestones: [
    milestone('M09', { baselineDate: '2025-01-01', forecastDate: '2025-06-01' }),
    milestone('M11', { baselineDate: '2025-01-01', forecastDate: '2024-10-01' }),
  ],
  knelpunten: [kp('financiele_haalbaarheid', false, '2026-01-15')],
});
const PROJECTS = [P1, P2, P3];
const TARGETS = new Map<number, number>([
  [2026, 120.4],
  [2027, 100],
]);
const summary = summariseTable(PROJECTS, { years: [2026, 2027, 2028], targetFor: (y) => TARGETS.get(y) ?? null });

// SPEC §2 jaarschijven (001 § Afspraak 3A); SPEC §2: harde plancapaciteit = onherroepelijk + vastgesteld; betaalbaar/sociaal segments.
describe('SPEC §2 jaarschijven (001 § Afspraak 3A): expected completions per year', () => {
  const table = [
    {
      case: '2026 counts 100 homes, all in hard plans, 30 betaalbaar and 30 sociaal',
      year: 2026,
      expected: 100,
      expectedHard: 100,
      affordable: 30,
      social: 30,
      bySegment: segments({ sociale_huur: 30, vrije_sector_koop: 70 }),
    },
    {
      case: '2027 counts 150 homes, 50 of them in a hard plan, 140 betaalbaar and 60 sociaal',
      year: 2027,
      expected: 150,
      expectedHard: 50,
      affordable: 140,
      social: 60,
      bySegment: segments({ sociale_huur: 60, middenhuur: 40, betaalbare_koop: 40, vrije_sector_koop: 10 }),
    },
    {
      case: '2028 counts 100 vrije sector huur homes in a plan in voorbereiding, none hard',
      year: 2028,
      expected: 100,
      expectedHard: 0,
      affordable: 0,
      social: 0,
      bySegment: segments({ vrije_sector_huur: 100 }),
    },
  ];
  it.each(table)('$case', ({ case: _case, year, ...figures }) => {
    const y = summary.perYear.find((f) => f.year === year)!;
    expect(y).toMatchObject(figures);
  });

  it('lists exactly the requested years, in the requested order', () => {
    expect(summary.perYear.map((y) => y.year)).toEqual([2026, 2027, 2028]);
    const reversed = summariseTable(PROJECTS, { years: [2028, 2026] });
    expect(reversed.perYear.map((y) => y.year)).toEqual([2028, 2026]);
  });

  it('ignores jaarschijven outside the requested years', () => {
    // 2025 (P3, 7) and 2035 (P2, 5) are not requested: the sum over the years is 100 + 150 + 100 = 350
    expect(summary.perYear.reduce((n, y) => n + y.expected, 0)).toBe(350);
    const only2035 = summariseTable(PROJECTS, { years: [2035] });
    expect(only2035.perYear).toHaveLength(1);
    expect(only2035.perYear[0]).toMatchObject({ year: 2035, expected: 5, expectedHard: 0, affordable: 0, social: 0 });
  });

  it('returns no years when none are requested', () => {
    expect(summariseTable(PROJECTS, { years: [] }).perYear).toEqual([]);
  });

  it('counts the hard-plan part from onherroepelijk and vastgesteld only', () => {
    // one project per plan status, each 10 homes in 2030: hard = onherroepelijk + vastgesteld = 20
    const perStatus = PLAN_STATUSES.map((planStatus, i) =>
      project({ id: `s${i}`, name: planStatus, planStatus, jaarschijven: [js(2030, 'middenhuur', 10)] }),
    );
    const y = present(summariseTable(perStatus, { years: [2030] }).perYear[0]);
    expect(y.expected).toBe(50);
    expect(y.expectedHard).toBe(20);
  });
});

// SPEC §3 targets as dated data: the gap between expected completions and the annual target.
describe('SPEC §3 targets as dated data: target and gap per year', () => {
  const table = [
    { case: 'a fractional target is shown as given and the gap uses the rounded target', year: 2026, target: 120.4, gap: -20 },
    { case: 'expected above target gives a positive gap', year: 2027, target: 100, gap: 50 },
    { case: 'an unknown target leaves target and gap empty', year: 2028, target: null, gap: null },
  ];
  it.each(table)('$case', ({ year, target, gap }) => {
    const y = summary.perYear.find((f) => f.year === year)!;
    expect(y.target).toBe(target);
    expect(y.gap).toBe(gap);
  });

  it('leaves every target and gap empty without a target function', () => {
    const plain = summariseTable(PROJECTS, { years: [2026, 2027] });
    expect(plain.perYear.map((y) => [y.target, y.gap])).toEqual([
      [null, null],
      [null, null],
    ]);
  });

  it('treats a target of 0 as known, so the gap equals the expected homes', () => {
    const zero = summariseTable(PROJECTS, { years: [2026], targetFor: () => 0 });
    expect(zero.perYear[0]).toMatchObject({ target: 0, gap: 100 });
  });
});

// SPEC §1 (versnellingstafel dashboard), SPEC §3: 2/3 betaalbaar, 30% sociaal.
describe('SPEC §1, §3: totals and affordable/social shares', () => {
  it('adds up projects, homes, betaalbaar and sociaal homes and counts synthetic projects', () => {
    expect(summary.totals).toEqual({
      projects: 3,
      homes: 350,
      affordableHomes: 170,
      socialHomes: 90,
      affordableShare: 170 / 350,
      socialShare: 90 / 350,
      syntheticProjects: 2,
    });
  });

  it('gives shares of 0, not NaN, for an empty project set', () => {
    const empty = summariseTable([], { years: [2026], targetFor: () => 500 });
    expect(empty.totals).toEqual({
      projects: 0,
      homes: 0,
      affordableHomes: 0,
      socialHomes: 0,
      affordableShare: 0,
      socialShare: 0,
      syntheticProjects: 0,
    });
    // expected 0, target 500 → gap −500
    expect(empty.perYear[0]).toMatchObject({ year: 2026, expected: 0, expectedHard: 0, affordable: 0, social: 0, target: 500, gap: -500 });
    expect(empty.delayedMilestones).toEqual({ count: 0, serious: 0, projects: 0, items: [] });
    expect(empty.mapPoints).toEqual([]);
    expect(empty.byPhase.every((p) => p.projects === 0 && p.homes === 0)).toBe(true);
    expect(empty.knelpunten.every((k) => k.open === 0 && k.escalated === 0)).toBe(true);
  });

  it('gives shares of 0 when the projects have no homes yet', () => {
    const noHomes = summariseTable([project({ id: 'x', name: 'Leeg' })], { years: [] });
    expect(noHomes.totals.affordableShare).toBe(0);
    expect(noHomes.totals.socialShare).toBe(0);
  });
});

// SPEC §2 "Phases and milestones", "Plan status (hardheid)", status colours: the pipeline.
describe('SPEC §2: pipeline by phase, plan status and status colour', () => {
  it('lists every phase in order with projects and homes', () => {
    // P1 realisatie 100, P2 planvorming 200, P3 vergunning 50
    const homes: Record<string, number> = { planvorming: 200, vergunning: 50, realisatie: 100 };
    expect(summary.byPhase).toEqual(PHASES.map((phase) => ({ phase, projects: homes[phase] ? 1 : 0, homes: homes[phase] ?? 0 })));
  });

  it('lists every plan status in order with projects and homes', () => {
    // P1 onherroepelijk 100, P3 vastgesteld 50, P2 in_voorbereiding 200
    expect(summary.byPlanStatus).toEqual([
      { planStatus: 'onherroepelijk', projects: 1, homes: 100 },
      { planStatus: 'vastgesteld', projects: 1, homes: 50 },
      { planStatus: 'in_voorbereiding', projects: 1, homes: 200 },
      { planStatus: 'visie', projects: 0, homes: 0 },
      { planStatus: 'onbekend', projects: 0, homes: 0 },
    ]);
  });

  it('counts projects per status colour', () => {
    expect(summary.byStatus).toEqual([
      { status: 'groen', projects: 1 },
      { status: 'oranje', projects: 1 },
      { status: 'rood', projects: 1 },
    ]);
  });

  it('puts only projects with a location on the map', () => {
    expect(summary.mapPoints).toEqual([
      { id: 'p1', name: 'Akkerweide', lon: 5.1, lat: 52.1, status: 'groen', homes: 100 },
      { id: 'p3', name: 'Castellum', lon: 4.9, lat: 52.3, status: 'rood', homes: 50 },
    ]);
  });
});

// SPEC §2 "Phases and milestones": delayed beyond tolerance (design 3 months), serious beyond 12; 001 § Afspraak 3B.
describe('SPEC §2 "Phases and milestones" (001 § Afspraak 3B): delayed pending milestones', () => {
  it('lists delayed pending milestones by months late, ties by project name', () => {
    // P2 M06 2025-03-01 → 2026-07-01: 16 months (ernstig); P1 M12 and P3 M09: 5 months each (vertraagd), Akkerweide < Castellum
    expect(summary.delayedMilestones.items.map((d) => [d.projectName, d.code, d.months, d.severity])).toEqual([
      ['Boschpoort', 'M06', 16, 'ernstig'],
      ['Akkerweide', 'M12', 5, 'vertraagd'],
      ['Castellum', 'M09', 5, 'vertraagd'],
    ]);
    expect(summary.delayedMilestones.count).toBe(3);
    expect(summary.delayedMilestones.serious).toBe(1);
  });

  it('carries project, baseline and forecast of each delayed milestone', () => {
    expect(summary.delayedMilestones.items[0]).toEqual({
      projectId: 'p2',
      projectName: 'Boschpoort',
      code: 'M06',
      baselineDate: '2025-03-01',
      forecastDate: '2026-07-01',
      months: 16,
      severity: 'ernstig',
      reason: null,
    });
  });

  const table: Array<{ case: string; m: Milestone; listed: boolean }> = [
    {
      case: 'an achieved milestone is never listed, however late it was',
      m: milestone('M11', { baselineDate: '2025-01-01', forecastDate: '2027-01-01', actualDate: '2027-01-01' }),
      listed: false,
    },
    {
      case: 'an achieved milestone without forecast is never listed',
      m: milestone('M11', { baselineDate: '2025-01-01', actualDate: '2027-01-01' }),
      listed: false,
    },
    {
      case: 'a milestone exactly 3 months late is within tolerance',
      m: milestone('M09', { baselineDate: '2026-01-01', forecastDate: '2026-04-01' }),
      listed: false,
    },
    {
      case: 'a milestone 3 months and a day late is delayed',
      m: milestone('M09', { baselineDate: '2026-01-01', forecastDate: '2026-04-02' }),
      listed: true,
    },
    {
      case: 'a milestone ahead of its baseline is not listed',
      m: milestone('M09', { baselineDate: '2026-01-01', forecastDate: '2025-01-01' }),
      listed: false,
    },
    { case: 'a milestone without baseline is not listed', m: milestone('M09', { forecastDate: '2030-01-01' }), listed: false },
    { case: 'a milestone without forecast is not listed', m: milestone('M09', { baselineDate: '2020-01-01' }), listed: false },
  ];
  it.each(table)('$case', ({ m, listed }) => {
    const s = summariseTable([project({ id: 'x', name: 'X', milestones: [m] })], { years: [] });
    expect(s.delayedMilestones.count).toBe(listed ? 1 : 0);
    expect(s.delayedMilestones.items).toHaveLength(listed ? 1 : 0);
  });

  it('counts exactly 12 months late as delayed but not serious, and beyond 12 as serious', () => {
    const s = summariseTable(
      [
        project({
          id: 'x',
          name: 'X',
          milestones: [
            milestone('M09', { baselineDate: '2026-01-01', forecastDate: '2027-01-01' }), // 12 months: vertraagd
            milestone('M11', { baselineDate: '2026-01-01', forecastDate: '2027-01-02' }), // 12 months and a day: ernstig
          ],
        }),
      ],
      { years: [] },
    );
    expect(s.delayedMilestones.items.map((d) => [d.code, d.severity])).toEqual([
      ['M09', 'vertraagd'],
      ['M11', 'ernstig'],
    ]);
    expect(s.delayedMilestones.serious).toBe(1);
    // Issue 8 item 18: two delayed milestones in one project; the drill-down list has one project.
    expect(s.delayedMilestones.count).toBe(2);
    expect(s.delayedMilestones.projects).toBe(1);
  });

  it('applies a custom tolerance', () => {
    // tolerance 1 month, serious beyond 4: P1 M12 (5) ernstig, P3 M09 (5) ernstig, P2 M07 (3) vertraagd, P2 M06 (16) ernstig
    const s = summariseTable(PROJECTS, { years: [], tolerance: { toleranceMonths: 1, seriousMonths: 4 } });
    expect(s.delayedMilestones.count).toBe(4);
    expect(s.delayedMilestones.serious).toBe(3);
    expect(s.delayedMilestones.items.map((d) => [d.projectName, d.code, d.severity])).toEqual([
      ['Boschpoort', 'M06', 'ernstig'],
      ['Akkerweide', 'M12', 'ernstig'],
      ['Castellum', 'M09', 'ernstig'],
      ['Boschpoort', 'M07', 'vertraagd'],
    ]);
  });

  const limits = [
    { case: 'maxDelayedItems 1 lists only the worst delay but counts all three', max: 1, items: 1 },
    { case: 'maxDelayedItems 0 lists nothing but still counts all three', max: 0, items: 0 },
    { case: 'maxDelayedItems above the number of delays lists them all', max: 10, items: 3 },
  ];
  it.each(limits)('$case', ({ max, items }) => {
    const s = summariseTable(PROJECTS, { years: [], maxDelayedItems: max });
    expect(s.delayedMilestones.items).toHaveLength(items);
    expect(s.delayedMilestones.count).toBe(3);
    expect(s.delayedMilestones.serious).toBe(1);
    if (items > 0) expect(s.delayedMilestones.items[0]?.code).toBe('M06');
  });

  it('lists at most 100 delays by default while counting all of them', () => {
    // 101 projects with one 5-month delay each
    const many = Array.from({ length: 101 }, (_, i) =>
      project({
        id: `m${i}`,
        name: `Project ${String(i).padStart(3, '0')}`,
        milestones: [milestone('M09', { baselineDate: '2026-01-01', forecastDate: '2026-06-01' })],
      }),
    );
    const s = summariseTable(many, { years: [] });
    expect(s.delayedMilestones.count).toBe(101);
    expect(s.delayedMilestones.items).toHaveLength(100);
    expect(s.delayedMilestones.items[0]?.projectName).toBe('Project 000');
  });
});

// SPEC §2 "Knelpunt": category, escalated to table (yes/no), resolution (001 § 1.1, 10, 11, 18).
describe('SPEC §2 "Knelpunt": open knelpunten per category', () => {
  it('lists every category in order', () => {
    expect(summary.knelpunten.map((k) => k.category)).toEqual([...KNELPUNT_CATEGORIES]);
  });

  const table: Array<{ case: string; category: KnelpuntCategory; open: number; escalated: number; projects: number }> = [
    // P1 open+escalated, P1 resolved+escalated (not counted), P2 open
    {
      case: 'netcongestie has two open knelpunten, one escalated; the resolved escalated one is not counted',
      category: 'netcongestie',
      open: 2,
      escalated: 1,
      projects: 2,
    },
    { case: 'stikstof has one open knelpunt, not escalated', category: 'stikstof', open: 1, escalated: 0, projects: 1 },
    { case: 'a resolved financial knelpunt is not counted', category: 'financiele_haalbaarheid', open: 0, escalated: 0, projects: 0 },
    { case: 'a category without knelpunten shows zero', category: 'geluid', open: 0, escalated: 0, projects: 0 },
  ];
  it.each(table)('$case', ({ category, open, escalated, projects }) => {
    expect(summary.knelpunten.find((k) => k.category === category)).toEqual({ category, open, escalated, projects });
  });

  it('counts the projects behind a category once, however many knelpunten each has open (issue 8 item 18: the drill-down list)', () => {
    const s = summariseTable([project({ id: 'x', name: 'X', knelpunten: [kp('stikstof'), kp('stikstof'), kp('stikstof', false, '2026-01-01')] })], {
      years: [],
    });
    expect(s.knelpunten.find((k) => k.category === 'stikstof')).toEqual({ category: 'stikstof', open: 2, escalated: 0, projects: 1 });
  });

  it('counts 3 open and 1 escalated knelpunten in total', () => {
    expect(summary.knelpunten.reduce((n, k) => n + k.open, 0)).toBe(3);
    expect(summary.knelpunten.reduce((n, k) => n + k.escalated, 0)).toBe(1);
  });
});
