import { describe, expect, it } from 'vitest';
import { POLICY } from '../policy.ts';
import {
  parseSupplementEuros,
  SUPPLEMENT_LIMITS,
  apportion,
  budgetCheck,
  gemeenteFigures,
  noAmounts,
  payoutSchedule,
  paymentQuarter,
  projectEntitlement,
  proRata,
  realisatiestimulansSettings,
  sumFigures,
  type CountedProject,
  type ProjectEntitlement,
} from './realisatiestimulans.ts';

const settings = realisatiestimulansSettings();

function project(over: Partial<CountedProject> = {}): CountedProject {
  return {
    projectId: over.projectId ?? 'p1',
    name: 'Plan',
    gemeenteCode: 'GM0363',
    basis: 'start_bouw',
    date: '2026-05-01',
    actual: true,
    milestoneHomes: null,
    origin: 'nieuwbouw',
    flags: [],
    programme: [{ segment: 'sociale_huur', doelgroep: 'regulier', homes: 10 }],
    contributions: [],
    ...over,
  };
}
const line = (p: CountedProject, s = settings): ProjectEntitlement => {
  const e = projectEntitlement(p, s);
  if (!e) throw new Error('not counted');
  return e;
};

describe('SPEC §4.1 amount — 001 § Afspraak 19.1 "€ 1,6 miljard … 170.000 sociale en midden huurwoningen; en 60.000 betaalbare koopwoningen"', () => {
  it('230,000 affordable homes × €7,000 = €1,610,000,000, €10m above the €1.6bn budget', () => {
    const homes = POLICY.realisatiestimulans.plannedHomes.socialAndMiddleRent + POLICY.realisatiestimulans.plannedHomes.affordablePurchase;
    expect(homes).toBe(230_000);
    const e = line(
      project({
        programme: [
          { segment: 'sociale_huur', doelgroep: 'regulier', homes: 100_000 },
          { segment: 'middenhuur', doelgroep: 'regulier', homes: 70_000 },
          { segment: 'betaalbare_koop', doelgroep: 'regulier', homes: 60_000 },
        ],
      }),
    );
    expect(e.affordableHomes).toBe(230_000);
    expect(e.grossEuros).toBe(1_610_000_000);
    const check = budgetCheck({ ...noAmounts(), netEuros: e.netEuros }, noAmounts(), settings);
    expect(check.shortfallEuros).toBe(10_000_000);
  });
});

describe('SPEC §4.1 amount — 000 § Beter benutten: "elke betaalbare woning … € 7.000 ex BTW", also transformatie, splitsen en optoppen', () => {
  it('pays €7,000 per home of the affordable segments and nothing for vrije sector homes', () => {
    const e = line(
      project({
        programme: [
          { segment: 'sociale_huur', doelgroep: 'regulier', homes: 3 },
          { segment: 'middenhuur', doelgroep: 'regulier', homes: 2 },
          { segment: 'betaalbare_koop', doelgroep: 'regulier', homes: 1 },
          { segment: 'vrije_sector_koop', doelgroep: 'regulier', homes: 20 },
          { segment: 'vrije_sector_huur', doelgroep: 'regulier', homes: 5 },
        ],
      }),
    );
    expect(e.countedHomes).toBe(31);
    expect(e.homes).toEqual({ sociale_huur: 3, middenhuur: 2, betaalbare_koop: 1, onzelfstandig: 0 });
    expect(e.grossEuros).toBe(6 * 7_000);
  });

  it.each(['transformatie', 'splitsen', 'optoppen'])('counts the affordable homes of %s (Beter Benutten) and shows them apart', (origin) => {
    const e = line(project({ origin }));
    expect(e.grossEuros).toBe(70_000);
    expect(e.beterBenuttenHomes).toBe(10);
    expect(line(project({ origin: 'nieuwbouw' })).beterBenuttenHomes).toBe(0);
  });
});

describe('SPEC §2 segments — Staatscourant 2025-36777 art. 1.1 (published): a home counts by its declared segment; onzelfstandige woonruimten count as betaalbaar', () => {
  it('counts a woningdelen building as betaalbaar whatever its declared segment', () => {
    const e = line(project({ origin: 'woningdelen', programme: [{ segment: 'vrije_sector_huur', doelgroep: 'student', homes: 40 }] }));
    expect(e.homes.onzelfstandig).toBe(40);
    expect(e.grossEuros).toBe(280_000);
  });

  it('keeps the dated segment limits with their source in the policy', () => {
    const [limits] = POLICY.realisatiestimulans.segmentLimits;
    expect(limits?.validFrom).toBe('2025-01-01');
    expect(limits?.middenhuurPunten).toBe(186);
    expect(POLICY.realisatiestimulans.sourceTitle).toMatch(/36777/);
  });
});

