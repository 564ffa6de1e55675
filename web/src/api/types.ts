/**
 * Names for the types of /api/v1. They are not written by hand: each is a schema of the generated
 * ./generated/openapi.ts (openapi-typescript from openapi.json, `npm run openapi`), or a part of one.
 * Component names are the zod schema ids in src/http (`.meta({ id })`); a request body is `<id>Input`.
 */
import type { components } from './generated/openapi.ts';

type Schemas = components['schemas'];

// ----- register (src/http/schemas/project.schemas.ts) ---------------------------------------------------

export type GeoPoint = Schemas['GeoPoint'];
export type ProjectSummary = Schemas['ProjectSummary'];
/** Sums over all projects matching the list's filters (not only the page). */
export type ListSums = Schemas['ListSums'];
export type ProjectList = Schemas['ProjectList'];
export type ProgrammeLine = Schemas['ProgrammeLine'];
export type Jaarschijf = Schemas['Jaarschijf'];
export type Milestone = Schemas['Milestone'];
export type DelaySeverity = Milestone['delay']['severity'];
export type Party = Schemas['Party'];
export type Knelpunt = Schemas['Knelpunt'];
export type Issue = Schemas['Issue'];
/** A project with all its parts (GET /projects/:id). `gemeenteName` is not part of the detail. */
export type ProjectDetail = Schemas['ProjectDetail'];
/** RFC 9457 problem details as the API sends them. */
export type Problem = Schemas['Problem'];
/** PATCH /projects/:id/milestones/:code */
export type MilestoneChange = Schemas['MilestoneUpdateInput'];

// ----- reference (src/http/routes/reference.routes.ts) ---------------------------------------------------

export type Provincie = Schemas['Provincie'];
/** An item of GET /gemeenten (with its province name and project count). */
export type Gemeente = Schemas['GemeenteListItem'];
export type Organisation = Schemas['Organisation'];
export type Region = Schemas['Region'];
export type RegionKind = Region['kind'];

// ----- sign-in (src/http/routes/auth.routes.ts) -----------------------------------------------------------

export type { Principal, Role } from '../../../src/domain/access.ts';
/** GET /auth/me: who is signed in (the public when nobody). */
export type Me = Schemas['Me'];

// ----- the table dashboard (src/http/routes/dashboard.routes.ts) -----------------------------------------

/** A defined region, or an area of the reference geography used as one (`gemeente:GM0363`, `corop:CR23`, `provincie:PV27`). */
export type Area = Schemas['Area'];
export type Dashboard = Schemas['Dashboard'];
export type DashboardTarget = Schemas['DashboardTarget'];
export type TargetBasis = DashboardTarget['basis'];
export type DashboardYear = Schemas['DashboardYear'];
export type DelayedMilestone = Schemas['DelayedMilestone'];
export type MapPoint = Schemas['MapPoint'];
export type Alternatives = Schemas['Alternatives'];
export type AlternativeCandidate = Schemas['AlternativeCandidate'];

// ----- quarterly round (src/http/schemas/round.schemas.ts) -----------------------------------------------

