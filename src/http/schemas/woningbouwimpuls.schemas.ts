/**
 * Woningbouwimpuls and Gebiedsbudget (issue 16 parts 2–3; SPEC §4.2, §4.3). The shape is checked here; the rules
 * (eligibility, amounts, dates) are the domain's (src/domain/instruments/*), which name each wrong field in Dutch (422).
 */
import { z } from 'zod';
import { GEBIEDSBUDGET_MEASURES } from '../../domain/instruments/gebiedsbudget.ts';
import { WBI_ACTIVITIES } from '../../domain/instruments/woningbouwimpuls.ts';
import { IsoDate, IsoDateTime, Uuid } from './common.ts';

const Euros = (what: string) => z.number().describe(`${what}, in whole euros`);
const Text = (what: string) => z.string().max(4000).describe(what);

export const TrancheBody = z
  .object({
    name: z.string().max(200).describe('Name of the tranche, e.g. "Tranche 2027"'),
    windowOpens: IsoDate.describe('First day of the application window'),
    windowCloses: IsoDate.describe('Last day of the application window'),
    awardDate: IsoDate.describe('Expected award date; the start deadlines (3 and 10 years) run from it'),
    budgetEuros: Euros('Budget of the tranche (all tranches together at most €470m)'),
  })
  .meta({ id: 'TrancheCreate' });

export const Tranche = z
  .object({
    id: Uuid,
    name: z.string(),
    windowOpens: IsoDate,
    windowCloses: IsoDate,
    awardDate: IsoDate,
    budgetEuros: z.number(),
    allocatedAt: IsoDateTime.nullable().describe('When the ministry fixed the ranking and allocation; null before'),
    windowOpen: z.boolean().describe('The application window is open today'),
    synthetic: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'Tranche' });

export const TrancheList = z.object({ items: z.array(Tranche) }).meta({ id: 'TrancheList' });

const ApplicationFields = {
  homes: z.number().describe('Number of homes in the project (at least 200 to be eligible)'),
  affordableHomes: z.number().describe('Of which betaalbaar (more than 50% to be eligible)'),
  publicInvestmentsEuros: Euros('Necessary public investments'),
  kostenverhaalEuros: Euros('Public revenue: kostenverhaal'),
  grondverkoopEuros: Euros('Public revenue: grondverkoop'),
  otherNationalContributionsEuros: Euros('Public revenue: other national contributions'),
  requestedEuros: Euros('Contribution asked from the Woningbouwimpuls'),
  cofinancingEuros: Euros('Co-financing by medeoverheden (at least 50% of their amount plus the Rijk’s)'),
  activities: z.array(z.enum(WBI_ACTIVITIES)).max(WBI_ACTIVITIES.length).describe('Activities of the limitative list the contribution pays for'),
  otherActivities: Text('Activities outside the list (empty when none; any makes the application ineligible)'),
  firstStartDate: IsoDate.describe('Planned start of building of the first homes (within 3 years of the award)'),
  lastStartDate: IsoDate.describe('Planned start of building of the last homes (within 10 years of the award)'),
  necessaryForWoondeal: z.boolean(),
  bottleneck: Text('The specific bottleneck that keeps the area from being geschikt en beschikbaar'),
  realisatiestimulansInsufficient: z.boolean().describe('The Realisatiestimulans does not cover the bottleneck'),
  parallelPlannen: z.boolean(),
  versnellingstafelWithPpm: z.boolean().describe('Discussed at the regional versnellingstafel with the publiek-private monitor'),
  openBooks: z.boolean(),
  explanation: Text('Project area, background and need; grondexploitatie; state of the project; parties involved'),
};

export const WbiApplicationBody = z.object({ projectId: Uuid, ...ApplicationFields }).meta({ id: 'WbiApplicationCreate' });
export const WbiApplicationUpdate = z
  .object({ version: z.number().int().min(1).max(2_147_483_647).describe('Version you last read; a stale version gets 409'), ...ApplicationFields })
  .meta({ id: 'WbiApplicationUpdate' });

const Criterion = z.object({
  code: z.string(),
  met: z.boolean(),
  rule: z.string().describe('The rule in plain Dutch'),
  source: z.string().describe('The policy document (title and date)'),
  finding: z.string().describe('What the application says'),
});
export const Scores = z.object({
  noodzaak: z.number().describe('Score 0–10'),
  effectiviteit: z.number().describe('Score 0–10'),
  efficientie: z.number().describe('Score 0–10'),
  urgentie: z.number().describe('Score 0–10'),
});
export const WbiApplication = z
  .object({
    id: Uuid,
    trancheId: Uuid,
    projectId: Uuid,
    projectName: z.string(),
    gemeenteCode: z.string(),
    gemeenteName: z.string(),
    ...ApplicationFields,
    outcome: z.enum(['toegekend', 'gedeeltelijk_toegekend', 'niet_toegekend', 'niet_gerangschikt']).nullable(),
    ranking: z.number().int().nullable(),
    awardedEuros: z.number().nullable(),
    filedAt: IsoDateTime,
    updatedAt: IsoDateTime,
    synthetic: z.boolean(),
    version: z.number().int(),
    scores: Scores.extend({ version: z.number().int(), totalScore: z.number().describe('Weighted total, 25% each') }).nullable(),
    eligibility: z.object({
      eligible: z.boolean(),
      criteria: z.array(Criterion),
      maximumAwardEuros: z.number().describe('Deficit on necessary public investments minus public revenues, at least 0'),
      awardableEuros: z.number().describe('The request, at most the maximum award'),
      publicRevenuesEuros: z.number(),
    }),
  })
  .describe('An application holds the gemeente’s grondexploitatie: only for that gemeente and the ministry')
  .meta({ id: 'WbiApplication' });

