/**
 * Open books of a project (issue 12 item 5): the grondexploitatie totals a party enters and what follows from them.
 * Amounts are whole euros; their rules (not negative, whole, at most POLICY.openBook.maxAmountEuros, contributions no
 * higher than the costs, a peildatum not in the future) are the domain's (src/domain/open-book.ts checkOpenBook), so
 * the API and the web name each wrong field in the same Dutch words (422).
 */
import { z } from 'zod';
import { POLICY } from '../../domain/policy.ts';
import { IsoDate, IsoDateTime, Uuid } from './common.ts';

const Euros = (what: string) =>
  z.number().describe(`${what}, in whole euros (0 to ${POLICY.openBook.maxAmountEuros}; others are refused with 422 naming the field)`);

const Figures = {
  totalCostsEuros: Euros('Total costs of the grondexploitatie'),
  totalRevenuesEuros: Euros('Total revenues, before public contributions'),
  publicContributionsEuros: Euros('Contributions of governments (bijdragen van overheden)'),
  peildatum: IsoDate.describe('The date the figures refer to (not in the future)'),
};

export const OpenBookBody = z
  .object({
    version: z
      .number()
      .int()
      .min(0)
      .max(2_147_483_647)
      .describe('Version of the open book you last read; 0 for the first figures. A stale version gets 409 and changes nothing'),
    ...Figures,
  })
  .meta({ id: 'OpenBookUpdate' });

export const OpenBookSchema = z
  .object({
    projectId: Uuid,
    ...Figures,
    enteredByOrganisationId: Uuid.describe('The party that entered the current figures'),
    enteredByOrganisationName: z.string(),
    enteredAt: IsoDateTime,
    version: z.number().int(),
    saldoEuros: z.number().describe('Revenues minus costs; negative is a shortfall'),
    onrendabeleTopEuros: z.number().describe('Onrendabele top: costs minus revenues where costs are higher, else 0'),
    remainingDeficitEuros: z.number().describe('What remains of the onrendabele top after the public contributions (not below 0)'),
    hasDeficit: z.boolean().describe('There is an onrendabele top'),
    hasRemainingDeficit: z.boolean().describe('Part of the onrendabele top is not covered by public contributions'),
  })
  .describe('Confidential: only for the parties of the project and the secretary of its versnellingstafel')
  .meta({ id: 'OpenBook' });
