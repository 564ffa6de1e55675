-- Planlijst import (issue 13 part 1; SPEC §7 "Excel/CSV import"): a source is one party's plan list (a province's
-- plan monitor, a gemeente's spreadsheet) with its saved column mapping; each plan of the source is linked by the
-- source's own id to the project it became, so a newer version of the list updates instead of duplicating;
-- every applied import is kept as a run with its counts and report.
CREATE TABLE import_sources (
  id uuid PRIMARY KEY,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  -- Whose source it is: 'all' (beheerder, ministerie, CLI) or the sorted gemeente codes the importer may write.
  scope_key text NOT NULL,
  mapping jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (name, scope_key)
);

CREATE TABLE import_links (
  source_id uuid NOT NULL REFERENCES import_sources (id) ON DELETE CASCADE,
  external_id text NOT NULL,
  project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  PRIMARY KEY (source_id, external_id)
);
CREATE INDEX import_links_project_idx ON import_links (project_id);

CREATE TABLE import_runs (
  id uuid PRIMARY KEY,
  source_id uuid NOT NULL REFERENCES import_sources (id) ON DELETE CASCADE,
  file_name text NOT NULL,
  actor_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  actor_name text NOT NULL,
  via text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  rows_read integer NOT NULL,
  rows_valid integer NOT NULL,
  rows_rejected integer NOT NULL,
  created integer NOT NULL,
  updated integer NOT NULL,
  unchanged integer NOT NULL,
  removed integer NOT NULL,
  withdrawn integer NOT NULL,
  homes integer NOT NULL,
  report jsonb NOT NULL
);
CREATE INDEX import_runs_source_idx ON import_runs (source_id, at);
