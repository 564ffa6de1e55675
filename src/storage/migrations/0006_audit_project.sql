-- The project an audit entry belongs to (also for its knelpunten, even after they are deleted),
-- so a project's whole trail is one indexed query.
ALTER TABLE audit_log ADD COLUMN project_id uuid;
CREATE INDEX audit_log_project_idx ON audit_log (project_id, id);
