/**
 * Realisatiestimulans (issue 16; SPEC §4.1; src/domain/instruments/realisatiestimulans.ts): the scenario query, the
 * overview, a gemeente's figures with the projects behind them, and the earlier national contributions.
 * Amounts are whole euros (ex BTW); homes are dwellings (woningen).
 */
import { z } from 'zod';
import { DEDUCTION_RULES, SUPPLEMENT_LIMITS, TELCATEGORIEEN } from '../../domain/instruments/realisatiestimulans.ts';
import { POLICY } from '../../domain/policy.ts';
import { GemeenteCode, IsoDate, Uuid } from './common.ts';

const RS = POLICY.realisatiestimulans;
const euros = (what: string) => z.number().int().describe(`${what}; whole euros, ex BTW`);

/** A supplement amount tried in a scenario: not fixed by policy. */
const supplementAmount = (what: string, max: number) =>
  z.coerce
    .number({ message: 'Vul een bedrag in hele euro’s in.' })
    .int({ message: 'Vul een bedrag in hele euro’s in.' })
    .min(0, { message: 'Een opslag kan niet negatief zijn.' })
    .max(max, { message: `Een opslag van meer dan € ${max.toLocaleString('nl-NL')} is niet aannemelijk.` })
    .optional()
    .describe(`${what} (whole euros; not fixed by policy — a scenario; default 0)`);

export const ScenarioQuery = z.object({
  deductionRule: z
    .enum(DEDUCTION_RULES, { message: 'Kies geen, woningen_uitsluiten of bedrag_aftrekken.' })
    .optional()
    .describe(
      `How earlier national contributions to a project are taken into account (default ${RS.deductionRule}): woningen_uitsluiten — such a ` +
        'project earns nothing (the published regulation); bedrag_aftrekken — the contribution is deducted from its entitlement; geen — gross',
    ),
  nplvPerHomeEuros: supplementAmount('Supplement per affordable home in an NPLV / stedelijk focusgebied project', SUPPLEMENT_LIMITS.perHome),
  elkeRegioTeltPerHomeEuros: supplementAmount('Supplement per affordable home in an Elke Regio Telt gemeente', SUPPLEMENT_LIMITS.perHome),
  ouderenPerHomeEuros: supplementAmount('Supplement per affordable home for the elderly (zorggeschikt, geclusterd)', SUPPLEMENT_LIMITS.perHome),
  capaciteitPerGemeenteEuros: supplementAmount('Municipal capacity supplement per gemeente per year with paid homes', SUPPLEMENT_LIMITS.perGemeente),
});
export type ScenarioQueryType = z.infer<typeof ScenarioQuery>;

const Homes = z
  .object(
    Object.fromEntries(TELCATEGORIEEN.map((c) => [c, z.number().int().describe(`Affordable homes counted as ${c}`)])) as Record<
      (typeof TELCATEGORIEEN)[number],
      z.ZodNumber
    >,
  )
  .describe('Affordable homes per category: the declared segment, or onzelfstandig (a building of onzelfstandige woonruimten counts as betaalbaar)')
  .meta({ id: 'RealisatiestimulansHomes' });

const Supplements = z
  .object({
    nplv: euros('NPLV / stedelijke focusgebieden supplement'),
    elkeRegioTelt: euros('Elke Regio Telt supplement'),
    ouderen: euros('Elderly housing supplement'),
    capaciteit: euros('Municipal capacity supplement'),
  })
  .describe('Supplements: amounts NOT fixed by policy (a scenario with the amounts of the request)')
  .meta({ id: 'RealisatiestimulansSupplements' });

export const Amounts = z
  .object({
    projects: z.number().int().describe('Project lines counted (a project counts once per basis)'),
    countedHomes: z.number().int().describe('Homes counted, all segments (the milestone’s homes, else the programme)'),
    homes: Homes,
    affordableHomes: z.number().int().describe('Affordable homes counted (the sum of `homes`)'),
    beterBenuttenHomes: z.number().int().describe('Of those, homes added through Beter Benutten (transformatie, splitsen, optoppen)'),
    grossEuros: euros('Gross entitlement: affordable homes × the amount per home'),
    deductionEuros: euros('Taken off for earlier national contributions by the deduction rule'),
    netEuros: euros('Entitlement after the deduction'),
    supplements: Supplements,
  })
  .meta({ id: 'RealisatiestimulansAmounts' });

