-- Removes the slots that the given schedules no longer produce: slots of @expanded_ids starting in
-- [@from, @to) whose period is not among the occurrences just expanded. A stale slot nobody booked
-- is deleted; one that bookings point to (live or not) is kept for them but cancelled, so nobody
-- books it again. Returns how many slots were deleted or cancelled.
WITH produced AS (
    -- the occurrences the schedules produce now, [starts_at, ends_at)
    SELECT o.schedule_id, tstzrange(o.starts_at, o.ends_at, '[)') AS period
      FROM unnest(@schedule_ids::uuid[], @starts::timestamptz[], @ends::timestamptz[]) AS o (schedule_id, starts_at, ends_at)
), stale AS (
    -- slots in the window that no occurrence matches
    SELECT s.id, EXISTS (SELECT 1 FROM bookings AS b WHERE b.slot_id = s.id) AS is_booked
      FROM slots AS s
     WHERE s.schedule_id = ANY(@expanded_ids)
       AND lower(s.period) >= @from AND lower(s.period) < @to
       AND NOT EXISTS (SELECT 1 FROM produced AS p WHERE p.schedule_id = s.schedule_id AND p.period = s.period)
), deleted AS (
    -- unbooked stale slots
    DELETE FROM slots AS s USING stale AS t
     WHERE s.id = t.id AND NOT t.is_booked
    RETURNING s.id
), cancelled AS (
    -- booked stale slots stay for their bookings but cannot be booked again
    UPDATE slots AS s SET is_cancelled = true
      FROM stale AS t
     WHERE s.id = t.id AND t.is_booked AND NOT s.is_cancelled
    RETURNING s.id
)
SELECT ((SELECT count(*) FROM deleted) + (SELECT count(*) FROM cancelled))::int
