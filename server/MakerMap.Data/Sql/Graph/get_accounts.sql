-- Accounts by id, as GraphQL Account rows.
SELECT a.id AS "uuid", a.email AS "emailAddress", a.display_name AS "displayName",
       a.is_planner AS "isPlanner", a.is_admin AS "isAdmin", upper(a.language) AS "language", a.created_at AS "createdAt"
FROM accounts AS a WHERE a.id = ANY(@ids)
