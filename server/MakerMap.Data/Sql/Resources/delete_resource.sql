-- Deletes a resource whose bookings were removed just before, in the same transaction; its
-- requirements, schedules and slots cascade.
DELETE FROM resources WHERE id = @id
