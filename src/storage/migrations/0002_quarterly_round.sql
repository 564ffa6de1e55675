-- Quarterly round (kwartaalronde) of a versnellingstafel: rounds, confirmations, frozen snapshots,
-- and the history of re-baselining. SPEC §2 "Quarterly round", "Phases and milestones"; `001 § Afspraak 3B`.
-- Runs unchanged on PGlite (PostgreSQL 18) and PostgreSQL 15.

CREATE TABLE rounds (
  id uuid PRIMARY KEY,
  region_id text NOT NULL REFERENCES regions (id),
  quarter text NOT NULL CHECK (quarter ~ '^[0-9]{4}-Q[1-4]$'),
  deadline date NOT NULL,
  opened_at timestamptz NOT NULL DEFAULT now(),
  closed_at timestamptz,
  -- Number of projects frozen when the round closed.
  project_count integer CHECK (project_count >= 0),
  CONSTRAINT rounds_region_quarter_key UNIQUE (region_id, quarter),
  CONSTRAINT rounds_closed_count CHECK ((closed_at IS NULL) = (project_count IS NULL))
);
-- At most one open round per region, also when two requests race.
CREATE UNIQUE INDEX rounds_one_open_per_region ON rounds (region_id) WHERE closed_at IS NULL;

-- "Unchanged" confirmations: a project counts as delivered in a round when changed after the round
-- opened or confirmed here. No foreign key to projects: the round's record outlives a deleted project.
CREATE TABLE round_confirmations (
  round_id uuid NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
  project_id uuid NOT NULL,
  -- Set when an organisation confirmed all its outstanding projects in one action.
  organisation_id uuid REFERENCES organisations (id),
  confirmed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (round_id, project_id)
);

-- The full project view (as GET /api/v1/projects/{id} returns it, plus gemeenteName) frozen at close,
-- with how the project was delivered in that round (NULL: not delivered).
CREATE TABLE round_snapshots (
  round_id uuid NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
  project_id uuid NOT NULL,
  delivery text CHECK (delivery IN ('gewijzigd', 'bevestigd')),
  data jsonb NOT NULL,
  PRIMARY KEY (round_id, project_id)
);
CREATE INDEX round_snapshots_project_idx ON round_snapshots (project_id);

-- Re-baselining is an explicit act of the table, with a reason, kept in history (SPEC §2).
CREATE TABLE baseline_history (
  id uuid PRIMARY KEY,
  project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  changed_at timestamptz NOT NULL DEFAULT now(),
  -- Project version written by the re-baseline.
  project_version integer NOT NULL,
  reason text NOT NULL CHECK (length(btrim(reason)) >= 10),
  -- [{ "code": "M11", "from": "2026-06-01", "to": "2026-12-01" }]
  changes jsonb NOT NULL
);
CREATE INDEX baseline_history_project_idx ON baseline_history (project_id, changed_at);

-- A closed round is immutable: the services refuse it; the database refuses it too.
CREATE FUNCTION wbm_refuse_closed_round_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'kwartaalronde % is gesloten en verandert niet meer', OLD.id USING ERRCODE = 'check_violation'; END $$;
CREATE TRIGGER rounds_closed_immutable BEFORE UPDATE ON rounds FOR EACH ROW WHEN (OLD.closed_at IS NOT NULL) EXECUTE FUNCTION wbm_refuse_closed_round_change();

CREATE FUNCTION wbm_refuse_snapshot_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'een bevroren kwartaalstand verandert niet meer' USING ERRCODE = 'check_violation'; END $$;
CREATE TRIGGER round_snapshots_immutable BEFORE UPDATE ON round_snapshots FOR EACH ROW EXECUTE FUNCTION wbm_refuse_snapshot_change();

CREATE FUNCTION wbm_refuse_confirmation_in_closed_round() RETURNS trigger LANGUAGE plpgsql AS $$ DECLARE rid uuid; BEGIN IF TG_OP = 'DELETE' THEN rid := OLD.round_id; ELSE rid := NEW.round_id; END IF; IF EXISTS (SELECT 1 FROM rounds WHERE id = rid AND closed_at IS NOT NULL) THEN RAISE EXCEPTION 'kwartaalronde % is gesloten', rid USING ERRCODE = 'check_violation'; END IF; IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW; END $$;
CREATE TRIGGER round_confirmations_open_round BEFORE INSERT OR UPDATE OR DELETE ON round_confirmations FOR EACH ROW EXECUTE FUNCTION wbm_refuse_confirmation_in_closed_round();
