/** Request and response schemas of the quarterly round, the "as of a quarter" views, changes and re-baselining. */
import { z } from 'zod';
import { MILESTONE_CODES, ORGANISATION_TYPES, PHASES, PLAN_STATUSES, SEGMENTS, STATUS_COLOURS } from '../../domain/codes.ts';
import { MIN_REASON_LENGTH } from '../../domain/baseline.ts';
import { KWARTAAL_PATTERN } from '../../domain/kwartaal.ts';
import { CHANGE_KINDS } from '../../domain/project-diff.ts';
import { SNAPSHOT_SORT } from '../../storage/round.repository.ts';
import { csvList, GemeenteCode, IsoDate, IsoDateTime, Uuid, Version } from './common.ts';

export const Kwartaal = z
  .string()
  .regex(KWARTAAL_PATTERN, { message: 'Gebruik een kwartaal als JJJJ-Qn, bijvoorbeeld 2026-Q4.' })
  .describe('Quarter, YYYY-Qn')
  .meta({ example: '2026-Q4' });

export const RegionIdParams = z.object({ regionId: z.string().min(1).max(100).describe('Region id (a versnellingstafel)') });
export const RoundIdParams = z.object({ roundId: Uuid });
export const RoundProjectParams = z.object({ roundId: Uuid, projectId: Uuid });

export const OpenRoundBody = z.object({
  quarter: Kwartaal,
  deadline: IsoDate.describe('Date by which parties are asked to update or confirm their projects'),
});

const DeliveryVia = z.enum(['gewijzigd', 'bevestigd']).describe('gewijzigd: changed since the round opened; bevestigd: confirmed unchanged');

export const RoundSummary = z
  .object({
    id: Uuid,
    regionId: z.string(),
    regionName: z.string(),
    quarter: Kwartaal,
    deadline: IsoDate,
    status: z.enum(['open', 'gesloten']),
    openedAt: IsoDateTime,
    closedAt: IsoDateTime.nullable(),
    projectCount: z.number().int().nullable().describe('Projects frozen when the round closed (null while open)'),
  })
  .meta({ id: 'RoundSummary' });

export const RoundList = z.object({ items: z.array(RoundSummary), total: z.number().int() }).meta({ id: 'RoundList' });

const OrganisationDelivery = z
  .object({
    organisationId: Uuid,
    name: z.string(),
    type: z.enum(ORGANISATION_TYPES).nullable(),
    total: z.number().int().describe('Projects of the region the organisation is a party to'),
    delivered: z.number().int(),
    outstanding: z.number().int(),
    onBehalf: z.number().int().describe('Of the delivered projects, recorded on behalf of the organisation by the secretary'),
  })
  .meta({ id: 'OrganisationDelivery' });

const PartyDelivery = z
  .object({
    organisationId: Uuid,
    side: z.enum(['publiek', 'privaat']).describe('publiek: the gemeente; privaat: a market party'),
    via: DeliveryVia.nullable(),
    at: IsoDateTime.nullable(),
    onBehalf: z
      .object({ by: z.string(), reason: z.string() })
      .nullable()
      .describe('Recorded on behalf of the party by the secretary, with the reason'),
    batchId: Uuid.nullable().describe('The confirmation action (to undo it)'),
  })
  .meta({ id: 'PartyDelivery' });

export const ExpiredForecast = z
  .object({ code: z.enum(MILESTONE_CODES), ownerSide: z.enum(['publiek', 'privaat', 'beide']), forecastDate: IsoDate })
  .meta({ id: 'ExpiredForecast' });

const ProjectDelivery = z
  .object({
    projectId: Uuid,
    name: z.string(),
    gemeenteCode: z.string(),
    gemeenteName: z.string(),
    delivered: z.boolean().describe('Every party has delivered its own side'),
    via: DeliveryVia.nullable(),
    updatedAt: IsoDateTime,
    confirmedAt: IsoDateTime.nullable(),
    organisationIds: z.array(Uuid).describe('The gemeente and every party of the project'),
    parties: z.array(PartyDelivery).describe('Delivery per party for its own side'),
    expiredForecasts: z.array(ExpiredForecast).describe('Milestones whose forecast has passed without an actual date (prognose verstreken)'),
  })
  .meta({ id: 'ProjectDelivery' });

