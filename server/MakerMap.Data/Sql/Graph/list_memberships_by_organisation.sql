-- Members of the organisations; "key" is the organisation.
SELECT m.organisation_id AS "key", m.account_id AS "accountId",
       m.organisation_id AS "organisationId", upper(m.role) AS "role", m.created_at AS "createdAt"
FROM memberships AS m WHERE m.organisation_id = ANY(@ids)
ORDER BY m.created_at, m.account_id
