/** The open-book form's reading of typed amounts and dates (issue 12 item 5): the domain's words, before sending. */
import { describe, expect, it } from 'vitest';
import { amountToInput, parseAmount, readOpenBook, textsOf } from './openBookInput.ts';

const TODAY = '2026-12-02';
const texts = { totalCostsEuros: '12.500.000', totalRevenuesEuros: '9000000', publicContributionsEuros: '€ 2.000.000', peildatum: '30-09-2026' };

describe('parseAmount', () => {
  it.each([
    ['1250000', 1_250_000],
    ['1.250.000', 1_250_000],
    ['€ 1.250.000', 1_250_000],
    ['1 250 000', 1_250_000],
    ['0', 0],
    ['999', 999],
  ])('reads %s', (text, value) => expect(parseAmount(text, 'De totale kosten')).toEqual({ kind: 'amount', value }));

  it.each([
    ['', 'Vul de totale kosten in, in hele euro’s. Vul 0 in als er niets is.'],
    ['-5', 'De totale kosten kunnen niet negatief zijn. Vul 0 in als er niets is.'],
    ['1.250.000,50', 'De totale kosten vult u in hele euro’s in, zonder centen.'],
    ['1250,5', 'De totale kosten vult u in hele euro’s in, zonder centen.'],
    ['12.5', 'De totale kosten vult u in hele euro’s in, zonder centen.'],
    ['veel', '‘veel’ is geen bedrag. Vul de totale kosten in hele euro’s in, bijvoorbeeld 1.250.000.'],
    ['1.25.000', '‘1.25.000’ is geen bedrag. Vul de totale kosten in hele euro’s in, bijvoorbeeld 1.250.000.'],
  ])('explains %j', (text, message) => expect(parseAmount(text, 'De totale kosten')).toEqual({ kind: 'invalid', message }));
});

describe('readOpenBook', () => {
  it('gives the figures to send', () => {
    expect(readOpenBook(texts, TODAY)).toEqual({
      figures: { totalCostsEuros: 12_500_000, totalRevenuesEuros: 9_000_000, publicContributionsEuros: 2_000_000, peildatum: '2026-09-30' },
    });
  });

  it('names every wrong field: unreadable text first, then the domain’s checks', () => {
    const result = readOpenBook({ ...texts, totalCostsEuros: 'veel', publicContributionsEuros: '20.000.000', peildatum: '31-12-2026' }, TODAY);
    expect(result).toEqual({
      errors: {
        totalCostsEuros: expect.stringContaining('is geen bedrag'),
        peildatum: expect.stringContaining('ligt na vandaag'),
      },
    });
    const above = readOpenBook({ ...texts, publicContributionsEuros: '20.000.000' }, TODAY);
    expect(above).toEqual({ errors: { publicContributionsEuros: expect.stringContaining('hoger dan de totale kosten') } });
    expect(readOpenBook({ ...texts, peildatum: '31-02-2026' }, TODAY)).toEqual({
      errors: { peildatum: '‘31-02-2026’ bestaat niet: februari 2026 heeft 28 dagen.' },
    });
    expect(readOpenBook({ ...texts, peildatum: '' }, TODAY)).toEqual({ errors: { peildatum: expect.stringContaining('Vul de peildatum in') } });
  });

  it('fills the form from stored figures and reads them back unchanged', () => {
    const stored = { totalCostsEuros: 48_613_277, totalRevenuesEuros: 0, publicContributionsEuros: 5_271_433, peildatum: '2026-09-30' };
    expect(textsOf(stored)).toEqual({
      totalCostsEuros: '48.613.277',
      totalRevenuesEuros: '0',
      publicContributionsEuros: '5.271.433',
      peildatum: '30-09-2026',
    });
    expect(readOpenBook(textsOf(stored), TODAY)).toEqual({ figures: stored });
    expect(amountToInput(1000)).toBe('1.000');
  });
});
