/**
 * Policy figures and design defaults, dated, each with its source (SPEC section / seed).
 * Nothing else in the code base may hard-code one of these values.
 */
export const POLICY = {
  /** Date from which these figures are the ones in force. */
  validFrom: '2025-01-01',

  delay: {
    /** A milestone is delayed when later than baseline by more than this. SPEC §2 (design: default 3 months). */
    toleranceMonths: 3,
    /** "Serious" delay threshold. SPEC §2 (design: beyond 12 months). */
    seriousMonths: 12,
  },

  knelpunten: {
    /**
     * Without an open quarterly round, an escalation to the table counts as new on the Tafeloverzicht for this many
     * months (one quarter, the rhythm of the table). SPEC §2 "Quarterly round" (design).
     */
    newEscalationMonths: 3,
    /** Longest text of a reason (escalation, delay) and of a description. (design) */
    maxReasonLength: 2000,
  },

  targets: {
    /** 100,000 new homes a year through 2029. SPEC §3, `001 § Afspraak 19.1`, `004`. */
    nationalHomesPerYear: 100_000,
    /** 2/3 of new homes betaalbaar. SPEC §3, `004 § Woningbouw 2026 en daarna`. */
    affordableShare: 2 / 3,
    /** 30% sociaal. SPEC §3, `004 § Woningbouw 2026 en daarna`. */
    socialShare: 0.3,
  },

  /**
   * Woningbouwimpuls (Wbi), the project-bound specifieke uitkering for bottlenecks the Realisatiestimulans does not
   * cover. SPEC §4.2; `001 § Afspraak 19.2` (Bijlage bij Kamerbrief Woontop, december 2024). Used by
   * src/domain/instruments/woningbouwimpuls.ts.
   */
  woningbouwimpuls: {
    validFrom: '2025-01-01',
    source: 'Bijlage bij de Kamerbrief over de Woontop (december 2024), afspraak 19.2 Woningbouwimpuls',
    /** "In de periode tot 2029 is er € 470 miljoen beschikbaar, die in meerdere tranches beschikbaar komt." */
    totalBudgetEuros: 470_000_000,
    budgetUntilYear: 2029,
    /** "Project bestaat uit minimaal 200 aantal woningen." */
    minHomes: 200,
    /** "Het aantal woningen in het betaalbare segment betreft meer dan 50%" — strictly more than this share. */
    minAffordableShareExclusive: 0.5,
    /**
     * "… en minder dan het aandeel dat noodzakelijk is de Woondealambities te behalen": reads like a drafting error
     * (SPEC §4.2). Optional upper bound, off (null) unless set here as a share (e.g. 0.9). *(design)*
     */
    maxAffordableShareExclusive: null as number | null,
    /** "Medeoverheden dragen minimaal 50% bij aan cofinanciering." */
    minCofinancingShare: 0.5,
    /** "… uiterlijk binnen drie jaar na toekenning starten met bouwen van de eerste woningen en uiterlijk binnen tien jaar met de laatste woningen." */
    firstStartWithinYears: 3,
    lastStartWithinYears: 10,
    /** "De rangschikking vindt plaats op basis van de behaalde scores": four criteria, 25% each. */
    criterionWeights: { noodzaak: 0.25, effectiviteit: 0.25, efficientie: 0.25, urgentie: 0.25 },
    /** Committee scores are entered on this scale (whole numbers 0..max). *(design: the seeds give weights, no scale)* */
    scoreMax: 10,
    /**
     * Allocation *(design, SPEC §4.2 "Awarding in ranking order until the tranche budget is spent is (design), as is the
     * handling of ties")*: applications are awarded in ranking order; equal total scores are ordered by the
     * higher Noodzaak score, then by fewer euros asked per affordable home (efficiency), then by the earlier filing.
     * The first application that no longer fits gets the rest of the budget as a partial award when the rest is at
     * least this share of what it asked; otherwise it gets nothing. Allocation stops there: what is left stays for the
     * next tranche (never skip down the ranking to a smaller, lower-ranked application).
     */
    partialAwardMinShare: 0.5,
    allocationRuleText:
      'Aanvragen krijgen geld in de volgorde van de rangschikking, tot het budget van de tranche op is. Bij een gelijke totaalscore gaat de aanvraag met de hoogste score op Noodzaak voor; is die ook gelijk, dan de aanvraag die het minste geld vraagt per betaalbare woning; daarna de aanvraag die het eerst is ingediend. De eerste aanvraag die niet meer helemaal past, krijgt het restant als gedeeltelijke bijdrage als dat restant minstens de helft is van wat zij vraagt; anders krijgt zij niets. Daarna stopt de verdeling: wat overblijft gaat naar de volgende tranche. Dit is een eigen werkafspraak van de Woningbouwmonitor; de beleidsstukken regelen dit niet.',
  },

  /**
   * Gebiedsbudget for the Rijk-designated grootschalige woningbouwgebieden. SPEC §4.3; `001 § Afspraak 19.3`.
   * Used by src/domain/instruments/gebiedsbudget.ts.
   */
  gebiedsbudget: {
    validFrom: '2025-01-01',
    source: 'Bijlage bij de Kamerbrief over de Woontop (december 2024), afspraak 19.3 Gebiedsbudget',
    /** "Het uitkeringsplafond voor het gebiedsbudget betreft ca. € 900 miljoen." */
    ceilingEuros: 900_000_000,
    /** "… op regionale schaal 2/3 betaalbaar te realiseren." */
    regionalAffordableShare: 2 / 3,
    /** "De realisatie van de laatste woningen vindt uiterlijk plaats in 2034 …" */
    lastHomesByYear: 2034,
    /** "… waarbij aantoonbaar een substantieel aantal woningen voor 2030 wordt gerealiseerd." */
    substantialBeforeYear: 2030,
    /**
     * What counts as "substantieel" before 2030: at least this share of the area's homes. *(design: the seeds give no
     * figure; a third is our own working assumption — change here)*
     */
    substantialShareBefore: 1 / 3,
    /** "De bijdrage van het Rijk … betreft maximaal 50% van de totale benodigde investering onder de voorwaarde dat de regio minimaal eenzelfde bijdrage reserveert." */
    maxRijkShare: 0.5,
  },

  /**
   * Expected share of a plan's homes that is realised, per plan status (hardheid), for the forecast
   * (issue 3). *(design: the seeds give no figures; harder plans drop out less — "Met meer dan 100%
   * plancapaciteit kan vertraging van plannen en planuitval opgevangen worden", `002 § 1`. Change here.)*
   */
  realisation: {
    validFrom: '2025-01-01',
    source:
      'Eigen aanname van de Woningbouwmonitor: de beleidsstukken noemen geen percentages. Hardere plannen vallen minder vaak uit (Kamerbrief over woningbouw van de minister van BZK, 2020).',
    byPlanStatus: { onherroepelijk: 0.95, vastgesteld: 0.9, in_voorbereiding: 0.7, visie: 0.5, onbekend: 0.5 },
  },

  plancapaciteit: {
    /** 130% plancapaciteit of the need to 2030 in areas with the largest task; per area adjustable. SPEC §3, `002 § 1`. */
    norm: 1.3,
    /** "130% plancapaciteit tot 2030": the norm's last year (`002 § 1`); later periods get no verdict unless a norm is set for the area. */
    normUntil: 2030,
    /**
     * Areas "met de grootste opgave" where the 130% applies without an area setting (area ids such as
     * `provincie:PV28`). A setting, not a source: `002 § 1` names no such areas, only examples where 130%
     * is "niet altijd nodig" (krimp-/grensregio's, delen van het Groene Hart en Noord-Brabant). Empty:
     * no verdict anywhere until a norm is set per area (PUT /national/plancapaciteit/normen/{area}, with a reason).
     */
    largestTaskAreas: [] as readonly string[],
    /** How the source is named on screen. */
    normSource:
      'Kamerbrief over de aanpak van het woningtekort (ministerie van BZK, 2020): 130% plancapaciteit tot 2030 in de gebieden met de grootste opgave, niet overal nodig',
    /** Last year of the first period ("tot 2030", `002 § 1`; jaarschijven through 2030, `001 § Afspraak 3A`). */
    firstPeriodEnd: 2030,
    /** The second period: programming 2031–2035 (`001 § Afspraak 3A`; the heading says 2031–2034, the text 2031–2035). */
    secondPeriod: { from: 2031, to: 2035 },
  },

  simulation: {
    /** Monte-Carlo runs of the forecast band and the seed used when none is given. *(design: 100 runs put P10/P90 within a few percent; ask for more per request)* */
    runs: 100,
    maxRuns: 2000,
    seed: 20250101,
  },

  /**
   * Plausible dates of milestones, knelpunten and rounds (issue 8; SPEC §2 "Phases and milestones":
   * a baseline is the agreed plan, a forecast the expected date, an actual date the day it happened).
   * *(design, in force from 2026-12-01)*. Reasons:
   * - an actual date (gehaald op, knelpunt gemeld/opgelost) records something that happened, so it
   *   cannot lie after today (an M12 "gehaald" in 2030 would count the homes as delivered now);
   * - no plan in the register goes back further than 1990 (the register follows plans for the housing
   *   task to 2030 and the programming 2031–2035, `001 § Afspraak 3A`), so an earlier date is a typo;
   * - the longest area developments (grootschalige woningbouwgebieden, NOVEX) run for decades, but
   *   nothing is planned after 2075; a later year (9999, 2207) is a typo and breaks every time axis.
   */
  plausibleDates: {
    validFrom: '2026-12-01',
    earliest: '1990-01-01',
    latestPlanned: '2075-12-31',
  },

  disclosure: {
    /**
     * Public aggregates (maps, counts per gemeente and province, the national overview for the public):
     * a figure built from fewer projects than this is not shown, and where a published total would let
     * one compute it back, a second cell is hidden too. SPEC §1 (public: "aggregated open data and maps;
     * no project-level confidential data"), §7 ("the PPM is a confidential working tool … the public sees
     * aggregates"). *(design: 3 is the usual minimum cell size in published statistics — with 1 a figure is
     * one project's, with 2 either party can compute the other's. Change here.)*
     */
    minProjects: 3,
    validFrom: '2026-12-01',
    source: 'Eigen afspraak van de Woningbouwmonitor: de monitor is een vertrouwelijk werkinstrument; het publiek ziet alleen totalen',
  },

  invitations: {
    /**
     * An invitation link works this many days (issue 11 item 3). *(design: our own choice — long enough for someone
     * on leave for a week, short enough that a forwarded or forgotten mail does not stay a way in. Change here.)*
     */
    validDays: 7,
  },

  retention: {
    /**
     * How long what the monitor keeps about people's sign-in is kept once it is of no use any more (issue 11 item 3,
     * "Personal data"). Basis: AVG/GDPR art. 5(1)(e), storage limitation — personal data no longer kept than needed for
     * the purpose. The periods are our own choice *(design: change here)*:
     * - an expired browser session (its browser name and times) goes 30 days after it expired: long enough to look
     *   into a sign-in problem or incident reported a few weeks late;
     * - an invitation that was used, expired or revoked (the invitee's name and e-mail address) goes 90 days after
     *   that moment: one quarter, so a table's question "who did we invite, and did it arrive?" can still be answered
     *   in the next quarterly round;
     * - a revoked API token (its name and last use) goes 1 year after it was revoked: what was done with it stays
     *   readable in the audit trail by the account that owned it, and the token's record shows when it stopped.
     * The audit trail itself is kept (SPEC §7: append-only); a person who leaves is pseudonymised there instead.
     */
    expiredSessionDays: 30,
    finishedInvitationDays: 90,
    revokedApiTokenDays: 365,
    /** The server prunes at start and then every this many hours. */
    pruneEveryHours: 6,
    validFrom: '2026-12-01',
    source: 'AVG (Verordening (EU) 2016/679) art. 5 lid 1 onder e, opslagbeperking; termijnen: eigen keuze van de Woningbouwmonitor',
  },

  openBook: {
    /**
     * Open-book figures of a project's grondexploitatie (issue 12 item 5; SPEC §2 "confidential open-book figures
     * (grondexploitatie totals, onrendabele top)"; `001 § Afspraak 3B`: parties talk "op basis van het open
     * boekenprincipe"). Each amount is in whole euros and at most this much: the largest area developments
     * (grootschalige woningbouwgebieden, NOVEX) have grondexploitaties of a few billion euros; ten billion for one
     * project is a typo (a figure in cents, or three zeros too many). *(design: our own bound. Change here.)*
     */
    maxAmountEuros: 10_000_000_000,
    validFrom: '2026-12-02',
    source: 'Eigen bovengrens van de Woningbouwmonitor: de grootste gebiedsontwikkelingen hebben een grondexploitatie van enkele miljarden euro’s',
  },

  /**
   * Realisatiestimulans (issue 16; SPEC §4.1). Amounts in whole euros. Every figure is dated and names its source;
   * on screen the source is named by title and date (`sourceTitle`), never by a section code.
   */
  realisatiestimulans: {
    /**
     * €7,000 ex BTW per affordable home "waarvan vanaf 2025 de bouw gestart is", Beter Benutten included
     * (`000 § Beter benutten`; `001 § Afspraak 19.1` said "gemiddeld € 7.000 … afhankelijk van nadere detaillering").
     */
    amountPerHomeEuros: 7_000,
    /** Homes counted in 2025 through 2029 (`001 § Afspraak 19.1`: "tussen 2025 en 2029"; Staatscourant 2025-36777: starts from 2025, last payment 2030 for starts in 2029). */
    firstYear: 2025,
    lastYear: 2029,
    /** Paid in Q4 of the year after the year counted (`001 § 19.1`: at most one year after realisation, yearly in Q4 2026–2030). */
    paymentDelayYears: 1,
    paymentQuarter: 4,
    /** €1.6bn of the €2.5bn for affordable homes: 170,000 social and middle rent + 60,000 affordable purchase through 2029 (`001 § Afspraak 19.1`). */
    budgetEuros: 1_600_000_000,
    /** €0.9bn for supplements ("Aanvullende opslagen nader in te vullen", `001 § Afspraak 19.1`). */
    supplementBudgetEuros: 900_000_000,
    /** €180m reserved within the supplements for homes in NPLV stedelijke focusgebieden (`001 § Afspraak 19.1`). */
    nplvReservedEuros: 180_000_000,
    /** The homes the €1.6bn is meant for (`001 § Afspraak 19.1`). */
    plannedHomes: { socialAndMiddleRent: 170_000, affordablePurchase: 60_000 },
    /**
     * Supplement amounts: NOT fixed by policy ("zal na de Woontop nog nader uitgewerkt worden", `001 § Afspraak 19.1`).
     * Defaults 0 = not set; the ministry tries amounts on the page (query parameters), which are marked "niet
     * vastgelegd in beleid" wherever shown. *(design)*
     */
    supplementDefaults: { nplvPerHomeEuros: 0, elkeRegioTeltPerHomeEuros: 0, ouderenPerHomeEuros: 0, capaciteitPerGemeenteEuros: 0 },
    /**
     * The gemeenten of the "Elke Regio Telt" regions: not in the seeds nor in our reference data (SPEC §2 names the
     * region type only). Empty until the list is configured here: the supplement then counts no homes. *(design)*
     */
    elkeRegioTeltGemeenten: [] as readonly string[],
    /**
     * How earlier national contributions to the same project are taken into account (`001 § 19.1`: "wordt rekening
     * gehouden met"; SPEC §4.1). The mechanism is not fixed in the seeds *(design)*; the default follows the published
     * regulation (Staatscourant 2025-36777: homes already supported by other national schemes are excluded):
     * - `woningen_uitsluiten`: a project with an earlier national contribution earns nothing;
     * - `bedrag_aftrekken`: the contribution is deducted from the project's entitlement (never below zero);
     * - `geen`: no deduction (the gross entitlement).
     */
    deductionRule: 'woningen_uitsluiten' as 'geen' | 'woningen_uitsluiten' | 'bedrag_aftrekken',
    /** Earlier national schemes named in the seeds (`001 § 19.1`; SPEC §4.1 "Other schemes that may overlap"). */
    earlierSchemes: ['woningbouwimpuls', 'startbouwimpuls', 'rha', 'sft', 'transformatiefaciliteit', 'dfr', 'har_plus', 'overig'] as const,
    /** Project origins that are Beter Benutten, counted like new homes (`000 § Beter benutten`: transformatie, splitsen en optoppen). */
    beterBenuttenOrigins: ['transformatie', 'splitsen', 'optoppen'] as const,
    /**
     * A building of onzelfstandige woonruimten counts as betaalbaar whatever its declared segment (Staatscourant
     * 2025-36777 art. 1.1; SPEC §2 "Segments"). In the register that is the origin woningdelen/onzelfstandig.
     */
    onzelfstandigOrigins: ['woningdelen'] as const,
    /** Doelgroepen of the elderly-housing supplement: zorggeschikt and geclusterd housing (`001 § 19.1` "Woningbouw voor ouderen"). */
    ouderenDoelgroepen: ['ouderen', 'woonzorg'] as const,
    /** How the regulation is named on screen. */
    sourceTitle: 'Tijdelijke regeling realisatiestimulans (Staatscourant 2025, nr. 36777)',
    seedTitle: 'Bijlage bij de Woontop-afspraken (december 2024), afspraak 19.1, en de Kamerbrief van 17 november 2025 over Beter Benutten',
    /**
     * The segment limits of the regulation, dated (published; SPEC §2 "Segments"; they change every year: add a line
     * per year, the latest line on or before the counted date applies). Figures of 2025 as published; check each new
     * year against the regulation.
     */
    segmentLimits: [
      {
        validFrom: '2025-01-01',
        /** Sociale huur: starting rent below the huurtoeslag limit (Wet op de huurtoeslag art. 13 lid 1 onder a). */
        huurtoeslaggrensEuros: 900.07,
        /** Middenhuur: from the huurtoeslag limit up to the middle-rent ceiling, 186 WWS points (Besluit huurprijzen woonruimte art. 2 lid 1). */
        middenhuurPunten: 186,
        middenhuurGrensEuros: 1184.82,
        /** Betaalbare koop: first sale price (v.o.n.) at or below the limit of Huisvestingswet 2014 art. 7 lid 2. */
        betaalbareKoopGrensEuros: 405_000,
      },
    ],
  },

  ppm: {
    /** A project is overdue when not updated in the current or the previous quarter (`001 § 3B`: "elk kwartaal geüpdatet"). *(design)* */
    overdueAfterQuarters: 1,
  },
} as const;

export type Policy = typeof POLICY;
