/**
 * The national monitor's rules (src/domain/national.ts): areas, targets as dated data with their
 * source (SPEC §3), the annual target of an area, the special targets the data can measure (SPEC §3
 * table), and the versnellingstafels' use of the PPM (SPEC §1, `001 § Afspraak 3B`: "De PPM wordt elk
 * kwartaal geüpdatet"; the landelijke tafel reports whether it is used and whether all parties deliver).
 */
import { describe, expect, it } from 'vitest';
import { nationalProject } from '../../test/helpers/builders.ts';
import { take } from '../../test/helpers/present.ts';
import { PLAN_STATUSES, SEGMENTS, type PlanStatus } from './codes.ts';
import type { RealisationAssumptions } from './forecast.ts';
import {
  areaAnnualTarget,
  checkTarget,
  emptyFactRow,
  housingTargets,
  nationalFacts,
  ppmUsage,
  ppmWindow,
  resolveArea,
  specialTargetProgress,
  type FactRow,
  type GemeenteRef,
  type NationalFacts,
  type TargetInput,
  type TargetRecord,
} from './national.ts';

const gemeenten: GemeenteRef[] = [
  { code: 'GM0001', name: 'Een', provincieCode: 'PV26', provincieName: 'Utrecht', coropCode: 'CR17', coropName: 'Utrecht' },
  { code: 'GM0002', name: 'Twee', provincieCode: 'PV26', provincieName: 'Utrecht', coropCode: 'CR17', coropName: 'Utrecht' },
  { code: 'GM0003', name: 'Drie', provincieCode: 'PV27', provincieName: 'Noord-Holland', coropCode: 'CR23', coropName: 'Groot-Amsterdam' },
];
const regions = [{ id: 'vt-x', kind: 'versnellingstafel' as const, name: 'Tafel X', gemeenteCodes: ['GM0002', 'GM0003'] }];

describe('resolveArea (SPEC §2 Geography: nation, provincie, COROP, gemeente, regions)', () => {
  it('resolves the nation, a province, a COROP area, a gemeente and a region; unknown ids give null', () => {
    expect(resolveArea('nl', gemeenten, regions)).toMatchObject({ kind: 'land', gemeenteCodes: ['GM0001', 'GM0002', 'GM0003'] });
    expect(resolveArea('NL01', gemeenten, regions)!.id).toBe('nl');
    expect(resolveArea('provincie:PV26', gemeenten, regions)).toMatchObject({
      kind: 'provincie',
      name: 'Provincie Utrecht',
      gemeenteCodes: ['GM0001', 'GM0002'],
    });
    expect(resolveArea('corop:CR23', gemeenten, regions)).toMatchObject({ kind: 'corop', gemeenteCodes: ['GM0003'] });
    expect(resolveArea('gemeente:GM0002', gemeenten, regions)).toMatchObject({ kind: 'gemeente', name: 'Gemeente Twee' });
    expect(resolveArea('vt-x', gemeenten, regions)).toMatchObject({ kind: 'versnellingstafel', gemeenteCodes: ['GM0002', 'GM0003'] });
    expect(resolveArea('provincie:PV99', gemeenten, regions)).toBeNull();
    expect(resolveArea('nope', gemeenten, regions)).toBeNull();
  });
});

const refs = { provincies: new Set(['PV26', 'PV27']), gemeenten: new Set(['GM0001', 'GM0002', 'GM0003']), regions: new Set(['vt-x']) };
const base: TargetInput = {
  metric: 'woningbouw',
  unit: 'woningen',
  geoLevel: 'provincie',
  geoCode: 'PV26',
  geoName: 'Utrecht',
  periodStart: 2022,
  periodEnd: 2030,
  homes: 83_500,
  share: null,
  kind: 'provinciale afspraak',
  sourceUrl: 'https://example.org/bron',
  sourceQuote: null,
  sourceRef: null,
  sourcePublished: null,
  note: null,
  isExample: false,
  preferred: true,
};

