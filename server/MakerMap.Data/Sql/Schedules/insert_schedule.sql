-- A schedule entered through the API by the organiser, hence verified.
INSERT INTO schedules (kind, resource_id, place_id, title, starts_local, duration, time_zone, rrule, excluded_dates,
                       capacity, source_code, is_verified)
VALUES (@kind, @resource_id, @place_id, @title, @starts_local, make_interval(mins => @duration_minutes), @time_zone, @rrule,
        @excluded_dates, @capacity, 'makermap-api', true)
RETURNING id
