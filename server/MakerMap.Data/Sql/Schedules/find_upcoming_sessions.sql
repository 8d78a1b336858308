-- The next @limit sessions of each place that have not ended at @now, earliest first; cancelled
-- occurrences are left out.
WITH place AS (
    -- the places asked for
    SELECT DISTINCT p.id FROM unnest(@place_ids::uuid[]) AS p (id)
)
SELECT place.id AS place_id,
       next.id AS slot_id,
       next.schedule_id,
       next.title,
       lower(next.period) AS starts_at,
       upper(next.period) AS ends_at,
       next.capacity,
       next.is_verified
  FROM place
 CROSS JOIN LATERAL (
        SELECT sl.id, sl.schedule_id, sc.title, sl.period, sl.capacity, sc.is_verified
          FROM slots AS sl
          JOIN schedules AS sc ON sc.id = sl.schedule_id
         WHERE sl.place_id = place.id
           AND sc.kind = 'session'
           AND NOT sl.is_cancelled
           AND upper(sl.period) > @now
         ORDER BY lower(sl.period), sl.id
         LIMIT @limit
       ) AS next
 ORDER BY place.id, lower(next.period), next.id