export type RoundSummary = Schemas['RoundSummary'];
export type RoundList = Schemas['RoundList'];
export type OrganisationDelivery = Schemas['OrganisationDelivery'];
/** One party's delivery of its own side of a project. */
export type PartyDelivery = Schemas['PartyDelivery'];
export type DeliveryVia = NonNullable<PartyDelivery['via']>;
export type ExpiredForecast = Schemas['ExpiredForecast'];
export type ProjectDelivery = Schemas['ProjectDelivery'];
export type RoundDetail = Schemas['RoundDetail'];
export type ConfirmProjectRef = Schemas['ConfirmProjectRef'];
export type ConfirmPreview = Schemas['ConfirmPreview'];
export type ConfirmResult = Schemas['ConfirmResult'];
export type UndoResult = Schemas['UndoResult'];
export type Reminder = Schemas['Reminder'];
export type Reminders = Schemas['Reminders'];
export type ReminderSent = Schemas['ReminderSent'];
export type RemindersSent = Schemas['RemindersSent'];
// ----- the table's agenda and the gemeenten's proposals (src/http/schemas/agenda.schemas.ts) ------------------
export type Agenda = Schemas['Agenda'];
export type AgendaSection = Schemas['AgendaSection'];
export type AgendaItem = Schemas['AgendaItem'];
export type Proposal = Schemas['Proposal'];
export type ProposalList = Schemas['ProposalList'];
export type ProposalCreate = Schemas['ProposalCreateInput'];
/** Mijn kwartaalronde (GET /me/rounds, src/http/schemas/my-round.schemas.ts): a party's own projects in its open rounds. */
export type MyRounds = Schemas['MyRounds'];
export type MyRound = Schemas['MyRound'];
export type MyRoundProject = Schemas['MyRoundProject'];
export type ProjectChange = Schemas['ProjectChange'];
export type ProjectChanges = Schemas['ProjectChanges'];
export type ProjectSnapshot = Schemas['ProjectSnapshot'];
export type ProjectSnapshots = Schemas['ProjectSnapshots'];
export type BaselineHistoryEntry = Schemas['BaselineHistoryEntry'];
/** POST /projects/:id/rebaseline */
export type RebaselineRequest = Schemas['RebaselineInput'];

// ----- national roll-up and public figures (src/http/schemas/national.schemas.ts, routes/public.routes.ts) --

export type NationalOverview = Schemas['NationalOverview'];
export type NationalProductionYear = Schemas['NationalProductionYear'];
/** A province's or region's attainment, without the field that names it (`code`, or `id` and `kind`). */
export type NationalAttainment = Omit<Schemas['ProvinceAttainment'], 'code'>;
export type PpmArea = Schemas['PpmArea'];
export type SpecialTarget = Schemas['SpecialTarget'];
export type TargetUnit = SpecialTarget['target']['unit'];
/** A target as dated data (GET /targets), with its source and version. */
export type Target = Schemas['Target'];
/** The result of POST /targets/import. */
export type TargetImport = Schemas['TargetImport'];

// ----- planlijst import (src/http/schemas/planlijst-import.schemas.ts) ----------------------------------

export type PlanlijstMapping = Schemas['PlanlijstMapping'];
export type ImportInspection = Schemas['ImportInspection'];
export type ImportReport = Schemas['ImportReport'];
export type ImportProblem = Schemas['ImportProblem'];
export type ImportChange = Schemas['ImportChange'];
export type ImportProgress = Schemas['ImportProgress'];
export type ImportRun = Schemas['ImportRun'];
export type PublicAggregates = Schemas['PublicAggregates'];
export type PublicAreaAggregate = Schemas['PublicAreaAggregate'];
/** A public figure: null where hidden by the rule (fewer than 3 projects, src/domain/disclosure.ts). */
export type PublicFigure = PublicAggregates['total'];
export type OpenDataQuarters = Schemas['OpenDataQuarters'];
export type OpenDataQuarterCell = Schemas['OpenDataQuarterCell'];

// ----- Realisatiestimulans (src/http/schemas/realisatiestimulans.schemas.ts) ------------------------------

export type RealisatiestimulansOverview = Schemas['RealisatiestimulansOverview'];
export type RealisatiestimulansGemeente = Schemas['RealisatiestimulansGemeente'];
export type RealisatiestimulansAmounts = Schemas['RealisatiestimulansAmounts'];
export type RealisatiestimulansBasis = Schemas['RealisatiestimulansBasis'];
export type RealisatiestimulansProjectLine = Schemas['RealisatiestimulansProjectLine'];
export type RealisatiestimulansBudgetCheck = Schemas['RealisatiestimulansBudgetCheck'];
export type RealisatiestimulansPayout = Schemas['RealisatiestimulansPayout'];
