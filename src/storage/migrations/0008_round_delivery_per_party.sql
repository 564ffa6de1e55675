-- Delivery in the quarterly round per party: each party delivers its own side of each project (the
-- gemeente the public side, each market party the private side of the projects it is party to),
-- SPEC §2 "Quarterly round" and the milestone table (owner). Replaces counting per project, where one
-- party's confirmation counted for every party of the project.
--
-- A row is a confirmation ('bevestigd'), or, once the round closes, an edit by the party frozen with
-- the round ('gewijzigd'; while the round is open edits are read from the audit trail). A secretary may
-- record a delivery on behalf of a party: on_behalf with a reason, shown as such.
-- No foreign key to projects: the round's record outlives a deleted project.
CREATE TABLE round_deliveries (
  round_id uuid NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
  project_id uuid NOT NULL,
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  via text NOT NULL CHECK (via IN ('gewijzigd', 'bevestigd')),
  delivered_at timestamptz NOT NULL DEFAULT now(),
  -- Who recorded it (the party's own user, or the secretary acting on its behalf); NULL for migrated rows.
  recorded_by_user_id uuid,
  recorded_by_name text,
  on_behalf boolean NOT NULL DEFAULT false,
  reason text,
  -- The action that recorded it: one bulk confirmation is one batch, undone as one.
  batch_id uuid,
  PRIMARY KEY (round_id, project_id, organisation_id),
  CONSTRAINT round_deliveries_on_behalf_reason CHECK (on_behalf = (reason IS NOT NULL))
);
CREATE INDEX round_deliveries_batch_idx ON round_deliveries (round_id, batch_id);

-- Closed rounds: edits by a party's own users between opening and closing count for that party
-- (from the audit trail, where the editing user is known).
INSERT INTO round_deliveries (round_id, project_id, organisation_id, via, delivered_at)
SELECT DISTINCT ON (r.id, a.project_id, org.id) r.id, a.project_id, org.id, 'gewijzigd', a.at
FROM rounds r
JOIN round_snapshots s ON s.round_id = r.id
JOIN audit_log a ON a.project_id = s.project_id AND a.at >= r.opened_at AND a.at <= r.closed_at
JOIN users u ON u.id = a.actor_user_id AND u.role IN ('gemeente_editor', 'marktpartij_editor')
JOIN organisations org ON org.id = COALESCE(u.organisation_id, (SELECT g.id FROM organisations g WHERE g.type = 'gemeente' AND g.gemeente_code = u.gemeente_code LIMIT 1))
WHERE r.closed_at IS NOT NULL
ORDER BY r.id, a.project_id, org.id, a.at DESC;

-- An existing per-project confirmation counts for the organisation that made it, where it was recorded.
INSERT INTO round_deliveries (round_id, project_id, organisation_id, via, delivered_at)
SELECT c.round_id, c.project_id, c.organisation_id, 'bevestigd', c.confirmed_at
FROM round_confirmations c
WHERE c.organisation_id IS NOT NULL
ON CONFLICT (round_id, project_id, organisation_id) DO NOTHING;

-- A closed round is immutable: deliveries of a closed round neither change nor disappear.
CREATE FUNCTION wbm_refuse_delivery_in_closed_round() RETURNS trigger LANGUAGE plpgsql AS $$ DECLARE rid uuid; BEGIN IF TG_OP = 'DELETE' THEN rid := OLD.round_id; ELSE rid := NEW.round_id; END IF; IF EXISTS (SELECT 1 FROM rounds WHERE id = rid AND closed_at IS NOT NULL) THEN RAISE EXCEPTION 'kwartaalronde % is gesloten', rid USING ERRCODE = 'check_violation'; END IF; IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW; END $$;
CREATE TRIGGER round_deliveries_open_round BEFORE INSERT OR UPDATE OR DELETE ON round_deliveries FOR EACH ROW EXECUTE FUNCTION wbm_refuse_delivery_in_closed_round();
