-- The approval queue: requests that have not expired on the resources of the organisations where
-- @account_id is a resource manager or admin (every organisation's when @is_site_admin), first come
-- first served.
SELECT b.id, b.resource_id, b.slot_id, lower(b.period) AS starts_at, upper(b.period) AS ends_at, b.quantity,
       b.organisation_id, b.booked_by, b.status, b.purpose, b.deployment_location,
       b.deployment_address, b.confirmed_requirements, b.idempotency_key, b.expires_at, b.decided_by,
       b.decided_at, b.decision_note, b.created_at
  FROM bookings AS b
  JOIN resources AS r ON r.id = b.resource_id
 WHERE b.status = 'requested' AND (b.expires_at IS NULL OR b.expires_at > @now)
   AND (@is_site_admin OR EXISTS (SELECT 1 FROM memberships AS m
                                   WHERE m.account_id = @account_id AND m.organisation_id = r.organisation_id
                                     AND m.role IN ('resource_manager', 'admin')))
 ORDER BY b.arrival
 LIMIT @limit
