-- Locks the resource before its capacity changes. A booking without a slot takes the same row lock in
-- its capacity trigger, so every such booking either committed before this lock (and
-- get_live_booked_units.sql, run next, counts it) or waits for this transaction and then checks
-- against the new capacity. Slot bookings lock their slot instead: resize_open_slots.sql and
-- find_overbooked_open_slots.sql cover those.
SELECT r.id
  FROM resources AS r
 WHERE r.id = @id
   FOR UPDATE OF r