export const TrancheDetail = z.object({ tranche: Tranche, applications: z.array(WbiApplication) }).meta({ id: 'TrancheDetail' });

export const ScoresBody = Scores.extend({
  version: z.number().int().min(0).max(2_147_483_647).describe('Version of the scores you last read; 0 for the first scores'),
}).meta({ id: 'WbiScoresUpdate' });

export const Allocation = z
  .object({
    tranche: Tranche,
    budgetEuros: z.number(),
    awardedEuros: z.number(),
    remainingEuros: z.number(),
    rule: z.string().describe('How ranking, ties and a partial last award are handled, in plain Dutch'),
    lines: z.array(
      z.object({
        id: Uuid,
        rank: z.number().int().nullable(),
        totalScore: z.number().nullable(),
        tiedWith: z.array(Uuid),
        tieBrokenBy: z.enum(['noodzaak', 'euros_per_affordable_home', 'filed_at']).nullable(),
        awardableEuros: z.number(),
        awardedEuros: z.number(),
        outcome: z.enum(['toegekend', 'gedeeltelijk_toegekend', 'niet_toegekend', 'niet_gerangschikt']),
        explanation: z.string(),
        projectName: z.string(),
        gemeenteName: z.string(),
        requestedEuros: z.number(),
        maximumAwardEuros: z.number(),
      }),
    ),
  })
  .meta({ id: 'WbiAllocation' });

export const TrancheParams = z.object({ id: Uuid });
export const DecisionListQuery = z.object({ format: z.enum(['csv', 'xlsx']).default('csv').describe('csv (Dutch Excel, `;`) or xlsx') });

export const GebiedsbudgetArea = z
  .object({ code: z.string(), name: z.string(), regio: z.string(), designated: z.boolean(), source: z.string() })
  .meta({ id: 'GebiedsbudgetArea' });
export const GebiedsbudgetAreaList = z.object({ items: z.array(GebiedsbudgetArea) }).meta({ id: 'GebiedsbudgetAreaList' });

const RequestFields = {
  areaCode: z.string().max(100).describe('Designated area (GebiedsbudgetArea.code)'),
  title: z.string().max(200),
  homes: z.number(),
  affordableHomes: z.number(),
  lastHomesYear: z.number().describe('Year the last homes are realised (2034 at the latest)'),
  homesBefore2030: z.number().describe('Homes realised before 2030'),
  parallelPlannen: z.boolean(),
  versnellingstafelWithPpm: z.boolean(),
  openBooks: z.boolean(),
  positiveMkba: z.boolean().describe('The measures follow from a positive MKBA and an updated business case'),
  measures: z.array(z.enum(GEBIEDSBUDGET_MEASURES)).max(GEBIEDSBUDGET_MEASURES.length),
  totalInvestmentEuros: Euros('Total necessary investment'),
  regionReservedEuros: Euros('What the region reserves'),
  requestedEuros: Euros('Contribution asked (capped at 50% of the investment and at the region’s amount)'),
};
export const GebiedsbudgetRequestBody = z.object(RequestFields).meta({ id: 'GebiedsbudgetRequestCreate' });
export const GebiedsbudgetRequest = z
  .object({
    id: Uuid,
    gemeenteCode: z.string(),
    gemeenteName: z.string(),
    areaName: z.string(),
    ...RequestFields,
    status: z.enum(['ingediend', 'toegekend', 'afgewezen']),
    awardedEuros: z.number().nullable(),
    filedAt: IsoDateTime,
    synthetic: z.boolean(),
    version: z.number().int(),
    eligibility: z.object({
      eligible: z.boolean(),
      criteria: z.array(Criterion),
      cappedEuros: z.number(),
      maxRijkEuros: z.number(),
      capped: z.boolean(),
      capReason: z.string(),
    }),
  })
  .meta({ id: 'GebiedsbudgetRequest' });
export const GebiedsbudgetRequestList = z
  .object({
    items: z.array(GebiedsbudgetRequest),
    totals: z
      .object({
        ceilingEuros: z.number(),
        awardedEuros: z.number(),
        pendingEuros: z.number().describe('Capped amounts of eligible requests not decided yet'),
        remainingEuros: z.number(),
        overCeiling: z.boolean(),
      })
      .describe('National running total against the ceiling (all requests, also those of other gemeenten, as sums only)'),
  })
  .meta({ id: 'GebiedsbudgetRequestList' });
export const GebiedsbudgetDecisionBody = z
  .object({
    version: z.number().int().min(1).max(2_147_483_647),
    status: z.enum(['toegekend', 'afgewezen']),
    awardedEuros: z.number().nullable().describe('Amount awarded; null: the capped amount'),
  })
  .meta({ id: 'GebiedsbudgetDecision' });
