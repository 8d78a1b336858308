-- One schedule by its slug (migration 0006); the resource or place is named by slug.
INSERT INTO schedules AS s (
    slug, kind, resource_id, place_id, title, starts_local, duration, time_zone, rrule, excluded_dates,
    capacity, source_code, is_verified)
VALUES (
    @slug, @kind, (SELECT id FROM resources WHERE slug = @resource), (SELECT id FROM places WHERE slug = @place),
    @title, @starts_local, @duration::interval, @time_zone, @rrule, @excluded_dates,
    @capacity, @source_code, @is_verified)
ON CONFLICT (slug) DO UPDATE
   SET kind = EXCLUDED.kind,
       resource_id = EXCLUDED.resource_id,
       place_id = EXCLUDED.place_id,
       title = EXCLUDED.title,
       starts_local = EXCLUDED.starts_local,
       duration = EXCLUDED.duration,
       time_zone = EXCLUDED.time_zone,
       rrule = EXCLUDED.rrule,
       excluded_dates = EXCLUDED.excluded_dates,
       capacity = EXCLUDED.capacity,
       source_code = EXCLUDED.source_code,
       is_verified = EXCLUDED.is_verified
 WHERE (s.kind, s.resource_id, s.place_id, s.title, s.starts_local, s.duration, s.time_zone, s.rrule, s.excluded_dates,
        s.capacity, s.source_code, s.is_verified)
       IS DISTINCT FROM
       (EXCLUDED.kind, EXCLUDED.resource_id, EXCLUDED.place_id, EXCLUDED.title, EXCLUDED.starts_local, EXCLUDED.duration,
        EXCLUDED.time_zone, EXCLUDED.rrule, EXCLUDED.excluded_dates, EXCLUDED.capacity, EXCLUDED.source_code, EXCLUDED.is_verified)
RETURNING (xmax = 0) AS inserted
