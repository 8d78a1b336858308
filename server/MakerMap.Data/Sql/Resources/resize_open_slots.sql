-- After a capacity change: slots that take their capacity from the resource (their schedule states
-- none) and have not ended offer the new capacity; slots that ended keep what they offered. The
-- caller has checked that live bookings fit (get_live_booked_units.sql), and the slots' change
-- trigger tells subscribers (slotAvailabilityChanged).
UPDATE slots AS sl
   SET capacity = @capacity
  FROM schedules AS sc
 WHERE sc.id = sl.schedule_id
   AND sc.capacity IS NULL
   AND sl.resource_id = @id
   AND upper(sl.period) > @now
   AND sl.capacity <> @capacity
