-- The organisations register (issue 11 item 2; SPEC §2 "Organisation", §7): market parties, corporations and
-- other non-gemeente organisations are registered and corrected in the application. An organisation gets its
-- KvK number (Kamer van Koophandel, 8 digits; unique when given), an optional website, a version for optimistic
-- locking and the moment it was registered. Every existing row is kept: no KvK number, no website, version 1,
-- and a registration moment that is unknown (NULL).
ALTER TABLE organisations ADD COLUMN kvk_number text CHECK (kvk_number ~ '^[0-9]{8}$');
ALTER TABLE organisations ADD CONSTRAINT organisations_kvk_number_key UNIQUE (kvk_number);
ALTER TABLE organisations ADD COLUMN website text;
ALTER TABLE organisations ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE organisations ADD COLUMN created_at timestamptz;
