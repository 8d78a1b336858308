-- Where a mobile resource stands during [@from, @to): its confirmed bookings overlapping the window
-- that carry a deployment location. Public data, so nothing about the booker is selected.
SELECT lower(b.period) AS starts_at, upper(b.period) AS ends_at,
       ST_X(b.deployment_location) AS longitude, ST_Y(b.deployment_location) AS latitude,
       b.deployment_address AS address
  FROM bookings b
 WHERE b.resource_id = @resource_id
   AND b.status = 'confirmed'
   AND b.deployment_location IS NOT NULL
   AND b.period && tstzrange(@from, @to, '[)')
 ORDER BY lower(b.period), b.id;
