-- Availability slots of the resource overlapping [@from, @to), with the units that live bookings
-- (requested or confirmed) hold in each.
WITH booked AS (
    -- units held per slot
    SELECT b.slot_id, sum(b.quantity)::int AS units
      FROM bookings b
     WHERE b.resource_id = @resource_id AND b.slot_id IS NOT NULL AND b.status IN ('requested', 'confirmed')
     GROUP BY b.slot_id
)
SELECT s.id, lower(s.period) AS starts_at, upper(s.period) AS ends_at, s.capacity, s.is_cancelled,
       coalesce(k.units, 0) AS booked
  FROM slots s
  LEFT JOIN booked k ON k.slot_id = s.id
 WHERE s.resource_id = @resource_id AND s.period && tstzrange(@from, @to, '[)')
 ORDER BY lower(s.period);
