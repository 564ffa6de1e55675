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

  targets: {
    /** 100,000 new homes a year through 2029. SPEC §3, `001 § Afspraak 19.1`, `004`. */
    nationalHomesPerYear: 100_000,
    /** 2/3 of new homes betaalbaar. SPEC §3, `004 § Woningbouw 2026 en daarna`. */
    affordableShare: 2 / 3,
    /** 30% sociaal. SPEC §3, `004 § Woningbouw 2026 en daarna`. */
    socialShare: 0.3,
  },

  /**
   * Expected share of a plan's homes that is realised, per plan status (hardheid), for the forecast
   * (issue 3). *(design: the seeds give no figures; harder plans drop out less — "Met meer dan 100%
   * plancapaciteit kan vertraging van plannen en planuitval opgevangen worden", `002 § 1`. Change here.)*
   */
  realisation: {
    validFrom: '2025-01-01',
    source: 'ontwerpkeuze (design): de seeds noemen geen percentages; hardere plannen vallen minder vaak uit (002 § 1)',
    byPlanStatus: { onherroepelijk: 0.95, vastgesteld: 0.9, in_voorbereiding: 0.7, visie: 0.5, onbekend: 0.5 },
  },

  plancapaciteit: {
    /** 130% plancapaciteit of the need to 2030 in areas with the largest task; per area adjustable. SPEC §3, `002 § 1`. */
    norm: 1.3,
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

  ppm: {
    /** A project is overdue when not updated in the current or the previous quarter (`001 § 3B`: "elk kwartaal geüpdatet"). *(design)* */
    overdueAfterQuarters: 1,
  },
} as const;

export type Policy = typeof POLICY;
