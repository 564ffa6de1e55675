/** Wiring: database → repositories → services. The only place that knows all of them. */
import { createAccountRepository } from '../storage/account.repository.ts';
import { createAuditRepository } from '../storage/audit.repository.ts';
import { createDelayReasonRepository } from '../storage/delay-reason.repository.ts';
import { createBaselineHistoryRepository } from '../storage/baseline.repository.ts';
import type { Db } from '../storage/db.ts';
import { createGeographyRepository } from '../storage/geography.repository.ts';
import { createOrganisationRepository } from '../storage/organisation.repository.ts';
import { createOrganisationMergeRepository } from '../storage/organisation-merge.repository.ts';
import { createPseudonymiseRepository } from '../storage/pseudonymise.repository.ts';
import { createPseudonymiseService } from './pseudonymise.service.ts';
import { createRetentionRepository } from '../storage/retention.repository.ts';
import { createRetentionService } from './retention.service.ts';
import { createKnelpuntRepository, createProjectRepository } from '../storage/project.repository.ts';
import { createRoundRepository } from '../storage/round.repository.ts';
import { createDashboardRepository } from '../storage/dashboard.repository.ts';
import { createNationalRepository } from '../storage/national.repository.ts';
import { createRealisationRepository } from '../storage/realisation.repository.ts';
import { createRealisationSourcesRepository } from '../storage/realisation-sources.repository.ts';
import { createGemeenteListRepository } from '../storage/gemeente-list.repository.ts';
import { createPublicStatsRepository } from '../storage/public-stats.repository.ts';
import { createPublicStatsService } from './public-stats.service.ts';
import { createAccessGuard } from './access.service.ts';
import { createAuthService, DEFAULT_AUTH_OPTIONS, type AuthOptions, type SessionPrincipal } from './auth/auth.service.ts';
import type { Principal } from '../domain/access.ts';
import { createSessionCache } from './auth/session-cache.ts';
import { createDataVersionReader } from './data-version-reader.ts';
import { createListPageCache } from './list-page-cache.ts';
import { createOidcService, type OidcConfig } from './auth/oidc.service.ts';
import { createReportService } from './report.service.ts';
import { createDashboardService } from './dashboard.service.ts';
import { createDemoSeedService } from './demo-seed.service.ts';
import { createForecastService, createNationalDataLoader } from './forecast.service.ts';
import { createNationalService } from './national.service.ts';
import { createNationalSummaryStore } from './national-summary-store.ts';
import { createNationalSummaryRepository } from '../storage/national-summary.repository.ts';
import { createOrganisationService } from './organisation.service.ts';
import { createRegionAdminService } from './region-admin.service.ts';
import { createRegionAdminRepository } from '../storage/region-admin.repository.ts';
import { createProjectService } from './project.service.ts';
import { createProjectExportService } from './project-export.service.ts';
import { createGeoJsonExportService } from './geojson-export.service.ts';
import { createOgcService } from './ogc.service.ts';
import { createOgcRepository } from '../storage/ogc.repository.ts';
import { createGemeenteAggregatesRepository } from '../storage/gemeente-aggregates.repository.ts';
import { createGeoJsonExportRepository } from '../storage/geojson-export.repository.ts';
import { createProjectExportRepository } from '../storage/project-export.repository.ts';
import { createPlanlijstImportGate } from './planlijst-import-gate.service.ts';
import { createImportRunsRepository } from '../storage/import-runs.repository.ts';
import { createPlanlijstImportService } from './planlijst-import.service.ts';
import { createPlanlijstImportRepository } from '../storage/planlijst-import.repository.ts';
import { createLifecycleService } from './lifecycle.service.ts';
import { createLifecycleRepository } from '../storage/lifecycle.repository.ts';
import { createOpenBookService } from './open-book.service.ts';
import { createRealisatiestimulansService } from './realisatiestimulans.service.ts';
import { createRealisatiestimulansRepository } from '../storage/realisatiestimulans.repository.ts';
import { createOpenBookRepository } from '../storage/open-book.repository.ts';
import { createWoningbouwimpulsService } from './woningbouwimpuls.service.ts';
import { createWoningbouwimpulsRepository } from '../storage/woningbouwimpuls.repository.ts';
import { createRealisationService } from './realisation.service.ts';
import { createCbsImportService } from './cbs-import.service.ts';
import { createBagImportService } from './bag-import.service.ts';
import { createGemeenteListService } from './gemeente-list.service.ts';
import { createReferenceService } from './reference.service.ts';
import { createRoundService } from './round.service.ts';
import { createMyRoundService } from './my-round.service.ts';
import { createMyRoundRepository } from '../storage/my-round.repository.ts';
import { createTargetService } from './target.service.ts';

