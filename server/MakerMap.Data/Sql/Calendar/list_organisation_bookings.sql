-- The bookings of the organisation whose calendar token is @token, from @from on, with the
-- resource and where it is. An unknown token returns no organisation row at all (the feed is a 404);
-- a known one without bookings returns one row with NULL booking columns.
WITH organisation AS (
    -- the token is the secret in the feed's URL
    SELECT o.id, o.name FROM organisations AS o WHERE o.calendar_token = @token
)
SELECT organisation.name AS organisation_name,
       b.id AS booking_id,
       lower(b.period) AS starts_at,
       upper(b.period) AS ends_at,
       b.status,
       b.quantity,
       b.purpose,
       r.name AS resource_name,
       coalesce(b.deployment_address, concat_ws(', ', p.name, p.street_address, p.locality)) AS location,
       b.calendar_sequence,
       b.calendar_changed_at
  FROM organisation
  LEFT JOIN bookings AS b
         ON b.organisation_id = organisation.id
        AND b.status IN ('requested', 'confirmed', 'cancelled')
        AND upper(b.period) > @from
  LEFT JOIN resources AS r ON r.id = b.resource_id
  LEFT JOIN places AS p ON p.id = r.home_place_id
 ORDER BY lower(b.period), b.id
 LIMIT 5000
