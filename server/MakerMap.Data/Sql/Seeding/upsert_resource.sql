-- One resource by its slug; its home place and organisation are named by slug. Intervals arrive as
-- PostgreSQL interval text ('4 hours', '7 days').
INSERT INTO resources AS r (
    slug, home_place_id, organisation_id, name, kind, description, capacity, booking_mode, is_mobile,
    requires_approval, min_booking, max_booking, approval_timeout, source_code)
VALUES (
    @slug, (SELECT id FROM places WHERE slug = @home_place), (SELECT id FROM organisations WHERE slug = @organisation),
    @name, @kind, @description, @capacity, @booking_mode, @is_mobile,
    @requires_approval, @min_booking::interval, @max_booking::interval, @approval_timeout::interval, @source_code)
ON CONFLICT (slug) DO UPDATE
   SET home_place_id = EXCLUDED.home_place_id,
       organisation_id = EXCLUDED.organisation_id,
       name = EXCLUDED.name,
       kind = EXCLUDED.kind,
       description = EXCLUDED.description,
       capacity = EXCLUDED.capacity,
       booking_mode = EXCLUDED.booking_mode,
       is_mobile = EXCLUDED.is_mobile,
       requires_approval = EXCLUDED.requires_approval,
       min_booking = EXCLUDED.min_booking,
       max_booking = EXCLUDED.max_booking,
       approval_timeout = EXCLUDED.approval_timeout,
       source_code = EXCLUDED.source_code,
       updated_at = now()
 WHERE (r.home_place_id, r.organisation_id, r.name, r.kind, r.description, r.capacity, r.booking_mode, r.is_mobile,
        r.requires_approval, r.min_booking, r.max_booking, r.approval_timeout, r.source_code)
       IS DISTINCT FROM
       (EXCLUDED.home_place_id, EXCLUDED.organisation_id, EXCLUDED.name, EXCLUDED.kind, EXCLUDED.description, EXCLUDED.capacity,
        EXCLUDED.booking_mode, EXCLUDED.is_mobile, EXCLUDED.requires_approval, EXCLUDED.min_booking, EXCLUDED.max_booking,
        EXCLUDED.approval_timeout, EXCLUDED.source_code)
RETURNING id, (xmax = 0) AS inserted
