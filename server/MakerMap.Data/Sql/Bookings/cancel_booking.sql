-- Cancels a live (requested or confirmed) or waitlisted booking; units it held are free again at once
-- and offered to the waitlist (migration 0020). The reason,
-- if given, is kept for the other side.
UPDATE bookings AS b
   SET status = 'cancelled', updated_at = @now, cancellation_reason = @reason
 WHERE b.id = @id AND b.status IN ('requested', 'confirmed', 'waitlisted')
RETURNING b.id, b.resource_id, b.slot_id, lower(b.period) AS starts_at, upper(b.period) AS ends_at, b.quantity,
       b.organisation_id, b.booked_by, b.status, b.purpose, b.deployment_location,
       b.deployment_address, b.confirmed_requirements, b.idempotency_key, b.expires_at, b.decided_by,
       b.decided_at, b.decision_note, b.created_at;