import { createUserAdminService } from './user-admin.service.ts';
import { createUserAdminRepository } from '../storage/user-admin.repository.ts';
import { createInvitationRepository } from '../storage/invitation.repository.ts';
import { createPeopleGeographyRepository } from '../storage/people-geography.repository.ts';
import { createInvitationService } from './invitation.service.ts';
import { createMailer, type MailConfig } from './mail/mailer.service.ts';
import { createPeopleFacts } from './people-facts.ts';
import { createAgendaRepository } from '../storage/agenda.repository.ts';
import { createProposalRepository } from '../storage/proposal.repository.ts';
import { createRoundReminderRepository } from '../storage/round-reminder.repository.ts';
import { createAgendaService } from './agenda.service.ts';
import { createProposalService } from './proposal.service.ts';
import { createRoundReminderService } from './round-reminder.service.ts';
export interface ServiceOptions {
  /** Browser used to render PDF reports. */
  chromiumPath?: string;
  auth?: Partial<AuthOptions>;
  oidc?: OidcConfig | null;
  /** Today's date (YYYY-MM-DD) for the plausibility of dates (tests); default: the clock, in the Netherlands. */
  today?: () => string;
  /** Outgoing mail (SMTP_URL, MAIL_FROM); unset or without smtpUrl: no mail is sent (invitation links are shown instead). */
  mail?: MailConfig | null;
  /** Base URL for links in mails (PUBLIC_URL); unset: the origin of the request. */
  publicUrl?: string | null;
  /** Keep project list pages per data version (LIST_PAGE_CACHE; default true). */
  listPageCache?: boolean;
}

