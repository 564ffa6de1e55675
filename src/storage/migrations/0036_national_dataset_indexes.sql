-- The national dataset at 400,000 projects (issue 15, goal 4): the query that loads every project for the national
-- overview and the forecast (src/storage/national.repository.ts projectDataset) reads the few parts it needs from
-- small covering indexes (index-only scans) instead of the whole tables of milestones (twelve per project),
-- programme lines and parties.
--
-- M12 (oplevering) and M11 of every project: their dates (and M12's homes), not the other ten milestones.
CREATE INDEX project_milestones_m12_idx ON project_milestones (project_id) INCLUDE (baseline_date, forecast_date, actual_date, homes)
  WHERE code = 'M12';
CREATE INDEX project_milestones_m11_idx ON project_milestones (project_id) INCLUDE (baseline_date, forecast_date, actual_date)
  WHERE code = 'M11';
-- The programme homes for ouderen/woonzorg and students (ELDERLY_DOELGROEPEN of src/domain/national.ts and 'student':
-- the query names the same list, else it cannot use this index).
CREATE INDEX project_programme_special_idx ON project_programme (project_id) INCLUDE (doelgroep, homes)
  WHERE doelgroep IN ('ouderen', 'woonzorg', 'student');
-- The projects a corporatie is party to: the projects of an organisation, read from the index alone. It replaces
-- the index on the organisation only (a prefix of this one).
CREATE INDEX project_parties_organisation_project_idx ON project_parties (organisation_id, project_id);
DROP INDEX project_parties_organisation_idx;
