-- Locks a schedule about to be deleted and says whether live bookings that have not ended hold one
-- of its slots. No row: the schedule does not exist.
SELECT EXISTS (SELECT 1 FROM slots AS sl JOIN bookings AS b ON b.slot_id = sl.id
                WHERE sl.schedule_id = s.id AND b.status IN ('requested', 'confirmed') AND upper(b.period) > @now) AS in_use
  FROM schedules AS s
 WHERE s.id = @id
   FOR UPDATE OF s
