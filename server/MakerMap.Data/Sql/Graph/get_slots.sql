-- Slots by id with what is left of each (live bookings subtracted; a cancelled slot has nothing left).
-- A bookable availability slot also loses the live units of its resource's cancelled slots that overlap
-- it: those bookings still hold the resource (see migration 0014).
SELECT s.id AS "uuid", lower(s.period) AS "start", upper(s.period) AS "end", s.capacity AS "capacity",
       CASE WHEN s.is_cancelled THEN 0 ELSE greatest(0, s.capacity - coalesce((
           SELECT sum(b.quantity) FROM bookings AS b
           WHERE b.slot_id = s.id AND b.status IN ('requested', 'confirmed')), 0) - coalesce((
           SELECT sum(b.quantity) FROM bookings AS b JOIN slots AS c ON c.id = b.slot_id
           WHERE s.resource_id IS NOT NULL AND c.resource_id = s.resource_id AND c.is_cancelled
             AND c.period && s.period AND b.status IN ('requested', 'confirmed')), 0))::int END AS "remaining",
       s.resource_id AS "resourceId", s.place_id AS "placeId", s.is_cancelled AS "isCancelled",
       sc.title AS "title", sc.is_verified AS "isVerified"
FROM slots AS s JOIN schedules AS sc ON sc.id = s.schedule_id WHERE s.id = ANY(@ids)
