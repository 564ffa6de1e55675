-- Invitations (issue 11 item 3; SPEC §1 users and roles, §7 security). Someone who may manage people invites a
-- person by e-mail for one role and scope; the person opens the one-time link, chooses a password (or signs in with
-- their organisation account) and so gets that account. Only the sha256 of the token is kept; the token itself is
-- only in the link. A new table: every existing row elsewhere is kept as it is.
CREATE TABLE invitations (
  id uuid PRIMARY KEY,
  token_hash text NOT NULL UNIQUE,
  email text NOT NULL CHECK (email = lower(email)),
  name text NOT NULL,
  role text NOT NULL,
  organisation_id uuid REFERENCES organisations (id),
  gemeente_code text REFERENCES gemeenten (code),
  region_id text REFERENCES regions (id),
  provincie_code text REFERENCES provincies (code),
  invited_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  accepted_at timestamptz,
  accepted_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  revoked_at timestamptz,
  is_demo boolean NOT NULL DEFAULT false
);
CREATE INDEX invitations_email_idx ON invitations (email);
