-- Live bookings of the resource outside slots that overlap [@from, @to), clipped to it.
SELECT greatest(lower(b.period), @from) AS starts_at, least(upper(b.period), @to) AS ends_at, b.quantity
  FROM bookings b
 WHERE b.resource_id = @resource_id AND b.slot_id IS NULL AND b.status IN ('requested', 'confirmed')
   AND b.period && tstzrange(@from, @to, '[)')
 ORDER BY lower(b.period);
