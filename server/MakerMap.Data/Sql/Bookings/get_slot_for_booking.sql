-- The slot a booking request names, only if it is an availability slot of that resource.
SELECT s.id, lower(s.period) AS starts_at, upper(s.period) AS ends_at, s.capacity, s.is_cancelled
  FROM slots s
 WHERE s.id = @slot_id AND s.resource_id = @resource_id;
