-- The booking an earlier request of the same caller (account and organisation) made with this
-- idempotency key, if any, with the fingerprint of that request.
SELECT b.id, b.resource_id, b.slot_id, lower(b.period) AS starts_at, upper(b.period) AS ends_at, b.quantity,
       b.organisation_id, b.booked_by, b.status, b.purpose, b.deployment_location,
       b.deployment_address, b.confirmed_requirements, b.idempotency_key, b.expires_at, b.decided_by,
       b.decided_at, b.decision_note, b.created_at, b.request_hash
  FROM bookings b
 WHERE b.booked_by IS NOT DISTINCT FROM @booked_by
   AND b.organisation_id IS NOT DISTINCT FROM @organisation_id
   AND b.idempotency_key = @idempotency_key;
