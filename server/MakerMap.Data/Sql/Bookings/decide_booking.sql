-- Approves or declines a request that has not expired yet.
UPDATE bookings AS b
   SET status = @status, decided_by = @decided_by, decided_at = @now, decision_note = @note,
       expires_at = NULL, updated_at = @now
 WHERE b.id = @id AND b.status = 'requested' AND (b.expires_at IS NULL OR b.expires_at > @now)
RETURNING b.id, b.resource_id, b.slot_id, lower(b.period) AS starts_at, upper(b.period) AS ends_at, b.quantity,
       b.organisation_id, b.booked_by, b.status, b.purpose, b.deployment_location,
       b.deployment_address, b.confirmed_requirements, b.idempotency_key, b.expires_at, b.decided_by,
       b.decided_at, b.decision_note, b.created_at;
