-- Makes cancelled slots bookable again when their schedule produces them again (an occurrence moved
-- away and back, a rule narrowed and widened again): cancelled slots of @expanded_ids starting in
-- [@from, @to) whose period is among the occurrences just expanded. Runs after remove_stale_slots.sql
-- and before insert_slots.sql. An availability slot stays cancelled while a bookable slot of its
-- resource overlaps it (the no-overlap constraint), and of two overlapping candidates only the one with
-- the smaller id comes back, so the update never trips that constraint. Returns how many came back.
WITH produced AS (
    -- the occurrences the schedules produce now, [starts_at, ends_at)
    SELECT o.schedule_id, tstzrange(o.starts_at, o.ends_at, '[)') AS period
      FROM unnest(@schedule_ids::uuid[], @starts::timestamptz[], @ends::timestamptz[]) AS o (schedule_id, starts_at, ends_at)
), candidate AS (
    SELECT s.id, s.resource_id, s.period
      FROM slots AS s
     WHERE s.is_cancelled
       AND s.schedule_id = ANY(@expanded_ids)
       AND lower(s.period) >= @from AND lower(s.period) < @to
       AND EXISTS (SELECT 1 FROM produced AS p WHERE p.schedule_id = s.schedule_id AND p.period = s.period)
), reinstated AS (
    UPDATE slots AS s SET is_cancelled = false
      FROM candidate AS c
     WHERE s.id = c.id
       AND (c.resource_id IS NULL OR (
            NOT EXISTS (SELECT 1 FROM slots AS o
                         WHERE o.resource_id = c.resource_id AND NOT o.is_cancelled AND o.period && c.period)
            AND NOT EXISTS (SELECT 1 FROM candidate AS d
                             WHERE d.resource_id = c.resource_id AND d.id < c.id AND d.period && c.period)))
    RETURNING s.id
)
SELECT count(*)::int FROM reinstated
