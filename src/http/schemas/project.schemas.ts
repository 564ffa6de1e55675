/** Request and response schemas of the project endpoints. */
import { z } from 'zod';
import {
  DOELGROEPEN,
  KNELPUNT_CATEGORIES,
  MILESTONE_CODES,
  ORIGINS,
  OWNER_SIDES,
  PARTY_ROLES,
  PHASES,
  PLAN_STATUSES,
  PROJECT_FLAGS,
  SEGMENTS,
  STATUS_COLOURS,
  WONINGTYPES,
} from '../../domain/codes.ts';
import { NETHERLANDS_BOX } from '../../domain/coordinates.ts';
import { LIFECYCLE_STATES } from '../../domain/withdrawal.ts';
import { HOMES_GROUPS, LIFECYCLE_FILTERS, LIST_COUNT_CAP, SORT_COLUMNS } from '../../storage/project.repository.ts';
import { POLICY } from '../../domain/policy.ts';
import { csvList, GemeenteCode, HomesCount, IsoDate, IsoDateTime, Issue, ProvincieCode, Uuid, Version } from './common.ts';

const Segment = z.enum(SEGMENTS);
const NullableDate = IsoDate.nullable();

export const ProgrammeLine = z
  .object({
    segment: Segment,
    woningtype: z.enum(WONINGTYPES).default('onbekend'),
    doelgroep: z.enum(DOELGROEPEN).default('regulier'),
    homes: HomesCount,
  })
  .meta({ id: 'ProgrammeLine' });

export const Jaarschijf = z
  .object({
    year: z.number().int().min(2000).max(2100),
    segment: Segment,
    homes: HomesCount,
  })
  .meta({ id: 'Jaarschijf' });

// A date left out keeps the stored one (a new milestone: none); only an explicit null clears a date.
// Plausible range (not in the future for actualDate; 1990–2075): checked by the service (issue 8).
const KEEP_OR_CLEAR = 'Left out: keep the stored date (none for a new milestone); null: clear it';
export const MilestoneInput = z
  .object({
    code: z.enum(MILESTONE_CODES),
    ownerSide: z.enum(OWNER_SIDES).optional().describe('Defaults to the owner side of the milestone definition'),
    baselineDate: NullableDate.optional().describe(KEEP_OR_CLEAR),
    forecastDate: NullableDate.optional().describe(KEEP_OR_CLEAR),
    actualDate: NullableDate.optional().describe(`${KEEP_OR_CLEAR}; not after today`),
    homes: HomesCount.nullable().optional().describe('Only for M12 oplevering: homes delivered (may be partial)'),
  })
  .meta({ id: 'MilestoneEntry' });

export const DelayReasonInput = z
  .union([
    z.object({
      category: z.enum(KNELPUNT_CATEGORIES).describe('The kind of knelpunt that moves the date'),
      text: z.string().max(POLICY.knelpunten.maxReasonLength).describe('A short explanation'),
    }),
    z.object({ knelpuntId: Uuid.describe('A knelpunt of this project that explains the move') }),
  ])
  .meta({ id: 'DelayReason' });

// No defaults here: a field left out must stay as it is; only an explicit null clears a date, and an
// empty string is refused as an invalid date (it never clears one, issue 8).
export const MilestoneChange = z
  .object({
    version: Version,
    ownerSide: z.enum(OWNER_SIDES).optional(),
    baselineDate: NullableDate.optional().describe('Left out: unchanged; null: clear (only while no baseline is set)'),
    forecastDate: NullableDate.optional().describe('Left out: unchanged; null: clear'),
    actualDate: NullableDate.optional().describe('Left out: unchanged; null: clear; not after today'),
    homes: HomesCount.nullable().optional(),
    delayReason: DelayReasonInput.optional().describe(
      'Why the forecast moves: required when the new forecast lies later than the baseline by more than the delay tolerance and later than it was',
    ),
  })
  .meta({ id: 'MilestoneUpdate' });

