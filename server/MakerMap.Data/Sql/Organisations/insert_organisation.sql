-- A new organisation; the unique slug index rejects a slug in use (SQLSTATE 23505, organisations_slug_key).
INSERT INTO organisations (slug, name, kind, website, email)
VALUES (@slug, @name, @kind, @website, @email)
RETURNING id
