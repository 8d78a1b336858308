-- An account with its site roles and every organisation membership: one row per membership, or
-- one row with NULL membership columns when it has none.
SELECT a.id, a.email, a.display_name, a.is_planner, a.is_admin, a.created_at,
       m.organisation_id, m.role
FROM accounts AS a
LEFT JOIN memberships AS m ON m.account_id = a.id
WHERE a.id = @account_id
ORDER BY m.organisation_id
