-- Availability slots of the resource overlapping [@from, @to), with the units that live bookings
-- (requested or confirmed) hold in each. A bookable slot also counts the live units of the resource's
-- cancelled slots that overlap it: those bookings still hold the resource (see migration 0014).
WITH live AS (
    -- units held per slot
    SELECT b.slot_id, sum(b.quantity)::int AS units
      FROM bookings b
     WHERE b.resource_id = @resource_id AND b.slot_id IS NOT NULL AND b.status IN ('requested', 'confirmed')
     GROUP BY b.slot_id
), held_by_cancelled AS (
    -- live units of cancelled slots, with their periods
    SELECT c.period, l.units
      FROM slots c
      JOIN live l ON l.slot_id = c.id
     WHERE c.resource_id = @resource_id AND c.is_cancelled
)
SELECT s.id, lower(s.period) AS starts_at, upper(s.period) AS ends_at, s.capacity, s.is_cancelled,
       (coalesce(k.units, 0)
        + CASE WHEN s.is_cancelled THEN 0
               ELSE coalesce((SELECT sum(h.units) FROM held_by_cancelled h WHERE h.period && s.period), 0) END)::int AS booked
  FROM slots s
  LEFT JOIN live k ON k.slot_id = s.id
 WHERE s.resource_id = @resource_id AND s.period && tstzrange(@from, @to, '[)')
 ORDER BY lower(s.period);
