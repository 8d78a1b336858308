-- Cancels the occurrences of a series that have not started yet and are live or waitlisted, all of them
-- or only those from @from_start on; the units they held are offered to the waitlist (migration 0020).
UPDATE bookings AS b
   SET status = 'cancelled', updated_at = @now, cancellation_reason = @reason
 WHERE b.series_id = @series_id AND b.status IN ('requested', 'confirmed', 'waitlisted')
   AND lower(b.period) > @now AND (@from_start::timestamptz IS NULL OR lower(b.period) >= @from_start)
RETURNING b.id, b.resource_id, b.slot_id, lower(b.period) AS starts_at, upper(b.period) AS ends_at, b.quantity,
       b.organisation_id, b.booked_by, b.status, b.purpose, b.deployment_location,
       b.deployment_address, b.confirmed_requirements, b.idempotency_key, b.expires_at, b.decided_by,
       b.decided_at, b.decision_note, b.created_at, b.series_week;
