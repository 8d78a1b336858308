-- What a booking request is checked against: the resource's rules and its requirement codes.
SELECT r.id, r.capacity, r.booking_mode = 'exclusive' AS is_exclusive, r.is_mobile, r.requires_approval,
       r.min_booking, r.max_booking, r.approval_timeout,
       coalesce(array_agg(q.code ORDER BY q.code) FILTER (WHERE q.code IS NOT NULL), '{}') AS requirement_codes
  FROM resources r
  LEFT JOIN resource_requirements q ON q.resource_id = r.id
 WHERE r.id = @resource_id
 GROUP BY r.id;
