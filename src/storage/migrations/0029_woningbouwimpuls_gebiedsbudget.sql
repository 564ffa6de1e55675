-- Woningbouwimpuls (Wbi) and Gebiedsbudget (issue 16 parts 2–3; SPEC §4.2, §4.3; `001 § Afspraak 19.2, 19.3`).
-- New tables only: no existing row changes. Amounts in whole euros (bigint). Every change is written to audit_log by
-- the service in the same transaction (entity types wbi_tranche, wbi_aanvraag, wbi_scores, gebiedsbudget_aanvraag);
-- those entries carry no project id, so the figures do not appear in a project's own audit trail.

-- A Wbi tranche: one application window a year, a budget, the date the awards are expected (start deadlines run from it).
CREATE TABLE wbi_tranches (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  window_opens date NOT NULL,
  window_closes date NOT NULL CHECK (window_closes >= window_opens),
  award_date date NOT NULL CHECK (award_date >= window_closes),
  budget_euros bigint NOT NULL CHECK (budget_euros > 0),
  -- Set when the ministry ranked the tranche and fixed the allocation (the decision list).
  allocated_at timestamptz,
  synthetic boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1)
);

-- A gemeente's application for one of its projects in one tranche (the form of `001 § Afspraak 19.2` "De aanvraag").
CREATE TABLE wbi_applications (
  id uuid PRIMARY KEY,
  tranche_id uuid NOT NULL REFERENCES wbi_tranches (id) ON DELETE CASCADE,
  project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  gemeente_code text NOT NULL,
  homes integer NOT NULL CHECK (homes >= 0),
  affordable_homes integer NOT NULL CHECK (affordable_homes >= 0 AND affordable_homes <= homes),
  public_investments_euros bigint NOT NULL CHECK (public_investments_euros >= 0),
  kostenverhaal_euros bigint NOT NULL CHECK (kostenverhaal_euros >= 0),
  grondverkoop_euros bigint NOT NULL CHECK (grondverkoop_euros >= 0),
  other_national_contributions_euros bigint NOT NULL CHECK (other_national_contributions_euros >= 0),
  requested_euros bigint NOT NULL CHECK (requested_euros > 0),
  cofinancing_euros bigint NOT NULL CHECK (cofinancing_euros >= 0),
  activities text[] NOT NULL,
  other_activities text NOT NULL DEFAULT '',
  first_start_date date NOT NULL,
  last_start_date date NOT NULL,
  necessary_for_woondeal boolean NOT NULL,
  bottleneck text NOT NULL DEFAULT '',
  realisatiestimulans_insufficient boolean NOT NULL,
  parallel_plannen boolean NOT NULL,
  versnellingstafel_with_ppm boolean NOT NULL,
  open_books boolean NOT NULL,
  explanation text NOT NULL DEFAULT '',
  -- The outcome once the tranche is allocated (null before).
  outcome text CHECK (outcome IN ('toegekend', 'gedeeltelijk_toegekend', 'niet_toegekend', 'niet_gerangschikt')),
  ranking integer,
  awarded_euros bigint,
  filed_by_user_id uuid,
  filed_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  synthetic boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  UNIQUE (tranche_id, project_id)
);
CREATE INDEX wbi_applications_gemeente_idx ON wbi_applications (gemeente_code, tranche_id);

-- The toetsingscommissie's scores on the four criteria (25% each), entered by the ministry.
CREATE TABLE wbi_scores (
  application_id uuid PRIMARY KEY REFERENCES wbi_applications (id) ON DELETE CASCADE,
  noodzaak smallint NOT NULL CHECK (noodzaak >= 0),
  effectiviteit smallint NOT NULL CHECK (effectiviteit >= 0),
  efficientie smallint NOT NULL CHECK (efficientie >= 0),
  urgentie smallint NOT NULL CHECK (urgentie >= 0),
  entered_by_user_id uuid,
  entered_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1)
);

