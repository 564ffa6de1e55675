-- Ending a plan (issue 12 item 2; SPEC §2 "Project", §3 plancapaciteit): a plan that will not be built is
-- withdrawn ("vervallen") with a date and a reason and kept, counted as planuitval; a second record of the same
-- plan is merged into the record that stays ("samengevoegd") and kept for its history. Which figures still count
-- such a project is decided in src/domain/withdrawal.ts. Every existing row stays an ordinary, active plan (all
-- columns NULL).
ALTER TABLE projects ADD COLUMN withdrawn_date date;
ALTER TABLE projects ADD COLUMN withdrawn_reason text;
ALTER TABLE projects ADD COLUMN withdrawn_by uuid REFERENCES users (id) ON DELETE SET NULL;
-- The record that stays; NULL again if that record is later deleted (merged_at keeps the duplicate closed).
ALTER TABLE projects ADD COLUMN merged_into_id uuid REFERENCES projects (id) ON DELETE SET NULL;
ALTER TABLE projects ADD COLUMN merged_at timestamptz;
ALTER TABLE projects ADD CONSTRAINT projects_withdrawn_with_reason CHECK ((withdrawn_date IS NULL) = (withdrawn_reason IS NULL));
ALTER TABLE projects ADD CONSTRAINT projects_not_merged_into_itself CHECK (merged_into_id <> id);
ALTER TABLE projects ADD CONSTRAINT projects_merged_with_date CHECK (merged_into_id IS NULL OR merged_at IS NOT NULL);
-- Planuitval per area and year, and the list filtered on it.
CREATE INDEX projects_withdrawn_idx ON projects (gemeente_code, withdrawn_date) WHERE withdrawn_date IS NOT NULL;