export const Party = z.object({ organisationId: Uuid, role: z.enum(PARTY_ROLES) }).meta({ id: 'Party' });

const BOX = NETHERLANDS_BOX;
const nl = (n: number) => String(n).replace('.', ',');
const LON_OUTSIDE = `Dit punt ligt niet in Nederland: de lengtegraad ligt daar tussen ${nl(BOX.minLon)} en ${nl(BOX.maxLon)}.`;
const LAT_OUTSIDE = `Dit punt ligt niet in Nederland: de breedtegraad ligt daar tussen ${nl(BOX.minLat)} en ${nl(BOX.maxLat)}.`;
export const GeoPoint = z
  .object({
    lon: z.number().min(BOX.minLon, { message: LON_OUTSIDE }).max(BOX.maxLon, { message: LON_OUTSIDE }).describe('WGS84 longitude (the Netherlands)'),
    lat: z.number().min(BOX.minLat, { message: LAT_OUTSIDE }).max(BOX.maxLat, { message: LAT_OUTSIDE }).describe('WGS84 latitude (the Netherlands)'),
  })
  .meta({ id: 'GeoPoint' });

const ProjectFields = {
  name: z.string().trim().min(1, { message: 'Geef het project een naam.' }).max(200),
  gemeenteCode: GemeenteCode,
  description: z.string().max(5000).nullable(),
  planStatus: z.enum(PLAN_STATUSES),
  origin: z.enum(ORIGINS),
  flags: z.array(z.enum(PROJECT_FLAGS)).max(PROJECT_FLAGS.length),
  location: GeoPoint.nullable(),
  programme: z.array(ProgrammeLine).max(200),
  jaarschijven: z.array(Jaarschijf).max(1000),
  milestones: z.array(MilestoneInput).max(12),
  parties: z.array(Party).max(50),
};

export const ProjectCreateBody = z
  .object({
    ...ProjectFields,
    description: ProjectFields.description.optional(),
    origin: ProjectFields.origin.optional(),
    flags: ProjectFields.flags.optional(),
    location: ProjectFields.location.optional(),
    programme: ProjectFields.programme.optional(),
    jaarschijven: ProjectFields.jaarschijven.optional(),
    milestones: ProjectFields.milestones.optional(),
    parties: ProjectFields.parties.optional(),
    synthetic: z.boolean().optional().describe('Marks generated demo data'),
  })
  .meta({ id: 'ProjectCreate' });

export const ProjectPatchBody = z.object(ProjectFields).partial().extend({ version: Version }).meta({ id: 'ProjectUpdate' });

export const VersionOnly = z.object({ version: Version });

const Delay = z.object({ months: z.number().int(), severity: z.enum(['geen', 'vertraagd', 'ernstig']) }).meta({ id: 'MilestoneDelay' });

export const Knelpunt = z
  .object({
    id: Uuid,
    projectId: Uuid,
    category: z.enum(KNELPUNT_CATEGORIES),
    description: z.string(),
    owner: z.string().nullable(),
    raisedDate: IsoDate,
    escalated: z.boolean().describe('Escalated to the versnellingstafel'),
    escalatedOn: IsoDate.nullable().describe('When it was escalated; null when not escalated, or escalated before this was kept'),
    escalationReason: z.string().nullable().describe('Why the table must pick it up; null for escalations from before this was kept'),
    resolution: z.string().nullable(),
    resolvedDate: IsoDate.nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'Knelpunt' });

// Blank is refused by the domain rule (422, src/domain/knelpunt.ts), like every other missing part of a step.
const ReasonText = z.string().max(POLICY.knelpunten.maxReasonLength);

export const KnelpuntEscalateBody = z
  .object({
    version: Version,
    reason: ReasonText.describe('Why the table must pick it up'),
  })
  .meta({ id: 'KnelpuntEscalate' });

export const KnelpuntResolveBody = z
  .object({
    version: Version,
    resolvedDate: IsoDate.describe('When it was resolved: not before it was raised, not after today'),
    resolution: ReasonText.describe('How it was resolved'),
  })
  .meta({ id: 'KnelpuntResolve' });