describe('checkTarget (SPEC §3: targets are dated data, each with its source)', () => {
  const codes = (t: Partial<TargetInput>, prefix?: string) => checkTarget({ ...base, ...t }, refs, prefix).map((i) => `${i.path}:${i.code}`);

  it('accepts a complete target', () => {
    expect(codes({})).toEqual([]);
    expect(
      codes({
        metric: 'sociaal_aandeel',
        unit: 'aandeel',
        homes: null,
        share: 0.3,
        geoLevel: 'nation',
        geoCode: 'NL01',
        sourceUrl: null,
        sourceRef: '004',
      }),
    ).toEqual([]);
  });

  it('names each offending field, with the row prefix of an import', () => {
    expect(codes({ sourceUrl: null, sourceRef: null })).toEqual(['sourceUrl:source_required']);
    expect(codes({ periodEnd: 2020 })).toEqual(['periodEnd:period_order']);
    expect(codes({ geoCode: 'PV99' })).toEqual(['geoCode:unknown_code']);
    expect(codes({ geoLevel: 'gemeente', geoCode: 'Amsterdam' })).toEqual(['geoCode:code_format']);
    expect(codes({ geoLevel: 'region', geoCode: 'vt-y' })).toEqual(['geoCode:unknown_region']);
    expect(codes({ unit: 'aandeel' })).toEqual(['unit:unit_mismatch', 'share:share_required', 'homes:homes_not_allowed']);
    expect(codes({ metric: 'sociaal_aandeel', unit: 'woningen' })).toEqual(['unit:unit_mismatch']);
    expect(codes({ homes: null })).toEqual(['homes:homes_required']);
    expect(codes({ homes: -1 }, 'rows[3].')).toEqual(['rows[3].homes:homes_required']);
    expect(codes({ sourceUrl: 'ftp://x' })).toEqual(['sourceUrl:url_format']);
  });

  it('explains in plain Dutch', () => {
    const [issue] = take(checkTarget({ ...base, periodEnd: 2020 }, refs), 1);
    expect(issue.message).toBe('Het eindjaar mag niet voor het beginjaar liggen.');
  });
});

const record = (over: Partial<TargetRecord>): TargetRecord => ({
  ...base,
  id: over.metric ?? 'id',
  version: 1,
  updatedAt: '2026-01-01T00:00:00Z',
  ...over,
});

