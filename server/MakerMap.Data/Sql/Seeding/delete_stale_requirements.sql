-- Requirements of a seeded resource that its seed entry no longer lists.
DELETE FROM resource_requirements q
 USING resources r
 WHERE q.resource_id = r.id
   AND r.slug = @resource
   AND NOT (q.code = ANY (@codes))
