-- Locks the resource (new bookings of it wait: the capacity trigger locks the same row) and says
-- whether live bookings that have not ended hold it. No row: the resource does not exist.
SELECT EXISTS (SELECT 1 FROM bookings AS b
                WHERE b.resource_id = r.id AND b.status IN ('requested', 'confirmed') AND upper(b.period) > @now) AS in_use
  FROM resources AS r
 WHERE r.id = @id
   FOR UPDATE OF r
