-- Live bookings of the resource (in a slot or not) that overlap [@from, @to), clipped to it: every
-- one of them holds units of the resource in its period.
SELECT greatest(lower(b.period), @from) AS starts_at, least(upper(b.period), @to) AS ends_at, b.quantity
  FROM bookings b
 WHERE b.resource_id = @resource_id AND b.status IN ('requested', 'confirmed')
   AND b.period && tstzrange(@from, @to, '[)')
 ORDER BY lower(b.period);
