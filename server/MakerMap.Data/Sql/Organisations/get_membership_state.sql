-- The organisation's admin count and the account's current role (NULL when it is not a member). Run
-- after lock_memberships.sql as its own statement: a subquery of the locking statement would read the
-- snapshot taken before the lock was granted and count an admin who left meanwhile.
SELECT (SELECT count(*) FROM memberships AS m WHERE m.organisation_id = @organisation_id AND m.role = 'admin')::int AS admins,
       (SELECT m.role FROM memberships AS m WHERE m.organisation_id = @organisation_id AND m.account_id = @account_id) AS current_role
