-- Series by id (migration 0024).
SELECT s.id, s.resource_id, s.organisation_id, s.booked_by, lower(s.first_period) AS starts_at,
       upper(s.first_period) AS ends_at, s.weeks, s.quantity, s.purpose, s.created_at, s.request_hash
  FROM booking_series AS s
 WHERE s.id = ANY(@ids);
