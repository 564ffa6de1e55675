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
} as const;

export type Policy = typeof POLICY;
