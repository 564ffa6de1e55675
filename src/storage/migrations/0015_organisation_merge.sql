-- Merging duplicate organisations with history kept (issue 11 item 2; SPEC §2 "Organisation", §7). A duplicate
-- is not deleted: its references move to the organisation kept, and the duplicate row stays, marked with the
-- organisation it went into and when. Lists and choosers leave it out; asking for it by id names where it went.
-- Every existing row is kept: nothing was merged before (both columns NULL).
ALTER TABLE organisations ADD COLUMN merged_into_id uuid REFERENCES organisations (id);
ALTER TABLE organisations ADD COLUMN merged_at timestamptz;
ALTER TABLE organisations ADD CONSTRAINT organisations_merged_together CHECK ((merged_into_id IS NULL) = (merged_at IS NULL));
ALTER TABLE organisations ADD CONSTRAINT organisations_not_merged_into_itself CHECK (merged_into_id <> id);
