-- The data version (issue 15 goal 1): one counter, bumped by a statement trigger in the same transaction as
-- every write to the data the figures are computed from (projects and their parts, milestones, knelpunten,
-- rounds and snapshots, targets, regions, reference geography, organisations, imports). Figures that only
-- change when data changes (the Tafeloverzicht) are computed once per version and reused until it moves.
-- Committed with the write, so every server process on the same PostgreSQL (and PGlite) sees the new version
-- exactly when it sees the new data. Not bumped by sign-ins, sessions, tokens, accounts, invitations and the
-- audit trail: they change no figure. changed_at is the "stand per" time shown with the figures.
CREATE TABLE data_version (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  version bigint NOT NULL DEFAULT 1,
  changed_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO data_version DEFAULT VALUES;

CREATE FUNCTION wbm_bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE data_version SET version = version + 1, changed_at = clock_timestamp(); RETURN NULL; END $$;

-- Every table present now except the excluded ones; a later migration that adds a data table adds the trigger
-- too (storage test 'data-version' checks that every table but these has it).
DO $$ DECLARE t text; BEGIN FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename NOT IN ('data_version', 'schema_migrations', 'users', 'sessions', 'api_tokens', 'invitations', 'audit_log') LOOP EXECUTE format('CREATE TRIGGER data_version_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION wbm_bump_data_version()', t); END LOOP; END $$;