describe('annual target of an area (SPEC §3; targets.ts rules for regions)', () => {
  const targets = housingTargets([
    record({ id: 'nl', geoLevel: 'nation', geoCode: 'NL01', geoName: 'Nederland', homes: 900_000 }),
    record({
      id: 'nl100',
      geoLevel: 'nation',
      geoCode: 'NL01',
      geoName: 'Nederland',
      unit: 'woningen_per_jaar',
      homes: 100_000,
      periodStart: 2025,
      periodEnd: 2029,
    }),
    record({ id: 'pv26', homes: 9_000 }),
    record({ id: 'share', metric: 'betaalbaar_aandeel', unit: 'aandeel', homes: null, share: 0.67, geoLevel: 'nation', geoCode: 'NL01' }),
  ]);
  const provincieOf = new Map(gemeenten.map((g) => [g.code, g.provincieCode]));
  const weights = new Map([
    ['GM0001', 3],
    ['GM0002', 1],
    ['GM0003', 1],
  ]);

  it('uses only housing-production targets and turns a per-year figure into its period total', () => {
    expect(targets.map((t) => t.id).sort()).toEqual(['nl', 'nl100', 'pv26']);
    expect(targets.find((t) => t.id === 'nl100')!.homes).toBe(500_000);
  });

  it('applies the national 100,000 a year only to its own years 2025–2029, not to 2022–2024 or 2030 (SPEC §3; issue 8 item 20)', () => {
    const nation = resolveArea('nl', gemeenten, regions)!;
    expect(areaAnnualTarget(nation, 2027, targets, provincieOf, weights)).toMatchObject({ homesPerYear: 100_000, basis: 'vastgesteld' });
    expect(areaAnnualTarget(nation, 2025, targets, provincieOf, weights).homesPerYear).toBe(100_000);
    expect(areaAnnualTarget(nation, 2029, targets, provincieOf, weights).homesPerYear).toBe(100_000);
    // The 900,000 over 2022–2030 is a period total of the provincial agreements, not a target per year.
    for (const year of [2022, 2023, 2024, 2030, 2031]) {
      expect(areaAnnualTarget(nation, year, targets, provincieOf, weights), String(year)).toMatchObject({ homesPerYear: null, basis: 'onbekend' });
    }
  });

  it('gives a province its own target and a region an estimated share of it', () => {
    expect(areaAnnualTarget(resolveArea('provincie:PV26', gemeenten, regions)!, 2026, targets, provincieOf, weights)).toMatchObject({
      homesPerYear: 1000,
      basis: 'vastgesteld',
    });
    // Gemeente GM0001 has 3/4 of the province's CBS production: 750 a year, estimated.
    expect(areaAnnualTarget(resolveArea('gemeente:GM0001', gemeenten, regions)!, 2026, targets, provincieOf, weights)).toMatchObject({
      homesPerYear: 750,
      basis: 'geschat',
    });
    // The table also has GM0003 in a province without a target: unknown.
    expect(areaAnnualTarget(resolveArea('vt-x', gemeenten, regions)!, 2026, targets, provincieOf, weights).homesPerYear).toBeNull();
  });
});

describe('PPM use per table (SPEC §1; 001 § Afspraak 3B)', () => {
  it('takes the quarter of asOf; overdue = not updated in this or the previous quarter (design)', () => {
    expect(ppmWindow('2026-11-15')).toEqual({ quarter: '2026-Q4', quarterStart: '2026-10-01', overdueBefore: '2026-07-01' });
    expect(ppmWindow('2026-01-02')).toEqual({ quarter: '2026-Q1', quarterStart: '2026-01-01', overdueBefore: '2025-10-01' });
    expect(ppmWindow('2026-11-15', 2).overdueBefore).toBe('2026-04-01');
  });

  it('turns counts into shares; a table without projects does not use the PPM', () => {
    expect(
      ppmUsage({ projects: 4, updatedThisQuarter: 3, overdue: 1, overdueParties: 2, lastUpdate: '2026-11-01T00:00:00.000Z', roundsOpened: 2 }),
    ).toMatchObject({
      ppmInUse: true,
      roundOpened: true,
      updatedShare: 0.75,
      overdueShare: 0.25,
    });
    expect(ppmUsage({ projects: 0, updatedThisQuarter: 0, overdue: 0, overdueParties: 0, lastUpdate: null, roundsOpened: 0 })).toMatchObject({
      ppmInUse: false,
      updatedShare: null,
      overdueShare: null,
    });
  });

  it('gives no share updated where no quarterly round was ever opened (SPEC §2 quarterly round; 001 § Afspraak 3B; issue 8 item 21)', () => {
    // Every project was created this quarter, but nobody was ever asked to deliver: not "100% bijgewerkt".
    expect(
      ppmUsage({ projects: 4, updatedThisQuarter: 4, overdue: 0, overdueParties: 0, lastUpdate: '2026-11-01T00:00:00.000Z', roundsOpened: 0 }),
    ).toMatchObject({
      ppmInUse: true,
      roundOpened: false,
      updatedShare: null,
      updatedThisQuarter: 4,
    });
  });
});

