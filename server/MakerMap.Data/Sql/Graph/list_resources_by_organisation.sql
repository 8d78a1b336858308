-- Resources owned by the organisations; "key" is the organisation.
SELECT {resource_columns}, r.organisation_id AS "key" FROM resources AS r WHERE r.organisation_id = ANY(@ids) ORDER BY r.name, r.id
