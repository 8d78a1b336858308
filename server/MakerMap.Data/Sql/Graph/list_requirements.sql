-- Requirements of the resources; "key" is the resource.
SELECT q.resource_id AS "key", q.code AS "code", q.description AS "description"
FROM resource_requirements AS q WHERE q.resource_id = ANY(@ids) ORDER BY q.code
