-- Schedules by id (@ids) or the availability schedules of resources (@resource_ids); the
-- caller groups them.
SELECT s.id, s.kind, s.resource_id, s.place_id, s.title, s.starts_local,
       (EXTRACT(EPOCH FROM s.duration) / 60)::int AS duration_minutes, s.time_zone, s.rrule, s.excluded_dates,
       s.capacity, s.is_verified
  FROM schedules AS s
 WHERE s.id = ANY(@ids) OR (s.kind = 'availability' AND s.resource_id = ANY(@resource_ids))
 ORDER BY s.starts_local, s.id
