-- A resource entered through the API at its home place; it belongs to the place's organisation.
-- The unique slug index rejects a slug in use (SQLSTATE 23505, resources_slug_key).
INSERT INTO resources (
    slug, home_place_id, organisation_id, name, kind, description, capacity, booking_mode, is_mobile,
    requires_approval, min_booking, max_booking, approval_timeout, source_code)
SELECT @slug, p.id, p.organisation_id, @name, @kind, @description, @capacity, @booking_mode, @is_mobile,
       @requires_approval, make_interval(mins => @min_minutes), make_interval(mins => @max_minutes),
       make_interval(secs => @approval_timeout_hours * 3600), 'makermap-api'
  FROM places AS p
 WHERE p.id = @place_id
RETURNING id
