-- The index on (code, project_id) of every milestone serves only queries that read M11 (start bouw) and M12
-- (oplevering) of many projects at once: the Realisatiestimulans lines and the realisations per gemeente, which
-- ask for code IN ('M11', 'M12'). It now holds just those two milestones, a sixth of the rows: the same plans read
-- it (bitmap scans of the M11 and M12 rows), and building it after the demo's bulk load (src/storage/bulk-load.ts)
-- takes a sixth of the time (issue 14, the first start). A query must name the same list to use it.
DROP INDEX project_milestones_code_idx;
CREATE INDEX project_milestones_code_idx ON project_milestones (code, project_id) WHERE code IN ('M11', 'M12');
