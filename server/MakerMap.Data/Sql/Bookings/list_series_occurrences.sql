-- The occurrences of some series, whatever their state, in week order.
SELECT b.id, b.resource_id, b.slot_id, lower(b.period) AS starts_at, upper(b.period) AS ends_at, b.quantity,
       b.organisation_id, b.booked_by, b.status, b.purpose, b.deployment_location,
       b.deployment_address, b.confirmed_requirements, b.idempotency_key, b.expires_at, b.decided_by,
       b.decided_at, b.decision_note, b.created_at, b.series_id, b.series_week
  FROM bookings AS b
 WHERE b.series_id = ANY(@series_ids)
 ORDER BY b.series_id, b.series_week;
