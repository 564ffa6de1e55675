-- Realisatiestimulans (issue 16; SPEC §4.1): earlier national contributions to a project (Woningbouwimpuls,
-- Startbouwimpuls, Regeling Huisvesting Aandachtsgroepen, …), which the deduction rule takes into account
-- ("Bij de bijdrage wordt rekening gehouden met bijdragen … uit eerdere rijksregelingen", 001 § Afspraak 19.1).
-- The counted homes themselves come from the register (milestones M11/M12 and the programme): no copy is kept.
CREATE TABLE realisatiestimulans_contributions (
  id uuid PRIMARY KEY,
  project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  scheme text NOT NULL,
  amount_euros bigint NOT NULL CHECK (amount_euros >= 0),
  decided_on date,
  note text,
  synthetic boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX realisatiestimulans_contributions_project_idx ON realisatiestimulans_contributions (project_id);
