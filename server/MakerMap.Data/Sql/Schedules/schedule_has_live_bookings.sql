-- Whether live bookings that have not ended hold one of the schedule's slots. Run after
-- lock_schedule_for_delete.sql as its own statement, so it sees bookings committed while that waited.
SELECT EXISTS (SELECT 1 FROM slots AS sl JOIN bookings AS b ON b.slot_id = sl.id
                WHERE sl.schedule_id = @id AND b.status IN ('requested', 'confirmed') AND upper(b.period) > @now)