-- The Rijk-designated grootschalige woningbouwgebieden (reference data, with the source of each row). The 2020 list
-- (Kamerbrief over de aanpak van het woningtekort, 2020, tabel 1) names 14 areas; the Staatscourant 2025-39867 lists
-- 21, of which our sources name Haven-Stad, Rotterdam Oostflank, Oude Lijn and MRA Oost. The other 2025 areas are not
-- in our sources; an administrator adds them here when known.
CREATE TABLE gebiedsbudget_areas (
  code text PRIMARY KEY,
  name text NOT NULL,
  regio text NOT NULL,
  designated boolean NOT NULL DEFAULT true,
  source text NOT NULL
);
INSERT INTO gebiedsbudget_areas (code, name, regio, source) VALUES
  ('haven-stad', 'Haven-Stad', 'Metropoolregio Amsterdam', 'Staatscourant 2025-39867; Kamerbrief over de aanpak van het woningtekort (2020), tabel 1'),
  ('mra-west', 'MRA West', 'Metropoolregio Amsterdam', 'Kamerbrief over de aanpak van het woningtekort (2020), tabel 1'),
  ('mra-oost', 'MRA Oost', 'Metropoolregio Amsterdam', 'Staatscourant 2025-39867; Kamerbrief over de aanpak van het woningtekort (2020), tabel 1'),
  ('rotterdam-oostflank', 'Rotterdam Oostflank', 'Zuidelijke Randstad', 'Staatscourant 2025-39867; Kamerbrief over de aanpak van het woningtekort (2020), tabel 1'),
  ('den-haag-cid', 'Den Haag CID', 'Zuidelijke Randstad', 'Kamerbrief over de aanpak van het woningtekort (2020), tabel 1'),
  ('oude-lijn', 'Oude Lijn Leiden-Dordrecht', 'Zuidelijke Randstad', 'Staatscourant 2025-39867; Kamerbrief over de aanpak van het woningtekort (2020), tabel 1'),
  ('utrecht-zuidwest', 'Utrecht Zuidwest', 'Regio Utrecht', 'Kamerbrief over de aanpak van het woningtekort (2020), tabel 1'),
  ('eindhoven-knoop-xl', 'Eindhoven Knoop XL', 'Stedelijk Gebied Eindhoven', 'Kamerbrief over de aanpak van het woningtekort (2020), tabel 1'),
  ('groningen-suikerunie-eemskanaalzone', 'Suikerunieterrein en Eemskanaalzone', 'Gemeente Groningen', 'Kamerbrief over de aanpak van het woningtekort (2020), tabel 1'),
  ('nijmegen-kanaalzone-stationsgebied', 'Nijmegen Kanaalzone en Stationsgebied', 'Regio Arnhem/Nijmegen', 'Kamerbrief over de aanpak van het woningtekort (2020), tabel 1'),
  ('zwolle-spoorzone', 'Zwolle Spoorzone', 'Zwolle', 'Kamerbrief over de aanpak van het woningtekort (2020), tabel 1');

-- A gemeente's request for the Gebiedsbudget of a designated area; the ministry decides (toegekend / afgewezen).
CREATE TABLE gebiedsbudget_requests (
  id uuid PRIMARY KEY,
  area_code text NOT NULL REFERENCES gebiedsbudget_areas (code),
  gemeente_code text NOT NULL,
  title text NOT NULL,
  homes integer NOT NULL CHECK (homes >= 0),
  affordable_homes integer NOT NULL CHECK (affordable_homes >= 0),
  last_homes_year integer NOT NULL,
  homes_before_2030 integer NOT NULL CHECK (homes_before_2030 >= 0),
  parallel_plannen boolean NOT NULL,
  versnellingstafel_with_ppm boolean NOT NULL,
  open_books boolean NOT NULL,
  positive_mkba boolean NOT NULL,
  measures text[] NOT NULL,
  total_investment_euros bigint NOT NULL CHECK (total_investment_euros >= 0),
  region_reserved_euros bigint NOT NULL CHECK (region_reserved_euros >= 0),
  requested_euros bigint NOT NULL CHECK (requested_euros >= 0),
  status text NOT NULL DEFAULT 'ingediend' CHECK (status IN ('ingediend', 'toegekend', 'afgewezen')),
  awarded_euros bigint CHECK (awarded_euros >= 0),
  filed_by_user_id uuid,
  filed_at timestamptz NOT NULL DEFAULT now(),
  synthetic boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1)
);
CREATE INDEX gebiedsbudget_requests_gemeente_idx ON gebiedsbudget_requests (gemeente_code);