export const KnelpuntCreateBody = z
  .object({
    category: z.enum(KNELPUNT_CATEGORIES),
    description: z.string().trim().min(1, { message: 'Beschrijf het knelpunt.' }).max(2000),
    owner: z.string().max(200).nullable().optional(),
    raisedDate: IsoDate,
    escalated: z.boolean().optional().describe('Escalating needs escalationReason (or use POST …/escalate)'),
    escalationReason: z.string().max(POLICY.knelpunten.maxReasonLength).nullable().optional().describe('Why the table must pick it up'),
    resolution: z.string().max(2000).nullable().optional(),
    resolvedDate: IsoDate.nullable().optional(),
  })
  .meta({ id: 'KnelpuntCreate' });

export const KnelpuntPatchBody = KnelpuntCreateBody.partial().extend({ version: Version }).meta({ id: 'KnelpuntUpdate' });

export const ProjectLifecycle = z
  .object({
    state: z.enum(LIFECYCLE_STATES).describe('actief; vervallen (withdrawn, counted as planuitval); samengevoegd (merged into another record)'),
    withdrawnDate: IsoDate.nullable().describe('Vervallen: the date the plan was withdrawn'),
    withdrawnReason: z.string().nullable(),
    mergedIntoId: Uuid.nullable().describe('Samengevoegd: the record that stays (null if that record was deleted later)'),
    mergedIntoName: z.string().nullable(),
    mergedAt: IsoDateTime.nullable(),
  })
  .describe('Whether the plan is active, withdrawn or merged; withdrawn and merged plans count in no figure except planuitval')
  .meta({ id: 'ProjectLifecycle' });

