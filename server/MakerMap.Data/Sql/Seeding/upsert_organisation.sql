-- One organisation by its slug; calendar_token and created_at are never touched by the seed.
INSERT INTO organisations AS o (slug, name, kind, website, email)
VALUES (@slug, @name, @kind, @website, @email)
ON CONFLICT (slug) DO UPDATE
   SET name = EXCLUDED.name,
       kind = EXCLUDED.kind,
       website = EXCLUDED.website,
       email = EXCLUDED.email
 WHERE (o.name, o.kind, o.website, o.email)
       IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.kind, EXCLUDED.website, EXCLUDED.email)
RETURNING (xmax = 0) AS inserted
