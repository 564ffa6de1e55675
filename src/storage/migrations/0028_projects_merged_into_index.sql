-- Deleting a project sets merged_into_id to NULL in the records merged into it (0019, ON DELETE SET NULL): without an
-- index that check scans every project for each project deleted, so replacing the demo (`wbm seed --demo` over tens of
-- thousands of synthetic projects) grew quadratically — minutes on PGlite. Only merged records carry a value.
CREATE INDEX projects_merged_into_idx ON projects (merged_into_id) WHERE merged_into_id IS NOT NULL;
