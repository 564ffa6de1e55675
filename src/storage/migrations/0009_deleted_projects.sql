-- A deleted project keeps a tombstone with the facts access decisions need (issue 8 item 13; SPEC section 7):
-- gemeente, province, regions and parties at deletion, and whether it was synthetic demo data. Its audit
-- trail then stays readable by those who could read the project; the trail itself is never deleted.
CREATE TABLE deleted_projects (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  gemeente_code text NOT NULL,
  provincie_code text NOT NULL,
  region_ids text[] NOT NULL DEFAULT '{}',
  party_organisation_ids uuid[] NOT NULL DEFAULT '{}',
  synthetic boolean NOT NULL DEFAULT false,
  deleted_at timestamptz NOT NULL DEFAULT now()
);

-- Projects deleted before this migration: the facts come from the old values in their "verwijderd" audit row
-- (gemeente, name, parties, synthetic); regions and province from the gemeente as it is now.
INSERT INTO deleted_projects (id, name, gemeente_code, provincie_code, region_ids, party_organisation_ids, synthetic, deleted_at)
SELECT d.project_id,
       COALESCE(d.name, ''),
       g.code,
       g.provincie_code,
       COALESCE((SELECT array_agg(rg.region_id ORDER BY rg.region_id) FROM region_gemeenten rg WHERE rg.gemeente_code = g.code), '{}'),
       COALESCE(d.parties, '{}'),
       COALESCE(d.synthetic, false),
       d.at
FROM (
  SELECT a.project_id, a.at,
         (SELECT c->>'old' FROM jsonb_array_elements(a.changes) c WHERE c->>'field' = 'gemeenteCode' LIMIT 1) AS gemeente_code,
         (SELECT c->>'old' FROM jsonb_array_elements(a.changes) c WHERE c->>'field' = 'name' LIMIT 1) AS name,
         (SELECT (c->>'old')::boolean FROM jsonb_array_elements(a.changes) c
           WHERE c->>'field' = 'synthetic' AND jsonb_typeof(c->'old') = 'boolean' LIMIT 1) AS synthetic,
         (SELECT array_agg(DISTINCT (p->>'organisationId')::uuid)
            FROM jsonb_array_elements(a.changes) c
            CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(c->'old') = 'array' THEN c->'old' ELSE '[]'::jsonb END) p
           WHERE c->>'field' = 'parties' AND p ? 'organisationId') AS parties
  FROM audit_log a
  WHERE a.entity_type = 'project' AND a.action = 'verwijderd' AND a.project_id IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM projects p WHERE p.id = a.project_id)
) d
JOIN gemeenten g ON g.code = d.gemeente_code
ON CONFLICT (id) DO NOTHING;
