/**
 * Woningbouwimpuls: eligibility per criterion, maximum award, scores, ranking and allocation. SPEC §4.2;
 * `001 § Afspraak 19.2` (Nadere regels, De aanvraag, Beoordeling).
 */
import { describe, expect, it } from 'vitest';
import { POLICY } from '../policy.ts';
import {
  allocateTranche,
  checkTranche,
  checkWbiApplication,
  checkWbiEligibility,
  checkWbiScores,
  isWindowOpen,
  maximumAward,
  totalScore,
  type RankInput,
  type WbiApplicationInput,
} from './woningbouwimpuls.ts';

const AWARD = '2027-03-01';
const ok: WbiApplicationInput = {
  homes: 400,
  affordableHomes: 260,
  publicInvestmentsEuros: 30_000_000,
  kostenverhaalEuros: 8_000_000,
  grondverkoopEuros: 10_000_000,
  otherNationalContributionsEuros: 2_000_000,
  requestedEuros: 5_000_000,
  cofinancingEuros: 5_000_000,
  activities: ['infrastructurele_ontsluiting', 'bodemsanering'],
  otherActivities: '',
  firstStartDate: '2029-06-01',
  lastStartDate: '2035-01-01',
  necessaryForWoondeal: true,
  bottleneck: 'Een nieuwe ontsluitingsweg over het spoor',
  realisatiestimulansInsufficient: true,
  parallelPlannen: true,
  versnellingstafelWithPpm: true,
  openBooks: true,
  explanation: 'Toelichting',
};
const failed = (input: Partial<WbiApplicationInput>) =>
  checkWbiEligibility({ ...ok, ...input }, AWARD)
    .criteria.filter((c) => !c.met)
    .map((c) => c.code);

describe('Wbi eligibility: every requirement reported as met / not met with rule and source (SPEC §4.2, 001 § Afspraak 19.2 Nadere regels)', () => {
  it('a complete application meets every requirement, each with a rule and the source document', () => {
    const result = checkWbiEligibility(ok, AWARD);
    expect(result.eligible).toBe(true);
    expect(result.criteria).toHaveLength(13);
    for (const c of result.criteria) {
      expect(c.rule.length).toBeGreaterThan(10);
      expect(c.source).toContain('Woontop');
      expect(c.source).not.toMatch(/\.txt|00\d|§/);
    }
  });
  it('199 homes is not eligible and names the rule "minstens 200 woningen" (≥ 200 homes)', () => {
    const r = checkWbiEligibility({ ...ok, homes: 199, affordableHomes: 150 }, AWARD);
    expect(r.eligible).toBe(false);
    expect(r.criteria.filter((c) => !c.met).map((c) => c.code)).toEqual(['minimaal_woningen']);
    expect(r.criteria.find((c) => c.code === 'minimaal_woningen')!.rule).toContain(`minstens ${POLICY.woningbouwimpuls.minHomes} woningen`);
    expect(failed({ homes: 200, affordableHomes: 150 })).toEqual([]);
  });
  it('exactly 50% affordable is not eligible ("meer dan 50%"), 50.5% is', () => {
    const r = checkWbiEligibility({ ...ok, homes: 400, affordableHomes: 200 }, AWARD);
    expect(r.eligible).toBe(false);
    const c = r.criteria.find((x) => x.code === 'betaalbaar_aandeel')!;
    expect(c.met).toBe(false);
    expect(c.rule).toContain('Meer dan 50%');
    expect(c.finding).toContain('200 van de 400');
    expect(failed({ homes: 400, affordableHomes: 202 })).toEqual([]);
  });
  it('40% co-financing by medeoverheden is not eligible and names the rule; 50% is', () => {
    const r = checkWbiEligibility({ ...ok, cofinancingEuros: 4_000_000, requestedEuros: 6_000_000 }, AWARD);
    expect(r.criteria.filter((c) => !c.met).map((c) => c.code)).toEqual(['cofinanciering']);
    expect(r.criteria.find((c) => c.code === 'cofinanciering')!.rule).toContain('minstens 50%');
    expect(r.criteria.find((c) => c.code === 'cofinanciering')!.finding).toContain('40%');
    expect(failed({ cofinancingEuros: 6_000_000, requestedEuros: 6_000_000 })).toEqual([]);
  });
  it('the first homes must start within 3 years of the award and the last within 10 (start deadlines)', () => {
    expect(failed({ firstStartDate: '2030-03-01' })).toEqual([]);
    expect(failed({ firstStartDate: '2030-03-02' })).toEqual(['start_eerste_woningen']);
    expect(failed({ lastStartDate: '2037-03-01' })).toEqual([]);
    expect(failed({ lastStartDate: '2037-03-02' })).toEqual(['start_laatste_woningen']);
  });
  it('the steering conditions each count: parallel plannen, versnellingstafel with the PPM, open books', () => {
    expect(failed({ parallelPlannen: false })).toEqual(['parallel_plannen']);
    expect(failed({ versnellingstafelWithPpm: false })).toEqual(['versnellingstafel_ppm']);
    expect(failed({ openBooks: false })).toEqual(['open_boeken']);
  });
  it('necessary for the woondeal, a named bottleneck, and the Realisatiestimulans not covering it', () => {
    expect(failed({ necessaryForWoondeal: false })).toEqual(['noodzakelijk_voor_woondeal']);
    expect(failed({ bottleneck: '  ' })).toEqual(['specifiek_knelpunt']);
    expect(failed({ realisatiestimulansInsufficient: false })).toEqual(['realisatiestimulans_onvoldoende']);
  });
  it('the activities are limitative: none from the list, or others besides, is not eligible', () => {
    expect(failed({ activities: [] })).toEqual(['activiteiten']);
    expect(failed({ otherActivities: 'Een nieuwe bushalte' })).toEqual(['activiteiten']);
    expect(failed({ activities: ['stikstof_natura2000'] })).toEqual([]);
  });
  it('the optional upper bound of the affordable share is off by default (SPEC §4.2: the second half reads like a drafting error)', () => {
    expect(POLICY.woningbouwimpuls.maxAffordableShareExclusive).toBeNull();
    expect(failed({ affordableHomes: 400 })).toEqual([]);
  });
});

