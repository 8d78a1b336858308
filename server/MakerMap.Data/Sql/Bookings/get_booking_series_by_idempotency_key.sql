-- The caller's earlier series with this key (keys are scoped to account and organisation).
SELECT s.id, s.resource_id, s.organisation_id, s.booked_by, lower(s.first_period) AS starts_at,
       upper(s.first_period) AS ends_at, s.weeks, s.quantity, s.purpose, s.created_at, s.request_hash
  FROM booking_series AS s
 WHERE s.booked_by IS NOT DISTINCT FROM @booked_by AND s.organisation_id IS NOT DISTINCT FROM @organisation_id
   AND s.idempotency_key = @idempotency_key;