describe('special targets (SPEC §3 table): progress where the data can measure it', () => {
  const a: RealisationAssumptions = { onherroepelijk: 1, vastgesteld: 1, in_voorbereiding: 0.5, visie: 0.5, onbekend: 0.5 };
  const row = (v: Partial<FactRow>): FactRow => ({ ...emptyFactRow(), ...v });
  const statuses = (hard: Partial<FactRow>, soft: Partial<FactRow> = {}): Record<PlanStatus, FactRow> =>
    Object.fromEntries(PLAN_STATUSES.map((s) => [s, s === 'onherroepelijk' ? row(hard) : s === 'visie' ? row(soft) : row({})])) as Record<
      PlanStatus,
      FactRow
    >;
  const facts: NationalFacts = {
    perYear: new Map([
      [
        2027,
        statuses(
          { homes: 60_000, affordable: 40_000, social: 18_000, nplv: 10_000, industrieel: 15_000 },
          { homes: 40_000, affordable: 20_000, social: 6_000, nplv: 10_000 },
        ),
      ],
      [2028, statuses({ homes: 10_000, nplv: 5_000 })],
    ]),
    doorbraakHomes: { onherroepelijk: 60_000, vastgesteld: 0, in_voorbereiding: 30_000, visie: 20_000, onbekend: 0 },
  };
  const nationTarget = (over: Partial<TargetRecord>) =>
    record({ geoLevel: 'nation', geoCode: 'NL01', geoName: 'Nederland', sourceUrl: null, sourceRef: 'seed', ...over });
  const targets = [
    nationTarget({ id: 'prod', metric: 'woningbouw', unit: 'woningen_per_jaar', homes: 100_000, periodStart: 2025, periodEnd: 2029 }),
    nationTarget({ id: 'aff', metric: 'betaalbaar_aandeel', unit: 'aandeel', homes: null, share: 2 / 3, periodStart: 2025, periodEnd: 2029 }),
    nationTarget({ id: 'soc', metric: 'sociaal_aandeel', unit: 'aandeel', homes: null, share: 0.3, periodStart: 2025, periodEnd: 2029 }),
    nationTarget({ id: 'nplv', metric: 'nplv', unit: 'woningen', homes: 80_000, periodStart: 2025, periodEnd: 2029 }),
    nationTarget({ id: 'door', metric: 'doorbraaklocaties', unit: 'woningen', homes: 100_000, periodStart: 2025, periodEnd: 2035 }),
    nationTarget({ id: 'woondeals', metric: 'woondeals', unit: 'woningen', homes: 981_000 }),
    nationTarget({ id: 'ind', metric: 'industrieel_aandeel', unit: 'aandeel', homes: null, share: 0.5, periodStart: 2030, periodEnd: 2030 }),
    record({ id: 'pv', metric: 'nplv', homes: 1 }), // a province target is not a national special target
  ];
  const progress = specialTargetProgress(targets, facts, 2027, a);
  const byId = new Map(progress.map((p) => [p.targetId, p]));

  it('measures national production in the focus year: expected = planned × assumption', () => {
    // 60,000 × 1 + 40,000 × 0.5 = 80,000 against 100,000.
    expect(byId.get('prod')).toMatchObject({
      measurable: true,
      measured: 80_000,
      progress: 0.8,
      status: 'achter',
      measuredOver: { from: 2027, to: 2027 },
    });
  });

  it('measures shares of the expected homes: betaalbaar (40k + 10k)/80k, sociaal (18k + 3k)/80k', () => {
    expect(byId.get('aff')!.measured).toBeCloseTo(50_000 / 80_000, 12);
    expect(byId.get('soc')!.measured).toBeCloseTo(21_000 / 80_000, 12);
    expect(byId.get('soc')!.status).toBe('achter');
  });

  it('sums a period target over its period and measures doorbraaklocaties as the size of their plans', () => {
    // NPLV 2025–2029: 10,000 + 5,000 (hard) + 10,000 × 0.5 (visie) = 20,000 of 80,000.
    expect(byId.get('nplv')).toMatchObject({ measured: 20_000, progress: 0.25, measuredOver: { from: 2025, to: 2029 } });
    expect(byId.get('door')).toMatchObject({ measured: 110_000, status: 'op_koers' });
  });

  it('measures a one-year target in its own year, and says so when the data cannot measure a target', () => {
    expect(byId.get('ind')!.measuredOver).toEqual({ from: 2030, to: 2030 });
    expect(byId.get('ind')!.measured).toBe(0);
    expect(byId.get('woondeals')).toMatchObject({ measurable: false, measured: null, status: 'onbekend' });
    expect(byId.get('woondeals')!.explanation).toMatch(/Nog niet meetbaar/);
    expect(byId.has('pv')).toBe(false);
  });

  it('shows Beter Benutten’s ca. 15,000 a year as what it yields now, ter vergelijking, never op koers or achter (SPEC §3, §6; 000 § Beter benutten; 003; issue 8 item 26)', () => {
    const withBb = [
      ...targets,
      nationTarget({ id: 'bb', metric: 'beter_benutten', unit: 'woningen_per_jaar', homes: 15_000, periodStart: 2025, periodEnd: 2030 }),
    ];
    const bbFacts: NationalFacts = { ...facts, perYear: new Map([[2027, statuses({ homes: 60_000, beterBenutten: 4_000 })]]) };
    const bb = specialTargetProgress(withBb, bbFacts, 2027, a).find((p) => p.targetId === 'bb')!;
    expect(bb).toMatchObject({ measurable: true, measured: 4_000, progress: null, status: 'ter_vergelijking' });
    expect(bb.explanation).toMatch(/ter vergelijking; het is geen doel/);
    // Even far above the reference figure there is no verdict.
    const above = specialTargetProgress(withBb, { ...facts, perYear: new Map([[2027, statuses({ beterBenutten: 40_000 })]]) }, 2027, a).find(
      (p) => p.targetId === 'bb',
    )!;
    expect(above.status).toBe('ter_vergelijking');
  });
});