const GemeenteYear = z.object({
  year: z.number().int().describe('The year counted (start bouw or oplevering in that year)'),
  paymentQuarter: z.string().describe('The quarter it is paid in: Q4 of the following year, `YYYY-Qn`'),
  realised: Amounts.describe('Realised: the milestone has an actual date in the year (paid)'),
  expected: Amounts.describe('Expected: only a forecast date in the year (not paid; counts towards the expected claims)'),
});

const Basis = z
  .object({
    years: z.array(GemeenteYear).describe('Per year counted, 2025–2029'),
    realised: Amounts.describe('Realised over all years'),
    expected: Amounts.describe('Expected over all years'),
  })
  .meta({ id: 'RealisatiestimulansBasis' });

const figures = {
  start_bouw: Basis.describe('Counting basis start bouw (milestone M11): the rule since November 2025'),
  oplevering: Basis.describe('Counting basis oplevering (milestone M12): the 2024 contour'),
  differenceNetEuros: euros('Realised net amount on start bouw minus on oplevering'),
  differenceAffordableHomes: z.number().int().describe('Realised affordable homes on start bouw minus on oplevering'),
};

const Payout = z
  .array(
    z.object({
      year: z.number().int().describe('Year counted'),
      paymentQuarter: z.string().describe('Quarter of payment, `YYYY-Qn`'),
      netEuros: euros('Net realised amount paid then'),
      supplementsEuros: euros('Supplements paid then (not fixed by policy)'),
      expectedEuros: euros('Expected amount for the year (not yet realised)'),
    }),
  )
  .meta({ id: 'RealisatiestimulansPayout' });

const BudgetCheck = z
  .object({
    budgetEuros: euros('Budget for affordable homes (€1.6bn)'),
    realisedEuros: euros('Net realised entitlement 2025–2029'),
    expectedEuros: euros('Net expected entitlement 2025–2029'),
    claimsEuros: euros('Realised + expected'),
    shortfallEuros: euros('Claims above the budget (0 when it suffices)'),
    proRataFactor: z.number().describe('Factor of every amount in the pro-rata scenario (budget / claims, at most 1)'),
    supplementBudgetEuros: euros('Budget for supplements (€0.9bn)'),
    supplementClaimsEuros: euros('Supplements realised + expected (scenario amounts)'),
    supplementShortfallEuros: euros('Supplements above their budget'),
  })
  .meta({ id: 'RealisatiestimulansBudgetCheck' });

const Settings = z
  .object({
    amountPerHomeEuros: euros('Amount per affordable home'),
    budgetEuros: euros('Budget for affordable homes'),
    supplementBudgetEuros: euros('Budget for supplements'),
    firstYear: z.number().int().describe('First year counted'),
    lastYear: z.number().int().describe('Last year counted'),
    deductionRule: z.enum(DEDUCTION_RULES).describe('The deduction rule applied'),
    supplements: z
      .object({
        nplvPerHomeEuros: euros('NPLV supplement per home (scenario)'),
        elkeRegioTeltPerHomeEuros: euros('Elke Regio Telt supplement per home (scenario)'),
        ouderenPerHomeEuros: euros('Elderly housing supplement per home (scenario)'),
        capaciteitPerGemeenteEuros: euros('Capacity supplement per gemeente per year (scenario)'),
      })
      .describe('Supplement amounts used: not fixed by policy'),
    elkeRegioTeltGemeenten: z.array(z.string()).readonly().describe('Gemeenten of the Elke Regio Telt regions (configured; empty: none)'),
  })
  .meta({ id: 'RealisatiestimulansSettings' });

