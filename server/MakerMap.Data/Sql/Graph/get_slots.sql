-- Slots by id with what is left of each: the capacity less the most units live bookings of the
-- resource hold at one instant of the slot (booked_units_peak, the booking guard's rule, migration
-- 0015); a cancelled slot has nothing left, a session slot (no resource) its whole capacity.
SELECT s.id AS "uuid", lower(s.period) AS "start", upper(s.period) AS "end", s.capacity AS "capacity",
       CASE WHEN s.is_cancelled THEN 0
            WHEN s.resource_id IS NULL THEN s.capacity
            ELSE greatest(0, s.capacity - booked_units_peak(s.resource_id, s.period, NULL)) END AS "remaining",
       s.resource_id AS "resourceId", s.place_id AS "placeId", s.is_cancelled AS "isCancelled",
       sc.title AS "title", sc.is_verified AS "isVerified"
FROM slots AS s JOIN schedules AS sc ON sc.id = s.schedule_id WHERE s.id = ANY(@ids)
