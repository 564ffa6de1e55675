-- The project list at 400,000 projects (issue 15, goal 4): text search, sorting and keyset pages read indexes
-- instead of every project.
--
-- Text search (`q`, ILIKE '%…%' on the name) uses a trigram index. PGlite ships pg_trgm as well (loaded in
-- src/storage/db.ts), so both databases run the same SQL.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX projects_name_trgm_idx ON projects USING gin (name gin_trgm_ops);
-- Every sort of the list ends on the id (a stable order, and the keyset cursor's tie-breaker): one index per sort
-- column with the id, so a page and the page after a cursor read only the rows they show. The name index of 0001
-- is replaced by the one with the id.
CREATE INDEX projects_name_id_idx ON projects (name, id);
DROP INDEX projects_name_idx;
CREATE INDEX projects_total_homes_id_idx ON projects (total_homes, id);
CREATE INDEX projects_affordable_homes_id_idx ON projects (affordable_homes, id);
CREATE INDEX projects_max_delay_months_id_idx ON projects (max_delay_months, id);
CREATE INDEX projects_updated_at_id_idx ON projects (updated_at, id);
