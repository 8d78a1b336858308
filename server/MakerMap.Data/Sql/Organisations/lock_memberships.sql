-- Locks the organisation, so that two admins leaving at once run one after the other (the
-- memberships guard trigger of migration 0015 takes the same lock). No row: no such organisation.
SELECT o.id
  FROM organisations AS o
 WHERE o.id = @organisation_id
   FOR NO KEY UPDATE OF o
