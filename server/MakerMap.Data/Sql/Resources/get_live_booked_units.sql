-- The most units live bookings of the resource hold at one time from now on: for each live booking
-- that has not ended, the units of all live bookings overlapping it. A capacity below this would
-- strand bookings that were accepted.
WITH live AS (
    -- requested or confirmed bookings that have not ended
    SELECT b.id, b.period, b.quantity
      FROM bookings AS b
     WHERE b.resource_id = @id AND b.status IN ('requested', 'confirmed') AND upper(b.period) > @now
)
SELECT coalesce(max(overlapping.units), 0)::int
  FROM live AS l
 CROSS JOIN LATERAL (SELECT sum(o.quantity) AS units FROM live AS o WHERE o.period && l.period) AS overlapping
