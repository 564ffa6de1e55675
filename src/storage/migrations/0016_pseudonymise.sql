-- Pseudonymisation when someone leaves (issue 11 item 3, "Personal data"; SPEC §7; AVG/GDPR art. 17 and art. 5(1)(e)).
-- users.pseudonymised_at: when the person's name, e-mail address and sign-in data were replaced (NULL: never; every
-- existing row keeps its values).
--
-- The audit trail stays append-only (migration 0005): every UPDATE and DELETE is still refused, except one narrow
-- pseudonymisation update. It is allowed only inside a transaction that names the person being pseudonymised with
-- set_config('wbm.pseudonymise', '<user id>', true) (transaction-local), and then only
--   * actor_name of the rows that person made (actor_user_id = the person), and
--   * the "old"/"new" values of the name and email fields inside `changes` of the rows about that person
--     (entity 'user' with the person's id, or an invitation the person accepted or that was sent to their address)
-- may change. id, at, actor_user_id, via, entity_type, entity_id, action and project_id stay equal, and so does every
-- other part of `changes` (same entries, same fields, in the same order). Who did what stays whole: actor_user_id.
ALTER TABLE users ADD COLUMN pseudonymised_at timestamptz;

CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  target text := current_setting('wbm.pseudonymise', true);
  about_target boolean;
BEGIN
  IF TG_OP = 'UPDATE' AND target IS NOT NULL AND target <> ''
     AND NEW.id = OLD.id AND NEW.at = OLD.at
     AND NEW.actor_user_id IS NOT DISTINCT FROM OLD.actor_user_id
     AND NEW.via = OLD.via AND NEW.entity_type = OLD.entity_type AND NEW.entity_id = OLD.entity_id
     AND NEW.action = OLD.action AND NEW.project_id IS NOT DISTINCT FROM OLD.project_id
     AND (NEW.actor_name = OLD.actor_name OR OLD.actor_user_id::text = target)
  THEN
    IF NEW.changes = OLD.changes THEN
      RETURN NEW;
    END IF;
    about_target := (OLD.entity_type IN ('user', 'gebruiker') AND OLD.entity_id = target)
      OR (OLD.entity_type = 'uitnodiging' AND EXISTS (
        SELECT 1 FROM invitations i
        WHERE i.id::text = OLD.entity_id
          AND (i.accepted_user_id::text = target OR i.email = (SELECT u.email FROM users u WHERE u.id::text = target))));
    IF about_target
       AND jsonb_typeof(OLD.changes) = 'array' AND jsonb_typeof(NEW.changes) = 'array'
       AND jsonb_array_length(NEW.changes) = jsonb_array_length(OLD.changes)
       AND NOT EXISTS (
         SELECT 1 FROM generate_series(0, jsonb_array_length(OLD.changes) - 1) AS i
         WHERE CASE
           WHEN OLD.changes -> i ->> 'field' IN ('name', 'email')
             THEN (NEW.changes -> i) - 'old' - 'new' IS DISTINCT FROM (OLD.changes -> i) - 'old' - 'new'
           ELSE NEW.changes -> i IS DISTINCT FROM OLD.changes -> i
         END)
    THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
