-- Every schedule with what expanding it needs. The duration travels as seconds: Npgsql cannot read
-- an interval that has a month part as a TimeSpan.
SELECT s.id,
       s.kind,
       s.starts_local,
       EXTRACT(EPOCH FROM s.duration)::double precision AS duration_seconds,
       s.time_zone,
       s.rrule,
       s.excluded_dates
  FROM schedules AS s
 WHERE s.starts_local < @until_local
 ORDER BY s.id
