-- The resource's capacity and booking mode (no row: unknown resource).
SELECT r.capacity, r.booking_mode
  FROM resources r
 WHERE r.id = @resource_id;
