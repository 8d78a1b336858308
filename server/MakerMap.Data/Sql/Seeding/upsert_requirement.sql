-- One requirement of a seeded resource, keyed by (resource, code).
INSERT INTO resource_requirements AS q (resource_id, code, description)
SELECT r.id, @code, @description FROM resources r WHERE r.slug = @resource
ON CONFLICT (resource_id, code) DO UPDATE
   SET description = EXCLUDED.description
 WHERE q.description IS DISTINCT FROM EXCLUDED.description
RETURNING (xmax = 0) AS inserted
