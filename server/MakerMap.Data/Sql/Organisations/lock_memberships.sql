-- Locks the organisation (so two admins leaving at once cannot both pass the last-admin check) and
-- returns its admin count and the account's current role (NULL when it is not a member). No row:
-- the organisation does not exist.
SELECT o.id,
       (SELECT count(*) FROM memberships AS m WHERE m.organisation_id = o.id AND m.role = 'admin')::int AS admins,
       (SELECT m.role FROM memberships AS m WHERE m.organisation_id = o.id AND m.account_id = @account_id) AS current_role
  FROM organisations AS o
 WHERE o.id = @organisation_id
   FOR UPDATE OF o