describe('SPEC §4.1 counting basis — 001 § 19.1 "woningen die tussen 2025 en 2029 gerealiseerd worden"; 000 § Beter benutten "vanaf 2025 de bouw gestart"', () => {
  it('counts a home in the year of its milestone date, only 2025 through 2029', () => {
    expect(projectEntitlement(project({ date: '2024-12-31' }), settings)).toBeNull();
    expect(line(project({ date: '2025-01-01' })).year).toBe(2025);
    expect(line(project({ date: '2029-12-31' })).year).toBe(2029);
    expect(projectEntitlement(project({ date: '2030-01-01' }), settings)).toBeNull();
  });

  it('counts a partial start or completion by its own number of homes, spread over the segments (gross: nothing netted, footnote 12)', () => {
    const e = line(
      project({
        basis: 'oplevering',
        milestoneHomes: 5,
        programme: [
          { segment: 'sociale_huur', doelgroep: 'regulier', homes: 4 },
          { segment: 'vrije_sector_koop', doelgroep: 'regulier', homes: 6 },
        ],
      }),
    );
    expect(e.countedHomes).toBe(5);
    expect(e.homes.sociale_huur).toBe(2);
    expect(e.grossEuros).toBe(14_000);
  });

  it('shows both bases side by side and their difference per gemeente and nationally (design)', () => {
    const lines = [
      line(project({ projectId: 'a', basis: 'start_bouw', date: '2026-03-01' })),
      line(project({ projectId: 'b', basis: 'start_bouw', date: '2026-04-01', gemeenteCode: 'GM0344' })),
      line(project({ projectId: 'a', basis: 'oplevering', date: '2028-03-01' })),
    ];
    const figures = gemeenteFigures(lines, settings);
    const amsterdam = figures.find((f) => f.gemeenteCode === 'GM0363');
    expect(amsterdam?.start_bouw.realised.netEuros).toBe(70_000);
    expect(amsterdam?.oplevering.realised.netEuros).toBe(70_000);
    expect(amsterdam?.differenceNetEuros).toBe(0);
    const utrecht = figures.find((f) => f.gemeenteCode === 'GM0344');
    expect(utrecht?.differenceNetEuros).toBe(70_000);
    expect(sumFigures(figures, settings).differenceNetEuros).toBe(70_000);
  });

  it('pays only realised homes; a forecast date counts as expected, not paid', () => {
    const figures = gemeenteFigures([line(project({ actual: false }))], settings);
    expect(figures[0]?.start_bouw.realised.netEuros).toBe(0);
    expect(figures[0]?.start_bouw.expected.netEuros).toBe(70_000);
  });
});

describe('SPEC §4.1 "Only gemeenten receive it" — 001 § 19.1 "Alleen gemeenten ontvangen een bijdrage"', () => {
  it('adds every amount to the gemeente of its project, also listing gemeenten without homes at zero', () => {
    const figures = gemeenteFigures([line(project({ gemeenteCode: 'GM0344' }))], settings, ['GM0363']);
    expect(figures.map((f) => f.gemeenteCode)).toEqual(['GM0344', 'GM0363']);
    expect(figures[1]?.start_bouw.realised.netEuros).toBe(0);
  });
});

describe('SPEC §4.1 earlier contributions — 001 § 19.1 "wordt rekening gehouden met bijdragen … uit eerdere rijksregelingen" (deduction rule: design)', () => {
  const supported = project({ contributions: [{ scheme: 'woningbouwimpuls', amountEuros: 30_000 }] });
  it('shows the gross entitlement and excludes the project by default (Staatscourant 2025-36777)', () => {
    const e = line(supported);
    expect(POLICY.realisatiestimulans.deductionRule).toBe('woningen_uitsluiten');
    expect(e.grossEuros).toBe(70_000);
    expect(e.netEuros).toBe(0);
  });
  it('deducts the contribution, never below zero, under "bedrag_aftrekken"; nothing under "geen"', () => {
    const deduct = realisatiestimulansSettings({ deductionRule: 'bedrag_aftrekken' });
    expect(line(supported, deduct).netEuros).toBe(40_000);
    expect(line(project({ contributions: [{ scheme: 'rha', amountEuros: 500_000 }] }), deduct).netEuros).toBe(0);
    expect(line(supported, realisatiestimulansSettings({ deductionRule: 'geen' })).netEuros).toBe(70_000);
  });
});

