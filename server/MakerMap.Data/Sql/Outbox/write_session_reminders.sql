-- Reminders to the organiser of each session (a repair café afternoon) that starts within the next
-- @lead; one per slot, keyed like booking reminders.
WITH due AS (
    -- session slots starting in (@now, @now + @lead]
    SELECT sl.id, lower(sl.period) AS starts_at, sc.title, p.name AS place_name,
           coalesce(p.email, o.email) AS recipient
      FROM slots AS sl
      JOIN schedules AS sc ON sc.id = sl.schedule_id
      JOIN places AS p ON p.id = sl.place_id
      LEFT JOIN organisations AS o ON o.id = p.organisation_id
     WHERE sc.kind = 'session'
       AND NOT sl.is_cancelled
       AND lower(sl.period) > @now
       AND lower(sl.period) <= @now + @lead
)
INSERT INTO outbox_messages (message_key, kind, recipient, subject, body, subject_id)
SELECT 'session-reminder:' || due.id || ':' || to_char(due.starts_at AT TIME ZONE 'UTC', 'YYYYMMDD"T"HH24MISS"Z"'),
       'session_reminder',
       due.recipient,
       'Tomorrow: ' || due.title,
       due.title || ' at ' || due.place_name || ' starts at '
           || to_char(due.starts_at AT TIME ZONE 'Europe/Brussels', 'YYYY-MM-DD HH24:MI') || ' (Brussels time).',
       due.id
  FROM due
ON CONFLICT (message_key) DO NOTHING
