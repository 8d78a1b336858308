-- Deletes a place that is no resource's home (resources.home_place_id is ON DELETE RESTRICT; the
-- check here gives a clear IN_USE first). Its session schedules and sessions go with it (CASCADE).
-- Returns the organisation that ran it; no row when the place is unknown or still holds resources.
DELETE FROM places AS p
 WHERE p.id = @id
   AND NOT EXISTS (SELECT 1 FROM resources AS r WHERE r.home_place_id = p.id)
RETURNING p.id
