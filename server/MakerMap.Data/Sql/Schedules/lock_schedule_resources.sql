-- Locks the resources of the schedules whose slots are about to change, in id order, before any slot
-- is touched: the booking guard trigger takes the resource's row lock before it reads the slots, so
-- slot writers that take it first never deadlock with bookings (nor, in id order, with each other).
SELECT r.id
  FROM resources AS r
 WHERE r.id IN (SELECT s.resource_id FROM schedules AS s WHERE s.id = ANY(@expanded_ids))
 ORDER BY r.id
   FOR NO KEY UPDATE OF r
