-- Slots by id with what is left of each (live bookings subtracted; a cancelled slot has nothing left).
SELECT s.id AS "uuid", lower(s.period) AS "start", upper(s.period) AS "end", s.capacity AS "capacity",
       CASE WHEN s.is_cancelled THEN 0 ELSE greatest(0, s.capacity - coalesce((
           SELECT sum(b.quantity) FROM bookings AS b
           WHERE b.slot_id = s.id AND b.status IN ('requested', 'confirmed')), 0))::int END AS "remaining",
       s.resource_id AS "resourceId", s.place_id AS "placeId", s.is_cancelled AS "isCancelled",
       sc.title AS "title", sc.is_verified AS "isVerified"
FROM slots AS s JOIN schedules AS sc ON sc.id = s.schedule_id WHERE s.id = ANY(@ids)
