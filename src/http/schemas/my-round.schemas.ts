/** Response schema of "Mijn kwartaalronde" (GET /me/rounds): a party's own projects in the open rounds of its tables. */
import { z } from 'zod';
import { MY_ROUND_STATES } from '../../domain/my-round.ts';
import { IsoDate, IsoDateTime, Uuid } from './common.ts';
import { ExpiredForecast, Kwartaal } from './round.schemas.ts';

const MyRoundProject = z
  .object({
    id: Uuid,
    name: z.string(),
    gemeenteCode: z.string(),
    gemeenteName: z.string(),
    version: z.number().int(),
    state: z
      .enum(MY_ROUND_STATES)
      .describe("The caller's side: te_doen (not yet delivered), bijgewerkt (edited by the party in this round), bevestigd (confirmed unchanged)"),
    deliveredAt: IsoDateTime.nullable().describe("The side's latest edit in the round, or its confirmation"),
    attention: z
      .object({
        expiredForecasts: z
          .array(ExpiredForecast)
          .describe(
            "The side's own and shared milestones whose forecast has passed without an actual date; such a project cannot be confirmed unchanged",
          ),
        delay: z.enum(['geen', 'vertraagd', 'ernstig']).describe('Worst delay against the baseline of a milestone still to come'),
        openKnelpunten: z.number().int().describe('Knelpunten not yet resolved'),
      })
      .describe('What needs attention (let op)'),
  })
  .meta({ id: 'MyRoundProject' });

const MyRound = z
  .object({
    id: Uuid,
    regionId: z.string(),
    regionName: z.string(),
    quarter: Kwartaal,
    deadline: IsoDate,
    daysLeft: z.number().int().describe('Days until the deadline as of asOf: 0 on the day itself, negative once passed'),
    counts: z.object({
      total: z.number().int(),
      teDoen: z.number().int(),
      bijgewerkt: z.number().int(),
      bevestigd: z.number().int(),
      letOp: z.number().int().describe('Projects with at least one attention fact'),
    }),
    projects: z.array(MyRoundProject).describe('te_doen first, then bijgewerkt, then bevestigd; by name within each'),
  })
  .meta({ id: 'MyRound' });

export const MyRounds = z
  .object({
    asOf: IsoDate.describe('The day states and attention facts are as of (today in the Netherlands)'),
    organisation: z.object({ id: Uuid, name: z.string(), side: z.enum(['publiek', 'privaat']) }).describe('The organisation the caller delivers for'),
    rounds: z.array(MyRound).describe('Open rounds of the tables the organisation takes part in, earliest deadline first'),
  })
  .meta({ id: 'MyRounds' });
