-- Project register (PPM core): reference geography, organisations, projects and their parts.
-- Runs unchanged on PGlite (PostgreSQL 18) and PostgreSQL 15: no 16+ features.

CREATE TABLE provincies (
  code text PRIMARY KEY CHECK (code ~ '^PV[0-9]{2}$'),
  name text NOT NULL,
  geometry jsonb
);

CREATE TABLE gemeenten (
  code text PRIMARY KEY CHECK (code ~ '^GM[0-9]{4}$'),
  name text NOT NULL,
  provincie_code text NOT NULL REFERENCES provincies (code),
  corop_code text NOT NULL,
  corop_name text NOT NULL,
  geometry jsonb
);
CREATE INDEX gemeenten_provincie_idx ON gemeenten (provincie_code);

-- CBS StatLine 81955NED, per gemeente and year in that year's classification (codes may no longer exist).
CREATE TABLE cbs_woningvoorraad (
  gemeente_code text NOT NULL,
  year integer NOT NULL,
  code_in_2025_list boolean NOT NULL,
  begin_stock integer,
  new_construction integer,
  other_additions integer,
  demolition integer,
  other_withdrawals integer,
  correction integer,
  net_change integer,
  end_stock integer,
  PRIMARY KEY (gemeente_code, year)
);

CREATE TABLE regions (
  id text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('woondealregio', 'versnellingstafel')),
  name text NOT NULL,
  is_example boolean NOT NULL DEFAULT false
);

CREATE TABLE region_gemeenten (
  region_id text NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  gemeente_code text NOT NULL REFERENCES gemeenten (code),
  PRIMARY KEY (region_id, gemeente_code)
);
CREATE INDEX region_gemeenten_gemeente_idx ON region_gemeenten (gemeente_code);

CREATE TABLE organisations (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  type text NOT NULL,
  gemeente_code text REFERENCES gemeenten (code),
  synthetic boolean NOT NULL DEFAULT false
);

CREATE TABLE projects (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  gemeente_code text NOT NULL REFERENCES gemeenten (code),
  provincie_code text NOT NULL REFERENCES provincies (code),
  description text,
  plan_status text NOT NULL,
  origin text NOT NULL,
  flags text[] NOT NULL DEFAULT '{}',
  lon double precision,
  lat double precision,
  synthetic boolean NOT NULL DEFAULT false,
  -- Derived by the domain on every write (src/domain/derive.ts), stored for filtering at national scale.
  phase text NOT NULL,
  status text NOT NULL,
  total_homes integer NOT NULL CHECK (total_homes >= 0),
  affordable_homes integer NOT NULL CHECK (affordable_homes >= 0),
  social_homes integer NOT NULL CHECK (social_homes >= 0),
  max_delay_months integer NOT NULL DEFAULT 0,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX projects_gemeente_idx ON projects (gemeente_code, name);
CREATE INDEX projects_provincie_idx ON projects (provincie_code, name);
CREATE INDEX projects_plan_status_idx ON projects (plan_status);
CREATE INDEX projects_phase_idx ON projects (phase);
CREATE INDEX projects_status_idx ON projects (status);
CREATE INDEX projects_name_idx ON projects (name);
CREATE INDEX projects_flags_idx ON projects USING gin (flags);

CREATE TABLE project_programme (
  project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  segment text NOT NULL,
  woningtype text NOT NULL,
  doelgroep text NOT NULL,
  homes integer NOT NULL CHECK (homes >= 0),
  PRIMARY KEY (project_id, segment, woningtype, doelgroep)
);

CREATE TABLE project_jaarschijven (
  project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  year integer NOT NULL,
  segment text NOT NULL,
  homes integer NOT NULL CHECK (homes >= 0),
  PRIMARY KEY (project_id, year, segment)
);

CREATE TABLE project_milestones (
  project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  code text NOT NULL CHECK (code ~ '^M(0[1-9]|1[0-2])$'),
  owner_side text NOT NULL,
  baseline_date date,
  forecast_date date,
  actual_date date,
  homes integer CHECK (homes >= 0),
  PRIMARY KEY (project_id, code)
);

CREATE TABLE project_parties (
  project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  role text NOT NULL,
  PRIMARY KEY (project_id, organisation_id, role)
);
CREATE INDEX project_parties_organisation_idx ON project_parties (organisation_id);

CREATE TABLE knelpunten (
  id uuid PRIMARY KEY,
  project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  category text NOT NULL,
  description text NOT NULL,
  owner text,
  raised_date date NOT NULL,
  escalated boolean NOT NULL DEFAULT false,
  resolution text,
  resolved_date date,
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX knelpunten_project_idx ON knelpunten (project_id);
