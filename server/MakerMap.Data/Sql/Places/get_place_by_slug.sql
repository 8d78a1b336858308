-- A place by its slug, as a GraphQL Place row.
SELECT {place_columns} FROM places AS p WHERE p.slug = @slug
