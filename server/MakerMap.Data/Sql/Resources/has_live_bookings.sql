-- Whether live bookings (requested or confirmed) that have not ended hold the resource. Run after
-- lock_resource_for_delete.sql, in its own statement: a subquery of the locking statement would read
-- the snapshot taken before the lock was granted and miss a booking committed while it waited.
SELECT EXISTS (SELECT 1 FROM bookings AS b
                WHERE b.resource_id = @id AND b.status IN ('requested', 'confirmed') AND upper(b.period) > @now)
