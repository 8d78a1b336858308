-- Resources by id, as GraphQL Resource rows.
SELECT {resource_columns} FROM resources AS r WHERE r.id = ANY(@ids)
