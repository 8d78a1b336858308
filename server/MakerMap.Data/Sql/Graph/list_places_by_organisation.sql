-- Places run by the organisations; "key" is the organisation.
SELECT {place_columns}, p.organisation_id AS "key" FROM places AS p WHERE p.organisation_id = ANY(@ids) ORDER BY p.name, p.id
