/**
 * Every query key of the web app, built here and nowhere else. Keys are arrays from general to
 * specific, so a change invalidates a whole family by its prefix: `['project', id]` covers the project
 * and its changes, snapshots, alternatives and baseline history; `['dashboard']` every Tafeloverzicht;
 * `['round']` every quarterly round. Data that depends on who is signed in is dropped from the cache
 * when the user changes (AuthContext), so keys do not name the user — except where a loader asks a
 * different question per kind of user (`syntheticCount`). A key never holds a refetch counter: to
 * fetch again, invalidate or call `reload`.
 */

export const queryKeys = {
  /** Reference lists: change rarely, kept for the whole visit (see REFERENCE_STALE_TIME). */
  reference: {
    gemeenten: ['reference', 'gemeenten'] as const,
    provincies: ['reference', 'provincies'] as const,
    regions: ['reference', 'regions'] as const,
    /** One region's detail (Tafels inrichten): gemeenten, history, members. */
    region: (regionId: string) => ['reference', 'regions', regionId] as const,
    organisations: ['reference', 'organisations'] as const,
    geo: (kind: 'provincies' | 'gemeenten') => ['reference', 'geo', kind] as const,
    /** A page's combination of reference lists (one loading state for the page). */
    bundle: (page: string, ...variant: (string | boolean)[]) => ['reference', 'bundle', page, ...variant] as const,
    /** Every page's bundle (they may hold the organisations). */
    bundles: ['reference', 'bundle'] as const,
  },

  /** The project list (Projecten) and counts taken from it. */
  projects: {
    all: ['projects'] as const,
    /** One page of the list; `query` is the API query string (filters, sort, paging). */
    list: (query: string) => ['projects', 'list', query] as const,
    /** Whether there are demo projects, per kind of user asking (the demo banner). */
    syntheticCount: (who: string) => ['projects', 'synthetic-count', who] as const,
  },

  /** One project and what is shown with it. */
  project: {
    all: ['project'] as const,
    detail: (projectId: string) => ['project', projectId] as const,
    changes: (projectId: string, since: string | null) => ['project', projectId, 'changes', since ?? ''] as const,
    snapshots: (projectId: string) => ['project', projectId, 'snapshots'] as const,
    alternatives: (projectId: string) => ['project', projectId, 'alternatives'] as const,
    baselineHistory: (projectId: string) => ['project', projectId, 'baseline-history'] as const,
    /** Its open book (only for its parties and its table's secretary). */
    openBook: (projectId: string) => ['project', projectId, 'open-book'] as const,
  },

  /** Tafeloverzicht (and its report) of a region. */
  dashboard: {
    all: ['dashboard'] as const,
    detail: (regionId: string) => ['dashboard', regionId] as const,
    /** The map points of a Tafeloverzicht. */
    mapPoints: (regionId: string) => ['dashboard', regionId, 'map-points'] as const,
    /** The gemeenten's proposals for alternatives of a table. */
    proposals: (regionId: string) => ['dashboard', regionId, 'proposals'] as const,
    /** The table's meeting agenda. */
    agenda: (regionId: string) => ['dashboard', regionId, 'agenda'] as const,
  },

  /** Quarterly rounds: per region, and per round. */
  round: {
    all: ['round'] as const,
    /** The rounds of a region (Kwartaalronde). */
    list: (regionId: string) => ['round', 'region', regionId, 'list'] as const,
    /** The open (or else latest) round of a region with its delivery status (Tafeloverzicht). */
    current: (regionId: string) => ['round', 'region', regionId, 'current'] as const,
    detail: (roundId: string) => ['round', 'id', roundId] as const,
    /** Mijn kwartaalronde: the signed-in party's own projects in its open rounds (also the open-round notice). */
    mine: ['round', 'mine'] as const,
    projects: (roundId: string, query: string) => ['round', 'id', roundId, 'projects', query] as const,
    reminders: (roundId: string) => ['round', 'id', roundId, 'reminders'] as const,
  },

  /** The signed-in Kaart: project counts and points. */
  map: {
    all: ['map'] as const,
    counts: (provincie: string) => ['map', 'counts', provincie] as const,
  },

  /** National roll-up (Landelijk). */
  national: {
    all: ['national'] as const,
    overview: (year: number | null) => ['national', 'overview', year] as const,
    bagRealisations: ['national', 'realisations-bag'] as const,
    /** Every plancapaciteit answer (prefix). */
    plancapaciteitAll: ['national', 'plancapaciteit'] as const,
    /** Plancapaciteit against need; `query` is the API query string (area, fromYear, breakdown). */
    plancapaciteit: (query: string) => ['national', 'plancapaciteit', query] as const,
    /** The plancapaciteit norms set per area. */
    norms: ['national', 'plancapaciteit-norms'] as const,
  },

  /** Targets as dated data (Doelen). */
  targets: {
    all: ['targets'] as const,
    list: ['targets', 'list'] as const,
  },

  /** Mijn account: the signed-in person's own API tokens and browser sessions. */
  account: {
    all: ['account'] as const,
    tokens: ['account', 'tokens'] as const,
    sessions: ['account', 'sessions'] as const,
  },

  /** Mensen (administrators): everyone's accounts. */
  people: {
    all: ['people'] as const,
    /** Open invitations, and the roles and scopes one may invite to (under `people`: refreshed with it). */
    invitations: ['people', 'invitations'] as const,
    choices: ['people', 'choices'] as const,
    /** What an invitation link is for (the public accept page). */
    invitation: (token: string) => ['invitation', token] as const,
  },

  /** Figures anyone may see (public map and totals). */
  public: {
    all: ['public'] as const,
    aggregates: (level: 'gemeente' | 'provincie', provincie: string | null) => ['public', 'aggregates', level, provincie ?? 'nl'] as const,
    /** The public Kaart: boundaries with the per-gemeente aggregates. */
    map: ['public', 'map'] as const,
    /** Open data per gemeente of one quarter. */
    openData: (quarter: string) => ['public', 'open-data', quarter] as const,
  },
} as const;
