-- Changes the fields whose @set_* flag is true and leaves the others as stored (a set NULL clears
-- rrule or capacity); returns what expanding the schedule needs. No row: unknown schedule.
UPDATE schedules AS s
   SET title          = CASE WHEN @set_title THEN @title ELSE s.title END,
       starts_local   = CASE WHEN @set_starts_local THEN @starts_local ELSE s.starts_local END,
       duration       = CASE WHEN @set_duration THEN make_interval(mins => @duration_minutes) ELSE s.duration END,
       time_zone      = CASE WHEN @set_time_zone THEN @time_zone ELSE s.time_zone END,
       rrule          = CASE WHEN @set_rrule THEN @rrule ELSE s.rrule END,
       excluded_dates = CASE WHEN @set_excluded_dates THEN @excluded_dates ELSE s.excluded_dates END,
       capacity       = CASE WHEN @set_capacity THEN @capacity ELSE s.capacity END
 WHERE s.id = @id
RETURNING s.id, s.kind, s.starts_local, EXTRACT(EPOCH FROM s.duration)::double precision AS duration_seconds,
          s.time_zone, s.rrule, s.excluded_dates
