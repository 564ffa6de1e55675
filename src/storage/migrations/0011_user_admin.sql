-- People management by administrators (issue 11 item 3; SPEC §1, §7). An account gets a version for optimistic
-- locking (a change of role or scope sends the version it read; a stale one is refused) and the moment it last
-- signed in. Existing accounts keep every value: they start at version 1 and their last sign-in stays unknown (NULL).
ALTER TABLE users ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE users ADD COLUMN last_sign_in_at timestamptz;
