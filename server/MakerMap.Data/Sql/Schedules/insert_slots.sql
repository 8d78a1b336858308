-- Materialises expanded occurrences as slots. Availability slots belong to the resource, sessions to
-- the place. Running it again inserts nothing: the (schedule_id, period) key already exists. The
-- conflict target is left open on purpose so that the resource's no-overlap exclusion constraint
-- also skips (instead of aborting the batch) when an edited or second schedule overlaps a slot
-- that is already there.
WITH occurrence AS (
    -- one row per expanded occurrence, [starts_at, ends_at)
    SELECT o.schedule_id, o.starts_at, o.ends_at
      FROM unnest(@schedule_ids::uuid[], @starts::timestamptz[], @ends::timestamptz[]) AS o (schedule_id, starts_at, ends_at)
)
INSERT INTO slots (schedule_id, resource_id, place_id, period, capacity)
SELECT s.id,
       CASE WHEN s.kind = 'availability' THEN s.resource_id END,
       CASE WHEN s.kind = 'session' THEN s.place_id END,
       tstzrange(o.starts_at, o.ends_at, '[)'),
       -- a session without a stated capacity is an open event: the largest capacity a slot allows
       COALESCE(s.capacity, r.capacity, 10000)
  FROM occurrence AS o
  JOIN schedules AS s ON s.id = o.schedule_id
  LEFT JOIN resources AS r ON r.id = s.resource_id
ON CONFLICT DO NOTHING
