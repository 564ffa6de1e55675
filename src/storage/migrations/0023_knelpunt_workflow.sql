-- Knelpunten as a workflow and why a date moved (issue 12 items 3 and 4; SPEC §2 "Knelpunt", "Phases and milestones").
--
-- knelpunten.escalated_on / escalation_reason: when and why a knelpunt was escalated to the versnellingstafel. A row
-- escalated before this migration keeps escalated = true with both NULL (date and reason unknown); it never counts as
-- a new escalation on the Tafeloverzicht.
ALTER TABLE knelpunten ADD COLUMN escalated_on date;
ALTER TABLE knelpunten ADD COLUMN escalation_reason text;

-- The reason given when a milestone's forecast moved past the delay tolerance (src/domain/delay-reason.ts): a knelpunt
-- category with a short text, or a knelpunt of the project. A linked knelpunt's category and description are copied
-- in, so the reason stays readable when the knelpunt is deleted later (knelpunt_id then becomes NULL).
CREATE TABLE milestone_delay_reasons (
  id uuid PRIMARY KEY,
  project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  milestone_code text NOT NULL,
  old_forecast date,
  new_forecast date NOT NULL,
  category text NOT NULL,
  text text NOT NULL,
  knelpunt_id uuid REFERENCES knelpunten (id) ON DELETE SET NULL,
  actor_user_id uuid,
  actor_name text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX milestone_delay_reasons_project_idx ON milestone_delay_reasons (project_id, milestone_code, recorded_at);
CREATE INDEX knelpunten_escalated_on_idx ON knelpunten (escalated_on) WHERE escalated_on IS NOT NULL;