export const RoundDetail = RoundSummary.extend({
  delivery: z
    .object({
      total: z.number().int(),
      delivered: z.number().int(),
      changed: z.number().int(),
      confirmed: z.number().int(),
      outstanding: z.number().int(),
      withoutParty: z.number().int().describe('Projects without any party: nobody is reminded about them'),
    })
    .describe('Live while the round is open; as frozen at close once closed'),
  projects: z.array(ProjectDelivery),
  organisations: z.array(OrganisationDelivery).describe('Per organisation, most outstanding first'),
}).meta({ id: 'RoundDetail' });

export const ConfirmBody = z
  .object({
    projectIds: z
      .array(Uuid)
      .min(1)
      .max(5000)
      .optional()
      .describe('Projects confirmed unchanged; without it, every project where the party has not yet delivered'),
    organisationId: Uuid.optional().describe("The party whose side is confirmed; default: the caller's own organisation"),
    reason: z.string().max(2000).optional().describe('Required when the secretary records the delivery on behalf of a party'),
  })
  .meta({ id: 'Confirmation' });

const ProjectRef = z.object({ projectId: Uuid, name: z.string(), gemeenteName: z.string() }).meta({ id: 'ConfirmProjectRef' });
const RefusedProject = ProjectRef.extend({ message: z.string() }).meta({ id: 'RefusedProject' });

export const ConfirmPreview = z
  .object({
    organisationId: Uuid,
    organisationName: z.string(),
    onBehalf: z.boolean(),
    projects: z.array(ProjectRef).describe('What a confirmation would confirm'),
    refused: z.array(RefusedProject).describe('Left out: the forecast has expired'),
  })
  .meta({ id: 'ConfirmPreview' });

export const ConfirmResult = z
  .object({
    confirmedProjectIds: z.array(Uuid).describe('Projects newly confirmed by this action'),
    batchId: Uuid.describe('This action, to undo it until the quarter closes'),
    organisationId: Uuid,
    refused: z.array(RefusedProject),
    round: RoundDetail,
  })
  .meta({ id: 'ConfirmResult' });

export const UndoBody = z.union([z.object({ batchId: Uuid }).strict(), z.object({ projectId: Uuid, organisationId: Uuid }).strict()]);

export const UndoResult = z.object({ undoneProjectIds: z.array(Uuid), round: RoundDetail }).meta({ id: 'UndoResult' });

const Reminder = OrganisationDelivery.extend({
  projects: z.array(z.object({ id: Uuid, name: z.string(), gemeenteName: z.string() })).describe('Projects still to update or confirm'),
}).meta({ id: 'Reminder' });

const ReminderSent = z
  .object({
    batchId: Uuid.describe('One send action'),
    organisationId: Uuid,
    organisationName: z.string(),
    sentAt: IsoDateTime,
    sentByName: z.string().nullable(),
    sent: z.number().int().describe('People mailed'),
    failed: z.number().int().describe('Mails the mail server refused'),
    noRecipient: z.boolean().describe('The organisation had nobody with an active account to mail'),
  })
  .meta({ id: 'ReminderSent' });

export const Reminders = z
  .object({
    round: RoundSummary,
    items: z.array(Reminder),
    mail: z.object({ configured: z.boolean().describe('E-mail is set up on this server (SMTP_URL); without it reminders cannot be sent') }),
    sent: z.array(ReminderSent).describe('Reminders sent in this round, per send action and organisation, latest first'),
  })
  .meta({ id: 'Reminders' });

export const SendRemindersBody = z
  .object({
    organisationIds: z
      .array(Uuid)
      .min(1)
      .max(1000)
      .optional()
      .describe('Only these organisations (each must have something outstanding); default: all'),
  })
  .meta({ id: 'SendReminders' });

