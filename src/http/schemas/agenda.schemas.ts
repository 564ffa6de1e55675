/** The table's meeting agenda and the gemeenten's proposals for alternatives (issue 12 items 6 and 7). */
import { z } from 'zod';
import { REGION_KINDS } from '../../domain/codes.ts';
import { PROPOSAL_KINDS } from '../../domain/alternative-proposal.ts';
import { IsoDate, IsoDateTime, Uuid, Version } from './common.ts';
import { RoundSummary } from './round.schemas.ts';

export const RegionParams = z.object({ regionId: z.string().min(1).max(100).describe('Region id (a versnellingstafel or woondealregio)') });
export const ProposalParams = RegionParams.extend({ proposalId: Uuid });

const ProposalKind = z
  .enum(PROPOSAL_KINDS)
  .describe('alternatief_project: an alternative project; versnelling: the acceleration of an existing project of the gemeente');

export const ProposalCreate = z
  .object({
    kind: ProposalKind,
    projectId: Uuid.nullable().default(null).describe('An existing project of the gemeente (required for versnelling)'),
    title: z.string().max(1000).describe('Short title (at most 200 characters after trimming)'),
    description: z.string().max(10_000).nullable().default(null).describe('Explanation (at most 2,000 characters)'),
    homes: z.number().nullable().describe('Homes the proposal adds (whole number above 0)'),
    year: z.number().int().nullable().describe('The year the homes come (from the current year to the end of the programming period)'),
  })
  .meta({ id: 'ProposalCreate' });

export const ProposalWithdraw = z.object({ version: Version }).meta({ id: 'ProposalWithdraw' });

export const Proposal = z
  .object({
    id: Uuid,
    regionId: z.string(),
    gemeenteCode: z.string(),
    gemeenteName: z.string(),
    kind: ProposalKind,
    project: z.object({ id: Uuid, name: z.string() }).nullable(),
    title: z.string(),
    description: z.string().nullable(),
    homes: z.number().int(),
    year: z.number().int(),
    proposedAt: IsoDateTime,
    proposedByName: z.string().nullable().describe('Who proposed it (null when the account is gone)'),
    withdrawnAt: IsoDateTime.nullable(),
    synthetic: z.boolean().describe('Made with a demo account'),
    version: z.number().int(),
  })
  .meta({ id: 'Proposal' });

export const ProposalList = z
  .object({
    region: z.object({ id: z.string(), name: z.string() }),
    view: z.enum(['all', 'own']).describe("'all': every gemeente's proposals (who sees the whole table); 'own': the caller's gemeente's"),
    mayPropose: z.boolean().describe('The caller may put forward an alternative (a project leader of a gemeente of the table)'),
    years: z.object({ from: z.number().int(), to: z.number().int() }).describe('The years a proposal may add homes in'),
    projectChoices: z.array(z.object({ id: Uuid, name: z.string() })).describe("For a proposer: their gemeente's projects a proposal may name"),
    items: z.array(Proposal).describe('Open (not withdrawn) proposals, earliest year first'),
  })
  .meta({ id: 'ProposalList' });

const AgendaProject = z.object({ id: Uuid, name: z.string(), gemeenteCode: z.string(), gemeenteName: z.string() }).meta({ id: 'AgendaProject' });

export const Agenda = z
  .object({
    region: z.object({ id: z.string(), name: z.string(), kind: z.enum(REGION_KINDS) }),
    round: RoundSummary.nullable().describe('The round the agenda is for: the open one, else the latest; null without a round'),
    quarter: z.string().describe('The round’s quarter (YYYY-Qn), or the current one without a round'),
    quarterLabel: z.string().describe('The quarter in words, e.g. 4e kwartaal 2026'),
    asOf: IsoDate.describe('The day the agenda was made'),
    sections: z.array(
      z
        .object({
          key: z.enum(['knelpunten', 'vertraagd', 'prognoses', 'levering', 'alternatieven']),
          number: z.number().int(),
          title: z.string(),
          empty: z.string().describe('Shown when the section has no items'),
          items: z.array(
            z
              .object({
                number: z.string().describe('Section and item, e.g. 2.3'),
                subject: z.string(),
                why: z.string().describe('Why it is on the agenda, in plain Dutch'),
                projects: z.array(AgendaProject),
              })
              .meta({ id: 'AgendaItem' }),
          ),
        })
        .meta({ id: 'AgendaSection' }),
    ),
  })
  .meta({ id: 'Agenda' });