describe('nationalFacts: what each special target counts, from the projects (SPEC §3; §6 Beter Benutten forms; §2 target groups)', () => {
  const seg = (s: (typeof SEGMENTS)[number]) => SEGMENTS.indexOf(s);
  const project = nationalProject;
  const facts = nationalFacts([
    // A corporation's social rent in an NPLV area, half of it for elderly.
    project({
      corporatie: true,
      flags: ['nplv'],
      programmeHomes: 100,
      elderlyHomes: 50,
      years: [2027, 2028],
      segments: [seg('sociale_huur'), seg('sociale_huur')],
      homes: [60, 40],
    }),
    // A transformation (Beter Benutten), industrially built, students only.
    project({
      planStatus: 'visie',
      origin: 'transformatie',
      flags: ['industrieel'],
      programmeHomes: 20,
      studentHomes: 20,
      years: [2027],
      segments: [seg('middenhuur')],
      homes: [20],
    }),
    // A doorbraaklocatie counts with its whole plan.
    project({
      planStatus: 'in_voorbereiding',
      flags: ['doorbraaklocatie', 'woondeal_locatie'],
      totalHomes: 5000,
      years: [2027],
      segments: [seg('vrije_sector_koop')],
      homes: [300],
    }),
  ]);

  it('sums per year and plan status', () => {
    const y2027 = facts.perYear.get(2027)!;
    expect(y2027.vastgesteld).toMatchObject({ homes: 60, affordable: 60, social: 60, corporatieSocial: 60, nplv: 60, elderly: 30, student: 0 });
    expect(y2027.visie).toMatchObject({ homes: 20, affordable: 20, social: 0, industrieel: 20, beterBenutten: 20, student: 20 });
    expect(y2027.in_voorbereiding).toMatchObject({ homes: 300, woondeal: 300, affordable: 0 });
    expect(facts.perYear.get(2028)!.vastgesteld).toMatchObject({ homes: 40, corporatieSocial: 40, elderly: 20 });
    expect(facts.doorbraakHomes.in_voorbereiding).toBe(5000);
  });
});