describe('Wbi maximum award = deficit on necessary public investments − public revenues, ≥ 0 (001 § Afspraak 19.2)', () => {
  it.each([
    [30_000_000, 8_000_000, 10_000_000, 2_000_000, 10_000_000],
    [30_000_000, 20_000_000, 10_000_000, 0, 0],
    [30_000_000, 25_000_000, 10_000_000, 1, 0],
  ])('investments %i − kostenverhaal %i − grondverkoop %i − rijksbijdragen %i = %i', (inv, kv, gv, other, expected) => {
    expect(maximumAward({ publicInvestmentsEuros: inv, kostenverhaalEuros: kv, grondverkoopEuros: gv, otherNationalContributionsEuros: other })).toBe(
      expected,
    );
  });
  it('what can be awarded is the request, at most the maximum; without a deficit the application is not eligible', () => {
    expect(checkWbiEligibility({ ...ok, requestedEuros: 12_000_000, cofinancingEuros: 12_000_000 }, AWARD).awardableEuros).toBe(10_000_000);
    expect(checkWbiEligibility(ok, AWARD).awardableEuros).toBe(5_000_000);
    expect(failed({ publicInvestmentsEuros: 20_000_000 })).toEqual(['tekort']);
  });
});

describe('Wbi form checks name the field (SPEC §4.2 "An application contains")', () => {
  it('rejects impossible figures with the field named', () => {
    const paths = checkWbiApplication({
      ...ok,
      homes: -1,
      affordableHomes: 1.5,
      requestedEuros: 0,
      lastStartDate: '2028-01-01',
      grondverkoopEuros: 3.5,
    }).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['homes', 'affordableHomes', 'requestedEuros', 'lastStartDate', 'grondverkoopEuros']));
    expect(checkWbiApplication(ok)).toEqual([]);
    expect(checkWbiApplication({ ...ok, affordableHomes: 401 }).map((i) => i.path)).toEqual(['affordableHomes']);
    expect(checkWbiApplication({ ...ok, activities: ['bereikbaarheid' as never] }).map((i) => i.path)).toEqual(['activities']);
  });
});

describe('Wbi scores: four criteria, 25% each (001 § Afspraak 19.2 Beoordeling)', () => {
  it('the total is the weighted mean of the four scores', () => {
    expect(totalScore({ noodzaak: 8, effectiviteit: 6, efficientie: 4, urgentie: 2 })).toBe(5);
    expect(totalScore({ noodzaak: 10, effectiviteit: 10, efficientie: 10, urgentie: 9 })).toBe(9.75);
  });
  it('scores are whole numbers from 0 to the scale maximum, each wrong one named', () => {
    expect(checkWbiScores({ noodzaak: 11, effectiviteit: -1, efficientie: 2.5, urgentie: 4 }).map((i) => i.path)).toEqual([
      'noodzaak',
      'effectiviteit',
      'efficientie',
    ]);
  });
});

const app = (id: string, scores: [number, number, number, number] | null, awardable: number, extra: Partial<RankInput> = {}): RankInput => ({
  id,
  eligible: true,
  scores: scores && { noodzaak: scores[0], effectiviteit: scores[1], efficientie: scores[2], urgentie: scores[3] },
  awardableEuros: awardable,
  affordableHomes: 100,
  filedAt: '2026-10-01T10:00:00Z',
  ...extra,
});

