-- Sums per gemeente behind the national overview (issue 15 goal 4; src/domain/national-summary.ts). Derived from
-- the projects, not data of their own: each row holds the fingerprint of the gemeente's projects it was made from
-- and is made again when that changes, so a new server process reads a few hundred summaries instead of every
-- project in the country. No data_version trigger (making figures must not move the version the figures are
-- kept by), and left out of backups (src/storage/backup.ts DERIVED_TABLES): a restored database makes them again.
-- variant 'alle': every counted project; 'demo': the synthetic demo projects only (src/domain/access.ts).
CREATE TABLE national_gemeente_summaries (
  variant text NOT NULL CHECK (variant IN ('alle', 'demo')),
  gemeente_code text NOT NULL,
  fingerprint text NOT NULL,
  summary text NOT NULL, -- JSON (GemeenteSummary), as written: read back without conversion
  -- The gemeente's projects as simulation input (packSimulationProjects): 32-bit integers, little-endian.
  simulation_input bytea NOT NULL,
  PRIMARY KEY (variant, gemeente_code)
);

-- The simulation runs of one gemeente (homes per run and year, float64 little-endian) for one set of options,
-- valid while the gemeente's fingerprint and the observed delays of the whole country (delays_key) are the same.
CREATE TABLE national_simulation_pieces (
  variant text NOT NULL CHECK (variant IN ('alle', 'demo')),
  options text NOT NULL,
  gemeente_code text NOT NULL,
  fingerprint text NOT NULL,
  delays_key text NOT NULL,
  runs_by_year bytea NOT NULL,
  PRIMARY KEY (variant, options, gemeente_code)
);

-- The data version at which every summary of a variant was last checked against the projects: while the data
-- version is the same, no fingerprint has to be read.
CREATE TABLE national_summary_state (
  variant text PRIMARY KEY CHECK (variant IN ('alle', 'demo')),
  data_version bigint NOT NULL,
  changed_at timestamptz NOT NULL
);


-- Figures of the overview that read every project but are not sums per gemeente (the PPM use per area counts
-- distinct organisations), kept per data version: a new server process reads them while the data is unchanged.
CREATE TABLE national_kept_figures (
  key text PRIMARY KEY,
  data_version bigint NOT NULL,
  changed_at timestamptz NOT NULL,
  value text NOT NULL -- JSON
);
