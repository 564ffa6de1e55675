-- Open books (issue 12 item 5; SPEC §2 "confidential open-book figures (grondexploitatie totals, onrendabele top)";
-- `001 § Afspraak 3B`). A table of its own, not columns of `projects`: no existing query of the register, its lists,
-- exports, snapshots or aggregates reads this table, so none can leak the figures. Readable only through
-- GET /projects/{id}/open-book (src/domain/access.ts canReadOpenBook). One row per project: the current figures;
-- earlier versions stay in the audit trail (entity 'open_boek', shown only to readers of the open book).
-- Amounts in whole euros (bigint: a grondexploitatie passes 2^31 euros). A new table: no existing row changes.
CREATE TABLE project_open_books (
  project_id uuid PRIMARY KEY REFERENCES projects (id) ON DELETE CASCADE,
  total_costs_euros bigint NOT NULL CHECK (total_costs_euros >= 0),
  total_revenues_euros bigint NOT NULL CHECK (total_revenues_euros >= 0),
  public_contributions_euros bigint NOT NULL CHECK (public_contributions_euros >= 0),
  peildatum date NOT NULL,
  -- Who entered the current figures: the party (organisation) and the account, and when.
  entered_by_organisation_id uuid NOT NULL REFERENCES organisations (id),
  entered_by_user_id uuid,
  entered_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1)
);
