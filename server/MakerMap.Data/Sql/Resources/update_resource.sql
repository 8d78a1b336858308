-- Changes the fields whose @set_* flag is true and leaves the others as stored. The table's CHECKs
-- (capacity range, 0 < min_booking <= max_booking) judge the combined result.
UPDATE resources AS r
   SET name              = CASE WHEN @set_name THEN @name ELSE r.name END,
       kind              = CASE WHEN @set_kind THEN @kind ELSE r.kind END,
       description       = CASE WHEN @set_description THEN @description ELSE r.description END,
       capacity          = CASE WHEN @set_capacity THEN @capacity ELSE r.capacity END,
       booking_mode      = CASE WHEN @set_booking_mode THEN @booking_mode ELSE r.booking_mode END,
       is_mobile         = CASE WHEN @set_is_mobile THEN @is_mobile ELSE r.is_mobile END,
       requires_approval = CASE WHEN @set_requires_approval THEN @requires_approval ELSE r.requires_approval END,
       min_booking       = CASE WHEN @set_min_minutes THEN make_interval(mins => @min_minutes) ELSE r.min_booking END,
       max_booking       = CASE WHEN @set_max_minutes THEN make_interval(mins => @max_minutes) ELSE r.max_booking END,
       approval_timeout  = CASE WHEN @set_approval_timeout THEN make_interval(secs => @approval_timeout_hours * 3600) ELSE r.approval_timeout END,
       updated_at        = now()
 WHERE r.id = @id
RETURNING r.id
