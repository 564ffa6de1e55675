-- Housing targets as dated data with their source (SPEC §3). A target covers a period of years for one
-- geography: the nation (NL01), a provincie (PVxx), a gemeente (GMxxxx) or a region (regions.id).
CREATE TABLE targets (
  id uuid PRIMARY KEY,
  geo_level text NOT NULL CHECK (geo_level IN ('nation', 'provincie', 'region', 'woondeal_region', 'gemeente')),
  -- Code of the geography; NULL for a woondeal region that is only known by name.
  geo_code text,
  geo_name text NOT NULL,
  period_start integer NOT NULL,
  period_end integer NOT NULL CHECK (period_end >= period_start),
  homes integer NOT NULL CHECK (homes >= 0),
  kind text NOT NULL,
  source_url text,
  source_quote text,
  is_example boolean NOT NULL DEFAULT false,
  -- Where two targets exist for the same geography and period, the preferred one counts.
  preferred boolean NOT NULL DEFAULT true
);
CREATE INDEX targets_geo_idx ON targets (geo_level, geo_code);
