-- National roll-up (issue 3): herindelingen for mapping CBS figures onto 2025 gemeenten, special targets
-- (metric, unit, share) with optimistic locking, per-area plancapaciteit norms, and the opleveringen the
-- monitor records (milestone M12). Runs unchanged on PGlite (PostgreSQL 18) and PostgreSQL 15.

-- Gemeentelijke herindelingen 2012-2025 (data/reference/herindelingen_2012_2025.csv): one row per
-- predecessor code and successor. A split (opsplitsing) has several successors with a weight each; the
-- share of a successor is its weight over the sum of the predecessor's weights. A successor may itself
-- have been merged later (a chain); the domain follows the chain to the 2025 gemeente.
CREATE TABLE herindelingen (
  gemeente_code text NOT NULL CHECK (gemeente_code ~ '^GM[0-9]{4}$'),
  gemeente_name text NOT NULL,
  year integer NOT NULL,
  effective_date date NOT NULL,
  event text NOT NULL CHECK (event IN ('samenvoeging', 'opsplitsing', 'naamswijziging')),
  successor_code text NOT NULL CHECK (successor_code ~ '^GM[0-9]{4}$'),
  successor_name text NOT NULL,
  weight numeric NOT NULL CHECK (weight > 0),
  weight_basis text NOT NULL,
  verification text NOT NULL,
  PRIMARY KEY (gemeente_code, successor_code)
);

-- Targets of SPEC section 3 beyond the housing total: what is counted (metric), in which unit, and a
-- share for targets that are a fraction (2/3 betaalbaar). Count targets keep using `homes`.
ALTER TABLE targets ADD COLUMN metric text NOT NULL DEFAULT 'woningbouw';
ALTER TABLE targets ADD COLUMN unit text NOT NULL DEFAULT 'woningen'
  CHECK (unit IN ('woningen', 'woningen_per_jaar', 'aandeel', 'kamers'));
ALTER TABLE targets ADD COLUMN share numeric CHECK (share > 0 AND share <= 1);
ALTER TABLE targets ALTER COLUMN homes DROP NOT NULL;
ALTER TABLE targets ADD CONSTRAINT targets_figure_check
  CHECK ((unit = 'aandeel' AND share IS NOT NULL AND homes IS NULL) OR (unit <> 'aandeel' AND homes IS NOT NULL AND share IS NULL));
-- The seed section the figure comes from, e.g. "001 § Afspraak 19.1"; a remark on how it is read.
ALTER TABLE targets ADD COLUMN source_ref text;
ALTER TABLE targets ADD COLUMN note text;
ALTER TABLE targets ADD COLUMN source_published text;
ALTER TABLE targets ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE targets ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE targets ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
CREATE INDEX targets_metric_idx ON targets (metric, geo_level, geo_code);

-- The 130% plancapaciteit norm per area where it differs from the default in policy.ts
-- (SPEC section 3, 002 § 1: "niet altijd nodig" in krimp-/grensregio's and rural areas).
-- area_id uses the area notation of the API: a region id, gemeente:GM..., corop:CR..., provincie:PV..., or nl.
CREATE TABLE plancapaciteit_normen (
  area_id text PRIMARY KEY,
  norm numeric NOT NULL CHECK (norm > 0 AND norm <= 5),
  reason text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Opleveringen recorded in the monitor: the actual date of milestone M12 with its homes (a partial
-- oplevering states its homes; otherwise the project's total counts). A view, so it never runs out of
-- step with the milestones.
CREATE VIEW project_opleveringen AS
  SELECT p.id AS project_id, p.gemeente_code, m.actual_date,
    CAST(extract(year FROM m.actual_date) AS integer) AS year,
    COALESCE(m.homes, p.total_homes) AS homes,
    (m.homes IS NOT NULL) AS partial,
    p.synthetic
  FROM projects p JOIN project_milestones m ON m.project_id = p.id AND m.code = 'M12'
  WHERE m.actual_date IS NOT NULL;

CREATE INDEX project_milestones_code_idx ON project_milestones (code, project_id);