export const RealisatiestimulansOverview = z
  .object({
    area: z
      .object({ level: z.enum(['nl', 'provincie', 'gemeente']).describe('What the figures cover'), code: z.string().nullable().describe('Its code') })
      .describe('The area of the figures: the caller’s (a gemeente only itself, a province analyst its province)'),
    settings: Settings,
    gemeenten: z.array(
      z.object({
        gemeenteCode: GemeenteCode,
        gemeenteName: z.string().describe('Name of the gemeente'),
        provincieCode: z.string().describe('Its province'),
        ...figures,
      }),
    ),
    provincies: z.array(
      z.object({ provincieCode: z.string().describe('CBS province code'), provincieName: z.string().describe('Name of the province'), ...figures }),
    ),
    total: z.object(figures).describe('The sum of the gemeenten'),
    budget: z
      .object({ start_bouw: BudgetCheck, oplevering: BudgetCheck })
      .nullable()
      .describe('Budget against claims per basis (national figures only; null for a province or gemeente)'),
    payout: z.object({ start_bouw: Payout, oplevering: Payout }).describe('Payout schedule per basis'),
  })
  .meta({ id: 'RealisatiestimulansOverview' });

export const ProjectLine = z
  .object({
    projectId: Uuid.describe('The project'),
    name: z.string().describe('Its name'),
    gemeenteCode: GemeenteCode,
    basis: z.enum(['start_bouw', 'oplevering']).describe('The counting basis of this line'),
    year: z.number().int().describe('Year counted'),
    date: IsoDate.describe('The milestone date (actual, else forecast)'),
    actual: z.boolean().describe('True: realised (actual date); false: expected (forecast only)'),
    countedHomes: z.number().int().describe('Homes counted (the milestone’s homes, else the programme)'),
    homes: Homes,
    affordableHomes: z.number().int().describe('Affordable homes counted'),
    beterBenuttenHomes: z.number().int().describe('Of those, Beter Benutten'),
    nplvHomes: z.number().int().describe('Affordable homes in an NPLV project'),
    ouderenHomes: z.number().int().describe('Affordable homes for the elderly'),
    grossEuros: euros('Gross entitlement'),
    earlierContributionsEuros: euros('Earlier national contributions to the project'),
    deductionEuros: euros('Deduction by the rule'),
    netEuros: euros('Net entitlement'),
    supplements: Supplements,
  })
  .meta({ id: 'RealisatiestimulansProjectLine' });

export const GemeenteDetail = z
  .object({
    gemeenteCode: GemeenteCode,
    gemeenteName: z.string().describe('Name of the gemeente'),
    provincieCode: z.string().describe('Its province'),
    settings: Settings,
    figures: z.object({ gemeenteCode: GemeenteCode, ...figures }).describe('The gemeente’s figures on both bases'),
    payout: z.object({ start_bouw: Payout, oplevering: Payout }).describe('Payout schedule per basis'),
    projects: z.array(ProjectLine).describe('Every project line behind the amounts: each amount is the sum of its lines'),
  })
  .meta({ id: 'RealisatiestimulansGemeente' });

export const Contribution = z
  .object({
    id: Uuid,
    projectId: Uuid.describe('The project it went to'),
    projectName: z.string().describe('Its name'),
    gemeenteCode: z.string().describe('Its gemeente'),
    provincieCode: z.string().describe('Its province'),
    scheme: z.string().describe('The national scheme'),
    amountEuros: euros('The contribution'),
    decidedOn: z.string().nullable().describe('Date of the decision, YYYY-MM-DD'),
    note: z.string().nullable().describe('Note'),
    synthetic: z.boolean().describe('Demo data'),
  })
  .meta({ id: 'RealisatiestimulansContribution' });

export const ContributionCreate = z
  .object({
    projectId: Uuid.describe('The project that received the contribution'),
    scheme: z.enum(RS.earlierSchemes, { message: 'Kies de regeling.' }).describe('The earlier national scheme'),
    amountEuros: z
      .number({ message: 'Vul het bedrag in hele euro’s in.' })
      .int({ message: 'Vul het bedrag in hele euro’s in.' })
      .min(0, { message: 'Het bedrag kan niet negatief zijn.' })
      .max(POLICY.openBook.maxAmountEuros, { message: 'Dit bedrag is niet aannemelijk.' })
      .describe('Amount in whole euros'),
    decidedOn: IsoDate.nullable().optional().describe('Date of the decision'),
    note: z.string().max(2000, { message: 'Een toelichting is hoogstens 2000 tekens.' }).nullable().optional().describe('Note'),
  })
  .meta({ id: 'RealisatiestimulansContributionCreate' });
