-- Before a schedule and its slots go, the ended or dead bookings of those slots keep their period
-- and resource but lose the slot (bookings.slot_id is RESTRICT), so booking history survives.
UPDATE bookings AS b
   SET slot_id = NULL
  FROM slots AS sl
 WHERE sl.schedule_id = @id AND b.slot_id = sl.id
