-- Reminders for live bookings that start within the next @lead (and not before @now). The key
-- names the booking and its start, so a second run writes nothing and a moved booking gets a new one.
WITH due AS (
    -- bookings starting in (@now, @now + @lead]
    SELECT b.id, lower(b.period) AS starts_at, r.name AS resource_name,
           coalesce(a.email, o.email) AS recipient
      FROM bookings AS b
      JOIN resources AS r ON r.id = b.resource_id
      LEFT JOIN accounts AS a ON a.id = b.booked_by
      LEFT JOIN organisations AS o ON o.id = b.organisation_id
     WHERE b.status IN ('requested', 'confirmed')
       AND lower(b.period) > @now
       AND lower(b.period) <= @now + @lead
)
INSERT INTO outbox_messages (message_key, kind, recipient, subject, body, subject_id)
SELECT 'booking-reminder:' || due.id || ':' || to_char(due.starts_at AT TIME ZONE 'UTC', 'YYYYMMDD"T"HH24MISS"Z"'),
       'booking_reminder',
       due.recipient,
       'Reminder: ' || due.resource_name,
       'Your booking of ' || due.resource_name || ' starts at '
           || to_char(due.starts_at AT TIME ZONE 'Europe/Brussels', 'YYYY-MM-DD HH24:MI') || ' (Brussels time).',
       due.id
  FROM due
ON CONFLICT (message_key) DO NOTHING
