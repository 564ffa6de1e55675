-- Issue 12 items 6 and 8. New tables only: every existing row elsewhere is kept as it is.
--
-- Alternatives put forward by a gemeente of a table when the table falls short in a year (`001 § Afspraak 3B`:
-- "gemeenten dragen alternatieve projecten aan op de versnellingstafel wanneer sprake is van vertraging"): an
-- alternative project or the acceleration of a project, with the homes it adds and the year. Withdrawn proposals stay
-- (withdrawn_at set); the audit trail has every step. The proposer's name is read from users (so it follows a
-- pseudonymisation), never copied here.
CREATE TABLE alternative_proposals (
  id uuid PRIMARY KEY,
  region_id text NOT NULL REFERENCES regions (id),
  gemeente_code text NOT NULL REFERENCES gemeenten (code),
  kind text NOT NULL CHECK (kind IN ('alternatief_project', 'versnelling')),
  -- An existing project of the gemeente (required for an acceleration); kept as NULL when the project is deleted.
  project_id uuid REFERENCES projects (id) ON DELETE SET NULL,
  title text NOT NULL CHECK (length(btrim(title)) > 0),
  description text,
  homes integer NOT NULL CHECK (homes > 0),
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  proposed_by_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  proposed_at timestamptz NOT NULL DEFAULT now(),
  withdrawn_at timestamptz,
  withdrawn_by_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  -- Made by a demo account (demo data).
  synthetic boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX alternative_proposals_region_idx ON alternative_proposals (region_id) WHERE withdrawn_at IS NULL;

-- E-mail reminders of a quarterly round (issue 12 item 8): one row per person mailed (or per organisation that had
-- nobody to mail), with who sent it and how it went. One action of the secretary is one batch. Names and addresses
-- are read from users, never copied here (a pseudonymised person stays pseudonymised in this log).
CREATE TABLE round_reminders (
  id uuid PRIMARY KEY,
  round_id uuid NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
  batch_id uuid NOT NULL,
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  -- NULL: the organisation had nobody with an active account to mail (outcome 'geen_ontvanger').
  recipient_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  sent_at timestamptz NOT NULL DEFAULT now(),
  sent_by_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  outcome text NOT NULL CHECK (outcome IN ('verzonden', 'mislukt', 'geen_ontvanger'))
);
CREATE INDEX round_reminders_round_idx ON round_reminders (round_id, sent_at);
