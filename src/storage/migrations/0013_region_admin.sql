-- Versnellingstafels and woondeal regions managed in the application (issue 11 item 1; SPEC §2 "Geography",
-- "Quarterly round"; `001 § Afspraak 3B`: a versnellingstafel in every region, with parties joining and leaving).
-- * regions: a version for optimistic locking, when it was created here (NULL for regions from before) and the
--   date a table stopped (NULL: it runs); `synthetic` for a region created by a demo account (demo data, SPEC §7).
-- * region_gemeente_periods: which gemeenten a region covered in which quarters. from_quarter NULL = since before
--   the monitor; until_quarter NULL = still (the last quarter included otherwise). region_gemeenten stays the
--   current coverage that the rounds, dashboards and project filters read; it is filled from the open periods.
-- * region_organisations: the member organisations of a table (market parties, corporations, provinces, ...).
-- Every existing row is kept; the history starts with one open period per current gemeente of a region.
ALTER TABLE regions ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE regions ADD COLUMN created_at timestamptz;
ALTER TABLE regions ADD COLUMN ended_on date;
ALTER TABLE regions ADD COLUMN synthetic boolean NOT NULL DEFAULT false;

CREATE TABLE region_gemeente_periods (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  gemeente_code text NOT NULL REFERENCES gemeenten (code),
  from_quarter text CHECK (from_quarter ~ '^[0-9]{4}-Q[1-4]$'),
  until_quarter text CHECK (until_quarter ~ '^[0-9]{4}-Q[1-4]$'),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT region_gemeente_periods_order CHECK (from_quarter IS NULL OR until_quarter IS NULL OR from_quarter <= until_quarter)
);
-- At most one open period per gemeente and region.
CREATE UNIQUE INDEX region_gemeente_periods_one_open ON region_gemeente_periods (region_id, gemeente_code) WHERE until_quarter IS NULL;
CREATE INDEX region_gemeente_periods_gemeente_idx ON region_gemeente_periods (gemeente_code);

INSERT INTO region_gemeente_periods (region_id, gemeente_code, from_quarter, until_quarter)
SELECT region_id, gemeente_code, NULL, NULL FROM region_gemeenten;

CREATE TABLE region_organisations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  joined_on date NOT NULL DEFAULT CURRENT_DATE,
  left_on date,
  CONSTRAINT region_organisations_order CHECK (left_on IS NULL OR left_on >= joined_on)
);
-- An organisation is a current member of a table at most once (it may leave and join again later).
CREATE UNIQUE INDEX region_organisations_one_current ON region_organisations (region_id, organisation_id) WHERE left_on IS NULL;
CREATE INDEX region_organisations_organisation_idx ON region_organisations (organisation_id);