describe('SPEC §4.1 supplements — 001 § 19.1 "Aanvullende opslagen nader in te vullen" (€0.9bn, amounts not fixed)', () => {
  it('has no supplement amounts in the policy: all 0 until the ministry tries amounts', () => {
    expect(Object.values(POLICY.realisatiestimulans.supplementDefaults)).toEqual([0, 0, 0, 0]);
    expect(POLICY.realisatiestimulans.supplementBudgetEuros).toBe(900_000_000);
    const e = line(project({ flags: ['nplv'] }));
    expect(e.supplements).toEqual({ nplv: 0, elkeRegioTelt: 0, ouderen: 0, capaciteit: 0 });
  });
  it('adds the configured amounts: per home in NPLV areas and of elderly housing, per gemeente for capacity', () => {
    const s = realisatiestimulansSettings({ supplements: { nplvPerHomeEuros: 1_000, ouderenPerHomeEuros: 500, capaciteitPerGemeenteEuros: 25_000 } });
    const e = line(
      project({
        flags: ['nplv'],
        programme: [
          { segment: 'sociale_huur', doelgroep: 'ouderen', homes: 4 },
          { segment: 'middenhuur', doelgroep: 'regulier', homes: 6 },
        ],
      }),
      s,
    );
    expect(e.supplements.nplv).toBe(10_000);
    expect(e.supplements.ouderen).toBe(2_000);
    const [f] = gemeenteFigures([e], s);
    expect(f?.start_bouw.years.find((y) => y.year === 2026)?.realised.supplements.capaciteit).toBe(25_000);
    expect(f?.start_bouw.realised.supplements.capaciteit).toBe(25_000);
  });
});

describe('SPEC §4.1 payment — 001 § 19.1 "uiterlijk één jaar na realisatie", yearly in Q4 2026–2030', () => {
  it('pays a counted year in Q4 of the following year', () => {
    expect(paymentQuarter(2025)).toBe('2026-Q4');
    expect(paymentQuarter(2029)).toBe('2030-Q4');
    const [f] = gemeenteFigures([line(project({ date: '2027-06-01' }))], settings);
    const schedule = payoutSchedule(f!.start_bouw);
    expect(schedule.map((s) => s.paymentQuarter)).toEqual(['2026-Q4', '2027-Q4', '2028-Q4', '2029-Q4', '2030-Q4']);
    expect(schedule.find((s) => s.paymentQuarter === '2028-Q4')?.netEuros).toBe(70_000);
  });
});

describe('SPEC §4.1 budget — 001 § 19.1 "niet de bedoeling dat middelen gereserveerd blijven" (shortfall and pro-rata: design)', () => {
  it('shows no shortfall within the budget and a pro-rata factor below 1 above it', () => {
    const within = budgetCheck({ ...noAmounts(), netEuros: 1_000_000_000 }, { ...noAmounts(), netEuros: 500_000_000 }, settings);
    expect(within).toMatchObject({ claimsEuros: 1_500_000_000, shortfallEuros: 0, proRataFactor: 1 });
    const above = budgetCheck({ ...noAmounts(), netEuros: 1_500_000_000 }, { ...noAmounts(), netEuros: 500_000_000 }, settings);
    expect(above.shortfallEuros).toBe(400_000_000);
    expect(above.proRataFactor).toBeCloseTo(0.8);
    expect(proRata(70_000, above.proRataFactor)).toBe(56_000);
  });
});

describe('apportion: the parts of a partial milestone add up exactly', () => {
  it.each([
    [5, [4, 6], [2, 3]],
    [7, [1, 1, 1], [3, 2, 2]],
    [0, [3, 3], [0, 0]],
    [10, [0, 0], [0, 0]],
  ])('%i over %j gives %j', (total, weights, parts) => {
    expect(apportion(total, weights)).toEqual(parts);
  });
});

describe('a supplement typed in a scenario (not fixed by policy: SPEC §4.1 supplements)', () => {
  it('reads whole euros with or without thousands dots, and says in words what is wrong', () => {
    expect(parseSupplementEuros('', SUPPLEMENT_LIMITS.perHome)).toEqual({ value: 0 });
    expect(parseSupplementEuros(' 1.500 ', SUPPLEMENT_LIMITS.perHome)).toEqual({ value: 1500 });
    expect(parseSupplementEuros('2500', SUPPLEMENT_LIMITS.perHome)).toEqual({ value: 2500 });
    expect(parseSupplementEuros('-500', SUPPLEMENT_LIMITS.perHome)).toEqual({ error: 'Een opslag kan niet negatief zijn.' });
    expect(parseSupplementEuros('abc', SUPPLEMENT_LIMITS.perHome)).toEqual({ error: 'Vul een bedrag in hele euro’s in.' });
    expect(parseSupplementEuros('7000,50', SUPPLEMENT_LIMITS.perHome)).toEqual({ error: 'Vul een bedrag in hele euro’s in.' });
    expect(parseSupplementEuros('1.5', SUPPLEMENT_LIMITS.perHome)).toEqual({ error: 'Vul een bedrag in hele euro’s in.' });
    expect(parseSupplementEuros('1e9', SUPPLEMENT_LIMITS.perHome)).toEqual({ error: 'Vul een bedrag in hele euro’s in.' });
    expect(parseSupplementEuros('100001', SUPPLEMENT_LIMITS.perHome)).toEqual({ error: 'Een opslag van meer dan € 100.000 is niet aannemelijk.' });
    expect(parseSupplementEuros('2.000.000', SUPPLEMENT_LIMITS.perGemeente)).toEqual({ value: 2_000_000 });
  });
});
