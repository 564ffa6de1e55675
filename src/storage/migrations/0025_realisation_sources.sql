-- Realisations that are current (issue 13 items 2, 3 and 5; SPEC §2 "Geography", §4.1 counting bases).
-- Runs unchanged on PGlite (PostgreSQL 18) and PostgreSQL 15: no 16+ features.

-- CBS figures now also come from `wbm import cbs` (a StatLine TypedDataSet file of 81955NED or its successor
-- 86098NED): which table a row came from, its row id there and the import that wrote it. Rows of the shipped
-- reference CSV keep the defaults (81955NED, no import).
ALTER TABLE cbs_woningvoorraad ADD COLUMN source_table text NOT NULL DEFAULT '81955NED';
ALTER TABLE cbs_woningvoorraad ADD COLUMN cbs_row_id text;
ALTER TABLE cbs_woningvoorraad ADD COLUMN import_id uuid;

-- One row per import of reference data (CBS table, BAG statuses, a new gemeente list): what was read, what was
-- written and what did not add up, kept as the import log next to the audit log entry.
CREATE TABLE reference_imports (
  id uuid PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('cbs', 'bag', 'gemeenten')),
  file_name text NOT NULL,
  actor_name text NOT NULL,
  imported_at timestamptz NOT NULL DEFAULT now(),
  summary jsonb NOT NULL
);

-- BAG status data as imported (`wbm import bag`, layout in the README): one row per verblijfsobject per status
-- line. The same line imported twice is one row.
CREATE TABLE bag_status_rows (
  verblijfsobject_id text NOT NULL,
  pand_id text NOT NULL DEFAULT '',
  gemeente_code text NOT NULL CHECK (gemeente_code ~ '^GM[0-9]{4}$'),
  woonfunctie boolean NOT NULL,
  status text NOT NULL DEFAULT '',
  status_date date,
  pand_status text NOT NULL DEFAULT '',
  pand_status_date date,
  x double precision,
  y double precision,
  import_id uuid NOT NULL,
  UNIQUE (verblijfsobject_id, pand_id, status, status_date, pand_status, pand_status_date)
);
CREATE INDEX bag_status_rows_vbo_idx ON bag_status_rows (verblijfsobject_id);

-- Per verblijfsobject: when its home counts as started (pand "Bouw gestart") and as completed (first "in gebruik"),
-- derived by src/domain/bag-realisations.ts from all its status rows, and the project it is linked to (by BAG id,
-- else by location). A withdrawn or incorrectly registered object, or one without woonfunctie, counts nowhere.
CREATE TABLE bag_verblijfsobjecten (
  id text PRIMARY KEY,
  pand_id text NOT NULL DEFAULT '',
  gemeente_code text NOT NULL CHECK (gemeente_code ~ '^GM[0-9]{4}$'),
  woonfunctie boolean NOT NULL,
  withdrawn boolean NOT NULL DEFAULT false,
  started_on date,
  completed_on date,
  lon double precision,
  lat double precision,
  project_id uuid REFERENCES projects (id) ON DELETE SET NULL,
  link_rule text CHECK (link_rule IN ('verblijfsobject', 'pand', 'locatie')),
  import_id uuid NOT NULL
);
CREATE INDEX bag_verblijfsobjecten_gemeente_idx ON bag_verblijfsobjecten (gemeente_code);
CREATE INDEX bag_verblijfsobjecten_project_idx ON bag_verblijfsobjecten (project_id) WHERE project_id IS NOT NULL;

-- A project's BAG ids (pand or verblijfsobject); one BAG object belongs to at most one project.
CREATE TABLE project_bag_ids (
  project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('pand', 'verblijfsobject')),
  bag_id text NOT NULL,
  PRIMARY KEY (kind, bag_id)
);
CREATE INDEX project_bag_ids_project_idx ON project_bag_ids (project_id);

-- A newer gemeente list (`wbm reference update-gemeenten`): a gemeente merged away keeps its row (history, CBS
-- figures under its old code, audit entries) with the date it ended; lists of current gemeenten leave it out.
ALTER TABLE gemeenten ADD COLUMN ended_on date;
