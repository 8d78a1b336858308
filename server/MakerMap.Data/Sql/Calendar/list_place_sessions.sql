-- The sessions of place @place_id from @from on (cancelled ones included, so clients drop them).
-- An unknown place returns no rows; a known one without sessions one row with NULL slot columns.
WITH place AS (
    -- the place the feed is for
    SELECT p.id, p.name, concat_ws(', ', p.name, p.street_address, p.locality) AS location
      FROM places AS p
     WHERE p.id = @place_id
)
SELECT place.name AS place_name,
       place.location,
       s.id AS slot_id,
       lower(s.period) AS starts_at,
       upper(s.period) AS ends_at,
       s.is_cancelled,
       sc.title,
       s.calendar_sequence,
       s.calendar_changed_at
  FROM place
  LEFT JOIN slots AS s
         ON s.place_id = place.id
        AND upper(s.period) > @from
  LEFT JOIN schedules AS sc ON sc.id = s.schedule_id AND sc.kind = 'session'
 ORDER BY lower(s.period), s.id
 LIMIT 5000
