-- Areas by id, as GraphQL Area rows.
SELECT {area_columns} FROM areas AS a WHERE a.id = ANY(@ids)