export function createServices(db: Db, options: ServiceOptions = {}) {
  const geography = createGeographyRepository();
  const organisations = createOrganisationRepository();
  const regionAdmin = createRegionAdminRepository();
  const projects = createProjectRepository();
  const knelpunten = createKnelpuntRepository();
  const rounds = createRoundRepository();
  const baselineHistory = createBaselineHistoryRepository();
  const delayReasons = createDelayReasonRepository();
  const dashboards = createDashboardRepository();
  const national = createNationalRepository();
  const realisations = createRealisationRepository();
  const nationalData = createNationalDataLoader({ db, national });
  const nationalSummaries = createNationalSummaryStore({ db, national, summaries: createNationalSummaryRepository() });
  const accounts = createAccountRepository();
  const audit = createAuditRepository();
  const access = createAccessGuard({ geography, publicDemoData: options.auth?.demoMode ?? DEFAULT_AUTH_OPTIONS.demoMode });
  const nationalService = createNationalService({
    db,
    geography,
    national,
    realisations,
    summaries: nationalSummaries,
    audit,
    publicDemoData: access.publicDemoData,
  });
  // Sessions and API tokens looked up recently: the auth service fills them, account changes empty them (session-cache.ts).
  const sessions = createSessionCache<SessionPrincipal>();
  const tokens = createSessionCache<Principal>();
  // The data version read once for concurrent requests; list pages kept per version (issue 15 goal 1).
  const versions = createDataVersionReader(db);
  const listPages = options.listPageCache === false ? undefined : createListPageCache(versions);
  const auth = createAuthService({ db, accounts, audit, options: options.auth, sessions, tokens });
  const userAdmin = createUserAdminRepository();
  const peopleGeography = createPeopleGeographyRepository();
  const peopleFacts = createPeopleFacts(peopleGeography);
  const mailer = createMailer(options.mail);
  const roundService = createRoundService({
    db,
    rounds,
    projects,
    knelpunten,
    baselineHistory,
    delayReasons,
    geography,
    access,
    audit,
    today: options.today,
  });
  const proposals = createProposalRepository();
  const planlijstImport = createPlanlijstImportService({
    db,
    imports: createPlanlijstImportRepository(),
    projects,
    geography,
    realisations,
    audit,
    today: options.today,
  });
  const services = {
    db,
    repositories: { geography, organisations, projects, knelpunten, accounts, audit, dashboards },
    access,
    auth,
    oidc: options.oidc ? createOidcService({ db, accounts, config: options.oidc }) : null,
    // People management (issue 11 items 3 and 5): administrators everyone, province analysts and table secretaries their area.
    users: createUserAdminService({ db, users: userAdmin, audit, facts: peopleFacts, sessions, tokens }),
    // Invitations by e-mail (issue 11 item 3); the mailer is reused by the quarterly-round reminders.
    mailer,
    invitations: createInvitationService({
      db,
      invitations: createInvitationRepository(),
      accounts,
      users: userAdmin,
      facts: peopleFacts,
      geography: peopleGeography,
      audit,
      mailer,
      scryptCost: auth.options.scryptCost,
      publicUrl: options.publicUrl ?? null,
    }),
    projects: createProjectService({
      db,
      listPages,
      projects,
      knelpunten,
      delayReasons,
      geography,
      organisations,
      baselineHistory,
      access,
      audit,
      today: options.today,
    }),
    // Streaming CSV/XLSX exports of the project list (issue 13 part 4): the list's filter and scope.
    projectExports: createProjectExportService({ db, exports: createProjectExportRepository(), publicDemoData: access.publicDemoData }),
    planlijstImport,
    // The planlijst import through the API and web app: who imports where, progress, runs (issue 13 part 1).
    planlijstImports: createPlanlijstImportGate({ db, geography, imports: planlijstImport, runs: createImportRunsRepository() }),
    // The project list streamed as GeoJSON (projects with a location; issue 13 part 4).
    geoJsonExports: createGeoJsonExportService({
      db,
      exports: createGeoJsonExportRepository(),
      publicDemoData: access.publicDemoData,
      aggregates: createGemeenteAggregatesRepository(),
      geography,
    }),
    lifecycle: createLifecycleService({ db, projects, knelpunten, lifecycle: createLifecycleRepository(), access, audit, today: options.today }),
    // Open books (issue 12 item 5): readable only by the project's parties and its table's secretary.
    openBooks: createOpenBookService({ db, projects, openBooks: createOpenBookRepository(), access, audit, today: options.today }),
    // Woningbouwimpuls and Gebiedsbudget (issue 16 parts 2–3): applications, scores, ranking, allocation, requests.
    woningbouwimpuls: createWoningbouwimpulsService({ db, projects, store: createWoningbouwimpulsRepository(), audit, today: options.today }),
    // Realisatiestimulans (issue 16; SPEC §4.1): per gemeente on both counting bases, from the register.
    realisatiestimulans: createRealisatiestimulansService({
      db,
      geography,
      repository: createRealisatiestimulansRepository(),
      audit,
      publicDemoData: access.publicDemoData,
    }),
    rounds: roundService,
    // E-mail reminders of a round, logged on the round (issue 12 item 8).
    roundReminders: createRoundReminderService({
      db,
      rounds: roundService,
      reminders: createRoundReminderRepository(),
      mailer,
      audit,
      publicUrl: options.publicUrl ?? null,
      today: options.today,
    }),
    // Alternatives put forward by the gemeenten of a table (issue 12 item 6).
    proposals: createProposalService({ db, proposals, geography, access, audit, today: options.today }),
    // The table's meeting agenda (issue 12 item 7).
    agenda: createAgendaService({
      db,
      dashboards,
      agenda: createAgendaRepository(),
      geography,
      access,
      roundRecords: rounds,
      rounds: roundService,
      proposals,
      today: options.today,
    }),
    // "Mijn kwartaalronde" (issue 12 item 1): a party's own projects in the open rounds of its tables.
    myRounds: createMyRoundService({ db, myRounds: createMyRoundRepository(), today: options.today }),
    reference: createReferenceService({ db, geography, organisations, regions: regionAdmin }),
    // Versnellingstafels and woondeal regions set up in the application (issue 11 item 1).
    regionAdmin: createRegionAdminService({ db, regions: regionAdmin, organisations, audit, today: options.today }),
    // The organisations register (issue 11 item 2): registering and correcting market parties and corporations.
    organisations: createOrganisationService({ db, organisations, merges: createOrganisationMergeRepository(), audit }),
    // Removing a person's data when they leave (issue 11 item 3): pseudonymisation of a deactivated account.
    pseudonymise: createPseudonymiseService({ db, people: createPseudonymiseRepository(), audit }),
    // Retention (issue 11 item 3): expired sessions, finished invitations, revoked API tokens pruned (POLICY.retention).
    retention: createRetentionService({ db, retention: createRetentionRepository() }),
    reports: createReportService({ chromiumPath: options.chromiumPath ?? '/usr/bin/chromium' }),
    dashboard: createDashboardService({ db, dashboards, delayReasons, geography, access, versions }),
    demoSeed: createDemoSeedService({ db, projects, knelpunten, organisations, dashboards, geography, rounds: roundService }),
    // National roll-up (issue 3). Every target write asks src/domain/access.ts with the caller.
    targets: createTargetService({ db, national, audit }),
    realisations: createRealisationService({ db, realisations, geography, publicDemoData: access.publicDemoData }),
    // Realisation sources (issue 13): CBS TypedDataSet import, BAG statuses, gemeente-list updates.
    cbsImport: createCbsImportService({ db, sources: createRealisationSourcesRepository(), realisations, geography, audit }),
    bagImport: createBagImportService({ db, sources: createRealisationSourcesRepository(), realisations, geography, audit }),
    gemeenteList: createGemeenteListService({
      db,
      gemeenten: createGemeenteListRepository(),
      realisations,
      sources: createRealisationSourcesRepository(),
      audit,
    }),
    forecast: createForecastService({ db, geography, national, realisations, data: nationalData }),
    national: nationalService,
    // What the public sees: aggregates with small cells suppressed (src/domain/disclosure.ts).
    publicStats: createPublicStatsService({
      db,
      geography,
      stats: createPublicStatsRepository(),
      data: nationalData,
      publicDemoData: access.publicDemoData,
      national: nationalService,
    }),
  };
  return {
    ...services,
    // OGC API Features for GIS tools (issue 13 part 4): open-data collections for everyone, projects for the signed-in.
    ogc: createOgcService({
      db,
      ogc: createOgcRepository(),
      publicStats: services.publicStats,
      projects: services.projects,
      reference: services.reference,
      today: options.today,
    }),
  };
}

export type Services = ReturnType<typeof createServices>;
