-- Demo scope (issue 8 items 4, 5; SPEC section 7): what a demo role creates is synthetic demo data, kept
-- apart from real data. Projects and organisations have been marked since 0001; targets get the same mark.
-- Existing targets are real (loaded from the reference data or entered by real accounts).
ALTER TABLE targets ADD COLUMN synthetic boolean NOT NULL DEFAULT false;