describe('Wbi ranking and allocation until the tranche budget is spent (SPEC §4.2 design; 001 § Afspraak 19.2 Beoordeling: rangschikking)', () => {
  it('awards in ranking order; the first that does not fit gets the rest as a partial award when the rest is at least half; then it stops', () => {
    const a = allocateTranche([app('c', [5, 5, 5, 5], 4_000_001), app('a', [9, 9, 9, 9], 6_000_000), app('b', [7, 7, 7, 7], 5_000_000)], 13_000_000);
    expect(a.lines.map((l) => [l.id, l.rank, l.outcome, l.awardedEuros])).toEqual([
      ['a', 1, 'toegekend', 6_000_000],
      ['b', 2, 'toegekend', 5_000_000],
      ['c', 3, 'niet_toegekend', 0],
    ]);
    expect(a.remainingEuros).toBe(2_000_000);
    const partial = allocateTranche([app('a', [9, 9, 9, 9], 6_000_000), app('b', [7, 7, 7, 7], 5_000_000), app('c', [5, 5, 5, 5], 1)], 9_000_000);
    expect(partial.lines.map((l) => [l.id, l.outcome, l.awardedEuros])).toEqual([
      ['a', 'toegekend', 6_000_000],
      ['b', 'gedeeltelijk_toegekend', 3_000_000],
      // Allocation stops at the partial award, even though c would fit: no skipping down the ranking.
      ['c', 'niet_toegekend', 0],
    ]);
    expect(partial.awardedEuros).toBe(9_000_000);
    expect(partial.lines[1]!.explanation).toContain('gedeeltelijk');
  });
  it('ties: equal totals are ordered by Noodzaak, then fewer euros per affordable home, then the earlier filing — and the line says so', () => {
    const byNoodzaak = allocateTranche([app('x', [6, 8, 8, 8], 1), app('y', [8, 6, 8, 8], 1)], 10);
    expect(byNoodzaak.lines.map((l) => l.id)).toEqual(['y', 'x']);
    expect(byNoodzaak.lines[0]!.tieBrokenBy).toBe('noodzaak');
    expect(byNoodzaak.lines[0]!.tiedWith).toEqual(['x']);
    expect(byNoodzaak.lines[0]!.explanation).toContain('Noodzaak');
    const byEuros = allocateTranche([app('x', [8, 8, 8, 8], 2_000_000), app('y', [8, 8, 8, 8], 1_000_000)], 10_000_000);
    expect(byEuros.lines.map((l) => [l.id, l.tieBrokenBy])).toEqual([
      ['y', 'euros_per_affordable_home'],
      ['x', 'euros_per_affordable_home'],
    ]);
    const byFiling = allocateTranche(
      [
        app('x', [8, 8, 8, 8], 1_000_000, { filedAt: '2026-10-02T00:00:00Z' }),
        app('y', [8, 8, 8, 8], 1_000_000, { filedAt: '2026-10-01T00:00:00Z' }),
      ],
      10_000_000,
    );
    expect(byFiling.lines.map((l) => [l.id, l.tieBrokenBy])).toEqual([
      ['y', 'filed_at'],
      ['x', 'filed_at'],
    ]);
  });
  it('only eligible, scored applications are ranked; the rest are listed with the reason', () => {
    const a = allocateTranche([app('n', [9, 9, 9, 9], 1, { eligible: false }), app('u', null, 1), app('s', [1, 1, 1, 1], 1)], 100);
    expect(a.lines.map((l) => [l.id, l.rank, l.outcome])).toEqual([
      ['s', 1, 'toegekend'],
      ['n', null, 'niet_gerangschikt'],
      ['u', null, 'niet_gerangschikt'],
    ]);
    expect(a.rule).toBe(POLICY.woningbouwimpuls.allocationRuleText);
  });
});

describe('Wbi tranches: one application window a year, budget within €470m through 2029 (001 § Afspraak 19.2 De aanvraag)', () => {
  const t = { name: 'Tranche 2027', windowOpens: '2027-01-01', windowCloses: '2027-02-28', awardDate: '2027-06-01', budgetEuros: 100_000_000 };
  it('the window is open from its first to its last day', () => {
    expect(isWindowOpen(t, '2026-12-31')).toBe(false);
    expect(isWindowOpen(t, '2027-01-01')).toBe(true);
    expect(isWindowOpen(t, '2027-02-28')).toBe(true);
    expect(isWindowOpen(t, '2027-03-01')).toBe(false);
  });
  it('checks the tranche, naming the field; a budget above €470m is refused', () => {
    expect(checkTranche(t)).toEqual([]);
    expect(checkTranche({ ...t, budgetEuros: POLICY.woningbouwimpuls.totalBudgetEuros + 1 }).map((i) => i.code)).toEqual(['above_total']);
    expect(checkTranche({ ...t, windowCloses: '2026-12-01', awardDate: '2026-12-02' }).map((i) => i.path)).toEqual(['windowCloses']);
    expect(checkTranche({ ...t, awardDate: '2027-02-01' }).map((i) => i.path)).toEqual(['awardDate']);
  });
});
