-- Accounts, sessions, API tokens and the append-only audit trail (SPEC §7).

CREATE TABLE users (
  id uuid PRIMARY KEY,
  email text NOT NULL UNIQUE CHECK (email = lower(email)),
  name text NOT NULL,
  -- scrypt hash "scrypt$N$r$p$salt$hash"; NULL for accounts that only sign in through OpenID Connect.
  password_hash text,
  oidc_issuer text,
  oidc_subject text,
  role text NOT NULL,
  organisation_id uuid REFERENCES organisations (id),
  gemeente_code text REFERENCES gemeenten (code),
  region_id text REFERENCES regions (id),
  provincie_code text REFERENCES provincies (code),
  is_demo boolean NOT NULL DEFAULT false,
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (oidc_issuer, oidc_subject)
);

CREATE TABLE sessions (
  -- sha256 of the session token; the token itself lives only in the HttpOnly cookie.
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  via text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE api_tokens (
  id uuid PRIMARY KEY,
  token_hash text NOT NULL UNIQUE,
  name text NOT NULL,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_user_id uuid,
  actor_name text NOT NULL,
  via text NOT NULL CHECK (via IN ('ui', 'api', 'import', 'cli', 'system')),
  entity_type text NOT NULL,
  entity_id text NOT NULL,
  action text NOT NULL,
  -- [{ "field": "milestones.M12.forecastDate", "old": "2028-06-01", "new": "2028-10-15" }, …]
  changes jsonb NOT NULL DEFAULT '[]'
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id, id);

-- The audit trail is append-only: updates and deletes are refused by the database itself.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