export const RemindersSent = Reminders.extend({
  batchId: Uuid,
  results: z.array(
    z.object({ organisationId: Uuid, organisationName: z.string(), sent: z.number().int(), failed: z.number().int(), noRecipient: z.boolean() }),
  ),
}).meta({ id: 'RemindersSent' });

export const RoundProjectsQuery = z.object({
  gemeente: csvList(GemeenteCode).optional(),
  planStatus: csvList(z.enum(PLAN_STATUSES)).optional(),
  phase: csvList(z.enum(PHASES)).optional(),
  status: csvList(z.enum(STATUS_COLOURS)).optional(),
  q: z.string().max(200).optional(),
  sort: z
    .string()
    .regex(new RegExp(`^-?(${Object.keys(SNAPSHOT_SORT).join('|')})$`), {
      message: `Sorteer op ${Object.keys(SNAPSHOT_SORT).join(', ')} (met - ervoor voor aflopend).`,
    })
    .default('name'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});

export const ChangesQuery = z.object({
  since: Uuid.optional().describe('A closed round; default: the latest closed round of a versnellingstafel the project belongs to'),
});

export const ProjectChange = z
  .object({
    kind: z.enum(CHANGE_KINDS),
    field: z.string().describe('What changed, e.g. milestones.M11.forecastDate, programme.sociale_huur, jaarschijven.2028'),
    from: z.union([z.string(), z.number(), z.boolean()]).nullable(),
    to: z.union([z.string(), z.number(), z.boolean()]).nullable(),
    months: z.number().int().optional().describe('Date moves: whole months (positive = later)'),
    days: z.number().int().optional(),
    milestoneCode: z.enum(MILESTONE_CODES).optional(),
    segment: z.enum(SEGMENTS).optional(),
    year: z.number().int().optional(),
    knelpuntId: Uuid.optional(),
    organisationId: Uuid.optional(),
    reason: z.string().optional().describe('Baseline changes: the reason recorded when re-baselining'),
    message: z.string().describe('Plain-Dutch explanation'),
  })
  .meta({ id: 'ProjectChange' });

export const ProjectChanges = z
  .object({
    projectId: Uuid,
    since: RoundSummary.nullable().describe('The closed round compared with; null when there is none yet'),
    changes: z.array(ProjectChange),
  })
  .meta({ id: 'ProjectChanges' });

const ProjectSnapshot = z
  .object({
    round: RoundSummary,
    delivery: DeliveryVia.nullable(),
    name: z.string(),
    phase: z.enum(PHASES),
    status: z.enum(STATUS_COLOURS),
    planStatus: z.enum(PLAN_STATUSES),
    totalHomes: z.number().int(),
    maxDelayMonths: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: 'ProjectSnapshot' });

export const ProjectSnapshots = z.object({ items: z.array(ProjectSnapshot), total: z.number().int() }).meta({ id: 'ProjectSnapshots' });

export const RebaselineBody = z
  .object({
    version: Version,
    reason: z
      .string()
      .trim()
      .min(MIN_REASON_LENGTH, { message: `Geef een reden van minstens ${MIN_REASON_LENGTH} tekens: waarom wordt de planning opnieuw vastgesteld?` })
      .max(2000),
    milestones: z
      .array(z.object({ code: z.enum(MILESTONE_CODES), baselineDate: IsoDate.nullable() }))
      .min(1, { message: 'Noem minstens één mijlpaal met de nieuwe baseline.' })
      .max(12),
  })
  .meta({ id: 'Rebaseline' });

export const BaselineHistoryEntry = z
  .object({
    id: Uuid,
    projectId: Uuid,
    changedAt: IsoDateTime,
    projectVersion: z.number().int(),
    reason: z.string(),
    changes: z.array(z.object({ code: z.enum(MILESTONE_CODES), from: IsoDate.nullable(), to: IsoDate.nullable() })),
  })
  .meta({ id: 'BaselineHistoryEntry' });
