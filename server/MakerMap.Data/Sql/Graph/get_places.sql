-- Places by id, as GraphQL Place rows.
SELECT {place_columns} FROM places AS p WHERE p.id = ANY(@ids)