const summaryFields = {
  id: Uuid,
  name: z.string(),
  gemeenteCode: z.string(),
  provincieCode: z.string(),
  description: z.string().nullable(),
  planStatus: z.enum(PLAN_STATUSES),
  origin: z.enum(ORIGINS),
  flags: z.array(z.enum(PROJECT_FLAGS)),
  location: GeoPoint.nullable(),
  synthetic: z.boolean().describe('True for generated demo data (not a real project)'),
  phase: z.enum(PHASES).describe('Derived from the milestones achieved'),
  status: z.enum(STATUS_COLOURS).describe('Derived: groen / oranje / rood'),
  totalHomes: z.number().int(),
  affordableHomes: z.number().int().describe('Betaalbaar = sociale huur + middenhuur + betaalbare koop'),
  socialHomes: z.number().int(),
  maxDelayMonths: z.number().int(),
  version: z.number().int(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  // Optional: quarter snapshots frozen before migration 0019 carry none (then: actief).
  lifecycle: ProjectLifecycle.optional(),
};

export const ProjectSummary = z.object({ ...summaryFields, gemeenteName: z.string() }).meta({ id: 'ProjectSummary' });

export const ListSums = z
  .object({
    homes: z.number().int().describe('Total homes (programme) of all matching projects'),
    affordableHomes: z.number().int().describe('Betaalbare homes of all matching projects'),
    socialHomes: z.number().int().describe('Sociale-huur homes of all matching projects'),
    yearHomes: z.number().int().nullable().describe("With `year`: homes in that year's jaarschijven of the matching projects"),
    openKnelpunten: z.number().int().nullable().describe('With `knelpunt`: open knelpunten of those categories in the matching projects'),
    delayedMilestones: z.number().int().nullable().describe('With `delayed=true`: delayed milestones still to come in the matching projects'),
  })
  .describe('Sums over all matching projects (not only this page), to compare the list with the figure it was reached from')
  .meta({ id: 'ListSums' });

export const ProjectList = z
  .object({
    items: z.array(ProjectSummary),
    total: z.number().int().describe('Number of matching projects; when `totalExact` is false, more than this many match'),
    totalExact: z.boolean().optional().describe('false: more than `total` projects match (ask `total=exact` for the number). Absent: exact'),
    nextCursor: z
      .string()
      .nullable()
      .optional()
      .describe('Pass as `cursor` for the next page in the same order; null on the last page. Absent where the list has no cursor'),
    sums: ListSums.optional(),
  })
  .meta({ id: 'ProjectList' });

export const Milestone = z
  .object({
    code: z.enum(MILESTONE_CODES),
    ownerSide: z.enum(OWNER_SIDES),
    baselineDate: IsoDate.nullable(),
    forecastDate: IsoDate.nullable(),
    actualDate: IsoDate.nullable(),
    homes: z.number().int().nullable(),
    delay: Delay,
  })
  .meta({ id: 'Milestone' });

export const ProjectDetail = z
  .object({
    ...summaryFields,
    programme: z.array(ProgrammeLine),
    jaarschijven: z.array(Jaarschijf),
    milestones: z.array(Milestone),
    parties: z.array(Party),
    knelpunten: z.array(Knelpunt),
    warnings: z.array(Issue).describe('Consistency warnings that do not block saving (e.g. jaarschijven not summing to the programme)'),
  })
  .meta({ id: 'ProjectDetail' });

export const ProjectListQuery = z.object({
  gemeente: csvList(GemeenteCode).optional().describe('Comma-separated gemeente codes'),
  provincie: csvList(ProvincieCode).optional(),
  region: z
    .string()
    .max(100)
    .optional()
    .describe('Region id (woondealregio or versnellingstafel), or an area: gemeente:GM0363, corop:CR23, provincie:PV27'),
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('Projects with planned completions (jaarschijven) in this year'),
  planStatus: csvList(z.enum(PLAN_STATUSES)).optional(),
  phase: csvList(z.enum(PHASES)).optional(),
  status: csvList(z.enum(STATUS_COLOURS)).optional(),
  flags: csvList(z.enum(PROJECT_FLAGS)).optional().describe('Projects carrying all of these flags'),
  knelpunt: csvList(z.enum(KNELPUNT_CATEGORIES)).optional().describe('Projects with an open knelpunt in one of these categories'),
  delayed: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('true: projects with a milestone still to come that is delayed beyond the tolerance (as the dashboard counts them); false: without'),
  forecastExpired: z
    .enum(['true'])
    .transform(() => true)
    .optional()
    .describe('true: projects with a milestone whose forecast lies before today without an actual date (prognose verstreken)'),
  homesIn: z.enum(HOMES_GROUPS).optional().describe('Projects with betaalbare (betaalbaar) or sociale-huur (sociaal) homes in their programme'),
  synthetic: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  q: z.string().max(200).optional().describe('Text search in the project name'),
  lifecycle: z
    .enum(LIFECYCLE_FILTERS)
    .optional()
    .describe('actief (default): plans that count; vervallen: withdrawn plans (planuitval); alle: both. Merged duplicates are never listed'),
  sort: z
    .string()
    .regex(new RegExp(`^-?(${Object.keys(SORT_COLUMNS).join('|')})$`), {
      message: `Sorteer op ${Object.keys(SORT_COLUMNS).join(', ')} (met - ervoor voor aflopend).`,
    })
    .default('name'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  cursor: z
    .string()
    .max(2000)
    .optional()
    .describe(
      'The `nextCursor` of the previous page (same filters and sort): the page after it, at the cost of the first page (instead of `offset`)',
    ),
  total: z
    .enum(['bounded', 'exact'])
    .default('bounded')
    .describe(
      `bounded (default): \`total\` counts up to ${LIST_COUNT_CAP.toLocaleString('en')}; beyond that \`totalExact\` is false. ` +
        'exact: the exact number of matching projects and their `sums` (reads every match: slower in a large register)',
    ),
});

export const ProjectIdParams = z.object({ id: Uuid });
export const MilestoneParams = z.object({ id: Uuid, code: z.enum(MILESTONE_CODES) });
export const KnelpuntParams = z.object({ id: Uuid, knelpuntId: Uuid });
