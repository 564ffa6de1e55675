-- Each person sees and ends their own browser sessions on the account page (issue 11 item 3; SPEC §7).
-- A session gets a public id (the token hash stays the key and is never shown), the moment it was last used
-- (written at most once a minute, like an API token's) and the browser it was started in. Sessions that exist
-- already keep every value and get a fresh id; their last use and browser stay unknown (NULL).
ALTER TABLE sessions ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE sessions ADD CONSTRAINT sessions_id_key UNIQUE (id);
ALTER TABLE sessions ADD COLUMN last_used_at timestamptz;
ALTER TABLE sessions ADD COLUMN user_agent text;
