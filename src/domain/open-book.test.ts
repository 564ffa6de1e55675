/**
 * Open books: the onrendabele top and the checks on the figures a party enters. SPEC §2 "confidential open-book
 * figures (grondexploitatie totals, onrendabele top)"; `001 § Afspraak 3B` ("Wanneer het nodig is om oplossingen te
 * vinden voor de voortgang van projecten hanteren partijen open boeken"). Issue 12 item 5.
 */
import { describe, expect, it } from 'vitest';
import { checkOpenBook, deriveOpenBook, formatEuros, type OpenBookInput } from './open-book.ts';
import { POLICY } from './policy.ts';

const TODAY = '2026-12-02';
const ok: OpenBookInput = {
  totalCostsEuros: 12_500_000,
  totalRevenuesEuros: 9_000_000,
  publicContributionsEuros: 2_000_000,
  peildatum: '2026-10-01',
};
const paths = (input: Partial<OpenBookInput>) => checkOpenBook({ ...ok, ...input }, TODAY).map((i) => `${i.path}:${i.code}`);

describe('deriveOpenBook (SPEC §2 onrendabele top)', () => {
  it.each([
    // costs, revenues, contributions → saldo, onrendabele top, remaining, hasDeficit, hasRemaining
    [12_500_000, 9_000_000, 2_000_000, -3_500_000, 3_500_000, 1_500_000, true, true],
    [12_500_000, 9_000_000, 3_500_000, -3_500_000, 3_500_000, 0, true, false],
    [12_500_000, 9_000_000, 5_000_000, -3_500_000, 3_500_000, 0, true, false],
    [8_000_000, 9_000_000, 0, 1_000_000, 0, 0, false, false],
    [8_000_000, 8_000_000, 0, 0, 0, 0, false, false],
    [0, 0, 0, 0, 0, 0, false, false],
  ])('costs %i, revenues %i, contributions %i', (costs, revenues, contributions, saldo, top, remaining, hasDeficit, hasRemaining) => {
    expect(deriveOpenBook({ totalCostsEuros: costs, totalRevenuesEuros: revenues, publicContributionsEuros: contributions })).toEqual({
      saldoEuros: saldo,
      onrendabeleTopEuros: top,
      remainingDeficitEuros: remaining,
      hasDeficit,
      hasRemainingDeficit: hasRemaining,
    });
  });
});

describe('checkOpenBook: every wrong figure named by its field, in Dutch', () => {
  it('accepts plausible figures, 0 and the maximum', () => {
    expect(checkOpenBook(ok, TODAY)).toEqual([]);
    expect(paths({ totalCostsEuros: 0, totalRevenuesEuros: 0, publicContributionsEuros: 0 })).toEqual([]);
    expect(paths({ totalCostsEuros: POLICY.openBook.maxAmountEuros, totalRevenuesEuros: POLICY.openBook.maxAmountEuros })).toEqual([]);
    expect(paths({ peildatum: TODAY })).toEqual([]);
  });

  it('refuses negative amounts, cents and implausibly large amounts', () => {
    expect(paths({ totalCostsEuros: -1 })).toEqual(['totalCostsEuros:negative_amount']);
    expect(paths({ totalRevenuesEuros: 100.5 })).toEqual(['totalRevenuesEuros:whole_euros']);
    expect(paths({ totalRevenuesEuros: POLICY.openBook.maxAmountEuros + 1 })).toEqual(['totalRevenuesEuros:implausible_amount']);
    expect(paths({ publicContributionsEuros: Number.NaN })).toEqual(['publicContributionsEuros:required']);
    const [negative] = checkOpenBook({ ...ok, totalCostsEuros: -5 }, TODAY);
    expect(negative!.message).toBe('De totale kosten kunnen niet negatief zijn. Vul 0 in als er niets is.');
    const [large] = checkOpenBook({ ...ok, totalRevenuesEuros: 25_000_000_000 }, TODAY);
    expect(large!.message).toContain('€ 25.000.000.000');
  });

  it('refuses public contributions above the total costs (a contribution pays for costs)', () => {
    expect(paths({ publicContributionsEuros: 12_500_001 })).toEqual(['publicContributionsEuros:contributions_above_costs']);
    expect(paths({ publicContributionsEuros: 12_500_000 })).toEqual([]);
  });

  it('refuses a peildatum in the future, one that does not exist, a missing one and one before the first accepted date', () => {
    expect(paths({ peildatum: '2026-12-03' })).toEqual(['peildatum:date_in_future']);
    expect(paths({ peildatum: '2099-01-01' })).toEqual(['peildatum:date_in_future']);
    expect(paths({ peildatum: '2026-02-30' })).toEqual(['peildatum:date']);
    expect(paths({ peildatum: '' })).toEqual(['peildatum:required']);
    expect(paths({ peildatum: '1989-12-31' })).toEqual(['peildatum:date_too_early']);
    expect(checkOpenBook({ ...ok, peildatum: '2027-01-01' }, TODAY)[0]!.message).toContain('ligt na vandaag (2 december 2026)');
  });

  it('names every wrong field at once', () => {
    expect(paths({ totalCostsEuros: -1, totalRevenuesEuros: 0.5, peildatum: '2030-01-01' })).toEqual([
      'totalCostsEuros:negative_amount',
      'totalRevenuesEuros:whole_euros',
      'peildatum:date_in_future',
    ]);
  });
});

describe('formatEuros', () => {
  it('writes whole euros with Dutch grouping', () => {
    expect(formatEuros(1_250_000)).toBe('€ 1.250.000');
    expect(formatEuros(0)).toBe('€ 0');
    expect(formatEuros(-3_500_000)).toBe('−€ 3.500.000');
    expect(formatEuros(999)).toBe('€ 999');
  });
});
