-- Locks the resource about to be deleted. New bookings of it wait (the booking guard trigger locks the
-- same row), so has_live_bookings.sql, run next as its own statement, sees every booking committed
-- before the lock. No row: the resource does not exist.
SELECT r.id
  FROM resources AS r
 WHERE r.id = @id
   FOR UPDATE OF r
