-- Locks a schedule about to be deleted; lock_schedule_resources.sql has locked its resource first.
-- No row: the schedule does not exist.
SELECT s.id
  FROM schedules AS s
 WHERE s.id = @id
   FOR UPDATE OF s
