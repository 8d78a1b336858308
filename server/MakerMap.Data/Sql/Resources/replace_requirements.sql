-- Replaces the resource's requirements with the given (code, description) pairs.
WITH removed AS (
    -- every requirement not in the new list
    DELETE FROM resource_requirements AS q
     WHERE q.resource_id = @id AND NOT (q.code = ANY(@codes))
)
INSERT INTO resource_requirements (resource_id, code, description)
SELECT @id, n.code, n.description
  FROM unnest(@codes::text[], @descriptions::text[]) AS n (code, description)
ON CONFLICT (resource_id, code) DO UPDATE SET description = EXCLUDED.description
