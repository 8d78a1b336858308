-- Whether a slot of the resource that has not ended holds more live units than it now offers. Run after
-- resize_open_slots.sql in the same transaction: that UPDATE holds the slots' row locks, so a booking
-- that slipped in after the live-units check is counted here, and a later one waits and sees the new
-- capacity in the booking trigger.
SELECT EXISTS (
    SELECT 1
      FROM slots AS sl
     WHERE sl.resource_id = @id
       AND upper(sl.period) > @now
       AND sl.capacity < (SELECT coalesce(sum(b.quantity), 0)
                            FROM bookings AS b
                           WHERE b.slot_id = sl.id AND b.status IN ('requested', 'confirmed')))
